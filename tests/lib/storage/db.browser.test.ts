/**
 * The persistence layer on Chromium's real IndexedDB, for what fake-indexeddb could hide:
 * compound keys, typed arrays, real transaction aborts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openWorkbenchDb } from '$lib/storage/db';
import { StorageError } from '$lib/storage/errors';
import { importScenarioSet } from '$lib/storage/import-scenario-set';
import { getRun, putRun } from '$lib/storage/runs';
import { DB_NAME, DB_VERSION, STORE_NAMES } from '$lib/storage/schema';
import { getScenario, saveScenario } from '$lib/storage/scenarios';
import type { WorkbenchDatabase } from '$lib/storage/transaction';
import { allRows, makeDataset, makeScenario } from './fixtures';

let db: WorkbenchDatabase;

beforeEach(async () => {
	await deleteDB(DB_NAME);
	db = await openWorkbenchDb();
});

afterEach(async () => {
	db.close();
	await deleteDB(DB_NAME);
});

describe('storage on a real browser IndexedDB', () => {
	it('creates every store at the current version', () => {
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
	});

	it('imports whole, refuses a stale save, and keeps typed arrays under compound keys', async () => {
		const { scenarios } = await importScenarioSet(db, makeDataset(), [makeScenario()]);
		const [record] = scenarios;
		await saveScenario(db, { ...record, scenario: { ...record.scenario, name: 'A' } }, 1);
		const stale = await saveScenario(db, record, 1).catch((e: unknown) => e);
		expect(stale).toBeInstanceOf(StorageError);
		expect((stale as StorageError).kind).toBe('conflict');
		expect((await getScenario(db, 'baseline'))?.scenario.name).toBe('A');

		const samples = { ehcp_total: Float64Array.from([1, 2.5]) };
		const run = { scenarioId: 'baseline', inputsHash: 'h', seed: 50, simulations: 2 };
		await putRun(db, { ...run, summary: { ok: true }, samples });
		const back = await getRun(db, ['baseline', 'h', 50, 2]);
		expect(back?.samples?.ehcp_total).toBeInstanceOf(Float64Array);
		expect(Array.from(back?.samples?.ehcp_total ?? [])).toEqual([1, 2.5]);
	});

	it('writes nothing of an import when one record cannot be stored', async () => {
		const bad = makeScenario({ id: 'bad' });
		(bad as unknown as { description: unknown }).description = () => 'not storable';
		const error = await importScenarioSet(db, makeDataset(), [makeScenario(), bad]).catch(
			(e: unknown) => e
		);
		expect((error as StorageError).kind).toBe('failed');
		expect(await allRows(db, 'datasets')).toEqual([]);
		expect(await allRows(db, 'scenarios')).toEqual([]);
	});
});
