/**
 * Runs a witan.send dataset the way witan.send does (MODEL.md §2, §6): N seeded simulations of the
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
 */
import type { WitanOutputKind, WitanOutputRow } from '../io/witan/outputs';
import type { Dataset, EstimatorId } from '../model/dataset';
import { resolveDefaultEstimator } from './backtest';
import { baseUnitCosts } from './costs';
import type { DemandModel } from './demand';
import { estimateDemand } from './estimate';
import type { StepParams } from './params';
import type { StepFlows } from './population';
import { createScratch, createStepFlows, stepPopulation } from './population';
import { createRandomSampler } from './random-sampler';
import { createRng } from './rng';
import type { Sampler } from './sampler';
import { expectedSampler } from './sampler';
import { buildSteps } from './scenario';
import { statesAt } from './space';

/** A witan dataset ready to simulate: its demand model and step parameters under one estimator. */
export interface WitanModel {
	demand: DemandModel;
	steps: StepParams[];
	estimator: EstimatorId;
	/** £ per placement per year, by state. */
	unitCost: Float64Array;
	/** The NCYs reported in Output_AY (every NCY with a valid state), ascending. */
	academicYears: number[];
	warnings: string[];
}

/**
 * Estimates a dataset and builds its step parameters with no scenario levers.
 * @param estimator trend of joiner and leaver rates; default the dataset's ('pooled' for witan inputs)
 * @example const model = prepareWitanModel(witanDataset(inputs));
 */
export function prepareWitanModel(dataset: Dataset, estimator?: EstimatorId): WitanModel {
	const demand = estimateDemand(dataset);
	const chosen = estimator ?? resolveDefaultEstimator(dataset).estimator;
	const warnings = [...demand.warnings];
	const steps = buildSteps(demand, { joiners: chosen, leavers: chosen }, [], warnings);
	const { space } = demand;
	const academicYears: number[] = [];
	for (let y = space.minNcy; y <= space.maxNcy; y++) {
		if (space.needs.some((_, n) => statesAt(space, y, n).length > 0)) academicYears.push(y);
	}
	return {
		demand,
		steps,
		estimator: chosen,
		unitCost: baseUnitCosts(space, dataset.unitCosts),
		academicYears,
		warnings
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
	const { space, base } = model.demand;
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
	/** Trend of joiner and leaver rates; default the dataset's. */
	estimator?: EstimatorId;
	/** Called after every step of every simulation (for checks and progress). */
	visit?: (sim: number, step: number, before: Float64Array, flows: StepFlows) => void;
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
	const { sims, seed } = options;
	if (!(Number.isInteger(sims) && sims >= 1)) {
		throw new Error(`runWitan: sims must be a whole number ≥ 1, got ${sims}`);
	}
	if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
		throw new Error(`runWitan: seed must be a whole number in [0, 2^32), got ${seed}`);
	}
	const model = prepareWitanModel(dataset, options.estimator);
	const { space } = model.demand;
	const censuses = [model.demand.baseCensus, ...model.demand.censuses];
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
		let total = 0;
		let pounds = 0;
		for (let s = 0; s < space.size; s++) {
			const n = stock[s];
			if (n === 0) continue;
			total += n;
			pounds += n * model.unitCost[s];
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
	}

	const expectedStocks = witanTrajectory(model, expectedSampler);
	const expected = {
		count: expectedStocks.map((s) => s.reduce((a, b) => a + b, 0)),
		cost: expectedStocks.map((s) => s.reduce((a, n, i) => a + n * model.unitCost[i], 0))
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
			...model.demand.notes,
			`Trend of joiner and leaver rates: ${model.estimator}. ${sims} simulation${sims === 1 ? '' : 's'}, seed ${seed}; January ${censuses[0]} is the observed base.`
		],
		warnings: model.warnings
	};
}
