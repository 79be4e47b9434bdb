import { describe, expect, it } from 'vitest';
import {
	NAIVE_METHODS,
	censusTotals,
	naiveCagr3,
	naiveForecast,
	naiveGrowth1,
	naiveLast,
	naiveLinear5
} from '$lib/engine/naive';

// Totals at the January censuses 2016–2021.
const totals = censusTotals([
	{ year: 2016, count: 500 },
	{ year: 2017, count: 600 },
	{ year: 2018, count: 640 },
	{ year: 2019, count: 700 },
	{ year: 2020, count: 800 },
	{ year: 2021, count: 1000 }
]);

describe('naive forecasts of the EHC plan total', () => {
	it('last holds the origin total flat at every horizon', () => {
		expect(naiveLast(totals, 2021, 0)).toBe(1000);
		expect(naiveLast(totals, 2021, 4)).toBe(1000);
		expect(naiveLast(totals, 2020, 2)).toBe(800);
	});

	it('growth1 compounds last year’s growth ratio: T0·(T0/T−1)^h', () => {
		expect(naiveGrowth1(totals, 2021, 1)).toBeCloseTo(1250, 9);
		expect(naiveGrowth1(totals, 2021, 2)).toBeCloseTo(1562.5, 9);
		expect(naiveGrowth1(totals, 2019, 1)).toBeCloseTo((700 * 700) / 640, 9);
	});

	it('cagr3 compounds the 3-year growth rate: T0·((T0/T−3)^(1/3))^h', () => {
		// 1000 / 640 = 1.5625 over three years: 1.16040… a year.
		const rate = Math.cbrt(1000 / 640);
		expect(naiveCagr3(totals, 2021, 1)).toBeCloseTo(1000 * rate, 9);
		expect(naiveCagr3(totals, 2021, 3)).toBeCloseTo(1562.5, 9);
	});

	it('linear5 extends the least-squares line through origin−4 … origin', () => {
		// x = −4…0, y = 600, 640, 700, 800, 1000: mean x −2, mean y 748,
		// Sxy = (−2)(−148) + (−1)(−108) + 0 + 1·52 + 2·252 = 960, Sxx = 10 → slope 96.
		expect(naiveLinear5(totals, 2021, 1)).toBeCloseTo(748 + 96 * 3, 9);
		expect(naiveLinear5(totals, 2021, 4)).toBeCloseTo(748 + 96 * 6, 9);
	});

	it('is null when a census it needs is missing or a ratio would divide by 0', () => {
		const gap = censusTotals([
			{ year: 2019, count: 0 },
			{ year: 2020, count: 800 },
			{ year: 2021, count: 1000 }
		]);
		expect(naiveLast(gap, 2022, 1)).toBeNull();
		expect(naiveGrowth1(censusTotals([{ year: 2021, count: 9 }]), 2021, 1)).toBeNull();
		expect(
			naiveGrowth1(
				censusTotals([
					{ year: 2020, count: 0 },
					{ year: 2021, count: 9 }
				]),
				2021,
				1
			)
		).toBeNull();
		expect(naiveCagr3(gap, 2021, 1)).toBeNull();
		expect(naiveLinear5(gap, 2021, 1)).toBeNull();
	});

	it('naiveForecast dispatches by name and refuses an unknown method or a bad horizon', () => {
		expect(NAIVE_METHODS).toEqual(['last', 'growth1', 'cagr3', 'linear5']);
		expect(naiveForecast('growth1', totals, 2021, 2)).toBe(naiveGrowth1(totals, 2021, 2));
		expect(() => naiveForecast('drift' as never, totals, 2021, 1)).toThrow(
			/unknown method "drift"/
		);
		expect(() => naiveLast(totals, 2021, 1.5)).toThrow(/naiveLast: h must be a whole number/);
	});
});
