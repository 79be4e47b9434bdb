/**
 * Runs the back-test with simulated p5–p95 bands (engine/backtest-bands.ts) in a module worker,
 * one worker per run, stopped when the run ends: a thousand projections per estimator would
 * freeze the page. Where workers are not available (tests in Node) it runs in-process, with the
 * same code.
 */
import * as Comlink from 'comlink';
import type { BacktestSummary } from '../../engine/backtest';
import type { BandOptions } from '../../engine/backtest-bands';
import type { Dataset } from '../../model/dataset';
import { backtestWorkerApi, type BacktestWorkerApi } from './backtest-api';

/**
 * Back-tests every estimator of a dataset with bands, off the page's thread. Rejects with the
 * engine's message when the history is too short for the holdout.
 * @example const summary = await runBandedBacktest(dataset, 3, { simulations: 1000, seed: 50 });
 */
export async function runBandedBacktest(
	dataset: Dataset,
	holdout: number,
	options: BandOptions
): Promise<BacktestSummary> {
	// Plain data: Svelte state proxies cannot be posted to a worker.
	const plain = JSON.parse(JSON.stringify(dataset)) as Dataset;
	if (typeof Worker === 'undefined') return backtestWorkerApi.run(plain, holdout, options);
	const worker = new Worker(new URL('./backtest.worker.ts', import.meta.url), {
		type: 'module',
		name: 'backtest'
	});
	try {
		return await Comlink.wrap<BacktestWorkerApi>(worker).run(plain, holdout, options);
	} finally {
		worker.terminate();
	}
}
