/**
 * The save status is the truth (issue 13, item 4): a write that storage refused (a stub that
 * throws QuotaExceededError) never leaves "saved", the work stays on screen and exportable, and it
 * is saved once space returns. And an import never replaces saved work silently (item 5).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkbenchState } from '$lib/state/workbench.svelte';
import {
	getDatasetRecord,
	getScenario,
	listDatasets,
	listScenarios,
	openWorkbenchDb,
	type ImportReplacement,
	type WorkbenchChannel,
	type WorkbenchDatabase
} from '$lib/storage';
import { BASELINE_TREND } from '$lib/data/kingston-scenarios';
import { serialiseScenarioSet, parseScenarioSet } from '$lib/io/scenario-set/format';

vi.setConfig({ testTimeout: 30_000 });

let db: WorkbenchDatabase;
const opened: WorkbenchState[] = [];
beforeEach(async () => {
	db = await openWorkbenchDb(new IDBFactory());
});
afterEach(() => {
	vi.restoreAllMocks();
	for (const s of opened.splice(0)) s.dispose();
	db.close();
});

const deaf = (): WorkbenchChannel => ({
	connected: false,
	post() {},
	subscribe: () => () => {},
	close() {}
});

async function open() {
	const s = new WorkbenchState({ worker: false, db, channel: deaf() });
	opened.push(s);
	await s.init();
	return s;
}

/** Every put and add fails as a full disk does, until the returned function is called. */
function fillTheDisk(): () => void {
	const full = () => {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	};
	const put = vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(full);
	const add = vi.spyOn(globalThis.IDBObjectStore.prototype, 'add').mockImplementation(full);
	return () => {
		put.mockRestore();
		add.mockRestore();
	};
}

/** Whether a save status would read "Saved" (SaveStatus.svelte's last case). */
const readsSaved = (s: {
	dirty: boolean;
	saving: boolean;
	error: string | null;
	conflict: unknown;
}) => !s.dirty && !s.saving && !s.error && !s.conflict;

describe('a full disk never leaves "Saved"', () => {
	it('a scenario created while storage is full is unsaved, exportable, and created once space returns', async () => {
		const s = await open();
		const base = s.scenarioByName(BASELINE_TREND)!;
		const freeSpace = fillTheDisk();
		const made = await s.createScenario(base.id, 'Made while full');
		expect(readsSaved(s.saves[made.id])).toBe(false);
		expect(s.saves[made.id].error).toMatch(/storage for this site is full/);
		expect(s.storageProblem).toMatch(/tried again every few seconds/);
		expect(s.unsavedWork()).toMatch(/One scenario has changes not saved/);
		// Retrying while still full changes nothing.
		await s.retryFailed();
		expect(readsSaved(s.saves[made.id])).toBe(false);
		expect(await getScenario(db, made.id)).toBeUndefined();
		// Exportable meanwhile: it is in the file the user would export.
		const file = serialiseScenarioSet(
			s.dataset!,
			s.scenarios.map((r) => r.scenario),
			{ createdAt: '2021-06-30T00:00:00Z', app: { name: 'test', version: '0' } }
		);
		const parsed = parseScenarioSet(file, 'export.json');
		expect(parsed.ok && parsed.scenarios.some((x) => x.name === 'Made while full')).toBe(true);

		freeSpace();
		await s.retryFailed();
		expect(readsSaved(s.saves[made.id])).toBe(true);
		expect((await getScenario(db, made.id))!.scenario.name).toBe('Made while full');
		expect(s.storageProblem).toBeNull();
		expect(s.hasFailedSaves).toBe(false);
	});

	it('a dataset edit refused by a full disk says so and is saved by the retry', async () => {
		const s = await open();
		const freeSpace = fillTheDisk();
		await s.updateDataset(
			{ ...s.dataset!, description: 'edited while full' },
			{ reproject: false }
		);
		expect(s.datasetSave.dirty).toBe(true);
		expect(s.datasetSave.error).toMatch(/storage for this site is full/);
		expect(s.unsavedWork()).toMatch(/The dataset has changes not saved/);
		freeSpace();
		await s.retryFailed();
		expect(s.datasetSave).toMatchObject({ dirty: false, error: null });
		expect((await getDatasetRecord(db, s.dataset!.id))!.dataset.description).toBe(
			'edited while full'
		);
	});
});

describe('an import over saved work', () => {
	async function newerWorkAndOlderFile() {
		const s = await open();
		const older = {
			dataset: structuredClone(s.dataset!),
			scenarios: s.scenarios.map((r) => structuredClone(r.scenario))
		};
		const base = s.scenarioByName(BASELINE_TREND)!;
		await s.edit({ ...base, description: 'newer, saved here' });
		await s.flush();
		return { s, older, id: base.id };
	}

	it('asks, showing what differs, and cancel changes nothing', async () => {
		const { s, older, id } = await newerWorkAndOlderFile();
		const confirm = vi.fn(async (_replacements: ImportReplacement[]) => 'cancel' as const);
		const out = await s.addDataset(older.dataset, older.scenarios, confirm);
		expect(out.choice).toBe('cancel');
		expect(confirm).toHaveBeenCalledOnce();
		expect(confirm.mock.calls[0][0]).toEqual([
			expect.objectContaining({ kind: 'scenario', id, differences: ['description'] })
		]);
		expect((await getScenario(db, id))!.scenario.description).toBe('newer, saved here');
	});

	it('keep both adds the file’s version under a new name beside the saved one', async () => {
		const { s, older, id } = await newerWorkAndOlderFile();
		await s.addDataset(older.dataset, older.scenarios, async () => 'copy');
		expect((await getScenario(db, id))!.scenario.description).toBe('newer, saved here');
		const names = (await listScenarios(db, older.dataset.id)).map((r) => r.scenario.name);
		expect(names).toContain(`${BASELINE_TREND} (imported)`);
		expect(names).toContain(BASELINE_TREND);
	});

	it('keep both gives the imported copy a colour of its own, not its original’s', async () => {
		const { s, older, id } = await newerWorkAndOlderFile();
		await s.addDataset(older.dataset, older.scenarios, async () => 'copy');
		const saved = (await listScenarios(db, older.dataset.id)).map((r) => r.scenario);
		const original = saved.find((x) => x.id === id)!;
		const copy = saved.find((x) => x.name === `${BASELINE_TREND} (imported)`)!;
		expect(copy.colour).toMatch(/^#[0-9A-F]{6}$/i);
		expect(copy.colour).not.toBe(original.colour);
		const others = saved.filter((x) => x.id !== copy.id).map((x) => x.colour);
		expect(others).not.toContain(copy.colour);
	});

	it('without anyone to ask, keeps both rather than replace', async () => {
		const { s, older, id } = await newerWorkAndOlderFile();
		const out = await s.addDataset(older.dataset, older.scenarios);
		expect(out.choice).toBe('copy');
		expect((await getScenario(db, id))!.scenario.description).toBe('newer, saved here');
	});

	it('replaces only when told to', async () => {
		const { s, older, id } = await newerWorkAndOlderFile();
		await s.addDataset(older.dataset, older.scenarios, async () => 'replace');
		expect((await getScenario(db, id))!.scenario.description).not.toBe('newer, saved here');
	});

	it('keeps both datasets when the file’s dataset differs from the saved one', async () => {
		const s = await open();
		const older = structuredClone(s.dataset!);
		await s.updateDataset(
			{ ...s.dataset!, description: 'newer dataset text' },
			{ reproject: false }
		);
		const out = await s.addDataset(
			older,
			s.scenarios.map((r) => structuredClone(r.scenario)),
			async () => 'copy'
		);
		expect(out.dataset.id).not.toBe(older.id);
		expect(out.dataset.name).toBe(`${older.name} (imported)`);
		expect((await getDatasetRecord(db, older.id))!.dataset.description).toBe('newer dataset text');
	});
});

describe('a dataset that cannot be projected', () => {
	it('is not saved, and the error names the scenario and why', async () => {
		const s = await open();
		const before = (await listDatasets(db)).map((d) => d.id);
		const dataset = { ...structuredClone(s.dataset!), id: 'broken', name: 'Broken' };
		// The ledger has no HNB allocation after its first year: no scenario can be projected.
		const lines = structuredClone(dataset.finance.lines);
		lines.hnb_allocation = Object.fromEntries(
			Object.entries(lines.hnb_allocation ?? {}).slice(0, 1)
		);
		dataset.finance = { ...dataset.finance, lines };
		const scenarios = s.scenarios.map((r) => ({
			...structuredClone(r.scenario),
			id: `broken-${r.scenario.id}`,
			ledger: {}
		}));
		await expect(s.addDataset(dataset, scenarios)).rejects.toThrow(
			/^“Broken” was not saved: it cannot be projected\. Scenario “.*”: compileScenario: .* has no hnb_allocation/
		);
		expect((await listDatasets(db)).map((d) => d.id)).toEqual(before);
	});
});
