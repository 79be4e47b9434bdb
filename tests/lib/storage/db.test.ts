import { describe, expect, it, vi } from 'vitest';
import { wrap, type IDBPDatabase } from 'idb';
import type { IDBFactory } from 'fake-indexeddb';
import { openWorkbenchDb } from '$lib/storage/db';
import { StorageError } from '$lib/storage/errors';
import {
	DB_NAME,
	DB_VERSION,
	LEGACY_V1,
	STORE_NAMES,
	type LegacyWorkbenchDBv1,
	type ScenarioRecord
} from '$lib/storage/schema';
import { getScenario, listScenarios, saveScenario } from '$lib/storage/scenarios';
import { getDataset, getDatasetRecord } from '$lib/storage/datasets';
import { makeDataset, makeScenario } from './fixtures';
import { freshFactory } from './fake-idb';

/** Opens a raw connection at `version`, running `upgrade` if asked; never closes on versionchange. */
function openRaw<T>(
	factory: IDBFactory,
	version: number,
	upgrade?: (db: IDBDatabase) => void
): Promise<IDBPDatabase<T>> {
	return new Promise((resolve, reject) => {
		const request = factory.open(DB_NAME, version);
		request.onupgradeneeded = () => upgrade?.(request.result);
		request.onsuccess = () => resolve(wrap(request.result) as unknown as IDBPDatabase<T>);
		request.onerror = () => reject(request.error);
	});
}

/** The database exactly as version 1 of the app created it. */
function createV1(factory: IDBFactory) {
	return openRaw<LegacyWorkbenchDBv1>(factory, LEGACY_V1, (db) => {
		db.createObjectStore('datasets', { keyPath: 'id' });
		db.createObjectStore('scenarios', { keyPath: 'id' });
	});
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(StorageError);
	return error as StorageError;
}

describe('openWorkbenchDb', () => {
	it('creates every store and index on a fresh open, at the current version', async () => {
		const db = await openWorkbenchDb(freshFactory());
		expect(db.name).toBe('send-workbench');
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
		const tx = db.transaction(['scenarios', 'scenarioSets', 'runs']);
		expect([...tx.objectStore('scenarios').indexNames]).toEqual(['byDataset']);
		expect([...tx.objectStore('scenarioSets').indexNames]).toEqual(['byDataset']);
		expect([...tx.objectStore('runs').indexNames].sort()).toEqual(['byCreatedAt', 'byScenario']);
		expect(tx.objectStore('runs').keyPath).toEqual([
			'scenarioId',
			'inputsHash',
			'seed',
			'simulations'
		]);
		db.close();
	});

	it('upgrades a version 1 database with data to the current version, each scenario wrapped in a record', async () => {
		const factory = freshFactory();
		const v1 = await createV1(factory);
		const dataset = makeDataset();
		const plan = makeScenario({ id: 'sva_plan', name: 'SVA financial model 2021/22' });
		const may = makeScenario({ id: 'may_2021', name: 'May 2021 projection', parentId: 'sva_plan' });
		await v1.put('datasets', dataset);
		await v1.put('scenarios', { ...plan, datasetId: 'kingston' });
		await v1.put('scenarios', { ...may, datasetId: 'kingston' });
		await v1.put('scenarios', { ...makeScenario({ id: 'other' }), datasetId: 'elsewhere' });
		v1.close();

		const db = await openWorkbenchDb(factory);
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
		expect(await getDataset(db, 'kingston')).toEqual(dataset);
		// A dataset saved before revisions were kept is at revision 0.
		expect(await getDatasetRecord(db, 'kingston')).toMatchObject({ dataset, revision: 0 });

		const stored = (await getScenario(db, 'may_2021')) as ScenarioRecord;
		expect(stored).toMatchObject({ id: 'may_2021', datasetId: 'kingston', revision: 1 });
		// The scenario comes back exactly as it was, without the datasetId v1 kept on it.
		expect(stored.scenario).toEqual(may);
		expect(Number.isNaN(Date.parse(stored.updatedAt))).toBe(false);

		// The new index finds the migrated rows.
		const kingston = await listScenarios(db, 'kingston');
		expect(kingston.map((r) => r.id).sort()).toEqual(['may_2021', 'sva_plan']);
		expect((await listScenarios(db, 'elsewhere')).map((r) => r.id)).toEqual(['other']);

		// And a migrated scenario saves like any other.
		const saved = await saveScenario(db, { ...stored, scenario: { ...may, name: 'May' } }, 1);
		expect(saved.revision).toBe(2);
		db.close();
	});

	it('leaves a version 1 database as it was when its upgrade fails', async () => {
		const factory = freshFactory();
		const v1 = await createV1(factory);
		await v1.put('scenarios', { ...makeScenario(), datasetId: 'kingston' });
		v1.close();

		// A row that cannot be rewritten makes the migration fail half-way.
		const update = vi.spyOn(globalThis.IDBCursor.prototype, 'update').mockImplementation(() => {
			throw new DOMException('disk error', 'UnknownError');
		});
		try {
			const error = await rejection(openWorkbenchDb(factory));
			expect(error.kind).toBe('failed');
			expect(error.message).toMatch(/could not upgrade/);
		} finally {
			update.mockRestore();
		}

		const again = await createV1(factory);
		expect(again.version).toBe(1);
		expect([...again.objectStoreNames].sort()).toEqual(['datasets', 'scenarios']);
		expect(await again.get('scenarios', 'baseline')).toEqual({
			...makeScenario(),
			datasetId: 'kingston'
		});
		again.close();
	});

	it("reports 'unavailable' when the browser has no IndexedDB", async () => {
		vi.stubGlobal('indexedDB', undefined);
		try {
			const error = await rejection(openWorkbenchDb());
			expect(error.kind).toBe('unavailable');
			expect(error.message).toMatch(/private or incognito window/);
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it("reports 'unavailable' when opening is refused outright (site data blocked)", async () => {
		const factory = freshFactory();
		vi.spyOn(factory, 'open').mockImplementation(() => {
			throw new DOMException('access denied', 'SecurityError');
		});
		expect((await rejection(openWorkbenchDb(factory))).kind).toBe('unavailable');
	});

	it("reports 'blocked' instead of waiting while another tab holds version 1 open", async () => {
		const factory = freshFactory();
		const oldTab = await createV1(factory); // an old tab that ignores versionchange

		const error = await rejection(openWorkbenchDb(factory));
		expect(error.kind).toBe('blocked');
		expect(error.message).toMatch(/Close or reload the other workbench tabs/);

		// Once the old tab lets go, opening again works.
		oldTab.close();
		const db = await openWorkbenchDb(factory);
		expect(db.version).toBe(DB_VERSION);
		db.close();
	});

	it('closes itself and says so when another tab needs to upgrade past it', async () => {
		const factory = freshFactory();
		const onBlocking = vi.fn();
		const db = await openWorkbenchDb(factory, { onBlocking });

		const newerTab = await openRaw(factory, DB_VERSION + 1);
		expect(newerTab.version).toBe(DB_VERSION + 1);
		expect(onBlocking).toHaveBeenCalledExactlyOnceWith({
			oldVersion: DB_VERSION,
			newVersion: DB_VERSION + 1
		});
		// This tab's connection is closed: using it is refused with a message to reload.
		const error = await rejection(getDataset(db, 'kingston'));
		expect(error.kind).toBe('unavailable');
		expect(error.message).toMatch(/Reload the page/);
		newerTab.close();
	});

	it("reports 'version' when the saved data is from a newer version of the app", async () => {
		const factory = freshFactory();
		(await openRaw(factory, DB_VERSION + 1)).close();
		const error = await rejection(openWorkbenchDb(factory));
		expect(error.kind).toBe('version');
		expect(error.message).toMatch(/newer version of the workbench/);
	});
});

/** The database as version 3 of the app left it: every store and index, scenarios in records. */
function createV3(factory: IDBFactory) {
	return openRaw<unknown>(factory, 3, (db) => {
		db.createObjectStore('datasets', { keyPath: 'id' });
		db.createObjectStore('scenarios', { keyPath: 'id' }).createIndex('byDataset', 'datasetId');
		db.createObjectStore('scenarioSets', { keyPath: 'id' }).createIndex('byDataset', 'datasetId');
		const runs = db.createObjectStore('runs', {
			keyPath: ['scenarioId', 'inputsHash', 'seed', 'simulations']
		});
		runs.createIndex('byScenario', 'scenarioId');
		runs.createIndex('byCreatedAt', 'createdAt');
		db.createObjectStore('meta', { keyPath: 'key' });
	});
}

/** A scenario as versions before 4 stored it: no role. */
function withoutRole(overrides: Parameters<typeof makeScenario>[0]) {
	const { role: _role, ...rest } = makeScenario(overrides);
	return rest;
}

describe('the upgrade to version 4 (scenario roles)', () => {
	it('gives each dataset’s scenarios the roles their names gave them, once per dataset', async () => {
		const factory = freshFactory();
		const v3 = await createV3(factory);
		const record = (datasetId: string, s: ReturnType<typeof withoutRole>) => ({
			id: s.id,
			datasetId,
			scenario: s,
			revision: 3,
			updatedAt: '2026-01-01T00:00:00.000Z'
		});
		const rows = [
			record('kingston', withoutRole({ id: 'a', name: 'SVA financial model 2021/22' })),
			record('kingston', withoutRole({ id: 'b', name: 'May 2021 projection' })),
			record('kingston', withoutRole({ id: 'c', name: 'Baseline (trend)' })),
			record('kingston', withoutRole({ id: 'd', name: 'Financial plan' })),
			record('wizard', withoutRole({ id: 'e', name: 'Financial plan' })),
			record('wizard', withoutRole({ id: 'f', name: 'Baseline (trend)' })),
			record('wizard', withoutRole({ id: 'g', name: 'Growth 9%' }))
		];
		for (const r of rows) await v3.put('scenarios' as never, r as never);
		v3.close();

		const db = await openWorkbenchDb(factory);
		expect(db.version).toBe(4);
		const roles = Object.fromEntries(
			(await db.getAll('scenarios')).map((r) => [r.id, r.scenario.role])
		);
		// Kingston: the Safety Valve plan over "Financial plan", the May projection over the trend.
		expect(roles).toEqual({
			a: 'plan',
			b: 'projection',
			c: 'none',
			d: 'none',
			e: 'plan',
			f: 'projection',
			g: 'none'
		});
		// Nothing else about a record changes: not its revision, not the rest of the scenario.
		const f = (await getScenario(db, 'f'))!;
		expect(f).toEqual({ ...rows[5], scenario: { ...rows[5].scenario, role: 'projection' } });
		db.close();
	});

	it('upgrades a version 1 database through every version: wrapped, then given roles', async () => {
		const factory = freshFactory();
		const v1 = await createV1(factory);
		await v1.put('scenarios', {
			...withoutRole({ id: 'plan', name: 'Financial plan' }),
			datasetId: 'mine'
		} as never);
		await v1.put('scenarios', {
			...withoutRole({ id: 'trend', name: 'Baseline (trend)' }),
			datasetId: 'mine'
		} as never);
		v1.close();
		const db = await openWorkbenchDb(factory);
		const stored = await listScenarios(db, 'mine');
		expect(stored.map((r) => [r.id, r.revision, r.scenario.role]).sort()).toEqual([
			['plan', 1, 'plan'],
			['trend', 1, 'projection']
		]);
		db.close();
	});

	it('leaves a version 3 database as it was when writing a role fails', async () => {
		const factory = freshFactory();
		const v3 = await createV3(factory);
		const row = {
			id: 'p',
			datasetId: 'x',
			scenario: withoutRole({ id: 'p', name: 'Financial plan' }),
			revision: 1,
			updatedAt: '2026-01-01T00:00:00.000Z'
		};
		await v3.put('scenarios' as never, row as never);
		v3.close();
		const put = vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('disk error', 'UnknownError');
		});
		try {
			const error = await rejection(openWorkbenchDb(factory));
			expect(error.kind).toBe('failed');
		} finally {
			put.mockRestore();
		}
		const again = await openRaw<unknown>(factory, 3);
		expect(again.version).toBe(3);
		expect(await again.get('scenarios' as never, 'p')).toEqual(row);
		again.close();
	});
});
