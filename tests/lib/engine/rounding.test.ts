import { describe, expect, it } from 'vitest';
import { controlledRound, ipf, largestRemainder } from '$lib/engine/rounding';

const rowSums = (t: number[][]) => t.map((r) => r.reduce((a, b) => a + b, 0));
const colSums = (t: number[][]) => t[0].map((_, j) => t.reduce((a, r) => a + r[j], 0));

describe('largest remainder', () => {
	it('scales shares to a whole total, giving leftover units to the largest fractions', () => {
		expect(largestRemainder([458, 156, 351, 173, 9, 213, 64], 1436)).toEqual([
			462, 157, 354, 174, 9, 215, 65
		]);
		expect(largestRemainder([38, 477, 538, 276, 95], 1436)).toEqual([38, 481, 543, 278, 96]);
	});

	it('breaks ties towards the earlier entry', () => {
		expect(largestRemainder([1, 1, 1], 2)).toEqual([1, 1, 0]);
	});

	it('refuses a fractional total and negative shares, naming itself', () => {
		expect(() => largestRemainder([1, 2], 2.5)).toThrow(
			/largestRemainder: total must be a whole number/
		);
		expect(() => largestRemainder([1, -2], 2)).toThrow(/largestRemainder/);
	});
});

describe('iterative proportional fitting', () => {
	it('matches both margins and keeps structural zeros at zero', () => {
		const t = ipf(
			[
				[1, 1, 0],
				[1, 1, 1]
			],
			[10, 20],
			[12, 8, 10]
		);
		expect(rowSums(t).map((x) => +x.toFixed(9))).toEqual([10, 20]);
		expect(colSums(t).map((x) => +x.toFixed(9))).toEqual([12, 8, 10]);
		expect(t[0][2]).toBe(0);
	});

	it('says when margins have different totals', () => {
		expect(() => ipf([[1]], [2], [3])).toThrow(/ipf: row targets \(2\) and column targets \(3\)/);
	});
});

describe('controlled rounding', () => {
	it('rounds each cell to its floor or ceiling keeping every row and column total', () => {
		const table = [
			[1.4, 2.3, 0.3],
			[0.6, 1.7, 2.7]
		];
		const r = controlledRound(table);
		expect(rowSums(r)).toEqual([4, 5]);
		expect(colSums(r)).toEqual([2, 4, 3]);
		r.forEach((row, i) =>
			row.forEach((x, j) => expect([Math.floor(table[i][j]), Math.ceil(table[i][j])]).toContain(x))
		);
	});

	it('finds a rounding where a greedy pass alone would not', () => {
		const table = [
			[0.9, 0.1, 0],
			[0.9, 0, 0.1],
			[0.2, 0.9, 0.9]
		];
		const r = controlledRound(table);
		expect(rowSums(r)).toEqual([1, 1, 2]);
		expect(colSums(r)).toEqual([2, 1, 1]);
	});
});
