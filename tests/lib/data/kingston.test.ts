import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import {
	kingstonScenarios,
	SVA_PLAN,
	MAY_PROJECTION,
	BASELINE_TREND
} from '$lib/data/kingston-scenarios';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValue } from '$lib/model/results';
import type { Figure } from '$lib/model/provenance';

const dataset = kingstonDataset();
const scenarios = kingstonScenarios();
const kpi = (ref: string) => dataset.kpis.find((k) => k.ref === ref)!;
const v = (f: Figure | null) => f!.value;

describe('the default dataset reproduces kingston-facts.md', () => {
	it('holds the three default scenarios under their exact names', () => {
		expect(scenarios.map((s) => s.name)).toEqual([SVA_PLAN, MAY_PROJECTION, BASELINE_TREND]);
		expect(SVA_PLAN).toBe('SVA financial model 2021/22');
		expect(MAY_PROJECTION).toBe('May 2021 projection');
		expect(BASELINE_TREND).toBe('Baseline (trend)');
	});

	it('has 39 KPI rows (1–38 and 6a), KPI 36 with no values and no rating', () => {
		expect(dataset.kpis).toHaveLength(39);
		expect(dataset.kpis.map((k) => k.ref)).toContain('6a');
		const k36 = kpi('36');
		expect([k36.baseline, k36.annualTarget, k36.projection]).toEqual([null, null, null]);
	});

	it('sums the plan’s savings to £1,261k and the May projection’s to £527,426', () => {
		const plan = dataset.finance.savings.reduce((a, s) => a + s.targets['2021/22'].value, 0);
		expect(plan).toBe(1_261_000);
		const may = scenarios.find((s) => s.name === MAY_PROJECTION)!;
		const projected = dataset.finance.savings.reduce(
			(a, s) => a + s.targets['2021/22'].value * may.savingsDelivery[s.id]['2021/22'].value,
			0
		);
		expect(projected).toBeCloseTo(527_426, 6);
		expect(v(kpi('24').projection)).toBe(527_426);
	});

	it('opens the plan at £25.125m = 28.607 − 3.482 and the May projection at the actual £24.401m', () => {
		expect(dataset.finance.openingCumulativeDeficit.value).toBe(28_607_000 - 3_482_000);
		expect(dataset.finance.openingCumulativeDeficit.source.kind).toBe('derived');
		const may = scenarios.find((s) => s.name === MAY_PROJECTION)!;
		expect(may.openingCumulativeDeficit!.value).toBe(v(kpi('14').baseline));
	});

	it('explains the −0.721 variance as (24.401 − 25.125) + (3.485 − 3.482)', () => {
		expect((24.401 - 25.125 + (3.485 - 3.482)).toFixed(3)).toBe('-0.721');
	});

	it('derives Safety Valve funding of £12.0m by March 2021 and £17.0m by March 2022', () => {
		expect(v(kpi('14').baseline) - v(kpi('15').baseline)).toBe(12_000_000);
		expect(v(kpi('14').annualTarget) - v(kpi('15').annualTarget)).toBe(17_000_000);
		expect(27_886_000 - v(kpi('15').projection)).toBe(17_000_000);
		expect(dataset.finance.lines.sv_funding_cumulative!['2021/22'].value).toBe(17_000_000);
	});

	it('derives the funding gap as (allocation − HNB spend) / allocation: −30.09%, −22.76%, −22.33%', () => {
		const gap = (a: number, s: number) => (((a - s) / a) * 100).toFixed(2);
		expect(gap(v(kpi('18').baseline), v(kpi('10').baseline))).toBe('-30.09');
		expect(gap(v(kpi('18').annualTarget), v(kpi('10').annualTarget))).toBe('-22.76');
		expect(gap(v(kpi('18').projection), v(kpi('10').projection))).toBe('-22.33');
	});

	it('derives HNB spend as direct + central: 28,793,720 + 1,476,680 = 30,270,400', () => {
		expect(v(kpi('11').baseline) + v(kpi('12').baseline)).toBe(v(kpi('10').baseline));
	});

	it('derives the HNB deficit baseline of £6.564m as spend − allocation − transfers', () => {
		const d = v(kpi('10').baseline) - v(kpi('18').baseline) - v(kpi('19').baseline);
		expect((d / 1e6).toFixed(3)).toBe('6.564');
	});

	it('derives the average cost of an EHCP: 30,270,400 / 1,429 = 21,183 and 31,791,000 / 1,537 = 20,684', () => {
		expect(Math.round(30_270_400 / v(kpi('1').baseline))).toBe(v(kpi('37').baseline));
		expect(Math.round(31_791_000 / 1537)).toBe(v(kpi('37').annualTarget));
	});

	it('implies populations of about 38,366 aged 2–18 and 64,950 aged 0–25', () => {
		expect(Math.round(30_270_400 / 789)).toBe(38_366);
		expect(Math.round(1429 / 0.022 / 50) * 50).toBe(64_950);
		const p = dataset.referencePopulations.find((p) => p.id === 'aged_2_18')!;
		expect(p.byYear['2021'].value).toBe(38_366);
	});

	it('counts 1,447 EHCPs at 31 May 2021: 1,429 + 24 new − 7 ceased + 1 mover in', () => {
		expect(
			v(kpi('1').baseline) +
				v(kpi('5').projection) +
				v(kpi('6').projection) +
				v(kpi('6a').projection)
		).toBe(v(kpi('1').projection));
	});

	it('scales SEN2’s January 2021 grid of 1,424 to the council’s 1,436', () => {
		const total = dataset.baseCaseload.reduce((a, c) => a + c.count.value, 0);
		expect(total).toBe(1436);
		expect(
			dataset.baseCaseload.every((c) => Number.isInteger(c.count.value) && c.count.value >= 0)
		).toBe(true);
		expect(dataset.baseCaseload.every((c) => c.count.source.kind === 'derived')).toBe(true);
		const sen2 = dataset.history.caseloadTotal.find((r) => r.year === 2021)!;
		expect(sen2.count.value).toBe(1424);
	});

	it('puts no under-16s in further education and no under-5s in post-16 settings', () => {
		const fe = dataset.baseCaseload.filter((c) => c.setting === 'post_16_fe');
		expect(Math.min(...fe.map((c) => c.ncy))).toBeGreaterThanOrEqual(12);
	});

	it('gives the plan 1,537 EHCPs at the January 2022 census from 1,436 + 172 − 71', () => {
		const prepared = prepareDataset(dataset);
		const plan = runExpected(
			prepared,
			scenarios.find((s) => s.name === SVA_PLAN)!
		);
		expect(plan.baseTotal).toBe(1436);
		expect(metricValue(plan, 'ehcp_joiners', 2022)).toBeCloseTo(172, 9);
		expect(metricValue(plan, 'ehcp_leavers', 2022)).toBeCloseTo(71, 9);
		expect(metricValue(plan, 'ehcp_total', 2022)).toBeCloseTo(1537, 9);
		expect(Math.round(metricValue(plan, 'ehcp_total', '2021/22'))).toBe(1537);
	});

	it('marks every assumption as such: every ledger figure after 2021/22 is an assumption', () => {
		for (const [line, years] of Object.entries(dataset.finance.lines)) {
			for (const [fy, fig] of Object.entries(years!)) {
				if (fy !== '2021/22') expect([line, fy, fig.source.kind]).toEqual([line, fy, 'assumption']);
			}
		}
	});

	it('keeps SEN2 flows of 2021 as history but does not estimate from them', () => {
		expect(dataset.history.newPlansByAgeBand.some((r) => r.year === 2021)).toBe(true);
		expect(dataset.estimation.lastFlowYear).toBe(2020);
	});
});
