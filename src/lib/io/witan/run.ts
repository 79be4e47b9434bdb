/**
 * Runs a witan.send dataset the way witan.send does (docs/model.md §2, §6): N seeded simulations of the
 * cohort model from the base census, summarised as witan.send's five output tables — the SEND
 * total (Count), the total placement cost (Cost, £ at costs.csv prices, no inflation), and the
 * caseload by academic year (AY), need and setting — one row per census year (and key).
 *
 * Years are January censuses: the base census is a row of its own (observed, so every simulation
 * holds the same value and the sd is 0), then one row per projected census, each labelled by the
 * census that ends its step. With the demo inputs (transitions to calendar-year 2016) the base is
 * January 2017 and the projected years are 2018 to the horizon.
 *
 * Simulation i draws from its own stream `createRng(seed, i)`, so results depend only on the seed
 * and N. Academic years are every NCY some setting takes, needs and settings every one of the
 * dataset's, zeros included, so each table has the same keys every year.
 *
 * A dataset runs with no levers (`runWitan`, as witan.send does); a compiled scenario runs with
 * its demand levers, flow targets and unit costs (`runWitanScenario`), so the same five tables
 * can be written for any scenario of any dataset. Both build the same `WitanModel` and run it
 * with `runWitanModel`.
 */
import type { WitanOutputKind, WitanOutputRow } from './outputs';
import type { Dataset, EstimatorId } from '../../model/dataset';
import { resolveDefaultEstimator } from '../../engine/backtest';
import { baseUnitCosts } from '../../engine/costs';
import { estimateDemand } from '../../engine/estimate';
import type { StepParams } from '../../engine/params';
import type { StepFlows } from '../../engine/population';
import { createScratch, createStepFlows, stepPopulation } from '../../engine/population';
import { createRandomSampler } from '../../engine/random-sampler';
import { createRng } from '../../engine/rng';
import type { Sampler } from '../../engine/sampler';
import { expectedSampler } from '../../engine/sampler';
import type { CompiledScenario } from '../../engine/scenario';
import { buildSteps } from '../../engine/scenario';
import type { StateSpace } from '../../engine/space';
import { statesAt } from '../../engine/space';

/** A model ready to simulate the witan way: a state space, a base stock and one step per census. */
export interface WitanModel {
	space: StateSpace;
	/** The census the base stock is at (January). */
	baseCensus: number;
	/** Children by state at the base census. */
	base: Float64Array;
	/** The census that ends each step. */
	censuses: number[];
	steps: StepParams[];
	estimator: EstimatorId;
	/**
	 * £ per placement per year by state, at each census of the output, base first: costs.csv
	 * prices throughout for a dataset, the scenario's inflated costs for a scenario.
	 */
	unitCosts: Float64Array[];
	/** The NCYs reported in Output_AY (every NCY with a valid state), ascending. */
	academicYears: number[];
	notes: string[];
	warnings: string[];
}

/** Every NCY of the space at which some need has a valid state, ascending. */
function academicYearsOf(space: StateSpace): number[] {
	const out: number[] = [];
	for (let y = space.minNcy; y <= space.maxNcy; y++) {
		if (space.needs.some((_, n) => statesAt(space, y, n).length > 0)) out.push(y);
	}
	return out;
}

/**
 * Estimates a dataset and builds its step parameters with no scenario levers; every census is
 * costed at the dataset's unit costs (costs.csv prices, no inflation, as witan.send does).
 * @param estimator trend of joiner and leaver rates; default the dataset's ('pooled' for witan inputs)
 * @example const model = prepareWitanModel(witanDataset(inputs));
 */
export function prepareWitanModel(dataset: Dataset, estimator?: EstimatorId): WitanModel {
	const demand = estimateDemand(dataset);
	const chosen = estimator ?? resolveDefaultEstimator(dataset).estimator;
	const warnings = [...demand.warnings];
	const steps = buildSteps(demand, { joiners: chosen, leavers: chosen }, [], warnings);
	const { space } = demand;
	const unitCost = baseUnitCosts(space, dataset.unitCosts);
	return {
		space,
		baseCensus: demand.baseCensus,
		base: demand.base,
		censuses: demand.censuses,
		steps,
		estimator: chosen,
		unitCosts: [demand.baseCensus, ...demand.censuses].map(() => unitCost),
		academicYears: academicYearsOf(space),
		notes: [...demand.notes, `Trend of joiner and leaver rates: ${chosen}.`],
		warnings
	};
}

/**
 * The witan model of a compiled scenario: its steps (demand levers and flow targets applied) and
 * its unit costs in each step's financial year (the base census at first-year prices). Finance
 * levers change nothing here: the witan tables hold no finance.
 * @example const model = witanModelOfScenario(compile(prepareDataset(dataset), scenario));
 */
export function witanModelOfScenario(c: CompiledScenario): WitanModel {
	if (c.steps.length === 0 || c.unitCosts.length !== c.steps.length) {
		throw new Error(
			`witanModelOfScenario: "${c.scenarioName}" must have one unit cost table per step and at least one step, got ${c.steps.length} steps and ${c.unitCosts.length} tables`
		);
	}
	return {
		space: c.space,
		baseCensus: c.baseCensus,
		base: c.base,
		censuses: c.censuses,
		steps: c.steps,
		estimator: c.estimator,
		unitCosts: [c.unitCosts[0], ...c.unitCosts],
		academicYears: academicYearsOf(c.space),
		notes: [
			`Scenario “${c.scenarioName}”: trend of new plans ${c.estimator}; its demand levers, flow targets and unit costs apply (costs of January ${c.baseCensus} at ${c.years[0]} prices).`
		],
		warnings: [...c.warnings]
	};
}

/** What one trajectory reports after each step: its index, the stock before it and its flows. */
export type WitanStepVisitor = (step: number, before: Float64Array, flows: StepFlows) => void;

/**
 * Runs one trajectory of a witan model with the sampler given (expected or random), calling
 * `visit` after each step; returns the stock at each census, base first.
 * @example witanTrajectory(model, expectedSampler).map((s) => s.reduce((a, b) => a + b, 0))
 */
export function witanTrajectory(
	model: WitanModel,
	sampler: Sampler,
	visit?: WitanStepVisitor
): Float64Array[] {
	const { space, base } = model;
	const flows = createStepFlows(space.size);
	const scratch = createScratch(space);
	const stocks = [Float64Array.from(base)];
	model.steps.forEach((params, k) => {
		const before = stocks[k];
		stepPopulation(space, params, before, sampler, flows, scratch);
		visit?.(k, before, flows);
		stocks.push(Float64Array.from(flows.next));
	});
	return stocks;
}

export interface WitanRunOptions {
	/** Number of simulations, a whole number ≥ 1. */
	sims: number;
	/** Seed of the run, a whole number in [0, 2^32). */
	seed: number;
	/** Trend of joiner and leaver rates; default the dataset's. `runWitan` only. */
	estimator?: EstimatorId;
	/** Called after every step of every simulation (for checks). */
	visit?: (sim: number, step: number, before: Float64Array, flows: StepFlows) => void;
	/** Called after each simulation with the number done so far and N (for a progress bar). */
	progress?: (done: number, sims: number) => void;
}

export interface WitanRunResult {
	/** Census years of the rows: the base census, then each projected census. */
	censuses: number[];
	sims: number;
	seed: number;
	estimator: EstimatorId;
	/** The five tables' simulated values, ready for `writeWitanOutputs`. */
	outputs: Record<WitanOutputKind, WitanOutputRow[]>;
	/** The expected-value projection (every draw replaced by its mean), by census. */
	expected: { count: number[]; cost: number[] };
	notes: string[];
	warnings: string[];
}

/**
 * Runs N simulations of a witan dataset and returns the values behind witan.send's five output
 * tables (see the file's docblock): counts in children, cost in £ per year.
 * @example
 * const run = runWitan(witanDataset(inputs), { sims: 1000, seed: 50 });
 * writeWitanOutputs(run.outputs); // Output_Count.csv, Output_Cost.csv, Output_AY.csv, …
 */
export function runWitan(dataset: Dataset, options: WitanRunOptions): WitanRunResult {
	checkRun('runWitan', options);
	return runWitanModel(prepareWitanModel(dataset, options.estimator), options);
}

/**
 * Runs N simulations of a compiled scenario (any dataset) the witan way and returns the values
 * behind the five output tables; with no levers, no flow targets and no unit cost inflation it
 * gives exactly what `runWitan` gives for the scenario's estimator.
 * @example
 * const c = compile(prepareDataset(dataset), scenario);
 * writeWitanOutputs(runWitanScenario(c, { sims: 1000, seed: scenario.monteCarlo.seed }).outputs);
 */
export function runWitanScenario(c: CompiledScenario, options: WitanRunOptions): WitanRunResult {
	checkRun('runWitanScenario', options);
	return runWitanModel(witanModelOfScenario(c), options);
}

function checkRun(fn: string, { sims, seed }: WitanRunOptions) {
	if (!(Number.isInteger(sims) && sims >= 1)) {
		throw new Error(`${fn}: sims must be a whole number ≥ 1, got ${sims}`);
	}
	if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
		throw new Error(`${fn}: seed must be a whole number in [0, 2^32), got ${seed}`);
	}
}

/**
 * Runs N simulations of a witan model (built by `prepareWitanModel` or `witanModelOfScenario`).
 * @example runWitanModel(prepareWitanModel(dataset), { sims: 100, seed: 1 }).outputs.count
 */
export function runWitanModel(model: WitanModel, options: WitanRunOptions): WitanRunResult {
	checkRun('runWitanModel', options);
	const { sims, seed } = options;
	const { space } = model;
	const censuses = [model.baseCensus, ...model.censuses];
	const Y = censuses.length;
	const ays = model.academicYears;
	const ayIndex = new Int16Array(space.maxNcy - space.minNcy + 1).fill(-1);
	ays.forEach((y, i) => (ayIndex[y - space.minNcy] = i));
	const needs = space.needs;
	const settings = space.settings.map((s) => s.id);

	// values[kind][year × keys + key][sim]
	const table = (keys: number) => Array.from({ length: Y * keys }, () => new Float64Array(sims));
	const count = table(1);
	const cost = table(1);
	const ay = table(ays.length);
	const need = table(needs.length);
	const setting = table(settings.length);
	const record = (y: number, sim: number, stock: Float64Array) => {
		const unitCost = model.unitCosts[y];
		let total = 0;
		let pounds = 0;
		for (let s = 0; s < space.size; s++) {
			const n = stock[s];
			if (n === 0) continue;
			total += n;
			pounds += n * unitCost[s];
			ay[y * ays.length + ayIndex[space.ncy[s] - space.minNcy]][sim] += n;
			need[y * needs.length + space.need[s]][sim] += n;
			setting[y * settings.length + space.setting[s]][sim] += n;
		}
		count[y][sim] = total;
		cost[y][sim] = pounds;
	};

	for (let sim = 0; sim < sims; sim++) {
		const sampler = createRandomSampler(createRng(seed, sim));
		const visit = options.visit;
		const stocks = witanTrajectory(
			model,
			sampler,
			visit ? (k, before, flows) => visit(sim, k, before, flows) : undefined
		);
		stocks.forEach((stock, y) => record(y, sim, stock));
		options.progress?.(sim + 1, sims);
	}

	const expectedStocks = witanTrajectory(model, expectedSampler);
	const expected = {
		count: expectedStocks.map((s) => s.reduce((a, b) => a + b, 0)),
		cost: expectedStocks.map((s, y) => s.reduce((a, n, i) => a + n * model.unitCosts[y][i], 0))
	};

	const rows = <K extends string | number>(values: Float64Array[], keys: readonly K[] | null) => {
		const out: WitanOutputRow[] = [];
		const width = keys ? keys.length : 1;
		censuses.forEach((calendarYear, y) => {
			for (let k = 0; k < width; k++) {
				const v = values[y * width + k];
				out.push(keys ? { calendarYear, key: keys[k], values: v } : { calendarYear, values: v });
			}
		});
		return out;
	};
	return {
		censuses,
		sims,
		seed,
		estimator: model.estimator,
		outputs: {
			count: rows(count, null),
			cost: rows(cost, null),
			ay: rows(ay, ays),
			need: rows(need, needs),
			setting: rows(setting, settings)
		},
		expected,
		notes: [
			...model.notes,
			`${sims} simulation${sims === 1 ? '' : 's'}, seed ${seed}; January ${censuses[0]} is the observed base.`
		],
		warnings: model.warnings
	};
}
