import { expect, test } from '@playwright/test';

test('an address with no page says so inside the app’s layout, with a link home', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
	// A link to a page that does not exist, followed inside the app.
	await page.evaluate(() => {
		const a = document.createElement('a');
		a.href = '/no-such-page/';
		a.textContent = 'Old link';
		document.querySelector('main')!.append(a);
	});
	await page.getByRole('link', { name: 'Old link' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page.getByTestId('error-page')).toContainText('There is no page at this address');
	// In the layout: the app's navigation is there, and a link goes home.
	await expect(page.getByRole('link', { name: 'Dashboard' }).first()).toBeVisible();
	await page.getByRole('link', { name: 'Go to the dashboard' }).click();
	await expect(page).toHaveURL(/\/$/);
});
