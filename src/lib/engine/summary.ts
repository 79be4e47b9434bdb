/**
 * Summaries across Monte Carlo simulations (docs/model.md §2, §6). Every roll-up is computed inside
 * each simulation first; these functions summarise the N per-simulation values of one metric in
 * one year. None of them reorders the caller's array: quantiles sort a copy held in a scratch
 * buffer that this module reuses between calls.
 *
 * Quantiles interpolate linearly between order statistics (Hyndman & Fan type 7): the p-quantile
 * of sorted x[0..N) is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with h = (N − 1)·p. This is R's
 * default, NumPy's default ("linear"), Excel's PERCENTILE.INC and d3-array's quantileSorted.
 */
import { SUMMARY_STATISTICS, type FirstBreachDistribution } from '../model/results';

/**
 * The statistic column of the long CSV (docs/model.md §6), in the order rows are written. `expected`
 * is the expected-value projection; `probability` is used for `cap_breached` and
 * `first_breach_year` under Monte Carlo.
 */
export const STATISTIC_NAMES = ['expected', ...SUMMARY_STATISTICS, 'probability'] as const;

/** One entry of `STATISTIC_NAMES`. */
export type StatisticName = (typeof STATISTIC_NAMES)[number];

/** The distributional summary of one metric in one year across simulations. */
export interface SimulationSummary {
	mean: number;
	/** Sample standard deviation (divisor N − 1); 0 when N = 1. */
	sd: number;
	min: number;
	p2_5: number;
	p5: number;
	p25: number;
	median: number;
	p75: number;
	p95: number;
	p97_5: number;
	max: number;
}

/** The columns of witan.send's Output_*.csv files (docs/model.md §6), in file order. */
export const WITAN_STATISTIC_NAMES = [
	'mean',
	'std-dev',
	'iqr',
	'min',
	'low-95pc-bound',
	'q1',
	'median',
	'q3',
	'high-95pc-bound',
	'max',
	'low-ci',
	'high-ci'
] as const;

/** One entry of `WITAN_STATISTIC_NAMES`. */
export type WitanStatisticName = (typeof WITAN_STATISTIC_NAMES)[number];

/** A row of witan.send statistics, keyed by its column names. */
export type WitanStatistics = Record<WitanStatisticName, number>;

let scratch = new Float64Array(1024);

/**
 * Copies the values into the reusable scratch buffer and sorts them ascending; returns the
 * scratch (only its first values.length entries are meaningful). Throws on an empty input or a
 * NaN, naming the calling function.
 */
function sortedCopy(fn: string, values: ArrayLike<number>): Float64Array {
	const n = values.length;
	if (n === 0) throw new Error(`${fn}: needs at least one simulated value, got none`);
	if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (Number.isNaN(v)) {
			throw new Error(`${fn}: values[${i}] is NaN; every simulation must give a number`);
		}
		scratch[i] = v;
	}
	const view = scratch.subarray(0, n);
	view.sort();
	return scratch;
}

/** Type-7 quantile of the first n entries of an ascending array. */
function quantileOfSorted(sorted: Float64Array, n: number, p: number): number {
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const x0 = sorted[lo];
	if (lo >= n - 1) return x0;
	return x0 + (h - lo) * (sorted[lo + 1] - x0);
}

/** Mean and sample standard deviation by two passes (the second on deviations, for accuracy). */
function meanAndSd(values: ArrayLike<number>): { mean: number; sd: number } {
	const n = values.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i];
	const mean = sum / n;
	if (n < 2) return { mean, sd: 0 };
	let squares = 0;
	for (let i = 0; i < n; i++) {
		const d = values[i] - mean;
		squares += d * d;
	}
	return { mean, sd: Math.sqrt(squares / (n - 1)) };
}

/**
 * The p-quantile of simulated values, by linear interpolation between order statistics (type 7,
 * as in Excel's PERCENTILE.INC). The caller's array is not reordered.
 *
 * @param values one value per simulation (any units); at least one, no NaN
 * @param p the probability in [0, 1]
 * @returns the quantile, in the units of the values
 * @example
 * quantile(Float64Array.of(4, 1, 3, 2), 0.25); // 1.75
 */
export function quantile(values: ArrayLike<number>, p: number): number {
	if (!(p >= 0 && p <= 1)) throw new Error(`quantile: p must be in [0, 1], got ${p}`);
	const sorted = sortedCopy('quantile', values);
	return quantileOfSorted(sorted, values.length, p);
}

/**
 * Summarises one metric in one year across N simulations: mean, sample sd (N − 1; 0 when
 * N = 1), min, the 2.5th, 5th, 25th, 50th, 75th, 95th and 97.5th percentiles (type 7) and max,
 * all in the units of the values (children, or £ for money). The caller's array is not reordered.
 *
 * @param values one value per simulation; at least one, no NaN (a NaN throws, naming its index)
 * @returns the summary, keyed by the long CSV's statistic names
 * @example
 * summariseSimulations(Float64Array.of(10, 20, 30, 40, 50));
 * // { mean: 30, sd: 15.81…, min: 10, p2_5: 11, p5: 12, p25: 20, median: 30, p75: 40,
 * //   p95: 48, p97_5: 49, max: 50 }
 */
export function summariseSimulations(values: ArrayLike<number>): SimulationSummary {
	const sorted = sortedCopy('summariseSimulations', values);
	const n = values.length;
	const { mean, sd } = meanAndSd(values);
	return {
		mean,
		sd,
		min: sorted[0],
		p2_5: quantileOfSorted(sorted, n, 0.025),
		p5: quantileOfSorted(sorted, n, 0.05),
		p25: quantileOfSorted(sorted, n, 0.25),
		median: quantileOfSorted(sorted, n, 0.5),
		p75: quantileOfSorted(sorted, n, 0.75),
		p95: quantileOfSorted(sorted, n, 0.95),
		p97_5: quantileOfSorted(sorted, n, 0.975),
		max: sorted[n - 1]
	};
}

/**
 * The statistics of witan.send's output files (docs/model.md §6) for one key and year: mean,
 * `std-dev` (sample, N − 1), `iqr` = q3 − q1, min, `low-95pc-bound` and `high-95pc-bound` (the
 * 2.5th and 97.5th percentiles), q1, median, q3, max, and `low-ci`/`high-ci` =
 * mean ∓ 1.96·sd/√N (a 95% confidence interval for the mean, not for a simulation). Quantiles
 * are type 7. The caller's array is not reordered.
 *
 * @param values one value per simulation; at least one, no NaN
 * @returns the statistics keyed by witan.send's column names
 * @example
 * witanStatistics(Float64Array.of(10, 20, 30, 40, 50))['high-ci']; // 30 + 1.96 × 15.81 / √5 ≈ 43.86
 */
export function witanStatistics(values: ArrayLike<number>): WitanStatistics {
	const sorted = sortedCopy('witanStatistics', values);
	const n = values.length;
	const { mean, sd } = meanAndSd(values);
	const q1 = quantileOfSorted(sorted, n, 0.25);
	const q3 = quantileOfSorted(sorted, n, 0.75);
	const halfWidth = (1.96 * sd) / Math.sqrt(n);
	return {
		mean,
		'std-dev': sd,
		iqr: q3 - q1,
		min: sorted[0],
		'low-95pc-bound': quantileOfSorted(sorted, n, 0.025),
		q1,
		median: quantileOfSorted(sorted, n, 0.5),
		q3,
		'high-95pc-bound': quantileOfSorted(sorted, n, 0.975),
		max: sorted[n - 1],
		'low-ci': mean - halfWidth,
		'high-ci': mean + halfWidth
	};
}

/**
 * The share of simulations whose value satisfies a predicate (a fraction in [0, 1]).
 *
 * @param values one value per simulation; at least one
 * @param predicate the event, e.g. `(deficit) => deficit > cap`
 * @returns the number of simulations where the predicate holds, divided by N
 * @example
 * probability(Float64Array.of(5, 12, 30, 8), (v) => v > 10); // 0.5
 */
export function probability(
	values: ArrayLike<number>,
	predicate: (value: number, index: number) => boolean
): number {
	const n = values.length;
	if (n === 0) throw new Error('probability: needs at least one simulated value, got none');
	let hits = 0;
	for (let i = 0; i < n; i++) if (predicate(values[i], i)) hits++;
	return hits / n;
}

/**
 * The share of simulations whose value is strictly above a threshold, e.g. P(cumulative deficit
 * before Safety Valve > cap) for one year (docs/model.md §4: a breach is `>`, not `≥`). A NaN value
 * counts as not above.
 *
 * @param values one value per simulation (same units as the threshold); at least one
 * @param threshold the level to exceed
 * @returns a fraction in [0, 1]
 * @example
 * probabilityAbove(Float64Array.of(24e6, 31e6, 29e6, 35e6), 30e6); // 0.5
 */
export function probabilityAbove(values: ArrayLike<number>, threshold: number): number {
	const n = values.length;
	if (n === 0) throw new Error('probabilityAbove: needs at least one simulated value, got none');
	let hits = 0;
	for (let i = 0; i < n; i++) if (values[i] > threshold) hits++;
	return hits / n;
}

/**
 * The distribution of the first breach year across simulations (docs/model.md §2, and the
 * `first_breach_year` rows of the long CSV).
 *
 * @param firstBreachIndexPerSim per simulation, the index into `years` of its first breach, or
 *   −1 when it never breaches
 * @param years the projected years, e.g. financial years `['2021/22', '2022/23', …]`
 * @returns per year the fraction of simulations whose first breach falls in it, and the fraction
 *   with no breach
 * @example
 * firstBreachDistribution(Int32Array.of(1, -1, 1, 0), ['2021/22', '2022/23']);
 * // { byYear: [{ year: '2021/22', probability: 0.25 }, { year: '2022/23', probability: 0.5 }],
 * //   noBreach: 0.25 }
 */
export function firstBreachDistribution(
	firstBreachIndexPerSim: Int32Array,
	years: readonly string[]
): FirstBreachDistribution {
	const n = firstBreachIndexPerSim.length;
	if (n === 0) {
		throw new Error('firstBreachDistribution: needs at least one simulation, got none');
	}
	const counts = new Float64Array(years.length);
	let none = 0;
	for (let i = 0; i < n; i++) {
		const index = firstBreachIndexPerSim[i];
		if (index === -1) none++;
		else if (index >= 0 && index < years.length) counts[index]++;
		else {
			const valid = years.length > 0 ? ` or 0…${years.length - 1}` : ' (no years were given)';
			throw new Error(
				`firstBreachDistribution: firstBreachIndexPerSim[${i}] = ${index} is not a year index ` +
					`(expected −1 for no breach${valid})`
			);
		}
	}
	return {
		byYear: years.map((year, k) => ({ year, probability: counts[k] / n })),
		noBreach: none / n
	};
}
