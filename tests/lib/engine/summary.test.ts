import { describe, expect, it } from 'vitest';
import {
	STATISTIC_NAMES,
	WITAN_STATISTIC_NAMES,
	firstBreachDistribution,
	probability,
	probabilityAbove,
	quantile,
	summariseSimulations,
	witanStatistics
} from '$lib/engine/summary';

describe('summariseSimulations', () => {
	it('interpolates quantiles between order statistics as Excel PERCENTILE.INC and NumPy do', () => {
		// Sorted: 1 2 4 7 11 16 (N = 6), h = 5p.
		// p2.5: h = 0.125 → 1 + 0.125·(2 − 1) = 1.125
		// p5:   h = 0.25  → 1.25
		// p25:  h = 1.25  → 2 + 0.25·(4 − 2) = 2.5
		// p50:  h = 2.5   → 4 + 0.5·(7 − 4) = 5.5
		// p75:  h = 3.75  → 7 + 0.75·(11 − 7) = 10
		// p95:  h = 4.75  → 11 + 0.75·(16 − 11) = 14.75
		// p97.5: h = 4.875 → 11 + 0.875·5 = 15.375
		// numpy.percentile([16, 1, 7, 2, 11, 4], [2.5, 5, 25, 50, 75, 95, 97.5]) and Excel's
		// PERCENTILE.INC give the same seven numbers.
		const s = summariseSimulations(Float64Array.of(16, 1, 7, 2, 11, 4));
		expect(s.min).toBe(1);
		expect(s.p2_5).toBeCloseTo(1.125, 12);
		expect(s.p5).toBeCloseTo(1.25, 12);
		expect(s.p25).toBeCloseTo(2.5, 12);
		expect(s.median).toBeCloseTo(5.5, 12);
		expect(s.p75).toBeCloseTo(10, 12);
		expect(s.p95).toBeCloseTo(14.75, 12);
		expect(s.p97_5).toBeCloseTo(15.375, 12);
		expect(s.max).toBe(16);
	});

	it('gives the mean and the sample standard deviation with divisor N − 1', () => {
		// Σx = 41, Σx² = 447, so Σ(x − x̄)² = 447 − 41²/6 = 166.833… and sd = √(166.833… / 5)
		// = 5.7764… (numpy.std(x, ddof=1), Excel STDEV.S).
		const s = summariseSimulations(Float64Array.of(16, 1, 7, 2, 11, 4));
		expect(s.mean).toBeCloseTo(41 / 6, 12);
		expect(s.sd).toBeCloseTo(Math.sqrt((447 - (41 * 41) / 6) / 5), 12);
	});

	it('gives sd 0 and every quantile equal to the value when there is one simulation', () => {
		const s = summariseSimulations(Float64Array.of(1234.5));
		expect(s).toEqual({
			mean: 1234.5,
			sd: 0,
			min: 1234.5,
			p2_5: 1234.5,
			p5: 1234.5,
			p25: 1234.5,
			median: 1234.5,
			p75: 1234.5,
			p95: 1234.5,
			p97_5: 1234.5,
			max: 1234.5
		});
	});

	it('does not reorder the caller’s array', () => {
		const values = Float64Array.of(3, 1, 2, -5, 9);
		summariseSimulations(values);
		quantile(values, 0.5);
		witanStatistics(values);
		expect(Array.from(values)).toEqual([3, 1, 2, -5, 9]);
	});

	it('stays correct when a long array is followed by a short one (the scratch buffer is reused)', () => {
		const long = new Float64Array(5000).map((_, i) => 5000 - i);
		expect(summariseSimulations(long).median).toBe(2500.5);
		expect(summariseSimulations(Float64Array.of(30, 10, 20)).median).toBe(20);
	});

	it('sorts negatives and money amounts numerically, not as text', () => {
		const s = summariseSimulations(Float64Array.of(-2.5e6, 10, -3, 1e7, 9));
		expect(s.min).toBe(-2.5e6);
		expect(s.median).toBe(9);
		expect(s.max).toBe(1e7);
	});

	it('refuses an empty array and a NaN, naming itself and the simulation', () => {
		expect(() => summariseSimulations(new Float64Array(0))).toThrow(
			'summariseSimulations: needs at least one simulated value, got none'
		);
		expect(() => summariseSimulations(Float64Array.of(1, 2, Number.NaN))).toThrow(
			'summariseSimulations: values[2] is NaN'
		);
	});
});

describe('quantile', () => {
	it('returns the type-7 quantile at the ends and in between', () => {
		const values = Float64Array.of(4, 1, 3, 2);
		expect(quantile(values, 0)).toBe(1);
		expect(quantile(values, 1)).toBe(4);
		expect(quantile(values, 0.25)).toBeCloseTo(1.75, 12);
		expect(quantile(values, 0.5)).toBeCloseTo(2.5, 12);
	});

	it('refuses a p outside [0, 1]', () => {
		expect(() => quantile(Float64Array.of(1), 1.5)).toThrow(
			'quantile: p must be in [0, 1], got 1.5'
		);
	});
});

describe('witanStatistics', () => {
	it('gives witan.send’s columns: 95pc bounds at p2.5/p97.5, iqr = q3 − q1, ci = mean ∓ 1.96·sd/√N', () => {
		const values = Float64Array.of(10, 20, 30, 40, 50);
		const sd = Math.sqrt(250); // Σ(x − 30)² = 1000, / (5 − 1)
		const w = witanStatistics(values);
		expect(Object.keys(w)).toEqual([...WITAN_STATISTIC_NAMES]);
		expect(w.mean).toBe(30);
		expect(w['std-dev']).toBeCloseTo(sd, 12);
		expect(w.min).toBe(10);
		expect(w['low-95pc-bound']).toBeCloseTo(11, 12);
		expect(w.q1).toBe(20);
		expect(w.median).toBe(30);
		expect(w.q3).toBe(40);
		expect(w.iqr).toBe(20);
		expect(w['high-95pc-bound']).toBeCloseTo(49, 12);
		expect(w.max).toBe(50);
		expect(w['low-ci']).toBeCloseTo(30 - (1.96 * sd) / Math.sqrt(5), 12);
		expect(w['high-ci']).toBeCloseTo(30 + (1.96 * sd) / Math.sqrt(5), 12);
	});

	it('collapses the confidence interval to the mean for one simulation', () => {
		const w = witanStatistics(Float64Array.of(7));
		expect(w['low-ci']).toBe(7);
		expect(w['high-ci']).toBe(7);
	});
});

describe('probability and probabilityAbove', () => {
	it('counts the share of simulations meeting a predicate', () => {
		expect(probability(Float64Array.of(5, 12, 30, 8), (v) => v > 10)).toBe(0.5);
		expect(probability(Float64Array.of(5, 12, 30, 8), (_, i) => i === 0)).toBe(0.25);
	});

	it('treats a breach as strictly above the cap', () => {
		expect(probabilityAbove(Float64Array.of(24e6, 30e6, 30e6 + 1, 35e6), 30e6)).toBe(0.5);
	});

	it('refuses an empty array', () => {
		expect(() => probability(new Float64Array(0), () => true)).toThrow('probability: needs');
		expect(() => probabilityAbove(new Float64Array(0), 0)).toThrow('probabilityAbove: needs');
	});
});

describe('firstBreachDistribution', () => {
	const years = ['2021/22', '2022/23', '2023/24'];

	it('gives the share of simulations first breaching in each year, and of never breaching', () => {
		const d = firstBreachDistribution(Int32Array.of(1, -1, 1, 0, 2, -1, -1, 1), years);
		expect(d.byYear).toEqual([
			{ year: '2021/22', probability: 0.125 },
			{ year: '2022/23', probability: 0.375 },
			{ year: '2023/24', probability: 0.125 }
		]);
		expect(d.noBreach).toBe(0.375);
	});

	it('sums to 1 over the years and no breach', () => {
		// 999 simulations cycling through −1, −1, −1, 0, 1, 2, 2.
		const cycle = [-1, -1, -1, 0, 1, 2, 2];
		const d = firstBreachDistribution(
			new Int32Array(999).map((_, i) => cycle[i % 7]),
			years
		);
		expect(d.noBreach).toBeCloseTo(429 / 999, 12);
		const total = d.byYear.reduce((s, y) => s + y.probability, d.noBreach);
		expect(total).toBeCloseTo(1, 12);
	});

	it('refuses an index that is not a year or −1, naming the simulation', () => {
		expect(() => firstBreachDistribution(Int32Array.of(0, 3), years)).toThrow(
			'firstBreachDistribution: firstBreachIndexPerSim[1] = 3 is not a year index (expected −1 for no breach or 0…2)'
		);
		expect(() => firstBreachDistribution(Int32Array.of(-2), years)).toThrow(
			'firstBreachDistribution: firstBreachIndexPerSim[0] = -2'
		);
		expect(() => firstBreachDistribution(new Int32Array(0), years)).toThrow(
			'firstBreachDistribution: needs at least one simulation'
		);
	});
});

describe('STATISTIC_NAMES', () => {
	it('lists the long CSV’s statistics in file order (docs/model.md §6)', () => {
		expect(STATISTIC_NAMES).toEqual([
			'expected',
			'mean',
			'sd',
			'min',
			'p2_5',
			'p5',
			'p25',
			'median',
			'p75',
			'p95',
			'p97_5',
			'max',
			'probability'
		]);
	});

	it('names every field of a summary', () => {
		const keys = Object.keys(summariseSimulations(Float64Array.of(1, 2)));
		expect(keys.every((k) => (STATISTIC_NAMES as readonly string[]).includes(k))).toBe(true);
		expect(keys).toHaveLength(11);
	});
});
