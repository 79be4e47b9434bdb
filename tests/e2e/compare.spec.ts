import { expect, test } from '@playwright/test';
import { watch } from './helpers';

const PLAN = 'SVA financial model 2021/22';
const MAY = 'May 2021 projection';
const BASELINE = 'Baseline (trend)';

test.describe('comparing scenarios', () => {
	test('three scenarios side by side against the cap, with the difference from a chosen reference', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/compare/');
		await expect(page.getByRole('heading', { level: 1, name: 'Compare scenarios' })).toBeVisible();
		const deficit = page.getByTestId('compare-deficit');
		for (const name of [PLAN, MAY, BASELINE]) {
			await expect(deficit.locator(`tr[data-row="${name}"]`)).toBeVisible();
		}
		// The seed's monitoring figures: the plan at its cap, the May projection below it.
		await expect(deficit.locator(`tr[data-row="${PLAN}"] td`).first()).toHaveText('£28.607m');
		await expect(deficit.locator(`tr[data-row="${MAY}"] td`).first()).toHaveText('£27.886m');
		await expect(
			deficit.locator('tr[data-row="Cap (maximum cumulative deficit)"] td').first()
		).toHaveText('£28.607m');
		await expect(deficit.locator(`tr[data-row="${BASELINE}"] td`).last()).toContainText('2022/23');
		await expect(
			page.getByTestId('compare-headroom').locator(`tr[data-row="${MAY}"] td`).first()
		).toHaveText('£0.721m');
		await expect(page.getByTestId('compare-ehcps')).toContainText('1,537');

		await page.getByLabel('Reference').selectOption({ label: PLAN });
		const diff = page.getByTestId('compare-diff-deficit');
		await expect(diff.locator('caption')).toContainText(`Difference from “${PLAN}”`);
		await expect(diff.locator(`tr[data-row="${MAY}"] td`).first()).toContainText('−£0.721m');
		await expect(diff.locator(`tr[data-row="${PLAN}"]`)).toHaveCount(0);

		// Monte Carlo in the background: the breach probabilities and bands, with standard errors.
		await expect(page.getByTestId('compare-p-breach')).toBeVisible({ timeout: 30_000 });
		await expect(page.locator('g.band path')).toHaveCount(3);
		await expect(diff.locator(`tr[data-row="${MAY}"] td`).nth(2)).toContainText('±');

		// A smaller set, kept in the address across a reload.
		await page.getByRole('checkbox', { name: BASELINE }).uncheck();
		await expect(deficit.locator(`tr[data-row="${BASELINE}"]`)).toHaveCount(0);
		await page.reload();
		await expect(
			page.getByTestId('compare-deficit').locator(`tr[data-row="${BASELINE}"]`)
		).toHaveCount(0);
		await expect(
			page.getByTestId('compare-deficit').locator(`tr[data-row="${MAY}"]`)
		).toBeVisible();
		await expect(page.getByLabel('Reference')).toHaveValue('sva-financial-model-2021-22');

		// The selection saved as a named set, kept in the browser and chosen again later.
		await page.getByLabel('Save this selection as').fill('Plan and May');
		await page.getByRole('button', { name: 'Save set' }).click();
		await expect(page.getByTestId('saved-sets')).toContainText(
			'Saved the set “Plan and May” (2 scenarios)'
		);
		await page.getByRole('checkbox', { name: BASELINE }).check();
		await expect(
			page.getByTestId('compare-deficit').locator(`tr[data-row="${BASELINE}"]`)
		).toBeVisible();
		await page.goto('/compare/');
		await page.getByLabel('Saved sets').selectOption({ label: 'Plan and May' });
		await expect(
			page.getByTestId('compare-deficit').locator(`tr[data-row="${BASELINE}"]`)
		).toHaveCount(0);
		await expect(
			page.getByTestId('compare-deficit').locator(`tr[data-row="${PLAN}"]`)
		).toBeVisible();

		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('unticking every scenario shows none, says so, keeps the boxes in step across a reload and saves no set', async ({
		page
	}) => {
		await page.goto('/compare/');
		const boxes = page.getByRole('group', { name: 'Scenarios compared' }).getByRole('checkbox');
		await expect(boxes).toHaveCount(3);
		for (const name of [PLAN, MAY, BASELINE]) {
			await page.getByRole('checkbox', { name }).uncheck();
		}
		for (const name of [PLAN, MAY, BASELINE]) {
			await expect(page.getByRole('checkbox', { name })).not.toBeChecked();
		}
		await expect(page.getByTestId('shown-note')).toHaveText('Showing 0 of 3 scenarios.');
		await expect(page.getByText('Select at least one scenario.')).toBeVisible();
		await expect(page.getByTestId('compare-deficit')).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Save set' })).toBeDisabled();
		await page.reload();
		await expect(page.getByTestId('shown-note')).toHaveText('Showing 0 of 3 scenarios.');
		for (const name of [PLAN, MAY, BASELINE]) {
			await expect(page.getByRole('checkbox', { name })).not.toBeChecked();
		}
		await page.getByRole('checkbox', { name: MAY }).check();
		await page.getByLabel('Save this selection as').fill('May only');
		await page.getByRole('button', { name: 'Save set' }).click();
		await expect(page.getByTestId('saved-sets')).toContainText(
			'Saved the set “May only” (1 scenario)'
		);
	});
});
