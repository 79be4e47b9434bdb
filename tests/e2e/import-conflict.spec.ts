import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

/**
 * Importing a scenario set never replaces saved work silently (issue 11 item 8, issue 13 item 5):
 * a file older than the work saved here shows what differs and asks; cancel changes nothing, keep
 * both adds the file's versions beside the saved ones, replace replaces.
 */

test('importing an older scenario set prompts, and keeps the newer work unless told otherwise', async ({
	page
}, testInfo) => {
	await page.goto('/scenarios/');
	const downloadPromise = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export scenario set' }).click();
	const download = await downloadPromise;
	const file = testInfo.outputPath('older-set.json');
	await download.saveAs(file);
	const older = {
		name: 'older-set.json',
		mimeType: 'application/json',
		buffer: await readFile(file)
	};

	// Newer work, after the export.
	await page.goto('/scenarios/edit/?id=baseline-trend');
	const description = page.getByLabel('Description');
	await description.fill('Newer edit made after the export');
	await description.blur();
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'Saved');

	await page.goto('/scenarios/');
	const dialog = page.getByTestId('import-conflict-dialog');
	const list = page.getByTestId('scenario-list');

	// Cancel: nothing changes.
	await page.getByTestId('import-file').setInputFiles(older);
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Scenario “Baseline (trend)”');
	await expect(dialog).toContainText('description');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('scenarios-notice')).toContainText(
		'cancelled: nothing was changed'
	);
	await expect(list).toContainText('Newer edit made after the export');

	// Keep both: the saved one stays, the file's is added under a new name.
	await page.getByTestId('import-file').setInputFiles(older);
	await dialog.getByRole('button', { name: /Keep both/ }).click();
	await expect(page.getByTestId('scenarios-notice')).toContainText('under new names');
	await expect(list.locator('li[data-scenario="Baseline (trend)"]')).toContainText(
		'Newer edit made after the export'
	);
	await expect(list.locator('li[data-scenario="Baseline (trend) (imported)"]')).toBeVisible();
	await page.reload();
	await expect(list.locator('li[data-scenario="Baseline (trend)"]')).toContainText(
		'Newer edit made after the export'
	);
	await expect(list.locator('li[data-scenario="Baseline (trend) (imported)"]')).toBeVisible();

	// Replace, when asked for.
	await page.getByTestId('import-file').setInputFiles(older);
	await dialog.getByRole('button', { name: 'Replace the saved work' }).click();
	await expect(page.getByTestId('scenarios-notice')).toContainText('Imported');
	await expect(list.locator('li[data-scenario="Baseline (trend)"]')).not.toContainText(
		'Newer edit made after the export'
	);
});
