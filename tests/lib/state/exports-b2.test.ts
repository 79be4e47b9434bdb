/**
 * The export tables of the placement cost by setting and of the savings tracker (docs/model.md
 * §3.2, §3.5, §6.8): pounds at full precision, rows that add up.
 */
import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { MAY_PROJECTION, kingstonScenarios } from '$lib/data/kingston-scenarios';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { tableToCsv } from '$lib/io/table';
import { imported } from '$lib/model/provenance';
import { metricValues } from '$lib/model/results';
import { placementCostTable, placementCosts } from '$lib/state/placement-costs';
import { savingsTrackerOf, savingsTrackerTable } from '$lib/state/savings-tracker';

const dataset = kingstonDataset();
dataset.finance.savings[0].actuals = { '2021-Q2': imported(20_000, 'actual: test') };
const result = runExpected(
	prepareDataset(dataset),
	kingstonScenarios().find((s) => s.name === MAY_PROJECTION)!
);

describe('placementCostTable', () => {
	it('has a row per setting and a total row equal to placement_cost, a column per year', () => {
		const table = placementCostTable(placementCosts(result, dataset.settings), 'Kingston');
		expect(table.columns.map((c) => c.label)).toEqual(['Placement setting', ...result.years]);
		expect(table.rows.map((r) => r[0])).toEqual([
			...dataset.settings.map((s) => s.name),
			'All settings (placement cost)'
		]);
		const placement = metricValues(result, 'placement_cost');
		result.years.forEach((_, k) => {
			const parts = table.rows.slice(0, -1).reduce((a, r) => a + (r[k + 1] as number), 0);
			expect(Math.abs(parts - placement[k])).toBeLessThan(0.005);
			expect(Math.abs((table.rows.at(-1)![k + 1] as number) - placement[k])).toBeLessThan(1e-5);
		});
	});

	it('refuses a result without the rows, naming the metric', () => {
		expect(() => placementCosts({ ...result, metrics: [] }, [dataset.settings[0]])).toThrow(
			/has no placement_cost_by_setting:mainstream/
		);
	});
});

describe('savingsTrackerTable', () => {
	const tracker = savingsTrackerOf(dataset.finance.savings, result)!;
	const table = savingsTrackerTable(tracker, 'Kingston');

	it('has five rows (four quarters and the year) per line and year, then the total', () => {
		expect(table.rows).toHaveLength((dataset.finance.savings.length + 1) * result.years.length * 5);
		const csv = tableToCsv(table).split('\n');
		expect(csv[0]).toBe(
			'Savings line,Financial year,Period,Target (£),Expected (£),Actual (£),Variance (£)'
		);
		// SRP places: a £71,000 target a year, evenly; the May projection expects £56,000 of it;
		// £20,000 recorded in Q2 against £17,750.
		const expected = metricValues(result, 'savings:srp_places')[0];
		expect(expected).toBeCloseTo(56_000, 6);
		expect(csv[2]).toBe(
			'Increased places in Specialist Resource Provisions (SRP),2021/22,Q2 (Jul–Sep),17750,14000,20000,2250'
		);
		expect(csv[5]).toBe(
			'Increased places in Specialist Resource Provisions (SRP),2021/22,Whole year,71000,56000,20000,2250'
		);
	});

	it('is null while the result lacks a line’s savings row', () => {
		const extra = { ...dataset.finance.savings[0], id: 'new_line' };
		expect(savingsTrackerOf([...dataset.finance.savings, extra], result)).toBeNull();
		expect(savingsTrackerOf([], result)).toBeNull();
	});
});
