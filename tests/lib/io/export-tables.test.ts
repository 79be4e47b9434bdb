import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { tableToCsv } from '$lib/io/table';
import {
	comparisonSlideTable,
	deficitExportTable,
	kpiExportTable,
	scenarioComparisonTable
} from '$lib/io/export-tables';

const dataset = kingstonDataset();

describe('the KPI export table', () => {
	it('has one row per KPI with figures as numbers and RAG written as a letter', () => {
		const table = kpiExportTable(dataset.kpis);
		expect(table.rows).toHaveLength(39);
		const csv = tableToCsv(table).split('\n');
		expect(csv[0]).toBe(
			'Ref,Key performance indicator,Unit,Baseline,Target (period),Annual target,Reported,Months elapsed,RAG,Overridden,Rule suggests,Comment,Target derivation,Category,Computed by model'
		);
		expect(csv[1]).toBe(
			'1,Actual EHCPs,count,1429,1447,1537,1447,2,G,no,G,"1,537 full year target, 1,447 for 2 months",pro rata,demand management,'
		);
		expect(csv.find((l) => l.startsWith('14,'))).toContain(
			',24401000,28607000,28607000,27886000,2,G,'
		);
	});

	it('writes the model’s value beside the reported one, without floating-point dust', () => {
		const table = kpiExportTable(dataset.kpis, {
			modelValues: { '3': 1549.9999999999989 },
			modelLabel: 'May'
		});
		const row = tableToCsv(table)
			.split('\n')
			.find((l) => l.startsWith('3,'))!;
		expect(row.endsWith(',1550')).toBe(true);
	});

	it('marks an override and keeps the rule’s suggestion', () => {
		const kpis = dataset.kpis.map((k) =>
			k.ref === '24' ? { ...k, override: { rating: 'G' as const, comment: 'Back-loaded' } } : k
		);
		const row = tableToCsv(kpiExportTable(kpis))
			.split('\n')
			.find((l) => l.startsWith('24,'))!;
		expect(row).toContain(',G,yes,A,Back-loaded,');
	});
});

describe('chart and comparison tables', () => {
	const prepared = prepareDataset(dataset);
	const results = kingstonScenarios().map((s) => runExpected(prepared, s));

	it('put the deficit chart’s series and the cap by year, in pounds', () => {
		const csv = tableToCsv(
			deficitExportTable(
				['2021/22', '2022/23'],
				[{ label: 'Plan', values: [28_607_000.0000001, 29e6] }],
				[28_607_000, 30e6]
			)
		);
		expect(csv).toBe(
			'Financial year,Plan,Cap (maximum cumulative deficit)\n2021/22,28607000,28607000\n2022/23,29000000,30000000\n'
		);
	});

	it('add each simulated series’ p5 and p95 beside it, with a note saying what they are', () => {
		const table = deficitExportTable(
			['2021/22', '2022/23'],
			[
				{ label: 'Plan', values: [1e6, 2e6], band: { low: [0.9e6, 1.5e6], high: [1.1e6, NaN] } },
				{ label: 'Trend', values: [3e6, 4e6], band: null }
			],
			[5e6, 5e6]
		);
		expect(tableToCsv(table)).toBe(
			'Financial year,Plan,Plan p5,Plan p95,Trend,Cap (maximum cumulative deficit)\n' +
				'2021/22,1000000,900000,1100000,3000000,5000000\n' +
				'2022/23,2000000,1500000,,4000000,5000000\n'
		);
		expect(table.notes?.[0]).toMatch(/5th and 95th percentiles/);
	});

	it('put a signed-off comparison slide’s frozen figures in a table, one row per scenario', () => {
		const csv = tableToCsv(
			comparisonSlideTable({
				years: ['2021/22', '2022/23'],
				lastCensus: 2023,
				rows: [
					{
						id: 'a',
						name: 'Plan',
						deficit: 27e6,
						headroom: 3e6,
						ehcps: 1600.4,
						firstBreach: null,
						headroomByYear: [1.5e6, 3e6]
					},
					{
						id: 'b',
						name: 'Trend',
						deficit: null,
						headroom: -2e6,
						ehcps: 1700,
						firstBreach: '2022/23',
						headroomByYear: [0, null]
					}
				]
			})
		);
		expect(csv).toBe(
			'Scenario,Headroom 2021/22,Headroom 2022/23,Deficit 2022/23,EHCPs Jan 2023,First year over the cap\n' +
				'Plan,1500000,3000000,27000000,1600.4,none\n' +
				'Trend,0,,,1700,2022/23\n'
		);
	});

	it('compare every scenario on each measure by year, with its first year over the cap', () => {
		const table = scenarioComparisonTable(results);
		expect(table.rows).toHaveLength(results.length * 4);
		expect(table.columns.at(-1)!.label).toBe('First year over the cap');
		const plan = table.rows[0];
		expect(plan.slice(0, 2)).toEqual([
			'SVA financial model 2021/22',
			'Cumulative deficit before SV funding'
		]);
		expect(plan[2]).toEqual({ value: 28_607_000, format: '£#,##0;-£#,##0' });
	});
});
