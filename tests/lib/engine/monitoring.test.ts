import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios, MAY_PROJECTION, SVA_PLAN } from '$lib/data/kingston-scenarios';
import { financeRag, monitoringTable, toShownMillions } from '$lib/engine/monitoring';
import { prepareDataset, runExpected } from '$lib/engine/workbench';

/** The seed's "Kingston financial model monitoring" table, 2021/22, as printed. */
const SEED_TABLE: [string, number, number, number, 'G' | 'A'][] = [
	['HNB allocation', 25.897, 25.897, 0.0, 'G'],
	['Budget additions (transfers)', 0.462, 0.663, 0.201, 'G'],
	['Total budget', 26.359, 26.56, 0.201, 'G'],
	['HNB expenditure before savings', 33.052, 32.208, -0.844, 'G'],
	['Increased places in Specialist Resource Provisions (SRP)', -0.071, -0.056, 0.015, 'G'],
	['Review of SRP vacant place funding', -0.073, -0.041, 0.032, 'G'],
	['Increased special school places', -0.047, -0.042, 0.005, 'G'],
	['Development of post 16 offer', -0.12, -0.046, 0.074, 'A'],
	['Improved commissioning practice including annual reviews', -0.351, -0.107, 0.244, 'A'],
	['Contributions from other partners (health & social care)', -0.599, -0.235, 0.364, 'A'],
	['HNB expenditure after savings', 31.791, 31.68, -0.111, 'G'],
	['Net HNB deficit', 5.432, 5.12, -0.312, 'G'],
	['Variance in other DSG blocks', -0.75, -0.435, 0.315, 'A'],
	['General Fund Contribution', -1.2, -1.2, 0.0, 'G'],
	['Net HNB Deficit', 3.482, 3.485, 0.003, 'G'],
	['Net DSG deficit - cumulative before safety valve', 28.607, 27.886, -0.721, 'G'],
	['Net DSG deficit - cumulative after max safety valve', 11.607, 10.886, -0.721, 'G']
];

describe('the Kingston financial model monitoring table', () => {
	const dataset = kingstonDataset();
	const prepared = prepareDataset(dataset);
	const scenarios = kingstonScenarios();
	const plan = runExpected(
		prepared,
		scenarios.find((s) => s.name === SVA_PLAN)!
	);
	const may = runExpected(
		prepared,
		scenarios.find((s) => s.name === MAY_PROJECTION)!
	);
	const table = monitoringTable(plan, may, '2021/22', dataset.finance.savings);

	it('has the seed’s seventeen lines in the seed’s order', () => {
		expect(table.rows.map((r) => r.label)).toEqual(SEED_TABLE.map((r) => r[0]));
	});

	it.each(SEED_TABLE)(
		'prints %s as the seed does: %f, %f, variance %f, %s',
		(label, p, q, v, rag) => {
			const row = table.rows.find((r) => r.label === label)!;
			expect(row.planShown).toBe(p);
			expect(row.projectionShown).toBe(q);
			expect(row.varianceShown).toBe(v);
			expect(row.rag).toBe(rag);
		}
	);

	it('shows the −£119 allocation variance as 0.000, never −0.000', () => {
		const row = table.rows.find((r) => r.id === 'hnb_allocation')!;
		expect(row.projection - row.plan).toBe(-119);
		expect(Object.is(row.varianceShown, -0)).toBe(false);
	});

	it('reaches the exact cumulative deficits of kingston-facts.md', () => {
		const before = table.rows.find((r) => r.id === 'cumulative_deficit_before_sv')!;
		expect(before.plan).toBeCloseTo(28_607_000, 4);
		expect(before.projection).toBeCloseTo(27_886_465, 4);
		expect(before.projection - before.plan).toBeCloseTo(-720_535, 4);
	});

	it('rates the cumulative lines Red when the projection breaches its cap', () => {
		const over = { ...may, values: Float64Array.from(may.values) };
		const H = over.censuses.length;
		const row = over.metrics.findIndex((m) => m.name === 'cumulative_deficit_before_sv');
		over.values[row * H] = 28_608_000;
		const t = monitoringTable(plan, over, '2021/22', dataset.finance.savings);
		expect(t.rows.find((r) => r.id === 'cumulative_deficit_before_sv')!.rag).toBe('R');
	});
});

describe('shown values and finance RAG', () => {
	it('rounds pounds to £m at 3 decimals and folds −0 to 0', () => {
		expect(toShownMillions(-71_000)).toBe(-0.071);
		expect(toShownMillions(235_426)).toBe(0.235);
		expect(Object.is(toShownMillions(-119), 0)).toBe(true);
	});

	it('rates adverse by £50k or more Amber and less Green, whichever way is favourable', () => {
		expect(financeRag(0.05, 'lower')).toBe('A');
		expect(financeRag(0.049, 'lower')).toBe('G');
		expect(financeRag(-0.05, 'higher')).toBe('A');
		expect(financeRag(0.2, 'higher')).toBe('G');
		expect(financeRag(-0.844, 'lower')).toBe('G');
	});
});
