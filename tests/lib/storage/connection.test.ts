import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import {
	CONNECTION_MESSAGES,
	onConnectionEvent,
	workbenchConnection,
	type ConnectionEvent
} from '$lib/storage/connection';
import { DB_NAME, DB_VERSION } from '$lib/storage/schema';
import './fake-idb';

function openRaw(factory: IDBFactory, version: number): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = factory.open(DB_NAME, version);
		request.onupgradeneeded = () => {
			// Version 1's stores, for an "old tab".
			if (version === 1) {
				request.result.createObjectStore('datasets', { keyPath: 'id' });
				request.result.createObjectStore('scenarios', { keyPath: 'id' });
			}
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

describe('the app’s one IndexedDB connection', () => {
	it('is opened once and shared by every caller', async () => {
		const factory = new IDBFactory();
		const [a, b] = await Promise.all([workbenchConnection(factory), workbenchConnection(factory)]);
		expect(a).toBe(b);
		expect(await workbenchConnection(factory)).toBe(a);
		expect(a.version).toBe(DB_VERSION);
		a.close();
	});

	it('lets a newer version in another tab through, tells the page to reload, and opens no more', async () => {
		const factory = new IDBFactory();
		const events: ConnectionEvent[] = [];
		onConnectionEvent((e) => events.push(e), factory);
		await workbenchConnection(factory);
		// Would wait for ever if the shared connection did not close itself.
		const newer = await openRaw(factory, DB_VERSION + 1);
		expect(events).toEqual([{ kind: 'blocking', message: CONNECTION_MESSAGES.blocking }]);
		expect(events[0].message).toMatch(/Reload this page to keep saving/);
		await expect(workbenchConnection(factory)).rejects.toMatchObject({
			kind: 'unavailable',
			message: CONNECTION_MESSAGES.blocking
		});
		// A listener added later still hears it.
		const late: ConnectionEvent[] = [];
		onConnectionEvent((e) => late.push(e), factory);
		expect(late).toHaveLength(1);
		newer.close();
	});

	it("says 'blocked' when an older tab will not let go, and tries again on the next call", async () => {
		const factory = new IDBFactory();
		const old = await openRaw(factory, 1);
		// The old tab ignores versionchange, as version 1 of the app did when busy.
		old.onversionchange = () => {};
		await expect(workbenchConnection(factory)).rejects.toMatchObject({ kind: 'blocked' });
		old.close();
		const db = await workbenchConnection(factory);
		expect(db.version).toBe(DB_VERSION);
		db.close();
	});

	it("says 'unavailable' where there is no IndexedDB", async () => {
		vi.stubGlobal('indexedDB', undefined);
		try {
			await expect(workbenchConnection()).rejects.toMatchObject({ kind: 'unavailable' });
		} finally {
			vi.unstubAllGlobals();
		}
	});
});
