import { describe, expect, it } from 'vitest';
import { accuracyTable, percentError, type ForecastPoint } from '$lib/engine/accuracy';

describe('accuracy by method and horizon', () => {
	it('signs the percentage error: positive over-forecasts', () => {
		expect(percentError(110, 100)).toBeCloseTo(0.1, 12);
		expect(percentError(90, 100)).toBeCloseTo(-0.1, 12);
		expect(percentError(90, 0)).toBeNull();
		expect(percentError(null, 100)).toBeNull();
		expect(percentError(90, null)).toBeNull();
	});

	it('gives MAPE, median APE, bias and the p5–p95 coverage of hand-computed points', () => {
		const points: ForecastPoint[] = [
			// workbench, horizon 1: errors +10%, −20%, +5% (actual 100, 200, 400).
			{ method: 'workbench', horizon: 1, expected: 110, actual: 100, p5: 95, p95: 120 },
			{ method: 'workbench', horizon: 1, expected: 160, actual: 200, p5: 150, p95: 190 },
			{ method: 'workbench', horizon: 1, expected: 420, actual: 400, p5: 400, p95: 440 },
			// not scorable: no actual, or actual 0.
			{ method: 'workbench', horizon: 1, expected: 50, actual: null, p5: 1, p95: 2 },
			{ method: 'workbench', horizon: 1, expected: 50, actual: 0, p5: 1, p95: 2 },
			{ method: 'last', horizon: 2, expected: 100, actual: 125 },
			{ method: 'last', horizon: 1, expected: 100, actual: 80 }
		];
		const rows = accuracyTable(points);
		expect(rows.map((r) => [r.method, r.horizon])).toEqual([
			['workbench', 1],
			['last', 1],
			['last', 2]
		]);
		const w = rows[0];
		expect(w.n).toBe(3);
		expect(w.mape).toBeCloseTo((0.1 + 0.2 + 0.05) / 3, 12);
		expect(w.medianApe).toBeCloseTo(0.1, 12);
		expect(w.bias).toBeCloseTo((0.1 - 0.2 + 0.05) / 3, 12);
		// 100 in [95, 120], 200 not in [150, 190], 400 in [400, 440] (bounds included).
		expect(w.coverage).toBeCloseTo(2 / 3, 12);
		expect(w.banded).toBe(3);
		expect(rows[1]).toMatchObject({ n: 1, coverage: null, banded: 0 });
		expect(rows[1].bias).toBeCloseTo(0.25, 12);
		expect(rows[2].mape).toBeCloseTo(0.2, 12);
		expect(rows[2].bias).toBeCloseTo(-0.2, 12);
	});

	it('takes the median of an even count between the middle two (type 7)', () => {
		const rows = accuracyTable(
			[0.1, 0.3, 0.2, 0.4].map((e) => ({
				method: 'm',
				horizon: 3,
				expected: 100 * (1 + e),
				actual: 100
			}))
		);
		expect(rows[0].medianApe).toBeCloseTo(0.25, 12);
	});

	it('refuses a horizon that is not a whole number of years', () => {
		expect(() => accuracyTable([{ method: 'last', horizon: 1.5, expected: 1, actual: 1 }])).toThrow(
			/accuracyTable: a horizon must be a whole number/
		);
	});
});
