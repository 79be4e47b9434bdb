/**
 * The app's state: which dataset is open, its scenarios, and their projections. Pages read it and
 * call its methods; they hold no business logic. Storage is IndexedDB (src/lib/storage); when it
 * is unavailable the app still works in memory and says so.
 */
import { getContext, setContext } from 'svelte';
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import type { ScenarioResult } from '../engine/workbench';
import { kingstonDataset } from '../data/kingston';
import { kingstonScenarios } from '../data/kingston-scenarios';
import { ProjectionClient, createProjectionWorker } from '../client/projection';
import type { PreparedSummary } from '../../../workers/projection-api';
import {
	getDataset,
	getMeta,
	listDatasets,
	listScenarios,
	openWorkbenchDb,
	seedBuiltInDataset,
	setMeta,
	toStorageError,
	type ScenarioRecord,
	type WorkbenchDatabase
} from '../storage';

/** Bumped when the built-in dataset changes in a way that should reach existing browsers. */
export const BUILT_IN_VERSION = 1;

export class WorkbenchState {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	/** A fatal problem, shown instead of the page. */
	error = $state<string | null>(null);
	/** Storage is unavailable or failed: work goes on in memory. */
	storageProblem = $state<string | null>(null);
	/** The projection worker failed and was replaced. */
	workerProblem = $state<string | null>(null);
	datasets = $state.raw<Dataset[]>([]);
	dataset = $state.raw<Dataset | null>(null);
	scenarios = $state.raw<ScenarioRecord[]>([]);
	prepared = $state.raw<PreparedSummary | null>(null);
	/** Expected projections by scenario id. */
	results = $state.raw<Record<string, ScenarioResult>>({});
	computing = $state(false);

	#db: WorkbenchDatabase | null = null;
	#client: ProjectionClient;

	constructor(options: { worker?: boolean } = {}) {
		const useWorker = options.worker ?? typeof Worker !== 'undefined';
		this.#client = new ProjectionClient({
			createWorker: useWorker ? createProjectionWorker : null,
			onWorkerError: (m) => (this.workerProblem = m)
		});
	}

	/** Opens storage (seeding Kingston on first run), the last dataset, and projects it. */
	async init(): Promise<void> {
		try {
			let dataset: Dataset | null = null;
			let records: ScenarioRecord[] = [];
			try {
				this.#db = await openWorkbenchDb();
				await seedBuiltInDataset(this.#db, {
					dataset: kingstonDataset(),
					scenarios: kingstonScenarios(),
					version: BUILT_IN_VERSION
				});
				this.datasets = await listDatasets(this.#db);
				const last = await getMeta(this.#db, 'lastOpened');
				dataset =
					(last && (await getDataset(this.#db, last.datasetId))) ?? this.datasets[0] ?? null;
				if (dataset) records = await listScenarios(this.#db, dataset.id);
			} catch (e) {
				this.#db = null;
				this.storageProblem = toStorageError(e, 'open this browser’s saved work').message;
			}
			if (!dataset) {
				dataset = kingstonDataset();
				records = inMemoryRecords(dataset.id, kingstonScenarios());
				this.datasets = [dataset];
			}
			await this.open(dataset, records);
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	/** Makes a dataset current and projects its scenarios. */
	async open(dataset: Dataset, records: ScenarioRecord[]): Promise<void> {
		this.dataset = dataset;
		this.scenarios = records;
		this.prepared = await this.#client.prepare(dataset);
		await this.recompute();
		if (this.#db) {
			try {
				await setMeta(this.#db, 'lastOpened', { datasetId: dataset.id, scenarioId: null });
			} catch (e) {
				this.storageProblem = toStorageError(e, 'remember the open dataset').message;
			}
		}
	}

	/** Reruns the expected projection of every scenario of the open dataset. */
	async recompute(): Promise<void> {
		this.computing = true;
		try {
			const list = this.scenarios.map((r) => r.scenario);
			const results = await this.#client.runExpected(list);
			this.results = Object.fromEntries(results.map((r) => [r.scenarioId, r]));
		} finally {
			this.computing = false;
		}
	}

	/** Back-tests the open dataset's estimators (MODEL.md §8). */
	backtest(holdout: number) {
		return this.#client.backtest(holdout);
	}

	scenarioByName(name: string): Scenario | undefined {
		return this.scenarios.find((r) => r.scenario.name === name)?.scenario;
	}

	resultByName(name: string): ScenarioResult | undefined {
		const s = this.scenarioByName(name);
		return s ? this.results[s.id] : undefined;
	}
}

function inMemoryRecords(datasetId: string, scenarios: Scenario[]): ScenarioRecord[] {
	return scenarios.map((scenario) => ({
		id: scenario.id,
		datasetId,
		scenario,
		revision: 1,
		updatedAt: ''
	}));
}

const KEY = Symbol('workbench');

export function setWorkbench(state: WorkbenchState): WorkbenchState {
	return setContext(KEY, state);
}

export function getWorkbench(): WorkbenchState {
	const state = getContext<WorkbenchState | undefined>(KEY);
	if (!state)
		throw new Error('getWorkbench: no workbench in context (is this inside the app layout?)');
	return state;
}
