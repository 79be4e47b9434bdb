/**
 * The CSV layer of the witan.send reader and writers. Reading, errors and formula neutralisation
 * come from the shared `src/lib/io/csv/`; this adds what witan files need on top: header checks
 * that name each wrong column, collecting errors across four files (up to a cap) instead of
 * stopping at the first, plain numbers (never an exponent) and always-quoted comma lists.
 */
import { ImportError, quote, type ImportWarning } from '../csv/errors';
import { parseCsv } from '../csv/parse';
import { neutraliseCell } from '../csv/write';
import { CappedList } from '../../model/problems';

export { ImportError, quote, type ImportWarning };

/** A file as handed over by a file picker or a test: its name and its whole text. */
export interface WitanFile {
	name: string;
	text: string;
}

/**
 * Collects errors up to a cap (so a user sees a useful batch, not ten thousand copies of one
 * mistake) while counting them all (the shared `CappedList`), and warnings.
 */
export class Problems {
	readonly #errors: CappedList<ImportError>;
	readonly warnings: ImportWarning[] = [];

	constructor(cap = 20) {
		this.#errors = new CappedList(cap);
	}

	/** The errors kept (the first `cap`). */
	get errors(): ImportError[] {
		return this.#errors.listed;
	}

	/** Every error recorded, kept or not. */
	get errorCount(): number {
		return this.#errors.count;
	}

	error(e: ImportError): void {
		this.#errors.add(e);
	}

	warn(w: Omit<ImportWarning, 'count'> & { count?: number }): void {
		this.warnings.push({ ...w, count: w.count ?? 1 });
	}

	get failed(): boolean {
		return this.errorCount > 0;
	}
}

/** A data row of a CSV table: its line number (header = 1) and its cells by column name. */
export interface CsvRow {
	line: number;
	get(column: string): string;
}

export interface CsvTable {
	file: string;
	columns: string[];
	rows: CsvRow[];
}

/** The last path segment of a file name: `demo/transitions.csv` → `transitions.csv`. */
export function baseName(name: string): string {
	const parts = name.split(/[\\/]/);
	return parts[parts.length - 1];
}

/**
 * Reads a CSV file whose header must name exactly `columns` (in any order), and at least one data
 * row. Cells are trimmed. `line` is the line a user sees in an editor (header = 1, blank lines
 * counted). Returns null (having recorded the reasons) when the file cannot be read as such a
 * table: a malformed file gives its first problem; a wrong header, one error per wrong column.
 */
export function readTable(
	file: WitanFile,
	columns: readonly string[],
	problems: Problems
): CsvTable | null {
	const name = file.name;
	let parsed;
	try {
		parsed = parseCsv(file.text, name);
	} catch (e) {
		if (!(e instanceof ImportError)) throw e;
		problems.error(e);
		return null;
	}
	const header = parsed.header;
	const index = new Map<string, number>();
	header.forEach((col, i) => index.set(col, i));
	// A misspelt column is one mistake, reported once: the column expected, and what stands in
	// its place (paired in order), rather than one "unexpected" and one "missing" error.
	const unexpected = header
		.map((col, i) => ({ col, i }))
		.filter(({ col }) => !columns.includes(col));
	const missing = columns.filter((col) => !index.has(col));
	const headerOk = unexpected.length === 0 && missing.length === 0;
	// No expected column at all: no header row (data in its place); "only the columns …" says
	// what the header must be, once per column found, and the missing ones are not listed again.
	const noHeader = unexpected.length === header.length;
	unexpected.forEach(({ col, i }, k) => {
		const at = col === '' ? `#${i + 1}` : col;
		const instead = noHeader ? undefined : missing[k];
		problems.error(
			instead === undefined
				? new ImportError(
						name,
						1,
						at,
						`only the columns ${columns.join(',')}`,
						`an unexpected column ${quote(col)}`
					)
				: new ImportError(
						name,
						1,
						at,
						`a column ${instead} (header ${columns.join(',')})`,
						`${quote(col)} in its place`
					)
		);
	});
	for (const col of noHeader ? [] : missing.slice(unexpected.length)) {
		problems.error(
			new ImportError(
				name,
				1,
				col,
				`a column ${col} (header ${columns.join(',')})`,
				`header ${JSON.stringify(header.join(','))}`
			)
		);
	}
	if (!headerOk) return null;
	if (parsed.rows.length === 0) {
		problems.error(
			new ImportError(name, null, null, 'at least one data row below the header', 'none')
		);
		return null;
	}
	const rows = parsed.rows.map(({ line, cells }) => ({
		line,
		get: (col: string) => cells[index.get(col)!].trim()
	}));
	return { file: name, columns: [...columns], rows };
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A whole number written plainly, or null.
 * @example parseInteger('-3') // -3; parseInteger('3.0') // null
 */
export function parseInteger(s: string): number | null {
	return INTEGER.test(s) ? Number(s) : null;
}

/**
 * A finite decimal number written plainly (no £, no thousands separators), or null.
 * @example parseNumber('1000.0') // 1000; parseNumber('1,000') // null
 */
export function parseNumber(s: string): number | null {
	if (!DECIMAL.test(s)) return null;
	const n = Number(s);
	return Number.isFinite(n) ? n : null;
}

/**
 * A number as text without exponent or thousands separators, with every digit needed to read it
 * back exactly (the shortest such form). −0 is written 0.
 * @example plainNumber(1e21) // '1000000000000000000000'
 */
export function plainNumber(n: number): string {
	if (!Number.isFinite(n)) throw new Error(`plainNumber: expected a finite number, got ${n}`);
	if (n === 0) return '0';
	const s = String(n);
	const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
	if (!m) return s;
	const [, sign, lead, frac = '', expText] = m;
	const exp = Number(expText);
	const digits = lead + frac;
	if (exp >= 0) return sign + digits.padEnd(exp + 1, '0');
	return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** Characters that make a spreadsheet read a cell as a formula (docs/model.md §6); as ../csv/write. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Whether a code would be read as a formula by a spreadsheet.
 * @example startsLikeFormula('=SUM(A1)') // true
 */
export function startsLikeFormula(s: string): boolean {
	return FORMULA_START.test(s);
}

/**
 * One CSV cell: numbers plain; text neutralised against formula injection (a leading `'`) and
 * quoted when it holds a comma, quote or line break, or when `alwaysQuote` (witan's comma lists).
 * @example csvCell('T,U,V', true) // '"T,U,V"'; csvCell(-3) // '-3'
 */
export function csvCell(value: string | number, alwaysQuote = false): string {
	if (typeof value === 'number') return plainNumber(value);
	const s = neutraliseCell(value) as string;
	if (alwaysQuote || /[",\r\n]/.test(s)) return `"${s.replace(/"/g, '""')}"`;
	return s;
}

/**
 * Lines of cells as CSV text: comma separated, `\n` line ends, a final line end.
 * @example csvText([['a', 'b'], ['1', '2']]) // 'a,b\n1,2\n'
 */
export function csvText(lines: string[][]): string {
	return lines.map((cells) => cells.join(',')).join('\n') + '\n';
}
