import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchState } from '$lib/state/workbench.svelte';
import { openWorkbenchDb } from '$lib/storage';
import { BASELINE_TREND } from '$lib/data/kingston-scenarios';
import type { Scenario } from '$lib/model/scenario';

const opened: WorkbenchState[] = [];
afterEach(() => {
	for (const s of opened.splice(0)) s.dispose();
});

async function open() {
	const s = new WorkbenchState({ worker: false, db: await openWorkbenchDb(new IDBFactory()) });
	opened.push(s);
	await s.init();
	return s;
}

const withDelivery = (s: Scenario, delivery: number): Scenario => ({
	...s,
	levers: [{ ...s.levers[0], delivery } as Scenario['levers'][number]]
});
const delivery = (s: WorkbenchState, id: string) =>
	(s.scenario(id)!.levers[0] as { delivery: number }).delivery;

describe('edits merged into one undo step', () => {
	it('makes one undo step of a slider drag (edits with the same merge key in a row)', async () => {
		const s = await open();
		const base = s.scenarioByName(BASELINE_TREND)!;
		for (const d of [0.1, 0.2, 0.3]) {
			await s.edit(withDelivery(s.scenario(base.id)!, d), { merge: 'drag-1' });
		}
		expect(delivery(s, base.id)).toBe(0.3);
		await s.undo(base.id);
		expect(delivery(s, base.id)).toBe(0);
		expect(s.canUndo(base.id)).toBe(false);
		await s.redo(base.id);
		expect(delivery(s, base.id)).toBe(0.3);
	});

	it('starts a new undo step for another key, and after an undo', async () => {
		const s = await open();
		const id = s.scenarioByName(BASELINE_TREND)!.id;
		await s.edit(withDelivery(s.scenario(id)!, 0.1), { merge: 'drag-1' });
		await s.edit(withDelivery(s.scenario(id)!, 0.2), { merge: 'drag-2' });
		await s.undo(id);
		expect(delivery(s, id)).toBe(0.1);
		await s.edit(withDelivery(s.scenario(id)!, 0.4), { merge: 'drag-1' });
		await s.undo(id);
		expect(delivery(s, id)).toBe(0.1);
	});
});
