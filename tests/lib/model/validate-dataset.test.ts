import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '../../../src/lib/data/kingston';
import type { Dataset } from '../../../src/lib/model/dataset';
import type { ValidationResult } from '../../../src/lib/model/validate';
import { projectionYears, validateDataset } from '../../../src/lib/model/validate-dataset';

/** A deep copy of the default dataset, loosely typed so that tests can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const kingston = (): any => structuredClone(kingstonDataset());

const errorsOf = (r: ValidationResult<Dataset>) => (r.ok ? [] : r.errors.map((e) => e.message));
const warningsOf = (r: ValidationResult<Dataset>) => r.warnings.map((w) => w.message);

const SETTINGS =
	'mainstream, resourced_provision, maintained_special, independent_special, alternative_provision, post_16_fe, other';

/** A dataset in witan.send's shape: setting codes, two needs, transitions and population. */
function witanDataset(): Dataset {
	const d = kingston();
	const figure = (value: number, row?: number) => ({
		value,
		source:
			row === undefined
				? { kind: 'import', file: 'costs.csv' }
				: { kind: 'import', file: 'transitions.csv', row }
	});
	d.needs = ['ASD', 'SLCN'];
	d.settings = [
		{
			id: 'A',
			name: 'A',
			group: 'mainstream',
			minNcy: -3,
			maxNcy: 15,
			needs: null,
			destinations: ['A', 'SP16']
		},
		{
			id: 'SP16',
			name: 'SP16',
			group: 'maintained_special',
			minNcy: 0,
			maxNcy: 13,
			needs: ['ASD'],
			destinations: null
		}
	];
	d.baseCaseload = [
		{ ncy: 4, need: 'ASD', setting: 'A', count: figure(3, 2) },
		{ ncy: 5, need: 'SLCN', setting: 'A', count: figure(1, 5) },
		{ ncy: 6, need: 'ASD', setting: 'SP16', count: figure(2, 6) }
	];
	d.history.caseloadBySetting = [];
	d.history.newPlansBySetting = [];
	d.transitions = [
		{
			calendarYear: 2019,
			setting1: 'A',
			need1: 'ASD',
			ncy1: 3,
			setting2: 'A',
			need2: 'ASD',
			ncy2: 4
		},
		{
			calendarYear: 2019,
			setting1: 'NONSEND',
			need1: 'NONSEND',
			ncy1: 4,
			setting2: 'SP16',
			need2: 'ASD',
			ncy2: 5
		},
		{
			calendarYear: 2020,
			setting1: 'SP16',
			need1: 'ASD',
			ncy1: 21,
			setting2: 'NONSEND',
			need2: 'NONSEND',
			ncy2: 22
		}
	];
	d.population = [
		{ year: 2020, ncy: 3, population: figure(1030) },
		{ year: 2021, ncy: 3, population: figure(1031) }
	];
	d.unitCosts = [
		{ setting: 'A', need: 'ASD', cost: figure(6000) },
		{ setting: 'A', need: 'SLCN', cost: figure(5500.5) },
		{ setting: 'SP16', need: null, cost: figure(23000) }
	];
	return d;
}

describe('validateDataset: the default dataset', () => {
	it('accepts the Kingston dataset with no errors and no warnings', () => {
		const r = validateDataset(kingstonDataset());
		expect(errorsOf(r)).toEqual([]);
		expect(r.ok).toBe(true);
		expect(warningsOf(r)).toEqual([]);
	});

	it('returns the same dataset it was given', () => {
		const r = validateDataset(kingstonDataset());
		expect(r.ok && r.value).toEqual(kingstonDataset());
	});

	it('accepts a witan.send dataset that keeps its setting and need codes (A, SP16, ASD)', () => {
		const r = validateDataset(witanDataset());
		expect(errorsOf(r)).toEqual([]);
	});

	it('covers the financial years from the one after the base census to the horizon', () => {
		expect(projectionYears(kingstonDataset())).toEqual([
			'2021/22',
			'2022/23',
			'2023/24',
			'2024/25',
			'2025/26'
		]);
	});
});

describe('validateDataset: structure', () => {
	it('refuses something that is not an object', () => {
		expect(errorsOf(validateDataset(null))).toEqual(['Dataset: expected an object, got null.']);
		expect(errorsOf(validateDataset([]))).toEqual(['Dataset: expected an object, got a list.']);
	});

	it('names NaN where a number is expected, with the year and age band of the row', () => {
		const d = kingston();
		d.history.caseloadByAgeBand.find(
			(r: { year: number; band: string }) => r.year === 2019 && r.band === 'age_5_10'
		).count.value = NaN;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Caseload by age band, 2019, "age_5_10": expected a number, got NaN.'
		]);
	});

	it('refuses an infinite amount of money', () => {
		const d = kingston();
		d.finance.lines.block_transfers['2022/23'].value = Infinity;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Finance: "Budget additions (block transfers)", 2022/23: expected a finite number, got Infinity.'
		]);
	});

	it('names a value of the wrong type and what was expected', () => {
		const d = kingston();
		d.baseCensus = '2021';
		d.kpis[2].baseline = 'x';
		d.finance.lines.deficit_cap = [];
		expect(errorsOf(validateDataset(d))).toEqual([
			'Dataset: the base census ("baseCensus") must be a number, got "2021".',
			'Finance: "Maximum cumulative deficit before Safety Valve funding (cap)": expected an object of figures by financial year, got a list.',
			'KPI 3: the baseline must be a figure ({ "value": …, "source": { "kind": … } }), got "x".'
		]);
	});

	it('names an unknown key at the top level, and unknown keys inside', () => {
		const d = kingston();
		d.notes = 'to do';
		d.settings[0].colour = 'red';
		d.finance.lines.hnb_alocation = {};
		expect(errorsOf(validateDataset(d))).toEqual([
			'Setting 1 ("mainstream"): unknown key "colour"; check its spelling or remove it.',
			'Finance: unknown key "hnb_alocation" in the ledger lines ("lines"); check its spelling or remove it.',
			'Dataset: unknown key "notes"; check its spelling or remove it.'
		]);
	});

	it('names a missing key', () => {
		const d = kingston();
		delete d.settings[1].maxNcy;
		delete d.estimation.backtestHoldout;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Setting 2 ("resourced_provision"): "maxNcy" is missing.',
			'Dataset: "backtestHoldout" is missing from the estimation settings.'
		]);
	});

	it('says once that an object was expected when a list is given', () => {
		const d = kingston();
		d.history = [];
		expect(errorsOf(validateDataset(d))).toEqual([
			'Dataset: the history must be an object, got a list.'
		]);
	});

	it('uses the name it is given for the dataset in messages about its top level', () => {
		const d = kingston();
		d.extra = 1;
		expect(errorsOf(validateDataset(d, 'the dataset in plan.json'))).toEqual([
			'The dataset in plan.json: unknown key "extra"; check its spelling or remove it.'
		]);
	});
});

describe('validateDataset: provenance', () => {
	it('refuses a provenance kind that is not known', () => {
		const d = kingston();
		d.baseCaseload[0].count.source.kind = 'guess';
		expect(errorsOf(validateDataset(d))).toEqual([
			'Base caseload row 1 (NCY -4, setting "other"): the provenance kind ("kind") of the count must be one of seed, derived, sen2, import, assumption, got "guess".'
		]);
	});

	it('says which text a provenance lacks', () => {
		const d = kingston();
		d.finance.lines.hnb_allocation['2022/23'].source = { kind: 'assumption' };
		d.unitCosts[2].cost.source = { kind: 'seed' };
		expect(errorsOf(validateDataset(d))).toEqual([
			'Unit cost row 3 (setting "maintained_special"): the provenance of the cost has no "ref"; a seed figure must say where the report prints it ("ref").',
			'Finance: "HNB allocation", 2022/23: the provenance has no "note"; an assumption must say what it rests on ("note").'
		]);
	});

	it('refuses an empty provenance text', () => {
		const d = kingston();
		d.baseCaseload[1].count.source = { kind: 'derived', formula: '  ' };
		expect(errorsOf(validateDataset(d))).toEqual([
			'Base caseload row 2 (NCY -3, setting "other"): the provenance formula ("formula") of the count must not be empty.'
		]);
	});

	it('refuses a provenance with a key of another kind', () => {
		const d = kingston();
		d.baseCaseload[1].count.source = { kind: 'seed', ref: 'KPI 1', note: 'x' };
		expect(errorsOf(validateDataset(d))).toEqual([
			'Base caseload row 2 (NCY -3, setting "other"): unknown key "note" in the provenance of the count; check its spelling or remove it.'
		]);
	});
});

describe('validateDataset: base caseload', () => {
	const indexOf = (d: Dataset, ncy: number, setting: string) =>
		d.baseCaseload.findIndex((c) => c.ncy === ncy && c.setting === setting);

	it('refuses a negative count, naming the row, its NCY and setting', () => {
		const d = kingston();
		const i = indexOf(d, 5, 'mainstream');
		d.baseCaseload[i].count.value = -5;
		expect(errorsOf(validateDataset(d))).toEqual([
			`Base caseload row ${i + 1} (NCY 5, setting "mainstream"): the count must be a whole number from 0 to 1,000,000, got -5.`
		]);
	});

	it('refuses a fractional count', () => {
		const d = kingston();
		const i = indexOf(d, 5, 'mainstream');
		d.baseCaseload[i].count.value = 2.5;
		expect(errorsOf(validateDataset(d))).toEqual([
			`Base caseload row ${i + 1} (NCY 5, setting "mainstream"): the count must be a whole number from 0 to 1,000,000, got 2.5.`
		]);
	});

	it('refuses an unknown placement, listing the settings there are', () => {
		const d = kingston();
		d.baseCaseload[6].setting = 'hospital';
		expect(errorsOf(validateDataset(d))).toEqual([
			`Base caseload row 7: setting "hospital" is not one of the dataset's settings (${SETTINGS}).`
		]);
	});

	it('refuses an NCY outside its setting’s range', () => {
		const d = kingston();
		const i = indexOf(d, 5, 'resourced_provision');
		d.baseCaseload[i].ncy = 20;
		expect(errorsOf(validateDataset(d))).toEqual([
			`Base caseload row ${i + 1} (NCY 20, setting "resourced_provision"): setting "resourced_provision" takes NCY -1 to 13, so NCY 20 is not a valid state.`
		]);
	});

	it('refuses a need the setting does not take, naming the need', () => {
		const d = witanDataset() as ReturnType<typeof kingston>;
		d.baseCaseload[2].need = 'SLCN';
		expect(errorsOf(validateDataset(d))).toEqual([
			'Base caseload row 3 (NCY 6, need "SLCN", setting "SP16"): setting "SP16" does not take need "SLCN" (it takes ASD).'
		]);
	});

	it('warns when a state is given twice (the engine adds the counts)', () => {
		const d = kingston();
		d.baseCaseload.push(structuredClone(d.baseCaseload[0]));
		const r = validateDataset(d);
		expect(r.ok).toBe(true);
		expect(warningsOf(r)).toEqual([
			`Base caseload row ${d.baseCaseload.length} (NCY -4, setting "other"): repeats base caseload row 1; the two counts are added.`
		]);
	});
});

describe('validateDataset: settings and needs', () => {
	it('refuses NCY ranges outside −5…21 or upside down', () => {
		const d = kingston();
		d.settings[0].minNcy = -7;
		d.settings[1].minNcy = 10;
		d.settings[1].maxNcy = 3;
		d.baseCaseload = d.baseCaseload.filter(
			(c: { setting: string }) => c.setting !== 'mainstream' && c.setting !== 'resourced_provision'
		);
		expect(errorsOf(validateDataset(d))).toEqual([
			'Setting 1 ("mainstream"): the youngest NCY ("minNcy") must be a whole number from -5 to 21 (ages -1 to 25), got -7.',
			'Setting 2 ("resourced_provision"): the youngest NCY (10) is above the oldest (3).'
		]);
	});

	it('refuses a repeated setting id and an id that is not a slug or code', () => {
		const d = kingston();
		d.settings[3].id = 'Bad id';
		d.settings[2].id = 'other';
		const errors = errorsOf(validateDataset(d));
		expect(errors).toContain(
			'Setting 4: the id "Bad id" must start with a letter or digit and hold only letters, digits, "_" and "-".'
		);
		expect(errors).toContain(
			'Setting 7: the id "other" is already used by setting 3; each needs its own.'
		);
	});

	it('refuses a destination or need a setting names that the dataset does not have', () => {
		const d = witanDataset() as ReturnType<typeof kingston>;
		d.settings[0].destinations = ['SP16', 'hospital'];
		d.settings[1].needs = ['ASD', 'ADHD'];
		expect(errorsOf(validateDataset(d))).toEqual([
			'Setting 1 ("A"): destination "hospital" is not one of the dataset\'s settings (A, SP16).',
			'Setting 2 ("SP16"): need "ADHD" is not one of the dataset\'s needs (ASD, SLCN).'
		]);
	});

	it('refuses NONSEND as a need or setting id', () => {
		const d = kingston();
		d.needs = ['ALL', 'NONSEND'];
		expect(errorsOf(validateDataset(d))).toEqual([
			'Need 2: "NONSEND" is reserved for children without a plan.'
		]);
	});
});

describe('validateDataset: history, transitions, population', () => {
	it('refuses an unknown placement in the history, naming the series and year', () => {
		const d = kingston();
		d.history.newPlansBySetting[0].setting = 'hospital';
		expect(errorsOf(validateDataset(d))).toEqual([
			`New plans by setting, 2019, "hospital": setting "hospital" is not one of the dataset's settings (${SETTINGS}).`
		]);
	});

	it('refuses a negative history count and a year that is not whole', () => {
		const d = kingston();
		d.history.ceasedPlans[0].count.value = -1;
		d.history.requests[0].year = 2016.5;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Ceased plans, 2019: the count must be a number from 0 to 1,000,000, got -1.',
			'Requests for assessment row 1: the year must be a whole year between 1900 and 2200, got 2016.5.'
		]);
	});

	it('accepts NONSEND joiners and leavers in transitions and refuses unknown codes', () => {
		const d = witanDataset() as ReturnType<typeof kingston>;
		d.transitions[0].setting2 = 'SP17';
		d.transitions[1].need1 = 'ASD';
		expect(errorsOf(validateDataset(d))).toEqual([
			'Transition row 1 (2019: A → SP17): "setting2" is "SP17", which is neither one of the dataset\'s settings (A, SP16) nor NONSEND.',
			'Transition row 2 (2019: NONSEND → SP16): "setting1" and "need1" must both be NONSEND or neither, got "NONSEND" and "ASD".'
		]);
	});

	it('refuses a negative population and a population given twice for one year and NCY', () => {
		const d = witanDataset() as ReturnType<typeof kingston>;
		d.population[0].population.value = -1;
		d.population[1].year = 2020;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Population, 2020, NCY 3: the population must be a number from 0 to 10,000,000, got -1.',
			'Population, 2020, NCY 3: population row 1 gives the same year and NCY; keep one.'
		]);
	});
});

describe('validateDataset: years and estimation', () => {
	it('refuses a horizon that is not after the base census', () => {
		const d = kingston();
		d.horizonCensus = 2021;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Dataset: the horizon census (January 2021) must be after the base census (January 2021).'
		]);
	});

	it('refuses a data date that is not a calendar date', () => {
		const d = kingston();
		d.dataDate = '2021-02-30';
		expect(errorsOf(validateDataset(d))).toEqual([
			'Dataset: the data date ("dataDate") must be a date written YYYY-MM-DD, got "2021-02-30".'
		]);
	});

	it('refuses an unknown default estimator and a back-test holdout below 1', () => {
		const d = kingston();
		d.estimation.defaultEstimator = 'best';
		expect(errorsOf(validateDataset(d))).toEqual([
			'Estimation settings: the default estimator ("defaultEstimator") must be one of auto, pooled, linear, loglinear, england, got "best".'
		]);
		const e = kingston();
		e.estimation.backtestHoldout = 0;
		e.estimation.firstFlowYear = 2021;
		expect(errorsOf(validateDataset(e))).toEqual([
			'Estimation settings: the first flow year (2021) is after the last (2020).',
			'Estimation settings: the back-test holdout ("backtestHoldout") must be a whole number of census years ≥ 1, got 0.'
		]);
	});
});

describe('validateDataset: unit costs', () => {
	it('refuses an unknown placement, a negative cost and a setting priced twice', () => {
		const d = kingston();
		d.unitCosts[0].setting = 'hospital';
		d.unitCosts[1].cost.value = -10;
		d.unitCosts.push(structuredClone(d.unitCosts[2]));
		expect(errorsOf(validateDataset(d))).toEqual([
			`Unit cost row 1: setting "hospital" is not one of the dataset's settings (${SETTINGS}).`,
			'Unit cost row 2 (setting "resourced_provision"): the cost must be from £0 to £2,000,000 a year, got -10.',
			'Unit cost row 8 (setting "maintained_special"): unit cost row 3 prices the same setting and need; keep one.'
		]);
	});

	it('warns when a setting holding children has no cost', () => {
		const d = kingston();
		d.unitCosts = d.unitCosts.filter((c: { setting: string }) => c.setting !== 'other');
		expect(warningsOf(validateDataset(d))).toEqual([
			'Unit costs: no cost for other, which hold children at the base census; those placements cost £0.'
		]);
	});
});

describe('validateDataset: the finance ledger', () => {
	it('names a missing year of a required line and the years needed', () => {
		const d = kingston();
		delete d.finance.lines.hnb_allocation['2023/24'];
		expect(errorsOf(validateDataset(d))).toEqual([
			'Finance: "HNB allocation" has no figure for 2023/24; every year from 2021/22 to 2025/26 is needed.'
		]);
	});

	it('lists every missing year of a line in one message', () => {
		const d = kingston();
		delete d.finance.lines.deficit_cap['2022/23'];
		delete d.finance.lines.deficit_cap['2024/25'];
		delete d.finance.lines.deficit_cap['2025/26'];
		const r = validateDataset(d);
		expect(errorsOf(r)).toEqual([
			'Finance: "Maximum cumulative deficit before Safety Valve funding (cap)" has no figure for 2022/23, 2024/25 and 2025/26; every year from 2021/22 to 2025/26 is needed.'
		]);
		expect(!r.ok && r.errors[0].path).toEqual(['finance', 'lines', 'deficit_cap']);
	});

	it('names a required line that is missing altogether', () => {
		const d = kingston();
		delete d.finance.lines.general_fund_contribution;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Finance: "General Fund contribution" is missing; it needs a figure for every year from 2021/22 to 2025/26.'
		]);
	});

	it('needs the first year’s HNB expenditure, which calibrates non-placement spend', () => {
		const d = kingston();
		delete d.finance.lines.hnb_expenditure_before_savings;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Finance: "HNB expenditure before savings" has no figure for 2021/22; the first year\'s spend calibrates non-placement spend.'
		]);
	});

	it('refuses a year label that is not a financial year, and warns of years outside the projection', () => {
		const d = kingston();
		d.finance.lines.hnb_allocation['2021-22'] = d.finance.lines.hnb_allocation['2021/22'];
		expect(errorsOf(validateDataset(d))).toEqual([
			'Finance: "HNB allocation": "2021-22" is not a financial year like 2021/22.'
		]);
		const e = kingston();
		e.finance.lines.hnb_allocation['2019/20'] = e.finance.lines.hnb_allocation['2021/22'];
		expect(warningsOf(validateDataset(e))).toEqual([
			'Finance: "HNB allocation": the figure for 2019/20 is outside the projection (2021/22 to 2025/26) and not used.'
		]);
	});

	it('refuses an inflation rate written as a percentage and a cap of £0', () => {
		const d = kingston();
		d.finance.lines.unit_cost_inflation['2022/23'].value = 3;
		d.finance.lines.deficit_cap['2024/25'].value = 0;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Finance: "Maximum cumulative deficit before Safety Valve funding (cap)", 2024/25: the cap must be more than £0, got £0.',
			'Finance: "Unit cost inflation (all settings)", 2022/23: the rate must be a fraction from -0.5 to 1 (0.03 is 3%), got 3.'
		]);
	});

	it('refuses savings delivery outside 0…2, a negative target, and ids that are not unique slugs', () => {
		const d = kingston();
		d.finance.savings[0].delivery['2022/23'].value = 85;
		d.finance.savings[1].targets['2021/22'].value = -1;
		d.finance.savings[2].id = 'Special School';
		d.finance.savings[3].id = 'srp_places';
		expect(errorsOf(validateDataset(d))).toEqual([
			'Savings line 3 ("Increased special school places"): the id "Special School" must be a lower-case slug such as "post_16_offer".',
			'Savings line 4 ("Development of post 16 offer"): the id "srp_places" is already used by savings line 1 ("Increased places in Specialist Resource Provisions (SRP)"); each needs its own.',
			'Savings line 1 ("Increased places in Specialist Resource Provisions (SRP)"), delivery in 2022/23: the delivery must be a fraction from 0 to 2 (1 is in full), got 85.',
			'Savings line 2 ("Review of SRP vacant place funding"), target for 2021/22: the target must be from £0 to £10,000,000,000, got -1.'
		]);
	});

	it('refuses a savings line id that could not be a key in a file', () => {
		const d = kingston();
		d.finance.savings[0].id = 'constructor';
		expect(errorsOf(validateDataset(d))).toEqual([
			'Savings line 1 ("Increased places in Specialist Resource Provisions (SRP)"): the id "constructor" is reserved; choose another.'
		]);
	});

	it('warns when a target has no delivery (nothing is delivered)', () => {
		const d = kingston();
		delete d.finance.savings[0].delivery['2023/24'];
		expect(warningsOf(validateDataset(d))).toEqual([
			'Savings line 1 ("Increased places in Specialist Resource Provisions (SRP)"): a target for 2023/24 but no delivery; it is taken as 0 (nothing delivered).'
		]);
	});
});

describe('validateDataset: KPIs', () => {
	it('refuses a KPI reference used twice and months elapsed outside 0…12', () => {
		const d = kingston();
		d.kpis[1].ref = '1';
		d.kpis[3].monthsElapsed = 13;
		expect(errorsOf(validateDataset(d))).toEqual([
			'KPI row 2: the reference "1" is already used by KPI row 1; each KPI needs its own.',
			'KPI 4: the months elapsed must be a whole number from 0 to 12, got 13.'
		]);
	});

	it('refuses an actual whose period is neither a month nor a quarter', () => {
		const d = kingston();
		d.kpis[0].actuals = [
			{
				period: '2021-Q1',
				value: { value: 1440, source: { kind: 'import', file: 'kpi.csv', row: 2 } }
			},
			{ period: 'May', value: { value: 1447, source: { kind: 'seed', ref: 'KPI 1' } } }
		];
		expect(errorsOf(validateDataset(d))).toEqual([
			'KPI 1, actual 2: the period must be a month like 2021-05 or a quarter like 2021-Q1, got "May".'
		]);
	});
});

describe('validateDataset: many problems', () => {
	it('lists the first 100 errors and says how many more there are', () => {
		const d = kingston();
		for (const cell of d.baseCaseload) cell.count.value = -1;
		const r = validateDataset(d);
		const errors = errorsOf(r);
		expect(errors).toHaveLength(101);
		expect(errors[100]).toBe(
			`Dataset: ${d.baseCaseload.length - 100} more problems are not listed; fix the ones above and check again.`
		);
	});
});

describe('savings lines’ timing and quarterly actuals (docs/model.md §3.5)', () => {
	it('accepts a dataset without them, and with a timing and actuals in the projection', () => {
		const d = kingston();
		expect(validateDataset(d).ok).toBe(true);
		d.finance.savings[0].quarterShares = [0.1, 0.2, 0.3, 0.4];
		d.finance.savings[0].actuals = {
			'2021-Q1': { value: 17_000, source: { kind: 'import', file: 'actual: typed' } }
		};
		const r = validateDataset(d);
		expect(errorsOf(r)).toEqual([]);
		expect(r.ok && r.value.finance.savings[0].actuals?.['2021-Q1'].value).toBe(17_000);
	});

	it('refuses shares that do not add up to 1, a period that is not a quarter and a negative £', () => {
		const d = kingston();
		d.finance.savings[0].quarterShares = [0.5, 0.5, 0.5, 0];
		d.finance.savings[0].actuals = {
			'2021-05': { value: 1, source: { kind: 'import', file: 'actual: typed' } },
			'2021-Q2': { value: -3, source: { kind: 'import', file: 'actual: typed' } }
		};
		const errors = errorsOf(validateDataset(d)).join('\n');
		expect(errors).toMatch(/timing: the quarterly shares must add up to 1 \(100%\), got 1.5/);
		expect(errors).toMatch(/"2021-05" is not a quarter like 2021-Q1/);
		expect(errors).toMatch(/actual savings in 2021-Q2: the amount must be from £0/);
	});

	it('warns of actuals outside the projection, which are not shown', () => {
		const d = kingston();
		d.finance.savings[0].actuals = {
			'2030-Q1': { value: 1, source: { kind: 'import', file: 'actual: typed' } }
		};
		expect(warningsOf(validateDataset(d)).join('\n')).toMatch(
			/actual savings: 2030-Q1 is outside the projection/
		);
	});
});
