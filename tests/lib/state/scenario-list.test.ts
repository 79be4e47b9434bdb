/**
 * The Scenarios page's workflow: a new scenario made from the one chosen (the first by default),
 * a duplicate, a rename refused or saved, and a delete that re-parents the scenarios made from it.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioList } from '$lib/state/scenario-list.svelte';
import { BASELINE_TREND } from '$lib/data/kingston-scenarios';
import { withWorkbench } from '../../fixtures/workbench';

const bench = withWorkbench();

async function list() {
	const workbench = await bench.open();
	return { workbench, list: new ScenarioList(workbench) };
}

describe('the Scenarios page workflow', { timeout: 60_000 }, () => {
	it('makes a scenario from the first by default, or from the one chosen while it exists', async () => {
		const { list: l } = await list();
		expect(l.parentId).toBe(l.scenarios[0].id);
		const base = l.scenarios.find((s) => s.name === BASELINE_TREND)!;
		l.parentId = base.id;
		l.newName = '  Growth 9%  ';
		const id = await l.create();
		const made = l.byId(id);
		expect(made?.name).toBe('Growth 9%');
		expect(made?.parentId).toBe(base.id);
		expect(l.newName).toBe('');
		l.parentId = 'deleted-long-ago';
		expect(l.parentId).toBe(l.scenarios[0].id);
	});

	it('refuses a rename to a name already taken, and saves another', async () => {
		const { list: l } = await list();
		const [a, b] = l.scenarios;
		l.startRename(a);
		expect(l.renameOpen).toBe(true);
		expect(l.renameText).toBe(a.name);
		l.renameText = b.name;
		await l.saveRename();
		expect(l.renameError).not.toBeNull();
		expect(l.renameOpen).toBe(true);
		l.renameText = 'Plan, renamed';
		await l.saveRename();
		expect(l.renameOpen).toBe(false);
		expect(l.notice).toBe('Renamed to “Plan, renamed”.');
		expect(l.byId(a.id)?.name).toBe('Plan, renamed');
	});

	it('deletes a scenario after a confirmation, re-parenting those made from it', async () => {
		const { list: l } = await list();
		const base = l.scenarios.find((s) => s.name === BASELINE_TREND)!;
		await l.duplicate(base);
		expect(l.notice).toMatch(/was made from “Baseline \(trend\)”/);
		const copy = l.scenarios.find((s) => s.parentId === base.id)!;
		l.startDelete(base);
		expect(l.children.map((c) => c.id)).toEqual([copy.id]);
		await l.confirmDelete();
		expect(l.byId(base.id)).toBeUndefined();
		expect(l.byId(copy.id)?.parentId).toBe(base.parentId);
		expect(l.notice).toBe('“Baseline (trend)” was deleted.');
	});
});
