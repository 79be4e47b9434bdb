import { describe, expect, it } from 'vitest';
import { shrinkageWeight, shrinkTowards } from '$lib/engine/shrinkage';

describe('shrinkageWeight', () => {
	it('keeps most of an authority’s own rate when authorities differ far more than they vary', () => {
		// Means 0.11, 0.19, 0.15; within variance (0.0002 + 0.0002 + 0) / 3; spread of means 0.0016.
		const w = shrinkageWeight([
			[0.1, 0.12],
			[0.2, 0.18],
			[0.15, 0.15]
		]);
		expect(w.within).toBeCloseTo(0.0004 / 3, 12);
		expect(w.between).toBeCloseTo(0.0016 - 0.0004 / 3 / 2, 12);
		// (0.0016 − 0.0000667) / 0.0016
		expect(w.weight).toBeCloseTo(23 / 24, 12);
		expect(w.years).toBe(2);
		expect(w.authorities).toBe(3);
	});

	it('gives England’s rate to everyone when the differences between authorities are noise', () => {
		// Means 0.15, 0.15, 0.15: no spread between authorities beyond year-to-year noise.
		const w = shrinkageWeight([
			[0.1, 0.2],
			[0.2, 0.1],
			[0.14, 0.16]
		]);
		expect(w.between).toBe(0);
		expect(w.weight).toBe(0);
	});

	it('leaves out authorities with fewer than two published years', () => {
		const w = shrinkageWeight([
			[0.1, 0.12],
			[0.2, 0.18],
			[0.15, 0.15],
			[NaN, 0.9],
			[NaN, NaN]
		]);
		expect(w.authorities).toBe(3);
	});

	it('refuses a panel of fewer than three authorities, naming the requirement', () => {
		expect(() =>
			shrinkageWeight([
				[0.1, 0.2],
				[0.3, 0.2]
			])
		).toThrow(/^shrinkageWeight: at least 3 authorities with two or more years are needed, got 2/);
	});
});

describe('shrinkTowards', () => {
	it('weighs the authority’s own rate and England’s', () => {
		expect(shrinkTowards(0.2, 0.15, 0.4)).toBeCloseTo(0.17, 12);
		expect(shrinkTowards(0.2, 0.15, 0)).toBe(0.15);
		expect(shrinkTowards(0.2, 0.15, 1)).toBe(0.2);
	});

	it('gives England’s rate to an authority with no rate of its own', () => {
		expect(shrinkTowards(NaN, 0.15, 0.7)).toBe(0.15);
	});

	it('refuses a weight outside [0, 1]', () => {
		expect(() => shrinkTowards(0.2, 0.15, 1.5)).toThrow(
			/^shrinkTowards: weight must be in \[0, 1\]/
		);
	});
});
