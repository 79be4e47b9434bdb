/**
 * Plan against actual (and the re-based projection), by census for EHCPs and by financial year
 * for HNB expenditure before savings, for the Actuals page's charts and tables.
 */
import { actualTotals } from '../engine/backtest';
import type { ScenarioResult } from '../model/results';
import { metricValues } from '../model/results';
import type { Actuals } from '../model/actuals';
import { caseloadActualTotal } from '../model/actuals';
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import type { FinancialYear } from '../model/years';
import { financialYearOfCensus } from '../model/years';
import { scenarioWithRole } from '../model/scenario-role';

/**
 * The scenario actuals are compared with by default: the dataset's financial plan (the scenario
 * with role `plan`, docs/model.md §6.1), else none.
 * @example defaultPlanId(kingstonScenarios()) // 'sva-financial-model-2021-22'
 */
export function defaultPlanId(scenarios: readonly Scenario[]): string | null {
	return scenarioWithRole(scenarios, 'plan')?.id ?? null;
}

export interface PlanActualRow<X> {
	x: X;
	plan: number | null;
	projection: number | null;
	actual: number | null;
	/** actual − plan where both are known. */
	variance: number | null;
	/** Whether the actual was recorded after the base census (an actual, not history). */
	recorded: boolean;
}

export interface PlanVsActual {
	caseload: PlanActualRow<number>[];
	spend: PlanActualRow<FinancialYear>[];
}

const at = (values: number[] | null, k: number) => (values && k >= 0 ? (values[k] ?? null) : null);

/**
 * Rows for the charts: censuses from `historyYears` before the base to the horizon (history's
 * totals up to the base, recorded actuals after it), and the projection's financial years.
 * @example planVsActual(ds, readActuals(ds), planResult, baselineResult).caseload.at(-1)
 */
export function planVsActual(
	dataset: Dataset,
	actuals: Actuals,
	plan: ScenarioResult | null,
	projection: ScenarioResult | null,
	historyYears = 3
): PlanVsActual {
	const settingIds = dataset.settings.map((s) => s.id);
	const history = actualTotals(dataset);
	const recorded = new Map(
		actuals.caseload.map((a) => [a.census, caseloadActualTotal(a, settingIds)] as const)
	);
	const series = (r: ScenarioResult | null, metric: string) => (r ? metricValues(r, metric) : null);
	const planTotals = series(plan, 'ehcp_total');
	const projTotals = series(projection, 'ehcp_total');
	const caseload: PlanActualRow<number>[] = [];
	for (let c = dataset.baseCensus - historyYears; c <= dataset.horizonCensus; c++) {
		const isBase = c === dataset.baseCensus;
		const kPlan = plan ? plan.censuses.indexOf(c) : -1;
		const kProj = projection ? projection.censuses.indexOf(c) : -1;
		const actual = c > dataset.baseCensus ? (recorded.get(c) ?? null) : (history.get(c) ?? null);
		const planValue = isBase ? (plan?.baseTotal ?? null) : at(planTotals, kPlan);
		caseload.push({
			x: c,
			plan: planValue,
			projection: isBase ? (projection?.baseTotal ?? null) : at(projTotals, kProj),
			actual,
			variance: actual !== null && planValue !== null ? actual - planValue : null,
			recorded: c > dataset.baseCensus && actual !== null
		});
	}
	const planSpend = series(plan, 'hnb_expenditure_before_savings');
	const projSpend = series(projection, 'hnb_expenditure_before_savings');
	const spendActual = new Map(actuals.spend.map((s) => [s.year, s.value.value]));
	const spend: PlanActualRow<FinancialYear>[] = [];
	for (let c = dataset.baseCensus + 1; c <= dataset.horizonCensus; c++) {
		const fy = financialYearOfCensus(c);
		const planValue = at(planSpend, plan ? plan.years.indexOf(fy) : -1);
		const actual = spendActual.get(fy) ?? null;
		spend.push({
			x: fy,
			plan: planValue,
			projection: at(projSpend, projection ? projection.years.indexOf(fy) : -1),
			actual,
			variance: actual !== null && planValue !== null ? actual - planValue : null,
			recorded: actual !== null
		});
	}
	return { caseload, spend };
}
