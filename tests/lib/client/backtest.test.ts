import { describe, expect, it, vi } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { backtestWithBands } from '$lib/engine/backtest-bands';
import { runBandedBacktest } from '$lib/client/backtest';
import { isAbortError } from '$lib/client/worker-client';
import { channelWorkers } from './channel-worker';

describe('runBandedBacktest', () => {
	it('runs in-process where there are no workers, with the engine’s result', async () => {
		const ds = kingstonDataset();
		const options = { simulations: 50, seed: 3 };
		expect(await runBandedBacktest(ds, 2, options)).toEqual(backtestWithBands(ds, 2, options));
		// Two back-tests of Kingston: seconds on a busy machine.
	}, 60_000);

	it('rejects with the engine’s message when the holdout is too long for the history', async () => {
		await expect(runBandedBacktest(kingstonDataset(), 20, { simulations: 10 })).rejects.toThrow(
			/^backtestEstimator: no actual caseload for January 2001/
		);
	});

	it('rejects with an AbortError at once when its signal is already aborted', async () => {
		const e = await runBandedBacktest(
			kingstonDataset(),
			2,
			{ simulations: 10 },
			{ signal: AbortSignal.abort() }
		).catch((err: unknown) => err);
		expect(isAbortError(e)).toBe(true);
	});

	it('stops the worker and rejects with an AbortError when cancelled while it runs', async () => {
		const never = { run: () => new Promise<never>(() => {}) };
		const workers = channelWorkers(() => never);
		const controller = new AbortController();
		const running = runBandedBacktest(
			kingstonDataset(),
			2,
			{ simulations: 10 },
			{ createWorker: workers.create, signal: controller.signal }
		);
		await vi.waitFor(() => expect(workers.made[0]?.received).toBeGreaterThan(0));
		controller.abort();
		expect(isAbortError(await running.catch((err: unknown) => err))).toBe(true);
		expect(workers.made[0].terminated).toBe(true);
	});
});
