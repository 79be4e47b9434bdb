/**
 * Placement cost by setting (docs/model.md §3.2): each setting's caseload × its unit cost in the
 * financial year, rows that add up to `placement_cost`. Hand-computed on a two-setting scenario.
 */
import { describe, expect, it } from 'vitest';
import { baseUnitCosts, placementCost } from '$lib/engine/costs';
import { COST_BY_SETTING_PREFIX, metricLayout } from '$lib/engine/metrics';
import { projectExpected } from '$lib/engine/project';
import type { CompiledScenario } from '$lib/engine/scenario';
import { createStateSpace, stateIndex } from '$lib/engine/space';
import { resultOf } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import { assumption } from '$lib/model/provenance';
import { quietStep, setting } from './fixtures';

/**
 * Two settings open at NCY 0–3, no joiners, leavers or movers: 10 children in "school" and 5 in
 * "college" at NCY 0 age on each year. School costs £10,000 a year throughout; college £30,000 in
 * 2021/22, then 10% more in 2022/23 (£33,000).
 */
function twoSettings(): CompiledScenario {
	const space = createStateSpace(
		['ALL'],
		[setting('school', 0, 3), setting('college', 0, 3)],
		0,
		3
	);
	const at = (ncy: number, id: string) => stateIndex(space, ncy, 0, space.settingIndex.get(id)!);
	const base = new Float64Array(space.size);
	base[at(0, 'school')] = 10;
	base[at(0, 'college')] = 5;
	const costs = (school: number, college: number) =>
		baseUnitCosts(space, [
			{ setting: 'school', need: null, cost: assumption(school, 'test') },
			{ setting: 'college', need: null, cost: assumption(college, 'test') }
		]);
	const zeros = () => new Float64Array(2);
	return {
		scenarioId: 'two',
		scenarioName: 'Two settings',
		space,
		baseCensus: 2021,
		base,
		censuses: [2022, 2023],
		years: ['2021/22', '2022/23'],
		steps: [quietStep(space, 2022), quietStep(space, 2023)],
		unitCosts: [costs(10_000, 30_000), costs(10_000, 33_000)],
		finance: {
			opening: 0,
			pinned: [false, false],
			hnbAllocation: zeros(),
			blockTransfers: zeros(),
			otherBlocksVariance: zeros(),
			generalFund: zeros(),
			svFundingCumulative: zeros(),
			cap: Float64Array.of(1e9, 1e9),
			pinnedExpenditure: Float64Array.of(NaN, NaN),
			otherSpend: zeros(),
			oneOff: zeros(),
			savings: [],
			structural: [],
			svWithholding: false
		},
		layout: metricLayout(space, []),
		savingsLines: [],
		estimator: 'pooled',
		calibration: { joiners: [1, 1], leavers: [1, 1] },
		calibrationPlacementCost: NaN,
		uncertainty: null,
		warnings: []
	};
}

describe('placement cost by setting', () => {
	const c = twoSettings();
	const p = projectExpected(c);
	const result = resultOf(c, p.values, p.firstBreach);
	const cost = (id: string) => metricValues(result, `${COST_BY_SETTING_PREFIX}${id}`);

	it('is each setting’s caseload times its unit cost in each financial year', () => {
		expect(cost('school')).toEqual([100_000, 100_000]);
		expect(cost('college')).toEqual([150_000, 165_000]);
	});

	it('adds up to placement_cost in every year', () => {
		expect(metricValues(result, 'placement_cost')).toEqual([250_000, 265_000]);
	});

	it('follows the placement_cost row, one finance row per setting in the dataset’s order', () => {
		const names = c.layout.defs.map((d) => d.name);
		const at = names.indexOf('placement_cost');
		expect(names.slice(at, at + 3)).toEqual([
			'placement_cost',
			'placement_cost_by_setting:school',
			'placement_cost_by_setting:college'
		]);
		expect(c.layout.defs[at + 1]).toMatchObject({ kind: 'finance', unit: 'gbp' });
	});

	it('agrees with placementCost of the same stock', () => {
		expect(placementCost(p.stocks[2], c.unitCosts[1])).toBe(265_000);
	});
});
