import { expect, test } from '@playwright/test';
import { watch } from './helpers';

// Under a loaded machine the app's first projection can take a while.
const loaded = { timeout: 30_000 };

test('a user makes another scenario the financial plan; actuals then compare with it, and it survives a reload', async ({
	page,
	baseURL
}) => {
	const w = watch(page, new URL(baseURL!).origin);
	await page.goto('/scenarios/edit/?id=baseline-trend');
	await expect(page.getByRole('heading', { level: 1, name: 'Baseline (trend)' })).toBeVisible(
		loaded
	);
	const role = page.getByRole('combobox', { name: 'Role in the dataset' });
	await expect(role).toHaveValue('none');
	await expect(page.getByTestId('role-note')).toContainText(
		'The financial plan is “SVA financial model 2021/22”'
	);

	await role.selectOption('plan');
	await expect(page.getByTestId('role-note')).toContainText('Actuals are compared with it');
	await expect(page.getByTestId('save-status')).toHaveText(/Saved/, loaded);

	await page.goto('/data/actuals/');
	const plan = page.getByTestId('actuals-plan');
	await expect(plan.locator('option:checked')).toHaveText('Baseline (trend)', loaded);

	// The former plan gave the role up, and that was saved too.
	await page.goto('/scenarios/edit/?id=sva-financial-model-2021-22');
	await expect(
		page.getByRole('heading', { level: 1, name: 'SVA financial model 2021/22' })
	).toBeVisible(loaded);
	await expect(page.getByRole('combobox', { name: 'Role in the dataset' })).toHaveValue('none');
	expect(w.errors).toEqual([]);
	expect(w.foreign).toEqual([]);
});
