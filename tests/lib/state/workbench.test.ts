import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkbenchState, AUTOSAVE_MS } from '$lib/state/workbench.svelte';
import { openWorkbenchDb, getScenario, type WorkbenchDatabase } from '$lib/storage';
import { BASELINE_TREND, SVA_PLAN } from '$lib/data/kingston-scenarios';
import { metricValues } from '$lib/model/results';

let factory: IDBFactory;
let db: WorkbenchDatabase;
const opened: WorkbenchState[] = [];

beforeEach(async () => {
	factory = new IDBFactory();
	db = await openWorkbenchDb(factory);
});
afterEach(() => {
	for (const s of opened.splice(0)) s.dispose();
	db.close();
});

async function open(database = db) {
	const s = new WorkbenchState({ worker: false, db: database });
	opened.push(s);
	await s.init();
	return s;
}

describe('the workbench state', () => {
	it('opens on Kingston with its three scenarios projected', async () => {
		const s = await open();
		expect(s.status).toBe('ready');
		expect(s.dataset?.authority.name).toBe('Kingston upon Thames');
		expect(s.scenarios.map((r) => r.scenario.name).sort()).toEqual(
			[BASELINE_TREND, 'May 2021 projection', SVA_PLAN].sort()
		);
		const plan = s.resultByName(SVA_PLAN)!;
		expect(Math.round(metricValues(plan, 'cumulative_deficit_before_sv')[0])).toBe(28_607_000);
	});

	it('applies an edit at once, then saves it and moves the revision on', async () => {
		const s = await open();
		const base = s.scenarioByName(BASELINE_TREND)!;
		const before = metricValues(s.results[base.id], 'cumulative_deficit_before_sv').at(-1)!;
		const revision = (await getScenario(db, base.id))!.revision;
		await s.edit({
			...base,
			levers: [
				...base.levers,
				{
					id: 'j',
					label: '',
					kind: 'joiners',
					multiplier: 1.2,
					band: null,
					from: '2022/23',
					until: null
				}
			]
		});
		const after = metricValues(s.results[base.id], 'cumulative_deficit_before_sv').at(-1)!;
		expect(after).toBeGreaterThan(before);
		expect(s.saves[base.id].dirty).toBe(true);
		await s.flush();
		expect(s.saves[base.id].dirty).toBe(false);
		const stored = await getScenario(db, base.id);
		expect(stored?.revision).toBe(revision + 1);
		expect(stored?.scenario.levers).toHaveLength(2);
	});

	it('undoes and redoes an edit', async () => {
		const s = await open();
		const base = s.scenarioByName(BASELINE_TREND)!;
		await s.edit({ ...base, description: 'changed' });
		expect(s.canUndo(base.id)).toBe(true);
		await s.undo(base.id);
		expect(s.scenario(base.id)!.description).toBe(base.description);
		expect(s.canRedo(base.id)).toBe(true);
		await s.redo(base.id);
		expect(s.scenario(base.id)!.description).toBe('changed');
	});

	it('never silently loses an edit when two tabs change the same scenario', async () => {
		const tabA = await open();
		const db2 = await openWorkbenchDb(factory);
		const tabB = await open(db2);
		const id = tabA.scenarioByName(BASELINE_TREND)!.id;
		await tabA.edit({ ...tabA.scenario(id)!, description: 'A’s change' });
		await tabA.flush();
		await tabB.edit({ ...tabB.scenario(id)!, description: 'B’s change' });
		await tabB.flush();
		expect(tabB.saves[id].conflict?.message).toMatch(/changed in another tab/);
		expect((await getScenario(db, id))?.scenario.description).toBe('A’s change');
		await tabB.resolveConflict(id, 'copy');
		const names = tabB.scenarios.map((r) => r.scenario.name);
		expect(names).toContain(`${BASELINE_TREND} (my version)`);
		expect(
			tabB.scenarios.find((r) => r.scenario.name.endsWith('(my version)'))!.scenario.description
		).toBe('B’s change');
		db2.close();
	});

	it('creates, renames and deletes scenarios', async () => {
		const s = await open();
		const plan = s.scenarioByName(SVA_PLAN)!;
		const copy = await s.createScenario(plan.id, 'Growth 9%');
		expect(copy.parentId).toBe(plan.id);
		expect(s.results[copy.id]).toBeDefined();
		await expect(s.rename(copy.id, SVA_PLAN)).rejects.toThrow(/already a scenario/);
		await s.rename(copy.id, 'Growth 9% a year');
		await s.flush();
		expect((await getScenario(db, copy.id))?.scenario.name).toBe('Growth 9% a year');
		await s.deleteScenario(copy.id);
		expect(await getScenario(db, copy.id)).toBeUndefined();
	});

	it('keeps working in memory when IndexedDB is unavailable, and says so', async () => {
		const s = new WorkbenchState({ worker: false });
		opened.push(s);
		const saved = globalThis.indexedDB;
		// @ts-expect-error simulating a browser without IndexedDB
		delete globalThis.indexedDB;
		try {
			await s.init();
		} finally {
			globalThis.indexedDB = saved;
		}
		expect(s.status).toBe('ready');
		expect(s.persistent).toBe(false);
		expect(s.storageProblem).toMatch(/keep working/);
		expect(s.resultByName(SVA_PLAN)).toBeDefined();
	});

	it('saves by itself after a pause in editing', async () => {
		const s = await open();
		const base = s.scenarioByName(BASELINE_TREND)!;
		await s.edit({ ...base, description: 'later' });
		expect(s.saves[base.id].dirty).toBe(true);
		await vi.waitFor(() => expect(s.saves[base.id].dirty).toBe(false), {
			timeout: AUTOSAVE_MS * 10
		});
		expect((await getScenario(db, base.id))?.scenario.description).toBe('later');
	});
});
