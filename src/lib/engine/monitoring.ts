/**
 * The financial model monitoring table (the seed's "Kingston financial model monitoring"): two
 * scenarios side by side for one financial year, in £m to 3 decimals, the variance between them
 * and a RAG rating per line (docs/model.md §4, §5).
 *
 * Shown values: savings, other blocks and the general fund are shown negative, as the seed does.
 * Variance = projection − plan on the shown (rounded) values. RAG: Green when favourable or
 * adverse by less than £50k, Amber when adverse by £50k or more, Red on the cumulative lines when
 * the projection breaches its cap.
 */
import type { ReportMonitoringRow } from '../model/dataset';
import type { RagRating } from '../model/kpi';
import type { FinancialYear } from '../model/years';
import { exceedsCap } from './finance';
import type { ScenarioResult } from '../model/results';
import { metricValue } from '../model/results';

/**
 * A row of the monitoring table. The shape is the model's (a signed-off report stores these rows
 * as they were shown), so it is defined once there.
 */
export type MonitoringRow = ReportMonitoringRow;

export interface MonitoringTable {
	year: FinancialYear;
	planName: string;
	projectionName: string;
	rows: MonitoringRow[];
}

/** Adverse by this much (£) or more rates Amber. */
export const AMBER_THRESHOLD = 50_000;

/**
 * £ to £m rounded to 3 decimals, with −0 folded to 0.
 * @example toShownMillions(-71_000) // -0.071
 */
export function toShownMillions(pounds: number): number {
	const v = Math.round(pounds / 1000) / 1000;
	return v === 0 ? 0 : v;
}

/**
 * The RAG of a finance line from its shown variance (£m) and favourable direction.
 * @example financeRag(0.074, 'lower') // 'A' (adverse by £74k)
 */
export function financeRag(varianceShown: number, better: 'higher' | 'lower'): RagRating {
	const adverseThousands = Math.round((better === 'lower' ? varianceShown : -varianceShown) * 1000);
	return adverseThousands >= AMBER_THRESHOLD / 1000 ? 'A' : 'G';
}

interface LineSpec {
	id: string;
	label: string;
	emphasis: boolean;
	better: 'higher' | 'lower';
	value: (r: ScenarioResult, fy: FinancialYear) => number;
	cumulative?: boolean;
}

const metric =
	(name: string, sign = 1) =>
	(r: ScenarioResult, fy: FinancialYear) =>
		sign * metricValue(r, name, fy);

/**
 * Builds the monitoring table of `projection` against `plan` for a financial year. Savings lines
 * are those of the plan's result (both scenarios share the dataset's lines).
 * @example monitoringTable(planResult, mayResult, '2021/22', savingsLines)
 */
export function monitoringTable(
	plan: ScenarioResult,
	projection: ScenarioResult,
	year: FinancialYear,
	savingsLines: readonly { id: string; name: string }[]
): MonitoringTable {
	const specs: LineSpec[] = [
		{
			id: 'hnb_allocation',
			label: 'HNB allocation',
			emphasis: false,
			better: 'higher',
			value: metric('hnb_allocation')
		},
		{
			id: 'block_transfers',
			label: 'Budget additions (transfers)',
			emphasis: false,
			better: 'higher',
			value: metric('block_transfers')
		},
		{
			id: 'total_budget',
			label: 'Total budget',
			emphasis: true,
			better: 'higher',
			value: metric('total_budget')
		},
		{
			id: 'hnb_expenditure_before_savings',
			label: 'HNB expenditure before savings',
			emphasis: true,
			better: 'lower',
			value: metric('hnb_expenditure_before_savings')
		},
		...savingsLines.map((s): LineSpec => ({
			id: `savings:${s.id}`,
			label: s.name,
			emphasis: false,
			better: 'lower',
			value: metric(`savings:${s.id}`, -1)
		})),
		{
			id: 'hnb_expenditure_after_savings',
			label: 'HNB expenditure after savings',
			emphasis: true,
			better: 'lower',
			value: metric('hnb_expenditure_after_savings')
		},
		{
			id: 'net_hnb_deficit',
			label: 'Net HNB deficit',
			emphasis: true,
			better: 'lower',
			value: metric('net_hnb_deficit')
		},
		{
			id: 'other_blocks_variance',
			label: 'Variance in other DSG blocks',
			emphasis: false,
			better: 'lower',
			value: metric('other_blocks_variance')
		},
		{
			id: 'general_fund_contribution',
			label: 'General Fund Contribution',
			emphasis: false,
			better: 'lower',
			value: metric('general_fund_contribution', -1)
		},
		// The seed labels the in-year DSG deficit "Net HNB Deficit"; kept so the table reads as the seed.
		{
			id: 'in_year_dsg_deficit',
			label: 'Net HNB Deficit',
			emphasis: true,
			better: 'lower',
			value: metric('in_year_dsg_deficit')
		},
		{
			id: 'cumulative_deficit_before_sv',
			label: 'Net DSG deficit - cumulative before safety valve',
			emphasis: true,
			better: 'lower',
			value: metric('cumulative_deficit_before_sv'),
			cumulative: true
		},
		{
			id: 'cumulative_deficit_after_sv',
			label: 'Net DSG deficit - cumulative after max safety valve',
			emphasis: true,
			better: 'lower',
			value: metric('cumulative_deficit_after_sv'),
			cumulative: true
		}
	];
	const breached = exceedsCap(
		metricValue(projection, 'cumulative_deficit_before_sv', year),
		metricValue(projection, 'deficit_cap', year)
	);
	const rows = specs.map((spec): MonitoringRow => {
		const p = spec.value(plan, year);
		const q = spec.value(projection, year);
		const planShown = toShownMillions(p);
		const projectionShown = toShownMillions(q);
		const varianceShown = toShownMillions((projectionShown - planShown) * 1e6);
		return {
			id: spec.id,
			label: spec.label,
			emphasis: spec.emphasis,
			plan: p,
			projection: q,
			planShown,
			projectionShown,
			varianceShown,
			better: spec.better,
			rag: spec.cumulative && breached ? 'R' : financeRag(varianceShown, spec.better)
		};
	});
	return { year, planName: plan.scenarioName, projectionName: projection.scenarioName, rows };
}
