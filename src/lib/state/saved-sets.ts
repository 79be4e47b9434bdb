/**
 * Named selections of scenarios for Compare ("Plan vs May"), kept in the browser's storage
 * (the `scenarioSets` store, src/lib/storage/sets.ts). Storage that cannot be opened just means
 * no saved sets: the selection still lives in the page's address.
 */
import type { ScenarioSetRecord, WorkbenchDatabase } from '../storage';
import {
	deleteScenarioSet,
	listScenarioSets,
	putScenarioSet,
	workbenchConnection,
	toStorageError
} from '../storage';

/** The record of a saved set, as the Compare page lists them. */
export type { ScenarioSetRecord };

let db: Promise<WorkbenchDatabase | null> | null = null;

function database(): Promise<WorkbenchDatabase | null> {
	// The app's one connection (storage/connection.ts); a failure is retried on the next call.
	db ??= workbenchConnection().catch(() => (db = null));
	return db;
}

/** The saved sets of a dataset, by name; empty when storage is unavailable. */
export async function loadSets(datasetId: string): Promise<ScenarioSetRecord[]> {
	const d = await database();
	return d ? listScenarioSets(d, datasetId).catch(() => []) : [];
}

/**
 * Saves a selection under a name (replacing a set of the same name). Resolves with the record,
 * or rejects with a message for the user.
 */
export async function saveSet(
	datasetId: string,
	name: string,
	scenarioIds: string[],
	existing: readonly ScenarioSetRecord[]
): Promise<ScenarioSetRecord> {
	const trimmed = name.trim();
	if (!trimmed) throw new Error('Give the set a name.');
	if (scenarioIds.length === 0) throw new Error('Select at least one scenario to save as a set.');
	const d = await database();
	if (!d) throw new Error('This browser is not keeping data, so sets cannot be saved here.');
	const same = existing.find((s) => s.name === trimmed);
	try {
		return await putScenarioSet(d, {
			id: same?.id ?? `set-${crypto.randomUUID()}`,
			datasetId,
			name: trimmed,
			scenarioIds
		});
	} catch (e) {
		throw toStorageError(e, `save the set “${trimmed}”`);
	}
}

/** Deletes a saved set (its scenarios stay). */
export async function removeSet(id: string): Promise<void> {
	const d = await database();
	if (d) await deleteScenarioSet(d, id);
}
