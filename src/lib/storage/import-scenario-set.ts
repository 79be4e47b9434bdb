/**
 * Importing a scenario set (a dataset and its scenarios, docs/model.md §6) into the browser's storage:
 * one transaction, so the import lands whole or changes nothing.
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import { writeDataset } from './datasets';
import { StorageError } from './errors';
import { describeDifferences } from './merge';
import { DATASETS, META, SCENARIOS, type DatasetRecord, type ScenarioRecord } from './schema';
import { inTransaction, nowIso, type WorkbenchDatabase } from './transaction';

export interface ImportedScenarioSet {
	dataset: Dataset;
	/** In the order given. */
	scenarios: ScenarioRecord[];
}

/**
 * Saves a dataset and its scenarios in one transaction. The dataset replaces any saved with its
 * id (and its revision moves on); a scenario already saved under the same dataset is replaced by a new revision (so a tab
 * editing it learns of the change), a new one starts at revision 1. If anything fails — a
 * scenario id given twice or saved under another dataset (kind 'conflict'), a value the browser
 * cannot store, a full storage (kind 'quota') — nothing at all is written.
 *
 * The file is parsed and validated before this (src/lib/model and src/lib/io); storage only
 * keeps it whole. Call {@link compareImport} first: this replaces saved work without asking.
 * @example
 * const { scenarios } = await importScenarioSet(db, file.dataset, file.scenarios);
 */
export async function importScenarioSet(
	db: WorkbenchDatabase,
	dataset: Dataset,
	scenarios: readonly Scenario[]
): Promise<ImportedScenarioSet> {
	const action = `import dataset "${dataset.name}" with ${scenarios.length} scenario(s)`;
	const seen = new Set<string>();
	for (const s of scenarios) {
		if (seen.has(s.id)) {
			throw new StorageError(
				'conflict',
				`The import has two scenarios with id "${s.id}": nothing was imported. Give each ` +
					'scenario its own id and import again.',
				{ action }
			);
		}
		seen.add(s.id);
	}
	return inTransaction(db, [DATASETS, SCENARIOS, META], 'readwrite', action, async (tx) => {
		const updatedAt = nowIso();
		await writeDataset(tx, dataset);
		const store = tx.objectStore(SCENARIOS);
		const records: ScenarioRecord[] = [];
		for (const scenario of scenarios) {
			const stored = await store.get(scenario.id);
			if (stored && stored.datasetId !== dataset.id) {
				throw new StorageError(
					'conflict',
					`Scenario "${scenario.name}" (id "${scenario.id}") is already saved under another ` +
						`dataset ("${stored.datasetId}"): nothing was imported. Rename or delete that ` +
						'scenario, or give the imported one another id, and import again.',
					{ action }
				);
			}
			const record: ScenarioRecord = {
				id: scenario.id,
				datasetId: dataset.id,
				scenario,
				revision: stored ? stored.revision + 1 : 1,
				updatedAt
			};
			await store.put(record);
			records.push(record);
		}
		return { dataset, scenarios: records };
	});
}

/** A saved record an import would replace, and how it differs from the file's. */
export interface ImportReplacement {
	kind: 'dataset' | 'scenario';
	id: string;
	/** The saved record's name. */
	name: string;
	/** When the saved one was last saved (ISO 8601, UTC; '' when unknown). */
	updatedAt: string;
	revision: number;
	/** What differs, in words (at most a dozen, then "… and N more"). */
	differences: string[];
}

/**
 * What importing `dataset` with `scenarios` would replace: every saved record with the same id
 * whose content differs from the file's (identical ones are left as they are, so are not listed).
 * Empty when the import replaces nothing. Reads only.
 * @example
 * const replaced = await compareImport(db, file.dataset, file.scenarios);
 * if (replaced.length) askReplaceKeepBothOrCancel(replaced);
 */
export async function compareImport(
	db: WorkbenchDatabase,
	dataset: Dataset,
	scenarios: readonly Scenario[]
): Promise<ImportReplacement[]> {
	const action = `compare the import of "${dataset.name}" with the saved work`;
	return inTransaction(db, [DATASETS, SCENARIOS, META], 'readonly', action, async (tx) => {
		const out: ImportReplacement[] = [];
		const stored = await tx.objectStore(DATASETS).get(dataset.id);
		if (stored) {
			const differences = describeDifferences(stored, dataset);
			if (differences.length) {
				const row = (await tx.objectStore(META).get(`datasetRevision:${dataset.id}`)) as
					{ value: Omit<DatasetRecord, 'dataset'> } | undefined;
				out.push({
					kind: 'dataset',
					id: dataset.id,
					name: stored.name,
					updatedAt: row?.value.updatedAt ?? '',
					revision: row?.value.revision ?? 0,
					differences
				});
			}
		}
		for (const scenario of scenarios) {
			const record = await tx.objectStore(SCENARIOS).get(scenario.id);
			if (!record) continue;
			const differences = describeDifferences(record.scenario, scenario);
			if (!differences.length) continue;
			out.push({
				kind: 'scenario',
				id: scenario.id,
				name: record.scenario.name,
				updatedAt: record.updatedAt,
				revision: record.revision,
				differences
			});
		}
		return out;
	});
}
