/**
 * App metadata: what was open last, whether the built-in dataset was seeded, and per-dataset
 * entries a user typed in (KPI actuals per quarter, report texts).
 */
import { META, type MetaEntries, type MetaKey, type MetaRecord } from './schema';
import { inTransaction, type WorkbenchDatabase } from './transaction';

/**
 * The key of a dataset's KPI actuals.
 * @example kpiActualsKey('kingston') // 'kpiActuals:kingston'
 */
export function kpiActualsKey(datasetId: string): `kpiActuals:${string}` {
	return `kpiActuals:${datasetId}`;
}

/**
 * The key of a dataset's report texts.
 * @example reportTextsKey('kingston') // 'reportTexts:kingston'
 */
export function reportTextsKey(datasetId: string): `reportTexts:${string}` {
	return `reportTexts:${datasetId}`;
}

/**
 * The key of a dataset's revision.
 * @example datasetRevisionKey('kingston') // 'datasetRevision:kingston'
 */
export function datasetRevisionKey(datasetId: string): `datasetRevision:${string}` {
	return `datasetRevision:${datasetId}`;
}

/**
 * The value stored under a meta key, or undefined when none is.
 * @example
 * const last = await getMeta(db, 'lastOpened'); // { datasetId, scenarioId } | undefined
 */
export async function getMeta<K extends MetaKey>(
	db: WorkbenchDatabase,
	key: K
): Promise<MetaEntries[K] | undefined> {
	const record = await inTransaction(db, [META], 'readonly', `read setting "${key}"`, (tx) =>
		tx.objectStore(META).get(key)
	);
	return (record as MetaRecord<K> | undefined)?.value;
}

/**
 * Stores a value under a meta key, replacing what was there.
 * @example
 * await setMeta(db, kpiActualsKey('kingston'), { '1': [{ period: '2021-Q1', value }] });
 */
export async function setMeta<K extends MetaKey>(
	db: WorkbenchDatabase,
	key: K,
	value: MetaEntries[K]
): Promise<void> {
	const record = { key, value } as MetaRecord<K>;
	await inTransaction(db, [META], 'readwrite', `save setting "${key}"`, async (tx) => {
		await tx.objectStore(META).put(record as MetaRecord);
	});
}

/** Removes a meta key (nothing happens when it is not set). */
export async function deleteMeta(db: WorkbenchDatabase, key: MetaKey): Promise<void> {
	await inTransaction(db, [META], 'readwrite', `remove setting "${key}"`, async (tx) => {
		await tx.objectStore(META).delete(key);
	});
}
