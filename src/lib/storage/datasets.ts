/**
 * Saved datasets. A dataset is stored as it is (the domain object), its revision beside it in
 * `meta` (`datasetRevision:<id>`). Every save moves the revision on; an edit names the revision it
 * started from, and when another tab saved in between the two edits are merged against that base,
 * so that unrelated edits both survive and only two edits of the same thing wait for the user
 * (docs/decisions/0015-dataset-edit-concurrency.md). Deleting a dataset deletes everything that
 * belongs to it.
 */
import type { IDBPTransaction } from 'idb';
import type { Dataset } from '../model/dataset';
import { notFoundError } from './errors';
import { mergeThreeWay, type MergeConflict } from './merge';
import { datasetRevisionKey, kpiActualsKey, reportTextsKey } from './meta';
import {
	DATASETS,
	META,
	RUNS,
	RUNS_BY_SCENARIO,
	SCENARIOS,
	SCENARIOS_BY_DATASET,
	SCENARIO_SETS,
	SETS_BY_DATASET,
	type DatasetRecord,
	type DatasetRevision,
	type MetaRecord,
	type WorkbenchDB
} from './schema';
import { inTransaction, nowIso, type WorkbenchDatabase } from './transaction';

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

/** The saved dataset with this id and its revision, or undefined when there is none. */
export async function getDatasetRecord(
	db: WorkbenchDatabase,
	id: string
): Promise<DatasetRecord | undefined> {
	return inTransaction(db, [DATASETS, META], 'readonly', `read dataset "${id}"`, async (tx) => {
		const dataset = await tx.objectStore(DATASETS).get(id);
		if (!dataset) return undefined;
		return { dataset, ...(await readRevision(tx, id)) };
	});
}

/**
 * Saves a dataset under its id, replacing any saved with that id, and moves its revision on.
 * For edits of an open dataset use {@link saveDatasetEdit}, which never overwrites another tab's
 * save unseen.
 */
export async function putDataset(db: WorkbenchDatabase, dataset: Dataset): Promise<DatasetRecord> {
	return inTransaction(
		db,
		[DATASETS, META],
		'readwrite',
		`save dataset "${dataset.name}"`,
		async (tx) => writeDataset(tx, dataset)
	);
}

/** What became of a dataset edit: see {@link saveDatasetEdit}. */
export type DatasetSaveOutcome =
	| { kind: 'saved'; record: DatasetRecord }
	| { kind: 'merged'; record: DatasetRecord; theirs: DatasetRecord }
	| { kind: 'conflict'; theirs: DatasetRecord; conflicts: MergeConflict[] };

/**
 * Saves an edit of a dataset made from `base` (the version at `baseRevision`), in one transaction:
 * - the stored revision is still `baseRevision`: `next` is saved (kind 'saved');
 * - another tab saved since: the two edits are merged against `base` (storage/merge.ts); when they
 *   touched different things the merge is saved (kind 'merged', `record.dataset` holds both);
 * - both changed the same thing differently: nothing is written (kind 'conflict', with the stored
 *   version and what clashed), for the user to settle.
 * Rejects with kind 'not-found' when the dataset was deleted.
 *
 * @example
 * const out = await saveDatasetEdit(db, { base: loaded.dataset, baseRevision: loaded.revision, next });
 * if (out.kind === 'conflict') askTheUser(out.conflicts);
 */
export async function saveDatasetEdit(
	db: WorkbenchDatabase,
	edit: { base: Dataset; baseRevision: number; next: Dataset }
): Promise<DatasetSaveOutcome> {
	const { base, baseRevision, next } = edit;
	if (base.id !== next.id) {
		throw new Error(
			`saveDatasetEdit: the edit's id "${next.id}" must equal its base's id "${base.id}"`
		);
	}
	const action = `save dataset "${next.name}"`;
	return inTransaction(db, [DATASETS, META], 'readwrite', action, async (tx) => {
		const stored = await tx.objectStore(DATASETS).get(next.id);
		if (!stored) throw notFoundError(`Dataset "${next.name}"`, action);
		const revision = await readRevision(tx, next.id);
		if (revision.revision === baseRevision) {
			return { kind: 'saved', record: await writeDataset(tx, next, revision.revision) };
		}
		const theirs: DatasetRecord = { dataset: stored, ...revision };
		const merged = mergeThreeWay(base, next, stored);
		if (merged.conflicts.length > 0)
			return { kind: 'conflict', theirs, conflicts: merged.conflicts };
		return {
			kind: 'merged',
			record: await writeDataset(tx, merged.value, revision.revision),
			theirs
		};
	});
}

type RevisionTx = IDBPTransaction<WorkbenchDB, ('datasets' | 'meta')[], IDBTransactionMode>;

async function readRevision(
	tx: Pick<RevisionTx, 'objectStore'>,
	id: string
): Promise<DatasetRevision> {
	const row = (await tx.objectStore(META).get(datasetRevisionKey(id))) as
		MetaRecord<`datasetRevision:${string}`> | undefined;
	return row?.value ?? { revision: 0, updatedAt: '' };
}

/**
 * Writes a dataset and its next revision inside a readwrite transaction over datasets and meta.
 * @param current the stored revision, when the caller has read it already
 */
export async function writeDataset(
	tx: IDBPTransaction<WorkbenchDB, ('datasets' | 'meta' | 'scenarios')[], 'readwrite'>,
	dataset: Dataset,
	current?: number
): Promise<DatasetRecord> {
	const from = current ?? (await readRevision(tx, dataset.id)).revision;
	const revision: DatasetRevision = { revision: from + 1, updatedAt: nowIso() };
	await tx.objectStore(DATASETS).put(dataset);
	const row: MetaRecord<`datasetRevision:${string}`> = {
		key: datasetRevisionKey(dataset.id),
		value: revision
	};
	await tx.objectStore(META).put(row as MetaRecord);
	return { dataset, ...revision };
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
			await meta.delete(datasetRevisionKey(id));
			const lastOpened = (await meta.get('lastOpened')) as MetaRecord<'lastOpened'> | undefined;
			if (lastOpened?.value.datasetId === id) {
				await meta.delete('lastOpened');
			}
		}
	);
}
