import { expect, test } from '@playwright/test';

/**
 * Issue 11 items 2 and 3 on the built app with Kingston's data: the dashboard shows placement
 * cost by setting as a stacked chart and a table; the Report shows the savings tracker in £, and
 * an actual recorded on the Actuals page appears in it against its target.
 */

test.describe('costs by placement and the savings tracker', () => {
	test('the dashboard shows placement cost by setting as a stacked chart and a table', async ({
		page
	}) => {
		await page.goto('/');
		const section = page.getByTestId('placement-costs');
		// The first projection takes a while on a loaded machine.
		await expect(section.getByRole('heading', { name: 'Placement cost by setting' })).toBeVisible({
			timeout: 30_000
		});
		const chart = section.locator('svg', { has: page.locator('g.stacked-bars') });
		// 7 settings × 5 financial years.
		await expect(chart.locator('g.stacked-bars rect')).toHaveCount(35);
		await expect(chart.locator('rect[data-series="independent_special"]').first()).toBeVisible();
		const table = page.getByTestId('placement-costs-table');
		await expect(table.locator('tbody tr')).toHaveCount(7);
		await expect(table.locator('thead th').nth(1)).toHaveText('2021/22');
		await expect(table.locator('tfoot')).toContainText(/Placement cost \(all settings\)\s*£\d/);
	});

	test('the Report shows the savings tracker, and a recorded actual against its target', async ({
		page
	}) => {
		await page.goto('/data/actuals/');
		const actual = page.getByRole('textbox', {
			name: 'Development of post 16 offer: actual savings delivered in Q1 (Apr–Jun), 2021/22 (£)'
		});
		await actual.fill('24000', { timeout: 30_000 });
		await actual.press('Tab');
		await expect(actual).toHaveValue('£24,000');

		await page.goto('/report/');
		const tracker = page.getByTestId('savings-tracker');
		await expect(tracker.getByRole('heading', { name: 'Savings tracker' })).toBeVisible({
			timeout: 30_000
		});
		await expect(tracker.getByRole('table')).toHaveAccessibleName(
			'Savings by quarter, 2021/22 (£)'
		);
		const line = tracker.locator('tbody[data-line="post_16_offer"]');
		const row = (measure: string) =>
			line.locator('tr', { has: page.locator('th.measure', { hasText: measure }) });
		// £120,000 a year, evenly: £30,000 a quarter; £24,000 delivered in Q1.
		await expect(row('Target').locator('td')).toHaveText([
			'£30,000',
			'£30,000',
			'£30,000',
			'£30,000',
			'£120,000'
		]);
		await expect(row('Actual').locator('td').first()).toHaveText('£24,000');
		await expect(row('Variance').locator('td').first()).toHaveText('−£6,000');
		await expect(tracker.locator('tbody[data-line="all"]')).toContainText('All savings lines');
	});
});
