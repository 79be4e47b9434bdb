/**
 * Seeding the built-in dataset (Kingston) on first run.
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import { DATASETS, META, SCENARIOS, type MetaRecord, type ScenarioRecord } from './schema';
import { datasetRevisionKey } from './meta';
import { inTransaction, nowIso, type WorkbenchDatabase } from './transaction';

/**
 * Saves the built-in dataset and its scenarios if this browser has never been seeded, and records
 * that it was (meta `builtInSeed`), all in one transaction. Resolves true when it seeded, false
 * when a seed was recorded before — so a user who deleted or edited the built-in dataset does not
 * get it back over their changes on the next visit. Two tabs opening at once seed it once.
 * A dataset or scenario already saved under the same id (a browser upgraded from version 1, which
 * kept no record of seeding) is left as it is.
 *
 * @param version the built-in data's version, recorded for later upgrades of the seed
 * @example
 * await seedBuiltInDataset(db, { dataset: kingston, scenarios: kingstonScenarios, version: 1 });
 */
export async function seedBuiltInDataset(
	db: WorkbenchDatabase,
	seed: { dataset: Dataset; scenarios: readonly Scenario[]; version: number }
): Promise<boolean> {
	return inTransaction(
		db,
		[DATASETS, SCENARIOS, META],
		'readwrite',
		`add the built-in dataset "${seed.dataset.name}"`,
		async (tx) => {
			const meta = tx.objectStore(META);
			if ((await meta.getKey('builtInSeed')) !== undefined) return false;
			const updatedAt = nowIso();
			const datasets = tx.objectStore(DATASETS);
			if ((await datasets.getKey(seed.dataset.id)) === undefined) {
				await datasets.add(seed.dataset);
				const revision: MetaRecord<`datasetRevision:${string}`> = {
					key: datasetRevisionKey(seed.dataset.id),
					value: { revision: 1, updatedAt }
				};
				await meta.put(revision as MetaRecord);
			}
			const scenarios = tx.objectStore(SCENARIOS);
			for (const scenario of seed.scenarios) {
				if ((await scenarios.getKey(scenario.id)) !== undefined) continue;
				const record: ScenarioRecord = {
					id: scenario.id,
					datasetId: seed.dataset.id,
					scenario,
					revision: 1,
					updatedAt
				};
				await scenarios.add(record);
			}
			const marker: MetaRecord<'builtInSeed'> = {
				key: 'builtInSeed',
				value: { datasetId: seed.dataset.id, version: seed.version, seededAt: updatedAt }
			};
			await meta.put(marker as MetaRecord);
			return true;
		}
	);
}
