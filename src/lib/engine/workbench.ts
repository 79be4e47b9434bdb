/**
 * The engine's front door for the app, the worker and the command line: prepare a dataset once
 * (state space, estimated demand, the default estimator), then run scenarios over it.
 */
import type { Dataset, EstimatorId } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import { resolveDefaultEstimator } from './backtest';
import type { DemandModel } from './demand';
import { estimateDemand } from './estimate';
import type { ScenarioResult } from '../model/results';
import { metricRow } from './metrics';
import { projectExpected } from './project';
import type { CompiledScenario } from './scenario';
import { compileScenario } from './scenario';

export interface PreparedDataset {
	dataset: Dataset;
	demand: DemandModel;
	defaultEstimator: EstimatorId;
	/** Why that estimator, in words ("back-tests best over 3 held-out years …"). */
	estimatorReason: string;
}

/**
 * Estimates a dataset's demand model and picks its default estimator (docs/model.md §8).
 * @example const prepared = prepareDataset(kingstonDataset());
 */
export function prepareDataset(dataset: Dataset): PreparedDataset {
	const demand = estimateDemand(dataset);
	const { estimator, reason } = resolveDefaultEstimator(dataset, demand);
	return {
		dataset,
		demand,
		defaultEstimator: estimator,
		estimatorReason: reason
	};
}

/** Compiles a scenario over a prepared dataset. */
export function compile(prepared: PreparedDataset, scenario: Scenario): CompiledScenario {
	return compileScenario(prepared.dataset, scenario, prepared.demand, {
		defaultEstimator: prepared.defaultEstimator
	});
}

/**
 * The expected-value projection of a scenario (docs/model.md §2).
 * @example runExpected(prepared, scenario).firstBreach // −1 when never over the cap
 */
export function runExpected(prepared: PreparedDataset, scenario: Scenario): ScenarioResult {
	const c = compile(prepared, scenario);
	const p = projectExpected(c);
	return resultOf(c, p.values, p.firstBreach);
}

export function resultOf(
	c: CompiledScenario,
	values: Float64Array,
	firstBreach: number
): ScenarioResult {
	return {
		scenarioId: c.scenarioId,
		scenarioName: c.scenarioName,
		censuses: c.censuses,
		years: c.years,
		metrics: c.layout.defs,
		values,
		baseTotal: c.base.reduce((a, b) => a + b, 0),
		firstBreach,
		estimator: c.estimator,
		calibration: c.calibration,
		warnings: c.warnings
	};
}

export { metricRow };
