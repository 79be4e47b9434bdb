import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSen2 } from '$lib/io/sen2/import';
import { NewDatasetWizard, fitLines, yearSpan } from '$lib/state/new-dataset-wizard.svelte';
import { typed } from '$lib/model/dataset-defaults';
import { withWorkbench } from '../../fixtures/workbench';

const root = new URL('../../fixtures/new-dataset/', import.meta.url);
const files = [
	'sen2_age_caseload.csv',
	'sen2_estab_caseload.csv',
	'sen2_age_new_plans.csv',
	'sen2_mi.csv'
].map((name) => ({ name, text: readFileSync(new URL(name, root), 'utf8') }));
const hull = importSen2(files, 'E06000010');

const bench = withWorkbench();

async function wizard() {
	const workbench = await bench.open();
	return { workbench, wizard: new NewDatasetWizard(workbench) };
}

describe('fitLines and yearSpan', () => {
	it('keeps typed figures for the years still projected and fills the defaults of new ones', () => {
		const typedLines = { hnb_allocation: { '2021/22': typed(1), '2030/31': typed(9) } };
		const defaults = { hnb_allocation: { '2022/23': typed(2) }, deficit_cap: {} };
		expect(fitLines(typedLines, defaults, ['2021/22', '2022/23'])).toEqual({
			hnb_allocation: { '2021/22': typed(1), '2022/23': typed(2) }
		});
		expect(yearSpan([2019])).toBe('2019');
		expect(yearSpan([2015, 2016, 2021])).toBe('2015–2021');
	});
});

// Opening the workbench projects Kingston first, which takes a few seconds on a loaded machine.
describe('the new dataset wizard', { timeout: 60_000 }, () => {
	it('takes the latest census as the base and names the dataset after the authority', async () => {
		const { wizard: w } = await wizard();
		expect(w.built).toEqual({ dataset: null, error: null });
		w.imported(hull);
		expect(w.baseCensus).toBe(w.baseOptions.at(-1));
		expect(w.defaultName).toBe(`Kingston upon Hull, City of — SEN2 to January ${w.baseCensus}`);
		expect(w.dataDate).toBe(`${w.baseCensus}-01-31`);
		expect(w.years).toHaveLength(5);
		expect(w.firstFlowYear).toBe(
			w.flowYearOptions.includes(w.firstFlowYear!) ? w.firstFlowYear : null
		);
		expect(w.historyProblems).toEqual([]);
	});

	it('asks for the opening deficit, refuses a negative unit cost, then creates the dataset with a plan and a projection', async () => {
		const { workbench, wizard: w } = await wizard();
		w.imported(hull);
		expect(w.validation.errors[0].message).toMatch(/opening cumulative deficit .* is missing/);
		expect(w.ready).toBe(false);
		expect(await w.create()).toBe(false);

		w.setUnitCost('mainstream', '-1');
		expect(w.unitErrors.mainstream).toBe('a cost of £0 or more a year');
		w.setUnitCost('mainstream', '£12,000');
		expect(w.unitErrors.mainstream).toBeUndefined();
		expect(w.unitCosts.find((u) => u.setting === 'mainstream')!.cost.value).toBe(12_000);

		const [fy] = w.years;
		w.opening = typed(5_000_000);
		w.lines = {
			...w.lines,
			hnb_allocation: Object.fromEntries(w.years.map((y) => [y, typed(40_000_000)])),
			deficit_cap: Object.fromEntries(w.years.map((y) => [y, typed(30_000_000)])),
			hnb_expenditure_before_savings: { [fy]: typed(42_000_000) }
		};
		expect(w.validation.errors).toEqual([]);
		expect(await w.create(() => 'test')).toBe(true);
		expect(workbench.dataset!.id).toBe(`sen2-kingston-upon-hull-city-of-${w.baseCensus}-test`);
		expect(workbench.scenarios.map((r) => [r.scenario.name, r.scenario.role]).sort()).toEqual([
			['Baseline (trend)', 'projection'],
			['Financial plan', 'plan']
		]);
	});

	it('has nothing to lose before an import, something after it, and nothing once created', async () => {
		const { wizard: w } = await wizard();
		expect(w.unsaved).toBe(false);
		w.imported(hull);
		expect(w.unsaved).toBe(true);
		w.opening = typed(0);
		w.lines = {
			...w.lines,
			hnb_allocation: Object.fromEntries(w.years.map((y) => [y, typed(40_000_000)])),
			deficit_cap: Object.fromEntries(w.years.map((y) => [y, typed(30_000_000)])),
			hnb_expenditure_before_savings: { [w.years[0]]: typed(42_000_000) }
		};
		expect(await w.create(() => 'test')).toBe(true);
		expect(w.unsaved).toBe(false);
	});

	it('shows the step the browser’s history asks for only once SEN2 statistics are imported', async () => {
		const { wizard: w } = await wizard();
		expect(w.stepFor(2)).toBe(0);
		expect(w.stepFor(undefined)).toBe(0);
		w.imported(hull);
		expect(w.stepFor(2)).toBe(2);
		expect(w.stepFor(undefined)).toBe(0);
		expect(w.stepFor(99)).toBe(3);
	});
});
