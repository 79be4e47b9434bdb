/**
 * The journal of unsaved scenario edits: when a page is hidden or closed within the autosave
 * delay, the IndexedDB save it starts may not finish before the page is gone, so the edits are
 * also written synchronously to localStorage, one key per page. The next page to open replays
 * and removes them (workbench.svelte.ts). A page clears its key once its edits are saved.
 */
import type { Scenario } from '../model/scenario';

/** One unsaved scenario edit. */
export interface JournalEntry {
	id: string;
	datasetId: string;
	/** The saved revision the edit started from. */
	revision: number;
	/** false: the scenario was created in the page and never stored (storage was full). */
	stored: boolean;
	scenario: Scenario;
}

export interface Journal {
	/** The localStorage key it was read from. */
	key: string;
	/** When it was written (ISO 8601). */
	writtenAt: string;
	entries: JournalEntry[];
}

export const JOURNAL_PREFIX = 'send-workbench:unsaved:';

/** This page's key: pages of other tabs keep their own. */
const PAGE_KEY = JOURNAL_PREFIX + randomId();

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Some browsers throw on access when site data is blocked.
		return null;
	}
}

/**
 * Writes this page's unsaved edits (removing its key when there are none). Never throws: the
 * journal is a second line of defence, and a full localStorage must not break closing a page.
 */
export function writeJournal(entries: readonly JournalEntry[], now = new Date()): void {
	const store = storage();
	if (!store) return;
	try {
		if (entries.length === 0) store.removeItem(PAGE_KEY);
		else store.setItem(PAGE_KEY, JSON.stringify({ writtenAt: now.toISOString(), entries }));
	} catch {
		// Full or blocked: the IndexedDB save is still under way.
	}
}

/**
 * Every journal left by a page other than this one, oldest first. Unreadable ones are dropped.
 */
export function readJournals(): Journal[] {
	const store = storage();
	if (!store) return [];
	const out: Journal[] = [];
	for (let i = 0; i < store.length; i++) {
		const key = store.key(i);
		if (!key || !key.startsWith(JOURNAL_PREFIX) || key === PAGE_KEY) continue;
		try {
			const value = JSON.parse(store.getItem(key) ?? 'null') as Omit<Journal, 'key'> | null;
			if (value && Array.isArray(value.entries)) out.push({ key, ...value });
			else store.removeItem(key);
		} catch {
			store.removeItem(key);
		}
	}
	return out.sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
}

/** Removes a journal once it has been replayed. */
export function clearJournal(key: string): void {
	try {
		storage()?.removeItem(key);
	} catch {
		// Nothing more to do.
	}
}

function randomId(): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');
}
