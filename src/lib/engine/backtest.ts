/**
 * Back-testing (docs/model.md §8): hold out the last k census years, estimate from what came before,
 * project from the census before the hold-out, and compare with what happened — error by
 * horizon, absolute and %, for each trend estimator. The estimator with the smallest mean
 * absolute percentage error is the dataset's default.
 */
import type { Dataset, EstimatorId } from '../model/dataset';
import { ESTIMATOR_IDS, NONSEND } from '../model/dataset';
import type { DemandModel } from './demand';
import type { Sen2Reference } from './reference';
import { estimateDemand } from './estimate';
import { maxOf } from '../model/extent';
import { createScratch, createStepFlows, stepPopulation, total } from './population';
import { expectedSampler } from './sampler';
import { buildSteps } from './scenario';

export interface BacktestPoint {
	/** Census year projected. */
	census: number;
	/** Years ahead of the census projected from. */
	horizon: number;
	projected: number;
	actual: number;
	error: number;
	/** (projected − actual) / actual. */
	percentError: number;
	/** Whether the actual fell inside the simulated p5–p95 band; null when not simulated. */
	inBand: boolean | null;
	p5: number | null;
	p95: number | null;
}

export interface BacktestResult {
	estimator: EstimatorId;
	fromCensus: number;
	points: BacktestPoint[];
	/** Mean absolute percentage error over the horizons. */
	mape: number;
}

export interface BacktestSummary {
	holdout: number;
	results: BacktestResult[];
	best: EstimatorId;
}

/**
 * Total EHCPs at each January census the dataset knows: SEN2 totals, or counted from
 * transitions (children in a setting at the start of each step, and at the end of the last).
 * @example actualTotals(dataset).get(2021) // 1424
 */
export function actualTotals(dataset: Dataset): Map<number, number> {
	const out = new Map<number, number>();
	if (dataset.transitions && dataset.transitions.length > 0) {
		let last = -Infinity;
		for (const t of dataset.transitions) {
			if (t.setting1 !== NONSEND) out.set(t.calendarYear, (out.get(t.calendarYear) ?? 0) + 1);
			last = Math.max(last, t.calendarYear);
		}
		let end = 0;
		for (const t of dataset.transitions)
			if (t.calendarYear === last && t.setting2 !== NONSEND) end++;
		out.set(last + 1, end);
		return out;
	}
	for (const r of dataset.history.caseloadTotal) out.set(r.year, r.count.value);
	if (out.size === 0) {
		for (const r of dataset.history.caseloadByAgeBand)
			out.set(r.year, (out.get(r.year) ?? 0) + r.count.value);
	}
	return out;
}

/**
 * Back-tests one joiner-trend estimator (leaver rates by `leaverEstimator`, pooled unless
 * given): projects from census (last − holdout) with flows before it. `reference` replaces the
 * England reference estimation pools with (estimate.ts; a synthetic panel in tests).
 * @example backtestEstimator(dataset, 'linear', 3).mape
 */
export function backtestEstimator(
	dataset: Dataset,
	estimator: EstimatorId,
	holdout: number,
	leaverEstimator: EstimatorId = 'pooled',
	reference?: Sen2Reference | null
): BacktestResult {
	if (!(Number.isInteger(holdout) && holdout >= 1)) {
		throw new Error(`backtestEstimator: holdout must be a whole number ≥ 1, got ${holdout}`);
	}
	const actual = actualTotals(dataset);
	const last = Math.min(dataset.baseCensus, maxOf(actual.keys()));
	const fromCensus = last - holdout;
	if (!actual.has(fromCensus)) {
		throw new Error(
			`backtestEstimator: no actual caseload for January ${fromCensus} to project from (holdout ${holdout})`
		);
	}
	const demand = estimateDemand(dataset, {
		baseCensus: fromCensus,
		lastFlowYear: fromCensus - 1,
		steps: holdout,
		reference
	});
	const steps = buildSteps(demand, { joiners: estimator, leavers: leaverEstimator }, [], []);
	const flows = createStepFlows(demand.space.size);
	const scratch = createScratch(demand.space);
	let stock = Float64Array.from(demand.base);
	const points: BacktestPoint[] = [];
	steps.forEach((p, k) => {
		stepPopulation(demand.space, p, stock, expectedSampler, flows, scratch);
		stock = Float64Array.from(flows.next);
		const census = demand.censuses[k];
		const a = actual.get(census);
		if (a === undefined) return;
		const projected = total(stock);
		points.push({
			census,
			horizon: k + 1,
			projected,
			actual: a,
			error: projected - a,
			percentError: a !== 0 ? (projected - a) / a : NaN,
			inBand: null,
			p5: null,
			p95: null
		});
	});
	const valid = points.filter((p) => Number.isFinite(p.percentError));
	const mape = valid.length
		? valid.reduce((s, p) => s + Math.abs(p.percentError), 0) / valid.length
		: NaN;
	return { estimator, fromCensus, points, mape };
}

/**
 * Back-tests every estimator and names the best (smallest MAPE; ties go to the pooled mean,
 * witan.send's assumption, then linear).
 * @example backtest(dataset, 3).best // 'linear'
 */
export function backtest(dataset: Dataset, holdout: number): BacktestSummary {
	const results = ESTIMATOR_IDS.map((e) => backtestEstimator(dataset, e, holdout));
	let best = results[0];
	for (const r of results) if (r.mape < best.mape - 1e-12) best = r;
	return { holdout, results, best: best.estimator };
}

/**
 * The estimator a dataset's scenarios use by default: the dataset's fixed choice; else `england`
 * when the demand model is pooled with England (datasets from aggregates); else (witan.send
 * transitions) the best back-tester, or pooled when there is too little history to back-test.
 */
export function resolveDefaultEstimator(
	dataset: Dataset,
	demand?: Pick<DemandModel, 'pooled'>
): {
	estimator: EstimatorId;
	reason: string;
} {
	if (dataset.estimation.defaultEstimator !== 'auto') {
		return { estimator: dataset.estimation.defaultEstimator, reason: 'chosen for this dataset' };
	}
	// Decision 0019: a dataset that can be pooled with England is; the choice was made once, by a
	// rolling-origin evaluation across every authority, not by this dataset's short back-test.
	if ((demand ?? estimateDemand(dataset)).pooled) {
		return {
			estimator: 'england',
			reason:
				'chosen because it beat every simple method at every horizon when every English authority was forecast from its earlier censuses (decision 0019)'
		};
	}
	try {
		const summary = backtest(dataset, dataset.estimation.backtestHoldout);
		const best = summary.results.find((r) => r.estimator === summary.best)!;
		return {
			estimator: summary.best,
			reason: `back-tests best over ${summary.holdout} held-out years (mean absolute error ${(best.mape * 100).toFixed(1)}%)`
		};
	} catch (e) {
		return {
			estimator: 'pooled',
			reason: `too little history to back-test (${(e as Error).message}); the pooled mean is used`
		};
	}
}
