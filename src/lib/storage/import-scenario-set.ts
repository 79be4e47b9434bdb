/**
 * Importing a scenario set (a dataset and its scenarios, MODEL.md §6) into the browser's storage:
 * one transaction, so the import lands whole or changes nothing.
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import { StorageError } from './errors';
import { DATASETS, SCENARIOS, type ScenarioRecord } from './schema';
import { inTransaction, nowIso, type WorkbenchDatabase } from './transaction';

export interface ImportedScenarioSet {
	dataset: Dataset;
	/** In the order given. */
	scenarios: ScenarioRecord[];
}

/**
 * Saves a dataset and its scenarios in one transaction. The dataset replaces any saved with its
 * id; a scenario already saved under the same dataset is replaced by a new revision (so a tab
 * editing it learns of the change), a new one starts at revision 1. If anything fails — a
 * scenario id given twice or saved under another dataset (kind 'conflict'), a value the browser
 * cannot store, a full storage (kind 'quota') — nothing at all is written.
 *
 * The file is parsed and validated before this (src/lib/model and src/lib/io); storage only
 * keeps it whole.
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
	return inTransaction(db, [DATASETS, SCENARIOS], 'readwrite', action, async (tx) => {
		const updatedAt = nowIso();
		await tx.objectStore(DATASETS).put(dataset);
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
