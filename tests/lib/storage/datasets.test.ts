import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDataset, getDataset, listDatasets, putDataset } from '$lib/storage/datasets';
import { getMeta, kpiActualsKey, reportTextsKey, setMeta } from '$lib/storage/meta';
import { getRun, putRun } from '$lib/storage/runs';
import { createScenario, getScenario } from '$lib/storage/scenarios';
import { getScenarioSet, putScenarioSet } from '$lib/storage/sets';
import type { WorkbenchDatabase } from '$lib/storage/transaction';
import { makeDataset, makeScenario } from './fixtures';
import { openFresh } from './fake-idb';
import { seed } from '$lib/model/provenance';

let db: WorkbenchDatabase;

beforeEach(async () => {
	({ db } = await openFresh());
});

afterEach(() => db.close());

describe('datasets', () => {
	it('lists saved datasets by name', async () => {
		await putDataset(db, makeDataset({ id: 'z', name: 'Sutton' }));
		await putDataset(db, makeDataset({ id: 'k', name: 'Kingston upon Thames' }));
		expect((await listDatasets(db)).map((d) => d.id)).toEqual(['k', 'z']);
	});

	it('gets a dataset back exactly as it was put, and undefined for one never saved', async () => {
		const dataset = makeDataset();
		await putDataset(db, dataset);
		expect(await getDataset(db, 'kingston')).toStrictEqual(dataset);
		expect(await getDataset(db, 'missing')).toBeUndefined();
	});

	it('replaces a dataset put again under the same id', async () => {
		await putDataset(db, makeDataset());
		await putDataset(db, makeDataset({ name: 'Renamed' }));
		expect((await listDatasets(db)).map((d) => d.name)).toEqual(['Renamed']);
	});

	it("deletes a dataset with its scenarios, their runs, its sets and its entries, and no one else's", async () => {
		await putDataset(db, makeDataset());
		await putDataset(db, makeDataset({ id: 'other', name: 'Other' }));
		await createScenario(db, 'kingston', makeScenario({ id: 'mine' }));
		await createScenario(db, 'other', makeScenario({ id: 'theirs' }));
		const run = { inputsHash: 'h', seed: 1, simulations: 10, summary: null, samples: null };
		await putRun(db, { ...run, scenarioId: 'mine' });
		await putRun(db, { ...run, scenarioId: 'theirs' });
		const set = { name: 'S', scenarioIds: [] };
		await putScenarioSet(db, { ...set, id: 'mine_set', datasetId: 'kingston' });
		await putScenarioSet(db, { ...set, id: 'their_set', datasetId: 'other' });
		const actuals = { '1': [{ period: '2021-Q1', value: seed(1447, 'KPI 1') }] };
		await setMeta(db, kpiActualsKey('kingston'), actuals);
		await setMeta(db, kpiActualsKey('other'), actuals);
		await setMeta(db, reportTextsKey('kingston'), { summary: 'text' });
		await setMeta(db, 'lastOpened', { datasetId: 'kingston', scenarioId: 'mine' });

		await deleteDataset(db, 'kingston');

		expect(await getDataset(db, 'kingston')).toBeUndefined();
		expect(await getScenario(db, 'mine')).toBeUndefined();
		expect(await getRun(db, ['mine', 'h', 1, 10])).toBeUndefined();
		expect(await getScenarioSet(db, 'mine_set')).toBeUndefined();
		expect(await getMeta(db, kpiActualsKey('kingston'))).toBeUndefined();
		expect(await getMeta(db, reportTextsKey('kingston'))).toBeUndefined();
		expect(await getMeta(db, 'lastOpened')).toBeUndefined();

		expect(await getDataset(db, 'other')).toBeDefined();
		expect(await getScenario(db, 'theirs')).toBeDefined();
		expect(await getRun(db, ['theirs', 'h', 1, 10])).toBeDefined();
		expect(await getScenarioSet(db, 'their_set')).toBeDefined();
		expect(await getMeta(db, kpiActualsKey('other'))).toEqual(actuals);
	});

	it('keeps "last opened" when it points at another dataset', async () => {
		await putDataset(db, makeDataset());
		await setMeta(db, 'lastOpened', { datasetId: 'other', scenarioId: null });
		await deleteDataset(db, 'kingston');
		expect(await getMeta(db, 'lastOpened')).toEqual({ datasetId: 'other', scenarioId: null });
	});
});
