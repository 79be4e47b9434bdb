import { describe, expect, it } from 'vitest';
import { maxOf, minOf, pushAll } from '../../../src/lib/model/extent';

describe('minOf and maxOf', () => {
	it('give the smallest and largest number, as Math.min and Math.max do', () => {
		expect(minOf([2021, 2019, 2020])).toBe(2019);
		expect(maxOf([2021, 2019, 2020])).toBe(2021);
		expect(minOf([-0.5, 3])).toBe(-0.5);
	});

	it('take a function of each item', () => {
		const settings = [{ minNcy: 2 }, { minNcy: -1 }, { minNcy: 0 }];
		expect(minOf(settings, (s) => s.minNcy)).toBe(-1);
		expect(maxOf(settings, (s) => s.minNcy)).toBe(2);
	});

	it('give ±Infinity for no values, or the value asked for', () => {
		expect(minOf([])).toBe(Infinity);
		expect(maxOf([])).toBe(-Infinity);
		expect(maxOf([], undefined, 2021)).toBe(2021);
	});

	it('give NaN when a value is NaN, as Math.min does', () => {
		expect(minOf([1, NaN, 2])).toBeNaN();
		expect(maxOf([1, NaN, 2])).toBeNaN();
	});

	it('take lists far longer than a spread can (500,000 values)', () => {
		const values = Array.from({ length: 500_000 }, (_, i) => 2000 + (i % 25));
		expect(() => Math.min(...values)).toThrow(RangeError);
		expect(minOf(values)).toBe(2000);
		expect(maxOf(values)).toBe(2024);
		expect(maxOf(new Set(values))).toBe(2024);
	});
});

describe('pushAll', () => {
	it('appends 500,000 items where push(...items) overflows the call stack', () => {
		const items = Array.from({ length: 500_000 }, (_, i) => i);
		expect(() => [0].push(...items)).toThrow(RangeError);
		const target = [-1];
		expect(pushAll(target, items)).toBe(target);
		expect(target).toHaveLength(500_001);
		expect(target[500_000]).toBe(499_999);
	});
});
