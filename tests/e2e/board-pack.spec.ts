import { expect, test, type Page } from '@playwright/test';
import { watch } from './helpers';
import { pdfText, squeeze } from './pdf-text';

/**
 * Quarterly governance and the board pack (issue 11 items 6 and 7): a signed-off quarter is
 * frozen — its text, condition assessments, KPI ratings and figures stay as signed off whatever
 * the next quarter does; a draft quarter can be deleted; the Report page prints the quarter's
 * board pack, whose PDF carries the generated forward look, the authority and the date.
 */

const report = (page: Page) => page.getByTestId('report');
const kpiRow = (page: Page, ref: string) =>
	report(page).getByTestId('kpi-table').locator(`tr[data-kpi="${ref}"]`);
const monitoringCell = (page: Page, id: string, n: number) =>
	report(page).getByTestId('monitoring-table').locator(`tr[data-row="${id}"] td`).nth(n);

/** What a reader sees of the report: the parts sign-off freezes. */
async function reading(page: Page) {
	const conditions = report(page).getByTestId('conditions');
	return {
		title: await report(page).getByRole('heading', { level: 1 }).textContent(),
		summary: await report(page).locator('section[aria-labelledby="summary-h"]').innerText(),
		forwardLook: await page.getByTestId('forward-look-text').innerText(),
		conditions: await conditions.innerText(),
		kpi1: await kpiRow(page, '1').innerText(),
		kpi24: await kpiRow(page, '24').locator('[data-rag]').getAttribute('data-rag'),
		monitoringHead: await report(page).getByTestId('monitoring-table').locator('thead').innerText(),
		deficit: await monitoringCell(page, 'cumulative_deficit_before_sv', 1).innerText()
	};
}

async function chooseReport(page: Page, quarter: RegExp) {
	const select = page.getByRole('combobox', { name: 'Report' });
	const value = await select.locator('option', { hasText: quarter }).getAttribute('value');
	await select.selectOption(value!);
}

test.describe('quarterly governance', () => {
	test('a signed-off Q1 is unchanged after Q2’s text, conditions, KPI ratings and figures change', async ({
		page,
		baseURL
	}) => {
		test.setTimeout(240_000);
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/report/');
		await expect(monitoringCell(page, 'cumulative_deficit_before_sv', 1)).toHaveText('27.886', {
			timeout: 30_000
		});
		await expect(page.getByTestId('forward-look-text')).toContainText('Safety Valve cap');
		// The forward look fills in as the simulations and the sensitivity analysis finish: sign
		// off (and read what is signed) once it is complete, as a lead would.
		await expect(page.getByTestId('forward-look-text')).toContainText('Read it as a guide', {
			timeout: 120_000
		});
		await expect(page.getByTestId('forward-look-text')).toContainText('most, each 10% lower', {
			timeout: 120_000
		});
		await expect(page.getByTestId('report-status')).toHaveText('Draft, not signed off');

		// Sign off Q1: it asks first, then records who and when.
		const status = page.getByTestId('quarter-status');
		await status.getByRole('button', { name: 'Sign off this quarter' }).click();
		await expect(status.getByRole('group')).toContainText(
			'Sign off Q1 2021/22 as Sarah Ireland and Ian Dodds?'
		);
		const q1 = await reading(page);
		await status.getByRole('button', { name: 'Confirm sign-off' }).click();
		await expect(status).toHaveAttribute('data-status', 'signed_off');
		await expect(status).toContainText(/Signed off on .+ by Sarah Ireland and Ian Dodds/);
		await expect(page.getByTestId('report-status')).toContainText('Signed off on');
		await expect(page.getByRole('button', { name: 'Edit text' })).toBeDisabled();
		await expect(page.getByRole('button', { name: 'Edit forward look' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Delete this draft quarter' })).toHaveCount(0);
		expect(await reading(page)).toEqual(q1);

		// Q2: new text and condition assessments.
		await page.getByRole('button', { name: 'Add next quarter’s report' }).click();
		const editor = page.getByRole('form', { name: 'Edit the report’s text' });
		await expect(editor.getByLabel('Quarter (e.g. Q2 2021/22)')).toHaveValue('Q2 2021/22');
		await editor.getByLabel('Summary').fill('Q2: commissioning savings are behind plan.');
		const c34 = editor.getByRole('group', { name: /Condition 3.4/ });
		await c34.getByLabel('Assurance level').selectOption('Low');
		await c34.getByLabel('Progress update').fill('Behind plan in Q2.');
		await editor.getByRole('button', { name: 'Save report' }).click();
		await expect(editor).toBeHidden();
		await expect(report(page)).toContainText('Q2: commissioning savings are behind plan.');
		const q2Id = await page.getByRole('combobox', { name: 'Report' }).inputValue();
		await expect(report(page).locator('tr[data-condition="condition_3_4"] .assurance')).toHaveText(
			'Low'
		);
		// Q2's forward look edited.
		await page.getByRole('button', { name: 'Edit forward look' }).click();
		await page.getByLabel('Forward look text').fill('Q2 forward look, edited by hand.');
		await page.getByRole('button', { name: 'Save forward look' }).click();
		await expect(page.getByTestId('forward-look-text')).toHaveText(
			'Q2 forward look, edited by hand.'
		);
		// Q2's figures: another projection scenario.
		await page
			.getByRole('combobox', { name: 'Projection' })
			.selectOption({ label: 'Baseline (trend)' });
		await expect(report(page).getByTestId('monitoring-table').locator('thead')).toContainText(
			'Baseline (trend)'
		);

		// KPI ratings and figures change after Q1's sign-off: an override and a later actual.
		await page.goto('/monitoring/');
		await page.getByRole('button', { name: 'Edit KPI 24', exact: true }).click({ timeout: 30_000 });
		let kpiEditor = page.getByTestId('kpi-editor');
		await kpiEditor.getByRole('combobox', { name: 'Rating', exact: true }).selectOption('R');
		await kpiEditor.getByLabel(/^Comment/).fill('Reviewed in Q2: adverse');
		await kpiEditor.getByRole('button', { name: 'Save override' }).click();
		await expect(
			page.getByTestId('kpi-table').locator('tr[data-kpi="24"] [data-rag]')
		).toHaveAttribute('data-rag', 'R');
		await page.getByRole('button', { name: 'Edit KPI 1', exact: true }).click();
		kpiEditor = page.getByTestId('kpi-editor');
		await kpiEditor.getByLabel(/^Period/).fill('2021-09');
		await kpiEditor.getByLabel(/^Value/).fill('1,500');
		await kpiEditor.getByRole('button', { name: 'Save actual' }).click();
		await expect(page.getByTestId('kpi-table').locator('tr[data-kpi="1"]')).toContainText('1,500');

		// Back on the report, after a reload: Q2 shows its own; Q1 exactly as signed off.
		await page.goto('/report/');
		await expect(report(page).getByRole('heading', { level: 1 })).toContainText('Quarter Two', {
			timeout: 30_000
		});
		await expect(kpiRow(page, '24').locator('[data-rag]')).toHaveAttribute('data-rag', 'R');
		await expect(kpiRow(page, '1')).toContainText('1,500');
		await chooseReport(page, /Q1 2021\/22/);
		await expect(report(page).getByRole('heading', { level: 1 })).toContainText('Quarter One');
		await expect(monitoringCell(page, 'cumulative_deficit_before_sv', 1)).toHaveText('27.886');
		expect(await reading(page)).toEqual(q1);

		// The KPI trends show both quarters, Q1 as signed off and Q2 as it stands.
		const trend = page.getByTestId('kpi-trends').locator('tr[data-kpi="24"]');
		await expect(trend.locator('td').nth(0).locator('[data-rag]')).toHaveAttribute('data-rag', 'A');
		await expect(trend.locator('td').nth(1).locator('[data-rag]')).toHaveAttribute('data-rag', 'R');

		// The slides show the figures of the quarter they are labelled with: Q1's as signed off.
		await page.goto('/present/');
		const counter = page.getByTestId('slide-counter');
		const quarter = page.getByRole('combobox', { name: 'Quarter' });
		await expect(quarter).toHaveValue(q2Id, { timeout: 30_000 });
		await expect(counter).toHaveText('Slide 1 of 6');
		await expect(page.getByText('Safety Valve monitoring, Q2 2021/22')).toBeVisible();
		await quarter.selectOption({ label: 'Q1 2021/22 (signed off)' });
		await expect(page.getByText('Safety Valve monitoring, Q1 2021/22')).toBeVisible();
		await expect(page.getByTestId('slides-frozen')).toContainText('Figures as signed off on');
		// Every slide, as frozen: the placements and the comparison of every scenario too.
		await expect(counter).toHaveText('Slide 1 of 6');
		await page.locator('body').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('slide-announcement')).toHaveText(/EHCP growth by placement/);
		await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(/.+/);
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('slide-announcement')).toHaveText(/Scenarios compared/);
		await expect(page.getByTestId('comparison-table').locator('tbody tr')).toHaveCount(3);
		await page.keyboard.press('End');
		await expect(page.getByTestId('key-messages')).toContainText(
			/Of \d+ rated KPIs, \d+ are Green, \d+ Amber and 0 Red/
		);
		await page.keyboard.press('PageUp');
		await expect(page.getByTestId('rag-counts').locator('[data-rag="R"]')).toContainText('0 Red');
		expect(w.errors).toEqual([]);
	});

	test('a draft quarter can be deleted, after a confirmation', async ({ page }) => {
		await page.goto('/report/');
		await expect(monitoringCell(page, 'cumulative_deficit_before_sv', 1)).toHaveText('27.886', {
			timeout: 30_000
		});
		await page.getByRole('button', { name: 'Add next quarter’s report' }).click();
		await page
			.getByRole('form', { name: 'Edit the report’s text' })
			.getByRole('button', { name: 'Cancel' })
			.click();
		const select = page.getByRole('combobox', { name: 'Report' });
		await expect(select.locator('option')).toHaveCount(2);
		const status = page.getByTestId('quarter-status');
		await status.getByRole('button', { name: 'Delete this draft quarter' }).click();
		// Cancel keeps it.
		await status.getByRole('button', { name: 'Cancel' }).click();
		await expect(select.locator('option')).toHaveCount(2);
		await status.getByRole('button', { name: 'Delete this draft quarter' }).click();
		await expect(status.getByRole('group')).toContainText('Delete the draft Q2 2021/22 report?');
		await status.getByRole('button', { name: 'Confirm delete' }).click();
		await expect(select.locator('option')).toHaveCount(1);
		await expect(report(page).getByRole('heading', { level: 1 })).toContainText('Quarter One');
		await page.reload();
		await expect(page.getByRole('combobox', { name: 'Report' }).locator('option')).toHaveCount(1);
	});
});

test.describe('the board pack', () => {
	test('prints the quarter as a PDF with the forward look, the authority, the date and page numbers', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.goto('/report/');
		const look = page.getByTestId('forward-look-text');
		await expect(look).toContainText('Safety Valve cap', { timeout: 30_000 });
		// The drivers come from the sensitivity analysis, run in the projection worker.
		await expect(look).toContainText(/inputs? that moves? the 2025\/26 cumulative deficit/, {
			timeout: 60_000
		});
		await expect(page.getByTestId('monitoring-table')).toBeVisible();
		await page
			.getByRole('img', { name: /Cumulative DSG deficit/ })
			.locator('path')
			.first()
			.waitFor({ state: 'attached' });
		const lookText = await look.innerText();
		const firstSentence = lookText.split(/(?<=\.)\s/)[0];

		const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const text = squeeze(pdfText(pdf));
		expect(text).toContain(squeeze('Forward look'));
		expect(text).toContain(squeeze(firstSentence));
		expect(text).toContain(squeeze('Kingston upon Thames · Q1 2021/22 report (draft)'));
		const today = new Date().toLocaleDateString('en-GB', {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
		expect(text).toContain(squeeze(`Printed ${today}`));
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
		expect(text).toContain(squeeze(`Page 1 of ${pages.length}`));
		expect(text).toContain(squeeze(`Page ${pages.length} of ${pages.length}`));
		// No navigation or buttons in print.
		expect(text).not.toContain(squeeze('Sign off this quarter'));
		expect(text).not.toContain(squeeze('Edit forward look'));
		expect(text).not.toContain(squeeze('Print or save as PDF'));
	});
});
