import { expect, test } from '@playwright/test';
import { watch } from './helpers';

/**
 * The quarterly report: with the default dataset it shows the seed's Quarter One 2021/22 report
 * (title, dates, sign-offs, conditions with assurance levels, KPIs, the monitoring table, the
 * deficit chart); its text is editable and saved with the dataset; it prints to a clean A4 PDF.
 */

test.describe('the quarterly report', () => {
	test('shows the seed’s Quarter One report figures for the default dataset', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/report/');
		const report = page.getByTestId('report');
		await expect(
			report.getByRole('heading', { level: 1, name: 'Quarter One 2021/22 Summary Update Report' })
		).toBeVisible();
		await expect(report).toContainText('Kingston upon Thames · Safety Valve Agreement');
		const meta = page.getByTestId('report-meta');
		await expect(meta).toContainText(/Date submitted\s*18 June 2021/);
		await expect(meta).toContainText(/Data date\s*31 May 2021/);
		await expect(meta).toContainText(/Signed off by S151 Officer\s*Sarah Ireland/);
		await expect(meta).toContainText(/Signed off by Director of Children’s Services\s*Ian Dodds/);
		await expect(report).toContainText('There is a good level of confidence');

		const conditions = page.getByTestId('conditions');
		await expect(conditions.locator('tbody tr')).toHaveCount(9);
		const assurance = (id: string) => conditions.locator(`tr[data-condition="${id}"] .assurance`);
		await expect(assurance('condition_2')).toHaveText('Good');
		await expect(assurance('condition_3_4')).toHaveText('Medium');
		await expect(assurance('condition_3_5')).toHaveText('Medium');
		await expect(conditions).toContainText('£139k of £191k in cost mitigations');
		await expect(report).toContainText('Impact of Covid 19');

		const kpis = report.getByTestId('kpi-table');
		await expect(kpis.locator('tbody tr')).toHaveCount(39);
		await expect(kpis.locator('tr[data-kpi="1"]')).toContainText('1,447');
		await expect(kpis.locator('tr[data-kpi="2"]')).toContainText('1.17%');
		await expect(kpis.locator('tr[data-kpi="14"]')).toContainText('£27,886,000');
		await expect(kpis.locator('tr[data-kpi="24"] [data-rag]')).toHaveAttribute('data-rag', 'A');

		const table = report.getByTestId('monitoring-table');
		const row = (id: string) => table.locator(`tr[data-row="${id}"] td`);
		await expect(row('total_budget').nth(0)).toHaveText('26.359');
		await expect(row('total_budget').nth(1)).toHaveText('26.560');
		await expect(row('hnb_expenditure_before_savings').nth(2)).toHaveText('-0.844');
		await expect(row('savings:commissioning_practice').nth(2)).toHaveText('0.244');
		await expect(row('savings:commissioning_practice').locator('[data-rag]')).toHaveAttribute(
			'data-rag',
			'A'
		);
		await expect(row('in_year_dsg_deficit').nth(1)).toHaveText('3.485');
		await expect(row('cumulative_deficit_before_sv').nth(0)).toHaveText('28.607');
		await expect(row('cumulative_deficit_before_sv').nth(1)).toHaveText('27.886');
		await expect(row('cumulative_deficit_before_sv').nth(2)).toHaveText('-0.721');
		await expect(row('cumulative_deficit_after_sv').nth(1)).toHaveText('10.886');

		const chart = report.getByRole('img', { name: /Cumulative DSG deficit before Safety Valve/ });
		await expect(chart).toBeVisible();
		await expect(chart.locator('path').first()).toBeAttached();
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('prints to an A4 PDF with the tables and without the navigation or buttons', async ({
		page
	}) => {
		await page.goto('/report/');
		await expect(page.getByTestId('monitoring-table')).toBeVisible();
		await page
			.getByRole('img', { name: /Cumulative DSG deficit/ })
			.locator('path')
			.first()
			.waitFor({ state: 'attached' });

		const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
		// Summary and conditions, then the KPI table, the monitoring table and the chart.
		expect(pages.length).toBeGreaterThanOrEqual(4);
		// A4 is 595 × 842 points.
		expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 594\.\d+ 841\.\d+\s*\]/);

		// The PDF's text is compressed glyph codes; what it draws is the print rendering, here at
		// the A4 text width (186 mm ≈ 703 CSS px).
		await page.setViewportSize({ width: 703, height: 1000 });
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('header.app-header')).toBeHidden();
		await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
		await expect(page.locator('.export-menu').first()).toBeHidden();
		await expect(page.getByTestId('monitoring-table')).toBeVisible();
		await expect(page.getByTestId('monitoring-table')).toContainText('27.886');
		await expect(page.getByTestId('kpi-table')).toBeVisible();
		await expect(page.getByTestId('conditions')).toBeVisible();
		await expect(page.getByRole('img', { name: /Cumulative DSG deficit/ })).toBeVisible();
		const box = await page.getByRole('img', { name: /Cumulative DSG deficit/ }).boundingBox();
		expect(box!.width).toBeLessThanOrEqual(703);
		expect(box!.height).toBeLessThanOrEqual(435); // max-height 115 mm
	});

	test('edits the summary, a condition’s assurance and progress, and keeps them after a reload', async ({
		page
	}) => {
		await page.goto('/report/');
		await page.getByRole('button', { name: 'Edit text' }).click();
		const editor = page.getByRole('form', { name: 'Edit the report’s text' });
		await editor.getByLabel('Summary').fill('Progress is on track.\n\nA second paragraph.');
		const c34 = editor.getByRole('group', { name: /Condition 3.4/ });
		await c34.getByLabel('Assurance level').selectOption('Low');
		await c34.getByLabel('Progress update').fill('Commissioning savings are behind plan.');
		await editor.getByRole('button', { name: 'Save report' }).click();
		await expect(editor).toBeHidden();
		const report = page.getByTestId('report');
		await expect(report).toContainText('Progress is on track.');
		await expect(report.locator('tr[data-condition="condition_3_4"] .assurance')).toHaveText('Low');

		await page.reload();
		await expect(page.getByTestId('report')).toContainText('A second paragraph.');
		await expect(page.locator('tr[data-condition="condition_3_4"]')).toContainText(
			'Commissioning savings are behind plan.'
		);
		await expect(page.locator('tr[data-condition="condition_3_4"] .assurance')).toHaveText('Low');
	});

	test('adds the next quarter’s report pre-filled from the last one', async ({ page }) => {
		await page.goto('/report/');
		await page.getByRole('button', { name: 'Add next quarter’s report' }).click();
		const report = page.getByTestId('report');
		await expect(
			report.getByRole('heading', { level: 1, name: 'Quarter Two 2021/22 Summary Update Report' })
		).toBeVisible();
		await expect(page.getByTestId('report-meta')).toContainText(/Data date\s*30 September 2021/);
		await expect(page.getByTestId('report-meta')).toContainText(/Date submitted\s*not yet/);
		await expect(page.getByTestId('report-meta')).toContainText('Sarah Ireland');
		await expect(page.getByRole('combobox', { name: 'Report', exact: true })).toHaveValue(
			'q2-2021'
		);
		// Without newer actuals the KPIs show their latest figures, from May.
		await expect(report.getByTestId('kpi-table').locator('tr[data-kpi="1"]')).toContainText(
			'1,447'
		);
		await page
			.getByRole('form', { name: 'Edit the report’s text' })
			.getByRole('button', { name: 'Cancel' })
			.click();
		await page.reload();
		await page.getByRole('combobox', { name: 'Report', exact: true }).selectOption('q1-2021-22');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Quarter One 2021/22 Summary Update Report' })
		).toBeVisible();
	});
});
