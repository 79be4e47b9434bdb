import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import {
	comparePeriods,
	financialYearLabel,
	kpiAsAt,
	kpiHistory,
	kpiPoints,
	nextQuarter,
	parsePeriod,
	quarterLabel,
	reportQuarter,
	reportedPeriod,
	withActual,
	withoutActual
} from '$lib/engine/kpi-history';
import { rateKpi } from '$lib/engine/kpi';
import type { Kpi } from '$lib/model/kpi';
import { imported } from '$lib/model/provenance';

const dataset = kingstonDataset();
const kpi = (ref: string): Kpi => dataset.kpis.find((k) => k.ref === ref)!;
const FY = 2021;
const actual = (period: string, value: number) => ({ period, value: imported(value, 'test.csv') });

describe('periods', () => {
	it('counts months of the financial year from April: May is 2 months in, February 11', () => {
		expect(parsePeriod('2021-05')).toMatchObject({
			kind: 'month',
			fyStart: 2021,
			monthsElapsed: 2,
			quarter: 1
		});
		expect(parsePeriod('2022-02')).toMatchObject({ fyStart: 2021, monthsElapsed: 11, quarter: 4 });
		expect(parsePeriod('2021-04')).toMatchObject({ fyStart: 2021, monthsElapsed: 1 });
		expect(parsePeriod('2022-03')).toMatchObject({ fyStart: 2021, monthsElapsed: 12 });
	});

	it('reads a quarter as a quarter of the financial year: 2021-Q1 is April–June 2021', () => {
		expect(parsePeriod('2021-Q1')).toMatchObject({
			kind: 'quarter',
			fyStart: 2021,
			monthsElapsed: 3
		});
		expect(parsePeriod('2021-Q4')).toMatchObject({ fyStart: 2021, monthsElapsed: 12, quarter: 4 });
	});

	it('refuses anything else, naming the function and the forms it reads', () => {
		expect(() => parsePeriod('2021-13')).toThrow(
			/parsePeriod: a period must be a month like 2021-05 or a quarter like 2021-Q1, got "2021-13"/
		);
		expect(() => parsePeriod('Q1 2021/22')).toThrow(/parsePeriod/);
	});

	it('orders periods by when they end, a month before its own quarter', () => {
		expect(['2021-Q1', '2022-01', '2021-06', '2021-05'].sort(comparePeriods)).toEqual([
			'2021-05',
			'2021-06',
			'2021-Q1',
			'2022-01'
		]);
	});

	it('names quarters as reports do and reads them back', () => {
		expect(financialYearLabel(2021)).toBe('2021/22');
		expect(financialYearLabel(2099)).toBe('2099/00');
		expect(quarterLabel('2021-Q1')).toBe('Q1 2021/22');
		expect(quarterLabel('2022-02')).toBe('Q4 2021/22');
		expect(reportQuarter('Q1 2021/22')).toBe('2021-Q1');
		expect(reportQuarter('Quarter 3 2021/22')).toBe('2021-Q3');
		expect(reportQuarter('Q1 2021/23')).toBeNull();
		expect(reportQuarter('June')).toBeNull();
		expect(nextQuarter('2021-Q4')).toBe('2022-Q1');
		expect(nextQuarter('2021-Q1')).toBe('2021-Q2');
	});

	it('places the reported figure at the end of its months elapsed: 2 months of 2021/22 is May 2021', () => {
		expect(reportedPeriod(kpi('1'), FY)).toBe('2021-05');
		expect(reportedPeriod({ monthsElapsed: 10 }, FY)).toBe('2022-01');
		expect(reportedPeriod({ monthsElapsed: 12 }, FY)).toBe('2022-03');
	});
});

describe('KPI values over the year', () => {
	it('starts from the seed’s reported May figure, rated as the seed rates it', () => {
		const points = kpiPoints(kpi('1'), FY);
		expect(points).toHaveLength(1);
		expect(points[0]).toMatchObject({
			period: '2021-05',
			quarter: '2021-Q1',
			source: 'reported',
			value: 1447,
			target: 1447,
			rating: 'G'
		});
	});

	it('pro-rates a level target by the months elapsed at each actual: 1,429 + 108 × 6/12 = 1,483 in September', () => {
		const k = withActual(kpi('1'), actual('2021-09', 1490));
		const sept = kpiPoints(k, FY).find((p) => p.period === '2021-09')!;
		expect(sept.target).toBe(1483);
		expect(sept.suggested).toBe('G'); // 1,490 is 0.47% over 1,483: within the 0.5% tolerance
		const later = withActual(kpi('1'), actual('2021-09', 1500));
		expect(kpiPoints(later, FY).find((p) => p.period === '2021-09')!.suggested).toBe('A');
	});

	it('pro-rates a flow target from zero: KPI 2 at Q2 is 7% × 6/12 = 3.5%', () => {
		const k = withActual(kpi('2'), actual('2021-Q2', 0.034));
		const q2 = kpiPoints(k, FY).find((p) => p.period === '2021-Q2')!;
		expect(q2.target).toBeCloseTo(0.035, 12);
		expect(q2.rating).toBe('G');
	});

	it('lets an actual for the reported figure’s own month replace it', () => {
		const k = withActual(kpi('1'), actual('2021-05', 1450));
		const points = kpiPoints(k, FY);
		expect(points).toHaveLength(1);
		expect(points[0]).toMatchObject({ source: 'actual', value: 1450 });
	});

	it('does not rate a value from another financial year against this year’s target', () => {
		const k = withActual(kpi('1'), actual('2022-Q1', 1600));
		const next = kpiPoints(k, FY).at(-1)!;
		expect(next.target).toBeNull();
		expect(next.rating).toBeNull();
	});

	it('uses the edited rule: a red tolerance turns a large adverse value Red', () => {
		const base = withActual(kpi('3'), actual('2021-Q2', 1700));
		expect(kpiPoints(base, FY).at(-1)!.rating).toBe('A');
		const strict = { ...base, rule: { ...base.rule, redTolerance: 0.05 } };
		expect(kpiPoints(strict, FY).at(-1)!.rating).toBe('R');
	});

	it('applies an override to the latest value only, and says so', () => {
		const k = {
			...withActual(kpi('24'), actual('2021-Q2', 700_000)),
			override: { rating: 'G' as const, comment: 'Savings back-loaded to September' }
		};
		const points = kpiPoints(k, FY);
		expect(points.map((p) => [p.period, p.rating, p.overridden])).toEqual([
			['2021-05', 'A', false],
			['2021-Q2', 'G', true]
		]);
		expect(points[1].suggested).toBe('A');
	});

	it('keeps the last value of each quarter as its history, oldest first', () => {
		let k = kpi('1');
		for (const [p, v] of [
			['2021-06', 1455],
			['2021-08', 1470],
			['2021-09', 1478],
			['2021-12', 1500]
		] as const)
			k = withActual(k, actual(p, v));
		expect(kpiHistory(k, FY).map((q) => [q.label, q.point.period, q.point.value])).toEqual([
			['Q1 2021/22', '2021-06', 1455],
			['Q2 2021/22', '2021-09', 1478],
			['Q3 2021/22', '2021-12', 1500]
		]);
	});

	it('keeps actuals in period order, one per period, and removes them by period', () => {
		let k = withActual(kpi('1'), actual('2021-09', 1490));
		k = withActual(k, actual('2021-06', 1455));
		k = withActual(k, actual('2021-09', 1491));
		expect(k.actuals.map((a) => [a.period, a.value.value])).toEqual([
			['2021-06', 1455],
			['2021-09', 1491]
		]);
		expect(withoutActual(k, '2021-06').actuals.map((a) => a.period)).toEqual(['2021-09']);
		expect(() => withActual(k, actual('2021-13', 1))).toThrow(/parsePeriod/);
	});
});

describe('a KPI as a quarter’s report shows it', () => {
	it('is the KPI itself for the seed’s quarter when nothing newer was entered', () => {
		for (const k of dataset.kpis) expect(kpiAsAt(k, '2021-Q1', FY)).toBe(k);
	});

	it('takes the last value up to the quarter’s end, with its months elapsed', () => {
		const k = withActual(withActual(kpi('1'), actual('2021-09', 1478)), actual('2021-12', 1500));
		const q2 = kpiAsAt(k, '2021-Q2', FY);
		expect(q2.projection?.value).toBe(1478);
		expect(q2.monthsElapsed).toBe(6);
		expect(rateKpi(q2).rating).toBe('G');
		const q1 = kpiAsAt(k, '2021-Q1', FY);
		expect(q1.projection?.value).toBe(1447);
		expect(q1.monthsElapsed).toBe(2);
	});

	it('drops an override that belongs to a later value', () => {
		const k = {
			...withActual(kpi('24'), actual('2021-Q2', 700_000)),
			override: { rating: 'G' as const, comment: 'judgement for Q2' }
		};
		expect(rateKpi(kpiAsAt(k, '2021-Q1', FY))).toMatchObject({ rating: 'A', overridden: false });
		expect(rateKpi(kpiAsAt(k, '2021-Q2', FY))).toMatchObject({ rating: 'G', overridden: true });
	});

	it('has no figure for a quarter before any value', () => {
		expect(kpiAsAt(kpi('1'), '2020-Q4', FY).projection).toBeNull();
	});
});
