/**
 * Writing CSV (RFC 4180) for exports, with formula-injection neutralisation (docs/model.md §6).
 *
 * Records end with `\n` (a line feed, not RFC 4180's CRLF: every spreadsheet and statistics tool
 * reads it, and it diffs cleanly), including the last record. A field is quoted when it holds a
 * comma, a double quote, a CR or an LF; a quote inside is doubled.
 */

/** A value of an exported table; null and undefined are written as an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number written as text (`-0.721`, `+3`, `1.5e-3`): a spreadsheet reads it as a number. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Makes a cell safe to open in a spreadsheet: text beginning with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading `'`, so it is shown as text instead of being run as a formula
 * (`=HYPERLINK(...)` could leak data when clicked). Real numbers stay as they are: a number
 * value, or text that is a plain decimal number such as `-0.721`. Shared with the XLSX export.
 * @example neutraliseCell('=1+1') // "'=1+1"
 * @example neutraliseCell('-0.721') // '-0.721'
 * @example neutraliseCell(-0.721) // -0.721
 */
export function neutraliseCell<T extends CsvValue>(value: T): T | string {
	if (typeof value !== 'string') return value;
	if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) return `'${value}`;
	return value;
}

/**
 * One CSV field: neutralised, then quoted when it holds a comma, quote or line break. Numbers are
 * written in JavaScript's shortest round-trip form; a number that is not finite is refused (a
 * missing figure is null, written empty), so that a NaN never reaches a spreadsheet as text.
 * @example csvField('say "hi", then go') // '"say ""hi"", then go"'
 */
export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) {
			throw new Error(
				`csvField: a number must be finite, got ${value}; write a missing value as null`
			);
		}
		return Object.is(value, -0) ? '0' : String(value);
	}
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = neutraliseCell(value) as string;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table as CSV text: the header, then one record per row, each ending with `\n`. Every row must
 * have as many values as the header has names.
 * @example toCsv(['scenario', 'value'], [['Plan', 1.5]]) // 'scenario,value\nPlan,1.5\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	const lines = [header.map(csvField).join(',')];
	rows.forEach((row, i) => {
		if (row.length !== header.length) {
			throw new Error(
				`toCsv: row ${i + 1} must have ${header.length} values (one per column), got ${row.length}`
			);
		}
		lines.push(row.map(csvField).join(','));
	});
	return lines.join('\n') + '\n';
}
