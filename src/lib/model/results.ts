/**
 * The shapes of a projection's results and the pure readers of them (docs/model.md §2, §6): an
 * expected-value result (`ScenarioResult`) and a Monte Carlo summary (`MonteCarloSummary`), each a
 * metric × step matrix with the years it covers. The engine produces these values; pages,
 * components, state stores, the file formats and the command line read them through the functions
 * here, so none of them needs the engine to read a number out of a result (decision 0025).
 *
 * Census metrics are keyed by the census year that ends the step (`2022`), finance metrics by the
 * financial year that contains it (`2021/22`).
 */
import type { EstimatorId } from './dataset';
import type { FinancialYear } from './years';

/** Whether a metric is counted at the January census or over a financial year. */
export type MetricKind = 'census' | 'finance';

/** One row of a result: its name (docs/model.md §6), kind, label and unit. */
export interface MetricDef {
	name: string;
	kind: MetricKind;
	label: string;
	unit: 'children' | 'gbp' | 'probability';
}

/** A scenario's expected-value results: metric × step values and what to say about them. */
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

/** What a Monte Carlo run is of: the scenario and the shape of its metric × step matrix. */
export interface RunMeta {
	scenarioId: string;
	scenarioName: string;
	/** Census years ending each step (`2022` …). */
	censuses: number[];
	/** Financial years containing them (`2021/22` …). */
	years: FinancialYear[];
	metrics: MetricDef[];
}

/** The statistics summarised per metric and year across simulations, in the long CSV's order. */
export const SUMMARY_STATISTICS = [
	'mean',
	'sd',
	'min',
	'p2_5',
	'p5',
	'p25',
	'median',
	'p75',
	'p95',
	'p97_5',
	'max'
] as const;

/** One entry of `SUMMARY_STATISTICS`. */
export type SummaryStatistic = (typeof SUMMARY_STATISTICS)[number];

/** The distribution of the first year in which the cap is breached. */
export interface FirstBreachDistribution {
	/** One entry per projected year, in the order given: P(the first breach is in that year). */
	byYear: { year: string; probability: number }[];
	/** P(no breach in any projected year). byYear's probabilities plus this sum to 1. */
	noBreach: number;
}

/** A Monte Carlo run summarised: what the charts, tables and the long CSV show. */
export interface MonteCarloSummary extends RunMeta {
	seed: number;
	simulations: number;
	/**
	 * Per statistic, a metric × step matrix (row-major, rows as `metrics`), in the metric's units.
	 * Rows not yet summarised hold NaN.
	 */
	statistics: Record<SummaryStatistic, Float64Array>;
	/** Per year, P(cumulative deficit before Safety Valve funding > cap), a fraction. */
	breachProbability: Float64Array;
	/** The distribution of the first financial year whose cumulative deficit breaches the cap. */
	firstBreach: FirstBreachDistribution;
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

/**
 * A metric's value in one financial year (or census year for census metrics).
 * @example metricValue(result, 'ehcp_total', 2026) // EHCPs at the January 2026 census
 */
export function metricValue(
	result: ScenarioResult,
	name: string,
	year: FinancialYear | number
): number {
	const k = typeof year === 'number' ? result.censuses.indexOf(year) : result.years.indexOf(year);
	if (k < 0) throw new Error(`metricValue: ${year} is not a year of "${result.scenarioName}"`);
	return metricValues(result, name)[k];
}

/**
 * The row of `metric` in a run's matrix.
 * @throws when the run has no such metric, naming the caller, scenario and metric
 */
export function rowOfMetric(fn: string, meta: RunMeta, metric: string): number {
	const row = meta.metrics.findIndex((m) => m.name === metric);
	if (row < 0) throw new Error(`${fn}: "${meta.scenarioName}" has no metric "${metric}"`);
	return row;
}

/**
 * One statistic of one metric per year of a summary.
 * @example statisticSeries(summary, 'cumulative_deficit_before_sv', 'p95') // £ per financial year
 */
export function statisticSeries(
	summary: MonteCarloSummary,
	metric: string,
	statistic: SummaryStatistic
): number[] {
	const H = summary.censuses.length;
	const row = rowOfMetric('statisticSeries', summary, metric);
	return Array.from(summary.statistics[statistic].subarray(row * H, (row + 1) * H));
}
