import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDataset, getDataset, listDatasets, putDataset } from '$lib/storage/datasets';
import { getMeta } from '$lib/storage/meta';
import { createScenario, getScenario, listScenarios, renameScenario } from '$lib/storage/scenarios';
import { seedBuiltInDataset } from '$lib/storage/seed';
import type { WorkbenchDatabase } from '$lib/storage/transaction';
import { makeDataset, makeScenario } from './fixtures';
import { openFresh } from './fake-idb';

let db: WorkbenchDatabase;

beforeEach(async () => {
	({ db } = await openFresh());
});

afterEach(() => db.close());

const builtIn = () => ({
	dataset: makeDataset(),
	scenarios: [
		makeScenario({ id: 'sva_plan', name: 'SVA financial model 2021/22' }),
		makeScenario({ id: 'may_2021', name: 'May 2021 projection' })
	],
	version: 1
});

describe('seedBuiltInDataset', () => {
	it('adds the built-in dataset and its scenarios on first run, and records it', async () => {
		expect(await seedBuiltInDataset(db, builtIn())).toBe(true);
		expect(await getDataset(db, 'kingston')).toEqual(makeDataset());
		expect((await listScenarios(db, 'kingston')).map((r) => [r.id, r.revision])).toEqual([
			['may_2021', 1],
			['sva_plan', 1]
		]);
		expect(await getMeta(db, 'builtInSeed')).toMatchObject({ datasetId: 'kingston', version: 1 });
	});

	it('does not bring back a built-in dataset the user deleted', async () => {
		await seedBuiltInDataset(db, builtIn());
		await deleteDataset(db, 'kingston');
		expect(await seedBuiltInDataset(db, builtIn())).toBe(false);
		expect(await listDatasets(db)).toEqual([]);
	});

	it('seeds once when two tabs open at the same time', async () => {
		const results = await Promise.all([
			seedBuiltInDataset(db, builtIn()),
			seedBuiltInDataset(db, builtIn())
		]);
		expect(results.sort()).toEqual([false, true]);
	});

	it('leaves alone what a browser upgraded from version 1 already has, edits included', async () => {
		await putDataset(db, makeDataset({ description: 'edited by the user' }));
		await createScenario(
			db,
			'kingston',
			makeScenario({ id: 'may_2021', name: 'May 2021 projection' })
		);
		const edited = await renameScenario(db, 'may_2021', 'May (edited)');
		expect(await seedBuiltInDataset(db, builtIn())).toBe(true);
		expect((await getDataset(db, 'kingston'))?.description).toBe('edited by the user');
		expect(await getScenario(db, 'may_2021')).toEqual(edited);
		expect((await getScenario(db, 'sva_plan'))?.revision).toBe(1);
	});
});
