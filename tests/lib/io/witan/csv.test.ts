import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, parseNumber, plainNumber } from '../../../../src/lib/io/witan/csv';

describe('plainNumber', () => {
	it('writes numbers without exponent and reads back exactly', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
				const s = plainNumber(n);
				expect(s).toMatch(/^-?\d+(\.\d+)?$/);
				expect(Number(s)).toBe(n === 0 ? 0 : n);
			})
		);
	});

	it('refuses what is not a finite number, naming itself', () => {
		expect(() => plainNumber(NaN)).toThrow('plainNumber: expected a finite number, got NaN');
	});
});

describe('parseNumber', () => {
	it('reads plain decimals and refuses separators, currency and words', () => {
		expect(['1000.0', '-3', '.5', '2.5e3'].map(parseNumber)).toEqual([1000, -3, 0.5, 2500]);
		expect(['1,000', '£5', 'NaN', '', 'Infinity', '1e999'].map(parseNumber)).toEqual([
			null,
			null,
			null,
			null,
			null,
			null
		]);
	});
});

describe('csvCell', () => {
	it('quotes commas and quotes, and neutralises formula-like text but not negative numbers', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('=1+1')).toBe("'=1+1");
		expect(csvCell('-3')).toBe('-3');
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell('T,U', true)).toBe('"T,U"');
	});
});
