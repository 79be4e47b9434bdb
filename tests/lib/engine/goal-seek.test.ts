import { beforeAll, describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import {
	BASELINE_TREND,
	MAY_PROJECTION,
	SVA_PLAN,
	kingstonScenarios
} from '$lib/data/kingston-scenarios';
import type { Lever, Scenario } from '$lib/model/scenario';
import { bisectBoundary, goalSeek, type GoalSeekMode } from '$lib/engine/goal-seek';
import { compile, prepareDataset, runExpected, type PreparedDataset } from '$lib/engine/workbench';
import { simulate } from '$lib/engine/simulate';

let prepared: PreparedDataset;
beforeAll(() => {
	prepared = prepareDataset(kingstonDataset());
});
const scenario = (name: string): Scenario =>
	structuredClone(kingstonScenarios().find((s) => s.name === name)!);
const withLever = (s: Scenario, lever: NonNullable<ReturnType<typeof goalSeek>['lever']>) => ({
	...s,
	levers: [...s.levers, lever]
});
const expected: GoalSeekMode = { kind: 'expected' };

describe('bisectBoundary', () => {
	it('finds the largest grid value meeting the goal, the next one failing', () => {
		const r = bisectBoundary((x) => x <= 1.0347, {
			lo: 0,
			hi: 3,
			step: 0.001,
			direction: 'largest'
		});
		expect(r).toMatchObject({ status: 'found', value: 1.034 });
		expect(r.evaluations).toBeLessThan(20);
	});

	it('finds the smallest grid value meeting the goal', () => {
		const r = bisectBoundary((x) => x >= 0.4213, {
			lo: 0,
			hi: 2,
			step: 0.001,
			direction: 'smallest'
		});
		expect(r).toMatchObject({ status: 'found', value: 0.422 });
	});

	it('says when every value, or none, meets the goal', () => {
		expect(
			bisectBoundary(() => true, { lo: 0, hi: 3, step: 0.01, direction: 'largest' })
		).toMatchObject({ status: 'all', value: 3 });
		expect(
			bisectBoundary(() => false, { lo: 0, hi: 3, step: 0.01, direction: 'smallest' })
		).toMatchObject({ status: 'none', value: null });
	});

	it('refuses an empty range or a step that is not positive', () => {
		expect(() =>
			bisectBoundary(() => true, { lo: 1, hi: 1, step: 0.1, direction: 'largest' })
		).toThrow(/bisectBoundary: lo and hi/);
		expect(() =>
			bisectBoundary(() => true, { lo: 0, hi: 1, step: 0, direction: 'largest' })
		).toThrow(/bisectBoundary: step/);
	});
});

describe('goalSeek in expectation', () => {
	it('finds the largest new-plan growth to within one step: at it no year breaches, one step more does', () => {
		const base = scenario(BASELINE_TREND);
		const r = goalSeek(
			prepared,
			base,
			{ kind: 'new_plan_growth' },
			{ mode: expected, step: 0.001 }
		);
		expect(r.status).toBe('found');
		expect(r.from).toBe('2022/23');
		expect(r.lever).toMatchObject({
			kind: 'joiners',
			multiplier: r.value,
			from: '2022/23',
			until: null
		});
		expect(runExpected(prepared, withLever(base, r.lever!)).firstBreach).toBe(-1);
		const over = { ...r.lever!, multiplier: r.value! + 0.001 };
		expect(runExpected(prepared, withLever(base, over)).firstBreach).toBeGreaterThanOrEqual(0);
		expect(r.outcome?.firstBreach).toBeNull();
	});

	it('finds the smallest savings delivery to within one step', () => {
		const plan = scenario(SVA_PLAN);
		const r = goalSeek(
			prepared,
			plan,
			{ kind: 'savings_delivery', line: null },
			{ mode: expected }
		);
		expect(r.status).toBe('found');
		expect(r.lever).toMatchObject({ kind: 'savings_delivery', line: null, delivery: r.value });
		expect(runExpected(prepared, withLever(plan, r.lever!)).firstBreach).toBe(-1);
		const under = { ...r.lever!, delivery: r.value! - 0.001 };
		expect(runExpected(prepared, withLever(plan, under)).firstBreach).toBeGreaterThanOrEqual(0);
	});

	it('never varies a pinned year: the lever starts at the first year not pinned', () => {
		const may = scenario(MAY_PROJECTION);
		const r = goalSeek(prepared, may, { kind: 'new_plan_growth' }, { mode: expected });
		expect(r.from).toBe('2022/23');
		const before = runExpected(prepared, may);
		const after = runExpected(prepared, withLever(may, r.lever!));
		const cum = before.metrics.findIndex((m) => m.name === 'cumulative_deficit_before_sv');
		const H = before.years.length;
		expect(after.values[cum * H]).toBe(before.values[cum * H]);
	});

	it('says when no delivery in range keeps every year under the cap', () => {
		const r = goalSeek(
			prepared,
			scenario(BASELINE_TREND),
			{ kind: 'savings_delivery', line: null },
			{
				mode: expected
			}
		);
		expect(r.status).toBe('never');
		expect(r.value).toBeNull();
		expect(r.lever).toBeNull();
		expect(r.outcome?.firstBreach).not.toBeNull();
	});

	it('says new-plan growth has no effect where flow targets fix new plans in every free year', () => {
		const r = goalSeek(
			prepared,
			scenario(SVA_PLAN),
			{ kind: 'new_plan_growth' },
			{ mode: expected }
		);
		expect(r.status).toBe('no_effect');
		expect(r.flowTargetsFixNewPlans).toBe(true);
	});
});

describe('goalSeek at a probability', () => {
	const mode: GoalSeekMode = { kind: 'probability', probability: 0.9, simulations: 200, seed: 50 };
	const shareUnder = (s: Scenario) => {
		const block = simulate(compile(prepared, s), 0, 200, 50);
		return Array.from(block.firstBreach).filter((b) => b < 0).length / 200;
	};

	it('finds the largest new-plan growth with at least the chosen share of simulations under the cap', () => {
		// 80%: since decision 0032 (ages within bands) no new-plan growth keeps Baseline 90% sure.
		const base = scenario(BASELINE_TREND);
		const at80 = { ...mode, probability: 0.8 };
		const r = goalSeek(prepared, base, { kind: 'new_plan_growth' }, { mode: at80, step: 0.005 });
		expect(r.status).toBe('found');
		expect(shareUnder(withLever(base, r.lever!))).toBeGreaterThanOrEqual(0.8);
		expect(r.outcome?.probabilityUnderCap).toBeGreaterThanOrEqual(0.8);
		const over = { ...r.lever!, multiplier: r.value! + 0.005 } as Lever;
		expect(shareUnder(withLever(base, over))).toBeLessThan(0.8);
	});

	it('asks more of savings than the expectation does', () => {
		// With calibrated bands no savings delivery gets the plan 90% sure of staying under the cap
		// (the next test); 60% is within reach.
		const plan = scenario(SVA_PLAN);
		const target = { kind: 'savings_delivery', line: null } as const;
		const inExpectation = goalSeek(prepared, plan, target, { mode: expected, step: 0.005 });
		const at60 = goalSeek(prepared, plan, target, {
			mode: { ...mode, probability: 0.6 },
			step: 0.005
		});
		expect(at60.status).toBe('found');
		expect(at60.value!).toBeGreaterThan(inExpectation.value!);
		expect(shareUnder(withLever(plan, at60.lever!))).toBeGreaterThanOrEqual(0.6);
	});

	it('says no savings delivery is enough when the bands are too wide for the share asked', () => {
		const r = goalSeek(
			prepared,
			scenario(SVA_PLAN),
			{ kind: 'savings_delivery', line: null },
			{ mode, step: 0.005 }
		);
		expect(r.status).toBe('never');
	});

	it('refuses a probability outside (0, 1]', () => {
		expect(() =>
			goalSeek(
				prepared,
				scenario(SVA_PLAN),
				{ kind: 'new_plan_growth' },
				{
					mode: { ...mode, probability: 1.5 }
				}
			)
		).toThrow(/goalSeek: the probability must be a fraction in \(0, 1\]/);
	});
});
