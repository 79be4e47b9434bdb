/**
 * Monte Carlo in the background (docs/model.md §2): after an edit, the scenarios on screen are
 * simulated by the worker pool (src/lib/client/pool.ts) while the expected projection stays
 * instant. Pages ask with `request(dataset, scenarios)` whenever what they show changes; this
 * state does the rest:
 * - waits for the edits to settle (`debounceMs`), and stops a run at once when an edit makes it
 *   out of date (superseded), so the projection worker keeps the CPU for the slider;
 * - reuses a result whose inputs have not changed, from memory or from the browser's `runs`
 *   store (IndexedDB), keyed by [scenario id, hash of the engine version, dataset and scenario,
 *   seed, N];
 * - reports progress (a fraction) and can be cancelled;
 * - keeps per simulation the values of a few metrics, so that a difference between two
 *   scenarios gets its standard error (common random numbers: same seed and N, stream i for
 *   simulation i, whether or not the two ran together).
 * A result is only ever shown for the scenario exactly as it was simulated (`current`).
 */
import { untrack } from 'svelte';
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import type { MonteCarloRun, ScenarioComparison } from '../engine/monte-carlo';
import type { MonteCarloSummary } from '../model/results';
import { compareScenarios } from '../engine/monte-carlo';
import { ENGINE_VERSION } from '../engine/version';
import {
	SimulationPool,
	createSimulationWorker,
	defaultPoolSize,
	isAbortError
} from '../client/pool';
import { getRun, putRun, workbenchConnection, type WorkbenchDatabase } from '../storage';

/** Metrics kept per simulation, for differences between scenarios with their standard error. */
export const SAMPLED_METRICS = [
	'cumulative_deficit_before_sv',
	'ehcp_total',
	'placement_cost',
	'hnb_expenditure_after_savings'
] as const;

export type SampledMetric = (typeof SAMPLED_METRICS)[number];

export type SimulationStatus = 'waiting' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SimulationEntry {
	/** What was (or is being) simulated: inputs hash, seed and N. */
	key: string;
	status: SimulationStatus;
	summary: MonteCarloSummary | null;
	/** Per sampled metric, values[i × steps + k] for simulation i and step k. */
	samples: Partial<Record<SampledMetric, Float64Array>> | null;
	error: string | null;
	/** Read back from the browser's storage rather than run. */
	cached: boolean;
}

export interface SimulationOptions {
	/** Makes a pool worker; null runs in the page. Default: the app's projection worker. */
	createWorker?: (() => Worker) | null;
	/** Workers in the pool. Default: one fewer than the machine's cores (1 to 4). */
	poolSize?: number;
	/**
	 * Storage for cached runs: a database, null for none, or undefined to open the browser's
	 * own (any failure just means no caching).
	 */
	db?: WorkbenchDatabase | null;
	/** How long edits must pause before a run starts, in ms (default 300). */
	debounceMs?: number;
}

/**
 * A 53-bit hash of a text (cyrb53), as 14 hex digits: quick, and plenty to tell inputs apart.
 * @example hashText('abc') // '…' (14 hex digits)
 */
export function hashText(text: string, seed = 0): string {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const datasetHashes = new WeakMap<Dataset, string>();

/**
 * A hash of everything a Monte Carlo run of a scenario depends on but its seed and N: the engine's
 * version (engine/version.ts), the dataset and the scenario's assumptions (its name, description,
 * parent and role do not count). A run stored by another engine version has another hash, so it is
 * never read back as this one's.
 * @example inputsHash(kingston, baseline) // '0f3a…'
 */
export function inputsHash(
	dataset: Dataset,
	scenario: Scenario,
	engineVersion: number = ENGINE_VERSION
): string {
	let d = datasetHashes.get(dataset);
	if (d === undefined) {
		d = hashText(JSON.stringify(dataset));
		datasetHashes.set(dataset, d);
	}
	// What does not change a projection: words, lineage, what it is for (role), Monte Carlo settings.
	const {
		name: _n,
		description: _d,
		parentId: _p,
		role: _r,
		monteCarlo: _m,
		...assumptions
	} = scenario;
	return hashText(`engine ${engineVersion}|${d}|${JSON.stringify(assumptions)}`);
}

/** The key of a run: inputs hash, seed and N. */
function keyOf(dataset: Dataset, scenario: Scenario): string {
	const { seed, simulations } = scenario.monteCarlo;
	return `${inputsHash(dataset, scenario)}|${seed}|${simulations}`;
}

/** The sampled metrics' per-simulation values of a run. */
function samplesOf(run: MonteCarloRun): Partial<Record<SampledMetric, Float64Array>> {
	const M = run.metrics.length;
	const H = run.censuses.length;
	const out: Partial<Record<SampledMetric, Float64Array>> = {};
	for (const name of SAMPLED_METRICS) {
		const row = run.metrics.findIndex((m) => m.name === name);
		if (row < 0) continue;
		const a = new Float64Array(run.simulations * H);
		for (let i = 0; i < run.simulations; i++) {
			for (let k = 0; k < H; k++) a[i * H + k] = run.values[(i * M + row) * H + k];
		}
		out[name] = a;
	}
	return out;
}

/**
 * The difference b − a of a sampled metric per year between two simulated scenarios, with its
 * standard error (engine/monte-carlo.ts `compareScenarios`), or null when they cannot be
 * compared simulation by simulation (another seed or N, or the metric was not kept).
 * @example sampledDifference(plan, baseline, 'cumulative_deficit_before_sv')?.byYear[4].standardError
 */
export function sampledDifference(
	a: SimulationEntry,
	b: SimulationEntry,
	metric: SampledMetric
): ScenarioComparison | null {
	const run = (e: SimulationEntry): MonteCarloRun | null => {
		const values = e.samples?.[metric];
		const s = e.summary;
		const def = s?.metrics.find((m) => m.name === metric);
		if (!s || !values || !def) return null;
		return {
			scenarioId: s.scenarioId,
			scenarioName: s.scenarioName,
			censuses: s.censuses,
			years: s.years,
			metrics: [def],
			seed: s.seed,
			simulations: s.simulations,
			values,
			firstBreach: new Int32Array(s.simulations)
		};
	};
	const ra = run(a);
	const rb = run(b);
	if (!ra || !rb || ra.seed !== rb.seed || ra.simulations !== rb.simulations) return null;
	if (ra.censuses.join() !== rb.censuses.join()) return null;
	return compareScenarios(ra, rb, metric);
}

const blank = (key: string): SimulationEntry => ({
	key,
	status: 'waiting',
	summary: null,
	samples: null,
	error: null,
	cached: false
});

export class SimulationState {
	/** By scenario id: the latest run asked for (see `current` for whether it is still valid). */
	entries = $state.raw<Record<string, SimulationEntry>>({});
	/** The run going on: which scenarios, and the share of simulations done (0 … 1). */
	active = $state.raw<{ ids: string[]; progress: number } | null>(null);

	#options: SimulationOptions;
	#pool: SimulationPool | null = null;
	#db: Promise<WorkbenchDatabase | null> | null = null;
	#preparedFor: Dataset | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#controller: AbortController | null = null;
	#generation = 0;
	#disposed = false;

	constructor(options: SimulationOptions = {}) {
		this.#options = options;
		if (options.db !== undefined) this.#db = Promise.resolve(options.db);
	}

	#getPool(): SimulationPool {
		if (!this.#pool) {
			const createWorker =
				this.#options.createWorker !== undefined
					? this.#options.createWorker
					: typeof Worker === 'undefined'
						? null
						: createSimulationWorker;
			this.#pool = new SimulationPool({
				createWorker,
				size:
					createWorker === null
						? 1
						: (this.#options.poolSize ?? Math.max(1, Math.min(4, defaultPoolSize() - 1)))
			});
		}
		return this.#pool;
	}

	#database(): Promise<WorkbenchDatabase | null> {
		this.#db ??= workbenchConnection().catch(() => null);
		return this.#db;
	}

	#set(id: string, entry: SimulationEntry) {
		this.entries = { ...this.entries, [id]: entry };
	}

	/**
	 * The simulation of a scenario as it is now, or undefined when there is none (or only one of
	 * an earlier version of it).
	 */
	current(dataset: Dataset | null, scenario: Scenario): SimulationEntry | undefined {
		const e = this.entries[scenario.id];
		return dataset && e && e.key === keyOf(dataset, scenario) ? e : undefined;
	}

	/** The finished simulation of a scenario as it is now, or undefined. */
	summary(dataset: Dataset | null, scenario: Scenario): MonteCarloSummary | undefined {
		const e = this.current(dataset, scenario);
		return e?.status === 'done' && e.summary ? e.summary : undefined;
	}

	/**
	 * Asks for the Monte Carlo of these scenarios. Results already at hand are kept; a run going on
	 * is stopped at once when it is out of date, and the new one starts once edits have paused.
	 */
	request(dataset: Dataset, scenarios: readonly Scenario[]): void {
		// Called from pages' effects: what it reads here must not make them rerun.
		untrack(() => this.#request(dataset, scenarios));
	}

	#request(dataset: Dataset, scenarios: readonly Scenario[]): void {
		if (this.#disposed) return;
		const wanted = scenarios.map((s) => ({ s, key: keyOf(dataset, s) }));
		const missing = wanted.filter(({ s, key }) => {
			const e = this.entries[s.id];
			// 'waiting': asked for before but not run (its debounce or run was superseded).
			return !e || e.key !== key || e.status === 'failed' || e.status === 'waiting';
		});
		const runningIds = this.active?.ids ?? [];
		const outdated = runningIds.some((id) => {
			const w = wanted.find((x) => x.s.id === id);
			return !w || this.entries[id]?.key !== w.key;
		});
		if (outdated || (missing.length > 0 && this.active)) this.#abort();
		for (const { s, key } of missing) this.#set(s.id, { ...blank(key), status: 'waiting' });
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		if (missing.length === 0) return;
		const list = missing.map((m) => m.s);
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.run(dataset, list);
		}, this.#options.debounceMs ?? 300);
	}

	/** Runs (or reads from storage) the Monte Carlo of these scenarios now. */
	async run(dataset: Dataset, scenarios: readonly Scenario[]): Promise<void> {
		if (this.#disposed || scenarios.length === 0) return;
		this.#abort();
		const generation = ++this.#generation;
		const controller = new AbortController();
		this.#controller = controller;
		const stillMine = () => generation === this.#generation && !controller.signal.aborted;
		const db = await this.#database();
		const todo: { s: Scenario; key: string; hash: string }[] = [];
		for (const s of scenarios) {
			const hash = inputsHash(dataset, s);
			const key = keyOf(dataset, s);
			const e = this.entries[s.id];
			if (e?.key === key && e.status === 'done') continue;
			const cached = db
				? await getRun(db, [s.id, hash, s.monteCarlo.seed, s.monteCarlo.simulations]).catch(
						() => undefined
					)
				: undefined;
			if (!stillMine()) return;
			if (cached?.summary) {
				this.#set(s.id, {
					key,
					status: 'done',
					summary: cached.summary as MonteCarloSummary,
					samples: (cached.samples as SimulationEntry['samples']) ?? null,
					error: null,
					cached: true
				});
			} else todo.push({ s, key, hash });
		}
		// Scenarios sharing seed and N run together (common random numbers, one pass of the pool).
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local grouping, not state
		const groups = new Map<string, typeof todo>();
		for (const t of todo) {
			const g = `${t.s.monteCarlo.seed}|${t.s.monteCarlo.simulations}`;
			groups.set(g, [...(groups.get(g) ?? []), t]);
		}
		const pool = this.#getPool();
		if (this.#preparedFor !== dataset) {
			pool.prepare(dataset);
			this.#preparedFor = dataset;
		}
		for (const group of groups.values()) {
			if (!stillMine()) return;
			const ids = group.map((t) => t.s.id);
			for (const t of group) {
				this.#set(t.s.id, { ...blank(t.key), status: 'running' });
			}
			this.active = { ids, progress: 0 };
			const { seed, simulations } = group[0].s.monteCarlo;
			try {
				const result = await pool.run(
					{ scenarios: group.map((t) => t.s), simulations, seed },
					{
						signal: controller.signal,
						onProgress: (progress) => {
							if (stillMine()) this.active = { ids, progress };
						}
					}
				);
				if (!stillMine()) return;
				group.forEach((t, i) => {
					const samples = samplesOf(result.runs[i]);
					const summary = result.summaries[i];
					this.#set(t.s.id, {
						key: t.key,
						status: 'done',
						summary,
						samples,
						error: null,
						cached: false
					});
					if (db) {
						void putRun(db, {
							scenarioId: t.s.id,
							inputsHash: t.hash,
							seed,
							simulations,
							summary,
							samples
						}).catch(() => {
							// A full storage only costs a rerun next time.
						});
					}
				});
			} catch (e) {
				if (generation !== this.#generation) return;
				const aborted = isAbortError(e);
				for (const t of group) {
					this.#set(t.s.id, {
						...blank(t.key),
						status: aborted ? 'cancelled' : 'failed',
						error: aborted ? null : e instanceof Error ? e.message : String(e)
					});
				}
				this.active = null;
				return;
			}
		}
		if (generation === this.#generation) this.active = null;
	}

	#abort() {
		this.#generation++;
		this.#controller?.abort();
		this.#controller = null;
		if (this.active) {
			for (const id of this.active.ids) {
				const e = this.entries[id];
				if (e && e.status === 'running') this.#set(id, { ...e, status: 'waiting' });
			}
		}
		this.active = null;
	}

	/** Stops the run going on (and any run about to start); its scenarios read "cancelled". */
	cancel(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const ids = [
			...(this.active?.ids ?? []),
			...Object.keys(this.entries).filter((id) => this.entries[id].status === 'waiting')
		];
		this.#abort();
		for (const id of ids) {
			const e = this.entries[id];
			if (e && e.status !== 'done') this.#set(id, { ...e, status: 'cancelled' });
		}
	}

	dispose(): void {
		this.cancel();
		this.#disposed = true;
		this.#pool?.dispose();
		this.#pool = null;
	}
}

let shared: SimulationState | null = null;

/** The page's one background Monte Carlo, shared by the editor, Compare and the dashboard. */
export function getSimulation(): SimulationState {
	shared ??= new SimulationState();
	return shared;
}

/**
 * Asks `sim` for the Monte Carlo of `scenarios` as they are now (nothing when there are none).
 * Call it in an `$effect`: the snapshot reads every field of each scenario, so the effect runs
 * again — and the simulations follow — when any of them changes.
 * @example $effect(() => requestSimulations(sim, dataset, shown));
 */
export function requestSimulations(
	sim: SimulationState,
	dataset: Dataset | null,
	scenarios: readonly Scenario[]
): void {
	if (dataset && scenarios.length) {
		sim.request(
			dataset,
			scenarios.map((s) => $state.snapshot(s) as Scenario)
		);
	}
}
