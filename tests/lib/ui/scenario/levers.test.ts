import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, SVA_PLAN, kingstonScenarios } from '$lib/data/kingston-scenarios';
import { LEVER_KINDS, type Scenario } from '$lib/model/scenario';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import {
	LEVER_GROUPS,
	checkEdit,
	errorsUnder,
	firstFreeYearOf,
	newLever
} from '$lib/ui/scenario/levers';

const dataset = kingstonDataset();
const scenario = (name: string): Scenario =>
	structuredClone(kingstonScenarios().find((s) => s.name === name)!);

describe('lever groups', () => {
	it('offer every kind of lever exactly once', () => {
		expect(LEVER_GROUPS.flatMap((g) => g.kinds).sort()).toEqual([...LEVER_KINDS].sort());
	});
});

describe('newLever', () => {
	it('starts in the first year that is not pinned', () => {
		expect(firstFreeYearOf(dataset, scenario(BASELINE_TREND))).toBe('2022/23');
		expect(newLever('joiners', dataset, scenario(BASELINE_TREND)).from).toBe('2022/23');
	});

	it('makes a valid lever of every kind, with an id of its own', () => {
		const s = scenario(BASELINE_TREND);
		for (const kind of LEVER_KINDS) {
			s.levers.push(newLever(kind, dataset, s));
		}
		expect(new Set(s.levers.map((l) => l.id)).size).toBe(s.levers.length);
		expect(checkEdit(s, dataset).ok).toBe(true);
	});

	it('starts levers that set a value where the ledger already is, so adding one changes nothing', () => {
		const prepared = prepareDataset(dataset);
		const base = scenario(SVA_PLAN);
		const before = metricValues(runExpected(prepared, base), 'cumulative_deficit_before_sv');
		for (const kind of [
			'joiners',
			'leavers',
			'redirect',
			'one_off_cost',
			'savings_delivery'
		] as const) {
			const s = { ...base, levers: [newLever(kind, dataset, base)] };
			const after = metricValues(runExpected(prepared, s), 'cumulative_deficit_before_sv');
			after.forEach((v, k) => expect([kind, v]).toEqual([kind, expect.closeTo(before[k], 4)]));
		}
	});
});

describe('checkEdit', () => {
	it('refuses an invalid value with the validator’s message, naming the lever', () => {
		const s = scenario(BASELINE_TREND);
		s.levers[0] = { ...s.levers[0], delivery: 5 } as Scenario['levers'][number];
		const r = checkEdit(s, dataset);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(errorsUnder(r.errors, ['levers', 0])[0].message).toMatch(
			/lever 1 .*the delivery must be a fraction from 0 to 2/
		);
		expect(errorsUnder(r.errors, ['levers', 1])).toEqual([]);
	});
});
