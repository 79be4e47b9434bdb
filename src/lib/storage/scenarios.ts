/**
 * Saved scenarios, with optimistic concurrency: each save names the revision it started from and
 * is refused (StorageError kind 'conflict') when another tab saved in between, so no edit is ever
 * silently overwritten.
 */
import type { Scenario } from '../model/scenario';
import { StorageError, notFoundError } from './errors';
import {
	DATASETS,
	RUNS,
	RUNS_BY_SCENARIO,
	SCENARIOS,
	SCENARIOS_BY_DATASET,
	SCENARIO_SETS,
	type ScenarioRecord
} from './schema';
import { inTransaction, nowIso, type WorkbenchDatabase } from './transaction';

/**
 * The scenarios of a dataset, by name (then id).
 * @example
 * (await listScenarios(db, 'kingston')).map((r) => r.scenario.name)
 */
export async function listScenarios(
	db: WorkbenchDatabase,
	datasetId: string
): Promise<ScenarioRecord[]> {
	const records = await inTransaction(
		db,
		[SCENARIOS],
		'readonly',
		`list the scenarios of dataset "${datasetId}"`,
		(tx) => tx.objectStore(SCENARIOS).index(SCENARIOS_BY_DATASET).getAll(datasetId)
	);
	return records.sort(byScenarioName);
}

/** The saved scenario with this id, or undefined when there is none. */
export async function getScenario(
	db: WorkbenchDatabase,
	id: string
): Promise<ScenarioRecord | undefined> {
	return inTransaction(db, [SCENARIOS], 'readonly', `read scenario "${id}"`, (tx) =>
		tx.objectStore(SCENARIOS).get(id)
	);
}

/**
 * Saves a new scenario under a dataset, at revision 1. Refused with kind 'conflict' when a
 * scenario with its id exists, and 'not-found' when the dataset does not.
 * @example
 * const record = await createScenario(db, 'kingston', scenario); // record.revision === 1
 */
export async function createScenario(
	db: WorkbenchDatabase,
	datasetId: string,
	scenario: Scenario
): Promise<ScenarioRecord> {
	const action = `create scenario "${scenario.name}"`;
	return inTransaction(db, [DATASETS, SCENARIOS], 'readwrite', action, async (tx) => {
		const datasetKey = await tx.objectStore(DATASETS).getKey(datasetId);
		if (datasetKey === undefined) throw datasetMissing(datasetId, action);
		const store = tx.objectStore(SCENARIOS);
		if ((await store.getKey(scenario.id)) !== undefined) {
			throw new StorageError(
				'conflict',
				`A scenario with id "${scenario.id}" is already saved in this browser: nothing was ` +
					'changed. Give the new scenario another id (Duplicate does this for you).',
				{ action }
			);
		}
		const record: ScenarioRecord = {
			id: scenario.id,
			datasetId,
			scenario,
			revision: 1,
			updatedAt: nowIso()
		};
		await store.add(record);
		return record;
	});
}

/**
 * Saves a scenario over its stored version, if that is still the revision this edit started from.
 * Resolves with the new record (revision + 1). Refused, with the stored record left unchanged,
 * with kind 'conflict' when the stored revision has moved on (another tab saved it) and
 * 'not-found' when it was deleted. The scenario keeps the dataset it was created under.
 *
 * @param record the scenario to save, under its id (a ScenarioRecord will do)
 * @param expectedRevision the revision the edit started from
 * @example
 * let record = await getScenario(db, 's1');
 * record = await saveScenario(db, { ...record, scenario: edited }, record.revision);
 */
export async function saveScenario(
	db: WorkbenchDatabase,
	record: Pick<ScenarioRecord, 'id' | 'scenario'>,
	expectedRevision: number
): Promise<ScenarioRecord> {
	if (record.id !== record.scenario.id) {
		throw new Error(
			`saveScenario: record.id "${record.id}" must equal record.scenario.id "${record.scenario.id}"`
		);
	}
	const action = `save scenario "${record.scenario.name}"`;
	return inTransaction(db, [SCENARIOS], 'readwrite', action, async (tx) => {
		const stored = await tx.objectStore(SCENARIOS).get(record.id);
		if (!stored) throw scenarioMissing(record.scenario.name, action);
		if (stored.revision !== expectedRevision) {
			throw new StorageError(
				'conflict',
				`Scenario "${stored.scenario.name}" was changed in another tab or window since you ` +
					`opened it (you edited revision ${expectedRevision}, the saved one is revision ` +
					`${stored.revision}): your change was not saved. Reload the scenario to see the ` +
					'other change, then make yours again.',
				{ action }
			);
		}
		const next: ScenarioRecord = {
			id: stored.id,
			datasetId: stored.datasetId,
			scenario: record.scenario,
			revision: stored.revision + 1,
			updatedAt: nowIso()
		};
		await tx.objectStore(SCENARIOS).put(next);
		return next;
	});
}

/**
 * Copies a saved scenario under a new id, at revision 1, in the same dataset. The copy's
 * `parentId` is the original's id, its name "<name> (copy)" unless one is given.
 * @example
 * const copy = await duplicateScenario(db, 'baseline', { name: 'Baseline, 20% redirected' });
 */
export async function duplicateScenario(
	db: WorkbenchDatabase,
	id: string,
	options: { id?: string; name?: string } = {}
): Promise<ScenarioRecord> {
	const action = `duplicate scenario "${id}"`;
	return inTransaction(db, [SCENARIOS], 'readwrite', action, async (tx) => {
		const source = await tx.objectStore(SCENARIOS).get(id);
		if (!source) throw scenarioMissing(id, action);
		const newId = options.id ?? newScenarioId();
		if ((await tx.objectStore(SCENARIOS).getKey(newId)) !== undefined) {
			throw new StorageError(
				'conflict',
				`A scenario with id "${newId}" is already saved in this browser: nothing was changed. ` +
					'Choose another id for the copy.',
				{ action }
			);
		}
		const copy: ScenarioRecord = {
			id: newId,
			datasetId: source.datasetId,
			scenario: {
				...source.scenario,
				id: newId,
				name: options.name ?? `${source.scenario.name} (copy)`,
				parentId: source.id,
				// A copy of the plan is not a second plan (docs/model.md §6.1).
				role: 'none'
			},
			revision: 1,
			updatedAt: nowIso()
		};
		await tx.objectStore(SCENARIOS).add(copy);
		return copy;
	});
}

/**
 * Renames a saved scenario: a save like any other, so it moves the revision on (another tab
 * editing the scenario learns of it, rather than saving the old name back over it). When
 * `expectedRevision` is given, refused with kind 'conflict' if the stored revision has moved on.
 */
export async function renameScenario(
	db: WorkbenchDatabase,
	id: string,
	name: string,
	expectedRevision?: number
): Promise<ScenarioRecord> {
	const action = `rename scenario "${id}" to "${name}"`;
	return inTransaction(db, [SCENARIOS], 'readwrite', action, async (tx) => {
		const stored = await tx.objectStore(SCENARIOS).get(id);
		if (!stored) throw scenarioMissing(id, action);
		if (expectedRevision !== undefined && stored.revision !== expectedRevision) {
			throw new StorageError(
				'conflict',
				`Scenario "${stored.scenario.name}" was changed in another tab or window since you ` +
					'opened it: it was not renamed. Reload it, then rename it again.',
				{ action }
			);
		}
		const next: ScenarioRecord = {
			...stored,
			scenario: { ...stored.scenario, name },
			revision: stored.revision + 1,
			updatedAt: nowIso()
		};
		await tx.objectStore(SCENARIOS).put(next);
		return next;
	});
}

/**
 * Deletes a saved scenario with its cached runs, and takes it out of every scenario set, in one
 * transaction. Deleting a scenario that is not there does nothing.
 */
export async function deleteScenario(db: WorkbenchDatabase, id: string): Promise<void> {
	await inTransaction(
		db,
		[SCENARIOS, RUNS, SCENARIO_SETS],
		'readwrite',
		`delete scenario "${id}"`,
		async (tx) => {
			await tx.objectStore(SCENARIOS).delete(id);
			const runs = tx.objectStore(RUNS);
			for (const key of await runs.index(RUNS_BY_SCENARIO).getAllKeys(id)) {
				await runs.delete(key);
			}
			let cursor = await tx.objectStore(SCENARIO_SETS).openCursor();
			while (cursor) {
				const set = cursor.value;
				if (set.scenarioIds.includes(id)) {
					await cursor.update({
						...set,
						scenarioIds: set.scenarioIds.filter((s) => s !== id),
						updatedAt: nowIso()
					});
				}
				cursor = await cursor.continue();
			}
		}
	);
}

function byScenarioName(a: ScenarioRecord, b: ScenarioRecord): number {
	return a.scenario.name.localeCompare(b.scenario.name, 'en-GB') || (a.id < b.id ? -1 : 1);
}

function scenarioMissing(what: string, action: string): StorageError {
	return notFoundError(`Scenario "${what}"`, action);
}

function datasetMissing(id: string, action: string): StorageError {
	return notFoundError(`Dataset "${id}"`, action);
}

/**
 * A fresh scenario id. Uses getRandomValues, which (unlike randomUUID) also works when the app is
 * served over plain http on a council intranet.
 */
export function newScenarioId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(8));
	return 'scenario_' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
