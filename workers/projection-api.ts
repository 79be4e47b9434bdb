/**
 * The projection worker's API, kept apart from the worker entry point so it can be tested
 * in-process (Node, Vitest) exactly as the worker runs it. A thin layer over the engine: it
 * holds the prepared dataset between calls so a slider drag only recompiles the scenario.
 */
import type { Dataset, EstimatorId } from '../src/lib/model/dataset';
import type { Scenario } from '../src/lib/model/scenario';
import type { BacktestSummary } from '../src/lib/engine/backtest';
import { backtest } from '../src/lib/engine/backtest';
import type { PreparedDataset, ScenarioResult } from '../src/lib/engine/workbench';
import { prepareDataset, runExpected } from '../src/lib/engine/workbench';

export interface PreparedSummary {
	datasetId: string;
	defaultEstimator: EstimatorId;
	estimatorReason: string;
	method: 'aggregates' | 'transitions';
	notes: string[];
	warnings: string[];
	baseCensus: number;
	baseTotal: number;
}

export interface ProjectionApi {
	/** Estimates the dataset's demand model; later calls reuse it until another dataset comes. */
	prepare(dataset: Dataset): PreparedSummary;
	/** Expected-value projections of scenarios over the prepared dataset, in the given order. */
	runExpected(scenarios: Scenario[]): ScenarioResult[];
	/** Back-tests each estimator over `holdout` held-out census years. */
	backtest(holdout: number): BacktestSummary;
}

export function createProjectionApi(): ProjectionApi {
	let prepared: PreparedDataset | null = null;
	const need = (what: string) => {
		if (!prepared) throw new Error(`${what}: no dataset is prepared; call prepare(dataset) first`);
		return prepared;
	};
	return {
		prepare(dataset) {
			prepared = prepareDataset(dataset);
			const d = prepared.demand;
			return {
				datasetId: dataset.id,
				defaultEstimator: prepared.defaultEstimator,
				estimatorReason: prepared.estimatorReason,
				method: d.method,
				notes: d.notes,
				warnings: d.warnings,
				baseCensus: d.baseCensus,
				baseTotal: d.base.reduce((a, b) => a + b, 0)
			};
		},
		runExpected(scenarios) {
			const p = need('runExpected');
			return scenarios.map((s) => runExpected(p, s));
		},
		backtest(holdout) {
			return backtest(need('backtest').dataset, holdout);
		}
	};
}
