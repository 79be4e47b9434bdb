/**
 * Placement cost by setting over time, read from a result (docs/model.md §3.2, §6.2): for every
 * setting of the dataset and every financial year of the projection, its caseload × unit cost
 * with inflation (the `placement_cost_by_setting:<setting>` rows), and their total
 * (`placement_cost`). Pure: the table, the stacked chart and their exports read this.
 */
import type { DsgCategoryId } from './categories';
import type { SettingDef } from './dataset';
import type { ScenarioResult } from './results';
import { metricValues } from './results';
import type { FinancialYear } from './years';

/** The metric of one setting's placement cost: `placement_cost_by_setting:<setting id>`. */
export const costBySettingMetric = (settingId: string): string =>
	`placement_cost_by_setting:${settingId}`;

/** One setting's placement cost per financial year, £. */
export interface PlacementCostRow {
	/** The setting id (as in `ehcp_by_setting:<id>`). */
	id: string;
	/** The setting's name, as the dataset gives it. */
	label: string;
	/** Its DSG placement category (for its colour). */
	group: DsgCategoryId;
	/** £ per financial year, in the order of `years`. */
	values: number[];
}

/** A scenario's placement cost by setting and year, with the total. */
export interface PlacementCosts {
	scenarioName: string;
	years: FinancialYear[];
	/** One row per setting, in the dataset's order. */
	rows: PlacementCostRow[];
	/** `placement_cost` per year, £: the rows add up to it (to well under a penny). */
	totals: number[];
}

/**
 * The placement cost by setting of a result, for the settings of its dataset. Throws naming the
 * setting when the result has no row for it (a result from another dataset, or from before the
 * rows existed).
 * @example placementCosts(result, dataset.settings).rows[3].values[0] // independent special, 2021/22, £
 */
export function placementCosts(
	result: ScenarioResult,
	settings: readonly Pick<SettingDef, 'id' | 'name' | 'group'>[]
): PlacementCosts {
	const names = new Set(result.metrics.map((m) => m.name));
	const rows = settings.map((s) => {
		const metric = costBySettingMetric(s.id);
		if (!names.has(metric)) {
			throw new Error(
				`placementCosts: the result of "${result.scenarioName}" has no ${metric}; project it again with this dataset`
			);
		}
		return { id: s.id, label: s.name, group: s.group, values: metricValues(result, metric) };
	});
	return {
		scenarioName: result.scenarioName,
		years: result.years,
		rows,
		totals: metricValues(result, 'placement_cost')
	};
}
