/**
 * Back-testing with a simulated band (docs/model.md §8): besides the expected projection's error by
 * horizon (backtest.ts), whether the actual caseload fell inside the p5–p95 band of Monte Carlo
 * projections made from the same held-out start. A well-calibrated model has about 90% of the
 * actuals inside; far fewer means the projection is over-confident.
 *
 * The simulations run the cohort model alone (no finance), with the estimator's trend and no
 * scenario levers, exactly as the expected back-test does, and with the persistent deviations a
 * scenario's simulations draw (uncertainty.ts); simulation i draws from stream i of the seed, so
 * the band is reproducible.
 */
import type { Dataset, EstimatorId } from '../model/dataset';
import { ESTIMATOR_IDS } from '../model/dataset';
import type { BacktestResult, BacktestSummary } from './backtest';
import { backtestEstimator } from './backtest';
import { estimateDemand } from './estimate';
import { createScratch, createStepFlows, stepPopulation, total } from './population';
import { buildSteps } from './scenario';
import { quantile } from './summary';
import type { Sen2Reference } from './reference';
import { simulationDraws } from './simulate';
import { deviateSteps, type DeviatedSteps, type PersistentUncertainty } from './uncertainty';

/** How the band is simulated. */
export interface BandOptions {
	/** N simulations, a whole number ≥ 1 (default 1,000). */
	simulations?: number;
	/** Seed, a whole number in [0, 2^32) (default 50). */
	seed?: number;
	/** The England reference to pool with (estimate.ts); a synthetic panel in tests. */
	reference?: Sen2Reference | null;
	/** Replaces the persistent deviations the simulations draw (calibration). */
	uncertainty?: PersistentUncertainty | null;
}

function checkOptions(fn: string, options: BandOptions): { simulations: number; seed: number } {
	const simulations = options.simulations ?? 1000;
	const seed = options.seed ?? 50;
	if (!(Number.isInteger(simulations) && simulations >= 1 && simulations < 2 ** 31)) {
		throw new Error(`${fn}: simulations must be a whole number ≥ 1, got ${simulations}`);
	}
	if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
		throw new Error(`${fn}: seed must be a whole number in [0, 2^32), got ${seed}`);
	}
	return { simulations, seed };
}

/**
 * Adds the simulated p5–p95 band of EHCP totals to one estimator's back-test: for each held-out
 * census, the 5th and 95th percentiles (type 7) of N simulated totals, in children, and whether
 * the actual lies inside them (inclusive).
 *
 * @param dataset the dataset back-tested
 * @param result the estimator's expected back-test (backtestEstimator)
 * @param options N and seed
 * @param leaverEstimator the leaver trend used by the expected back-test (pooled by default)
 * @returns the result with `p5`, `p95` and `inBand` filled on every point
 * @example
 * const r = withSimulatedBand(dataset, backtestEstimator(dataset, 'linear', 3), { simulations: 1000 });
 * r.points.map((p) => p.inBand); // [true, true, false]
 */
export function withSimulatedBand(
	dataset: Dataset,
	result: BacktestResult,
	options: BandOptions = {},
	leaverEstimator: EstimatorId = 'pooled'
): BacktestResult {
	const { simulations, seed } = checkOptions('withSimulatedBand', options);
	const horizon = result.points.reduce((m, p) => Math.max(m, p.horizon), 0);
	if (horizon === 0) return result;
	const demand = estimateDemand(dataset, {
		baseCensus: result.fromCensus,
		lastFlowYear: result.fromCensus - 1,
		steps: horizon,
		reference: options.reference
	});
	const uncertainty = options.uncertainty !== undefined ? options.uncertainty : demand.uncertainty;
	const steps = buildSteps(demand, { joiners: result.estimator, leavers: leaverEstimator }, [], []);
	const flows = createStepFlows(demand.space.size);
	const scratch = createScratch(demand.space);
	const stock = new Float64Array(demand.space.size);
	// totals[k × N + i]: simulation i's total at the census ending step k.
	const totals = new Float64Array(steps.length * simulations);
	let deviated: DeviatedSteps | null = null;
	for (let i = 0; i < simulations; i++) {
		// The same draws as a scenario's simulation i (simulate.ts), deviations first.
		const { deviations, sampler } = simulationDraws(uncertainty, seed, i);
		let simSteps = steps;
		if (deviations) {
			deviated = deviateSteps(steps, deviations, deviated);
			simSteps = deviated.steps;
		}
		stock.set(demand.base);
		for (let k = 0; k < steps.length; k++) {
			stepPopulation(demand.space, simSteps[k], stock, sampler, flows, scratch);
			stock.set(flows.next);
			totals[k * simulations + i] = total(flows.next);
		}
	}
	return {
		...result,
		points: result.points.map((p) => {
			const sims = totals.subarray((p.horizon - 1) * simulations, p.horizon * simulations);
			const p5 = quantile(sims, 0.05);
			const p95 = quantile(sims, 0.95);
			return { ...p, p5, p95, inBand: p.actual >= p5 && p.actual <= p95 };
		})
	};
}

/**
 * Back-tests every estimator (backtest.ts) with the simulated p5–p95 band on every point, and
 * names the best by mean absolute percentage error (ties to pooled, then linear), as
 * `backtest` does.
 *
 * @param dataset the dataset
 * @param holdout census years held out, a whole number ≥ 1
 * @param options N (default 1,000) and seed (default 50)
 * @returns every estimator's error by horizon, with the band
 * @example backtestWithBands(kingstonDataset(), 3, { simulations: 1000, seed: 50 }).best // 'linear'
 */
export function backtestWithBands(
	dataset: Dataset,
	holdout: number,
	options: BandOptions = {}
): BacktestSummary {
	checkOptions('backtestWithBands', options);
	const results = ESTIMATOR_IDS.map((e) =>
		withSimulatedBand(dataset, backtestEstimator(dataset, e, holdout), options)
	);
	let best = results[0];
	for (const r of results) if (r.mape < best.mape - 1e-12) best = r;
	return { holdout, results, best: best.estimator };
}
