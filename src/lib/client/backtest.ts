/**
 * Runs the back-test with simulated p5–p95 bands (engine/backtest-bands.ts) in the back-test
 * worker (workers/backtest-api.ts), through the generic worker client: one worker per run,
 * stopped when the run ends, since a thousand projections per estimator would freeze the page.
 * Where workers are not available (tests in Node) it runs in the page, with the same code.
 */
import type { BacktestSummary } from '../engine/backtest';
import type { BandOptions } from '../engine/backtest-bands';
import type { Dataset } from '../model/dataset';
import type { BacktestWorkerApi } from '$workers/backtest-api';
import { abortError, createWorkerClient, type WorkerEndpoint } from './worker-client';

function startWorker(): WorkerEndpoint {
	return new Worker(new URL('../../../workers/backtest.worker.ts', import.meta.url), {
		type: 'module',
		name: 'backtest'
	});
}

export interface BandedBacktestOptions {
	/** Starts the worker (a fake in tests); null runs in the page. Default: the app's worker. */
	createWorker?: (() => WorkerEndpoint) | null;
	/** Aborting stops the run: it rejects with an AbortError and the worker is terminated. */
	signal?: AbortSignal;
	onWorkerError?: (message: string) => void;
}

/**
 * Back-tests every estimator of a dataset with bands, off the page's thread. Rejects with the
 * engine's message when the history is too short for the holdout.
 * @example const summary = await runBandedBacktest(dataset, 3, { simulations: 1000, seed: 50 });
 */
export async function runBandedBacktest(
	dataset: Dataset,
	holdout: number,
	options: BandOptions,
	{
		createWorker = typeof Worker === 'undefined' ? null : startWorker,
		signal,
		onWorkerError
	}: BandedBacktestOptions = {}
): Promise<BacktestSummary> {
	if (signal?.aborted) throw abortError('The back-test was cancelled.');
	const client = createWorkerClient<BacktestWorkerApi>({
		name: 'back-test',
		createWorker,
		inPage: () => import('$workers/backtest-api').then((m) => m.backtestWorkerApi),
		onWorkerError
	});
	const stop = () => client.cancel('The back-test was cancelled.');
	signal?.addEventListener('abort', stop, { once: true });
	try {
		return await client.call('run', [dataset, holdout, options]);
	} finally {
		signal?.removeEventListener('abort', stop);
		client.dispose();
	}
}
