/**
 * Reading counts from statistics cells the way DfE publishes them (SEN2, explore education
 * statistics): a number, or a symbol saying why there is none. A symbol is returned as a missing
 * value with its reason, never as 0: a year published as `x` is a gap in the history, and a
 * projection fitted to a 0 there would be wrong.
 */
import { ImportError, quote } from './errors';

/**
 * Why a cell holds no number: `not_applicable` (`z`: the figure cannot exist, e.g. requests for
 * EHC assessment before the 2014 reforms), `unavailable` (`x` and the other DfE symbols: the
 * figure exists but is not published), or `blank` (an empty cell).
 */
export type MissingReason = 'not_applicable' | 'unavailable' | 'blank';

/** A statistics cell: a number, or null with the reason and the symbol as written. */
export type StatValue =
	| { value: number; missing: null; symbol: null }
	| { value: null; missing: MissingReason; symbol: string };

/**
 * DfE's symbols for missing figures, lower-cased. `z` not applicable; `x` unavailable; `c`
 * confidential (suppressed); `:` and `..` not available; `low` a small number rounded away.
 */
export const MISSING_SYMBOLS: Readonly<Record<string, Exclude<MissingReason, 'blank'>>> = {
	z: 'not_applicable',
	x: 'unavailable',
	c: 'unavailable',
	':': 'unavailable',
	'..': 'unavailable',
	low: 'unavailable'
};

/** What a count cell may hold, for messages. */
export const COUNT_EXPECTED = 'a whole number ≥ 0 or "z"/"x"';

const WHOLE = /^\d+$/;
/** Thousands separators appear when a file has been through a spreadsheet: `1,424`. */
const WHOLE_WITH_SEPARATORS = /^\d{1,3}(?:,\d{3})+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a count cell: a whole number ≥ 0 (spaces around it and thousands separators allowed), a
 * DfE missing-data symbol, or an empty cell. Returns undefined when the cell is none of these.
 * @example parseCount('1,424') // { value: 1424, missing: null, symbol: null }
 * @example parseCount('x') // { value: null, missing: 'unavailable', symbol: 'x' }
 */
export function parseCount(raw: string): StatValue | undefined {
	const s = raw.trim();
	// Digits beyond 2^53 are not a count a file can mean (400 nines would read as Infinity).
	if (WHOLE.test(s)) return exactCount(Number(s));
	if (WHOLE_WITH_SEPARATORS.test(s)) return exactCount(Number(s.replace(/,/g, '')));
	return parseMissing(s);
}

function exactCount(n: number): StatValue | undefined {
	return Number.isSafeInteger(n) ? present(n) : undefined;
}

/**
 * Reads a decimal cell (a percentage or rate as published, e.g. `57.900000000000`), or a DfE
 * missing-data symbol, or an empty cell. Returns undefined when the cell is none of these.
 * @example parseStatNumber('-0.721') // { value: -0.721, missing: null, symbol: null }
 */
export function parseStatNumber(raw: string): StatValue | undefined {
	const s = raw.trim();
	if (DECIMAL.test(s)) {
		const n = Number(s);
		if (Number.isFinite(n)) return present(n);
	}
	return parseMissing(s);
}

/**
 * Reads a count cell or throws an ImportError naming the file, row and column.
 * @example readCount('abc', 'sen2_mi.csv', 12, 'InreqEHC')
 * // throws: sen2_mi.csv, row 12, column "InreqEHC": expected a whole number ≥ 0 or "z"/"x", got "abc"
 */
export function readCount(raw: string, file: string, row: number, column: string): StatValue {
	const v = parseCount(raw);
	if (v === undefined) throw new ImportError(file, row, column, COUNT_EXPECTED, quote(raw));
	return v;
}

/**
 * Words for a missing value, for warnings.
 * @example describeMissing({ value: null, missing: 'unavailable', symbol: 'x' }) // 'unavailable ("x")'
 */
export function describeMissing(v: StatValue): string {
	if (v.missing === null) return String(v.value);
	if (v.missing === 'blank') return 'blank';
	const words = v.missing === 'not_applicable' ? 'not applicable' : 'unavailable';
	return `${words} (${JSON.stringify(v.symbol)})`;
}

function present(value: number): StatValue {
	return { value, missing: null, symbol: null };
}

function parseMissing(s: string): StatValue | undefined {
	if (s === '') return { value: null, missing: 'blank', symbol: '' };
	const key = s.toLowerCase();
	if (!Object.hasOwn(MISSING_SYMBOLS, key)) return undefined;
	return { value: null, missing: MISSING_SYMBOLS[key], symbol: s };
}
