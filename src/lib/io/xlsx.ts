/**
 * Tables to an XLSX workbook (docs/model.md §6) with exceljs, loaded only when a workbook is written
 * (`import('exceljs')`), so the library is its own chunk and never slows the first page load.
 *
 * Each table is a worksheet: its title (bold), a blank line, the header (bold, frozen), the rows,
 * then its notes. Numbers are numeric cells with the column's number format; every text cell —
 * titles, headers, values, notes — is neutralised as in CSV (a leading `=`, `+`, `-`, `@`, tab or
 * CR gets a `'`), and no cell is ever written as a formula.
 */
import { neutraliseCell } from './csv/write';
import type { CellValue, DataTable } from './table';
import { cellValue, checkTable } from './table';

export interface WorkbookMeta {
	/** Written to the workbook's properties. */
	title?: string;
	creator?: string;
	/** Fixed for reproducible files; exceljs uses the clock otherwise. */
	created?: Date;
}

/** Characters Excel refuses in a sheet name. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * A valid, unique worksheet name: forbidden characters replaced, at most 31 characters, not
 * starting or ending with `'`, and numbered when taken.
 * @example sheetName('Monitoring: 2021/22', new Set()) // 'Monitoring  2021 22'
 */
export function sheetName(wanted: string, taken: ReadonlySet<string>): string {
	let base =
		wanted
			.replace(SHEET_FORBIDDEN, ' ')
			.replace(/^'+|'+$/g, '')
			.trim() || 'Sheet';
	base = base.slice(0, 31);
	let name = base;
	for (let i = 2; taken.has(name.toLowerCase()); i++) {
		const suffix = ` (${i})`;
		name = base.slice(0, 31 - suffix.length) + suffix;
	}
	return name;
}

function safe(value: string | number | null): string | number | null {
	if (value === null) return null;
	return neutraliseCell(value) as string | number;
}

/**
 * Writes tables as an XLSX workbook, one worksheet each, and returns the file's bytes.
 * @example const bytes = await tablesToXlsx([monitoringTable]); // Uint8Array, an .xlsx file
 */
export async function tablesToXlsx(
	tables: readonly DataTable[],
	meta: WorkbookMeta = {}
): Promise<Uint8Array> {
	if (tables.length === 0) throw new Error('tablesToXlsx: at least one table is needed');
	tables.forEach(checkTable);
	const mod = await import('exceljs');
	// exceljs is CommonJS: its namespace is the default export in Node and in Vite's build.
	const ExcelJS = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
	const workbook = new ExcelJS.Workbook();
	workbook.creator = meta.creator ?? 'SEND Workbench';
	if (meta.title) workbook.title = safe(meta.title) as string;
	if (meta.created) {
		workbook.created = meta.created;
		workbook.modified = meta.created;
	}
	const taken = new Set<string>();
	for (const table of tables) {
		const name = sheetName(table.name, taken);
		taken.add(name.toLowerCase());
		const sheet = workbook.addWorksheet(name);
		let r = 1;
		if (table.title) {
			sheet.getCell(r, 1).value = safe(table.title);
			sheet.getCell(r, 1).font = { bold: true, size: 13 };
			r += 2;
		}
		const headerRow = r;
		table.columns.forEach((c, j) => {
			const cell = sheet.getCell(r, j + 1);
			cell.value = safe(c.label);
			cell.font = { bold: true };
			cell.alignment = { wrapText: true, vertical: 'top' };
		});
		r++;
		for (const row of table.rows) {
			row.forEach((raw: CellValue, j) => {
				const cell = sheet.getCell(r, j + 1);
				const value = cellValue(raw);
				cell.value = safe(value);
				const format =
					raw !== null && typeof raw === 'object' ? raw.format : table.columns[j].format;
				if (typeof value === 'number' && format) cell.numFmt = format;
			});
			r++;
		}
		if (table.notes?.length) {
			r++;
			for (const note of table.notes) {
				sheet.getCell(r, 1).value = safe(note);
				sheet.getCell(r, 1).font = { italic: true };
				r++;
			}
		}
		table.columns.forEach((c, j) => {
			sheet.getColumn(j + 1).width =
				c.width ?? Math.min(60, Math.max(10, c.label.length + 2, c.kind === 'number' ? 12 : 16));
		});
		sheet.views = [{ state: 'frozen', ySplit: headerRow }];
	}
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}
