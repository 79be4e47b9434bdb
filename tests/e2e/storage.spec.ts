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
