import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { putDataset } from '$lib/storage/datasets';
import { StorageError } from '$lib/storage/errors';
import { putRun, getRun } from '$lib/storage/runs';
import type { ScenarioRecord } from '$lib/storage/schema';
import {
	createScenario,
	deleteScenario,
	duplicateScenario,
	getScenario,
	listScenarios,
	renameScenario,
	saveScenario
} from '$lib/storage/scenarios';
import { getScenarioSet, putScenarioSet } from '$lib/storage/sets';
import type { WorkbenchDatabase } from '$lib/storage/transaction';
import { makeDataset, makeScenario } from './fixtures';
import { openFresh } from './fake-idb';

let db: WorkbenchDatabase;

beforeEach(async () => {
	({ db } = await openFresh());
	await putDataset(db, makeDataset());
});

afterEach(() => {
	vi.restoreAllMocks();
	db.close();
});

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(StorageError);
	return error as StorageError;
}

describe('createScenario', () => {
	it('saves a new scenario at revision 1 under its dataset', async () => {
		const record = await createScenario(db, 'kingston', makeScenario());
		expect(record).toMatchObject({ id: 'baseline', datasetId: 'kingston', revision: 1 });
		expect(await getScenario(db, 'baseline')).toEqual(record);
	});

	it("refuses an id already saved, with kind 'conflict', keeping the saved one", async () => {
		const first = await createScenario(db, 'kingston', makeScenario());
		const error = await rejection(
			createScenario(db, 'kingston', makeScenario({ name: 'Another' }))
		);
		expect(error.kind).toBe('conflict');
		expect(error.message).toMatch(/id "baseline" is already saved/);
		expect(await getScenario(db, 'baseline')).toEqual(first);
	});

	it("refuses a dataset that is not saved, with kind 'not-found'", async () => {
		const error = await rejection(createScenario(db, 'nowhere', makeScenario()));
		expect(error.kind).toBe('not-found');
		expect(error.message).toMatch(/Dataset "nowhere"/);
		expect(await getScenario(db, 'baseline')).toBeUndefined();
	});
});

describe('listScenarios', () => {
	it('lists the scenarios of one dataset only, by name', async () => {
		await putDataset(db, makeDataset({ id: 'other', name: 'Other' }));
		await createScenario(db, 'kingston', makeScenario({ id: 'b', name: 'May 2021 projection' }));
		await createScenario(db, 'kingston', makeScenario({ id: 'a', name: 'Baseline (trend)' }));
		await createScenario(db, 'other', makeScenario({ id: 'c', name: 'Alpha' }));
		expect((await listScenarios(db, 'kingston')).map((r) => r.id)).toEqual(['a', 'b']);
		expect((await listScenarios(db, 'other')).map((r) => r.id)).toEqual(['c']);
		expect(await listScenarios(db, 'none')).toEqual([]);
	});
});

describe('saveScenario', () => {
	it('saves over the revision it started from and moves the revision on', async () => {
		const created = await createScenario(db, 'kingston', makeScenario());
		const edited = { ...created.scenario, description: 'edited' };
		const saved = await saveScenario(db, { ...created, scenario: edited }, 1);
		expect(saved).toMatchObject({ id: 'baseline', datasetId: 'kingston', revision: 2 });
		expect((await getScenario(db, 'baseline'))?.scenario.description).toBe('edited');
	});

	it("refuses a save from a stale revision with kind 'conflict' and leaves the stored record unchanged", async () => {
		const created = await createScenario(db, 'kingston', makeScenario());
		// Tab A saves first…
		const tabA = await saveScenario(
			db,
			{ ...created, scenario: { ...created.scenario, description: 'tab A' } },
			created.revision
		);
		// …then tab B, which opened revision 1 too.
		const error = await rejection(
			saveScenario(
				db,
				{ ...created, scenario: { ...created.scenario, description: 'tab B' } },
				created.revision
			)
		);
		expect(error.kind).toBe('conflict');
		expect(error.message).toMatch(
			/changed in another tab or window .*revision 1, the saved one is revision 2.*not saved/
		);
		expect(await getScenario(db, 'baseline')).toEqual(tabA);
	});

	it("refuses to save a scenario deleted meanwhile, with kind 'not-found', and does not recreate it", async () => {
		const created = await createScenario(db, 'kingston', makeScenario());
		await deleteScenario(db, 'baseline');
		const error = await rejection(saveScenario(db, created, 1));
		expect(error.kind).toBe('not-found');
		expect(await getScenario(db, 'baseline')).toBeUndefined();
	});

	it('keeps the dataset the scenario was created under', async () => {
		const created = await createScenario(db, 'kingston', makeScenario());
		const moved = { ...created, datasetId: 'elsewhere' } as ScenarioRecord;
		expect((await saveScenario(db, moved, 1)).datasetId).toBe('kingston');
	});

	it('names the mismatch when the record id and the scenario id differ', async () => {
		await expect(
			saveScenario(db, { id: 'x', scenario: makeScenario({ id: 'y' }) }, 1)
		).rejects.toThrow('saveScenario: record.id "x" must equal record.scenario.id "y"');
	});

	it("surfaces a full storage as kind 'quota' with the message, and keeps the stored record", async () => {
		const created = await createScenario(db, 'kingston', makeScenario());
		vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		const error = await rejection(
			saveScenario(db, { ...created, scenario: { ...created.scenario, name: 'New name' } }, 1)
		);
		expect(error.kind).toBe('quota');
		expect(error.message).toBe(
			"Your browser's storage for this site is full: the last change was not saved. Export your " +
				'scenarios (Scenarios → Export) and free space, then try again.'
		);
		expect(error.action).toBe('save scenario "New name"');
		vi.restoreAllMocks();
		expect(await getScenario(db, 'baseline')).toEqual(created);
	});
});

describe('duplicateScenario', () => {
	it('copies a scenario under a new id at revision 1, naming its parent', async () => {
		await createScenario(db, 'kingston', makeScenario());
		const copy = await duplicateScenario(db, 'baseline');
		expect(copy.id).not.toBe('baseline');
		expect(copy.id).toMatch(/^scenario_[0-9a-f]{16}$/);
		expect(copy).toMatchObject({ datasetId: 'kingston', revision: 1 });
		expect(copy.scenario).toEqual({
			...makeScenario(),
			id: copy.id,
			name: 'Baseline (trend) (copy)',
			parentId: 'baseline'
		});
		expect(await getScenario(db, copy.id)).toEqual(copy);
		expect((await getScenario(db, 'baseline'))?.scenario).toEqual(makeScenario());
	});

	it('takes the id and name it is given, and refuses an id in use', async () => {
		await createScenario(db, 'kingston', makeScenario());
		const copy = await duplicateScenario(db, 'baseline', { id: 'redirect_20', name: '20%' });
		expect(copy.scenario).toMatchObject({ id: 'redirect_20', name: '20%' });
		const error = await rejection(duplicateScenario(db, 'baseline', { id: 'redirect_20' }));
		expect(error.kind).toBe('conflict');
	});

	it("refuses to copy a scenario that is not saved, with kind 'not-found'", async () => {
		expect((await rejection(duplicateScenario(db, 'missing'))).kind).toBe('not-found');
	});
});

describe('renameScenario', () => {
	it('renames and moves the revision on, so a tab editing the old name cannot save over it', async () => {
		const created = await createScenario(db, 'kingston', makeScenario());
		const renamed = await renameScenario(db, 'baseline', 'Unmitigated');
		expect(renamed).toMatchObject({ revision: 2, scenario: { name: 'Unmitigated' } });
		const error = await rejection(saveScenario(db, created, created.revision));
		expect(error.kind).toBe('conflict');
		expect((await getScenario(db, 'baseline'))?.scenario.name).toBe('Unmitigated');
	});

	it("refuses with kind 'conflict' when the expected revision has moved on", async () => {
		await createScenario(db, 'kingston', makeScenario());
		await renameScenario(db, 'baseline', 'First');
		const error = await rejection(renameScenario(db, 'baseline', 'Second', 1));
		expect(error.kind).toBe('conflict');
		expect((await getScenario(db, 'baseline'))?.scenario.name).toBe('First');
	});
});

describe('deleteScenario', () => {
	it('deletes the scenario with its runs, and takes it out of scenario sets', async () => {
		await createScenario(db, 'kingston', makeScenario());
		await createScenario(db, 'kingston', makeScenario({ id: 'keep' }));
		const run = { inputsHash: 'h', seed: 50, simulations: 10, summary: {}, samples: null };
		await putRun(db, { ...run, scenarioId: 'baseline' });
		await putRun(db, { ...run, scenarioId: 'keep' });
		await putScenarioSet(db, {
			id: 'compare',
			datasetId: 'kingston',
			name: 'Compare',
			scenarioIds: ['keep', 'baseline']
		});

		await deleteScenario(db, 'baseline');

		expect(await getScenario(db, 'baseline')).toBeUndefined();
		expect(await getRun(db, ['baseline', 'h', 50, 10])).toBeUndefined();
		expect(await getRun(db, ['keep', 'h', 50, 10])).toBeDefined();
		expect((await getScenarioSet(db, 'compare'))?.scenarioIds).toEqual(['keep']);
	});

	it('does nothing for a scenario that is not saved', async () => {
		await expect(deleteScenario(db, 'missing')).resolves.toBeUndefined();
	});
});
