/**
 * The journal of unsaved edits a closing page leaves in localStorage, and its replay by the next
 * page: over the saved scenario when nobody saved it since, as a recovered copy when somebody did.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_PREFIX, readJournals, writeJournal, clearJournal } from '$lib/state/journal';
import { getScenario, listScenarios, saveScenario } from '$lib/storage';
import { withWorkbench } from '../../fixtures/workbench';
import { BASELINE_TREND } from '$lib/data/kingston-scenarios';

vi.setConfig({ testTimeout: 30_000 });

/** A localStorage of one page's origin, in memory. */
class MemoryStorage {
	#items = new Map<string, string>();
	get length() {
		return this.#items.size;
	}
	key(i: number) {
		return [...this.#items.keys()][i] ?? null;
	}
	getItem(k: string) {
		return this.#items.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.#items.set(k, String(v));
	}
	removeItem(k: string) {
		this.#items.delete(k);
	}
	clear() {
		this.#items.clear();
	}
}

let store: MemoryStorage;
const workbench = withWorkbench();
const open = workbench.open;
beforeEach(() => {
	store = new MemoryStorage();
	vi.stubGlobal('localStorage', store);
});
afterEach(() => {
	vi.unstubAllGlobals();
});

/** A journal left by a page that was closed (another page's key). */
function leftByAClosedPage(entries: unknown[]) {
	store.setItem(
		`${JOURNAL_PREFIX}closed-page`,
		JSON.stringify({ writtenAt: '2021-06-30T10:00:00.000Z', entries })
	);
}

describe('the journal', () => {
	it('keeps this page’s own entries out of what it reads, and removes its key when empty', () => {
		writeJournal([]);
		expect(store.length).toBe(0);
		leftByAClosedPage([]);
		expect(readJournals().map((j) => j.key)).toEqual([`${JOURNAL_PREFIX}closed-page`]);
		clearJournal(`${JOURNAL_PREFIX}closed-page`);
		expect(readJournals()).toEqual([]);
	});

	it('drops an unreadable journal', () => {
		store.setItem(`${JOURNAL_PREFIX}broken`, '{not json');
		expect(readJournals()).toEqual([]);
		expect(store.length).toBe(0);
	});
});

describe('replaying a closed page’s unsaved edit', () => {
	it('saves it over the scenario when nobody saved it since', async () => {
		const first = await open();
		const base = first.scenarioByName(BASELINE_TREND)!;
		const record = (await getScenario(workbench.db(), base.id))!;
		workbench.close(first);
		leftByAClosedPage([
			{
				id: base.id,
				datasetId: record.datasetId,
				revision: record.revision,
				stored: true,
				scenario: { ...base, description: 'typed just before closing' }
			}
		]);
		const next = await open();
		expect(next.scenario(base.id)!.description).toBe('typed just before closing');
		expect((await getScenario(workbench.db(), base.id))!.revision).toBe(record.revision + 1);
		expect(readJournals()).toEqual([]);
	});

	it('keeps it as a recovered copy when the scenario was saved since, and says so', async () => {
		const first = await open();
		const base = first.scenarioByName(BASELINE_TREND)!;
		const record = (await getScenario(workbench.db(), base.id))!;
		workbench.close(first);
		await saveScenario(
			workbench.db(),
			{ id: base.id, scenario: { ...base, description: 'saved later' } },
			record.revision
		);
		leftByAClosedPage([
			{
				id: base.id,
				datasetId: record.datasetId,
				revision: record.revision,
				stored: true,
				scenario: { ...base, description: 'typed just before closing' }
			}
		]);
		const next = await open();
		expect(next.scenario(base.id)!.description).toBe('saved later');
		const names = (await listScenarios(workbench.db(), record.datasetId)).map(
			(r) => r.scenario.name
		);
		expect(names).toContain(`${BASELINE_TREND} (recovered)`);
		expect(next.notice).toMatch(/kept as “Baseline \(trend\) \(recovered\)”/);
	});
});
