/**
 * Scenario sets: named groups of scenarios of one dataset, shown side by side in Compare.
 */
import { SCENARIO_SETS, SETS_BY_DATASET, type ScenarioSetRecord } from './schema';
import { inTransaction, nowIso, type WorkbenchDatabase } from './transaction';

/** The scenario sets of a dataset, by name (then id). */
export async function listScenarioSets(
	db: WorkbenchDatabase,
	datasetId: string
): Promise<ScenarioSetRecord[]> {
	const sets = await inTransaction(
		db,
		[SCENARIO_SETS],
		'readonly',
		`list the scenario sets of dataset "${datasetId}"`,
		(tx) => tx.objectStore(SCENARIO_SETS).index(SETS_BY_DATASET).getAll(datasetId)
	);
	return sets.sort(
		(a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** The scenario set with this id, or undefined when there is none. */
export async function getScenarioSet(
	db: WorkbenchDatabase,
	id: string
): Promise<ScenarioSetRecord | undefined> {
	return inTransaction(db, [SCENARIO_SETS], 'readonly', `read scenario set "${id}"`, (tx) =>
		tx.objectStore(SCENARIO_SETS).get(id)
	);
}

/**
 * Saves a scenario set under its id (replacing any saved with that id), stamped with the time.
 * @example
 * await putScenarioSet(db, { id: 'plan_vs_may', datasetId: 'kingston', name: 'Plan vs May',
 * 	scenarioIds: ['sva_plan', 'may_2021'] });
 */
export async function putScenarioSet(
	db: WorkbenchDatabase,
	set: Omit<ScenarioSetRecord, 'updatedAt'>
): Promise<ScenarioSetRecord> {
	const record: ScenarioSetRecord = { ...set, updatedAt: nowIso() };
	await inTransaction(
		db,
		[SCENARIO_SETS],
		'readwrite',
		`save scenario set "${set.name}"`,
		async (tx) => {
			await tx.objectStore(SCENARIO_SETS).put(record);
		}
	);
	return record;
}

/** Deletes a scenario set (its scenarios stay). Deleting one that is not there does nothing. */
export async function deleteScenarioSet(db: WorkbenchDatabase, id: string): Promise<void> {
	await inTransaction(
		db,
		[SCENARIO_SETS],
		'readwrite',
		`delete scenario set "${id}"`,
		async (tx) => {
			await tx.objectStore(SCENARIO_SETS).delete(id);
		}
	);
}
