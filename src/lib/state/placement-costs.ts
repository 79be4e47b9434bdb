/**
 * Placement cost by setting as an export table (docs/model.md §3.2, §6.8): one row per setting and
 * a total row, one column per financial year, in pounds at full precision (a spreadsheet adds them
 * up; the screen shows £m). Read from `placementCosts` (model/placement-costs.ts).
 */
import type { DataTable } from '../io/table';
import { tidy } from '../io/long-csv';
import type { PlacementCosts } from '../model/placement-costs';

export { placementCosts, costBySettingMetric } from '../model/placement-costs';
export type { PlacementCosts, PlacementCostRow } from '../model/placement-costs';

/**
 * The export table of a scenario's placement cost by setting.
 * @example tableToCsv(placementCostTable(placementCosts(result, dataset.settings), 'Kingston upon Thames'))
 * // 'Placement setting,2021/22,2022/23,…\nMainstream schools or academies,…'
 */
export function placementCostTable(costs: PlacementCosts, authority = ''): DataTable {
	const money = { kind: 'number' as const, format: '£#,##0.00;-£#,##0.00', width: 16 };
	return {
		name: 'Placement cost by setting',
		title: `${authority ? authority + ': ' : ''}placement cost by setting (£) — ${costs.scenarioName}`,
		columns: [
			{ label: 'Placement setting', kind: 'text', width: 44 },
			...costs.years.map((y) => ({ ...money, label: y }))
		],
		rows: [
			...costs.rows.map((r) => [r.label, ...r.values.map(tidy)]),
			['All settings (placement cost)', ...costs.totals.map(tidy)]
		],
		notes: [
			`Scenario: ${costs.scenarioName}. Caseload at the January census in each financial year × unit cost with inflation, in pounds (expected projection).`,
			'The settings add up to the placement cost; other high needs spend is not included.'
		]
	};
}
