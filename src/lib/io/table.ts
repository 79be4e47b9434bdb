/**
 * A neutral table model for exports: what a table shows (title, columns, rows, notes), written
 * as CSV text here and as an XLSX worksheet by `xlsx.ts`. Numbers stay numbers (a spreadsheet can
 * add them up); text is neutralised against formula injection in both formats (docs/model.md §6).
 */
import { toCsv } from './csv/write';

/** A number with its own Excel number format (a KPI table mixes counts, £ and %). */
export interface FormattedNumber {
	value: number;
	format: string;
}

/**
 * A cell: text, a finite number, a number with its own format, or null for a missing value
 * (written empty).
 */
export type CellValue = string | number | FormattedNumber | null;

/** The plain value of a cell. */
export function cellValue(cell: CellValue): string | number | null {
	return cell !== null && typeof cell === 'object' ? cell.value : cell;
}

export interface TableColumn {
	label: string;
	/** `number` columns hold numbers or null; `text` columns hold text (numbers are allowed too). */
	kind: 'text' | 'number';
	/**
	 * Excel number format of a number column, e.g. `#,##0`, `0.000`, `0.00%`, `£#,##0`. CSV
	 * writes the unformatted number whatever the format.
	 */
	format?: string;
	/** Column width in characters, for XLSX. */
	width?: number;
}

export interface DataTable {
	/** A short name: the worksheet name (≤ 31 characters after cleaning) and part of file names. */
	name: string;
	/** A title written above the table in XLSX (CSV has the header row only). */
	title?: string;
	columns: TableColumn[];
	rows: CellValue[][];
	/** Lines written under the table in XLSX (units, sources, how RAG was decided). */
	notes?: string[];
}

/**
 * Checks a table's shape: every row has one cell per column and every number is finite; throws
 * naming the table, row and column otherwise.
 * @example checkTable({ name: 't', columns: [{ label: 'a', kind: 'number' }], rows: [[1]] })
 */
export function checkTable(table: DataTable): void {
	if (table.columns.length === 0) throw new Error(`checkTable: "${table.name}" has no columns`);
	table.rows.forEach((row, i) => {
		if (row.length !== table.columns.length) {
			throw new Error(
				`checkTable: "${table.name}" row ${i + 1} must have ${table.columns.length} cells (one per column), got ${row.length}`
			);
		}
		row.forEach((raw, j) => {
			const cell = cellValue(raw);
			if (typeof cell === 'number' && !Number.isFinite(cell)) {
				throw new Error(
					`checkTable: "${table.name}" row ${i + 1}, column "${table.columns[j].label}" must be a finite number or null, got ${cell}`
				);
			}
			if (table.columns[j].kind === 'number' && typeof cell === 'string') {
				throw new Error(
					`checkTable: "${table.name}" row ${i + 1}, column "${table.columns[j].label}" is a number column, got text ${JSON.stringify(cell)}`
				);
			}
		});
	});
}

/**
 * The table as CSV text: the column labels, then the rows; every text cell neutralised (a
 * leading `=`, `+`, `-`, `@`, tab or CR gets a `'`), numbers written as numbers.
 * @example tableToCsv({ name: 't', columns: [{ label: 'Scenario', kind: 'text' }], rows: [['=1+1']] })
 * // "Scenario\n'=1+1\n"
 */
export function tableToCsv(table: DataTable): string {
	checkTable(table);
	return toCsv(
		table.columns.map((c) => c.label),
		table.rows.map((row) => row.map(cellValue))
	);
}

/**
 * A file-name-safe slug.
 * @example fileSlug('Kingston upon Thames') // 'kingston-upon-thames'
 */
export function fileSlug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'export'
	);
}

/**
 * A download's file name: the authority, what it is and the date, e.g.
 * `kingston-upon-thames_monitoring_2021-06-18.csv`.
 * @example exportFileName('Kingston upon Thames', 'Monitoring', '2021-06-18', 'csv')
 * // 'kingston-upon-thames_monitoring_2021-06-18.csv'
 */
export function exportFileName(
	authority: string,
	what: string,
	isoDate: string,
	extension: string
): string {
	return `${fileSlug(authority)}_${fileSlug(what)}_${isoDate}.${extension.replace(/^\./, '')}`;
}
