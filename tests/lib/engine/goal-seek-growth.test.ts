/**
 * Goal seek in the plan's own terms (docs/model.md §2.7, decision 0027), on a dataset small enough
 * to answer by hand, and "add as lever" replacing the lever it solved for.
 *
 * The hand-checked case: one placement costing £10,000 a year (no inflation), 1,000 children in
 * January 2021, an HNB allocation of £10,000,000 in each of 2021/22 and 2022/23, nothing else in
 * the ledger, an opening deficit of £0. 2021/22 is pinned at £10,000,000 of spend (so non-placement
 * spend is calibrated to 1,000 × £10,000 − £10,000,000 = £0) and the scenario holds the total at
 * 1,000 in January 2022 (a 0% total growth lever in 2021/22). With total growth r from 2022/23:
 *   January 2023 total = 1,000 × (1 + r); 2022/23 spend = £10,000 × 1,000 × (1 + r)
 *   in-year deficit = £10,000,000 × (1 + r) − £10,000,000 = £10,000,000 × r
 *   cumulative deficit at 2022/23 = £0 (2021/22) + £10,000,000 × r  ≤ cap £523,456
 *   ⇔ r ≤ 0.0523456, so on the 0.1% grid the answer is 5.2% (5.3% breaches by £6,544).
 * With N new plans a year from 2022/23 instead, January 2023 = 1,000 − L + N, where L is the
 * model's ceased plans in the step, so the cap holds while N ≤ L + 52.3456: N = floor(L + 52.3456).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '$lib/model/dataset';
import type { Lever, Scenario } from '$lib/model/scenario';
import { assumption } from '$lib/model/provenance';
import { goalSeek, withSoughtLever } from '$lib/engine/goal-seek';
import type { PreparedDataset } from '$lib/engine/workbench';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import { oneSettingDataset } from '../../fixtures/one-setting-dataset';
import { AGE_BAND_IDS } from '$lib/model/categories';

const fig = (v: number) => assumption(v, 'hand-checked case');
const years = (a: number, b: number) => ({ '2021/22': fig(a), '2022/23': fig(b) });

function handDataset(): Dataset {
	const d = oneSettingDataset({
		id: 'hand',
		name: 'Hand-checked',
		dataDate: '2021-01-31',
		baseCensus: 2021,
		horizonCensus: 2023,
		history: {
			caseloadTotal: [2018, 2019, 2020, 2021].map((year) => ({ year, count: fig(1000) })),
			caseloadByAgeBand: [2018, 2019, 2020, 2021].flatMap((year) =>
				AGE_BAND_IDS.map((band) => ({ year, band, count: fig(band === 'age_5_10' ? 1000 : 0) }))
			),
			newPlansByAgeBand: [2018, 2019, 2020].flatMap((year) =>
				AGE_BAND_IDS.map((band) => ({ year, band, count: fig(band === 'age_5_10' ? 100 : 0) }))
			)
		},
		estimation: {
			firstFlowYear: null,
			lastFlowYear: null,
			defaultEstimator: 'pooled',
			backtestHoldout: 1,
			pooling: 'none'
		},
		source: 'hand-checked case'
	});
	d.baseCaseload = [{ ncy: 3, need: 'ALL', setting: 'all', count: fig(1000) }];
	d.unitCosts = [{ setting: 'all', need: null, cost: fig(10_000) }];
	d.finance.lines = {
		hnb_allocation: years(10_000_000, 10_000_000),
		block_transfers: years(0, 0),
		hnb_expenditure_before_savings: { '2021/22': fig(10_000_000) },
		other_blocks_variance: years(0, 0),
		general_fund_contribution: years(0, 0),
		sv_funding_cumulative: years(0, 0),
		deficit_cap: years(1_000_000, 523_456),
		other_spend_inflation: years(0, 0),
		unit_cost_inflation: years(0, 0)
	};
	return d;
}

const hold: Lever = {
	id: 'hold',
	label: '',
	kind: 'total_growth',
	rate: 0,
	from: '2021/22',
	until: '2021/22'
};

function handScenario(levers: Lever[] = [hold]): Scenario {
	return {
		id: 's',
		name: 'Hand',
		parentId: null,
		role: 'none',
		description: '',
		openingCumulativeDeficit: null,
		ledger: {},
		savingsDelivery: {},
		demand: { estimator: 'pooled', leaverEstimator: 'pooled', flowTargets: [] },
		levers,
		monteCarlo: { simulations: 100, seed: 50 }
	};
}

let prepared: PreparedDataset;
beforeAll(() => {
	prepared = prepareDataset(handDataset());
});

describe('goal seek for total growth', () => {
	it('finds the hand-computed 5.2% a year from the first year not pinned', () => {
		const s = handScenario();
		const r = goalSeek(prepared, s, { kind: 'total_growth' }, { mode: { kind: 'expected' } });
		expect(r.status).toBe('found');
		expect(r.from).toBe('2022/23');
		expect(r.value).toBeCloseTo(0.052, 9);
		expect(r.outcome?.tightestYear).toBe('2022/23');
		// Headroom at 5.2%: £523,456 − £520,000.
		expect(r.outcome?.tightestHeadroom).toBeCloseTo(3_456, 0);
		expect(r.lever).toMatchObject({
			kind: 'total_growth',
			rate: 0.052,
			from: '2022/23',
			until: null
		});
		// The 0% lever of 2021/22 is another window: the answer is added, not put in its place.
		expect(r.replaces).toBeNull();
		expect(r.levers!.map((l) => l.id)).toEqual(['hold', 'goal-seek-total-growth']);
	});

	it('checks the hand computation on the projection itself: 5.2% stays under, 5.3% breaches', () => {
		const at = (rate: number) =>
			runExpected(
				prepared,
				handScenario([hold, { ...hold, id: 'g', rate, from: '2022/23', until: null }])
			);
		const total = metricValues(at(0.052), 'ehcp_total');
		expect(total[0]).toBeCloseTo(1000, 6);
		expect(total[1]).toBeCloseTo(1052, 6);
		expect(metricValues(at(0.052), 'cumulative_deficit_before_sv')[1]).toBeCloseTo(520_000, 0);
		expect(metricValues(at(0.053), 'cumulative_deficit_before_sv')[1]).toBeCloseTo(530_000, 0);
	});

	it('finds the largest number of new plans a year the same way', () => {
		const s = handScenario();
		const r = goalSeek(prepared, s, { kind: 'new_plans' }, { mode: { kind: 'expected' } });
		const plain = runExpected(prepared, handScenario());
		const leavers = metricValues(plain, 'ehcp_leavers')[1];
		expect(r.status).toBe('found');
		expect(r.value).toBe(Math.floor(leavers + 52.3456));
		expect(r.lever).toMatchObject({ kind: 'new_plans', basis: 'count', from: '2022/23' });
	});
});

describe('"add as lever" leaves one lever', () => {
	it('a second goal seek replaces the lever the first one added, in its place and with its id', () => {
		const first = goalSeek(
			prepared,
			handScenario(),
			{ kind: 'total_growth' },
			{
				mode: { kind: 'expected' }
			}
		);
		const after = handScenario(first.levers!);
		const again = goalSeek(
			prepared,
			after,
			{ kind: 'total_growth' },
			{
				mode: { kind: 'expected' }
			}
		);
		// Not stacked on the earlier answer: the same answer, in the same lever.
		expect(again.value).toBeCloseTo(0.052, 9);
		expect(again.replaces).toBe('goal-seek-total-growth');
		expect(
			again.levers!.filter((l) => l.kind === 'total_growth' && l.from === '2022/23')
		).toHaveLength(1);
		expect(again.levers).toHaveLength(2);
	});

	it('replaces a lever of the same kind over the same window; adds one for another band or window', () => {
		const user: Lever = {
			id: 'mine',
			label: 'Growth 9%',
			kind: 'joiners',
			multiplier: 1.09,
			band: null,
			from: '2022/23',
			until: null
		};
		const answer: Lever = { ...user, id: 'goal-seek-new-plans', label: '', multiplier: 0.95 };
		const r = withSoughtLever([hold, user], answer);
		expect(r.replaces).toBe('mine');
		expect(r.levers).toEqual([hold, { ...answer, id: 'mine' }]);
		expect(withSoughtLever([user], { ...answer, band: 'age_5_10' }).levers).toHaveLength(2);
		expect(withSoughtLever([user], { ...answer, from: '2023/24' }).levers).toHaveLength(2);
	});

	it('lets total growth and N new plans replace each other: both set the number of new plans', () => {
		const n: Lever = {
			id: 'n',
			label: '',
			kind: 'new_plans',
			basis: 'count',
			value: 150,
			from: '2022/23',
			until: null
		};
		const growth: Lever = {
			...hold,
			id: 'goal-seek-total-growth',
			rate: 0.05,
			from: '2022/23',
			until: null
		};
		const r = withSoughtLever([n], growth);
		expect(r.levers).toEqual([{ ...growth, id: 'n' }]);
	});
});
