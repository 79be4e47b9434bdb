import { describe, expect, it } from 'vitest';
import { readNumberCell } from '$lib/model/number-input';

describe('readNumberCell', () => {
	it('reads pounds with £, thousands separators and accountants’ brackets', () => {
		expect(readNumberCell('£1,200,000')).toBe(1_200_000);
		expect(readNumberCell('-750000')).toBe(-750_000);
		expect(readNumberCell('(750,000)')).toBe(-750_000);
		expect(readNumberCell('-£435,000')).toBe(-435_000);
		expect(readNumberCell(' 12.5 ')).toBe(12.5);
	});

	it('reads a percentage only where a rate is expected', () => {
		expect(readNumberCell('2%', true)).toBeCloseTo(0.02, 12);
		expect(readNumberCell('2%')).toBeUndefined();
	});

	it('takes a blank as not given and anything else as not a number', () => {
		expect(readNumberCell('')).toBeNull();
		expect(readNumberCell('1,20')).toBeUndefined();
		expect(readNumberCell('twelve')).toBeUndefined();
	});
});
