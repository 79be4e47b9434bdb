/**
 * What the back-test worker exposes (backtest.worker.ts), kept apart from the worker entry and its
 * client so that it also runs in-process (tests in Node, a page without workers).
 */
import type { BacktestSummary } from '../src/lib/engine/backtest';
import type { BandOptions } from '../src/lib/engine/backtest-bands';
import { backtestWithBands } from '../src/lib/engine/backtest-bands';
import type { Dataset } from '../src/lib/model/dataset';

export interface BacktestWorkerApi {
	/** Back-tests every estimator with simulated p5–p95 bands (engine/backtest-bands.ts). */
	run(dataset: Dataset, holdout: number, options: BandOptions): BacktestSummary;
}

export const backtestWorkerApi: BacktestWorkerApi = {
	run: (dataset, holdout, options) => backtestWithBands(dataset, holdout, options)
};
