import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import {
	BASELINE_TREND,
	MAY_PROJECTION,
	SVA_PLAN,
	kingstonScenarios
} from '$lib/data/kingston-scenarios';
import { actualFigure, type Actuals } from '$lib/model/actuals';
import type { Scenario } from '$lib/model/scenario';
import {
	PLAN_KEPT_PREFIX,
	REBASED_PREFIX,
	applyActuals,
	isRebaseFigure,
	keepPlan,
	rebaseScenario
} from '$lib/engine/rebase';
import { compile, prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import { validateDataset } from '$lib/model/validate-dataset';

const kingston = kingstonDataset();
const scenarios = kingstonScenarios();
const prepared = prepareDataset(kingston);
const byName = (list: readonly Scenario[], name: string) => list.find((s) => s.name === name)!;
const plan = byName(scenarios, SVA_PLAN);

const census = (c: number, total: number) => ({
	census: c,
	total: actualFigure(total),
	byAgeBand: {},
	bySetting: {}
});

function apply(
	actuals: Actuals,
	planId: string | null = plan.id,
	from = prepared,
	list = scenarios
) {
	const out = applyActuals({ prepared: from, scenarios: list, planId, actuals });
	const next = prepareDataset(out.dataset);
	const result = (name: string) => runExpected(next, byName(out.scenarios, name));
	return { ...out, next, result };
}

describe('applyActuals: a census actual', () => {
	it('makes every following scenario pass through the actual, above or below its projection', () => {
		const baseline = runExpected(prepared, byName(scenarios, BASELINE_TREND));
		expect(metricValues(baseline, 'ehcp_total')[0]).toBeCloseTo(1591.19, 2);
		for (const actual of [1500, 1650]) {
			const r = apply({ caseload: [census(2022, actual)], spend: [] });
			for (const name of [MAY_PROJECTION, BASELINE_TREND]) {
				expect(metricValues(r.result(name), 'ehcp_total')[0]).toBeCloseTo(actual, 6);
			}
		}
	});

	it('takes an actual above the projection as more new plans, below as more ceasing', () => {
		const base = runExpected(prepared, byName(scenarios, BASELINE_TREND));
		const [joiners, leavers, projected] = ['ehcp_joiners', 'ehcp_leavers', 'ehcp_total'].map(
			(m) => metricValues(base, m)[0]
		);
		const up = apply({ caseload: [census(2022, 1600)], spend: [] }).result(BASELINE_TREND);
		expect(metricValues(up, 'ehcp_joiners')[0]).toBeCloseTo(joiners + (1600 - projected), 6);
		expect(metricValues(up, 'ehcp_leavers')[0]).toBeCloseTo(leavers, 6);
		const down = apply({ caseload: [census(2022, 1550)], spend: [] }).result(BASELINE_TREND);
		expect(metricValues(down, 'ehcp_joiners')[0]).toBeCloseTo(joiners, 6);
		expect(metricValues(down, 'ehcp_leavers')[0]).toBeCloseTo(leavers + (projected - 1550), 6);
	});

	it('passes through several censuses, the latest anchoring the years after it', () => {
		const r = apply({ caseload: [census(2022, 1560), census(2024, 1700)], spend: [] });
		const ehcps = metricValues(r.result(BASELINE_TREND), 'ehcp_total');
		expect(ehcps[0]).toBeCloseTo(1560, 6);
		expect(ehcps[2]).toBeCloseTo(1700, 6);
		expect(ehcps[3]).toBeGreaterThan(1700);
	});

	it('leaves the plan exactly as it was', () => {
		const before = runExpected(prepared, plan);
		const r = apply({ caseload: [census(2022, 1600)], spend: [] });
		expect(Array.from(r.result(SVA_PLAN).values)).toEqual(Array.from(before.values));
		expect(byName(r.scenarios, SVA_PLAN)).toEqual(plan);
	});

	it('replaces a scenario’s own flow target at that census, marking its figures as re-based', () => {
		const r = apply({ caseload: [census(2022, 1560)], spend: [] });
		const may = byName(r.scenarios, MAY_PROJECTION);
		const targets = may.demand.flowTargets.filter((t) => t.census === 2022);
		expect(targets).toHaveLength(1);
		expect(isRebaseFigure(targets[0].joiners)).toBe(true);
		expect(
			targets[0].joiners!.source.kind === 'derived' && targets[0].joiners!.source.formula
		).toMatch(
			new RegExp(`^${REBASED_PREFIX} of 1,560 EHCPs at January 2022: the projection gave 1,550`)
		);
		expect(r.notes).toContain(
			'May 2021 projection: January 2022 re-based to the actual 1,560 (projected 1,550), replacing the scenario’s own flow target for that year.'
		);
	});

	it('recomputes re-based targets when the actual changes, and drops them when it goes', () => {
		const first = apply({ caseload: [census(2022, 1560)], spend: [] });
		const again = apply(
			{ caseload: [census(2022, 1580)], spend: [] },
			plan.id,
			first.next,
			first.scenarios
		);
		expect(metricValues(again.result(BASELINE_TREND), 'ehcp_total')[0]).toBeCloseTo(1580, 6);
		const gone = apply({ caseload: [], spend: [] }, plan.id, again.next, again.scenarios);
		expect(byName(gone.scenarios, BASELINE_TREND).demand.flowTargets).toEqual([]);
		expect(metricValues(gone.result(BASELINE_TREND), 'ehcp_total')[0]).toBeCloseTo(1591.19, 2);
	});

	it('re-bases on the sum of every age band when no total is given', () => {
		const bands = {
			age_under_5: 40,
			age_5_10: 500,
			age_11_15: 560,
			age_16_19: 300,
			age_20_25: 110
		};
		const r = apply({
			caseload: [
				{
					census: 2022,
					total: null,
					byAgeBand: Object.fromEntries(
						Object.entries(bands).map(([b, v]) => [b, actualFigure(v)])
					),
					bySetting: {}
				}
			],
			spend: []
		});
		expect(metricValues(r.result(BASELINE_TREND), 'ehcp_total')[0]).toBeCloseTo(1510, 6);
	});
});

describe('applyActuals: a census actual and the spend calibrated on it (decision 0036)', () => {
	const deficit = (r: ReturnType<typeof runExpected>) =>
		metricValues(r, 'cumulative_deficit_before_sv');

	it('raises later deficits when more children are counted than projected, and lowers them when fewer', () => {
		const before = deficit(runExpected(prepared, byName(scenarios, BASELINE_TREND)));
		const more = deficit(
			apply({ caseload: [census(2022, 1650)], spend: [] }).result(BASELINE_TREND)
		);
		const fewer = deficit(
			apply({ caseload: [census(2022, 1500)], spend: [] }).result(BASELINE_TREND)
		);
		// 2021/22 is pinned: its spend is the ledger's either way.
		expect(more[0]).toBeCloseTo(before[0], 0);
		expect(fewer[0]).toBeCloseTo(before[0], 0);
		for (let k = 1; k < before.length; k++) {
			expect(more[k]).toBeGreaterThan(before[k]);
			expect(fewer[k]).toBeLessThan(before[k]);
		}
	});

	it('calibrates on the re-based caseload when the year’s spend is an actual too', () => {
		const both = apply({ caseload: [census(2022, 1650)], spend: [] });
		const withSpend = apply({
			caseload: [census(2022, 1650)],
			spend: [{ year: '2021/22', value: actualFigure(33_052_000) }]
		});
		const c = (x: typeof both) =>
			compile(x.next, byName(x.scenarios, BASELINE_TREND)).calibrationPlacementCost;
		// Both actual: the cost of the 1,650 counted; a forecast pin: the cost before re-basing.
		expect(c(withSpend)).toBeGreaterThan(c(both));
		expect(c(both)).toBeCloseTo(
			compile(prepared, byName(scenarios, BASELINE_TREND)).calibrationPlacementCost,
			0
		);
	});
});

describe('applyActuals: a spend actual', () => {
	const spend = (year: string, value: number): Actuals => ({
		caseload: [],
		spend: [{ year, value: actualFigure(value) }]
	});

	it('pins the year’s HNB expenditure in every following scenario, their own pins giving way', () => {
		const r = apply(spend('2021/22', 32_000_000));
		for (const name of [MAY_PROJECTION, BASELINE_TREND]) {
			expect(metricValues(r.result(name), 'hnb_expenditure_before_savings')[0]).toBe(32_000_000);
			expect(byName(r.scenarios, name).ledger.hnb_expenditure_before_savings).toBeUndefined();
		}
		expect(validateDataset(r.dataset).ok).toBe(true);
	});

	it('calibrates non-placement spend on the actual year, so later years move with it', () => {
		const before = runExpected(prepared, byName(scenarios, BASELINE_TREND));
		const r = apply(spend('2022/23', 36_000_000));
		const after = r.result(BASELINE_TREND);
		const e = (x: typeof after) => metricValues(x, 'hnb_expenditure_before_savings');
		expect(e(after)[0]).toBe(e(before)[0]);
		expect(e(after)[1]).toBe(36_000_000);
		const shift = 36_000_000 - e(before)[1];
		// Non-placement spend grows 2% a year from the actual year: the shift grows with it.
		expect(e(after)[2] - e(before)[2]).toBeCloseTo(shift * 1.02, 0);
	});

	it('keeps the plan’s own figures: the dataset’s it replaced, or the plan’s projection', () => {
		const before = runExpected(prepared, plan);
		const r = apply({
			caseload: [],
			spend: [
				{ year: '2021/22', value: actualFigure(32_000_000) },
				{ year: '2022/23', value: actualFigure(36_000_000) }
			]
		});
		const kept = byName(r.scenarios, SVA_PLAN).ledger.hnb_expenditure_before_savings!;
		expect(kept['2021/22']).toEqual(
			kingston.finance.lines.hnb_expenditure_before_savings!['2021/22']
		);
		expect(kept['2022/23'].source.kind === 'derived' && kept['2022/23'].source.formula).toMatch(
			new RegExp(`^${PLAN_KEPT_PREFIX}`)
		);
		const after = r.result(SVA_PLAN);
		metricValues(before, 'cumulative_deficit_before_sv').forEach((v, i) =>
			expect(metricValues(after, 'cumulative_deficit_before_sv')[i]).toBeCloseTo(v, 4)
		);
	});

	it('puts the dataset’s own figure back when the actual is removed', () => {
		const r = apply(spend('2021/22', 32_000_000));
		const back = apply({ caseload: [], spend: [] }, plan.id, r.next, r.scenarios);
		expect(back.dataset.finance.lines.hnb_expenditure_before_savings).toEqual(
			kingston.finance.lines.hnb_expenditure_before_savings
		);
		expect(validateDataset(back.dataset).ok).toBe(true);
	});

	it('re-bases every scenario when no plan is named', () => {
		const r = apply(spend('2021/22', 32_000_000), null);
		expect(metricValues(r.result(SVA_PLAN), 'hnb_expenditure_before_savings')[0]).toBe(32_000_000);
	});
});

describe('rebaseScenario and keepPlan', () => {
	it('leave a scenario unchanged when there are no actuals', () => {
		const baseline = byName(scenarios, BASELINE_TREND);
		expect(rebaseScenario(prepared, baseline, { caseload: [], spend: [] }).scenario).toEqual(
			baseline
		);
		expect(keepPlan(prepared, plan, [])).toBe(plan);
	});
});
