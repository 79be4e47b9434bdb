/**
 * witan.send (Mastodon C) files in the app: import the four input files as a dataset, export a
 * dataset as those files and a scenario's results as the five output files, and compare
 * Mastodon C's output files with ours. The files are written by the test (tests/fixtures), never
 * the demo inputs.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test, type Download, type Page } from '@playwright/test';
import { witanDataset } from '../../src/lib/io/witan/dataset';
import { runWitan } from '../../src/lib/io/witan/run';
import { prepareDataset, runExpected } from '../../src/lib/engine/workbench';
import { metricValues } from '../../src/lib/model/results';
import { witanBaselineScenario } from '../../src/lib/io/witan/dataset';
import type { WitanFile } from '../../src/lib/io/witan/csv';
import { writeWitanOutputs } from '../../src/lib/io/witan/outputs';
import { formatCount } from '../../src/lib/model/format';
import { createWitanWorkerApi } from '../../workers/witan-api';
import { files, parsed, synthetic } from '../fixtures/witan-model/inputs';
import { replaceRow } from '../fixtures/witan/inputs';
import { watch } from './helpers';

const texts = synthetic();
const INPUTS = files(texts);
const DATASET = witanDataset(parsed(INPUTS));
const STATS = 'mean,std-dev,iqr,min,low-95pc-bound,q1,median,q3,high-95pc-bound,max,low-ci,high-ci';

const upload = (f: WitanFile) => ({
	name: f.name,
	mimeType: 'text/csv',
	buffer: Buffer.from(f.text, 'utf8')
});

async function importInputs(page: Page, set: WitanFile[] = INPUTS) {
	await page.goto('/data/');
	await expect(page.getByTestId('witan-files')).toBeVisible();
	await page.getByTestId('witan-input-files').setInputFiles(set.map(upload));
}

async function datasetNames(page: Page): Promise<string[]> {
	return page.getByTestId('dataset-list').locator('li strong').allTextContents();
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page as it is now (as in a11y.spec.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE });
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (d: Document) => Promise<unknown> } }).axe;
		const r = (await axe.run(document)) as {
			violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
		};
		return r.violations;
	});
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')}`));
}

/** Clicks a button and collects the `count` downloads it starts, by file name. */
async function downloads(page: Page, click: () => Promise<void>, count: number) {
	const got: Download[] = [];
	const listener = (d: Download) => got.push(d);
	page.on('download', listener);
	await click();
	await expect.poll(() => got.length, { timeout: 30_000 }).toBe(count);
	page.off('download', listener);
	const out: Record<string, string> = {};
	for (const d of got) out[d.suggestedFilename()] = await readFile((await d.path())!, 'utf8');
	return out;
}

test.describe('witan.send files', () => {
	test('imports the four input files as a dataset that opens with its EHCP projection', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await importInputs(page);
		const done = page.getByTestId('witan-imported');
		await expect(done).toContainText('Imported “witan.send inputs (base January 2021)”');
		await expect(done).toContainText(
			// Thousands separated, as every count on screen.
			`${DATASET.transitions!.length.toLocaleString('en-GB')} transitions, base January 2021, projected to January 2025`
		);
		await expect(done).toContainText('with the scenario “Baseline (pooled, as witan.send)”');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Data: witan.send inputs (base January 2021)'
		);
		await expect(page.getByTestId('dataset-list').locator('li[aria-current="true"]')).toContainText(
			'witan.send inputs (base January 2021)'
		);
		await expect(page.getByTestId('witan-files')).toContainText(
			'witan.send inputs carry no finance'
		);

		await page.getByRole('link', { name: 'See its EHCP projection on the dashboard' }).click();
		await expect(page.getByTestId('no-finance')).toContainText(
			'which carry no finance: its deficit, cap and headroom are stand-in assumptions'
		);
		const projected = metricValues(
			runExpected(prepareDataset(DATASET), witanBaselineScenario(DATASET)),
			'ehcp_total'
		);
		const row = page.getByRole('row', { name: /Baseline \(pooled, as witan\.send\)/ });
		await expect(row.locator('td')).toHaveText(
			projected.map((n) => Math.round(n).toLocaleString('en-GB'))
		);
		await expect(page.getByTestId('headroom-table')).toHaveCount(0);
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('refuses a broken set, naming file, row and column, and changes nothing', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/data/');
		await expect(page.getByTestId('dataset-list')).toBeVisible();
		const before = await datasetNames(page);
		const heading = await page.getByRole('heading', { level: 1 }).textContent();
		const broken = files({
			...texts,
			transitions: replaceRow(texts.transitions, 3, '2018,MAIN,ASD,three,MAIN,ASD,0'),
			costs: replaceRow(texts.costs, 2, 'ASD,MAIN,£lots')
		});
		await importInputs(page, broken);
		const errors = page.getByTestId('witan-import-errors');
		await expect(errors).toContainText('These files cannot be used: 2 problems');
		await expect(errors).toContainText('Nothing was imported');
		await expect(errors.locator('li')).toHaveText([
			/^transitions\.csv, row 3, column "academic-year-1": expected .*, got "three"$/,
			/^costs\.csv, row 2, column "cost": expected .*, got "£lots"$/
		]);
		// One file short: named too.
		await page.getByTestId('witan-input-files').setInputFiles(INPUTS.slice(0, 3).map(upload));
		await expect(errors.locator('li')).toHaveText([
			'valid-states.csv: expected the file valid-states.csv among the files, got only transitions.csv, population.csv, costs.csv'
		]);
		expect(await datasetNames(page)).toEqual(before);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading!);
		await page.reload();
		await expect(page.getByTestId('dataset-list')).toBeVisible();
		expect(await datasetNames(page)).toEqual(before);
		expect(w.errors).toEqual([]);
	});

	test('exports a dataset as the four input files and a scenario as the five output files', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/data/');
		// Kingston is estimated from SEN2 aggregates: no transitions to write, and the page says so.
		const exportInputs = page.getByTestId('witan-export-inputs');
		await expect(exportInputs).toBeDisabled();
		await expect(page.getByTestId('witan-files')).toContainText(
			'it has no child-level transitions (its demand is estimated from SEN2 aggregates)'
		);

		await importInputs(page);
		await expect(page.getByTestId('witan-imported')).toBeVisible();
		const inputs = await downloads(page, () => exportInputs.click(), 4);
		expect(Object.keys(inputs).sort()).toEqual(
			['costs.csv', 'population.csv', 'transitions.csv', 'valid-states.csv'].sort()
		);
		expect(inputs['transitions.csv'].split('\n')[0]).toBe(
			'calendar-year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2'
		);
		expect(inputs['population.csv'].split('\n')[0]).toBe('calendar-year,academic-year,population');
		expect(inputs['costs.csv'].split('\n')[0]).toBe('need,setting,cost');
		expect(inputs['valid-states.csv'].split('\n')[0]).toBe(
			'setting,setting-group,min-academic-year,max-academic-year,needs,setting->setting'
		);
		// Every child's transition comes back, in the order given.
		expect(inputs['transitions.csv']).toBe(texts.transitions);
		expect(inputs['population.csv']).toBe(texts.population);

		// The scenario the run is of is the one shown: the dataset's own, witan.send's assumption.
		await expect(page.getByTestId('witan-scenario').locator('option:checked')).toHaveText(
			'Baseline (pooled, as witan.send)'
		);
		await page.getByTestId('witan-sims').fill('60');
		const outputs = await downloads(
			page,
			() => page.getByTestId('witan-export-outputs').click(),
			5
		);
		await expect(page.getByTestId('witan-outputs-done')).toContainText(
			'60 simulations of “Baseline (pooled, as witan.send)” (seed 50)'
		);
		const headers = Object.fromEntries(
			Object.entries(outputs).map(([name, text]) => [name, text.split('\n')[0]])
		);
		expect(headers).toEqual({
			'Output_Count.csv': `calendar-year,${STATS}`,
			'Output_Cost.csv': `calendar-year,${STATS}`,
			'Output_AY.csv': `calendar-year,academic-year,${STATS}`,
			'Output_Need.csv': `calendar-year,need,${STATS}`,
			'Output_Setting.csv': `calendar-year,setting,${STATS}`
		});
		// Byte for byte what the command line writes for the same inputs, simulations and seed.
		const expected = writeWitanOutputs(runWitan(DATASET, { sims: 60, seed: 50 }).outputs);
		for (const f of expected) expect(outputs[f.name], f.name).toBe(f.text);
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('sets Mastodon C’s Output_Count.csv beside ours, by year, with the year convention', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await importInputs(page);
		await expect(page.getByTestId('witan-imported')).toBeVisible();
		await page.getByRole('link', { name: 'Compare with Mastodon C’s output files' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mastodon C comparison');
		await expect(page.getByTestId('year-convention')).toContainText(
			'Our years are the January census that ends each step'
		);

		// A bad file first: refused with its place, nothing read.
		const header = `calendar-year,${STATS}`;
		await page
			.getByTestId('mastodon-files')
			.setInputFiles([
				upload({ name: 'Output_Count.csv', text: `${header}\n2021,1,1,1,1,1,1,lots,1,1,1,1,1\n` })
			]);
		await expect(page.getByTestId('mastodon-errors')).toContainText(
			'Output_Count.csv, row 2, column "median": expected a number written plainly, got "lots"'
		);

		// Theirs: another run of the same inputs (200 simulations, seed 7).
		const theirs = writeWitanOutputs(runWitan(DATASET, { sims: 200, seed: 7 }).outputs);
		const count = theirs.find((f) => f.name === 'Output_Count.csv')!;
		const medians = count.text
			.trim()
			.split('\n')
			.slice(1)
			.map((line) => Number(line.split(',')[7]));
		await page.getByTestId('mastodon-files').setInputFiles([upload(count)]);
		await expect(page.getByTestId('mastodon-errors')).toHaveCount(0);
		await expect(page.getByTestId('mastodon-scenario').locator('option:checked')).toHaveText(
			'Baseline (pooled, as witan.send)'
		);
		await expect(page.getByTestId('mastodon-ours')).toContainText(
			'1,000 simulations of “Baseline (pooled, as witan.send)”, seed 50'
		);
		const table = page.getByTestId('mastodon-table');
		const rows = table.locator('tbody tr');
		await expect(rows.locator('th')).toHaveText([
			'2021 (our base, observed)',
			'2022',
			'2023',
			'2024',
			'2025'
		]);
		// Their medians, as read from their file, in the fourth column.
		await expect(rows.locator('td:nth-child(4)')).toHaveText(
			medians.map((m) => m.toLocaleString('en-GB', { maximumFractionDigits: 1 }))
		);
		await expect(rows.first().locator('td').nth(4)).toHaveText('0');
		await expect(page.getByRole('img', { name: /EHCPs in all \(Output_Count\)/ })).toBeVisible();

		// Where the two models differ, in figures from our run: the children moved on past their
		// setting's last year each year, as the witan worker counts them for the same run.
		const movedOn = createWitanWorkerApi().runOutputs(DATASET, witanBaselineScenario(DATASET), {
			sims: 1000,
			seed: 50
		}).movedOn;
		expect(movedOn.some((r) => r.children > 0)).toBe(true);
		const movedOnRows = page.getByTestId('mastodon-moved-on-table').locator('tbody tr');
		await expect(movedOnRows.locator('th')).toHaveText(movedOn.map((r) => String(r.census)));
		await expect(movedOnRows.locator('td:nth-child(2)')).toHaveText(
			movedOn.map((r) => formatCount(r.children, { dp: 1 }))
		);
		await expect(page.getByTestId('mastodon-moved-on-summary')).toContainText(
			'children a year on average that witan.send would drop'
		);

		// Their years read as step starts: each moves on one year.
		await page.getByTestId('shift-1').check();
		await expect(rows.locator('th')).toHaveText([
			'2021 (our base, observed)',
			'2022 (their 2021)',
			'2023 (their 2022)',
			'2024 (their 2023)',
			'2025 (their 2024)',
			'2026 (their 2025)'
		]);
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test.describe('with axe', () => {
		// axe is injected as an inline script, which the app's Content Security Policy forbids.
		test.use({ bypassCSP: true });

		test('the witan.send section, with a refused import listed, is accessible', async ({
			page
		}) => {
			await importInputs(page, INPUTS.slice(1));
			await expect(page.getByTestId('witan-import-errors')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('the comparison, with its chart, data table and table, is accessible', async ({
			page
		}) => {
			await importInputs(page);
			await expect(page.getByTestId('witan-imported')).toBeVisible();
			await page.goto('/compare/mastodon/');
			const theirs = writeWitanOutputs(runWitan(DATASET, { sims: 20, seed: 7 }).outputs);
			await page.getByTestId('mastodon-files').setInputFiles(theirs.map(upload));
			await expect(page.getByTestId('mastodon-table')).toBeVisible();
			await page
				.getByTestId('mastodon-kind')
				.selectOption({ label: 'EHCPs by setting (Output_Setting)' });
			await expect(page.getByTestId('mastodon-key')).toHaveValue('MAIN');
			await page.getByText('Show data table').click();
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
});
