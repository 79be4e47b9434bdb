import { afterEach, describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios, SVA_PLAN } from '$lib/data/kingston-scenarios';
import { isAbortError, SimulationPool, type PoolOptions } from '$lib/client/pool';
import { runMonteCarlo, summariseMonteCarlo } from '$lib/engine/monte-carlo';
import { compile, prepareDataset } from '$lib/engine/workbench';
import type { Scenario } from '$lib/model/scenario';
import { fakeWorkers, type Behaviour } from './fake-worker';

const dataset = kingstonDataset();
const prepared = prepareDataset(dataset);
const byName = (name: string) => kingstonScenarios().find((s) => s.name === name)!;
const baseline = byName(BASELINE_TREND);
const plan = byName(SVA_PLAN);

/** The reference: the same run in this thread, without any pool. */
const reference = (scenarios: Scenario[], n: number, seed: number) =>
	runMonteCarlo(
		scenarios.map((s) => compile(prepared, s)),
		n,
		seed
	);

const pools: SimulationPool[] = [];
function pool(
	options: Partial<PoolOptions> & { behaviours?: Behaviour[]; failOnCall?: number } = {}
) {
	const fakes = fakeWorkers(options.behaviours, options.failOnCall);
	const errors: string[] = [];
	const p = new SimulationPool({
		createWorker: fakes.create,
		onWorkerError: (m) => errors.push(m),
		...options
	});
	p.prepare(dataset);
	pools.push(p);
	return { pool: p, fakes, errors };
}

afterEach(() => {
	for (const p of pools.splice(0)) p.dispose();
});

/** Rejection of a promise, or a failure when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (e) {
		return e;
	}
	throw new Error('expected the promise to reject, but it resolved');
}

describe('SimulationPool', () => {
	it('gives identical results with 1, 2 and 4 workers, equal to the run in one thread', async () => {
		const expected = reference([baseline, plan], 90, 7);
		for (const size of [1, 2, 4]) {
			const { pool: p } = pool({ size, chunkSize: 7 });
			const { runs } = await p.run({ scenarios: [baseline, plan], simulations: 90, seed: 7 });
			expect(runs.map((r) => r.scenarioName)).toEqual([BASELINE_TREND, SVA_PLAN]);
			runs.forEach((r, i) => {
				expect(r.values).toEqual(expected[i].values);
				expect(r.firstBreach).toEqual(expected[i].firstBreach);
			});
		}
		// Seven preparations of the dataset: slow on a busy machine.
	}, 30_000);

	it('gives the same results with adaptive chunks as with fixed ones', async () => {
		const { pool: p } = pool({ size: 2 });
		const { runs, summaries } = await p.run({ scenarios: [baseline], simulations: 150, seed: 3 });
		const expected = reference([baseline], 150, 3)[0];
		expect(runs[0].values).toEqual(expected.values);
		expect(summaries[0]).toEqual(summariseMonteCarlo(expected));
	});

	it('splits the run over every worker in chunks of consecutive simulations', async () => {
		const { pool: p, fakes } = pool({ size: 4, chunkSize: 5 });
		await p.run({ scenarios: [baseline], simulations: 60, seed: 1 });
		expect(new Set(fakes.log.map((c) => c.worker)).size).toBe(4);
		const covered = fakes.log.map((c) => [c.from, c.to]).sort((a, b) => a[0] - b[0]);
		expect(covered).toEqual(Array.from({ length: 12 }, (_, i) => [5 * i, 5 * i + 5]));
	});

	it('reports progress as the rising share of simulations done, ending at 1', async () => {
		const { pool: p } = pool({ size: 2, chunkSize: 10 });
		const fractions: number[] = [];
		await p.run(
			{ scenarios: [baseline], simulations: 55, seed: 1 },
			{ onProgress: (f) => fractions.push(f) }
		);
		expect(fractions).toHaveLength(6);
		expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1])).toBe(true);
		expect(fractions[fractions.length - 1]).toBe(1);
	});

	it('stops starting chunks when cancelled, and rejects with an AbortError', async () => {
		const { pool: p, fakes } = pool({ size: 2, chunkSize: 5 });
		const controller = new AbortController();
		let chunksDone = 0;
		const running = p.run(
			{ scenarios: [baseline], simulations: 2000, seed: 1 },
			{
				signal: controller.signal,
				onProgress: () => {
					chunksDone++;
					controller.abort();
				}
			}
		);
		const e = await rejection(running);
		expect(isAbortError(e)).toBe(true);
		await new Promise((r) => setTimeout(r, 50));
		// One chunk done, and at most the other worker's chunk already under way: 400 otherwise.
		expect(chunksDone).toBe(1);
		expect(fakes.log.length).toBeLessThanOrEqual(2);
	});

	it('rejects at once when the signal is already aborted', async () => {
		const { pool: p, fakes } = pool({ size: 2 });
		const e = await rejection(
			p.run({ scenarios: [baseline], simulations: 10, seed: 1 }, { signal: AbortSignal.abort() })
		);
		expect(isAbortError(e)).toBe(true);
		expect(fakes.log).toHaveLength(0);
	});

	it('rejects a superseded run with an AbortError and never delivers its stale results', async () => {
		const { pool: p } = pool({ size: 2, chunkSize: 10 });
		const older = p.run({ scenarios: [plan], simulations: 400, seed: 5 });
		const newer = p.run({ scenarios: [baseline], simulations: 40, seed: 6 });
		const e = await rejection(older);
		expect(isAbortError(e)).toBe(true);
		expect((e as Error).message).toMatch(/superseded/);
		const { runs } = await newer;
		expect(runs[0].scenarioName).toBe(BASELINE_TREND);
		expect(runs[0].values).toEqual(reference([baseline], 40, 6)[0].values);
	});

	it('replaces a worker that throws, retries its chunk once, and still gives identical results', async () => {
		const { pool: p, fakes, errors } = pool({ size: 2, chunkSize: 10, behaviours: ['throws'] });
		const { runs } = await p.run({ scenarios: [baseline], simulations: 50, seed: 2 });
		expect(runs[0].values).toEqual(reference([baseline], 50, 2)[0].values);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/worker 0 threw.*replaced/);
		expect(fakes.made).toHaveLength(3);
		expect(fakes.made[0].terminated).toBe(true);
	});

	it('replaces a worker that dies, retries its chunk once, and still gives identical results', async () => {
		const { pool: p, fakes, errors } = pool({ size: 2, chunkSize: 10, behaviours: ['ok', 'dies'] });
		const { runs } = await p.run({ scenarios: [baseline, plan], simulations: 50, seed: 2 });
		const expected = reference([baseline, plan], 50, 2);
		runs.forEach((r, i) => expect(r.values).toEqual(expected[i].values));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/worker 1 died/);
		expect(fakes.made[1].terminated).toBe(true);
		expect(fakes.made).toHaveLength(3);
	});

	it('takes a worker that stops answering for dead after chunkTimeoutMs, and replaces it', async () => {
		const {
			pool: p,
			fakes,
			errors
		} = pool({
			size: 2,
			chunkSize: 10,
			chunkTimeoutMs: 300,
			behaviours: ['hangs']
		});
		const { runs } = await p.run({ scenarios: [baseline], simulations: 40, seed: 2 });
		expect(runs[0].values).toEqual(reference([baseline], 40, 2)[0].values);
		expect(errors).toEqual([
			'A simulation worker failed (no answer after 0.3 s). It was replaced and its simulations run again.'
		]);
		expect(fakes.made[0].terminated).toBe(true);
	});

	it('fails the run when a chunk fails twice, naming its simulations', async () => {
		const { pool: p, errors } = pool({
			size: 1,
			chunkSize: 10,
			behaviours: ['throws', 'throws', 'ok']
		});
		const e = await rejection(p.run({ scenarios: [baseline], simulations: 30, seed: 2 }));
		expect(isAbortError(e)).toBe(false);
		expect((e as Error).message).toBe('Monte Carlo simulations 0–9 failed twice: worker 1 threw');
		expect(errors).toHaveLength(2);
		// The pool is usable afterwards, with a fresh worker.
		const { runs } = await p.run({ scenarios: [baseline], simulations: 20, seed: 2 });
		expect(runs[0].values).toEqual(reference([baseline], 20, 2)[0].values);
	});

	it('sends a scenario whole once per worker, then only its id until it changes', async () => {
		const { pool: p, fakes } = pool({ size: 1, chunkSize: 10 });
		const first = await p.run({ scenarios: [baseline], simulations: 30, seed: 1 });
		expect(fakes.log.map((c) => c.sent)).toEqual([['whole'], ['id'], ['id']]);
		const changed = { ...baseline, levers: [] };
		const second = await p.run({ scenarios: [changed], simulations: 20, seed: 1 });
		expect(fakes.log.slice(3).map((c) => c.sent)).toEqual([['whole'], ['id']]);
		expect(first.runs[0].values).toEqual(reference([baseline], 30, 1)[0].values);
		expect(second.runs[0].values).toEqual(reference([changed], 20, 1)[0].values);
	});

	it('supersedes a run when another dataset is prepared, so that no run mixes two datasets', async () => {
		const { pool: p, fakes } = pool({ size: 2, chunkSize: 10 });
		const running = p.run({ scenarios: [baseline], simulations: 400, seed: 5 });
		p.prepare(dataset); // the same dataset: nothing changes
		p.prepare({ ...dataset, name: 'Kingston, edited' });
		const e = await rejection(running);
		expect(isAbortError(e)).toBe(true);
		expect((e as Error).message).toMatch(/dataset changed/);
		expect(fakes.log.length).toBeLessThanOrEqual(2);
	});

	it('runs in the page, with the same results, when there are no workers', async () => {
		const p = new SimulationPool({ createWorker: null });
		pools.push(p);
		p.prepare(dataset);
		expect(p.size).toBe(1);
		const { runs } = await p.run({ scenarios: [baseline], simulations: 25, seed: 4 });
		expect(runs[0].values).toEqual(reference([baseline], 25, 4)[0].values);
	});

	it('falls back to the page, and says so, when a worker cannot start', async () => {
		const errors: string[] = [];
		const p = new SimulationPool({
			size: 1,
			createWorker: () => {
				throw new Error('no workers here');
			},
			onWorkerError: (m) => errors.push(m)
		});
		pools.push(p);
		p.prepare(dataset);
		const { runs } = await p.run({ scenarios: [baseline], simulations: 10, seed: 4 });
		expect(runs[0].values).toEqual(reference([baseline], 10, 4)[0].values);
		expect(errors[0]).toMatch(/could not start \(no workers here\)/);
	});

	it('refuses a run before a dataset is prepared, or with a bad N or seed', async () => {
		const fakes = fakeWorkers();
		const errors: string[] = [];
		const p = new SimulationPool({
			createWorker: fakes.create,
			size: 1,
			onWorkerError: (m) => errors.push(m)
		});
		pools.push(p);
		const e = await rejection(p.run({ scenarios: [baseline], simulations: 10, seed: 1 }));
		expect((e as Error).message).toBe('SimulationPool.run: call prepare(dataset) before run');
		expect([fakes.made.length, errors.length]).toEqual([1, 0]);
		await expect(p.run({ scenarios: [baseline], simulations: 0, seed: 1 })).rejects.toThrow(
			/simulations must be a whole number ≥ 1/
		);
		await expect(p.run({ scenarios: [baseline], simulations: 5, seed: -1 })).rejects.toThrow(
			/seed must be a whole number/
		);
		expect(() => new SimulationPool({ createWorker: null, chunkSize: 0 })).toThrow(/chunkSize/);
	});
});
