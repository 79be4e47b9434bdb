import { describe, expect, it } from 'vitest';
import {
	ASCII_MINUS,
	MINUS_SIGN,
	MISSING,
	formatCount,
	formatMillions,
	formatMillionsPlain,
	formatNumber,
	formatPercent,
	formatPounds,
	isPresent
} from '$lib/charts/format';

describe('formatMillions', () => {
	it('shows pounds as £m to 3 decimals', () => {
		expect(formatMillions(28_607_000)).toBe('£28.607m');
		expect(formatMillions(25_125_000)).toBe('£25.125m');
	});

	it('rounds to the nearest thousand pounds', () => {
		expect(formatMillions(1_234_600)).toBe('£1.235m');
		expect(formatMillions(1_234_400)).toBe('£1.234m');
		expect(formatMillions(-1_234_600)).toBe(`${MINUS_SIGN}£1.235m`);
	});

	it('puts the real minus sign before the pound sign', () => {
		expect(formatMillions(-71_000)).toBe('−£0.071m');
	});

	it('uses the ASCII hyphen-minus when asked', () => {
		expect(formatMillions(-71_000, { minus: 'ascii' })).toBe('-£0.071m');
	});

	it('prints a value that rounds to zero as £0.000m, never with a minus', () => {
		expect(formatMillions(-400)).toBe('£0.000m');
		expect(formatMillions(-0)).toBe('£0.000m');
		expect(formatMillions(0)).toBe('£0.000m');
		expect(formatMillions(-499.99)).toBe('£0.000m');
	});

	it('keeps the minus on the smallest value that does not round to zero', () => {
		expect(formatMillions(-500)).toBe('−£0.001m');
	});

	it('groups thousands of millions', () => {
		expect(formatMillions(1_234_567_890_000)).toBe('£1,234,567.890m');
	});

	it('takes another number of decimals, e.g. for axis ticks', () => {
		expect(formatMillions(28_607_000, { dp: 0 })).toBe('£29m');
		expect(formatMillions(28_607_000, { dp: 1 })).toBe('£28.6m');
	});

	it('prints missing values as an en dash or the given placeholder', () => {
		expect(formatMillions(null)).toBe('–');
		expect(formatMillions(undefined)).toBe(MISSING);
		expect(formatMillions(Number.NaN)).toBe('–');
		expect(formatMillions(Number.POSITIVE_INFINITY)).toBe('–');
		expect(formatMillions(null, { placeholder: 'n/a' })).toBe('n/a');
	});

	it('refuses a number of decimals that is not a whole number', () => {
		expect(() => formatMillions(1, { dp: 1.5 })).toThrow(
			/formatMillions: dp must be a whole number/
		);
	});
});

describe('formatMillionsPlain', () => {
	it('prints millions without £ or m, as the monitoring table does', () => {
		expect(formatMillionsPlain(28_607_000)).toBe('28.607');
		expect(formatMillionsPlain(-71_000)).toBe('-0.071');
	});

	it('uses the ASCII hyphen-minus by default and U+2212 on request', () => {
		expect(formatMillionsPlain(-71_000)).toContain(ASCII_MINUS);
		expect(formatMillionsPlain(-71_000, { minus: 'unicode' })).toBe('−0.071');
	});

	it('never prints -0.000', () => {
		for (const v of [-0, 0, -1, -499, -0.0001, -Number.MIN_VALUE]) {
			expect(formatMillionsPlain(v)).toBe('0.000');
		}
	});

	it('groups thousands in en-GB style, or not when asked', () => {
		expect(formatMillionsPlain(1_234_567_890)).toBe('1,234.568');
		expect(formatMillionsPlain(1_234_567_890, { grouping: false })).toBe('1234.568');
	});

	it('prints missing values as the placeholder', () => {
		expect(formatMillionsPlain(Number.NaN)).toBe('–');
		expect(formatMillionsPlain(null, { placeholder: '' })).toBe('');
	});
});

describe('formatPounds', () => {
	it('shows whole pounds with thousands separators', () => {
		expect(formatPounds(28_607_000)).toBe('£28,607,000');
		expect(formatPounds(1234.4)).toBe('£1,234');
		expect(formatPounds(1234.5)).toBe('£1,235');
	});

	it('signs negatives before the pound sign and drops the sign of a zero', () => {
		expect(formatPounds(-1234.4)).toBe('−£1,234');
		expect(formatPounds(-0.4)).toBe('£0');
		expect(formatPounds(-1234, { minus: 'ascii' })).toBe('-£1,234');
	});

	it('prints very large values in full', () => {
		expect(formatPounds(12_345_678_901_234)).toBe('£12,345,678,901,234');
	});

	it('prints missing values as the placeholder', () => {
		expect(formatPounds(null)).toBe('–');
		expect(formatPounds(Number.NaN, { placeholder: '?' })).toBe('?');
	});
});

describe('formatCount', () => {
	it('shows whole counts with thousands separators', () => {
		expect(formatCount(1447)).toBe('1,447');
		expect(formatCount(1446.6)).toBe('1,447');
	});

	it('shows fractional expected counts at the given decimals', () => {
		expect(formatCount(1446.62, { dp: 1 })).toBe('1,446.6');
	});

	it('prints negative counts with the minus sign, and no sign on a rounded zero', () => {
		expect(formatCount(-37)).toBe('−37');
		expect(formatCount(-0.2)).toBe('0');
	});

	it('prints missing values as the placeholder', () => {
		expect(formatCount(undefined)).toBe('–');
	});
});

describe('formatPercent', () => {
	it('shows a fraction as a percentage to 1 decimal by default', () => {
		expect(formatPercent(0.07)).toBe('7.0%');
		expect(formatPercent(0.0117, 2)).toBe('1.17%');
		expect(formatPercent(1.5, 0)).toBe('150%');
	});

	it('signs negatives with the chosen minus and not a rounded zero', () => {
		expect(formatPercent(-0.25)).toBe('−25.0%');
		expect(formatPercent(-0.25, 0, { minus: 'ascii' })).toBe('-25%');
		expect(formatPercent(-0.00001, 1)).toBe('0.0%');
	});

	it('prints missing values as the placeholder', () => {
		expect(formatPercent(null)).toBe('–');
		expect(formatPercent(Number.NaN, 1, { placeholder: 'none' })).toBe('none');
	});

	it('refuses a negative number of decimals', () => {
		expect(() => formatPercent(0.1, -1)).toThrow(/formatPercent: dp must be/);
	});
});

describe('formatNumber', () => {
	it('groups thousands and fixes the decimals', () => {
		expect(formatNumber(-1234.5, 1)).toBe('−1,234.5');
		expect(formatNumber(1234.5, 1, { grouping: false })).toBe('1234.5');
	});
});

describe('isPresent', () => {
	it('accepts finite numbers only', () => {
		expect([0, -1, 1.5].every(isPresent)).toBe(true);
		expect([null, undefined, Number.NaN, Infinity, -Infinity].some(isPresent)).toBe(false);
	});
});
