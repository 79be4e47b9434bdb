import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
// The Quarter One report's own ratings (null where it gave none), as the report printed them.
import KINGSTON_SEED_RAG from '../../fixtures/kingston-seed-rag.json';
import { kingstonScenarios, MAY_PROJECTION, SVA_PLAN } from '$lib/data/kingston-scenarios';
import { computeKpi, periodTarget, rateKpi, suggestRag } from '$lib/engine/kpi';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import type { Kpi } from '$lib/model/kpi';

const dataset = kingstonDataset();
const kpi = (ref: string): Kpi => dataset.kpis.find((k) => k.ref === ref)!;

describe('period targets', () => {
	it('pro-rates a level from its baseline: KPI 1 is 1,429 + (1,537 − 1,429) × 2/12 = 1,447', () => {
		expect(periodTarget(kpi('1'))).toBe(1447);
	});

	it('pro-rates a flow from zero: KPI 2 is 7% × 2/12 = 1.17%', () => {
		expect(periodTarget(kpi('2'))).toBeCloseTo(0.07 / 6, 12);
		expect((periodTarget(kpi('2'))! * 100).toFixed(2)).toBe('1.17');
	});

	it('uses the annual figure for annual and annual – in plan KPIs', () => {
		expect(periodTarget(kpi('3'))).toBe(1537);
		expect(periodTarget(kpi('14'))).toBe(28_607_000);
	});

	it('has no target where the seed has none', () => {
		expect(periodTarget(kpi('6a'))).toBeNull();
		expect(periodTarget(kpi('36'))).toBeNull();
	});
});

describe('the RAG rule', () => {
	const lower = { direction: 'lower' as const, amberTolerance: 0.005, redTolerance: null };

	it('rates Green at or better than target', () => {
		expect(suggestRag(1447, 1447, lower)).toBe('G');
		expect(suggestRag(31_680_146, 31_791_000, lower)).toBe('G');
	});

	it('rates Green within 0.5% of target on the adverse side (KPI 13: £3,485k against £3,482k)', () => {
		expect(suggestRag(3_485_000, 3_482_000, lower)).toBe('G');
	});

	it('rates Amber when adverse by more than the amber tolerance', () => {
		expect(suggestRag(1550, 1537, lower)).toBe('A');
	});

	it('rates Red only beyond a red tolerance the user sets', () => {
		expect(suggestRag(1700, 1537, lower)).toBe('A');
		expect(suggestRag(1700, 1537, { ...lower, redTolerance: 0.05 })).toBe('R');
	});

	it('reads "higher is better" the other way round', () => {
		const higher = { direction: 'higher' as const, amberTolerance: 0.005, redTolerance: null };
		expect(suggestRag(309_967, 666_000, higher)).toBe('A');
		expect(suggestRag(25_896_881, 25_897_000, higher)).toBe('G');
	});

	it('does not rate without a direction, a target or a value', () => {
		expect(suggestRag(1, null, lower)).toBeNull();
		expect(suggestRag(null, 1, lower)).toBeNull();
		expect(suggestRag(1, 1, { ...lower, direction: null })).toBeNull();
	});

	it.each(Object.entries(KINGSTON_SEED_RAG))(
		'reproduces the seed’s rating of KPI %s (%s)',
		(ref, rag) => {
			expect(rateKpi(kpi(ref)).rating).toBe(rag);
		}
	);

	it('marks a user override, keeps its comment and still reports the rule’s suggestion', () => {
		const k = {
			...kpi('24'),
			override: { rating: 'G' as const, comment: 'Savings back-loaded to September' }
		};
		const r = rateKpi(k);
		expect(r).toEqual({
			rating: 'G',
			suggested: 'A',
			overridden: true,
			comment: 'Savings back-loaded to September'
		});
	});
});

describe('KPIs computed from the model', () => {
	const prepared = prepareDataset(dataset);
	const plan = runExpected(
		prepared,
		kingstonScenarios().find((s) => s.name === SVA_PLAN)!
	);
	const may = runExpected(
		prepared,
		kingstonScenarios().find((s) => s.name === MAY_PROJECTION)!
	);

	it('agree with the seed’s targets for the financial model', () => {
		expect(computeKpi('ehcp_total', plan, 0, dataset)).toBeCloseTo(1537, 6);
		expect(computeKpi('ehcp_joiners', plan, 0, dataset)).toBeCloseTo(172, 6);
		expect(computeKpi('net_hnb_deficit', plan, 0, dataset)).toBeCloseTo(5_432_000, 4);
		expect(computeKpi('hnb_expenditure_after_savings', plan, 0, dataset)).toBeCloseTo(
			31_791_000,
			4
		);
		expect(computeKpi('in_year_dsg_deficit', plan, 0, dataset)).toBeCloseTo(3_482_000, 4);
		expect(computeKpi('cumulative_deficit_before_sv', plan, 0, dataset)).toBeCloseTo(28_607_000, 4);
		expect(computeKpi('cumulative_deficit_after_sv', plan, 0, dataset)).toBeCloseTo(11_607_000, 4);
		expect(computeKpi('savings_total', plan, 0, dataset)).toBeCloseTo(1_261_000, 4);
		expect(Math.round(computeKpi('average_cost_ehcp', plan, 0, dataset)!)).toBe(20_684);
		expect((computeKpi('funding_gap_pct', plan, 0, dataset)! * 100).toFixed(2)).toBe('-22.76');
	});

	it('agree with the seed’s May column to the £1k it prints', () => {
		expect(computeKpi('ehcp_total', may, 0, dataset)).toBeCloseTo(1550, 6);
		expect(Math.round(computeKpi('net_hnb_deficit', may, 0, dataset)! / 1000) * 1000).toBe(
			5_120_000
		);
		expect(computeKpi('hnb_expenditure_after_savings', may, 0, dataset)).toBeCloseTo(31_680_146, 4);
		expect(Math.round(computeKpi('in_year_dsg_deficit', may, 0, dataset)! / 1000) * 1000).toBe(
			3_485_000
		);
		expect(
			Math.round(computeKpi('cumulative_deficit_before_sv', may, 0, dataset)! / 1000) * 1000
		).toBe(27_886_000);
		expect(
			Math.round(computeKpi('cumulative_deficit_after_sv', may, 0, dataset)! / 1000) * 1000
		).toBe(10_886_000);
		expect(computeKpi('savings_total', may, 0, dataset)).toBeCloseTo(527_426, 4);
		expect((computeKpi('funding_gap_pct', may, 0, dataset)! * 100).toFixed(2)).toBe('-22.33');
		expect(computeKpi('hnb_allocation', may, 0, dataset)).toBe(25_896_881);
		expect(computeKpi('block_transfers', may, 0, dataset)).toBe(662_800);
	});
});
