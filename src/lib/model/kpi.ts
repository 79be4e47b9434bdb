/**
 * Key performance indicators of a Safety Valve agreement (docs/model.md §5).
 */
import type { Figure } from './provenance';

export type KpiCategory = 'demand management' | 'financial control' | 'value for money';
export const KPI_CATEGORIES: readonly KpiCategory[] = [
	'demand management',
	'financial control',
	'value for money'
];

/** How the period target is set: pro rata by months elapsed, the plan's annual figure, or annual. */
export type KpiDerivation = 'pro rata' | 'annual – in plan' | 'annual';
export const KPI_DERIVATIONS: readonly KpiDerivation[] = ['pro rata', 'annual – in plan', 'annual'];

export type RagRating = 'G' | 'A' | 'R';
export const RAG_LABELS: Record<RagRating, string> = { G: 'Green', A: 'Amber', R: 'Red' };

export type KpiUnit = 'count' | 'percent' | 'gbp' | 'gbp_per_head';

/**
 * What the model can compute for a KPI. A KPI with a formula is computed from a scenario's
 * results; one without is entered as an actual.
 */
export type KpiFormulaId =
	| 'ehcp_total'
	| 'ehcp_growth'
	| 'ehcp_joiners'
	| 'ehcp_leavers_negative'
	| 'ehcp_per_head_0_25'
	| 'net_hnb_deficit'
	| 'hnb_expenditure_after_savings'
	| 'in_year_dsg_deficit'
	| 'cumulative_deficit_before_sv'
	| 'cumulative_deficit_after_sv'
	| 'funding_gap_pct'
	| 'hnb_allocation'
	| 'block_transfers'
	| 'general_fund_contribution'
	| 'savings_total'
	| 'hnb_spend_per_head_2_18'
	| 'average_cost_ehcp';

export const KPI_FORMULA_IDS: readonly KpiFormulaId[] = [
	'ehcp_total',
	'ehcp_growth',
	'ehcp_joiners',
	'ehcp_leavers_negative',
	'ehcp_per_head_0_25',
	'net_hnb_deficit',
	'hnb_expenditure_after_savings',
	'in_year_dsg_deficit',
	'cumulative_deficit_before_sv',
	'cumulative_deficit_after_sv',
	'funding_gap_pct',
	'hnb_allocation',
	'block_transfers',
	'general_fund_contribution',
	'savings_total',
	'hnb_spend_per_head_2_18',
	'average_cost_ehcp'
];

/** A KPI value for a period (month `2021-05` or quarter `2021-Q1`), with its rating. */
export interface KpiActual {
	period: string;
	value: Figure;
}

export interface RagRule {
	/** Which way is better; null when the KPI is not rated by rule. */
	direction: 'higher' | 'lower' | null;
	/** Adverse by no more than this fraction of the target still rates Green. */
	amberTolerance: number;
	/** Adverse by more than this fraction of the target rates Red; null: never Red by rule. */
	redTolerance: number | null;
}

export interface RagOverride {
	rating: RagRating;
	comment: string;
}

export interface Kpi {
	/** The seed's reference: "1" … "38", "6a". */
	ref: string;
	name: string;
	unit: KpiUnit;
	category: KpiCategory;
	derivation: KpiDerivation;
	/** A level (caseload) interpolates from baseline; a flow (a growth rate) scales with time. */
	measure: 'level' | 'flow';
	/** Whether the projection is a year-to-date actual or a full-year forecast. */
	basis: 'year to date' | 'full year';
	baseline: Figure | null;
	/** The annual target (for pro rata KPIs, the full-year figure the period target derives from). */
	annualTarget: Figure | null;
	/** The figure reported for the period (the seed's "2021/22 MAY" column). */
	projection: Figure | null;
	/** Months of the year elapsed at the reporting date, for pro rata targets. */
	monthsElapsed: number;
	rule: RagRule;
	override: RagOverride | null;
	comment: string;
	formula: KpiFormulaId | null;
	actuals: KpiActual[];
}
