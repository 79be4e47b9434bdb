/**
 * Storage failing under the app, seen through the state layer (what a user sees): storage full
 * during an autosave, an upgrade blocked by another tab, another tab upgrading past this one,
 * IndexedDB unavailable. Each gives a clear message; the work in memory stays usable and
 * exportable; nothing is half-written.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkbenchState } from '$lib/state/workbench.svelte';
import {
	DB_NAME,
	DB_VERSION,
	LEGACY_V1,
	getDataset,
	getScenario,
	listDatasets,
	openWorkbenchDb,
	type WorkbenchDatabase
} from '$lib/storage';
import { BASELINE_TREND, SVA_PLAN } from '$lib/data/kingston-scenarios';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { parseScenarioSet, serialiseScenarioSet } from '$lib/io/scenario-set/format';

let factory: IDBFactory;
let db: WorkbenchDatabase;
const opened: WorkbenchState[] = [];

beforeEach(async () => {
	factory = new IDBFactory();
	db = await openWorkbenchDb(factory);
});
afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
	for (const s of opened.splice(0)) s.dispose();
	db.close();
});

async function open(options: { db?: WorkbenchDatabase | null } = { db }) {
	const s = new WorkbenchState({ worker: false, ...options });
	opened.push(s);
	await s.init();
	return s;
}

/** Every put from now on fails as a full disk does, until the returned function is called. */
function fillTheDisk(): () => void {
	const spy = vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(() => {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	});
	return () => spy.mockRestore();
}

/** What the user would export now: the scenario-set file of the open dataset, read back. */
function exportNow(s: WorkbenchState) {
	const text = serialiseScenarioSet(
		s.dataset!,
		s.scenarios.map((r) => r.scenario),
		{ createdAt: '2024-01-01T00:00:00Z', app: { name: 'SEND workbench', version: 'test' } }
	);
	const back = parseScenarioSet(text, 'export.json');
	if (!back.ok) throw new Error(back.errors.map((e) => e.message).join(' '));
	return back;
}

/** A version-1 connection held open by an "old tab" that ignores requests to close. */
function oldTabOnVersion1(f: IDBFactory): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = f.open(DB_NAME, LEGACY_V1);
		request.onupgradeneeded = () => {
			request.result.createObjectStore('datasets', { keyPath: 'id' });
			request.result.createObjectStore('scenarios', { keyPath: 'id' });
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

describe('storage full during an autosave', () => {
	it('keeps the edit on screen, says so in the banner, and saves it once space is freed', async () => {
		const s = await open();
		const base = s.scenarioByName(BASELINE_TREND)!;
		// Opening may already have saved the scenario once (a colour given on load).
		const before = (await getScenario(db, base.id))!.revision;
		const freeSpace = fillTheDisk();

		await s.edit({ ...base, description: 'edited while the disk was full' });
		await s.flush();

		expect(s.saves[base.id]).toMatchObject({ dirty: true, saving: false });
		expect(s.saves[base.id].error).toMatch(/^Your browser's storage for this site is full/);
		expect(s.storageProblem).toMatch(/storage for this site is full/);
		expect(s.storageProblem).toMatch(/Your change is kept in this page/);
		// In memory and usable: the edit is there, the projection ran, the export has it.
		expect(s.scenario(base.id)!.description).toBe('edited while the disk was full');
		expect(s.results[base.id]).toBeDefined();
		expect(exportNow(s).scenarios.find((x) => x.id === base.id)!.description).toBe(
			'edited while the disk was full'
		);
		expect(s.unsavedWork()).toMatch(/One scenario has changes not saved in this browser/);
		// Nothing was half-written: the stored scenario is the one from before.
		expect((await getScenario(db, base.id))!.scenario.description).toBe(base.description);
		expect((await getScenario(db, base.id))!.revision).toBe(before);

		freeSpace();
		await s.flush();
		expect(s.saves[base.id]).toMatchObject({ dirty: false, error: null });
		expect(s.storageProblem).toBeNull();
		expect(s.unsavedWork()).toBeNull();
		const stored = await getScenario(db, base.id);
		expect(stored!.scenario.description).toBe('edited while the disk was full');
		expect(stored!.revision).toBe(before + 1);
	});

	it('saves with the next edit once space is freed', async () => {
		const s = await open();
		const plan = s.scenarioByName(SVA_PLAN)!;
		const freeSpace = fillTheDisk();
		await s.edit({ ...plan, description: 'first' });
		await s.flush();
		expect(s.storageProblem).toMatch(/full/);
		freeSpace();
		await s.edit({ ...s.scenario(plan.id)!, description: 'second' });
		await s.flush();
		expect(s.storageProblem).toBeNull();
		expect((await getScenario(db, plan.id))!.scenario.description).toBe('second');
	});

	it('keeps a dataset change in memory and says the storage is full', async () => {
		const s = await open();
		const freeSpace = fillTheDisk();
		const renamed = { ...s.dataset!, name: 'Kingston (revised)' };
		await s.updateDataset(renamed, { reproject: false });
		freeSpace();
		expect(s.dataset!.name).toBe('Kingston (revised)');
		expect(s.storageProblem).toMatch(/storage for this site is full/);
		expect((await getDataset(db, renamed.id))!.name).not.toBe('Kingston (revised)');
	});

	it('refuses a whole import when storage fills part-way, leaving the open dataset as it was', async () => {
		const s = await open();
		const before = s.dataset!.id;
		const put = globalThis.IDBObjectStore.prototype.put;
		let calls = 0;
		vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (++calls === 2) throw new DOMException('full', 'QuotaExceededError');
			return put.apply(this, args);
		});
		const copy = { ...kingstonDataset(), id: 'kingston-copy', name: 'Kingston copy' };
		const scenarios = kingstonScenarios().map((sc, i) => ({ ...sc, id: `copy-${i}` }));
		await expect(s.addDataset(copy, scenarios)).rejects.toMatchObject({ kind: 'quota' });
		vi.restoreAllMocks();
		expect(s.dataset!.id).toBe(before);
		expect((await listDatasets(db)).map((d) => d.id)).not.toContain('kingston-copy');
	});
});

describe('an upgrade blocked by another tab', () => {
	it('says to close the other tabs, and works on in memory', async () => {
		const f = new IDBFactory();
		const oldTab = await oldTabOnVersion1(f);
		vi.stubGlobal('indexedDB', f);
		const s = await open({});
		oldTab.close();

		expect(s.status).toBe('ready');
		expect(s.persistent).toBe(false);
		expect(s.storageProblem).toMatch(/Close or reload the other workbench tabs/);
		expect(s.storageProblem).toMatch(/You can keep working/);
		const plan = s.scenarioByName(SVA_PLAN)!;
		await s.edit({ ...plan, description: 'in memory' });
		expect(s.scenario(plan.id)!.description).toBe('in memory');
		expect(exportNow(s).scenarios.find((x) => x.id === plan.id)!.description).toBe('in memory');
		expect(s.unsavedWork()).toMatch(/not saved in this browser/);
	});
});

describe('another tab upgrading the database past this one', () => {
	it('tells this tab to reload, and a later save says the change was not saved', async () => {
		const s = await open({});
		const newer = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = (globalThis.indexedDB as IDBFactory).open(DB_NAME, DB_VERSION + 1);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		expect(s.storageProblem).toMatch(/newer version of the workbench was opened in another tab/);
		const base = s.scenarioByName(BASELINE_TREND)!;
		await s.edit({ ...base, description: 'after the upgrade' });
		await s.flush();
		expect(s.saves[base.id].error).toMatch(/lost its connection to the browser storage/);
		expect(s.scenario(base.id)!.description).toBe('after the upgrade');
		newer.close();
		// Leave the shared fake IndexedDB as other tests expect it.
		await new Promise<void>((resolve) => {
			const del = (globalThis.indexedDB as IDBFactory).deleteDatabase(DB_NAME);
			del.onsuccess = () => resolve();
			del.onerror = () => resolve();
		});
	});
});

describe('IndexedDB unavailable (a private window)', () => {
	it('opens Kingston in memory with a message, edits work and export', async () => {
		vi.stubGlobal('indexedDB', undefined);
		const s = await open({});
		expect(s.status).toBe('ready');
		expect(s.storageProblem).toMatch(/private or incognito window/);
		const base = s.scenarioByName(BASELINE_TREND)!;
		await s.edit({ ...base, description: 'private' });
		await s.flush();
		expect(s.saves[base.id].error).toBeNull();
		expect(exportNow(s).scenarios.find((x) => x.id === base.id)!.description).toBe('private');
		expect(s.unsavedWork()).toMatch(/One scenario has changes not saved/);
	});

	it('says so when opening is refused outright (site data blocked)', async () => {
		const f = new IDBFactory();
		vi.spyOn(f, 'open').mockImplementation(() => {
			throw new DOMException('access denied', 'SecurityError');
		});
		vi.stubGlobal('indexedDB', f);
		const s = await open({});
		expect(s.status).toBe('ready');
		expect(s.storageProblem).toMatch(/not letting the workbench save anything/);
		expect(s.resultByName(SVA_PLAN)).toBeDefined();
	});
});
