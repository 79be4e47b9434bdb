import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '../../../src/lib/data/kingston';
import { kingstonScenarios } from '../../../src/lib/data/kingston-scenarios';
import type { Dataset } from '../../../src/lib/model/dataset';
import type { Lever, Scenario } from '../../../src/lib/model/scenario';
import type { ValidationResult } from '../../../src/lib/model/validate';
import { plausibleYears, yearRangeProblem } from '../../../src/lib/model/validate-bounds';
import { validateDataset } from '../../../src/lib/model/validate-dataset';
import { validateScenario } from '../../../src/lib/model/validate-scenario';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const kingston = (): any => structuredClone(kingstonDataset());
const baseline = (): Scenario =>
	structuredClone(kingstonScenarios().find((s) => s.name === 'Baseline (trend)')!);
const errorsOf = <T>(r: ValidationResult<T>) => (r.ok ? [] : r.errors.map((e) => e.message));
const at2026 = () => new Date('2026-12-02T12:00:00Z');

const joiners = (i: number, multiplier: number, band: string | null = null): Lever =>
	({
		id: `j${i}`,
		label: '',
		kind: 'joiners',
		multiplier,
		band,
		from: null,
		until: null
	}) as Lever;

describe('validateDataset: figures that would overflow the projection', () => {
	it('refuses a unit cost of 1e308, naming the row and setting', () => {
		const d = kingston();
		d.unitCosts[0].cost.value = 1e308;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Unit cost row 1 (setting "mainstream"): the cost must be from £0 to £2,000,000 a year, got 1e+308.'
		]);
	});

	it('refuses a caseload of 1e308, naming the row, and the total it makes', () => {
		const d = kingston();
		d.baseCaseload[0].count.value = 1e308;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Base caseload row 1 (NCY -4, setting "other"): the count must be a whole number from 0 to 1,000,000, got 1e+308.',
			'Base caseload: the counts add up to 1e+308 children, more than the 1,000,000 any council could hold.'
		]);
	});

	it('refuses a ledger figure and an opening deficit beyond ±£10bn, naming the line and year', () => {
		const d = kingston();
		d.finance.lines.hnb_allocation['2022/23'].value = 1e308;
		d.finance.openingCumulativeDeficit.value = -1e11;
		expect(errorsOf(validateDataset(d))).toEqual([
			'Finance: the opening cumulative deficit must be within ±£10,000,000,000, got -100000000000.',
			'Finance: "HNB allocation", 2022/23: the amount must be within ±£10,000,000,000, got 1e+308.'
		]);
	});

	it('refuses a history count and a population past their bounds', () => {
		const d = kingston();
		d.history.ceasedPlans[0].count.value = 2_000_000;
		const errors = errorsOf(validateDataset(d));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(
			/^Ceased plans, \d{4}: the count must be a number from 0 to 1,000,000, got 2000000\.$/
		);
	});

	it('refuses a horizon more than 30 years after the base census', () => {
		const d = kingston();
		d.horizonCensus = d.baseCensus + 31;
		expect(errorsOf(validateDataset(d))[0]).toBe(
			'Dataset: the horizon census (January 2052) must be at most 30 years after the base census (January 2021).'
		);
	});

	it('accepts figures at the bounds', () => {
		const d = kingston();
		d.unitCosts[0].cost.value = 2_000_000;
		d.finance.lines.hnb_allocation['2022/23'].value = 10_000_000_000;
		expect(errorsOf(validateDataset(d))).toEqual([]);
	});
});

describe('validateDataset: KPI periods in a plausible range, from a clock passed in', () => {
	const withActual = (period: string, value = 1450) => {
		const d = kingston();
		d.kpis[0].actuals = [
			{ period, value: { value, source: { kind: 'import', file: 'kpis.csv', row: 2 } } }
		];
		return d;
	};

	it('refuses a period before 2000 or more than 10 years after the current year', () => {
		expect(errorsOf(validateDataset(withActual('1921-05'), 'dataset', { clock: at2026 }))).toEqual([
			"KPI 1, actual 1 (1921-05): the period's year must be from 2000 to 2036, got 1921."
		]);
		expect(errorsOf(validateDataset(withActual('2037-Q1'), 'dataset', { clock: at2026 }))).toEqual([
			"KPI 1, actual 1 (2037-Q1): the period's year must be from 2000 to 2036, got 2037."
		]);
	});

	it('accepts a period up to 10 years ahead, and the range moves with the clock', () => {
		expect(validateDataset(withActual('2036-12'), 'dataset', { clock: at2026 }).ok).toBe(true);
		const at2030 = () => new Date('2030-01-01T00:00:00Z');
		expect(validateDataset(withActual('2040-01'), 'dataset', { clock: at2030 }).ok).toBe(true);
	});

	it('refuses a KPI figure far beyond any council’s, naming the field', () => {
		expect(
			errorsOf(validateDataset(withActual('2021-06', 1e308), 'dataset', { clock: at2026 }))
		).toEqual(['KPI 1, actual 1: the value must be a count within ±1,000,000, got 1e+308.']);
	});

	it('reads the range from the clock: 2000 to the current year + 10', () => {
		expect(plausibleYears(at2026)).toEqual({ first: 2000, last: 2036 });
		expect(yearRangeProblem(1999, plausibleYears(at2026))).toBe(
			'the year must be from 2000 to 2036, got 1999'
		);
		expect(yearRangeProblem(2036, plausibleYears(at2026))).toBeNull();
		expect(() => plausibleYears(() => new Date(NaN))).toThrow(/plausibleYears: the clock/);
	});
});

describe('validateScenario: levers whose combined effect would overflow', () => {
	it('refuses one lever beyond +1000% (×11), naming it', () => {
		const s = baseline();
		s.levers = [joiners(0, 12)];
		expect(errorsOf(validateScenario(s, kingstonDataset()))).toEqual([
			'Scenario "Baseline (trend)", lever 1 (new plans ×12): the multiplier must be from 0 to 11 (1 leaves new plans as they are, 11 is +1000%), got 12.'
		]);
	});

	it('refuses 300 in-range +1000% levers stacked, once, naming the year', () => {
		const s = baseline();
		s.levers = Array.from({ length: 300 }, (_, i) => joiners(i, 11));
		const errors = errorsOf(validateScenario(s, kingstonDataset()));
		expect(errors).toEqual([
			'Scenario "Baseline (trend)": in 2021/22 its 300 levers on new plans multiply them by about 10^312 together; the combined multiplier must be at most 11 (+1000%). Remove or reduce some of them.'
		]);
	});

	it('counts a lever for every age with one for an age band', () => {
		const s = baseline();
		s.levers = [joiners(0, 4), joiners(1, 3, 'age_5_10')];
		expect(errorsOf(validateScenario(s, kingstonDataset()))).toEqual([
			'Scenario "Baseline (trend)": in 2021/22 its 2 levers on new plans for ages 5–10 multiply them by 12 together; the combined multiplier must be at most 11 (+1000%). Remove or reduce some of them.'
		]);
		s.levers = [joiners(0, 3), joiners(1, 3, 'age_5_10'), joiners(2, 3, 'age_11_15')];
		expect(validateScenario(s, kingstonDataset()).ok).toBe(true);
	});

	it('refuses stacked allocation growth over +100% a year and one-off costs over £10bn', () => {
		const s = baseline();
		const lever = (i: number, extra: object) =>
			({ id: `x${i}`, label: '', from: '2023/24', until: '2023/24', ...extra }) as Lever;
		s.levers = [
			lever(0, { kind: 'allocation_growth', rate: 0.8 }),
			lever(1, { kind: 'allocation_growth', rate: 0.8 }),
			lever(2, { kind: 'one_off_cost', amount: 9e9 }),
			lever(3, { kind: 'one_off_cost', amount: 9e9 })
		];
		expect(errorsOf(validateScenario(s, kingstonDataset()))).toEqual([
			'Scenario "Baseline (trend)": in 2023/24 its 2 allocation growth levers compound to 224%; together they must be at most 100% a year. Remove or reduce some of them.',
			'Scenario "Baseline (trend)": in 2023/24 its 2 one-off costs add up to £18,000,000,000; together they must be within ±£10,000,000,000. Remove or reduce some of them.'
		]);
	});

	it('refuses a one-off cost, a pinned figure or an opening deficit beyond ±£10bn', () => {
		const s = baseline();
		s.levers = [
			{ id: 'o', label: '', kind: 'one_off_cost', amount: 1e308, from: null, until: null } as Lever
		];
		s.openingCumulativeDeficit = { value: 1e12, source: { kind: 'assumption', note: 'x' } };
		expect(errorsOf(validateScenario(s, kingstonDataset()))).toEqual([
			'Scenario "Baseline (trend)": the opening cumulative deficit must be within ±£10,000,000,000, got 1000000000000.',
			'Scenario "Baseline (trend)", lever 1 (one-off cost £1e+308): the amount must be within ±£10,000,000,000, got 1e+308.'
		]);
	});
});

describe('a dataset at every bound still projects to finite numbers', () => {
	it('is the reason for the bounds: the largest products stay far below Number.MAX_VALUE', () => {
		// 1,000,000 children × £2,000,000 × (1 + 100%)^30 years of unit cost inflation.
		expect(1e6 * 2e6 * 2 ** 30).toBeLessThan(1e22);
	});
});

export type { Dataset };
