import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios, MAY_PROJECTION, SVA_PLAN } from '$lib/data/kingston-scenarios';
import { projectExpected } from '$lib/engine/project';
import { compile, prepareDataset, resultOf } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import { COST_LABEL, dsgGrid, dsgGridTable, roundGrid } from '$lib/io/dsg-grid';
import { tableToCsv } from '$lib/io/table';
import { AGE_BANDS, DSG_CATEGORIES } from '$lib/model/categories';
import { createProjectionApi } from '../../../workers/projection-api';

const dataset = kingstonDataset();
const prepared = prepareDataset(dataset);
const scenario = (name: string) => kingstonScenarios().find((s) => s.name === name)!;

function gridOf(name: string) {
	const c = compile(prepared, scenario(name));
	const p = projectExpected(c);
	return { c, p, grid: dsgGrid(c, p), result: resultOf(c, p.values, p.firstBreach) };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('the DSG management plan grid', () => {
	const { grid, result } = gridOf(SVA_PLAN);

	it('has the 7 placement categories × 5 age bands for the base census and each projected one', () => {
		expect(grid.categories.map((c) => c.id)).toEqual(DSG_CATEGORIES.map((c) => c.id));
		expect(grid.bands.map((b) => b.id)).toEqual(AGE_BANDS.map((b) => b.id));
		expect(grid.censuses).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
		expect(grid.counts).toHaveLength(7);
		for (const byBand of grid.counts) {
			expect(byBand).toHaveLength(5);
			for (const byCensus of byBand) expect(byCensus).toHaveLength(6);
		}
	});

	it('keeps every child: its cells add up to the base caseload and to each projected total', () => {
		expect(sum(grid.counts.flatMap((b) => b.map((c) => c[0]))) + grid.unbanded[0]).toBeCloseTo(
			1436,
			9
		);
		const totals = metricValues(result, 'ehcp_total');
		totals.forEach((total, k) => expect(grid.totals[k + 1]).toBeCloseTo(total, 9));
		expect(grid.totals[1]).toBeCloseTo(1537, 6); // the plan's January 2022
	});

	it('agrees with the projection’s EHCPs by age band, category by category', () => {
		AGE_BANDS.forEach((band, b) => {
			const byBand = metricValues(result, `ehcp_by_age_band:${band.id}`);
			byBand.forEach((v, k) => expect(sum(grid.counts.map((c) => c[b][k + 1]))).toBeCloseTo(v, 9));
		});
	});

	it('agrees with the projection’s EHCPs by setting rolled up to DSG categories', () => {
		DSG_CATEGORIES.forEach((cat, c) => {
			const settings = dataset.settings.filter((s) => s.group === cat.id);
			const expected = result.censuses.map((_, k) =>
				sum(settings.map((s) => metricValues(result, `ehcp_by_setting:${s.id}`)[k]))
			);
			expected.forEach((v, k) =>
				expect(sum(grid.counts[c].map((x) => x[k + 1]))).toBeCloseTo(v, 9)
			);
		});
	});

	it('has no under-16s in post-16 settings', () => {
		const post16 = DSG_CATEGORIES.findIndex((c) => c.id === 'post_16_fe');
		for (const b of [0, 1, 2]) expect(grid.counts[post16][b].every((n) => n === 0)).toBe(true);
	});

	it('rounds to whole children keeping each census total', () => {
		const whole = roundGrid(grid);
		whole.censuses.forEach((_, t) => {
			const cells = whole.counts.flatMap((b) => b.map((c) => c[t]));
			expect(cells.every(Number.isInteger)).toBe(true);
			expect(sum(cells) + whole.unbanded[t]).toBe(Math.round(grid.totals[t]));
		});
	});

	it('is a table of category × band rows with totals, one column per census', () => {
		const table = dsgGridTable(grid);
		expect(table.columns.map((c) => c.label)).toEqual([
			'Placement category',
			'Age band',
			'Jan 2021 (actual)',
			'Jan 2022',
			'Jan 2023',
			'Jan 2024',
			'Jan 2025',
			'Jan 2026'
		]);
		expect(table.rows).toHaveLength(7 * 6 + 1 + 7 + 1);
		const all = table.rows[7 * 6];
		expect(all.slice(0, 4)).toEqual(['All categories', 'All ages', 1436, 1537]);
		const csv = tableToCsv(table).split('\n');
		expect(csv[1]).toMatch(/^Mainstream schools or academies,Under 5,\d+,/);
	});

	it('has placement cost rows per category, in pounds per financial year, adding up to placement_cost', () => {
		expect(grid.years).toEqual(['2021/22', '2022/23', '2023/24', '2024/25', '2025/26']);
		const placement = metricValues(result, 'placement_cost');
		placement.forEach((v, k) =>
			expect(Math.abs(sum(grid.costs.map((c) => c[k])) - v)).toBeLessThan(0.005)
		);
		DSG_CATEGORIES.forEach((cat, c) => {
			const settings = dataset.settings.filter((s) => s.group === cat.id);
			const expected = result.years.map((_, k) =>
				sum(settings.map((s) => metricValues(result, `placement_cost_by_setting:${s.id}`)[k]))
			);
			expect(grid.costs[c]).toEqual(expected);
		});
		const table = dsgGridTable(grid);
		const costRows = table.rows.filter((r) => r[1] === COST_LABEL);
		expect(costRows.map((r) => r[0])).toEqual([
			...DSG_CATEGORIES.map((c) => c.label),
			'All categories'
		]);
		// No cost at the base census (an actual); pounds unrounded, unlike the children.
		for (const r of costRows) expect(r[2]).toBeNull();
		const total = costRows.at(-1)!.slice(3) as { value: number }[];
		total.forEach((cell, k) => expect(Math.abs(cell.value - placement[k])).toBeLessThan(0.005));
		const csv = tableToCsv(table).trim().split('\n');
		expect(csv.at(-1)).toMatch(
			/^All categories,Placement cost \(£ in the financial year\),,\d+(\.\d+)?,/
		);
	});

	it('differs between scenarios that differ in demand', () => {
		const may = gridOf(MAY_PROJECTION).grid;
		expect(may.totals[1]).toBeCloseTo(1550, 6);
		expect(may.counts[0][0][0]).toBe(grid.counts[0][0][0]);
	});

	it('is what the projection worker’s API returns for a scenario', () => {
		const api = createProjectionApi();
		api.prepare(dataset);
		const viaApi = api.dsgGrid(scenario(SVA_PLAN));
		expect(viaApi.counts).toEqual(grid.counts);
		expect(viaApi.censuses).toEqual(grid.censuses);
	});
});
