/**
 * Estimation entry point: builds the state space of a dataset and estimates its demand model,
 * from transitions (witan.send inputs) when it has them, else from aggregates.
 */
import type { Dataset } from '../model/dataset';
import { estimateFromAggregates } from './aggregates';
import type { DemandModel } from './demand';
import { maxOf, minOf } from '../model/extent';
import type { StateSpace } from './space';
import { createStateSpace } from './space';
import { estimateFromTransitions } from './transitions';
import { DEFAULT_REFERENCE } from './default-reference';
import type { Sen2Reference } from './reference';

/**
 * The state space of a dataset: its needs × settings over the NCYs its settings cover.
 * @example datasetStateSpace(kingston).size
 */
export function datasetStateSpace(dataset: Dataset): StateSpace {
	const minNcy = minOf(dataset.settings, (s) => s.minNcy);
	const maxNcy = maxOf(dataset.settings, (s) => s.maxNcy);
	return createStateSpace(dataset.needs, dataset.settings, minNcy, maxNcy);
}

export interface EstimateOptions {
	/** Census to project from (back-testing projects from an earlier one). */
	baseCensus?: number;
	/** Last calendar year of flows to estimate from. */
	lastFlowYear?: number;
	/** Census steps to project; defaults to base census → horizon census. */
	steps?: number;
	/**
	 * The England reference to pool with (decision 0019): when not given, the shipped one unless
	 * the dataset's `estimation.pooling` is 'none'; null: none. Datasets of transitions
	 * (witan.send) never use it.
	 */
	reference?: Sen2Reference | null;
}

/**
 * Estimates the demand model of a dataset.
 * @example const demand = estimateDemand(dataset); demand.censuses // [2022, …, 2026]
 */
export function estimateDemand(
	dataset: Dataset,
	options: EstimateOptions = {},
	space: StateSpace = datasetStateSpace(dataset)
): DemandModel {
	const baseCensus = options.baseCensus ?? dataset.baseCensus;
	const steps = options.steps ?? dataset.horizonCensus - baseCensus;
	if (!(steps >= 1)) {
		throw new Error(
			`estimateDemand: the horizon (January ${dataset.horizonCensus}) must be after the base census (January ${baseCensus})`
		);
	}
	const reference =
		options.reference !== undefined
			? options.reference
			: dataset.estimation.pooling === 'none'
				? null
				: DEFAULT_REFERENCE;
	const opts = { baseCensus, lastFlowYear: options.lastFlowYear, steps, reference };
	return dataset.transitions && dataset.transitions.length > 0
		? estimateFromTransitions(dataset, space, opts)
		: estimateFromAggregates(dataset, space, opts);
}
