import { describe, expect, it } from 'vitest';
import { scaleBand, scaleLinear, scalePoint } from 'd3';
import { positionOn, roundPx } from '$lib/charts/context';

describe('positionOn', () => {
	it('puts a category at the centre of its band', () => {
		const band = scaleBand<string>().domain(['a', 'b']).range([0, 100]);
		expect(positionOn(band, 'band', 'b')).toBe(75);
	});

	it('puts a category on its point', () => {
		const point = scalePoint<string>().domain(['2021/22', '2022/23']).range([0, 100]);
		expect(positionOn(point, 'point', '2022/23')).toBe(100);
	});

	it('finds a numeric year on a category scale by its text', () => {
		const point = scalePoint<string>().domain(['2021', '2022']).range([0, 100]);
		expect(positionOn(point, 'point', 2022)).toBe(100);
	});

	it('gives NaN for a category not in the domain, so it is left out rather than put at 0', () => {
		const band = scaleBand<string>().domain(['a']).range([0, 100]);
		expect(positionOn(band, 'band', 'z')).toBeNaN();
	});

	it('maps numbers on a linear scale and gives NaN for a non-number', () => {
		const linear = scaleLinear().domain([0, 3]).range([100, 0]);
		expect(positionOn(linear, 'linear', 1)).toBe(66.667);
		expect(positionOn(linear, 'linear', 'n/a')).toBeNaN();
	});
});

describe('roundPx', () => {
	it('rounds to thousandths of a pixel', () => {
		expect(roundPx(49.763999999999996)).toBe(49.764);
		expect(roundPx(12.3456)).toBe(12.346);
	});

	it('writes a coordinate that rounds to zero without a minus sign', () => {
		expect(String(roundPx(-0.0004))).toBe('0');
	});
});
