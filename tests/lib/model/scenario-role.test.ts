import { describe, expect, it } from 'vitest';
import {
	rolesFromNames,
	roleProblems,
	scenarioWithRole,
	withRole,
	type ScenarioRole
} from '$lib/model/scenario-role';

const s = (id: string, role: ScenarioRole) => ({ id, name: id.toUpperCase(), role });

describe('rolesFromNames (the rule of files and databases from before roles)', () => {
	it('takes Kingston’s Safety Valve plan and May projection, and gives the trend none', () => {
		expect(
			rolesFromNames(['SVA financial model 2021/22', 'May 2021 projection', 'Baseline (trend)'])
		).toEqual(['plan', 'projection', 'none']);
	});

	it('takes a new dataset’s Financial plan and Baseline (trend), in any order', () => {
		expect(rolesFromNames(['Baseline (trend)', 'Growth 9%', 'Financial plan'])).toEqual([
			'projection',
			'none',
			'plan'
		]);
	});

	it('prefers the Safety Valve plan to "Financial plan" and gives each role once', () => {
		expect(
			rolesFromNames(['Financial plan', 'SVA financial model 2021/22', 'Baseline (trend)'])
		).toEqual(['none', 'plan', 'projection']);
	});

	it('matches names exactly, and gives none to anything else', () => {
		expect(rolesFromNames(['financial plan', 'Baseline (trend) ', 7, null, 'Our plan'])).toEqual([
			'none',
			'none',
			'none',
			'none',
			'none'
		]);
		expect(rolesFromNames([])).toEqual([]);
	});
});

describe('withRole', () => {
	it('gives the role to the scenario and takes it from the one that held it', () => {
		const all = [s('a', 'plan'), s('b', 'none'), s('c', 'projection')];
		expect(withRole(all, 'b', 'plan')).toEqual([s('b', 'plan'), s('a', 'none')]);
		expect(all[0].role).toBe('plan'); // not mutated
	});

	it('takes nothing from others when the role is none, and changes nothing when it is already held', () => {
		const all = [s('a', 'plan'), s('b', 'projection')];
		expect(withRole(all, 'a', 'none')).toEqual([s('a', 'none')]);
		expect(withRole(all, 'b', 'projection')).toEqual([]);
	});

	it('refuses an id no scenario has', () => {
		expect(() => withRole([s('a', 'plan')], 'zz', 'plan')).toThrow(
			'withRole: no scenario with id "zz"'
		);
	});
});

describe('scenarioWithRole and roleProblems', () => {
	it('finds the holder of a role, or nothing', () => {
		const all = [s('a', 'none'), s('b', 'projection')];
		expect(scenarioWithRole(all, 'projection')?.id).toBe('b');
		expect(scenarioWithRole(all, 'plan')).toBeUndefined();
	});

	it('names every scenario holding a role more than once', () => {
		expect(roleProblems([s('a', 'plan'), s('b', 'projection'), s('c', 'none')])).toEqual([]);
		expect(
			roleProblems([s('a', 'plan'), s('b', 'plan'), s('c', 'plan'), s('d', 'projection')])
		).toEqual([
			'scenarios "A", "B" and "C" are all the financial plan (role "plan"); a dataset has at most one.'
		]);
		expect(roleProblems([s('a', 'projection'), s('b', 'projection')])).toEqual([
			'scenarios "A" and "B" are both the reference projection (role "projection"); a dataset has at most one.'
		]);
	});
});
