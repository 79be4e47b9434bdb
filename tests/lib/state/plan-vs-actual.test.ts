import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, SVA_PLAN, kingstonScenarios } from '$lib/data/kingston-scenarios';
import { actualFigure, withActuals, readActuals } from '$lib/model/actuals';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { defaultPlanId, planVsActual } from '$lib/state/plan-vs-actual';
import type { Scenario } from '$lib/model/scenario';

const scenarios = kingstonScenarios();
const named = (name: string) => scenarios.find((s) => s.name === name)!;

describe('defaultPlanId', () => {
	it('picks the scenario whose role is the plan, whatever its name, else none', () => {
		expect(defaultPlanId(scenarios)).toBe('sva-financial-model-2021-22');
		const s = (id: string, name: string, role: Scenario['role']) =>
			({ ...named(SVA_PLAN), id, name, role }) as Scenario;
		expect(defaultPlanId([s('a', 'Baseline (trend)', 'none'), s('b', 'Our budget', 'plan')])).toBe(
			'b'
		);
		// A name that says "plan" no longer makes a scenario the plan: only its role does.
		expect(defaultPlanId([s('a', 'Financial plan', 'none')])).toBeNull();
		expect(defaultPlanId([s('a', 'Baseline (trend)', 'projection')])).toBeNull();
	});
});

describe('planVsActual', () => {
	const ds = withActuals(kingstonDataset(), {
		caseload: [{ census: 2022, total: actualFigure(1560), byAgeBand: {}, bySetting: {} }],
		spend: [{ year: '2021/22', value: actualFigure(32_000_000) }]
	});
	const prepared = prepareDataset(kingstonDataset());
	const plan = runExpected(prepared, named(SVA_PLAN));
	const baseline = runExpected(prepared, named(BASELINE_TREND));
	const rows = planVsActual(ds, readActuals(ds), plan, baseline);

	it('runs from three censuses before the base to the horizon, history then actuals', () => {
		expect(rows.caseload.map((r) => r.x)).toEqual([
			2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026
		]);
		expect(rows.caseload[3]).toMatchObject({ x: 2021, actual: 1424, plan: 1436, recorded: false });
		expect(rows.caseload[4]).toMatchObject({ x: 2022, actual: 1560, recorded: true });
		expect(rows.caseload[4].plan).toBeCloseTo(1537, 6);
		expect(rows.caseload[4].variance).toBeCloseTo(23, 6);
		expect(rows.caseload[5].actual).toBeNull();
	});

	it('compares spend with the plan by financial year', () => {
		expect(rows.spend.map((r) => r.x)).toEqual([
			'2021/22',
			'2022/23',
			'2023/24',
			'2024/25',
			'2025/26'
		]);
		expect(rows.spend[0]).toMatchObject({
			plan: 33_052_000,
			actual: 32_000_000,
			variance: -1_052_000
		});
		expect(rows.spend[1].actual).toBeNull();
		expect(rows.spend[1].variance).toBeNull();
	});

	it('leaves the plan and projection empty when there are no results', () => {
		const empty = planVsActual(ds, readActuals(ds), null, null);
		expect(empty.caseload.every((r) => r.plan === null && r.projection === null)).toBe(true);
	});
});
