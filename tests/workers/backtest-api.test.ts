import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { backtestWithBands } from '$lib/engine/backtest-bands';
import { backtestWorkerApi } from '../../workers/backtest-api';

describe('the back-test worker API', () => {
	it('back-tests every estimator with simulated bands, as the engine does in this thread', () => {
		const ds = kingstonDataset();
		const options = { simulations: 20, seed: 4 };
		expect(backtestWorkerApi.run(ds, 2, options)).toEqual(backtestWithBands(ds, 2, options));
		// Two back-tests of Kingston: seconds on a busy machine.
	}, 60_000);

	it('throws the engine’s message when the history is too short for the holdout', () => {
		expect(() => backtestWorkerApi.run(kingstonDataset(), 20, { simulations: 5 })).toThrow(
			/^backtestEstimator: no actual caseload for January 2001/
		);
	});
});
