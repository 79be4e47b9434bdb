import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '$lib/storage/errors';
import { inTransaction, type WorkbenchDatabase } from '$lib/storage/transaction';
import { allRows, makeDataset } from './fixtures';
import { openFresh } from './fake-idb';

let db: WorkbenchDatabase;

beforeEach(async () => {
	({ db } = await openFresh());
});

afterEach(() => db.close());

describe('inTransaction', () => {
	it('resolves with the result once everything is committed', async () => {
		const result = await inTransaction(db, ['datasets'], 'readwrite', 'test', async (tx) => {
			await tx.objectStore('datasets').put(makeDataset({ id: 'a' }));
			await tx.objectStore('datasets').put(makeDataset({ id: 'b' }));
			return 'done';
		});
		expect(result).toBe('done');
		expect(await allRows(db, 'datasets')).toHaveLength(2);
	});

	it('undoes earlier writes and passes on a StorageError the work throws', async () => {
		const refusal = new StorageError('conflict', 'changed elsewhere');
		const error = await inTransaction(db, ['datasets'], 'readwrite', 'test', async (tx) => {
			await tx.objectStore('datasets').put(makeDataset({ id: 'a' }));
			throw refusal;
		}).catch((e: unknown) => e);
		expect(error).toBe(refusal);
		expect(await allRows(db, 'datasets')).toEqual([]);
	});

	it('undoes earlier writes when a later request fails, naming the kind and the action', async () => {
		const error = await inTransaction(db, ['datasets'], 'readwrite', 'add twice', async (tx) => {
			await tx.objectStore('datasets').add(makeDataset({ id: 'a' }));
			await tx.objectStore('datasets').add(makeDataset({ id: 'b' }));
			await tx.objectStore('datasets').add(makeDataset({ id: 'a' }));
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error).toMatchObject({ kind: 'conflict', action: 'add twice' });
		expect(await allRows(db, 'datasets')).toEqual([]);
	});

	it('turns a programming error in the work into a failed StorageError and writes nothing', async () => {
		const error = await inTransaction(db, ['datasets'], 'readwrite', 'test', async (tx) => {
			await tx.objectStore('datasets').put(makeDataset());
			throw new TypeError('x is undefined');
		}).catch((e: unknown) => e);
		expect(error).toMatchObject({ kind: 'failed' });
		expect((error as StorageError).cause).toBeInstanceOf(TypeError);
		expect(await allRows(db, 'datasets')).toEqual([]);
	});
});
