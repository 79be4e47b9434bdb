/**
 * KPIs and the Safety Valve monitoring table as the Monitoring, Report and Present pages and their
 * components use them (docs/model.md §5, §6): importing a KPI actuals file (strict UTF-8, the whole
 * file checked before anything changes), and the KPI and monitoring rules those pages show — a
 * KPI's target for its period and its RAG rating, its history by quarter, the monitoring table of
 * plan against projection. The rules themselves live in the engine and the file format in io; ui
 * and routes reach them through this module only (decision 0025).
 */
import type { Kpi } from '../model/kpi';
import { ImportError } from '../io/csv/errors';
import { readUtf8File } from '../io/csv/utf8';
import { readKpiActuals, type KpiActualsRead } from '../io/kpi-actuals';

export {
	applyKpiActuals,
	kpiActualsTemplate,
	MAX_KPI_ACTUALS_ROWS,
	readKpiValue,
	type KpiActualsRead
} from '../io/kpi-actuals';
export { computeKpi, periodTarget, rateKpi, type KpiRating } from '../engine/kpi';
export {
	comparePeriods,
	financialYearLabel,
	isPeriod,
	kpiAsAt,
	kpiHistory,
	kpiPoints,
	nextQuarter,
	parsePeriod,
	quarterLabel,
	reportQuarter,
	withActual,
	withoutActual,
	type KpiPoint,
	type KpiQuarter
} from '../engine/kpi-history';
export { monitoringTable, type MonitoringRow, type MonitoringTable } from '../engine/monitoring';

/**
 * Reads a picked KPI actuals file against the KPIs it may update: every row checked, nothing
 * applied (apply the rows with `applyKpiActuals`). A file that is not UTF-8 text is refused with
 * the same shape as a file with bad rows, naming the file.
 * @example const read = await readKpiActualsFile(file, kpis); if (read.ok) read.rows.length
 */
export async function readKpiActualsFile(
	file: File,
	kpis: readonly Kpi[]
): Promise<KpiActualsRead> {
	let text: string;
	try {
		text = await readUtf8File(file);
	} catch (err) {
		const error =
			err instanceof ImportError
				? err
				: new ImportError(file.name, null, null, 'a readable file', (err as Error).message);
		return { ok: false, file: file.name, errors: [error] };
	}
	return readKpiActuals(text, file.name, kpis);
}
