/**
 * Saved datasets. A dataset is stored as it is (the domain object); deleting one deletes
 * everything that belongs to it.
 */
import type { Dataset } from '../model/dataset';
import { kpiActualsKey, reportTextsKey } from './meta';
import {
	DATASETS,
	META,
	RUNS,
	RUNS_BY_SCENARIO,
	SCENARIOS,
	SCENARIOS_BY_DATASET,
	SCENARIO_SETS,
	SETS_BY_DATASET,
	type MetaRecord
} from './schema';
import { inTransaction, type WorkbenchDatabase } from './transaction';

/**
 * Every saved dataset, by name (then id).
 * @example
 * (await listDatasets(db)).map((d) => d.name) // ['Kingston upon Thames', …]
 */
export async function listDatasets(db: WorkbenchDatabase): Promise<Dataset[]> {
	const datasets = await inTransaction(db, [DATASETS], 'readonly', 'list the datasets', (tx) =>
		tx.objectStore(DATASETS).getAll()
	);
	return datasets.sort(
		(a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** The saved dataset with this id, or undefined when there is none. */
export async function getDataset(db: WorkbenchDatabase, id: string): Promise<Dataset | undefined> {
	return inTransaction(db, [DATASETS], 'readonly', `read dataset "${id}"`, (tx) =>
		tx.objectStore(DATASETS).get(id)
	);
}

/** Saves a dataset under its id, replacing any saved with that id. */
export async function putDataset(db: WorkbenchDatabase, dataset: Dataset): Promise<void> {
	await inTransaction(db, [DATASETS], 'readwrite', `save dataset "${dataset.name}"`, async (tx) => {
		await tx.objectStore(DATASETS).put(dataset);
	});
}

/**
 * Deletes a dataset and, in the same transaction, its scenarios, their cached runs, its scenario
 * sets, its KPI actuals and report texts, and "last opened" when that pointed at it. Deleting a
 * dataset that is not there does nothing.
 */
export async function deleteDataset(db: WorkbenchDatabase, id: string): Promise<void> {
	await inTransaction(
		db,
		[DATASETS, SCENARIOS, RUNS, SCENARIO_SETS, META],
		'readwrite',
		`delete dataset "${id}"`,
		async (tx) => {
			await tx.objectStore(DATASETS).delete(id);
			const scenarios = tx.objectStore(SCENARIOS);
			const runs = tx.objectStore(RUNS);
			for (const scenarioId of await scenarios.index(SCENARIOS_BY_DATASET).getAllKeys(id)) {
				for (const runKey of await runs.index(RUNS_BY_SCENARIO).getAllKeys(scenarioId)) {
					await runs.delete(runKey);
				}
				await scenarios.delete(scenarioId);
			}
			const sets = tx.objectStore(SCENARIO_SETS);
			for (const setId of await sets.index(SETS_BY_DATASET).getAllKeys(id)) {
				await sets.delete(setId);
			}
			const meta = tx.objectStore(META);
			await meta.delete(kpiActualsKey(id));
			await meta.delete(reportTextsKey(id));
			const lastOpened = (await meta.get('lastOpened')) as MetaRecord<'lastOpened'> | undefined;
			if (lastOpened?.value.datasetId === id) {
				await meta.delete('lastOpened');
			}
		}
	);
}
