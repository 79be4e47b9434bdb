/**
 * The one place numbers become text (docs/model.md §1, issue 12 item 6): en-GB formatters for
 * counts, pounds, £ millions, percentages and KPI values, used by charts, tables, board surfaces,
 * exports and messages alike. Pure (model layer): any layer may import it.
 *
 * Precision by surface: board surfaces (the dashboard headline, the report, the slides) show £m
 * at 1 decimal place (`formatBoardMillions`); tables show £m at 3 (`formatMillions`, the seed's
 * £k precision); CSV and XLSX exports keep the full value (no formatter: the number itself).
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
import type { KpiUnit } from './kpi';

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
	/** Put '+' before a value that is positive at the shown precision (a change, a difference). */
	signed?: boolean;
	/**
	 * Drop trailing zeros after the decimal point (`dp` becomes the most decimals shown), as in
	 * messages quoting a figure: 3.5%, not 3.50%.
	 */
	trim?: boolean;
}

/** A value that may be missing: null, undefined or not finite all count as missing. */
export type MaybeNumber = number | null | undefined;

const formatters = new Map<string, Intl.NumberFormat>();

// Made on first use, not at module load: the command line starts faster without ICU formats.
function numberFormat(dp: number, grouping: boolean, trim = false): Intl.NumberFormat {
	const key = `${dp}:${grouping}:${trim}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat('en-GB', {
			minimumFractionDigits: trim ? 0 : dp,
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
 * A figure as stored where JSON must hold it (a signed-off snapshot): the number when it is
 * finite, else null (NaN and ±Infinity have no JSON form).
 * @example finiteOrNull(Number.NaN) // null
 */
export function finiteOrNull(v: MaybeNumber): number | null {
	return isPresent(v) ? v : null;
}

/**
 * The sign and digits of a finite number at `dp` decimals, with the sign dropped when the
 * rounded digits are all zero (so −0 and −0.0004 at 3 dp both give no sign).
 */
function signedDigits(
	v: number,
	dp: number,
	grouping: boolean,
	trim = false
): { negative: boolean; positive: boolean; digits: string } {
	const digits = numberFormat(dp, grouping, trim).format(Math.abs(v));
	const nonZero = /[1-9]/.test(digits);
	return { negative: v < 0 && nonZero, positive: v > 0 && nonZero, digits };
}

function minusOf(options: FormatOptions | undefined, fallback: MinusStyle): string {
	return (options?.minus ?? fallback) === 'ascii' ? ASCII_MINUS : MINUS_SIGN;
}

/** The sign to print: the minus sign, '+' when asked for on a positive value, or nothing. */
function signOf(
	d: { negative: boolean; positive: boolean },
	options: FormatOptions | undefined,
	fallback: MinusStyle = 'unicode'
): string {
	if (d.negative) return minusOf(options, fallback);
	return d.positive && options?.signed ? '+' : '';
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
	const d = signedDigits(v, dp, options?.grouping ?? true, options?.trim);
	return signOf(d, options) + d.digits;
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
	const d = signedDigits(v / 1e6, dp, true, options?.trim);
	return `${signOf(d, options)}£${d.digits}m`;
}

/** Decimal places of £ millions on board surfaces (dashboard headline, report, slides). */
export const BOARD_MILLIONS_DP = 1;

/**
 * Pounds in millions as a board reads them: 1 decimal place, real minus sign, and no sign on a
 * value that rounds to zero (−£40k is '£0.0m', never '−£0.0m'). Tables and exports keep more.
 * @example formatBoardMillions(28_607_000) // '£28.6m'
 * @example formatBoardMillions(-1_250_000) // '−£1.3m'
 * @example formatBoardMillions(-40_000) // '£0.0m'
 */
export function formatBoardMillions(v: MaybeNumber, options?: FormatOptions): string {
	return formatMillions(v, { ...options, dp: BOARD_MILLIONS_DP });
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
	const d = signedDigits(v / 1e6, dp, options?.grouping ?? true, options?.trim);
	return signOf(d, options, 'ascii') + d.digits;
}

/**
 * Pounds with thousands separators, whole by default: pence are rounded away (comparisons with a
 * cap are made in whole pounds). `dp` with `trim` quotes a figure as given (messages).
 * @example formatPounds(28_607_000) // '£28,607,000'
 * @example formatPounds(-1234.4) // '−£1,234'
 * @example formatPounds(1200.5, { dp: 2, trim: true }) // '£1,200.5'
 */
export function formatPounds(v: MaybeNumber, options?: FormatOptions & { dp?: number }): string {
	const dp = options?.dp ?? 0;
	checkDp('formatPounds', dp);
	if (!isPresent(v)) return options?.placeholder ?? MISSING;
	const d = signedDigits(v, dp, true, options?.trim);
	return `${signOf(d, options)}£${d.digits}`;
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
 * A whole count with its noun, singular or plural as the count needs, thousands separated.
 * @example countOf(8351, 'transition') // '8,351 transitions'
 * @example countOf(1, 'local authority', 'local authorities') // '1 local authority'
 */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
	return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/**
 * A fraction shown as a percentage at `dp` decimals (default 1).
 * @example formatPercent(0.0117, 2) // '1.17%'
 * @example formatPercent(-0.25) // '−25.0%'
 * @example formatPercent(0.09, 1, { signed: true, trim: true }) // '+9%'
 */
export function formatPercent(fraction: MaybeNumber, dp = 1, options?: FormatOptions): string {
	checkDp('formatPercent', dp);
	if (!isPresent(fraction)) return options?.placeholder ?? MISSING;
	const d = signedDigits(fraction * 100, dp, true, options?.trim);
	return `${signOf(d, options)}${d.digits}%`;
}

/**
 * A KPI value in its unit, as the seed prints it: counts whole, percentages at 2 decimals,
 * money in whole pounds; 'n/a' when there is no value.
 * @example formatKpi(0.0117, 'percent') // '1.17%'
 * @example formatKpi(null, 'count') // 'n/a'
 */
export function formatKpi(value: MaybeNumber, unit: KpiUnit): string {
	if (!isPresent(value)) return 'n/a';
	switch (unit) {
		case 'count':
			return formatCount(value);
		case 'percent':
			return formatPercent(value, 2);
		case 'gbp':
		case 'gbp_per_head':
			return formatPounds(value);
	}
}

/**
 * Whether a model value `a` agrees with a printed figure `b` at the precision it is printed
 * (formatKpi's precision; finance KPIs printed to the £1k compare to the £1k).
 * @example agreesAsPrinted(1446.6, 1447, 'count') // true
 */
export function agreesAsPrinted(a: number, b: number, unit: KpiUnit): boolean {
	switch (unit) {
		case 'count':
			return Math.round(a) === Math.round(b);
		case 'percent':
			return Math.round(a * 10000) === Math.round(b * 10000);
		default:
			// Some finance KPIs are printed to the £1k (the seed's May column), others to the £1:
			// compare at the precision of the printed figure `b`.
			return b % 1000 === 0 && Math.abs(b) >= 100_000
				? Math.round(a / 1000) === Math.round(b / 1000)
				: Math.round(a) === Math.round(b);
	}
}

/**
 * A count quoted in a message, as given: thousands separators, up to 3 decimals, no trailing
 * zeros (a fractional count someone typed is shown, not rounded away).
 * @example quoteCount(200000) // '200,000'
 * @example quoteCount(1.5) // '1.5'
 */
export function quoteCount(v: number): string {
	return formatNumber(v, 3, { trim: true, placeholder: String(v) });
}

/**
 * A fraction quoted in a message as a percentage: up to 2 decimals, no trailing zeros, no
 * thousands separator (a share typed as 20 reads '2000%', plainly a percentage typed as a fraction).
 * @example quotePercent(0.035) // '3.5%'
 * @example quotePercent(-0.1) // '−10%'
 */
export function quotePercent(fraction: number): string {
	if (!isPresent(fraction)) return String(fraction);
	const d = signedDigits(fraction * 100, 2, false, true);
	return `${signOf(d, undefined)}${d.digits}%`;
}

/**
 * Pounds quoted in a message: up to 2 decimals (pence), no trailing zeros.
 * @example quotePounds(1_200_000) // '£1,200,000'
 * @example quotePounds(-5) // '−£5'
 */
export function quotePounds(v: number): string {
	return formatPounds(v, { dp: 2, trim: true, placeholder: String(v) });
}

/**
 * A date as a report prints it, from ISO 8601 (YYYY-MM-DD): '31 May 2021'. Other text is
 * returned as it is (a date already in words).
 * @example formatLongDate('2021-05-31') // '31 May 2021'
 */
export function formatLongDate(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
	if (!m) return iso.trim();
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
}
