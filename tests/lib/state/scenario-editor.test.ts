import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkbenchState } from '$lib/state/workbench.svelte';
import { SimulationState } from '$lib/state/simulation.svelte';
import { ScenarioEditor, type ShortcutKey } from '$lib/state/scenario-editor.svelte';
import { getScenario, openWorkbenchDb, type WorkbenchDatabase } from '$lib/storage';
import { BASELINE_TREND, MAY_PROJECTION, SVA_PLAN } from '$lib/data/kingston-scenarios';
import type { Lever } from '$lib/model/scenario';
import { ReactiveValue } from './reactive-value.svelte';

let db: WorkbenchDatabase;
const disposers: (() => void)[] = [];

beforeEach(async () => {
	db = await openWorkbenchDb(new IDBFactory());
});
afterEach(() => {
	for (const d of disposers.splice(0)) d();
	db.close();
});

async function editorOf(name: string) {
	const workbench = new WorkbenchState({ worker: false, db });
	const sim = new SimulationState({ createWorker: null, db, debounceMs: 5 });
	disposers.push(
		() => workbench.dispose(),
		() => sim.dispose()
	);
	await workbench.init();
	const id = new ReactiveValue(workbench.scenarioByName(name)!.id);
	const editor = new ScenarioEditor(workbench, sim, () => id.value);
	return { workbench, editor, open: (next: string) => (id.value = next) };
}

const joiners = (multiplier: number): Lever => ({
	id: 'more-joiners',
	label: '',
	kind: 'joiners',
	multiplier,
	band: null,
	from: '2022/23',
	until: null
});

const key = (k: Partial<ShortcutKey>) => {
	let prevented = false;
	const e: ShortcutKey = {
		key: 'z',
		ctrlKey: true,
		metaKey: false,
		shiftKey: false,
		nativeUndo: false,
		preventDefault: () => (prevented = true),
		...k
	};
	return { e, prevented: () => prevented };
};

describe('the scenario editor', { timeout: 60_000 }, () => {
	it('opens the scenario the id names, with its projection, years and parent', async () => {
		const { workbench, editor, open } = await editorOf(BASELINE_TREND);
		expect(editor.scenario?.name).toBe(BASELINE_TREND);
		expect(editor.result).toBe(workbench.results[editor.scenario!.id]);
		expect(editor.years[0]).toBe('2021/22');
		open('no-such-id');
		expect(editor.scenario).toBeUndefined();
		expect(editor.differences).toEqual([]);
		const child = await workbench.createScenario(workbench.scenarioByName(MAY_PROJECTION)!.id);
		open(child.id);
		expect(editor.parent?.name).toBe(MAY_PROJECTION);
		expect(editor.parentResult).toBe(workbench.results[editor.parent!.id]);
	});

	it('applies a valid edit and describes how the scenario now differs from its parent', async () => {
		const { editor } = await editorOf(BASELINE_TREND);
		const before = editor.differences.length;
		await editor.addLever(joiners(1.2));
		expect(editor.pageError).toBeNull();
		expect(editor.scenario!.levers.at(-1)?.id).toBe('more-joiners');
		expect(editor.differences.length).toBe(before + 1);
	});

	it('refuses an invalid edit with the validator’s message and leaves the scenario as it was', async () => {
		const { editor } = await editorOf(BASELINE_TREND);
		const levers = editor.scenario!.levers;
		const issue = await editor.apply({ ...editor.scenario!, levers: [...levers, joiners(-1)] });
		expect(issue?.message).toMatch(/multiplier/);
		expect(editor.scenario!.levers).toEqual(levers);
		await editor.addLever(joiners(-1), (m) => `short: ${m}`);
		expect(editor.pageError).toMatch(/^short: .*multiplier/);
		expect(editor.scenario!.levers).toEqual(levers);
	});

	it('replaces and removes a lever by its place in the list', async () => {
		const { editor } = await editorOf(BASELINE_TREND);
		await editor.addLever(joiners(1.2));
		const i = editor.scenario!.levers.length - 1;
		expect(await editor.updateLever(i, joiners(1.5))).toBeNull();
		expect(editor.scenario!.levers[i]).toMatchObject({ multiplier: 1.5 });
		await editor.removeLever(i);
		expect(editor.scenario!.levers.some((l) => l.id === 'more-joiners')).toBe(false);
	});

	it('keeps why a rename was refused until a rename works', async () => {
		const { editor } = await editorOf(BASELINE_TREND);
		await editor.rename(MAY_PROJECTION);
		expect(editor.nameError).toMatch(/already/i);
		expect(editor.scenario!.name).toBe(BASELINE_TREND);
		await editor.rename('Trend, renamed');
		expect(editor.nameError).toBeNull();
		expect(editor.scenario!.name).toBe('Trend, renamed');
	});

	it('makes the open scenario the plan, taking the role from the scenario that held it', async () => {
		const { workbench, editor } = await editorOf(BASELINE_TREND);
		const roles = () =>
			Object.fromEntries(workbench.scenarios.map((r) => [r.scenario.name, r.scenario.role]));
		expect(roles()).toEqual({
			[SVA_PLAN]: 'plan',
			[MAY_PROJECTION]: 'projection',
			[BASELINE_TREND]: 'none'
		});
		expect(editor.roleNote).toContain(`The financial plan is “${SVA_PLAN}”`);
		await editor.setRole('plan');
		expect(roles()).toEqual({
			[SVA_PLAN]: 'none',
			[MAY_PROJECTION]: 'projection',
			[BASELINE_TREND]: 'plan'
		});
		expect(editor.roleNote).toMatch(/^Actuals are compared with it/);
		expect(editor.roleNote).not.toContain('The financial plan is');
		// Saved, both of them.
		await workbench.flush();
		expect((await getScenario(db, workbench.scenarioByName(SVA_PLAN)!.id))!.scenario.role).toBe(
			'none'
		);
		expect(
			(await getScenario(db, workbench.scenarioByName(BASELINE_TREND)!.id))!.scenario.role
		).toBe('plan');
	});

	it('never leaves two plans, whatever is undone', async () => {
		const { workbench, editor } = await editorOf(BASELINE_TREND);
		const plans = () => workbench.scenarios.filter((r) => r.scenario.role === 'plan').length;
		const sva = workbench.scenarioByName(SVA_PLAN)!.id;
		await workbench.edit({ ...workbench.scenario(sva)!, description: 'edited while the plan' });
		await editor.setRole('plan');
		expect(plans()).toBe(1);
		// Undoing the old plan's edit brings back a version of it that was the plan: it is the
		// plan again, and the trend gives the role up.
		await workbench.undo(sva);
		expect(plans()).toBe(1);
		expect(workbench.scenario(sva)!.role).toBe('plan');
		expect(editor.scenario!.role).toBe('none');
	});

	it('gives a new scenario no role, even when made from the plan', async () => {
		const { workbench } = await editorOf(SVA_PLAN);
		const copy = await workbench.createScenario(workbench.scenarioByName(SVA_PLAN)!.id);
		expect(copy.role).toBe('none');
		expect(workbench.scenarioByName(SVA_PLAN)!.role).toBe('plan');
	});

	it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z or Ctrl+Y, but not in a field with its own undo', async () => {
		const { workbench, editor } = await editorOf(BASELINE_TREND);
		const id = editor.scenario!.id;
		await editor.apply({ ...editor.scenario!, description: 'changed' });

		const inField = key({ nativeUndo: true });
		expect(editor.shortcut(inField.e)).toBe(false);
		expect(inField.prevented()).toBe(false);
		expect(editor.shortcut(key({ ctrlKey: false }).e)).toBe(false);

		const undo = key({});
		expect(editor.shortcut(undo.e)).toBe(true);
		expect(undo.prevented()).toBe(true);
		await workbench.flush();
		await until(() => workbench.scenario(id)!.description !== 'changed');

		expect(editor.shortcut(key({ key: 'Y' }).e)).toBe(true);
		await until(() => workbench.scenario(id)!.description === 'changed');
		expect(editor.shortcut(key({ metaKey: true, ctrlKey: false, shiftKey: true }).e)).toBe(true);
	});
});

/** Waits (without a clock assertion) until `done` holds, for the undo the shortcut started. */
async function until(done: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
	expect(done()).toBe(true);
}
