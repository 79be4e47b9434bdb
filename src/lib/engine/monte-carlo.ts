/**
 * The Monte Carlo projection's results (docs/model.md §2, §6): blocks of simulations combined in
 * simulation order into one run per scenario, each metric and year summarised across the run
 * (mean, sd, min, p2_5, p5, p25, median, p75, p95, p97_5, max), the probability of breaching the
 * cap per year, the distribution of the first breach year, and differences between scenarios
 * with their standard errors.
 *
 * Scenarios in one run share the seed, and simulation i of every scenario draws from stream i
 * (simulate.ts): common random numbers. A difference between two scenarios is then taken
 * simulation by simulation, and its standard error is sd(difference)/√N — usually far smaller
 * than the two scenarios' own spreads suggest, because the noise they share cancels.
 */
import type { CompiledScenario } from './scenario';
import { simulate, type SimulationBlock } from './simulate';
import { firstBreachDistribution, summariseSimulations, type SimulationSummary } from './summary';
import {
	rowOfMetric,
	SUMMARY_STATISTICS,
	type MonteCarloSummary,
	type RunMeta,
	type SummaryStatistic
} from '../model/results';

/** Every simulation of one scenario, in simulation order. */
export interface MonteCarloRun extends RunMeta {
	seed: number;
	/** N, the number of simulations. */
	simulations: number;
	/** `values[(i × metrics + row) × steps + k]`: simulation i, metric row, step k. */
	values: Float64Array;
	/** Per simulation, the step of its first cap breach, or −1. */
	firstBreach: Int32Array;
}

/**
 * The description of a compiled scenario's runs.
 * @example runMeta(compiled).metrics.length // the scenario's metric rows
 */
export function runMeta(c: CompiledScenario): RunMeta {
	return {
		scenarioId: c.scenarioId,
		scenarioName: c.scenarioName,
		censuses: [...c.censuses],
		years: [...c.years],
		metrics: c.layout.defs.map((d) => ({ ...d }))
	};
}

/**
 * Puts blocks of simulations of one scenario together in simulation order. The blocks may come
 * in any order (as workers finish) but must cover simulations 0 … N−1 exactly once, with the
 * shape of `meta`; otherwise it throws, naming the gap or overlap.
 *
 * @param meta the scenario the blocks are of
 * @param blocks blocks from `simulate` (any order)
 * @param seed the seed they were run with
 * @returns the run: N = the simulations covered
 * @example
 * const run = combineBlocks(runMeta(c), [simulate(c, 500, 1000, 50), simulate(c, 0, 500, 50)], 50);
 * run.simulations; // 1000, identical to combineBlocks(runMeta(c), [simulate(c, 0, 1000, 50)], 50)
 */
export function combineBlocks(
	meta: RunMeta,
	blocks: readonly SimulationBlock[],
	seed: number
): MonteCarloRun {
	const M = meta.metrics.length;
	const H = meta.censuses.length;
	const size = M * H;
	const sorted = [...blocks].sort((a, b) => a.from - b.from);
	let next = 0;
	for (const b of sorted) {
		if (b.metrics !== M || b.steps !== H) {
			throw new Error(
				`combineBlocks: block ${b.from}…${b.to - 1} of "${meta.scenarioName}" has ${b.metrics} metrics × ${b.steps} steps, expected ${M} × ${H}`
			);
		}
		if (b.values.length !== (b.to - b.from) * size || b.firstBreach.length !== b.to - b.from) {
			throw new Error(
				`combineBlocks: block ${b.from}…${b.to - 1} of "${meta.scenarioName}" holds the wrong number of values`
			);
		}
		if (b.from !== next) {
			throw new Error(
				b.from > next
					? `combineBlocks: simulations ${next}…${b.from - 1} of "${meta.scenarioName}" are missing`
					: `combineBlocks: simulation ${b.from} of "${meta.scenarioName}" is in two blocks`
			);
		}
		next = b.to;
	}
	if (next === 0) throw new Error(`combineBlocks: no simulations of "${meta.scenarioName}"`);
	const values = new Float64Array(next * size);
	const firstBreach = new Int32Array(next);
	for (const b of sorted) {
		values.set(b.values, b.from * size);
		firstBreach.set(b.firstBreach, b.from);
	}
	return { ...meta, seed, simulations: next, values, firstBreach };
}

/**
 * Runs N simulations of each scenario in this thread with common random numbers (the same seed,
 * and stream i for simulation i of every scenario). For the command line and tests; the app
 * splits the work over its worker pool instead, with identical results.
 *
 * @param compiled the scenarios, compiled over one dataset
 * @param simulations N, a whole number ≥ 1
 * @param seed a whole number in [0, 2^32)
 * @returns one run per scenario, in the given order
 * @example const [plan, may] = runMonteCarlo([planCompiled, mayCompiled], 1000, 50);
 */
export function runMonteCarlo(
	compiled: readonly CompiledScenario[],
	simulations: number,
	seed: number
): MonteCarloRun[] {
	if (!(Number.isInteger(simulations) && simulations >= 1)) {
		throw new Error(`runMonteCarlo: simulations must be a whole number ≥ 1, got ${simulations}`);
	}
	return compiled.map((c) => combineBlocks(runMeta(c), [simulate(c, 0, simulations, seed)], seed));
}

/**
 * An empty summary of a run (every statistic NaN), to be filled by `summariseRows` — in slices
 * when the caller must stay responsive (the page), or all at once by `summariseMonteCarlo`.
 * The breach probability and first-breach distribution are filled here already.
 * @example const s = startSummary(run); summariseRows(run, s, 0, run.metrics.length);
 */
export function startSummary(run: MonteCarloRun): MonteCarloSummary {
	const M = run.metrics.length;
	const H = run.censuses.length;
	const statistics = Object.fromEntries(
		SUMMARY_STATISTICS.map((s) => [s, new Float64Array(M * H).fill(NaN)])
	) as Record<SummaryStatistic, Float64Array>;
	const breachRow = run.metrics.findIndex((m) => m.name === 'cap_breached');
	const breachProbability = new Float64Array(H);
	if (breachRow >= 0) {
		for (let i = 0; i < run.simulations; i++) {
			const base = (i * M + breachRow) * H;
			for (let k = 0; k < H; k++) breachProbability[k] += run.values[base + k];
		}
		for (let k = 0; k < H; k++) breachProbability[k] /= run.simulations;
	}
	return {
		scenarioId: run.scenarioId,
		scenarioName: run.scenarioName,
		censuses: run.censuses,
		years: run.years,
		metrics: run.metrics,
		seed: run.seed,
		simulations: run.simulations,
		statistics,
		breachProbability,
		firstBreach: firstBreachDistribution(run.firstBreach, run.years)
	};
}

/**
 * Summarises metric rows [fromRow, toRow) of a run into `summary` (from `startSummary`): for each
 * row and year, the N simulated values' summary (summary.ts: type-7 quantiles, sample sd).
 * @example summariseRows(run, summary, 0, 4) // the four core census metrics
 */
export function summariseRows(
	run: MonteCarloRun,
	summary: MonteCarloSummary,
	fromRow: number,
	toRow: number
): void {
	const M = run.metrics.length;
	const H = run.censuses.length;
	const N = run.simulations;
	if (!(Number.isInteger(fromRow) && Number.isInteger(toRow) && 0 <= fromRow && toRow <= M)) {
		throw new Error(`summariseRows: rows must lie in [0, ${M}], got ${fromRow}…${toRow}`);
	}
	const column = new Float64Array(N);
	for (let row = fromRow; row < toRow; row++) {
		for (let k = 0; k < H; k++) {
			for (let i = 0; i < N; i++) column[i] = run.values[(i * M + row) * H + k];
			const s: SimulationSummary = summariseSimulations(column);
			for (const name of SUMMARY_STATISTICS) summary.statistics[name][row * H + k] = s[name];
		}
	}
}

/**
 * Summarises every metric and year of a run (docs/model.md §2): mean, sd, min, p2_5, p5, p25,
 * median, p75, p95, p97_5, max in each metric's units; P(breach) per year as a fraction; and the
 * first breach year's distribution.
 *
 * @param run a run from `combineBlocks` or `runMonteCarlo`
 * @returns the summary
 * @example
 * const s = summariseMonteCarlo(run);
 * statisticSeries(s, 'ehcp_total', 'median'); // per census year
 */
export function summariseMonteCarlo(run: MonteCarloRun): MonteCarloSummary {
	const summary = startSummary(run);
	summariseRows(run, summary, 0, run.metrics.length);
	return summary;
}

/**
 * The N simulated values of one metric in one step of a run (a copy, in simulation order).
 * @example simulatedValues(run, 'ehcp_total', 0) // N totals at the first projected census
 */
export function simulatedValues(run: MonteCarloRun, metric: string, step: number): Float64Array {
	const M = run.metrics.length;
	const H = run.censuses.length;
	const row = rowOfMetric('simulatedValues', run, metric);
	if (!(Number.isInteger(step) && step >= 0 && step < H)) {
		throw new Error(`simulatedValues: step must be a whole number in [0, ${H}), got ${step}`);
	}
	const out = new Float64Array(run.simulations);
	for (let i = 0; i < run.simulations; i++) out[i] = run.values[(i * M + row) * H + step];
	return out;
}

/** The difference b − a of one metric in one year, simulation by simulation. */
export interface YearDifference {
	/** The census year (census metrics) or financial year (finance metrics). */
	year: string;
	meanA: number;
	meanB: number;
	/** Mean over simulations of b − a (= meanB − meanA). */
	difference: number;
	/** Sample sd (N − 1) of the per-simulation differences b − a. */
	sd: number;
	/** sd / √N: the standard error of `difference` under common random numbers. */
	standardError: number;
}

/** A metric compared between two scenarios run with common random numbers. */
export interface ScenarioComparison {
	metric: string;
	scenarioA: string;
	scenarioB: string;
	simulations: number;
	byYear: YearDifference[];
}

/**
 * Compares one metric between two scenarios of the same Monte Carlo run (same seed and N, so
 * common random numbers): per year, the mean difference b − a with its standard error
 * sd(b − a)/√N, both in the metric's units (for `cap_breached`, a difference of probabilities).
 *
 * @param a the reference scenario's run (e.g. the plan)
 * @param b the other scenario's run (e.g. a projection): the difference is b − a
 * @param metric a metric both runs have, e.g. `cumulative_deficit_before_sv`
 * @returns per year the means, the difference, its sd and standard error
 * @example
 * const d = compareScenarios(baseline, withLever, 'cumulative_deficit_before_sv');
 * d.byYear[2].difference; // e.g. −1.2e6 (£), with d.byYear[2].standardError ≈ 4e4
 */
export function compareScenarios(
	a: MonteCarloRun,
	b: MonteCarloRun,
	metric: string
): ScenarioComparison {
	if (a.seed !== b.seed || a.simulations !== b.simulations) {
		throw new Error(
			`compareScenarios: "${a.scenarioName}" (seed ${a.seed}, ${a.simulations} simulations) and "${b.scenarioName}" (seed ${b.seed}, ${b.simulations} simulations) must share seed and N for common random numbers`
		);
	}
	const H = a.censuses.length;
	if (b.censuses.length !== H || a.censuses.some((c, k) => c !== b.censuses[k])) {
		throw new Error(
			`compareScenarios: "${a.scenarioName}" and "${b.scenarioName}" must project the same years`
		);
	}
	const rowA = rowOfMetric('compareScenarios', a, metric);
	const rowB = rowOfMetric('compareScenarios', b, metric);
	const kind = a.metrics[rowA].kind;
	const N = a.simulations;
	const Ma = a.metrics.length;
	const Mb = b.metrics.length;
	const byYear: YearDifference[] = [];
	for (let k = 0; k < H; k++) {
		let sumA = 0;
		let sumB = 0;
		for (let i = 0; i < N; i++) {
			sumA += a.values[(i * Ma + rowA) * H + k];
			sumB += b.values[(i * Mb + rowB) * H + k];
		}
		const meanA = sumA / N;
		const meanB = sumB / N;
		const difference = meanB - meanA;
		let squares = 0;
		for (let i = 0; i < N; i++) {
			const d = b.values[(i * Mb + rowB) * H + k] - a.values[(i * Ma + rowA) * H + k];
			squares += (d - difference) ** 2;
		}
		const sd = N > 1 ? Math.sqrt(squares / (N - 1)) : 0;
		byYear.push({
			year: kind === 'census' ? String(a.censuses[k]) : a.years[k],
			meanA,
			meanB,
			difference,
			sd,
			standardError: sd / Math.sqrt(N)
		});
	}
	return {
		metric,
		scenarioA: a.scenarioName,
		scenarioB: b.scenarioName,
		simulations: N,
		byYear
	};
}
