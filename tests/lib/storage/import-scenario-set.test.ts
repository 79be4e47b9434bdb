import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '$lib/model/scenario';
import { getDataset, putDataset } from '$lib/storage/datasets';
import { StorageError } from '$lib/storage/errors';
import { importScenarioSet } from '$lib/storage/import-scenario-set';
import { createScenario, getScenario, saveScenario } from '$lib/storage/scenarios';
import type { WorkbenchDatabase } from '$lib/storage/transaction';
import { allRows, makeDataset, makeScenario } from './fixtures';
import { openFresh } from './fake-idb';

let db: WorkbenchDatabase;

beforeEach(async () => {
	({ db } = await openFresh());
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

const three = () => [
	makeScenario({ id: 'sva_plan', name: 'SVA financial model 2021/22' }),
	makeScenario({ id: 'may_2021', name: 'May 2021 projection' }),
	makeScenario({ id: 'baseline', name: 'Baseline (trend)' })
];

async function expectNothingWritten() {
	expect(await allRows(db, 'datasets')).toEqual([]);
	expect(await allRows(db, 'scenarios')).toEqual([]);
}

describe('importScenarioSet', () => {
	it('saves the dataset and every scenario, each at revision 1, in the order given', async () => {
		const dataset = makeDataset();
		const result = await importScenarioSet(db, dataset, three());
		expect(result.dataset).toEqual(dataset);
		expect(result.scenarios.map((r) => [r.id, r.datasetId, r.revision])).toEqual([
			['sva_plan', 'kingston', 1],
			['may_2021', 'kingston', 1],
			['baseline', 'kingston', 1]
		]);
		expect(await getDataset(db, 'kingston')).toEqual(dataset);
		expect((await getScenario(db, 'may_2021'))?.scenario).toEqual(three()[1]);
	});

	it('keeps the dataset exactly, text and nested figures included (lossless)', async () => {
		const dataset = makeDataset({ description: 'é — £ “quoted”\nnew line' });
		await importScenarioSet(db, dataset, three());
		expect(await getDataset(db, 'kingston')).toStrictEqual(dataset);
	});

	it('replaces a scenario of the same dataset with a new revision, so an open tab learns of it', async () => {
		await putDataset(db, makeDataset());
		const open = await createScenario(db, 'kingston', makeScenario({ id: 'baseline' }));
		const result = await importScenarioSet(db, makeDataset(), three());
		expect(result.scenarios[2].revision).toBe(2);
		expect((await rejection(saveScenario(db, open, open.revision))).kind).toBe('conflict');
	});

	it('writes nothing when one scenario holds a value the browser cannot store', async () => {
		const scenarios = three();
		// A function cannot be stored (DataCloneError), and this one comes after two good records.
		(scenarios[2] as unknown as { description: unknown }).description = () => 'not storable';
		const error = await rejection(importScenarioSet(db, makeDataset(), scenarios));
		expect(error.kind).toBe('failed');
		expect(error.message).toMatch(/could not be stored.*nothing was changed/);
		await expectNothingWritten();
	});

	it("writes nothing, and says 'quota', when the storage fills up part-way", async () => {
		const put = globalThis.IDBObjectStore.prototype.put;
		let calls = 0;
		vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (++calls === 3)
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		});
		const error = await rejection(importScenarioSet(db, makeDataset(), three()));
		expect(calls).toBe(3);
		expect(error.kind).toBe('quota');
		expect(error.message).toMatch(/^Your browser's storage for this site is full/);
		vi.restoreAllMocks();
		await expectNothingWritten();
	});

	it('writes nothing when the transaction is aborted after every record was put', async () => {
		const put = globalThis.IDBObjectStore.prototype.put;
		let calls = 0;
		vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			const request = put.apply(this, args);
			// The browser gives up on the transaction (as on a disk error) after the last put.
			if (++calls === 4) this.transaction.abort();
			return request;
		});
		const error = await rejection(importScenarioSet(db, makeDataset(), three()));
		expect(error.kind).toBe('failed');
		vi.restoreAllMocks();
		await expectNothingWritten();
	});

	it("refuses, writing nothing, a scenario id already saved under another dataset ('conflict')", async () => {
		await putDataset(db, makeDataset({ id: 'other', name: 'Other' }));
		const theirs = await createScenario(db, 'other', makeScenario({ id: 'may_2021' }));
		const error = await rejection(importScenarioSet(db, makeDataset(), three()));
		expect(error.kind).toBe('conflict');
		expect(error.message).toMatch(/already saved under another dataset \("other"\)/);
		expect(await getDataset(db, 'kingston')).toBeUndefined();
		expect(await getScenario(db, 'sva_plan')).toBeUndefined();
		expect(await getScenario(db, 'may_2021')).toEqual(theirs);
	});

	it("refuses, writing nothing, an import that gives one scenario id twice ('conflict')", async () => {
		const twice: Scenario[] = [...three(), makeScenario({ id: 'sva_plan', name: 'Again' })];
		const error = await rejection(importScenarioSet(db, makeDataset(), twice));
		expect(error.kind).toBe('conflict');
		expect(error.message).toMatch(/two scenarios with id "sva_plan"/);
		await expectNothingWritten();
	});
});
