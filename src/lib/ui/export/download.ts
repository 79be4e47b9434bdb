/**
 * Saving export files from the browser: a Blob through a temporary link, nothing sent anywhere.
 */
import type { DataTable } from '$lib/io/table';
import { exportFileName, tableToCsv } from '$lib/io/table';
import { saveBlob } from '$lib/client/download';

export { saveBlob };

/** Today's date as YYYY-MM-DD in the user's time zone, for file names. */
export function todayIso(): string {
	const d = new Date();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A file name for an export of `what` by `authority`, dated today. */
export function fileNameFor(authority: string, what: string, extension: string): string {
	return exportFileName(authority || 'send-workbench', what, todayIso(), extension);
}

export const CSV_TYPE = 'text/csv;charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads CSV text (with a byte-order mark, so that Excel reads £ and – as UTF-8). */
export function downloadCsvText(text: string, fileName: string): void {
	saveBlob(new Blob(['\uFEFF', text], { type: CSV_TYPE }), fileName);
}

/** Downloads tables as CSV (the first) or XLSX (all, one sheet each; exceljs loaded now). */
export async function downloadTables(
	tables: readonly DataTable[],
	format: 'csv' | 'xlsx',
	fileName: string
): Promise<void> {
	if (format === 'csv') {
		downloadCsvText(tables.map(tableToCsv).join('\n'), fileName);
		return;
	}
	const { tablesToXlsx } = await import('$lib/io/xlsx');
	const bytes = await tablesToXlsx(tables);
	saveBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), fileName);
}
