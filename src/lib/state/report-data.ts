/**
 * What the report, monitoring and presentation pages derive from the dataset and results: the
 * KPI year, the model's KPI values, the quarter of a report, and a new quarter's report
 * pre-filled from the last one. Plain functions, no Svelte.
 */
import type { Dataset, QuarterlyReport } from '$lib/model/dataset';
import type { Kpi } from '$lib/model/kpi';
import type { Scenario } from '$lib/model/scenario';
import { scenarioWithRole } from '$lib/model/scenario-role';
import { defaultPlanId } from './plan-vs-actual';
import type { ScenarioResult } from '$lib/model/results';
import { computeKpi } from './kpis';
import {
	comparePeriods,
	financialYearLabel,
	kpiAsAt,
	nextQuarter,
	parsePeriod,
	quarterLabel,
	reportQuarter
} from './kpis';

/**
 * The calendar year in which the KPIs' financial year starts: the year of the first projected
 * January census's financial year (base census January 2021 → 2021/22, April 2021).
 */
export function kpiYearStart(dataset: Pick<Dataset, 'baseCensus'>): number {
	return dataset.baseCensus;
}

/** The model's value of each computable KPI in a result's year `k` (by KPI ref). */
export function modelKpiValues(
	dataset: Dataset,
	result: ScenarioResult | undefined,
	k: number
): Record<string, number | null> {
	const out: Record<string, number | null> = {};
	if (!result || k < 0 || k >= result.years.length) return out;
	for (const kpi of dataset.kpis) {
		if (kpi.formula) out[kpi.ref] = computeKpi(kpi.formula, result, k, dataset);
	}
	return out;
}

/** The quarter period of a report (`2021-Q1`), or null when its quarter text names none. */
export function quarterOf(report: QuarterlyReport): string | null {
	return reportQuarter(report.quarter);
}

/** The financial year of a report's quarter (`2021/22`), or null. */
export function reportYear(report: QuarterlyReport): string | null {
	const q = quarterOf(report);
	return q ? financialYearLabel(parsePeriod(q).fyStart) : null;
}

/** The dataset's KPIs as a report for that quarter shows them. */
export function kpisForReport(dataset: Dataset, report: QuarterlyReport): Kpi[] {
	const q = quarterOf(report);
	const fy = kpiYearStart(dataset);
	return q ? dataset.kpis.map((k) => kpiAsAt(k, q, fy)) : dataset.kpis;
}

const QUARTER_WORDS = ['One', 'Two', 'Three', 'Four'];

/** The last day of a quarter period, ISO 8601. */
function quarterEnd(period: string): string {
	const p = parsePeriod(period);
	const month = ((p.monthsElapsed + 2) % 12) + 1;
	const year = month >= 4 ? p.fyStart : p.fyStart + 1;
	const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The next quarter's report, pre-filled from `last`: the quarter and title moved on a quarter,
 * the data date at the quarter's end, not yet submitted, the same sign-offs, summary and risks
 * to edit. Its id is unique among `reports`.
 * @example nextReport(q1, [q1]).quarter // 'Q2 2021/22'
 */
export function nextReport(
	last: QuarterlyReport,
	reports: readonly QuarterlyReport[]
): QuarterlyReport {
	const q = quarterOf(last);
	const next = q ? nextQuarter(q) : null;
	const label = next ? quarterLabel(next) : `${last.quarter} (next)`;
	let title = `${label} Summary Update Report`;
	if (next) {
		const p = parsePeriod(next);
		const words = `Quarter ${QUARTER_WORDS[p.quarter - 1]} ${financialYearLabel(p.fyStart)}`;
		title = /Quarter (One|Two|Three|Four) \d{4}\/\d{2}/.test(last.title)
			? last.title.replace(/Quarter (One|Two|Three|Four) \d{4}\/\d{2}/, words)
			: `${words} Summary Update Report`;
	}
	const base = next ? next.toLowerCase().replace(/^(\d{4})-(q\d)$/, '$2-$1') : `${last.id}-next`;
	let id = base;
	for (let i = 2; reports.some((r) => r.id === id); i++) id = `${base}-${i}`;
	return {
		...structuredClone(last),
		id,
		title,
		quarter: label,
		dateSubmitted: '',
		dataDate: next ? quarterEnd(next) : last.dataDate
	};
}

/**
 * Each KPI as at its latest figure (the reported one, or a later actual): what the monitoring
 * page's KPI table shows.
 */
export function currentKpis(dataset: Dataset): Kpi[] {
	const fy = kpiYearStart(dataset);
	return dataset.kpis.map((k) => {
		if (k.actuals.length === 0) return k;
		const last = [...k.actuals].sort((a, b) => comparePeriods(a.period, b.period)).at(-1)!;
		const p = parsePeriod(last.period);
		return kpiAsAt(k, `${p.fyStart}-Q${p.quarter}`, fy);
	});
}

/**
 * The two scenarios of a monitoring table: the ones the user chose, else the financial plan and
 * the reference projection (roles `plan` and `projection`, docs/model.md §6.1), else the first
 * two scenarios.
 * @example monitoringPair(scenarios, null, null) // { plan: SVA plan, projection: May 2021 projection }
 */
export function monitoringPair(
	scenarios: readonly Scenario[],
	planId: string | null,
	projectionId: string | null
): { plan: Scenario | undefined; projection: Scenario | undefined } {
	const byId = (id: string | null) => (id ? scenarios.find((s) => s.id === id) : undefined);
	const plan = byId(planId) ?? byId(defaultPlanId(scenarios)) ?? scenarios[0];
	const projection =
		byId(projectionId) ??
		scenarioWithRole(scenarios, 'projection') ??
		scenarios.find((s) => s !== plan) ??
		scenarios[0];
	return { plan, projection };
}
