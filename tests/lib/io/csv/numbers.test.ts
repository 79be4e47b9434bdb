import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/lib/io/csv/errors';
import {
	describeMissing,
	parseCount,
	parseStatNumber,
	readCount
} from '../../../../src/lib/io/csv/numbers';

describe('parseCount', () => {
	it('reads a whole number, with spaces around it or thousands separators', () => {
		expect(parseCount('1424')?.value).toBe(1424);
		expect(parseCount(' 38 ')?.value).toBe(38);
		expect(parseCount('1,424')?.value).toBe(1424);
		expect(parseCount('0')).toEqual({ value: 0, missing: null, symbol: null });
	});

	it('reads z as not applicable and x as unavailable, never as 0', () => {
		expect(parseCount('z')).toEqual({ value: null, missing: 'not_applicable', symbol: 'z' });
		expect(parseCount('x')).toEqual({ value: null, missing: 'unavailable', symbol: 'x' });
	});

	it('reads the other DfE symbols as unavailable, in any case', () => {
		for (const s of ['c', ':', '..', 'low', 'X', 'Low']) {
			expect(parseCount(s)?.missing, s).toBe('unavailable');
		}
	});

	it('reads an empty cell as blank, not 0', () => {
		expect(parseCount('')).toEqual({ value: null, missing: 'blank', symbol: '' });
	});

	it('refuses negative, fractional and other text', () => {
		for (const s of ['-1', '1.5', 'abc', '1,42', '1e3', 'constructor', '__proto__']) {
			expect(parseCount(s), s).toBeUndefined();
		}
	});
});

describe('parseStatNumber', () => {
	it('reads decimals as published, and symbols as missing', () => {
		expect(parseStatNumber('57.900000000000')?.value).toBe(57.9);
		expect(parseStatNumber('-0.721')?.value).toBe(-0.721);
		expect(parseStatNumber('z')?.missing).toBe('not_applicable');
		expect(parseStatNumber('n/a')).toBeUndefined();
	});
});

describe('readCount', () => {
	it('throws an ImportError naming file, row, column and what a count may be', () => {
		expect(() => readCount('abc', 'sen2_age_caseload.csv', 12, 'Total_ehc')).toThrow(
			'sen2_age_caseload.csv, row 12, column "Total_ehc": expected a whole number ≥ 0 or "z"/"x", got "abc"'
		);
		expect(() => readCount('abc', 'f.csv', 2, 'c')).toThrow(ImportError);
	});
});

describe('describeMissing', () => {
	it('says why a figure is missing and how it was written', () => {
		expect(describeMissing(parseCount('z')!)).toBe('not applicable ("z")');
		expect(describeMissing(parseCount('c')!)).toBe('unavailable ("c")');
		expect(describeMissing(parseCount('')!)).toBe('blank');
	});
});
