import { describe, expect, it } from 'vitest';
import type { AgeBandId } from '$lib/model/categories';
import { AGE_BAND_IDS } from '$lib/model/categories';
import type { Dataset } from '$lib/model/dataset';
import { sen2 } from '$lib/model/provenance';
import {
	actualTotals,
	backtest,
	backtestEstimator,
	resolveDefaultEstimator
} from '$lib/engine/backtest';
import { withSimulatedBand } from '$lib/engine/backtest-bands';
import { oneSettingDataset } from '../../fixtures/one-setting-dataset';

/**
 * A history with a known answer: one setting for every age, 10 new plans a year (all aged 5–10)
 * and caseload growing by exactly 10 a year to January 2019, so no plan ever ceases. Projected
 * from January 2019 (three years held out) every estimator gives 110, 120 and 130 — a constant
 * count has no trend — and nobody is old enough to age out in three years. What happened
 * instead: 110, 125 and 160. Pooling with England is off (`pooling: 'none'`): the known answer
 * is the authority's own history's.
 */
function knownAnswer(): Dataset {
	const bands: Record<number, number[]> = {
		2015: [10, 0, 30, 20, 0],
		2016: [10, 10, 30, 20, 0],
		2017: [10, 20, 30, 20, 0],
		2018: [10, 30, 30, 20, 0],
		2019: [10, 40, 30, 20, 0],
		2020: [10, 50, 30, 20, 0],
		2021: [10, 65, 30, 20, 0],
		2022: [10, 100, 30, 20, 0]
	};
	const caseloadByAgeBand = Object.entries(bands).flatMap(([year, counts]) =>
		counts.map((c, i) => ({
			year: Number(year),
			band: AGE_BAND_IDS[i] as AgeBandId,
			count: sen2(c, 'fixture')
		}))
	);
	const newPlansByAgeBand = [2015, 2016, 2017, 2018, 2019, 2020, 2021].flatMap((year) =>
		AGE_BAND_IDS.map((band) => ({
			year,
			band,
			count: sen2(band === 'age_5_10' ? 10 : 0, 'fixture')
		}))
	);
	return oneSettingDataset({
		id: 'known-answer',
		name: 'Known answer',
		authority: 'Test',
		dataDate: '2022-01-31',
		baseCensus: 2022,
		horizonCensus: 2025,
		history: {
			caseloadByAgeBand,
			caseloadBySetting: [{ year: 2019, setting: 'all', count: sen2(100, 'fixture') }],
			newPlansByAgeBand
		},
		estimation: {
			firstFlowYear: 2015,
			lastFlowYear: 2021,
			defaultEstimator: 'auto',
			backtestHoldout: 3,
			pooling: 'none'
		},
		source: 'fixture'
	});
}

describe('backtest on a history with a known answer', () => {
	const dataset = knownAnswer();

	it('reads the actual totals from the caseload by age band', () => {
		expect([...actualTotals(dataset)]).toEqual([
			[2015, 60],
			[2016, 70],
			[2017, 80],
			[2018, 90],
			[2019, 100],
			[2020, 110],
			[2021, 125],
			[2022, 160]
		]);
	});

	it('projects 110, 120, 130 from January 2019 with every estimator', () => {
		for (const estimator of ['pooled', 'linear', 'loglinear', 'england'] as const) {
			const r = backtestEstimator(dataset, estimator, 3);
			expect(r.fromCensus).toBe(2019);
			expect(r.points.map((p) => p.census)).toEqual([2020, 2021, 2022]);
			expect(r.points.map((p) => p.horizon)).toEqual([1, 2, 3]);
			r.points.forEach((p, i) => expect(p.projected).toBeCloseTo([110, 120, 130][i], 9));
		}
	});

	it('gives the error by horizon: 0, −5, −30 children; 0%, −4%, −18.75%; mean 7.58%', () => {
		const r = backtestEstimator(dataset, 'pooled', 3);
		r.points.forEach((p, i) => {
			expect(p.actual).toBe([110, 125, 160][i]);
			expect(p.error).toBeCloseTo([0, -5, -30][i], 9);
			expect(p.percentError).toBeCloseTo([0, -0.04, -0.1875][i], 9);
		});
		expect(r.mape).toBeCloseTo((0 + 0.04 + 0.1875) / 3, 9);
	});

	it('names the pooled mean best when the estimators tie, and uses it by default', () => {
		expect(backtest(dataset, 3).best).toBe('pooled');
		expect(resolveDefaultEstimator(dataset).estimator).toBe('pooled');
	});

	it('puts the first year’s actual inside the simulated band and the third year’s outside', () => {
		const banded = withSimulatedBand(dataset, backtestEstimator(dataset, 'pooled', 3), {
			simulations: 400,
			seed: 7
		});
		expect(banded.points[0].inBand).toBe(true);
		expect(banded.points[2].inBand).toBe(false);
		expect(banded.points[2].p95!).toBeLessThan(160);
	});

	it('holds out fewer years on request: one year, from January 2021', () => {
		const r = backtestEstimator(dataset, 'linear', 1);
		expect(r.fromCensus).toBe(2021);
		expect(r.points).toHaveLength(1);
		expect(r.points[0].actual).toBe(160);
	});
});
