/**
 * The page's handle on the projection worker. In the manner of svelte.dev's REPL worker client:
 * when a newer request arrives before an older one is answered, the older one resolves with the
 * newer result, so a fast slider never paints a stale projection. A worker that crashes is
 * reported and replaced; until the new one is up the engine runs in the page (the same code), so
 * the page stays usable.
 */
import { wrap, type Remote } from 'comlink';
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import type { BacktestSummary } from '../engine/backtest';
import type { ScenarioResult } from '../engine/workbench';
import type { GoalSeekOptions, GoalSeekResult, GoalSeekTarget } from '../engine/goal-seek';
import type { SensitivityOptions, SensitivityResult } from '../engine/sensitivity';
import type { DsgGrid } from '../io/dsg-grid';
import type { PreparedSummary, ProjectionApi } from '../../../workers/projection-api';
import { inPageApi } from './in-page-api';

export interface ProjectionClientOptions {
	/** Makes the worker; null runs the engine in-process (tests, Node, no Worker support). */
	createWorker?: (() => Worker) | null;
	/** Told when a worker fails, with a message for the user. */
	onWorkerError?: (message: string) => void;
}

type Api = ProjectionApi | Remote<ProjectionApi>;
type Waiter = { resolve: (v: ScenarioResult[]) => void; reject: (e: unknown) => void };

export class ProjectionClient {
	#worker: Worker | null = null;
	#api: Api;
	#dataset: Dataset | null = null;
	/** The API instance the current dataset was prepared on, and its summary. */
	#preparedOn: Api | null = null;
	#prepared: Promise<PreparedSummary> | null = null;
	#latest = 0;
	#waiting: Waiter[] = [];
	#options: ProjectionClientOptions;

	constructor(options: ProjectionClientOptions = {}) {
		this.#options = options;
		this.#api = this.#startWorker() ?? inPageApi();
	}

	#startWorker(): Remote<ProjectionApi> | null {
		const make = this.#options.createWorker;
		if (!make) return null;
		try {
			const worker = make();
			worker.addEventListener('error', (e) => {
				e.preventDefault();
				this.#crashed(e.message || 'it stopped');
			});
			worker.addEventListener('messageerror', () => this.#crashed('a message could not be read'));
			this.#worker = worker;
			return wrap<ProjectionApi>(worker);
		} catch (e) {
			this.#options.onWorkerError?.(
				`The projection worker could not start (${(e as Error).message}); projections run in the page.`
			);
			return null;
		}
	}

	#crashed(reason: string) {
		this.#worker?.terminate();
		this.#worker = null;
		this.#options.onWorkerError?.(
			`The projection worker failed (${reason}). It was restarted and the projection recomputed.`
		);
		// Answer from the page at once, then move back to a fresh worker.
		this.#api = inPageApi();
		const fresh = this.#startWorker();
		if (fresh) this.#api = fresh;
		this.#rerunLatest?.();
	}

	#rerunLatest: (() => void) | null = null;

	async #ready(): Promise<Api> {
		const api = this.#api;
		if (this.#dataset && this.#preparedOn !== api) {
			this.#preparedOn = api;
			this.#prepared = Promise.resolve(api.prepare(this.#dataset));
		}
		if (this.#prepared) await this.#prepared;
		return api;
	}

	/** Prepares a dataset (estimation, default estimator) for the runs that follow. */
	prepare(dataset: Dataset): Promise<PreparedSummary> {
		this.#dataset = plain(dataset);
		this.#preparedOn = null;
		return this.#ready().then(() => this.#prepared!);
	}

	/**
	 * Expected projections of scenarios, in order. A call superseded by a newer one resolves
	 * with the newer result.
	 * @example const [plan, may] = await client.runExpected([planScenario, mayScenario]);
	 */
	runExpected(scenarios: Scenario[]): Promise<ScenarioResult[]> {
		const ticket = ++this.#latest;
		const request = plain(scenarios);
		const attempt = async () => {
			let api: Api | null = null;
			try {
				api = await this.#ready();
				const result = await api.runExpected(request);
				if (ticket !== this.#latest) return; // a newer request will answer everyone
				this.#settle((w) => w.resolve(result));
			} catch (e) {
				// A crash replaced the API and re-ran the latest request: it will answer.
				if (ticket !== this.#latest || (api !== null && api !== this.#api)) return;
				this.#settle((w) => w.reject(e));
			}
		};
		this.#rerunLatest = () => void attempt();
		return new Promise<ScenarioResult[]>((resolve, reject) => {
			this.#waiting.push({ resolve, reject });
			void attempt();
		});
	}

	#settle(fn: (w: Waiter) => void) {
		const waiting = this.#waiting;
		this.#waiting = [];
		this.#rerunLatest = null;
		waiting.forEach(fn);
	}

	async backtest(holdout: number): Promise<BacktestSummary> {
		return (await this.#ready()).backtest(holdout);
	}

	/** The DSG management plan grid of a scenario's expected projection. */
	async dsgGrid(scenario: Scenario): Promise<DsgGrid> {
		return (await this.#ready()).dsgGrid(plain(scenario));
	}

	/** Goal seek on a scenario (engine/goal-seek.ts), in the worker. */
	async goalSeek(
		scenario: Scenario,
		target: GoalSeekTarget,
		options: GoalSeekOptions
	): Promise<GoalSeekResult> {
		return (await this.#ready()).goalSeek(plain(scenario), plain(target), plain(options));
	}

	/** The sensitivity tornado of a scenario (engine/sensitivity.ts), in the worker. */
	async sensitivity(scenario: Scenario, options: SensitivityOptions): Promise<SensitivityResult> {
		return (await this.#ready()).sensitivity(plain(scenario), plain(options));
	}

	dispose() {
		this.#worker?.terminate();
		this.#worker = null;
	}
}

/** Plain data for postMessage: Svelte state proxies cannot be structured-cloned. */
function plain<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** The worker as Vite builds it. */
export function createProjectionWorker(): Worker {
	return new Worker(new URL('../../../workers/projection.worker.ts', import.meta.url), {
		type: 'module',
		name: 'projection'
	});
}
