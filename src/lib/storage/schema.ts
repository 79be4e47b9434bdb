/**
 * The shape of the workbench's IndexedDB database, in one `DBSchema` (idb): store and index
 * names, keys, and the records as stored. Records are the domain types (src/lib/model) wrapped
 * with what persistence needs (revisions, timestamps); the storage layer never validates the
 * domain — src/lib/model does.
 */
import type { DBSchema, IndexNames, StoreNames } from 'idb';
import type { Dataset } from '../model/dataset';
import type { KpiActual } from '../model/kpi';
import type { Scenario } from '../model/scenario';

export const DB_NAME = 'send-workbench';

/**
 * Version history (db.ts upgrades through each in turn):
 * 1. `datasets` and `scenarios`, each row the domain object itself (a scenario carried `datasetId`).
 * 2. adds `runs`, `scenarioSets`, `meta` and `scenarios.byDataset`; wraps each scenario in a
 *    {@link ScenarioRecord}.
 * 3. datasets get a revision (meta `datasetRevision:<id>`, a dataset without one is at revision 0)
 *    checked by every dataset save. No store changes: the version moves on so that tabs still
 *    running older code, which saved datasets without a revision, close their connection.
 * 4. every stored scenario gets a `role` (plan, projection or none; model/scenario-role.ts),
 *    derived once per dataset from the scenarios' names as format version 2 does for files.
 */
export const DB_VERSION = 4;

/** A saved dataset's revision, kept beside it (meta `datasetRevision:<id>`). */
export interface DatasetRevision {
	/**
	 * Counts saves (0: saved before revisions were kept). A save names the revision it started
	 * from; when the stored one has moved on, the two edits are merged against that base
	 * (docs/decisions/0015-dataset-edit-concurrency.md).
	 */
	revision: number;
	/** When it was last saved (ISO 8601 date-time, UTC). */
	updatedAt: string;
}

/** A saved dataset with its revision. */
export interface DatasetRecord extends DatasetRevision {
	dataset: Dataset;
}

/** A saved scenario: the scenario itself, the dataset it belongs to, and its revision. */
export interface ScenarioRecord {
	/** The scenario's id (equal to `scenario.id`). */
	id: string;
	datasetId: string;
	scenario: Scenario;
	/**
	 * Counts saves, starting at 1. A save names the revision it started from and is refused when
	 * the stored one has moved on, so two tabs editing one scenario never silently lose an edit.
	 */
	revision: number;
	/** When it was last saved (ISO 8601 date-time, UTC). */
	updatedAt: string;
}

/** A named group of scenarios shown together in Compare. */
export interface ScenarioSetRecord {
	id: string;
	datasetId: string;
	name: string;
	/** In display order. Ids of scenarios deleted since are removed from every set. */
	scenarioIds: string[];
	/** ISO 8601 date-time, UTC. */
	updatedAt: string;
}

/** A typed array of per-simulation values (one entry per simulation, or per simulation × year). */
export type RunSamples = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array;

/**
 * A Monte Carlo result, cached so that reopening a scenario does not rerun it. Keyed by
 * everything that determines it: the scenario, a hash of its inputs (scenario + dataset), the
 * seed and the number of simulations.
 */
export interface RunRecord {
	scenarioId: string;
	/** A hash of every input of the run, computed by the caller (the engine's job, not storage's). */
	inputsHash: string;
	seed: number;
	simulations: number;
	/** When it was stored, in milliseconds since 1970 (UTC); the oldest are pruned first. */
	createdAt: number;
	/** Summary statistics, as the engine produced them. Storage does not look inside. */
	summary: unknown;
	/** Per-simulation values by metric name, when kept (they can be large). */
	samples: Record<string, RunSamples> | null;
}

/** The primary key of a run: [scenarioId, inputsHash, seed, simulations]. */
export type RunKey = [scenarioId: string, inputsHash: string, seed: number, simulations: number];

/** KPI actuals a user entered, by KPI ref ("1" … "38", "6a"), for one dataset. */
export type KpiActualsByRef = Record<string, KpiActual[]>;

/**
 * App metadata, by key. Per-dataset entries carry the dataset id in the key (meta.ts has helpers
 * that build those keys) so that one dataset's entries are written without reading the others'.
 */
export interface MetaEntries {
	/** What was open last, to reopen it on the next visit. */
	lastOpened: { datasetId: string; scenarioId: string | null };
	/** That the built-in dataset was seeded (and which version), so it is seeded once only. */
	builtInSeed: { datasetId: string; version: number; seededAt: string };
	/** KPI actuals entered per quarter, by KPI ref. */
	[key: `kpiActuals:${string}`]: KpiActualsByRef;
	/** Report texts a user wrote (summary, risks, …), by text id, for one dataset. */
	[key: `reportTexts:${string}`]: Record<string, string>;
	/** A dataset's revision. */
	[key: `datasetRevision:${string}`]: DatasetRevision;
}

export type MetaKey = keyof MetaEntries & string;

/** A row of the `meta` store: the key beside its value, so the store needs no out-of-line keys. */
export interface MetaRecord<K extends MetaKey = MetaKey> {
	key: K;
	value: MetaEntries[K];
}

/** The whole database as of {@link DB_VERSION}. */
export interface WorkbenchDB extends DBSchema {
	datasets: {
		key: string;
		value: Dataset;
	};
	scenarios: {
		key: string;
		value: ScenarioRecord;
		indexes: { byDataset: string };
	};
	scenarioSets: {
		key: string;
		value: ScenarioSetRecord;
		indexes: { byDataset: string };
	};
	runs: {
		key: RunKey;
		value: RunRecord;
		indexes: { byScenario: string; byCreatedAt: number };
	};
	meta: {
		key: MetaKey;
		value: MetaRecord;
	};
}

export type WorkbenchStoreName = StoreNames<WorkbenchDB>;

export const DATASETS = 'datasets' satisfies WorkbenchStoreName;
export const SCENARIOS = 'scenarios' satisfies WorkbenchStoreName;
export const SCENARIO_SETS = 'scenarioSets' satisfies WorkbenchStoreName;
export const RUNS = 'runs' satisfies WorkbenchStoreName;
export const META = 'meta' satisfies WorkbenchStoreName;

export const STORE_NAMES: readonly WorkbenchStoreName[] = [
	DATASETS,
	SCENARIOS,
	SCENARIO_SETS,
	RUNS,
	META
];

export const SCENARIOS_BY_DATASET = 'byDataset' satisfies IndexNames<WorkbenchDB, 'scenarios'>;
export const SETS_BY_DATASET = 'byDataset' satisfies IndexNames<WorkbenchDB, 'scenarioSets'>;
export const RUNS_BY_SCENARIO = 'byScenario' satisfies IndexNames<WorkbenchDB, 'runs'>;
export const RUNS_BY_CREATED_AT = 'byCreatedAt' satisfies IndexNames<WorkbenchDB, 'runs'>;

/** Key paths, beside the names, so that db.ts and the migration test agree on them. */
export const KEY_PATHS = {
	datasets: 'id',
	scenarios: 'id',
	scenarioSets: 'id',
	runs: ['scenarioId', 'inputsHash', 'seed', 'simulations'],
	meta: 'key'
} as const satisfies Record<WorkbenchStoreName, string | readonly string[]>;

/** Version 1, the first shipped. Kept so that the upgrade from it stays testable. */
export const LEGACY_V1 = 1;

/** A version 1 scenario row: the scenario itself, with its dataset id on it. */
export type LegacyScenarioV1 = Scenario & { datasetId: string };

/** The whole database as version 1 shipped it. */
export interface LegacyWorkbenchDBv1 extends DBSchema {
	datasets: { key: string; value: Dataset };
	scenarios: { key: string; value: LegacyScenarioV1 };
}
