import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSen2 } from '$lib/io/sen2/import';
import {
	BASELINE_TREND,
	FINANCIAL_PLAN,
	WIZARD_SOURCE,
	projectionYears,
	typed
} from '$lib/model/dataset-defaults';
import {
	baseCensusOptions,
	buildSen2Dataset,
	defaultFirstFlowYear,
	defaultLedgerLines,
	defaultUnitCosts,
	newDatasetScenarios,
	newDatasetSettings,
	sen2HistoryProblems
} from '$lib/io/sen2/new-dataset';
import type { FinanceLedger } from '$lib/model/dataset';
import { PROVENANCE_KINDS } from '$lib/model/provenance';
import { validateDataset } from '$lib/model/validate-dataset';
import { validateScenario } from '$lib/model/validate-scenario';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';

const root = new URL('../../../fixtures/new-dataset/', import.meta.url);
const files = [
	'sen2_age_caseload.csv',
	'sen2_estab_caseload.csv',
	'sen2_age_new_plans.csv',
	'sen2_mi.csv'
].map((name) => ({ name, text: readFileSync(new URL(name, root), 'utf8') }));

const hull = importSen2(files, 'E06000010');
const years = projectionYears(2021, 2026);

/** The minimum a council types: allocation, cap, first-year spend, opening deficit. */
function finance(): FinanceLedger {
	const lines = defaultLedgerLines(years);
	lines.hnb_allocation = Object.fromEntries(years.map((fy) => [fy, typed(40_000_000)]));
	lines.deficit_cap = Object.fromEntries(years.map((fy) => [fy, typed(30_000_000)]));
	lines.hnb_expenditure_before_savings = { '2021/22': typed(42_000_000) };
	return { openingCumulativeDeficit: typed(5_000_000), lines, savings: [] };
}

const build = () =>
	buildSen2Dataset({ id: 'hull-test', dataDate: '2021-05-31', sen2: hull, finance: finance() });

describe('buildSen2Dataset', () => {
	it('builds a valid dataset for Kingston upon Hull from the 2022 release', () => {
		const ds = build();
		expect(ds.authority).toEqual({
			name: 'Kingston upon Hull, City of',
			code: 'E06000010',
			laCode: '810'
		});
		expect(ds.baseCensus).toBe(2021);
		expect(ds.horizonCensus).toBe(2026);
		const v = validateDataset(ds);
		expect(v.ok ? [] : v.errors).toEqual([]);
	});

	it('derives a base caseload that adds up to the January 2021 total and each placement', () => {
		const ds = build();
		const total = ds.baseCaseload.reduce((a, c) => a + c.count.value, 0);
		expect(total).toBe(2100);
		const bySetting = (id: string) =>
			ds.baseCaseload.filter((c) => c.setting === id).reduce((a, c) => a + c.count.value, 0);
		for (const row of hull.history.caseloadBySetting!.filter((r) => r.year === 2021)) {
			expect(bySetting(row.setting)).toBe(row.count.value);
		}
		expect(ds.baseCaseload.every((c) => Number.isInteger(c.count.value))).toBe(true);
	});

	it('gives every base caseload cell a derived provenance naming the SEN2 margins', () => {
		const cell = build().baseCaseload[0];
		expect(cell.count.source.kind).toBe('derived');
		expect(cell.count.source.kind === 'derived' && cell.count.source.formula).toMatch(
			/Kingston upon Hull, City of's SEN2 January 2021 caseload by age band/
		);
	});

	it('keeps the SEN2 provenance of the history', () => {
		const ds = build();
		expect(ds.history.caseloadTotal.every((r) => r.count.source.kind === 'sen2')).toBe(true);
		expect(ds.history.requests.length).toBeGreaterThan(0);
		expect(ds.history.ceasedPlans).toEqual([]);
	});

	it('estimates from the six flow years before the base and not before 2015', () => {
		const ds = build();
		expect(ds.estimation).toEqual({
			firstFlowYear: 2015,
			lastFlowYear: 2020,
			defaultEstimator: 'auto',
			backtestHoldout: 3
		});
		expect(defaultFirstFlowYear(2018)).toBe(2015);
		expect(defaultFirstFlowYear(2024)).toBe(2018);
		expect(defaultFirstFlowYear(2015)).toBe(2014);
	});

	it('uses the seven DSG categories with the default dataset’s NCY ranges', () => {
		const ds = build();
		expect(ds.settings.map((s) => s.id)).toEqual([
			'mainstream',
			'resourced_provision',
			'maintained_special',
			'independent_special',
			'alternative_provision',
			'post_16_fe',
			'other'
		]);
		expect(ds.settings.find((s) => s.id === 'post_16_fe')).toMatchObject({
			minNcy: 12,
			maxNcy: 21
		});
		// A copy: editing it cannot change the default dataset's settings.
		newDatasetSettings()[0].minNcy = 99;
		expect(newDatasetSettings()[0].minNcy).toBe(-2);
	});

	it('gives every figure a provenance of a known kind, and only the defaults are assumptions', () => {
		const ds = build();
		const kinds = new Set<string>();
		const visit = (x: unknown) => {
			if (Array.isArray(x)) x.forEach(visit);
			else if (x && typeof x === 'object') {
				const o = x as Record<string, unknown>;
				if ('value' in o && 'source' in o) kinds.add((o.source as { kind: string }).kind);
				else Object.values(o).forEach(visit);
			}
		};
		visit(ds);
		expect([...kinds].every((k) => PROVENANCE_KINDS.includes(k as never))).toBe(true);
		expect(kinds).toEqual(new Set(['sen2', 'derived', 'import', 'assumption']));
		expect(ds.finance.lines.hnb_allocation!['2021/22'].source).toEqual({
			kind: 'import',
			file: WIZARD_SOURCE
		});
		expect(ds.finance.lines.block_transfers!['2021/22'].source.kind).toBe('assumption');
		expect(ds.unitCosts.every((c) => c.cost.source.kind === 'assumption')).toBe(true);
	});

	it('starts from a chosen earlier census, keeping the later history', () => {
		const ds = buildSen2Dataset({
			id: 'hull-2019',
			dataDate: '2019-05-31',
			sen2: hull,
			baseCensus: 2019,
			horizonCensus: 2021,
			finance: finance()
		});
		expect(ds.baseCensus).toBe(2019);
		expect(ds.estimation.lastFlowYear).toBe(2018);
		expect(ds.baseCaseload.reduce((a, c) => a + c.count.value, 0)).toBe(
			hull.history.caseloadTotal!.find((r) => r.year === 2019)!.count.value
		);
	});

	it('refuses a history that cannot start a projection, saying what to import', () => {
		const ageOnly = importSen2([files[0]], '810');
		expect(() =>
			buildSen2Dataset({ id: 'x', dataDate: '2021-05-31', sen2: ageOnly, finance: finance() })
		).toThrow(/^buildSen2Dataset: .*no caseload by placement category: import sen2_estab_caseload/);
		expect(sen2HistoryProblems(ageOnly.history)).toEqual([
			'no caseload by placement category: import sen2_estab_caseload.csv (2022 release) or caseload.csv (2023+ release)',
			'no new plans by age band in 2015–2020: import sen2_age_new_plans.csv (2022 release) or newplans.csv with its age breakdown (2023+ release)'
		]);
		expect(sen2HistoryProblems(hull.history)).toEqual([]);
	});

	it('lists the censuses with caseload in every age band', () => {
		expect(baseCensusOptions(hull.history)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021]);
	});

	it('leaves the council’s own figures to the user and fills the rest as assumptions', () => {
		const lines = defaultLedgerLines(years);
		expect(lines.hnb_allocation).toBeUndefined();
		expect(lines.deficit_cap).toBeUndefined();
		expect(lines.unit_cost_inflation!['2021/22'].value).toBe(0);
		expect(lines.unit_cost_inflation!['2022/23'].value).toBe(0.02);
		expect(defaultUnitCosts(newDatasetSettings()).map((c) => c.setting)).toHaveLength(7);
	});
});

describe('newDatasetScenarios', () => {
	it('makes a financial plan and an unmitigated baseline with ids from the dataset’s', () => {
		const ds = build();
		const [plan, baseline] = newDatasetScenarios(ds);
		expect([plan.name, baseline.name]).toEqual([FINANCIAL_PLAN, BASELINE_TREND]);
		expect([plan.id, baseline.id]).toEqual([
			'hull-test--financial-plan',
			'hull-test--baseline-trend'
		]);
		expect(baseline.parentId).toBe(plan.id);
		expect(baseline.levers).toEqual([
			expect.objectContaining({ kind: 'savings_delivery', delivery: 0, from: '2022/23' })
		]);
		for (const s of [plan, baseline]) {
			const v = validateScenario(s, ds);
			expect(v.ok ? [] : v.errors).toEqual([]);
		}
	});

	it('projects the new dataset: EHCPs grow from the January 2021 census of 2,100', () => {
		const ds = build();
		const prepared = prepareDataset(ds);
		const [plan] = newDatasetScenarios(ds);
		const r = runExpected(prepared, plan);
		expect(r.baseTotal).toBe(2100);
		expect(r.years).toEqual(years);
		const ehcps = metricValues(r, 'ehcp_total');
		expect(ehcps[0]).toBeGreaterThan(2100);
		expect(metricValues(r, 'hnb_expenditure_before_savings')[0]).toBe(42_000_000);
	});
});
