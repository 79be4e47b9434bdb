/**
 * Levers in the plan's own terms (docs/model.md §2.7, decision 0027): total EHC plans growing by
 * X% a year, N new plans a year, and moving a share of existing placements — on Kingston's data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios } from '$lib/data/kingston-scenarios';
import type { Lever, Scenario } from '$lib/model/scenario';
import { assumption } from '$lib/model/provenance';
import type { PreparedDataset } from '$lib/engine/workbench';
import { compile, prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import { metricRow } from '$lib/engine/metrics';
import { simulate } from '$lib/engine/simulate';

let prepared: PreparedDataset;
beforeAll(() => {
	prepared = prepareDataset(kingstonDataset());
});

/** Baseline (trend) with no levers and no flow targets of its own, then `levers`. */
function only(...levers: Lever[]): Scenario {
	const s = structuredClone(kingstonScenarios().find((x) => x.name === BASELINE_TREND)!);
	return {
		...s,
		id: 'plan-terms',
		levers,
		demand: { ...s.demand, flowTargets: [] }
	};
}
const open = { label: '', until: null };
const values = (s: Scenario, metric: string) => metricValues(runExpected(prepared, s), metric);

describe('total EHC plans grow by X% a year', () => {
	const growth: Lever = { id: 'g', kind: 'total_growth', rate: 0.07, from: '2021/22', ...open };

	it('reproduces the seed plan: 1,436 in January 2021 grows 7% to 1,537 in January 2022', () => {
		const base = kingstonDataset().baseCaseload.reduce((a, c) => a + c.count.value, 0);
		expect(base).toBe(1436);
		const total = values(only(growth), 'ehcp_total');
		expect(Math.abs(total[0] - 1537)).toBeLessThanOrEqual(1);
	});

	it('keeps growing 7% on each January total through the window', () => {
		const total = values(only(growth), 'ehcp_total');
		let expected = 1436;
		for (const t of total) {
			expected *= 1.07;
			expect(t).toBeCloseTo(expected, 6);
		}
	});

	it('solves new plans from the projected ceased plans: new − ceased = growth', () => {
		const s = only(growth);
		const total = values(s, 'ehcp_total');
		const joiners = values(s, 'ehcp_joiners');
		const leavers = values(s, 'ehcp_leavers');
		let before = 1436;
		total.forEach((t, k) => {
			expect(joiners[k] - leavers[k]).toBeCloseTo(t - before, 6);
			before = t;
		});
	});

	it('acts only in its window; outside it the model’s own new plans apply', () => {
		const windowed = only({ ...growth, from: '2022/23', until: '2022/23' });
		const plain = only();
		const a = values(plain, 'ehcp_total');
		const b = values(windowed, 'ehcp_total');
		expect(b[0]).toBeCloseTo(a[0], 6);
		expect(b[1]).toBeCloseTo(a[0] * 1.07, 6);
	});

	it('gives way to a flow target for new plans in the same year (re-basing on actuals wins)', () => {
		const s = only(growth);
		s.demand.flowTargets = [{ census: 2022, joiners: assumption(150, 'test'), leavers: null }];
		expect(values(s, 'ehcp_joiners')[0]).toBeCloseTo(150, 6);
	});
});

describe('when the growth asked for cannot be met', () => {
	it('makes no new plans, and says so in words', () => {
		const s = only({ id: 'g', kind: 'total_growth', rate: -0.5, from: '2022/23', ...open });
		const c = compile(prepared, s);
		expect(values(s, 'ehcp_joiners')[1]).toBeCloseTo(0, 9);
		expect(c.warnings.join('\n')).toMatch(
			/"total EHC plans fall 50% a year from 2022\/23" would need fewer than no new plans/
		);
	});
});

describe('N new plans a year', () => {
	it('yields exactly N new plans in each year of the window', () => {
		const s = only({
			id: 'n',
			kind: 'new_plans',
			basis: 'count',
			value: 200,
			from: '2022/23',
			...open
		});
		const joiners = values(s, 'ehcp_joiners');
		const plain = values(only(), 'ehcp_joiners');
		expect(joiners[0]).toBeCloseTo(plain[0], 6);
		for (let k = 1; k < joiners.length; k++) expect(joiners[k]).toBeCloseTo(200, 6);
	});

	it('conserves children: the total moves by exactly the change in new plans', () => {
		const s = only({
			id: 'n',
			kind: 'new_plans',
			basis: 'count',
			value: 200,
			from: '2022/23',
			until: '2022/23',
			label: ''
		});
		const plain = only();
		const dTotal = values(s, 'ehcp_total')[1] - values(plain, 'ehcp_total')[1];
		const dJoiners = values(s, 'ehcp_joiners')[1] - values(plain, 'ehcp_joiners')[1];
		expect(dTotal).toBeCloseTo(dJoiners, 6);
	});

	it('as a % change compounds on last year’s new plans (Kingston’s 210 in 2020 before the first)', () => {
		const s = only({
			id: 'n',
			kind: 'new_plans',
			basis: 'change',
			value: 0.1,
			from: null,
			...open
		});
		const joiners = values(s, 'ehcp_joiners');
		// Calendar 2020's new plans (30 + 124 + 45 + 8 + 3) drive the step ending January 2021.
		expect(joiners[0]).toBeCloseTo(210 * 1.1, 6);
		for (let k = 1; k < joiners.length; k++)
			expect(joiners[k]).toBeCloseTo(joiners[k - 1] * 1.1, 6);
	});

	it('keeps the model’s spread of new plans over settings', () => {
		const s = only({ id: 'n', kind: 'new_plans', basis: 'count', value: 400, from: null, ...open });
		const c = compile(prepared, s);
		const plain = compile(prepared, only());
		expect(c.calibration.joiners[0]).toBeGreaterThan(1);
		// Same relative mix: every count joiner scaled by the same factor.
		const ratio = c.steps[0].joiners.map((j, i) => {
			const p = plain.steps[0].joiners[i];
			return j.kind === 'count' && p.kind === 'count' && p.mean > 0 ? j.mean / p.mean : null;
		});
		const known = ratio.filter((r) => r !== null);
		expect(known.length).toBeGreaterThan(0);
		for (const r of known) expect(r).toBeCloseTo(known[0]!, 9);
	});
});

describe('moving a share of existing placements', () => {
	const move: Lever = {
		id: 'm',
		kind: 'move_placements',
		fromSetting: 'independent_special',
		toSetting: 'maintained_special',
		share: 0.2,
		phaseTransferOnly: false,
		from: '2022/23',
		until: '2022/23',
		label: ''
	};
	const ISS = 'ehcp_by_setting:independent_special';
	const MSS = 'ehcp_by_setting:maintained_special';

	it('conserves children: totals unchanged, what leaves one setting arrives in the other', () => {
		const a = only();
		const b = only(move);
		const ta = values(a, 'ehcp_total');
		const tb = values(b, 'ehcp_total');
		ta.forEach((t, k) => expect(tb[k]).toBeCloseTo(t, 6));
		const out = values(a, ISS)[1] - values(b, ISS)[1];
		const into = values(b, MSS)[1] - values(a, MSS)[1];
		expect(out).toBeGreaterThan(10);
		expect(into).toBeCloseTo(out, 6);
		expect(values(b, ISS)[0]).toBeCloseTo(values(a, ISS)[0], 6);
		// Counted as moves.
		expect(values(b, 'ehcp_movers')[1] - values(a, 'ehcp_movers')[1]).toBeCloseTo(out, 6);
	});

	it('moves 20% of the children who stayed in the setting through the year', () => {
		const c = compile(prepared, only(move));
		// Stayers in independent special at January 2023 = its caseload less its joiners and movers in,
		// which the move leaves unchanged; 20% of them move.
		const iss = values(only(), ISS)[1];
		const out = iss - values(only(move), ISS)[1];
		expect(out).toBeGreaterThan(0);
		expect(out).toBeLessThanOrEqual(0.2 * iss + 1e-9);
		expect(c.years[1]).toBe('2022/23');
		expect(c.steps[1].transfers?.[0].share).toBe(0.2);
		expect(c.steps[0].transfers).toBeUndefined();
		expect(c.steps[2].transfers).toBeUndefined();
	});

	it('moves cost: the year of the move changes by the children moved × (destination − origin unit cost)', () => {
		const a = only();
		const b = only(move);
		const c = compile(prepared, b);
		const k = 1;
		const moved = values(a, ISS)[k] - values(b, ISS)[k];
		const space = c.space;
		const unit = (setting: string) => {
			const i = space.settingIndex.get(setting)!;
			for (let s = 0; s < space.size; s++) if (space.setting[s] === i) return c.unitCosts[k][s];
			throw new Error(setting);
		};
		const dCost = values(b, 'placement_cost')[k] - values(a, 'placement_cost')[k];
		expect(unit('maintained_special')).toBeLessThan(unit('independent_special'));
		expect(dCost).toBeCloseTo(
			moved * (unit('maintained_special') - unit('independent_special')),
			2
		);
		expect(values(b, 'placement_cost')[0]).toBeCloseTo(values(a, 'placement_cost')[0], 6);
	});

	it('at phase transfer only, moves only children reaching school years 7 and 12', () => {
		const phase = only({ ...move, phaseTransferOnly: true });
		const c = compile(prepared, phase);
		const ncys = new Set([...c.steps[1].transfers![0].from].map((s) => c.space.ncy[s]));
		expect([...ncys].sort((x, y) => x - y)).toEqual([...ncys].filter((y) => y === 7 || y === 12));
		expect(ncys.size).toBeGreaterThan(0);
		const out = values(only(), ISS)[1] - values(phase, ISS)[1];
		const all = values(only(), ISS)[1] - values(only(move), ISS)[1];
		expect(out).toBeGreaterThan(0);
		expect(out).toBeLessThan(all);
	});

	it('moves whole children under Monte Carlo and keeps every simulation’s total', () => {
		const ca = compile(prepared, only());
		const cb = compile(prepared, only(move));
		const n = 20;
		const ra = simulate(ca, 0, n, 50);
		const rb = simulate(cb, 0, n, 50);
		const H = ca.steps.length;
		const total = metricRow(ca.layout, 'ehcp_total');
		const iss = metricRow(cb.layout, ISS);
		for (let i = 0; i < n; i++) {
			const at = (r: typeof ra, row: number, k: number) => r.values[(i * r.metrics + row) * H + k];
			// The move year: the same draws up to the move, which keeps children.
			expect(at(rb, total, 1)).toBe(at(ra, total, 1));
			expect(Number.isInteger(at(rb, iss, 1))).toBe(true);
		}
	});
});
