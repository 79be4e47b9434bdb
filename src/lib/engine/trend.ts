/**
 * Trends of a yearly rate or count (docs/model.md §2 "Trend"): held at its pooled mean (witan.send's
 * assumption), or extrapolated by a linear or log-linear least-squares trend over chosen years.
 */
import { linearRegression, linearRegressionLine } from 'simple-statistics';
import type { EstimatorId } from '../model/dataset';

export interface YearValue {
	year: number;
	value: number;
	/** Weight of the year in the pooled mean (e.g. the caseload behind a rate); default 1. */
	weight?: number;
}

/**
 * A function from year to the estimated value under an estimator. Never negative. With fewer
 * than two usable years, a trend falls back to the pooled mean (there is no slope to fit).
 * @example trendFunction([{ year: 2019, value: 10 }, { year: 2020, value: 12 }], 'linear')(2021) // 14
 */
export function trendFunction(
	points: readonly YearValue[],
	estimator: EstimatorId
): (year: number) => number {
	const usable = points.filter((p) => Number.isFinite(p.value));
	if (usable.length === 0)
		throw new Error('trendFunction: at least one year with a value is needed');
	const mean = pooledMean(usable);
	// 'england' pools with a reference, which a bare series has not: it is held at its mean here,
	// and estimation from aggregates replaces it (pooled-england.ts).
	if (estimator === 'pooled' || estimator === 'england' || usable.length < 2) return () => mean;
	if (estimator === 'linear') {
		const line = linearRegressionLine(linearRegression(usable.map((p) => [p.year, p.value])));
		return (year) => Math.max(0, line(year));
	}
	// Log-linear: constant growth. Needs positive values; zeros make no growth rate.
	const positive = usable.filter((p) => p.value > 0);
	if (positive.length < 2) return () => mean;
	const line = linearRegressionLine(
		linearRegression(positive.map((p) => [p.year, Math.log(p.value)]))
	);
	return (year) => Math.exp(line(year));
}

/**
 * The weighted mean of yearly values (weights default to 1).
 * @example pooledMean([{ year: 2019, value: 0.1, weight: 100 }, { year: 2020, value: 0.2, weight: 300 }]) // 0.175
 */
export function pooledMean(points: readonly YearValue[]): number {
	let sw = 0;
	let s = 0;
	for (const p of points) {
		const w = p.weight ?? 1;
		sw += w;
		s += w * p.value;
	}
	if (sw <= 0) throw new Error('pooledMean: weights must add up to more than 0');
	return s / sw;
}

/**
 * Multipliers of the pooled mean for each target year: trend(year) / pooled mean (1 when the
 * pooled mean is 0). Capped at `max` so that a steep trend cannot explode over a long horizon.
 * @example trendMultipliers(points, 'loglinear', [2021, 2022])
 */
export function trendMultipliers(
	points: readonly YearValue[],
	estimator: EstimatorId,
	years: readonly number[],
	max = 5
): number[] {
	const f = trendFunction(points, estimator);
	const mean = pooledMean(points.filter((p) => Number.isFinite(p.value)));
	return years.map((y) => (mean > 0 ? Math.min(max, Math.max(0, f(y) / mean)) : 1));
}
