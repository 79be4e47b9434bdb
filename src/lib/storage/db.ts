/**
 * Opening the workbench database, and upgrading it from any earlier version.
 */
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { STORAGE_MESSAGES, StorageError, toStorageError } from './errors';
import {
	DATASETS,
	DB_NAME,
	DB_VERSION,
	KEY_PATHS,
	META,
	RUNS,
	RUNS_BY_CREATED_AT,
	RUNS_BY_SCENARIO,
	SCENARIOS,
	SCENARIOS_BY_DATASET,
	SCENARIO_SETS,
	SETS_BY_DATASET,
	type LegacyWorkbenchDBv1,
	type ScenarioRecord,
	type WorkbenchDB
} from './schema';
import { nowIso, type WorkbenchDatabase } from './transaction';
import { rolesFromNames } from '../model/scenario-role';

export type { WorkbenchDatabase } from './transaction';

export interface OpenWorkbenchOptions {
	/**
	 * Another tab wants to upgrade the database: this connection has already closed itself so as
	 * not to block it. Tell the user to reload (this tab's code is now the older one).
	 */
	onBlocking?: (versions: { oldVersion: number; newVersion: number | null }) => void;
	/** The browser closed the connection abnormally (storage cleared, disk error). */
	onTerminated?: () => void;
}

type UpgradeTransaction = IDBPTransaction<WorkbenchDB, StoreNames<WorkbenchDB>[], 'versionchange'>;

/**
 * Opens (creating or upgrading as needed) the workbench database `send-workbench` at
 * {@link DB_VERSION}.
 *
 * Rejects with a StorageError: `unavailable` when there is no IndexedDB (some private windows,
 * site data blocked), `blocked` when another tab holds an older version open and will not close
 * it (rather than waiting for ever), `version` when the stored database is newer than this code,
 * `failed` when the upgrade itself failed (the stored data is then left as it was).
 *
 * @param factory the IndexedDB factory; defaults to the browser's `indexedDB` (tests pass a fresh
 *   fake-indexeddb `IDBFactory`)
 * @example
 * const db = await openWorkbenchDb(indexedDB, { onBlocking: () => showReloadBanner() });
 */
export function openWorkbenchDb(
	factory: IDBFactory | undefined = defaultFactory(),
	options: OpenWorkbenchOptions = {}
): Promise<WorkbenchDatabase> {
	const action = 'open the workbench database';
	if (!factory) {
		return Promise.reject(
			new StorageError('unavailable', STORAGE_MESSAGES.unavailable, { action })
		);
	}
	let request: IDBOpenDBRequest;
	try {
		request = factory.open(DB_NAME, DB_VERSION);
	} catch (error) {
		// Some browsers throw here (SecurityError, InvalidStateError) when storage is switched off.
		const mapped = toStorageError(error, action);
		return Promise.reject(
			mapped.kind === 'failed' || mapped.kind === 'unavailable'
				? new StorageError('unavailable', STORAGE_MESSAGES.unavailable, { action, cause: error })
				: mapped
		);
	}

	return new Promise<WorkbenchDatabase>((resolve, reject) => {
		let settled = false;
		let upgrading = false;

		request.addEventListener('upgradeneeded', (event) => {
			upgrading = true;
			const db = wrap(request.result) as unknown as IDBPDatabase<WorkbenchDB>;
			const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
			// A failed upgrade is reported through the open request; this keeps idb's `done` promise
			// from also surfacing as an unhandled rejection.
			tx.done.catch(() => {});
			upgradeWorkbenchDb(db, event.oldVersion, event.newVersion, tx);
		});

		request.addEventListener('blocked', () => {
			if (settled) return;
			settled = true;
			reject(new StorageError('blocked', STORAGE_MESSAGES.blocked, { action }));
		});

		request.addEventListener('success', () => {
			const raw = request.result;
			if (settled) {
				// The caller was told "blocked" and has moved on; the other tab let go since.
				raw.close();
				return;
			}
			settled = true;
			raw.addEventListener('versionchange', (event) => {
				raw.close();
				options.onBlocking?.({ oldVersion: event.oldVersion, newVersion: event.newVersion });
			});
			raw.addEventListener('close', () => options.onTerminated?.());
			resolve(wrap(raw) as unknown as WorkbenchDatabase);
		});

		request.addEventListener('error', (event) => {
			// Handled here; keeps browsers from also reporting it as an uncaught error.
			event.preventDefault();
			if (settled) return;
			settled = true;
			const mapped = toStorageError(request.error, action);
			reject(
				upgrading && mapped.kind === 'failed'
					? new StorageError('failed', UPGRADE_FAILED, { action, cause: request.error })
					: mapped
			);
		});
	});
}

const UPGRADE_FAILED =
	'The workbench could not upgrade the data saved in this browser to its new version; the saved ' +
	'data was left as it was. Reload the page to try again; if it keeps happening, use an older ' +
	'copy of the workbench to export your scenarios (Scenarios → Export).';

function defaultFactory(): IDBFactory | undefined {
	return typeof indexedDB === 'undefined' ? undefined : indexedDB;
}

/**
 * Brings the database from `oldVersion` to {@link DB_VERSION}, one version at a time (each case
 * falls through to the next). Runs inside the versionchange transaction: it awaits nothing but
 * that transaction's own requests, and any failure aborts the whole upgrade.
 */
export function upgradeWorkbenchDb(
	db: IDBPDatabase<WorkbenchDB>,
	oldVersion: number,
	_newVersion: number | null,
	tx: UpgradeTransaction
): void {
	/** Rewrites of stored records, run in order once the stores are made. */
	const rewrites: ((tx: UpgradeTransaction) => Promise<void>)[] = [];
	switch (oldVersion) {
		case 0: {
			db.createObjectStore(DATASETS, { keyPath: KEY_PATHS.datasets });
			db.createObjectStore(SCENARIOS, { keyPath: KEY_PATHS.scenarios });
		}
		// falls through
		case 1: {
			const sets = db.createObjectStore(SCENARIO_SETS, { keyPath: KEY_PATHS.scenarioSets });
			sets.createIndex(SETS_BY_DATASET, 'datasetId');
			const runs = db.createObjectStore(RUNS, { keyPath: [...KEY_PATHS.runs] });
			runs.createIndex(RUNS_BY_SCENARIO, 'scenarioId');
			runs.createIndex(RUNS_BY_CREATED_AT, 'createdAt');
			db.createObjectStore(META, { keyPath: KEY_PATHS.meta });
			// v1 rows carry datasetId at the top level too, so the index can be built before or after.
			tx.objectStore(SCENARIOS).createIndex(SCENARIOS_BY_DATASET, 'datasetId');
			rewrites.push(wrapScenariosOfV1);
		}
		// falls through
		case 2: {
			// Nothing to change in the stores: a dataset without a revision entry is at revision 0.
		}
		// falls through
		case 3: {
			rewrites.push(giveScenariosRoles);
		}
	}
	// One after the other: each reads what the one before wrote.
	(async () => {
		for (const rewrite of rewrites) await rewrite(tx);
	})().catch(() => {
		try {
			tx.abort();
		} catch {
			// The failed request has already aborted the transaction.
		}
	});
}

/**
 * Version 4 gives every stored scenario a `role`, derived from the names of its dataset's
 * scenarios (`rolesFromNames`, as the scenario-set migration from version 1 does): reads every
 * scenario record, then writes back those without a role. Only this transaction's own requests
 * are awaited, so the transaction stays open throughout.
 */
async function giveScenariosRoles(tx: UpgradeTransaction): Promise<void> {
	const store = tx.objectStore(SCENARIOS);
	const records = await store.getAll();
	const byDataset = new Map<string, ScenarioRecord[]>();
	for (const r of records) {
		// Records as version 3 stored them: a scenario may lack `role`.
		if (typeof (r.scenario as { role?: unknown }).role === 'string') continue;
		const list = byDataset.get(r.datasetId) ?? [];
		list.push(r);
		byDataset.set(r.datasetId, list);
	}
	for (const list of byDataset.values()) {
		// Records come in id order; roles follow the names, whatever the order.
		const roles = rolesFromNames(list.map((r) => r.scenario.name));
		for (let i = 0; i < list.length; i++) {
			const r = list[i];
			await store.put({ ...r, scenario: { ...r.scenario, role: roles[i] } });
		}
	}
}

/** Version 2 wraps each scenario in a ScenarioRecord: `{ id, datasetId, scenario, revision, updatedAt }`. */
async function wrapScenariosOfV1(tx: UpgradeTransaction): Promise<void> {
	const legacyTx = tx as unknown as IDBPTransaction<
		LegacyWorkbenchDBv1,
		StoreNames<LegacyWorkbenchDBv1>[],
		'versionchange'
	>;
	const updatedAt = nowIso();
	let cursor = await legacyTx.objectStore('scenarios').openCursor();
	while (cursor) {
		const { datasetId, ...scenario } = cursor.value;
		const record: ScenarioRecord = {
			id: scenario.id,
			datasetId,
			scenario,
			revision: 1,
			updatedAt
		};
		await cursor.update(record as never);
		cursor = await cursor.continue();
	}
}
