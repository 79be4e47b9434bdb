import { expect, test, type Page } from '@playwright/test';

/**
 * Failing browser storage, as a user meets it: no IndexedDB (some private windows), and an
 * upgrade blocked by an old tab. Each gives a clear message, and the work goes on in memory.
 */

async function seesKingston(page: Page) {
	await expect(page.getByTestId('dataset-name')).toContainText('Kingston upon Thames');
	await expect(
		page.getByRole('heading', { name: 'DSG deficit against the Safety Valve cap' })
	).toBeVisible();
	await page.getByText('Show data table').first().click();
	await expect(page.getByRole('table', { name: /Cumulative DSG deficit/ })).toContainText(
		'£28.607m'
	);
}

test.describe('failing storage', () => {
	test('without IndexedDB the app says so and works in memory', async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
		});
		await page.goto('/');
		await expect(page.getByRole('main')).toContainText(
			'This browser is not letting the workbench save anything on this computer'
		);
		await expect(page.getByRole('main')).toContainText('You can keep working');
		await seesKingston(page);
	});

	test('an upgrade blocked by an old tab says to close it, and works in memory', async ({
		page,
		context
	}) => {
		// An "old tab" of version 1 of the app, which never lets go of its connection.
		const oldTab = await context.newPage();
		await oldTab.goto('/favicon.svg');
		await oldTab.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const request = indexedDB.open('send-workbench', 1);
					request.onupgradeneeded = () => {
						request.result.createObjectStore('datasets', { keyPath: 'id' });
						request.result.createObjectStore('scenarios', { keyPath: 'id' });
					};
					request.onsuccess = () => {
						(window as unknown as { held: IDBDatabase }).held = request.result;
						resolve();
					};
					request.onerror = () => reject(request.error);
				})
		);
		await page.goto('/');
		await expect(page.getByRole('main')).toContainText(
			'Close or reload the other workbench tabs, then reload this page'
		);
		await seesKingston(page);
		await oldTab.close();
	});
});

test.describe('nothing lost to a full disk or a quick reload', () => {
	test('a scenario created while storage is full never reads "Saved", and is saved once space returns', async ({
		page
	}) => {
		// Every write fails as a full disk does while window.__full is true.
		await page.addInitScript(() => {
			const w = window as unknown as { __full: boolean };
			w.__full = false;
			for (const method of ['put', 'add'] as const) {
				const real = IDBObjectStore.prototype[method];
				IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
					if (w.__full)
						throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
					return (real as (...a: unknown[]) => IDBRequest).apply(this, args);
				} as never;
			}
		});
		await page.goto('/scenarios/');
		await expect(page.getByTestId('scenario-list')).toContainText('Baseline (trend)', {
			timeout: 30_000
		});
		await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = true));
		await page.getByLabel('Name', { exact: true }).fill('Made while the disk was full');
		await page.getByRole('button', { name: 'Create and edit' }).click();
		const status = page.getByTestId('save-status');
		await expect(status).toHaveAttribute('data-state', 'Not saved');
		await expect(page.getByRole('main')).toContainText('storage for this site is full');
		await expect(page.getByTestId('storage-pending')).toContainText('1 change is not saved yet');
		// An edit while still full: still not saved, never "Saved".
		await page.getByLabel('Description').fill('still full');
		await page.getByLabel('Description').blur();
		await page.waitForTimeout(1000);
		await expect(status).toHaveAttribute('data-state', 'Not saved');

		// Space returns: the next edit saves it (the scenario is created, not lost).
		await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = false));
		await page.getByLabel('Description').fill('space is back');
		await page.getByLabel('Description').blur();
		await expect(status).toHaveAttribute('data-state', 'Saved');
		await expect(page.getByTestId('storage-pending')).toHaveCount(0);
		await page.goto('/scenarios/');
		await page.reload();
		await expect(
			page.getByTestId('scenario-list').locator('li[data-scenario="Made while the disk was full"]')
		).toContainText('space is back', { timeout: 30_000 });
	});

	test('an edit within the autosave delay, and a description typed but not left, survive a reload', async ({
		page
	}) => {
		await page.goto('/scenarios/edit/?id=baseline-trend');
		const description = page.getByLabel('Description');
		await expect(description).toBeVisible({ timeout: 30_000 });
		// Typed, never blurred, and the page reloaded at once.
		await description.fill('Typed and reloaded at once');
		await page.reload();
		await expect(page.getByLabel('Description')).toHaveValue('Typed and reloaded at once', {
			timeout: 30_000
		});
	});
});
