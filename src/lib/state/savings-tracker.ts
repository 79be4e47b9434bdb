/**
 * The savings tracker as an export table (docs/model.md §3.5, §6.8; decision 0028): one row per
 * savings line, financial year and period (its four quarters, then the whole year), and the same
 * for all lines together, with target, expected, actual and variance in pounds at full precision.
 * A file of its own (the Report's export menu), not part of the long CSV of results: its periods
 * are quarters and its actuals belong to the dataset, not to a scenario's projection.
 */
import type { CellValue, DataTable } from '../io/table';
import { tidy } from '../io/long-csv';
import type { SavingsLine } from '../model/dataset';
import type { ScenarioResult } from '../model/results';
import type { SavingsTracker, TrackerCell, TrackerYear } from '../model/savings-tracker';
import { savingsTracker } from '../model/savings-tracker';

export { savingsTracker } from '../model/savings-tracker';
export type {
	SavingsTracker,
	TrackerCell,
	TrackerLine,
	TrackerYear
} from '../model/savings-tracker';

/**
 * The tracker of a page: null while the result lacks a line's `savings:<id>` row (a line added
 * since the last projection; the tracker comes back when the projection is redone) or when there
 * are no savings lines.
 * @example savingsTrackerOf(dataset.finance.savings, projectionResult)?.total[0].total.target
 */
export function savingsTrackerOf(
	lines: readonly SavingsLine[],
	result: ScenarioResult | undefined
): SavingsTracker | null {
	if (!result || lines.length === 0) return null;
	const names = new Set(result.metrics.map((m) => m.name));
	if (lines.some((l) => !names.has(`savings:${l.id}`))) return null;
	return savingsTracker(lines, result);
}

/** The label of a period: `Q1 (Apr–Jun)` … or `Whole year`. */
export function periodLabel(cell: TrackerCell): string {
	const m = /-Q([1-4])$/.exec(cell.period);
	if (!m) return 'Whole year';
	return `Q${m[1]} (${['Apr–Jun', 'Jul–Sep', 'Oct–Dec', 'Jan–Mar'][Number(m[1]) - 1]})`;
}

const pounds = (v: number | null): CellValue => (v === null ? null : tidy(v));

function rowsOf(name: string, years: readonly TrackerYear[]): CellValue[][] {
	return years.flatMap((y) =>
		[...y.quarters, y.total].map((c) => [
			name,
			y.year,
			periodLabel(c),
			pounds(c.target),
			pounds(c.expected),
			pounds(c.actual),
			pounds(c.variance)
		])
	);
}

/**
 * The export table of a tracker.
 * @example tableToCsv(savingsTrackerTable(savingsTracker(dataset.finance.savings, result), 'Kingston upon Thames'))
 * // 'Savings line,Financial year,Period,Target (£),Expected (£),Actual (£),Variance (£)\n…'
 */
export function savingsTrackerTable(tracker: SavingsTracker, authority = ''): DataTable {
	const money = { kind: 'number' as const, format: '£#,##0.00;-£#,##0.00', width: 16 };
	return {
		name: 'Savings tracker',
		title: `${authority ? authority + ': ' : ''}savings tracker (£) — expected delivery from ${tracker.scenarioName}`,
		columns: [
			{ label: 'Savings line', kind: 'text', width: 48 },
			{ label: 'Financial year', kind: 'text', width: 12 },
			{ label: 'Period', kind: 'text', width: 14 },
			{ ...money, label: 'Target (£)' },
			{ ...money, label: 'Expected (£)' },
			{ ...money, label: 'Actual (£)' },
			{ ...money, label: 'Variance (£)' }
		],
		rows: [
			...tracker.lines.flatMap((l) => rowsOf(l.name, l.years)),
			...rowsOf('All savings lines', tracker.total)
		],
		notes: [
			`Target: the line's plan for the year. Expected: target × delivery in "${tracker.scenarioName}". Both are spread over the quarters by the line's timing, evenly when it gives none.`,
			'Actual: savings delivered as recorded; empty where none is recorded. Variance = actual − target of the quarters with an actual (a year: to date).',
			'Quarters of the financial year: Q1 is April to June.'
		]
	};
}
