/**
 * The long CSV (docs/model.md §6) of an open scenario set: the expected rows of every scenario, then,
 * for scenarios that have a Monte Carlo summary, its simulation rows. This is the boundary the
 * Monte Carlo results plug into: pass their summaries when the page has them.
 */
import type { MonteCarloSummary } from '$lib/model/results';
import type { ScenarioResult } from '$lib/model/results';
import { expectedRows, longCsv, simulationRows, type LongRow } from '$lib/io/long-csv';

/**
 * Rows for the scenarios in order: each scenario's expected rows, then the Monte Carlo rows of
 * those given a summary.
 * @example scenarioSetLongRows(results, []).length
 */
export function scenarioSetLongRows(
	results: readonly ScenarioResult[],
	summaries: readonly MonteCarloSummary[] = []
): LongRow[] {
	return [...results.flatMap(expectedRows), ...summaries.flatMap(simulationRows)];
}

/** The long CSV text of the scenarios (every cell neutralised against formula injection). */
export function scenarioSetLongCsv(
	results: readonly ScenarioResult[],
	summaries: readonly MonteCarloSummary[] = []
): string {
	return longCsv(scenarioSetLongRows(results, summaries));
}
