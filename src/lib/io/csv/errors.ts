/**
 * Errors and warnings of file imports (docs/model.md §6: "bad input of any kind gets a message naming
 * the file, row and column and what was expected"). The shapes match the witan.send reader's
 * (`src/lib/io/witan/csv.ts`), so both importers can report through one UI.
 *
 * `row` is always the line number in the file, the header being line 1, so that a user can find
 * it in a text editor (and, for files without line breaks inside quoted cells, in a spreadsheet).
 */

/**
 * One problem that stops an import. The message reads
 * `sen2_age_caseload.csv, row 12, column "Total_ehc": expected a whole number ≥ 0 or "z"/"x", got "abc"`.
 *
 * `got` is a description, not a raw cell: pass a cell through {@link quote} so that the message
 * shows it in quotes, or describe what was found ("an empty file").
 *
 * @example
 * throw new ImportError('sen2_mi.csv', 7, 'InreqEHC', 'a whole number ≥ 0', quote('-3'));
 */
export class ImportError extends Error {
	readonly file: string;
	readonly row: number | null;
	readonly column: string | null;
	readonly expected: string;
	readonly got: string | null;

	constructor(
		file: string,
		row: number | null,
		column: string | null,
		expected: string,
		got: string | null = null
	) {
		super(describeImportProblem(file, row, column, expected, got));
		this.name = 'ImportError';
		this.file = file;
		this.row = row;
		this.column = column;
		this.expected = expected;
		this.got = got;
	}
}

/**
 * A file that is not well-formed CSV (an unclosed quote, a row with the wrong number of fields,
 * a repeated column). The place is given as a line, since the rows cannot be trusted.
 */
export class CsvError extends ImportError {
	constructor(
		file: string,
		line: number | null,
		column: string | null,
		expected: string,
		got: string | null = null
	) {
		super(file, line, column, expected, got);
		this.name = 'CsvError';
		this.message = describeImportProblem(file, line, column, expected, got, 'line');
	}

	/** The line of the file where the problem starts (header = line 1). */
	get line(): number | null {
		return this.row;
	}
}

/**
 * Something odd but usable in an imported file (a year published as `x`, figures that do not add
 * up). `message` does not repeat the place; {@link describeWarning} puts them together. `count`
 * rows share the warning, the first of them being `row`.
 */
export interface ImportWarning {
	file: string;
	row: number | null;
	column: string | null;
	message: string;
	count: number;
}

/**
 * One line of text for a warning, in the same shape as an error message.
 * @example describeWarning({ file: 'sen2_mi.csv', row: null, column: 'InreqEHC', message: 'x in 2015', count: 1 })
 * // 'sen2_mi.csv, column "InreqEHC": x in 2015'
 */
export function describeWarning(w: ImportWarning): string {
	return `${describePlace(w.file, w.row, w.column)}: ${w.message}`;
}

/**
 * A cell value quoted for a message, shortened when long.
 * @example quote('abc') // '"abc"'
 */
export function quote(value: string): string {
	const short = value.length > 40 ? `${value.slice(0, 37)}…` : value;
	return JSON.stringify(short);
}

function describePlace(
	file: string,
	row: number | null,
	column: string | null,
	unit: 'row' | 'line' = 'row'
): string {
	let where = file;
	if (row !== null) where += `, ${unit} ${row}`;
	if (column !== null) where += `, column ${JSON.stringify(column)}`;
	return where;
}

function describeImportProblem(
	file: string,
	row: number | null,
	column: string | null,
	expected: string,
	got: string | null,
	unit: 'row' | 'line' = 'row'
): string {
	const found = got === null ? '' : `, got ${got}`;
	return `${describePlace(file, row, column, unit)}: expected ${expected}${found}`;
}
