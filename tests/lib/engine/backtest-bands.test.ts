import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { backtest, backtestEstimator } from '$lib/engine/backtest';
import { backtestWithBands, withSimulatedBand } from '$lib/engine/backtest-bands';

const dataset = kingstonDataset();

describe('withSimulatedBand', () => {
	const expected = backtestEstimator(dataset, 'pooled', 3);
	const banded = withSimulatedBand(dataset, expected, { simulations: 400, seed: 50 });

	it('keeps the expected back-test and adds p5 ≤ p95 on every held-out census', () => {
		expect(banded.points.map((p) => p.projected)).toEqual(expected.points.map((p) => p.projected));
		expect(banded.mape).toBe(expected.mape);
		for (const p of banded.points) {
			expect(p.p5).not.toBeNull();
			expect(p.p5!).toBeLessThan(p.p95!);
			expect(p.inBand).toBe(p.actual >= p.p5! && p.actual <= p.p95!);
		}
	});

	it('centres the band on the expected projection and widens it with the horizon', () => {
		for (const p of banded.points) {
			expect(p.p5!).toBeLessThan(p.projected);
			expect(p.p95!).toBeGreaterThan(p.projected);
		}
		const widths = banded.points.map((p) => p.p95! - p.p5!);
		expect(widths[widths.length - 1]).toBeGreaterThan(widths[0]);
	});

	it('is reproducible for a seed and N, and differs for another seed', () => {
		const again = withSimulatedBand(dataset, expected, { simulations: 400, seed: 50 });
		const other = withSimulatedBand(dataset, expected, { simulations: 400, seed: 51 });
		expect(again).toEqual(banded);
		expect(other.points.map((p) => p.p95)).not.toEqual(banded.points.map((p) => p.p95));
	});

	it('refuses N or a seed that is not a whole number, naming the function', () => {
		expect(() => withSimulatedBand(dataset, expected, { simulations: 0 })).toThrow(
			/^withSimulatedBand: simulations must be a whole number ≥ 1, got 0/
		);
		expect(() => backtestWithBands(dataset, 3, { seed: -2 })).toThrow(
			/^backtestWithBands: seed must be/
		);
	});
});

describe('backtestWithBands', () => {
	it('back-tests every estimator with a band and names the same best as backtest', () => {
		const s = backtestWithBands(dataset, 3, { simulations: 200, seed: 1 });
		const plain = backtest(dataset, 3);
		expect(s.best).toBe(plain.best);
		expect(s.results.map((r) => r.estimator)).toEqual(plain.results.map((r) => r.estimator));
		expect(s.results.every((r) => r.points.every((p) => p.inBand !== null))).toBe(true);
	});
});
