/**
 * The page's handle on the projection worker (workers/projection-api.ts), on the generic worker
 * client (worker-client.ts): expected projections are latest-wins (a fast slider never paints a
 * stale projection), a worker that crashes is reported and replaced, with the dataset prepared
 * again and the latest request run again, and without workers the engine runs in the page.
 */
import type { Dataset } from '../model/dataset';
import type { Actuals } from '../model/actuals';
import type { Scenario } from '../model/scenario';
import type { ScenarioResult } from '../model/results';
import type { GoalSeekOptions, GoalSeekResult, GoalSeekTarget } from '../engine/goal-seek';
import type { SensitivityOptions, SensitivityResult } from '../engine/sensitivity';
import type { DsgGrid } from '../io/dsg-grid';
import type {
	ActualsApplied,
	PreparedSummary,
	ProjectionApi,
	ProjectionProblem
} from '$workers/projection-api';
import { cloneable, createWorkerClient, type WorkerClient } from './worker-client';

export type { ActualsApplied, PreparedSummary, ProjectionProblem };

export interface ProjectionClientOptions {
	/** Makes the worker; null runs the engine in-process (tests, Node, no Worker support). */
	createWorker?: (() => Worker) | null;
	/** Told when a worker fails, with a message for the user. */
	onWorkerError?: (message: string) => void;
}

export class ProjectionClient {
	#client: WorkerClient<ProjectionApi>;
	#dataset: Dataset | null = null;

	constructor(options: ProjectionClientOptions = {}) {
		this.#client = createWorkerClient<ProjectionApi>({
			name: 'projection',
			createWorker: options.createWorker ?? null,
			inPage: () => import('$workers/projection-api').then((m) => m.createProjectionApi()),
			// A fresh worker (the first, or one replacing a crashed one) estimates the dataset first.
			setup: (api) => (this.#dataset ? api.prepare(this.#dataset) : null),
			onWorkerError: options.onWorkerError,
			failedMessage: (reason) =>
				`The projection worker failed (${reason}). It was restarted and the projection recomputed.`
		});
	}

	/** Prepares a dataset (estimation, default estimator) for the runs that follow. */
	prepare(dataset: Dataset): Promise<PreparedSummary> {
		this.#dataset = cloneable(dataset);
		return this.#client.refresh() as Promise<PreparedSummary>;
	}

	/**
	 * Expected projections of scenarios, in order. A call superseded by a newer one resolves
	 * with the newer result.
	 * @example const [plan, may] = await client.runExpected([planScenario, mayScenario]);
	 */
	runExpected(scenarios: Scenario[]): Promise<ScenarioResult[]> {
		return this.#client.latest('runExpected', [scenarios]);
	}

	/**
	 * Whether a dataset and its scenarios can be projected (nothing is kept in the worker): what
	 * went wrong, scenario by scenario, or an empty list.
	 */
	check(dataset: Dataset, scenarios: Scenario[]): Promise<ProjectionProblem[]> {
		return this.#client.call('check', [dataset, scenarios]);
	}

	/** The DSG management plan grid of a scenario's expected projection. */
	dsgGrid(scenario: Scenario): Promise<DsgGrid> {
		return this.#client.call('dsgGrid', [scenario]);
	}

	/** Goal seek on a scenario (engine/goal-seek.ts), in the worker. */
	goalSeek(
		scenario: Scenario,
		target: GoalSeekTarget,
		options: GoalSeekOptions
	): Promise<GoalSeekResult> {
		return this.#client.call('goalSeek', [scenario, target, options]);
	}

	/** The sensitivity tornado of a scenario (engine/sensitivity.ts), in the worker. */
	sensitivity(scenario: Scenario, options: SensitivityOptions): Promise<SensitivityResult> {
		return this.#client.call('sensitivity', [scenario, options]);
	}

	/**
	 * Records actuals in a dataset and re-bases its scenarios (engine/rebase.ts), in the worker:
	 * estimation and re-basing never run on the page's thread.
	 * @example const { dataset, scenarios, notes } = await client.applyActuals(ds, list, planId, actuals);
	 */
	applyActuals(
		dataset: Dataset,
		scenarios: Scenario[],
		planId: string | null,
		actuals: Actuals
	): Promise<ActualsApplied> {
		return this.#client.call('applyActuals', [dataset, scenarios, planId, actuals]);
	}

	dispose() {
		this.#client.dispose();
	}
}

/** The worker as Vite builds it. */
export function createProjectionWorker(): Worker {
	return new Worker(new URL('../../../workers/projection.worker.ts', import.meta.url), {
		type: 'module',
		name: 'projection'
	});
}
