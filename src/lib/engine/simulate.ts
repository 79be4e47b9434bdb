/**
 * Monte Carlo simulations of a compiled scenario (docs/model.md §2 "Monte Carlo projection"): each
 * simulation is one trajectory of the cohort model with whole-child random draws, followed by
 * costs and the finance roll-forward, so every roll-up (totals, costs, deficit, breach) is
 * computed inside the simulation.
 *
 * Simulation i always draws from its own stream, `createRng(seed, i)`: its result depends on the
 * seed and its index only, never on which simulations run before it or in which thread. That is
 * what lets the worker pool split a run into chunks anywhere, and what gives scenarios run with
 * the same seed common random numbers.
 *
 * A pinned financial year's ledger stays fixed in every simulation, and non-placement spend is
 * the one calibrated from the expected projection when the scenario was compiled (scenario.ts):
 * only demand and placement cost vary.
 */
import { assertFiniteResult } from './non-finite';
import { createWorkspace, runTrajectory, type Workspace } from './project';
import { createRandomSampler } from './random-sampler';
import { createRng } from './rng';
import type { Sampler } from './sampler';
import { drawDeviations, type Deviations, type PersistentUncertainty } from './uncertainty';
import type { CompiledScenario } from './scenario';

/** The results of simulations [from, to) of one scenario. */
export interface SimulationBlock {
	/** Index of the first simulation in the block. */
	from: number;
	/** One past the index of the last simulation. */
	to: number;
	/** Metric rows per simulation (the scenario's `layout.defs.length`). */
	metrics: number;
	/** Projected steps (years) per simulation. */
	steps: number;
	/**
	 * Every metric of every simulation: simulation-major, then metric row, then step, i.e.
	 * `values[((i − from) × metrics + row) × steps + k]`. Units as the metric's (children, £, 0/1).
	 */
	values: Float64Array;
	/** Per simulation, the step of its first cap breach, or −1 when it never breaches. */
	firstBreach: Int32Array;
}

/** Options of `simulate`. */
export interface SimulateOptions {
	/** Buffers to reuse between calls for the same compiled scenario (see project.ts). */
	workspace?: Workspace;
	/**
	 * Called after each simulation with the number done so far in this call; return `false` to
	 * stop early (the block is then cut short: `to` is the first simulation not run).
	 */
	onSimulation?: (done: number) => boolean | void;
}

/** Largest simulation index + 1 accepted: a stream index must stay below 2^31 (rng.ts). */
export const MAX_SIMULATIONS = 2 ** 31 - 1;

function checkRange(fn: string, from: number, to: number, seed: number): void {
	if (!(Number.isInteger(from) && from >= 0)) {
		throw new Error(`${fn}: from must be a whole number ≥ 0, got ${from}`);
	}
	if (!(Number.isInteger(to) && to >= from && to <= MAX_SIMULATIONS)) {
		throw new Error(`${fn}: to must be a whole number from ${from} to 2^31 − 1, got ${to}`);
	}
	if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
		throw new Error(`${fn}: seed must be a whole number in [0, 2^32), got ${seed}`);
	}
}

/**
 * Runs Monte Carlo simulations `from` (inclusive) to `to` (exclusive) of a compiled scenario:
 * simulation i draws with `createRandomSampler(createRng(seed, i))`, so a block's values equal
 * the same simulations' values in any other split of the run.
 *
 * @param c the compiled scenario (compileScenario)
 * @param from index of the first simulation, a whole number ≥ 0
 * @param to one past the last simulation, from ≤ to < 2^31
 * @param seed the run's seed, a whole number in [0, 2^32)
 * @returns every metric of each simulation (simulation × metric × step) and its first breach step
 * @throws NonFiniteResultError (non-finite.ts) when a simulation gives NaN or ±Infinity
 * @example
 * const block = simulate(compiled, 0, 1000, 50);
 * block.values.length; // 1000 × compiled.layout.defs.length × compiled.steps.length
 */
export function simulate(
	c: CompiledScenario,
	from: number,
	to: number,
	seed: number,
	options: SimulateOptions = {}
): SimulationBlock {
	checkRange('simulate', from, to, seed);
	const metrics = c.layout.defs.length;
	const steps = c.steps.length;
	const size = metrics * steps;
	const ws = options.workspace ?? createWorkspace(c);
	let values = new Float64Array((to - from) * size);
	let firstBreach = new Int32Array(to - from);
	let end = to;
	for (let i = from; i < to; i++) {
		const { deviations, sampler } = simulationDraws(c.uncertainty, seed, i);
		firstBreach[i - from] = runTrajectory(
			c,
			sampler,
			values,
			(i - from) * size,
			ws,
			undefined,
			deviations
		);
		assertFiniteResult(c, values, (i - from) * size, i);
		if (options.onSimulation?.(i - from + 1) === false && i + 1 < to) {
			end = i + 1;
			break;
		}
	}
	if (end < to) {
		values = values.slice(0, (end - from) * size);
		firstBreach = firstBreach.slice(0, end - from);
	}
	return { from, to: end, metrics, steps, values, firstBreach };
}

/**
 * Simulation `index`'s draws: its persistent deviations (uncertainty.ts) come first from its
 * stream `createRng(seed, index)`, then the sampler draws from the rest of it. Every simulation of
 * the cohort model (scenarios here, back-test bands) starts this way, so the same seed and index
 * give the same draws.
 * @example const { deviations, sampler } = simulationDraws(compiled.uncertainty, 50, 0);
 */
export function simulationDraws(
	uncertainty: PersistentUncertainty | null,
	seed: number,
	index: number
): { deviations: Deviations | undefined; sampler: Sampler } {
	const rng = createRng(seed, index);
	const deviations = uncertainty ? drawDeviations(uncertainty, rng) : undefined;
	return { deviations, sampler: createRandomSampler(rng) };
}

/**
 * One simulation's metric × step matrix inside a block, as a view (no copy).
 * @example simulationValues(block, 3) // the metric × step values of simulation block.from + 3
 */
export function simulationValues(block: SimulationBlock, offset: number): Float64Array {
	const n = block.to - block.from;
	if (!(Number.isInteger(offset) && offset >= 0 && offset < n)) {
		throw new Error(`simulationValues: offset must be a whole number in [0, ${n}), got ${offset}`);
	}
	const size = block.metrics * block.steps;
	return block.values.subarray(offset * size, (offset + 1) * size);
}
