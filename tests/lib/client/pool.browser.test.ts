/**
 * The pool with real module workers in Chromium: what the in-process fakes of pool.test.ts could
 * hide — structured cloning, transferred buffers, a worker that really crashes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios, SVA_PLAN } from '$lib/data/kingston-scenarios';
import { createSimulationWorker, isAbortError, SimulationPool } from '$lib/client/pool';
import { runMonteCarlo } from '$lib/engine/monte-carlo';
import { compile, prepareDataset } from '$lib/engine/workbench';

const dataset = kingstonDataset();
const byName = (name: string) => kingstonScenarios().find((s) => s.name === name)!;
const baseline = byName(BASELINE_TREND);
const plan = byName(SVA_PLAN);
const prepared = prepareDataset(dataset);
const expected = runMonteCarlo([compile(prepared, baseline), compile(prepared, plan)], 120, 7);

const pools: SimulationPool[] = [];
afterEach(() => {
	for (const p of pools.splice(0)) p.dispose();
});

function pool(
	size: number,
	createWorker: () => Worker = createSimulationWorker,
	errors: string[] = []
) {
	const p = new SimulationPool({ size, createWorker, onWorkerError: (m) => errors.push(m) });
	p.prepare(dataset);
	pools.push(p);
	return p;
}

/** A module worker that throws as it starts: an `error` event and no answer, as a crash gives. */
function crashingWorker(): Worker {
	const url = URL.createObjectURL(
		new Blob(['throw new Error("simulated crash");'], { type: 'text/javascript' })
	);
	return new Worker(url, { type: 'module' });
}

describe('SimulationPool with real workers', () => {
	it('gives identical results with 1, 2 and 4 workers, equal to the run in the page', async () => {
		for (const size of [1, 2, 4]) {
			const { runs } = await pool(size).run({
				scenarios: [baseline, plan],
				simulations: 120,
				seed: 7
			});
			runs.forEach((r, i) => {
				expect(r.values).toEqual(expected[i].values);
				expect(r.firstBreach).toEqual(expected[i].firstBreach);
			});
		}
		// Seven workers estimate the dataset: tens of seconds on a busy two-core machine.
	}, 90_000);

	it('replaces a crashed worker and still completes with identical results', async () => {
		let made = 0;
		const errors: string[] = [];
		const p = pool(2, () => (made++ === 0 ? crashingWorker() : createSimulationWorker()), errors);
		const { runs } = await p.run({ scenarios: [baseline, plan], simulations: 120, seed: 7 });
		runs.forEach((r, i) => expect(r.values).toEqual(expected[i].values));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/replaced/);
		expect(made).toBe(3);
	}, 60_000);

	it('stops when cancelled and rejects with an AbortError', async () => {
		const p = pool(2);
		const controller = new AbortController();
		let progressAfterAbort = 0;
		let aborted = false;
		const e = await p
			.run(
				{ scenarios: [baseline], simulations: 100_000, seed: 1 },
				{
					signal: controller.signal,
					onProgress: () => {
						if (aborted) progressAfterAbort++;
						aborted = true;
						controller.abort();
					}
				}
			)
			.then(
				() => null,
				(err: unknown) => err
			);
		expect(isAbortError(e)).toBe(true);
		await new Promise((r) => setTimeout(r, 200));
		expect(progressAfterAbort).toBe(0);
		// The pool is free again at once for the next run.
		const { runs } = await p.run({ scenarios: [baseline], simulations: 20, seed: 7 });
		expect(runs[0].values).toEqual(expected[0].values.subarray(0, runs[0].values.length));
	});

	it('never delivers a superseded run', async () => {
		const p = pool(2);
		const older = p.run({ scenarios: [plan], simulations: 5000, seed: 1 });
		const newer = p.run({ scenarios: [baseline], simulations: 120, seed: 7 });
		await expect(older).rejects.toMatchObject({ name: 'AbortError' });
		const { runs } = await newer;
		expect(runs[0].values).toEqual(expected[0].values);
	});
});
