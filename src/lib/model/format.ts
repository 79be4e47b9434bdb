/**
 * en-GB number formatters for charts, tables and exports (docs/model.md §1).
 *
 * Missing data is explicit: `null`, `undefined`, `NaN` and ±Infinity are not numbers a reader can
 * use, so every formatter returns a placeholder for them (an en dash '–' unless one is given)
 * rather than 'NaN' or '0'.
 *
 * Minus sign: display text uses the real minus sign '−' (U+2212), which screen readers announce
 * as "minus" and which lines up with digits; CSV and other machine-read exports need the ASCII
 * hyphen-minus '-', chosen with `{ minus: 'ascii' }`. `formatMillionsPlain` is for tables that
 * mirror the seed's monitoring table and defaults to ASCII.
 *
 * A value that rounds to zero at the shown precision prints without a sign ('£0.000m', '0.000'),
 * never '−0.000': a sign the reader cannot see the size of is noise.
 */

/** The minus sign used in display text (U+2212). */
export const MINUS_SIGN = '\u2212';
/** The minus sign used in machine-read text such as CSV (U+002D). */
export const ASCII_MINUS = '-';
/** What a missing value prints as unless a placeholder is given (en dash, U+2013). */
export const MISSING = '\u2013';

export type MinusStyle = 'unicode' | 'ascii';

export interface FormatOptions {
	/** '−' (U+2212, the default for display) or '-' (ASCII, for CSV). */
	minus?: MinusStyle;
	/** Printed for null, undefined, NaN and ±Infinity. Default '–'. */
	placeholder?: string;
}

/** A value that may be missing: null, undefined or not finite all count as missing. */
export type MaybeNumber = number | null | undefined;

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(dp: number, grouping: boolean): Intl.NumberFormat {
	const key = `${dp}:${grouping}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat('en-GB', {
			minimumFractionDigits: dp,
			maximumFractionDigits: dp,
			useGrouping: grouping
		});
		formatters.set(key, f);
	}
	return f;
}

function checkDp(fn: string, dp: number): void {
	if (!Number.isInteger(dp) || dp < 0 || dp > 20) {
		throw new Error(`${fn}: dp must be a whole number from 0 to 20, got ${dp}`);
	}
}

/** Whether a value is a usable, finite number. */
export function isPresent(v: MaybeNumber): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

/**
 * The sign and digits of a finite number at `dp` decimals, with the sign dropped when the
 * rounded digits are all zero (so −0 and −0.0004 at 3 dp both give no sign).
 */
function signedDigits(
	v: number,
	dp: number,
	grouping: boolean
): { negative: boolean; digits: string } {
	const digits = numberFormat(dp, grouping).format(Math.abs(v));
	return { negative: v < 0 && /[1-9]/.test(digits), digits };
}

function minusOf(options: FormatOptions | undefined, fallback: MinusStyle): string {
	return (options?.minus ?? fallback) === 'ascii' ? ASCII_MINUS : MINUS_SIGN;
}

/**
 * A number at fixed decimals, en-GB grouping, with the chosen minus sign.
 * @example formatNumber(-1234.5, 1) // '−1,234.5'
 * @example formatNumber(-0.0001, 2) // '0.00'
 */
export function formatNumber(
	v: MaybeNumber,
	dp = 0,
	options?: FormatOptions & { grouping?: boolean }
): string {
	checkDp('formatNumber', dp);
	if (!isPresent(v)) return options?.placeholder ?? MISSING;
	const { negative, digits } = signedDigits(v, dp, options?.grouping ?? true);
	return negative ? minusOf(options, 'unicode') + digits : digits;
}

/**
 * Pounds shown in millions: `£` + value / 1,000,000 at `dp` decimals (default 3) + `m`.
 * The sign goes before the pound sign.
 * @example formatMillions(28_607_000) // '£28.607m'
 * @example formatMillions(-71_000) // '−£0.071m'
 * @example formatMillions(-400) // '£0.000m'
 */
export function formatMillions(v: MaybeNumber, options?: FormatOptions & { dp?: number }): string {
	const dp = options?.dp ?? 3;
	checkDp('formatMillions', dp);
	if (!isPresent(v)) return options?.placeholder ?? MISSING;
	const { negative, digits } = signedDigits(v / 1e6, dp, true);
	return `${negative ? minusOf(options, 'unicode') : ''}£${digits}m`;
}

/**
 * Pounds shown in millions without the pound sign or `m`, as in the monitoring table: 3 decimals
 * by default, en-GB grouping, ASCII hyphen-minus by default, never '-0.000'.
 * @example formatMillionsPlain(-71_000) // '-0.071'
 * @example formatMillionsPlain(-100) // '0.000'
 * @example formatMillionsPlain(1_234_567_890) // '1,234.568'
 */
export function formatMillionsPlain(
	v: MaybeNumber,
	options?: FormatOptions & { dp?: number; grouping?: boolean }
): string {
	const dp = options?.dp ?? 3;
	checkDp('formatMillionsPlain', dp);
	if (!isPresent(v)) return options?.placeholder ?? MISSING;
	const { negative, digits } = signedDigits(v / 1e6, dp, options?.grouping ?? true);
	return negative ? minusOf(options, 'ascii') + digits : digits;
}

/**
 * Whole pounds with thousands separators; pence are rounded away (comparisons with a cap are
 * made in whole pounds).
 * @example formatPounds(28_607_000) // '£28,607,000'
 * @example formatPounds(-1234.4) // '−£1,234'
 */
export function formatPounds(v: MaybeNumber, options?: FormatOptions): string {
	if (!isPresent(v)) return options?.placeholder ?? MISSING;
	const { negative, digits } = signedDigits(v, 0, true);
	return `${negative ? minusOf(options, 'unicode') : ''}£${digits}`;
}

/**
 * A count of children (or anything else) with thousands separators, whole by default;
 * `dp` decimals for expected values, which may be fractional.
 * @example formatCount(1447) // '1,447'
 * @example formatCount(1446.62, { dp: 1 }) // '1,446.6'
 */
export function formatCount(v: MaybeNumber, options?: FormatOptions & { dp?: number }): string {
	const dp = options?.dp ?? 0;
	checkDp('formatCount', dp);
	return formatNumber(v, dp, options);
}

/**
 * A fraction shown as a percentage at `dp` decimals (default 1).
 * @example formatPercent(0.0117, 2) // '1.17%'
 * @example formatPercent(-0.25) // '−25.0%'
 */
export function formatPercent(fraction: MaybeNumber, dp = 1, options?: FormatOptions): string {
	checkDp('formatPercent', dp);
	if (!isPresent(fraction)) return options?.placeholder ?? MISSING;
	const { negative, digits } = signedDigits(fraction * 100, dp, true);
	return `${negative ? minusOf(options, 'unicode') : ''}${digits}%`;
}
