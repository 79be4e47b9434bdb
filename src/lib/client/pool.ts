/**
 * The page's pool of projection workers for the Monte Carlo projection (docs/model.md §2). A run of N
 * simulations of one or more scenarios is cut into chunks of consecutive simulation indices;
 * idle workers take the next chunk; the blocks come back transferred (not copied) and are copied
 * into place in simulation order as they arrive. Because simulation i always draws from stream i, the result is
 * the same whatever the number of workers or the way the run was cut.
 *
 * Behaviour a caller can rely on:
 * - Progress: `onProgress(fraction)` after each chunk, the share of simulations done (0 … 1).
 * - Cancellation: aborting the run's `signal` rejects it at once with an `AbortError`
 *   (DOMException); no further chunk is started, and the chunks already running finish within
 *   a chunk's time (chunks are sized to about `targetChunkMs`) and are thrown away. Workers are
 *   not terminated, so the next run starts without reloading them.
 * - Supersession: a newer `run` (or a `prepare` of another dataset) supersedes a run still going
 *   on, which rejects with an `AbortError`
 *   (never with the newer run's results: a Monte Carlo run of other scenarios or another N is
 *   not an answer to the older request, unlike a slider's expected projection in projection.ts).
 *   `isAbortError(e)` tells such a rejection from a failure.
 * - Failure: a worker whose call throws, or that dies (an `error` or `messageerror` event, or no
 *   answer within `chunkTimeoutMs`), is reported through `onWorkerError`, terminated and replaced
 *   by a fresh one (each worker is a generic worker client, worker-client.ts, which owns the
 *   replacement and the in-page fallback), and its chunk is retried once (on whichever worker
 *   is free). A chunk that fails twice fails the run.
 * - The page never freezes: simulations run in workers, blocks are copied into place as they
 *   arrive, and the summaries (sorting N values for every metric and year) are computed in the
 *   page in slices of about 12 ms, yielding to the event loop between them.
 * - Without workers (`createWorker: null`, or a factory that throws), the same engine runs in the
 *   page, one chunk per task of the event loop.
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import type { MonteCarloRun } from '../engine/monte-carlo';
import type { MonteCarloSummary } from '../model/results';
import { startSummary, summariseRows } from '../engine/monte-carlo';
import type { ProjectionApi, SimulatedScenario } from '$workers/projection-api';
import {
	abortError,
	createWorkerClient,
	cloneable,
	isAbortError,
	WorkerCrashed,
	type WorkerClient
} from './worker-client';

export { abortError, isAbortError };

/** The largest pool, whatever the machine reports. */
export const MAX_POOL_SIZE = 8;

export interface PoolOptions {
	/**
	 * Makes one worker running `workers/projection.worker.ts` (`createSimulationWorker` in the
	 * app, a fake in tests); null runs the engine in the page instead.
	 */
	createWorker: (() => Worker) | null;
	/**
	 * Workers to run: default `navigator.hardwareConcurrency` (2 when unknown), at most 8; always
	 * 1 in the page.
	 */
	size?: number;
	/**
	 * Simulations per chunk. Default: adaptive — the first chunks are small, later ones sized from
	 * the measured speed to take about `targetChunkMs` each.
	 */
	chunkSize?: number;
	/** Aimed-for time of one chunk in ms (default 50): the most a cancellation waits for. */
	targetChunkMs?: number;
	/**
	 * How long a worker may take to answer one chunk before it is taken for dead (a worker that
	 * closed or crashed without an error event), replaced, and its chunk retried. Default: 50
	 * times the chunk's expected time from the measured speed, at least 10 s (60 s before the
	 * speed is known).
	 */
	chunkTimeoutMs?: number;
	/** Told when a worker fails, with a message for the user. */
	onWorkerError?: (message: string) => void;
}

/** What to simulate. */
export interface MonteCarloRequest {
	/** Scenarios over the prepared dataset; all share the seed (common random numbers). */
	scenarios: Scenario[];
	/** N, a whole number ≥ 1. */
	simulations: number;
	/** A whole number in [0, 2^32). */
	seed: number;
}

export interface RunOptions {
	signal?: AbortSignal;
	/** The share of simulations done, from 0 to 1, after each chunk. */
	onProgress?: (fraction: number) => void;
}

/** A finished Monte Carlo run: per scenario (in request order) every simulation and its summary. */
export interface PoolResult {
	runs: MonteCarloRun[];
	summaries: MonteCarloSummary[];
}

interface Slot {
	client: WorkerClient<ProjectionApi>;
	/** Scenario JSON this worker has compiled, by id: later chunks send the id only. */
	known: Map<string, string>;
	busy: boolean;
}

interface Task {
	from: number;
	to: number;
	attempts: number;
}

interface RunState {
	id: number;
	scenarios: Scenario[];
	json: string[];
	simulations: number;
	seed: number;
	/** Next simulation index not yet handed out. */
	cursor: number;
	retry: Task[];
	inFlight: number;
	done: number;
	/** Per scenario, what it is, and every simulation's values (allocated with the first block). */
	runs: (MonteCarloRun | null)[];
	settled: boolean;
	resolve: (r: PoolResult) => void;
	reject: (e: unknown) => void;
	onProgress?: (fraction: number) => void;
	cleanup: () => void;
}

/**
 * The default pool size: the machine's logical cores (`navigator.hardwareConcurrency`, 2 when
 * unknown), from 1 to MAX_POOL_SIZE.
 * @example defaultPoolSize() // 2 on a two-core machine
 */
export function defaultPoolSize(): number {
	const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
		?.hardwareConcurrency;
	return Math.max(1, Math.min(MAX_POOL_SIZE, Number.isInteger(n) && n! > 0 ? n! : 2));
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Longest slice of summarising between two yields to the page, ms (about a frame). */
const SUMMARY_SLICE_MS = 12;

/**
 * Copies a block of scenario i into the run's arrays in simulation order (allocated with the
 * first block, when the metric layout becomes known), so that the copying is spread over the run
 * and each block's memory can be freed at once.
 */
function place(run: RunState, i: number, { meta, block }: SimulatedScenario, task: Task) {
	const M = meta.metrics.length;
	const H = meta.censuses.length;
	if (block.from !== task.from || block.to !== task.to) {
		throw new Error(
			`SimulationPool: asked for simulations ${task.from}–${task.to - 1} of "${meta.scenarioName}", got ${block.from}–${block.to - 1}`
		);
	}
	if (
		block.metrics !== M ||
		block.steps !== H ||
		block.values.length !== (task.to - task.from) * M * H
	) {
		throw new Error(
			`SimulationPool: a block of "${meta.scenarioName}" has ${block.metrics} × ${block.steps} values per simulation, expected ${M} × ${H}`
		);
	}
	const target = (run.runs[i] ??= {
		...meta,
		seed: run.seed,
		simulations: run.simulations,
		values: new Float64Array(run.simulations * M * H),
		firstBreach: new Int32Array(run.simulations)
	});
	target.values.set(block.values, block.from * M * H);
	target.firstBreach.set(block.firstBreach, block.from);
}

/** The first chunk a worker gets when the chunk size is adaptive: a quick speed measurement. */
const FIRST_CHUNK = 8;

export class SimulationPool {
	#options: PoolOptions;
	#slots: Slot[] = [];
	#dataset: Dataset | null = null;
	#datasetJson: string | null = null;
	#run: RunState | null = null;
	#runIds = 0;
	/** Measured simulations per ms per worker (all scenarios of a chunk together), or 0. */
	#rate = 0;
	#disposed = false;

	constructor(options: PoolOptions) {
		this.#options = options;
		// In the page there is one thread however many "workers" there would be.
		const size = options.createWorker === null ? 1 : (options.size ?? defaultPoolSize());
		if (!(Number.isInteger(size) && size >= 1 && size <= MAX_POOL_SIZE)) {
			throw new Error(
				`SimulationPool: size must be a whole number from 1 to ${MAX_POOL_SIZE}, got ${size}`
			);
		}
		if (
			options.chunkSize !== undefined &&
			!(Number.isInteger(options.chunkSize) && options.chunkSize >= 1)
		) {
			throw new Error(
				`SimulationPool: chunkSize must be a whole number ≥ 1, got ${options.chunkSize}`
			);
		}
		for (let i = 0; i < size; i++) this.#slots.push(this.#startSlot());
	}

	/** Number of workers (1 when running in the page). */
	get size(): number {
		return this.#slots.length;
	}

	#startSlot(): Slot {
		const slot: Slot = {
			known: new Map(),
			busy: false,
			client: createWorkerClient<ProjectionApi>({
				name: 'simulation',
				createWorker: this.#options.createWorker,
				inPage: () => import('$workers/projection-api').then((m) => m.createProjectionApi()),
				// Each new worker (the first, or a replacement) estimates the dataset, and has
				// compiled no scenario yet.
				setup: (api) => {
					slot.known.clear();
					const dataset = this.#dataset;
					return dataset ? api.prepare(dataset) : null;
				},
				onWorkerError: this.#options.onWorkerError,
				failedMessage: (reason) =>
					`A simulation worker failed (${reason}). It was replaced and its simulations run again.`
			})
		};
		slot.client.start();
		return slot;
	}

	/**
	 * Sets the dataset the following runs simulate over. Every worker estimates it (in the
	 * background, before its first chunk). A run still going on was over the previous dataset: it
	 * is superseded (rejects with an AbortError), so that no run mixes two datasets. The same
	 * dataset again (equal as JSON) changes nothing.
	 */
	prepare(dataset: Dataset): void {
		const json = JSON.stringify(dataset);
		if (json === this.#datasetJson) return;
		this.#supersede('The dataset changed: this Monte Carlo run was over the previous one.');
		this.#datasetJson = json;
		this.#dataset = JSON.parse(json) as Dataset;
		// Every worker estimates it now, in the background; a failure is tried again by the next chunk.
		for (const slot of this.#slots) void slot.client.refresh().catch(() => {});
	}

	/**
	 * Runs N Monte Carlo simulations of each scenario over the prepared dataset with common random
	 * numbers, and summarises them. Supersedes any run still going on (it rejects with an
	 * AbortError).
	 * @example
	 * const pool = new SimulationPool({ createWorker: createSimulationWorker });
	 * pool.prepare(dataset);
	 * const { summaries } = await pool.run(
	 *   { scenarios: [baseline], simulations: 1000, seed: 50 },
	 *   { signal: controller.signal, onProgress: (f) => (progress = f) }
	 * );
	 */
	run(request: MonteCarloRequest, options: RunOptions = {}): Promise<PoolResult> {
		const { simulations, seed } = request;
		if (this.#disposed) return Promise.reject(new Error('SimulationPool: the pool is disposed'));
		if (!(Number.isInteger(simulations) && simulations >= 1 && simulations < 2 ** 31)) {
			return Promise.reject(
				new Error(`SimulationPool.run: simulations must be a whole number ≥ 1, got ${simulations}`)
			);
		}
		if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
			return Promise.reject(
				new Error(`SimulationPool.run: seed must be a whole number in [0, 2^32), got ${seed}`)
			);
		}
		if (request.scenarios.length === 0) {
			return Promise.reject(new Error('SimulationPool.run: give at least one scenario'));
		}
		if (!this.#dataset) {
			return Promise.reject(new Error('SimulationPool.run: call prepare(dataset) before run'));
		}
		this.#supersede();
		const { signal } = options;
		if (signal?.aborted) return Promise.reject(abortError('The Monte Carlo run was cancelled.'));
		const scenarios = cloneable(request.scenarios);
		return new Promise<PoolResult>((resolve, reject) => {
			const onAbort = () => this.#fail(run, abortError('The Monte Carlo run was cancelled.'));
			const run: RunState = {
				id: ++this.#runIds,
				scenarios,
				json: scenarios.map((s) => JSON.stringify(s)),
				simulations,
				seed,
				cursor: 0,
				retry: [],
				inFlight: 0,
				done: 0,
				runs: scenarios.map(() => null),
				settled: false,
				resolve,
				reject,
				onProgress: options.onProgress,
				cleanup: () => signal?.removeEventListener('abort', onAbort)
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.#run = run;
			this.#pump();
		});
	}

	#supersede(message = 'A newer Monte Carlo run superseded this one.') {
		const old = this.#run;
		if (old && !old.settled) this.#fail(old, abortError(message));
	}

	#fail(run: RunState, error: unknown) {
		if (run.settled) return;
		run.settled = true;
		run.cleanup();
		if (this.#run === run) this.#run = null;
		run.reject(error);
	}

	/** The next chunk of the current run, or null when everything is handed out. */
	#nextTask(run: RunState): Task | null {
		const retry = run.retry.shift();
		if (retry) return retry;
		const left = run.simulations - run.cursor;
		if (left <= 0) return null;
		let size = this.#options.chunkSize;
		if (size === undefined) {
			const target = this.#options.targetChunkMs ?? 50;
			size = this.#rate > 0 ? Math.max(1, Math.round(this.#rate * target)) : FIRST_CHUNK;
			// Near the end, share what is left among the workers rather than give it to one.
			size = Math.min(size, Math.max(FIRST_CHUNK, Math.ceil(left / this.#slots.length)));
		}
		const from = run.cursor;
		const to = Math.min(run.simulations, from + size);
		run.cursor = to;
		return { from, to, attempts: 0 };
	}

	#pump() {
		const run = this.#run;
		if (!run || run.settled) return;
		for (const slot of this.#slots) {
			if (slot.busy) continue;
			const task = this.#nextTask(run);
			if (!task) break;
			void this.#exec(slot, run, task);
		}
	}

	async #exec(slot: Slot, run: RunState, task: Task) {
		slot.busy = true;
		run.inFlight++;
		let started = 0;
		let result: SimulatedScenario[] | null = null;
		let failure: unknown = null;
		try {
			if (slot.client.inPage) await yieldToPage(); // in the page: let it paint between chunks
			await slot.client.ready();
			started = performance.now();
			const args = run.scenarios.map((s, i) => (slot.known.get(s.id) === run.json[i] ? s.id : s));
			// No retry by the client: the pool retries the chunk itself, on whichever worker is free.
			result = await slot.client.call('simulate', [args, task.from, task.to, run.seed], {
				retry: false,
				timeoutMs: this.#chunkTimeout(task)
			});
			run.scenarios.forEach((s, i) => slot.known.set(s.id, run.json[i]));
		} catch (e) {
			failure = e;
		}
		run.inFlight--;
		slot.busy = false;
		if (failure !== null) {
			const message = failure instanceof Error ? failure.message : String(failure);
			// A worker that died was replaced by its client; one that threw is replaced here.
			if (!(failure instanceof WorkerCrashed) && !this.#disposed) slot.client.replace(message);
			if (!run.settled) {
				task.attempts++;
				if (task.attempts < 2) run.retry.unshift(task);
				else {
					this.#fail(
						run,
						new Error(
							`Monte Carlo simulations ${task.from}–${task.to - 1} failed twice: ${message}`
						)
					);
				}
			}
		} else if (result && !run.settled) {
			const ms = performance.now() - started;
			const rate = (task.to - task.from) / Math.max(ms, 0.5);
			this.#rate = this.#rate > 0 ? 0.5 * this.#rate + 0.5 * rate : rate;
			try {
				if (result.length !== run.scenarios.length) {
					throw new Error(
						`SimulationPool: a worker answered ${result.length} scenarios for ${run.scenarios.length}`
					);
				}
				result.forEach((r, i) => place(run, i, r, task));
				run.done += task.to - task.from;
				run.onProgress?.(run.done / run.simulations);
			} catch (e) {
				this.#fail(run, e);
			}
			if (!run.settled && run.done === run.simulations) {
				void this.#finish(run);
				return;
			}
		}
		this.#pump();
	}

	/** How long a chunk may go unanswered before its worker is taken for dead, ms. */
	#chunkTimeout(task: Task): number {
		const n = task.to - task.from;
		return (
			this.#options.chunkTimeoutMs ??
			(this.#rate > 0 ? Math.max(10_000, (50 * n) / this.#rate) : 60_000)
		);
	}

	async #finish(run: RunState) {
		try {
			const runs = run.runs as MonteCarloRun[];
			const summaries: MonteCarloSummary[] = [];
			for (const r of runs) {
				const summary = startSummary(r);
				let sliceStart = performance.now();
				for (let row = 0; row < r.metrics.length; row++) {
					if (run.settled) return;
					summariseRows(r, summary, row, row + 1);
					if (performance.now() - sliceStart > SUMMARY_SLICE_MS) {
						await yieldToPage();
						sliceStart = performance.now();
					}
				}
				summaries.push(summary);
			}
			if (run.settled) return;
			run.settled = true;
			run.cleanup();
			if (this.#run === run) this.#run = null;
			run.resolve({ runs, summaries });
		} catch (e) {
			this.#fail(run, e);
		} finally {
			this.#pump();
		}
	}

	/** Stops every worker; a run still going on rejects with an AbortError. */
	dispose() {
		if (this.#run) this.#fail(this.#run, abortError('The simulation pool was closed.'));
		this.#disposed = true;
		for (const slot of this.#slots) slot.client.dispose();
	}
}

/**
 * A projection worker (workers/projection.worker.ts) as Vite builds it, for the pool.
 * @example new SimulationPool({ createWorker: createSimulationWorker })
 */
export function createSimulationWorker(): Worker {
	return new Worker(new URL('../../../workers/projection.worker.ts', import.meta.url), {
		type: 'module',
		name: 'simulation'
	});
}
