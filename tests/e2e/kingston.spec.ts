import { expect, test } from '@playwright/test';
import { watch } from './helpers';

test.describe('a first-time user sees Kingston’s 2021/22 position', () => {
	test('the dashboard shows the deficit against the cap, with a chart and its data table', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/');
		await expect(
			page.getByRole('heading', { name: 'DSG deficit against the Safety Valve cap' })
		).toBeVisible();
		const chart = page.getByRole('img', {
			name: /Cumulative DSG deficit before Safety Valve funding against the cap/
		});
		await expect(chart).toBeVisible();
		await expect(chart.locator('path').first()).toBeAttached();
		await page.getByText('Show data table').click();
		const table = page.getByRole('table', { name: /Cumulative DSG deficit/ });
		await expect(table).toContainText('2021/22');
		await expect(table).toContainText('£28.607m');
		await expect(page.getByTestId('headroom-table')).toContainText('SVA financial model 2021/22');
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('the monitoring page prints the seed’s financial model monitoring table and KPIs', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/monitoring/');
		const table = page.getByTestId('monitoring-table');
		const row = (id: string) => table.locator(`tr[data-row="${id}"]`);
		await expect(row('hnb_allocation')).toContainText('25.897');
		await expect(row('hnb_allocation').locator('td').nth(2)).toHaveText('0.000');
		await expect(row('total_budget')).toContainText('26.359');
		await expect(row('total_budget')).toContainText('26.560');
		await expect(row('hnb_expenditure_before_savings')).toContainText('-0.844');
		await expect(row('savings:post_16_offer')).toContainText('-0.120');
		await expect(row('savings:post_16_offer')).toContainText('A');
		await expect(row('in_year_dsg_deficit')).toContainText('3.485');
		const cumulative = row('cumulative_deficit_before_sv');
		await expect(cumulative.locator('td').nth(0)).toHaveText('28.607');
		await expect(cumulative.locator('td').nth(1)).toHaveText('27.886');
		await expect(cumulative.locator('td').nth(2)).toHaveText('-0.721');
		await expect(row('cumulative_deficit_after_sv').locator('td').nth(1)).toHaveText('10.886');

		const kpis = page.getByTestId('kpi-table');
		await expect(kpis.locator('tr[data-kpi="1"]')).toContainText('1,447');
		await expect(kpis.locator('tr[data-kpi="2"]')).toContainText('1.17%');
		await expect(kpis.locator('tr[data-kpi="14"]')).toContainText('£27,886,000');
		await expect(kpis.locator('tr[data-kpi="24"] [data-rag]')).toHaveAttribute('data-rag', 'A');
		await expect(kpis.locator('tbody tr')).toHaveCount(39);
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('every page opens without console errors or foreign requests', async ({ page, baseURL }) => {
		const w = watch(page, new URL(baseURL!).origin);
		for (const path of [
			'/',
			'/scenarios/',
			'/compare/',
			'/monitoring/',
			'/data/',
			'/methodology/'
		]) {
			await page.goto(path);
			await expect(page.locator('main h1')).toBeVisible();
		}
		await expect(page.getByTestId('backtest')).toBeVisible();
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});
});
