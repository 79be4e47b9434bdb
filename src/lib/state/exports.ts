/**
 * Exports from the browser (docs/model.md §6): tables as CSV or XLSX, the long CSV of an open
 * scenario set, and file names, saved as a Blob through a temporary link, nothing sent anywhere.
 * Pages and the export menu reach the table formats (io/table, io/export-tables, io/dsg-grid,
 * io/long-csv) through this module only (decision 0025): it re-exports the table builders they
 * call, so the arrow runs ui/routes → state → io.
 *
 * The long CSV of an open scenario set: the expected rows of every scenario, then, for scenarios
 * that have a Monte Carlo summary, its simulation rows. This is the boundary the Monte Carlo
 * results plug into: pass their summaries when the page has them.
 */
import type { DataTable } from '../io/table';
import { exportFileName, tableToCsv } from '../io/table';
import { expectedRows, longCsv, simulationRows, type LongRow } from '../io/long-csv';
import type { MonteCarloSummary, ScenarioResult } from '../model/results';
import { saveBlob } from '../client/download';

export { saveBlob };
export type { CellValue, DataTable } from '../io/table';
export {
	comparisonSlideTable,
	deficitExportTable,
	kpiExportTable,
	monitoringExportTable,
	scenarioComparisonTable
} from '../io/export-tables';
export { dsgGridTable } from '../io/dsg-grid';

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
	const { tablesToXlsx } = await import('../io/xlsx');
	const bytes = await tablesToXlsx(tables);
	saveBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), fileName);
}

/**
 * Rows for the scenarios in order: each scenario's expected rows, then the Monte Carlo rows of
 * those given a summary.
 * @example scenarioSetLongRows(results, []).length
 */
export function scenarioSetLongRows(
	results: readonly ScenarioResult[],
	summaries: readonly MonteCarloSummary[] = []
): LongRow[] {
	return [...results.flatMap(expectedRows), ...summaries.flatMap(simulationRows)];
}

/** The long CSV text of the scenarios (every cell neutralised against formula injection). */
export function scenarioSetLongCsv(
	results: readonly ScenarioResult[],
	summaries: readonly MonteCarloSummary[] = []
): string {
	return longCsv(scenarioSetLongRows(results, summaries));
}
