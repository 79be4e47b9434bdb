/**
 * Cached Monte Carlo runs. A run is fully determined by its key (scenario, inputs hash, seed,
 * number of simulations), so a stored one can be shown instead of rerunning; the oldest are
 * pruned to keep the browser's storage in bounds (runs with per-simulation samples are large).
 */
import type { IDBPObjectStore } from 'idb';
import {
	RUNS,
	RUNS_BY_CREATED_AT,
	RUNS_BY_SCENARIO,
	type RunKey,
	type RunRecord,
	type WorkbenchDB
} from './schema';
import { inTransaction, type WorkbenchDatabase } from './transaction';

/** How many runs are kept when a run is stored, unless the caller says otherwise. */
export const DEFAULT_RUN_LIMIT = 50;

/**
 * What identifies a run. `inputsHash` must cover the engine's version as well as the inputs
 * (the caller's `inputsHash` in state/simulation.svelte.ts does), so that a run made by an older
 * engine is never found under a newer one's key.
 */
export type RunIdentity = Pick<RunRecord, 'scenarioId' | 'inputsHash' | 'seed' | 'simulations'>;

/**
 * The primary key of a run.
 * @example runKey({ scenarioId: 's1', inputsHash: 'ab12', seed: 50, simulations: 1000 })
 * // ['s1', 'ab12', 50, 1000]
 */
export function runKey(run: RunIdentity): RunKey {
	return [run.scenarioId, run.inputsHash, run.seed, run.simulations];
}

/**
 * Stores a run (replacing one with the same key), then prunes the oldest so that at most `keep`
 * remain, in one transaction. `createdAt` defaults to now (milliseconds since 1970). Resolves with
 * the stored record. A full browser storage rejects with kind 'quota': prune harder
 * ({@link pruneRuns}) or store the run without its samples.
 *
 * @param keep the most runs to keep, a whole number ≥ 1 (the run just stored counts)
 * @example
 * await putRun(db, { scenarioId: 's1', inputsHash, seed: 50, simulations: 1000, summary, samples: null });
 */
export async function putRun(
	db: WorkbenchDatabase,
	run: Omit<RunRecord, 'createdAt'> & { createdAt?: number },
	keep: number = DEFAULT_RUN_LIMIT
): Promise<RunRecord> {
	if (!Number.isInteger(keep) || keep < 1) {
		throw new Error(`putRun: keep must be a whole number ≥ 1, got ${keep}`);
	}
	const record: RunRecord = { ...run, createdAt: run.createdAt ?? Date.now() };
	await inTransaction(
		db,
		[RUNS],
		'readwrite',
		`store the results of scenario "${run.scenarioId}"`,
		async (tx) => {
			await tx.objectStore(RUNS).put(record);
			await deleteOldest(tx.objectStore(RUNS), keep);
		}
	);
	return record;
}

/** The stored run with this key, or undefined when there is none. */
export async function getRun(db: WorkbenchDatabase, key: RunKey): Promise<RunRecord | undefined> {
	return inTransaction(db, [RUNS], 'readonly', `read the results of scenario "${key[0]}"`, (tx) =>
		tx.objectStore(RUNS).get(key)
	);
}

/** The stored runs of a scenario, newest first. */
export async function listRunsOfScenario(
	db: WorkbenchDatabase,
	scenarioId: string
): Promise<RunRecord[]> {
	const runs = await inTransaction(
		db,
		[RUNS],
		'readonly',
		`list the results of scenario "${scenarioId}"`,
		(tx) => tx.objectStore(RUNS).index(RUNS_BY_SCENARIO).getAll(scenarioId)
	);
	return runs.sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * Deletes the oldest runs (by `createdAt`) so that at most `keep` remain; resolves with how many
 * were deleted.
 * @param keep a whole number ≥ 0
 * @example await pruneRuns(db, 20) // 3, when 23 were stored
 */
export async function pruneRuns(db: WorkbenchDatabase, keep: number): Promise<number> {
	if (!Number.isInteger(keep) || keep < 0) {
		throw new Error(`pruneRuns: keep must be a whole number ≥ 0, got ${keep}`);
	}
	return inTransaction(db, [RUNS], 'readwrite', 'remove old results', (tx) =>
		deleteOldest(tx.objectStore(RUNS), keep)
	);
}

/** Deletes every stored run of a scenario; resolves with how many were deleted. */
export async function deleteRunsOfScenario(
	db: WorkbenchDatabase,
	scenarioId: string
): Promise<number> {
	return inTransaction(
		db,
		[RUNS],
		'readwrite',
		`remove the results of scenario "${scenarioId}"`,
		async (tx) => {
			const keys = await tx.objectStore(RUNS).index(RUNS_BY_SCENARIO).getAllKeys(scenarioId);
			for (const key of keys) await tx.objectStore(RUNS).delete(key);
			return keys.length;
		}
	);
}

type RunsStore = IDBPObjectStore<WorkbenchDB, (typeof RUNS)[], typeof RUNS, 'readwrite'>;

async function deleteOldest(store: RunsStore, keep: number): Promise<number> {
	let excess = (await store.count()) - keep;
	let deleted = 0;
	let cursor = await store.index(RUNS_BY_CREATED_AT).openCursor();
	while (cursor && excess > 0) {
		await cursor.delete();
		excess--;
		deleted++;
		cursor = await cursor.continue();
	}
	return deleted;
}
