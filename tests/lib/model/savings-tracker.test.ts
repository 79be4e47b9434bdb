/**
 * The savings tracker in £ (docs/model.md §3.5), hand-computed: targets and expected delivery
 * spread over the quarters (evenly or by a line's own timing), actuals and variance to date.
 */
import { describe, expect, it } from 'vitest';
import type { SavingsLine } from '$lib/model/dataset';
import { assumption, imported } from '$lib/model/provenance';
import type { ScenarioResult } from '$lib/model/results';
import {
	financialYearOfQuarter,
	quarterSharesProblem,
	quartersOf,
	savingsTracker
} from '$lib/model/savings-tracker';

const years = ['2021/22', '2022/23'];
const line = (id: string, extra: Partial<SavingsLine> = {}): SavingsLine => ({
	id,
	name: id,
	targets: { '2021/22': assumption(100_000, 't'), '2022/23': assumption(200_000, 't') },
	delivery: { '2021/22': assumption(0.8, 'd'), '2022/23': assumption(1, 'd') },
	structuralLeverId: null,
	...extra
});

/** A result whose savings rows hold the expected delivery (target × delivery). */
function resultWith(rows: Record<string, number[]>): ScenarioResult {
	const names = Object.keys(rows);
	return {
		scenarioId: 's',
		scenarioName: 'Plan',
		censuses: [2022, 2023],
		years,
		metrics: names.map((name) => ({ name, kind: 'finance', label: name, unit: 'gbp' })),
		values: Float64Array.from(names.flatMap((n) => rows[n])),
		baseTotal: 0,
		firstBreach: -1,
		estimator: 'pooled',
		calibration: { joiners: [1, 1], leavers: [1, 1] },
		warnings: []
	};
}

describe('quarters of a financial year', () => {
	it('start in April: 2021-Q1 is April–June 2021, 2021-Q4 January–March 2022', () => {
		expect(quartersOf('2021/22')).toEqual(['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4']);
		expect(financialYearOfQuarter('2021-Q4')).toBe('2021/22');
		expect(financialYearOfQuarter('2099-Q1')).toBe('2099/00');
		expect(financialYearOfQuarter('2021-Q5')).toBeNull();
		expect(() => quartersOf('2021-22')).toThrow(/quartersOf: "2021-22" is not a financial year/);
	});

	it('take shares that are four fractions adding up to 1', () => {
		expect(quarterSharesProblem([0, 0, 0.5, 0.5])).toBeNull();
		expect(quarterSharesProblem([1 / 3, 1 / 3, 1 / 3, 0])).toBeNull();
		expect(quarterSharesProblem([0.5, 0.5, 0.5, 0])).toMatch(/add up to 1 \(100%\), got 1.5/);
		expect(quarterSharesProblem([1.5, -0.5, 0, 0])).toMatch(/fraction from 0 to 1/);
		expect(quarterSharesProblem([0.5, 0.5])).toMatch(/four quarterly shares/);
	});
});

describe('savingsTracker', () => {
	it('spreads target and expected delivery evenly over the quarters when a line has no timing', () => {
		const t = savingsTracker([line('a')], resultWith({ 'savings:a': [80_000, 200_000] }));
		const y1 = t.lines[0].years[0];
		expect(y1.quarters.map((q) => q.period)).toEqual(quartersOf('2021/22'));
		expect(y1.quarters.map((q) => q.target)).toEqual([25_000, 25_000, 25_000, 25_000]);
		expect(y1.quarters.map((q) => q.expected)).toEqual([20_000, 20_000, 20_000, 20_000]);
		expect(y1.total).toEqual({
			period: '2021/22',
			target: 100_000,
			expected: 80_000,
			actual: null,
			variance: null,
			quartersRecorded: 0
		});
		expect(t.lines[0].ownTiming).toBe(false);
	});

	it('follows a line’s own timing: all of 2022/23’s £200,000 in its second half', () => {
		const t = savingsTracker(
			[line('a', { quarterShares: [0, 0, 0.5, 0.5] })],
			resultWith({ 'savings:a': [80_000, 200_000] })
		);
		expect(t.lines[0].years[1].quarters.map((q) => q.target)).toEqual([0, 0, 100_000, 100_000]);
		expect(t.lines[0].years[0].quarters.map((q) => q.expected)).toEqual([0, 0, 40_000, 40_000]);
	});

	it('compares actuals with the target of the same quarters: the year’s variance is to date', () => {
		const t = savingsTracker(
			[
				line('a', {
					actuals: {
						'2021-Q1': imported(18_000, 'actual: test'),
						'2021-Q2': imported(30_000, 'actual: test')
					}
				})
			],
			resultWith({ 'savings:a': [80_000, 200_000] })
		);
		const y1 = t.lines[0].years[0];
		expect(y1.quarters.map((q) => q.actual)).toEqual([18_000, 30_000, null, null]);
		expect(y1.quarters.map((q) => q.variance)).toEqual([-7_000, 5_000, null, null]);
		expect(y1.total.actual).toBe(48_000);
		expect(y1.total.variance).toBe(-2_000); // 48,000 − (25,000 + 25,000), not − 100,000
		expect(y1.total.quartersRecorded).toBe(2);
		expect(t.lines[0].years[1].total.actual).toBeNull();
	});

	it('adds the lines into a total per quarter and per year', () => {
		const t = savingsTracker(
			[
				line('a', { actuals: { '2021-Q1': imported(10_000, 'actual: test') } }),
				line('b', { targets: { '2021/22': assumption(40_000, 't') } })
			],
			resultWith({ 'savings:a': [80_000, 200_000], 'savings:b': [40_000, 0] })
		);
		const q1 = t.total[0].quarters[0];
		expect(q1).toMatchObject({
			target: 35_000,
			expected: 30_000,
			actual: 10_000,
			variance: -15_000
		});
		expect(t.total[0].total).toMatchObject({ target: 140_000, expected: 120_000, actual: 10_000 });
		expect(t.total[1].total).toMatchObject({ target: 200_000, expected: 200_000, actual: null });
	});

	it('refuses a result without the line’s savings row, naming it', () => {
		expect(() => savingsTracker([line('a')], resultWith({}))).toThrow(
			/savingsTracker: the result of "Plan" has no savings:a/
		);
	});
});
