import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { watch } from './helpers';

const fixture = (name: string) => resolve('tests/fixtures/new-dataset', name);
const SEN2_FILES = [
	'sen2_age_caseload.csv',
	'sen2_estab_caseload.csv',
	'sen2_age_new_plans.csv',
	'sen2_mi.csv'
].map(fixture);

const YEARS = ['2021/22', '2022/23', '2023/24', '2024/25', '2025/26'];
const csv = (name: string, text: string) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(text, 'utf8')
});
/** What a council fills in: allocation, first-year spend, opening deficit (finance template). */
const FINANCE = csv(
	'hull-finance.csv',
	'line,year,value,assumption\n' +
		'opening_cumulative_deficit,2020/21,"£5,000,000",\n' +
		YEARS.map((fy, i) => `hnb_allocation,${fy},${40_000_000 + i * 2_000_000},`).join('\n') +
		'\nhnb_expenditure_before_savings,2021/22,"42,000,000",\n' +
		'general_fund_contribution,2021/22,500000,\n'
);
/** Caps and Safety Valve funding (the Safety Valve template). */
const SAFETY_VALVE = csv(
	'hull-safety-valve.csv',
	'year,deficit_cap,sv_funding_cumulative\n' +
		YEARS.map((fy, i) => `${fy},${12_000_000 + i * 1_000_000},${i * 1_000_000}`).join('\n') +
		'\n'
);

async function datasetNames(page: Page): Promise<string[]> {
	await page.goto('/data/');
	const list = page.getByTestId('dataset-list');
	await expect(list).toBeVisible();
	return list.locator('li strong').allTextContents();
}

test.describe('bring your own data', () => {
	test('a council other than Kingston imports its SEN2 history, enters its finance and sees its projection', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/data/new/');
		await expect(
			page.getByRole('heading', { name: 'New dataset from SEN2 statistics' })
		).toBeVisible();

		await page.getByTestId('sen2-files').setInputFiles(SEN2_FILES);
		await expect(page.getByTestId('sen2-scan')).toContainText('2 local authorities');
		const authority = page.getByTestId('sen2-authority');
		// "Kingston" is two authorities: refused, both named.
		await authority.fill('Kingston');
		await expect(page.getByTestId('sen2-scan')).toContainText(
			'matches Kingston upon Hull, City of (E06000010, 810) and Kingston upon Thames (E09000021, 314)'
		);
		await expect(page.getByTestId('sen2-import')).toBeDisabled();
		await authority.fill('E06000010');
		await expect(page.getByTestId('sen2-scan')).toContainText(
			'Will import Kingston upon Hull, City of (E06000010, 810)'
		);
		await page.getByTestId('sen2-import').click();
		await expect(page.getByTestId('sen2-done')).toContainText(
			'Imported Kingston upon Hull, City of'
		);
		await expect(page.getByTestId('sen2-summary')).toContainText('Caseload by age band: 2015–2021');
		await page.getByRole('button', { name: 'Next: the dataset' }).click();

		await expect(page.getByRole('heading', { name: 'Step 2 of 4: the dataset' })).toBeFocused();
		await expect(page.getByTestId('ds-base')).toHaveValue('2021');
		await expect(page.getByText('Financial years projected: 2021/22 to 2025/26')).toBeVisible();
		await page.getByRole('button', { name: 'Next: finance' }).click();

		// A wrong file for the finance template: every problem named, nothing changed.
		const financeFile = page.getByTestId('template-finance').locator('input[type=file]');
		await financeFile.setInputFiles(
			csv('wrong.csv', 'line,year,value\nhnb_allocation,2021-22,1\nallocation,2022/23,1\n')
		);
		const refused = page.getByTestId('template-finance').getByRole('alert');
		await expect(refused).toContainText('wrong.csv: nothing was imported.');
		await expect(refused).toContainText(
			'wrong.csv, row 2, column "year": expected a financial year like 2021/22, got "2021-22"'
		);
		await expect(refused).toContainText('wrong.csv, row 3, column "line"');
		await expect(page.getByTestId('ledger-hnb_allocation-2021/22')).toHaveValue('');

		await financeFile.setInputFiles(FINANCE);
		await expect(page.getByTestId('template-finance')).toContainText(
			'Read 7 figures and the opening deficit from hull-finance.csv.'
		);
		await page.getByTestId('template-sv').locator('input[type=file]').setInputFiles(SAFETY_VALVE);
		await expect(page.getByTestId('template-sv')).toContainText('Read 10 caps and funding figures');
		await expect(page.getByTestId('ledger-hnb_allocation-2021/22')).toHaveValue('40,000,000');
		await expect(page.getByTestId('ledger-opening')).toHaveValue('5,000,000');
		// One figure typed by hand.
		await page.getByTestId('ledger-block_transfers-2021/22').fill('£250,000');
		await page.getByTestId('ledger-block_transfers-2021/22').press('Tab');
		await page.getByRole('button', { name: 'Next: check and create' }).click();

		await expect(page.getByTestId('wizard-ready')).toContainText('2,100 EHCPs at January 2021');
		await page.getByTestId('wizard-create').click();

		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByTestId('dataset-name')).toContainText('Kingston upon Hull, City of');
		const headroom = page.getByTestId('headroom-table');
		await expect(headroom).toContainText('Financial plan');
		await expect(headroom).toContainText('Baseline (trend)');
		await expect(headroom).toContainText('2025/26');
		const ehcps = page.getByRole('table', { name: /Projected EHCPs at the January census/ });
		await expect(ehcps).toContainText('Jan 2026');
		const first = await ehcps.locator('tbody tr').first().locator('td').first().textContent();
		expect(Number(first!.replace(/,/g, ''))).toBeGreaterThan(2100);

		expect((await datasetNames(page)).sort()).toEqual([
			'Kingston upon Hull, City of — SEN2 to January 2021',
			'Kingston upon Thames — Safety Valve Q1 2021/22'
		]);
		// Its figures keep their sources: SEN2 history, the council's imports, the wizard's assumptions.
		await page.goto('/data/provenance/');
		await expect(page.getByTestId('provenance-sen2')).toContainText('sen2_age_caseload.csv, 2021');
		await expect(page.getByTestId('provenance-import')).toContainText(
			'Imported from hull-finance.csv, row 3'
		);
		await expect(page.getByTestId('provenance-assumption')).toContainText(
			'Unit costs: Mainstream schools or academies'
		);
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('a file that is not a SEN2 file is refused with a clear message and nothing changes', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		const before = await datasetNames(page);
		await page.goto('/data/new/');
		await page
			.getByTestId('sen2-files')
			.setInputFiles(csv('budget.csv', 'cost centre,amount\nHN01,1200000\n'));
		const error = page.getByTestId('sen2-error');
		await expect(error).toContainText('budget.csv, row 1: expected a DfE SEN2 statistics file');
		await expect(error).toContainText('Nothing was imported.');
		await expect(page.getByTestId('sen2-scan')).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Next: the dataset' })).toBeDisabled();
		expect(await datasetNames(page)).toEqual(before);
		expect(w.errors).toEqual([]);
	});

	test('a census actual re-bases the projections, the plan keeps its figures, and back-testing marks the estimator in use', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/data/actuals/');
		await expect(page.getByTestId('actuals-plan')).toHaveValue(/.+/);
		await page.getByTestId('actual-census').selectOption('2022');
		await page.getByTestId('actual-total').fill('1,560');
		await page.getByTestId('record-census').click();
		await expect(page.getByTestId('actuals-notes')).toContainText(
			'Baseline (trend): January 2022 re-based to the actual 1,560'
		);
		await expect(page.getByTestId('actuals-table')).toContainText('January 2022');

		await page.goto('/');
		const ehcps = page.getByRole('table', { name: /Projected EHCPs at the January census/ });
		await expect(ehcps.locator('tr', { hasText: 'Baseline (trend)' })).toContainText('1,560');
		await expect(ehcps.locator('tr', { hasText: 'SVA financial model 2021/22' })).toContainText(
			'1,537'
		);

		await page.goto('/methodology/');
		const table = page.getByTestId('backtest');
		await expect(table).toBeVisible();
		await expect(table.getByTestId('in-use')).toHaveCount(1);
		await expect(table).toContainText('In p5–p95 band');
		await expect(
			page.getByRole('img', {
				name: /Projected against actual EHCPs, projecting from January 2018/
			})
		).toBeVisible();
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('the browser’s Back moves between the wizard’s steps keeping what was entered, and asks before leaving it', async ({
		page
	}) => {
		await page.goto('/data/');
		await page
			.getByRole('link', { name: /new dataset/i })
			.first()
			.click();
		await expect(
			page.getByRole('heading', { name: 'New dataset from SEN2 statistics' })
		).toBeVisible();
		await page.getByTestId('sen2-files').setInputFiles(SEN2_FILES);
		await page.getByTestId('sen2-authority').fill('E06000010');
		await page.getByTestId('sen2-import').click();
		await expect(page.getByTestId('sen2-done')).toContainText('Imported');
		await page.getByRole('button', { name: 'Next: the dataset' }).click();
		await page.getByTestId('ds-name').fill('Hull, kept');

		await page.goBack();
		await expect(page.getByRole('heading', { name: 'Step 1 of 4: SEN2 statistics' })).toBeVisible();
		await expect(page.getByTestId('sen2-summary')).toContainText('Caseload by age band: 2015–2021');
		await page.goForward();
		await expect(page.getByRole('heading', { name: 'Step 2 of 4: the dataset' })).toBeVisible();
		await expect(page.getByTestId('ds-name')).toHaveValue('Hull, kept');

		// Back from the first step would leave the wizard: asked first; staying keeps every entry.
		await page.goBack();
		const asked: string[] = [];
		page.once('dialog', (d) => {
			asked.push(d.message());
			void d.dismiss();
		});
		await page.goBack();
		await expect
			.poll(() => asked)
			.toEqual(['Leave the new dataset? What you have entered is not saved and will be lost.']);
		await expect(page).toHaveURL(/\/data\/new\/?$/);
		await expect(page.getByTestId('sen2-summary')).toBeVisible();
		await page.goForward();
		await expect(page.getByTestId('ds-name')).toHaveValue('Hull, kept');

		// Leaving on purpose, once confirmed, goes.
		await page.goBack();
		page.once('dialog', (d) => void d.accept());
		await page.getByRole('link', { name: 'Cancel' }).first().click();
		await expect(page).toHaveURL(/\/data\/?$/);
	});
});
