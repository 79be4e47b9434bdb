import { describe, expect, it } from 'vitest';
import {
	countOf,
	ASCII_MINUS,
	MINUS_SIGN,
	MISSING,
	formatCount,
	formatMillions,
	formatMillionsPlain,
	formatNumber,
	formatPercent,
	formatPounds,
	isPresent,
	finiteOrNull,
	formatBoardMillions,
	formatKpi,
	agreesAsPrinted,
	quoteCount,
	quotePercent,
	quotePounds
} from '$lib/model/format';

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

describe('finiteOrNull', () => {
	it('keeps a finite number and stores anything else as null, which JSON can hold', () => {
		expect([0, -1, 1.5].map(finiteOrNull)).toEqual([0, -1, 1.5]);
		expect([null, undefined, Number.NaN, Infinity, -Infinity].map(finiteOrNull)).toEqual([
			null,
			null,
			null,
			null,
			null
		]);
	});
});

describe('formatBoardMillions (dashboard headline, report, slides)', () => {
	it('shows £m at one decimal place', () => {
		expect(formatBoardMillions(28_607_000)).toBe('£28.6m');
		expect(formatBoardMillions(1_250_001)).toBe('£1.3m');
	});

	it('uses the real minus sign, before the pound sign', () => {
		expect(formatBoardMillions(-1_260_000)).toBe('−£1.3m');
		expect(formatBoardMillions(-1_260_000)).not.toContain('-');
	});

	it('prints a value that rounds to zero without a sign: −£40k is £0.0m, not −£0.0m', () => {
		expect(formatBoardMillions(-40_000)).toBe('£0.0m');
		expect(formatBoardMillions(-49_999)).toBe('£0.0m');
		expect(formatBoardMillions(-50_001)).toBe('−£0.1m');
	});

	it('says a missing value is missing', () => {
		expect(formatBoardMillions(Number.NaN)).toBe(MISSING);
	});
});

describe('signed and trimmed figures', () => {
	it('puts + before a value positive at the shown precision, and no sign on zero', () => {
		expect(formatMillions(1_500, { signed: true })).toBe('+£0.002m');
		expect(formatMillions(400, { signed: true })).toBe('£0.000m');
		expect(formatMillions(-71_000, { signed: true })).toBe('−£0.071m');
		expect(formatCount(12, { signed: true })).toBe('+12');
		expect(formatPercent(0.09, 1, { signed: true, trim: true })).toBe('+9%');
	});

	it('drops trailing zeros when asked to', () => {
		expect(formatPercent(0.035, 1, { trim: true })).toBe('3.5%');
		expect(formatPercent(0.2, 1, { trim: true })).toBe('20%');
		expect(formatNumber(1.09, 3, { trim: true })).toBe('1.09');
	});
});

describe('figures quoted in messages', () => {
	it('quotes counts, percentages and pounds as given, with the real minus sign', () => {
		expect(quoteCount(1_000_000)).toBe('1,000,000');
		expect(quoteCount(1.5)).toBe('1.5');
		expect(quoteCount(-1)).toBe('−1');
		expect(quotePercent(0.035)).toBe('3.5%');
		expect(quotePercent(20)).toBe('2000%');
		expect(quotePercent(-0.1)).toBe('−10%');
		expect(quotePounds(-250_000)).toBe('−£250,000');
		expect(quotePounds(1200.5)).toBe('£1,200.5');
	});

	it('quotes a value that is not a number as it is', () => {
		expect(quoteCount(Number.NaN)).toBe('NaN');
		expect(quotePercent(Number.POSITIVE_INFINITY)).toBe('Infinity');
	});
});

describe('formatKpi', () => {
	it('formats a KPI value in its unit, as the seed prints it', () => {
		expect(formatKpi(1447, 'count')).toBe('1,447');
		expect(formatKpi(0.0117, 'percent')).toBe('1.17%');
		expect(formatKpi(-1234.4, 'gbp')).toBe('−£1,234');
		expect(formatKpi(52_000, 'gbp_per_head')).toBe('£52,000');
		expect(formatKpi(null, 'count')).toBe('n/a');
	});

	it('compares a model value with a printed figure at the precision it is printed', () => {
		expect(agreesAsPrinted(1446.6, 1447, 'count')).toBe(true);
		expect(agreesAsPrinted(0.01174, 0.0117, 'percent')).toBe(true);
		expect(agreesAsPrinted(28_607_400, 28_607_000, 'gbp')).toBe(true);
		expect(agreesAsPrinted(28_608_000, 28_607_000, 'gbp')).toBe(false);
	});
});

describe('countOf', () => {
	it('separates thousands and says one thing in the singular, others in the plural', () => {
		expect(countOf(8351, 'transition')).toBe('8,351 transitions');
		expect(countOf(1, 'local authority', 'local authorities')).toBe('1 local authority');
		expect(countOf(2, 'local authority', 'local authorities')).toBe('2 local authorities');
		expect(countOf(0, 'need')).toBe('0 needs');
	});
});
