import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { backtestWithBands } from '$lib/engine/backtest-bands';
import { runBandedBacktest } from '$lib/client/backtest';

describe('runBandedBacktest', () => {
	it('runs in-process where there are no workers, with the engine’s result', async () => {
		const ds = kingstonDataset();
		const options = { simulations: 50, seed: 3 };
		expect(await runBandedBacktest(ds, 2, options)).toEqual(backtestWithBands(ds, 2, options));
	});

	it('rejects with the engine’s message when the holdout is too long for the history', async () => {
		await expect(runBandedBacktest(kingstonDataset(), 20, { simulations: 10 })).rejects.toThrow(
			/^backtestEstimator: no actual caseload for January 2001/
		);
	});
});
