/**
 * The engine's front door for the app, the worker and the command line: prepare a dataset once
 * (state space, estimated demand, the default estimator), then run scenarios over it.
 */
import type { Dataset, EstimatorId } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import type { FinancialYear } from '../model/years';
import { resolveDefaultEstimator } from './backtest';
import type { DemandModel } from './demand';
import { estimateDemand } from './estimate';
import type { MetricDef } from '../model/results';
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

/** A scenario's results: metric × step values and what to say about them. */
export interface ScenarioResult {
	scenarioId: string;
	scenarioName: string;
	/** Census years ending each step (`2022` …). */
	censuses: number[];
	/** Financial years containing them (`2021/22` …). */
	years: FinancialYear[];
	metrics: MetricDef[];
	/** Row-major metric × step. */
	values: Float64Array;
	/** EHCPs at the base census (before the first step). */
	baseTotal: number;
	/** Index of the first year whose cumulative deficit breaches its cap, or −1. */
	firstBreach: number;
	estimator: EstimatorId;
	calibration: { joiners: number[]; leavers: number[] };
	warnings: string[];
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

/**
 * One metric's values per year of a result.
 * @example metricValues(result, 'cumulative_deficit_before_sv') // [28_607_000, …]
 */
export function metricValues(result: ScenarioResult, name: string): number[] {
	const H = result.censuses.length;
	const i = result.metrics.findIndex((m) => m.name === name);
	if (i < 0) throw new Error(`metricValues: unknown metric "${name}"`);
	return Array.from(result.values.subarray(i * H, (i + 1) * H));
}

/** A metric's value in one financial year (or census year for census metrics). */
export function metricValue(
	result: ScenarioResult,
	name: string,
	year: FinancialYear | number
): number {
	const k = typeof year === 'number' ? result.censuses.indexOf(year) : result.years.indexOf(year);
	if (k < 0) throw new Error(`metricValue: ${year} is not a year of "${result.scenarioName}"`);
	return metricValues(result, name)[k];
}

export { metricRow };
