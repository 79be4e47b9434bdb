/**
 * Metric names and layout (docs/model.md §6). A result is a matrix: one row per metric, one column per
 * projected step. Census metrics are keyed by the census year that ends the step (`2022`),
 * finance metrics by the financial year that contains it (`2021/22`).
 */
import { AGE_BANDS } from '../model/categories';
import type { MetricDef, MetricKind } from '../model/results';
import type { StateSpace } from './space';

export const CORE_CENSUS_METRICS = [
	'ehcp_total',
	'ehcp_joiners',
	'ehcp_leavers',
	'ehcp_movers'
] as const;

export const FINANCE_METRICS = [
	'placement_cost',
	'hnb_allocation',
	'block_transfers',
	'total_budget',
	'hnb_expenditure_before_savings',
	'savings_total',
	'hnb_expenditure_after_savings',
	'net_hnb_deficit',
	'other_blocks_variance',
	'general_fund_contribution',
	'in_year_dsg_deficit',
	'cumulative_deficit_before_sv',
	'sv_funding_cumulative',
	'cumulative_deficit_after_sv',
	'deficit_cap',
	'headroom',
	'cap_breached'
] as const;

const LABELS: Record<string, string> = {
	ehcp_total: 'EHCPs at the January census',
	ehcp_joiners: 'New plans and moves in (joiners)',
	ehcp_leavers: 'Ceased plans and moves out (leavers)',
	ehcp_movers: 'Changes of setting (movers)',
	placement_cost: 'Placement cost',
	hnb_allocation: 'HNB allocation',
	block_transfers: 'Budget additions (transfers)',
	total_budget: 'Total budget',
	hnb_expenditure_before_savings: 'HNB expenditure before savings',
	savings_total: 'Savings',
	hnb_expenditure_after_savings: 'HNB expenditure after savings',
	net_hnb_deficit: 'Net HNB deficit',
	other_blocks_variance: 'Variance in other DSG blocks',
	general_fund_contribution: 'General Fund contribution',
	in_year_dsg_deficit: 'In-year DSG deficit',
	cumulative_deficit_before_sv: 'Cumulative DSG deficit before Safety Valve funding',
	sv_funding_cumulative: 'Safety Valve funding (cumulative)',
	cumulative_deficit_after_sv: 'Cumulative DSG deficit after Safety Valve funding',
	deficit_cap: 'Cap on the cumulative deficit',
	headroom: 'Headroom under the cap',
	cap_breached: 'Cap breached'
};

export interface MetricLayout {
	defs: MetricDef[];
	index: Map<string, number>;
	/** Row of `ehcp_by_setting:<id>` for each setting index. */
	settingRows: number[];
	/** Row of `ehcp_by_age_band:<band>` for each band in AGE_BANDS order. */
	bandRows: number[];
	/** Row of `savings:<id>` for each savings line. */
	savingsRows: number[];
	/**
	 * Row of `placement_cost_by_setting:<id>` for each setting index (docs/model.md §3.2): the
	 * setting's caseload × unit cost, £; the rows add up to `placement_cost`.
	 */
	costSettingRows: number[];
}

/** The prefix of the placement cost rows by setting, `placement_cost_by_setting:<setting id>`. */
export const COST_BY_SETTING_PREFIX = 'placement_cost_by_setting:';

/**
 * The metric rows for a state space and savings lines, in the order of docs/model.md §6.
 * @example metricLayout(space, [{ id: 'post_16', name: 'Post-16 offer' }]).defs.length
 */
export function metricLayout(
	space: StateSpace,
	savings: readonly { id: string; name: string }[]
): MetricLayout {
	const defs: MetricDef[] = [];
	const add = (name: string, kind: MetricKind, label: string, unit: MetricDef['unit']) => {
		defs.push({ name, kind, label, unit });
		return defs.length - 1;
	};
	for (const m of CORE_CENSUS_METRICS) add(m, 'census', LABELS[m], 'children');
	const settingRows = space.settings.map((s) =>
		add(`ehcp_by_setting:${s.id}`, 'census', `EHCPs in ${s.name}`, 'children')
	);
	const bandRows = AGE_BANDS.map((b) =>
		add(`ehcp_by_age_band:${b.id}`, 'census', `EHCPs aged ${b.label}`, 'children')
	);
	let savingsRows: number[] = [];
	let costSettingRows: number[] = [];
	for (const m of FINANCE_METRICS) {
		add(m, 'finance', LABELS[m], m === 'cap_breached' ? 'probability' : 'gbp');
		if (m === 'placement_cost') {
			costSettingRows = space.settings.map((s) =>
				add(`${COST_BY_SETTING_PREFIX}${s.id}`, 'finance', `Placement cost: ${s.name}`, 'gbp')
			);
		}
		if (m === 'savings_total') {
			savingsRows = savings.map((s) => add(`savings:${s.id}`, 'finance', s.name, 'gbp'));
		}
	}
	return {
		defs,
		index: new Map(defs.map((d, i) => [d.name, i])),
		settingRows,
		bandRows,
		savingsRows,
		costSettingRows
	};
}

/** The row of a metric, or an error naming it. */
export function metricRow(layout: MetricLayout, name: string): number {
	const i = layout.index.get(name);
	if (i === undefined) throw new Error(`metricRow: unknown metric "${name}"`);
	return i;
}

export function metricLabel(name: string): string {
	return LABELS[name] ?? name;
}
