import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	deleteScenarioSet,
	getScenarioSet,
	listScenarioSets,
	putScenarioSet
} from '$lib/storage/sets';
import type { WorkbenchDatabase } from '$lib/storage/transaction';
import { openFresh } from './fake-idb';

let db: WorkbenchDatabase;

beforeEach(async () => {
	({ db } = await openFresh());
});

afterEach(() => db.close());

describe('scenario sets', () => {
	it('saves a set with its scenarios in order, stamped with the time', async () => {
		const saved = await putScenarioSet(db, {
			id: 'plan_vs_may',
			datasetId: 'kingston',
			name: 'Plan vs May',
			scenarioIds: ['may_2021', 'sva_plan']
		});
		expect(Number.isNaN(Date.parse(saved.updatedAt))).toBe(false);
		expect(await getScenarioSet(db, 'plan_vs_may')).toEqual(saved);
		expect(saved.scenarioIds).toEqual(['may_2021', 'sva_plan']);
	});

	it('lists the sets of one dataset, by name', async () => {
		const base = { scenarioIds: [] };
		await putScenarioSet(db, { ...base, id: '2', datasetId: 'kingston', name: 'Savings' });
		await putScenarioSet(db, { ...base, id: '1', datasetId: 'kingston', name: 'Demand' });
		await putScenarioSet(db, { ...base, id: '3', datasetId: 'other', name: 'Alpha' });
		expect((await listScenarioSets(db, 'kingston')).map((s) => s.name)).toEqual([
			'Demand',
			'Savings'
		]);
	});

	it('deletes a set, and deleting it again does nothing', async () => {
		await putScenarioSet(db, { id: 's', datasetId: 'k', name: 'S', scenarioIds: ['a'] });
		await deleteScenarioSet(db, 's');
		expect(await getScenarioSet(db, 's')).toBeUndefined();
		await expect(deleteScenarioSet(db, 's')).resolves.toBeUndefined();
	});
});
