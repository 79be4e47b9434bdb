import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import type { BacktestSummary } from '$lib/engine/backtest';
import { actualSeries, backtestRows, holdoutOptions } from '$lib/state/backtest-view';

const point = (census: number, projected: number, actual: number, inBand: boolean | null) => ({
	census,
	horizon: census - 2019,
	projected,
	actual,
	error: projected - actual,
	percentError: (projected - actual) / actual,
	inBand,
	p5: null,
	p95: null
});

const summary: BacktestSummary = {
	holdout: 2,
	best: 'linear',
	results: [
		{
			estimator: 'pooled',
			fromCensus: 2019,
			mape: 0.1,
			points: [point(2020, 90, 100, true), point(2021, 100, 120, false)]
		},
		{
			estimator: 'linear',
			fromCensus: 2019,
			mape: 0.05,
			points: [point(2020, 105, 100, true), point(2021, 114, 120, true)]
		},
		{
			estimator: 'loglinear',
			fromCensus: 2019,
			mape: 0.2,
			points: [point(2020, 80, 100, null), point(2021, 96, 120, null)]
		}
	]
};

describe('backtestRows', () => {
	const rows = backtestRows(summary, 'pooled');

	it('marks the estimator in use apart from the best one', () => {
		expect(rows.map((r) => [r.estimator, r.inUse, r.best])).toEqual([
			['pooled', true, false],
			['linear', false, true],
			['loglinear', false, false]
		]);
	});

	it('gives the mean absolute error in children and the band coverage', () => {
		expect(rows[0].meanAbsoluteError).toBe(15);
		expect(rows[1].meanAbsoluteError).toBe(5.5);
		expect([rows[0].covered, rows[0].banded, rows[0].coverage]).toEqual([1, 2, 0.5]);
		expect([rows[1].covered, rows[1].banded, rows[1].coverage]).toEqual([2, 2, 1]);
		expect(rows[2].coverage).toBeNull();
	});
});

describe('holdoutOptions and actualSeries', () => {
	it('offers the holdouts the default dataset’s history allows', () => {
		// Caseload by age band from 2015 and new plans from 2015: projecting from 2016 is the earliest.
		expect(holdoutOptions(kingstonDataset())).toEqual([1, 2, 3, 4, 5]);
	});

	it('lists actual totals by census, null where unknown', () => {
		expect(actualSeries(kingstonDataset(), 2020, 2022)).toEqual([
			{ census: 2020, value: 1314 },
			{ census: 2021, value: 1424 },
			{ census: 2022, value: null }
		]);
	});
});
