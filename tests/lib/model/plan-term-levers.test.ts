/**
 * The three levers in the plan's own terms (docs/model.md §2.7, decision 0027) as the model
 * layer sees them: validated with the lever and field named, and described in words.
 */
import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios } from '$lib/data/kingston-scenarios';
import type { Lever, Scenario } from '$lib/model/scenario';
import { LEVER_KINDS } from '$lib/model/scenario';
import { LeverSchema } from '$lib/model/schemas';
import { validateScenario } from '$lib/model/validate-scenario';
import { describeLeverInWords, describeScenario } from '$lib/model/describe-scenario';
import * as v from 'valibot';

const dataset = kingstonDataset();
const baseline = (): Scenario =>
	structuredClone(kingstonScenarios().find((s) => s.name === BASELINE_TREND)!);
const w = { label: '', from: '2022/23', until: null };
const growth: Lever = { id: 'g', kind: 'total_growth', rate: 0.07, ...w };
const count: Lever = { id: 'n', kind: 'new_plans', basis: 'count', value: 172, ...w };
const change: Lever = { id: 'c', kind: 'new_plans', basis: 'change', value: 0.1, ...w };
const move: Lever = {
	id: 'm',
	kind: 'move_placements',
	fromSetting: 'independent_special',
	toSetting: 'maintained_special',
	share: 0.2,
	phaseTransferOnly: true,
	label: '',
	from: '2022/23',
	until: '2022/23'
};
const check = (...levers: Lever[]) => validateScenario({ ...baseline(), levers }, dataset);
const messages = (...levers: Lever[]) => {
	const r = check(...levers);
	return r.ok ? [] : r.errors.map((e) => e.message);
};

describe('the kinds', () => {
	it('are listed once, and the schema reads every one', () => {
		expect(LEVER_KINDS).toEqual(
			expect.arrayContaining(['total_growth', 'new_plans', 'move_placements'])
		);
		for (const lever of [growth, count, change, move]) {
			expect(v.safeParse(LeverSchema, lever).success).toBe(true);
		}
	});
});

describe('validation', () => {
	it('accepts each lever at sensible values', () => {
		for (const lever of [growth, count, change, move]) expect(check(lever).ok).toBe(true);
	});

	it('refuses a growth outside −50% … +100% a year, naming the lever and the field', () => {
		expect(messages({ ...growth, rate: 1.5 })).toEqual([
			'Scenario "Baseline (trend)", lever 1 (total EHC plans grow 150% a year): the growth must be a fraction from −0.5 to 1 a year (0.07 is 7%), got 1.5.'
		]);
		expect(check({ ...growth, rate: -0.5 }).ok).toBe(true);
	});

	it('refuses a negative number of new plans, and a change below −100%', () => {
		expect(messages({ ...count, value: -1 })[0]).toMatch(
			/lever 1 \(−1 new plans a year\): the number of new plans a year must be from 0 to 1,000,000, got −1\.$/
		);
		expect(messages({ ...change, value: -1.2 })[0]).toMatch(
			/lever 1 \(new plans −120% on last year's\): the change on last year's new plans must be a fraction from −1 \(none\) to 10/
		);
	});

	it('refuses an unknown setting, a move to itself and a share over 100%', () => {
		expect(messages({ ...move, toSetting: 'nowhere' })[0]).toMatch(
			/"toSetting" is "nowhere", which is not one of the dataset's settings/
		);
		expect(messages({ ...move, toSetting: 'independent_special' })[0]).toMatch(
			/it moves placements from "independent_special" to itself/
		);
		expect(messages({ ...move, share: 1.2 })[0]).toMatch(
			/the share must be a fraction from 0 to 1/
		);
	});

	it('refuses a basis it does not know, naming the field', () => {
		const r = validateScenario({ ...baseline(), levers: [{ ...count, basis: 'lots' }] }, dataset);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.errors[0].message).toMatch(/lever 1 .*the basis \("basis": "count" or "change"\)/);
	});

	it('warns when two levers set new plans in the same year, and which one is used', () => {
		const r = check(growth, count);
		expect(r.ok).toBe(true);
		expect(r.warnings.map((x) => x.message)).toContain(
			'Scenario "Baseline (trend)": in 2022/23 lever 1 (total EHC plans grow 7% a year) and lever 2 (172 new plans a year) both set the number of new plans; the later one, lever 2 (172 new plans a year), is used.'
		);
	});

	it('warns when a move can move nobody (the destination takes none of the school years)', () => {
		const r = check({ ...move, fromSetting: 'post_16_fe', toSetting: 'mainstream' });
		expect(r.ok).toBe(true);
		expect(r.warnings.map((x) => x.message).join('\n')).toMatch(/so nobody moves/);
	});
});

describe('in words', () => {
	it('says what each lever does, with its window', () => {
		expect(describeLeverInWords(growth, dataset)).toBe(
			'total EHC plans grow 7% a year from 2022/23'
		);
		expect(describeLeverInWords({ ...growth, rate: -0.02 }, dataset)).toBe(
			'total EHC plans fall 2% a year from 2022/23'
		);
		expect(describeLeverInWords(count, dataset)).toBe('172 new plans a year from 2022/23');
		expect(describeLeverInWords(change, dataset)).toBe(
			'new plans +10% on the year before, each year from 2022/23'
		);
		expect(describeLeverInWords(move, dataset)).toBe(
			'20% of children placed in NMSS or independent schools move to maintained special schools or special academies as they move up to Year 7 or Year 12, costed there in 2022/23'
		);
	});

	it('lists them among how a scenario differs from its parent', () => {
		const parent = baseline();
		const child = {
			...baseline(),
			id: 'child',
			parentId: parent.id,
			levers: [...parent.levers, growth, move]
		};
		expect(describeScenario(child, parent, dataset)).toEqual([
			'total EHC plans grow 7% a year from 2022/23',
			describeLeverInWords(move, dataset)
		]);
	});
});
