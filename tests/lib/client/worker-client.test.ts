import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	cloneable,
	createWorkerClient,
	isAbortError,
	WorkerCrashed,
	type WorkerClient,
	type WorkerClientOptions
} from '$lib/client/worker-client';
import { kingstonDataset } from '$lib/data/kingston';
import { backtestWithBands } from '$lib/engine/backtest-bands';
import { createProjectionApi, type ProjectionApi } from '../../../workers/projection-api';
import { createWitanWorkerApi, type WitanWorkerApi } from '../../../workers/witan-api';
import { backtestWorkerApi, type BacktestWorkerApi } from '../../../workers/backtest-api';
import { sen2WorkerEndpointApi, type Sen2WorkerEndpointApi } from '../../../workers/import-api';
import { files, synthetic } from '../../fixtures/witan-model/inputs';
import { channelWorkers } from './channel-worker';

/** A small API to drive the client with: answers now, later, never, or throws. */
function testApi() {
	let setups = 0;
	return {
		setup(tag: string) {
			setups++;
			return `${tag} ${setups}`;
		},
		echo<T>(x: T): T {
			return x;
		},
		later(ms: number, x: string): Promise<string> {
			return new Promise((resolve) => setTimeout(() => resolve(x), ms));
		},
		never(): Promise<never> {
			return new Promise(() => {});
		},
		boom(): never {
			throw new Error('the engine threw');
		},
		async progress(n: number, report: (i: number) => unknown): Promise<number> {
			for (let i = 1; i <= n; i++) await report(i);
			return n;
		}
	};
}
type TestApi = ReturnType<typeof testApi>;

const clients: WorkerClient<object>[] = [];
afterEach(() => {
	for (const c of clients.splice(0)) c.dispose();
});

function client(
	dieOn: (number | null)[] = [],
	options: Partial<WorkerClientOptions<TestApi>> = {}
) {
	const workers = channelWorkers(testApi, dieOn);
	const problems: string[] = [];
	const inPage = vi.fn(() => testApi());
	const c = createWorkerClient<TestApi>({
		name: 'test',
		createWorker: workers.create,
		inPage,
		onWorkerError: (m) => problems.push(m),
		...options
	});
	clients.push(c);
	return { c, workers, problems, inPage };
}

/** What a promise rejects with (a failure when it resolves). */
async function rejection(p: Promise<unknown>): Promise<unknown> {
	try {
		await p;
	} catch (e) {
		return e;
	}
	throw new Error('expected a rejection, but it resolved');
}

describe('cloneable', () => {
	it('copies plain objects and arrays through proxies, keeping typed arrays and blobs', () => {
		const values = new Float64Array([1, 2]);
		const blob = new Blob(['x']);
		const state = new Proxy({ a: [new Proxy({ b: 1 }, {})], values, blob }, {});
		expect(() => structuredClone(state)).toThrow();
		const copy = cloneable(state);
		expect(structuredClone(copy)).toEqual({ a: [{ b: 1 }], values, blob });
		expect(copy.values).toBe(values);
		expect(copy.blob).toBe(blob);
	});
});

describe('the worker client', () => {
	it('posts arguments as plain data, even Svelte-like proxies, and calls a callback back in the page', async () => {
		const { c } = client();
		const proxied = new Proxy({ name: 'Kingston', years: [2021, 2022] }, {});
		expect(await c.call('echo', [proxied])).toEqual({ name: 'Kingston', years: [2021, 2022] });
		const seen: number[] = [];
		expect(await c.call('progress', [3, (i: number) => seen.push(i)])).toBe(3);
		expect(seen).toEqual([1, 2, 3]);
	});

	it('resolves a superseded request with the latest result (latest wins)', async () => {
		const { c } = client();
		const first = c.latest('later', [60, 'first']);
		const second = c.latest('later', [40, 'second']);
		const third = c.latest('later', [5, 'third']);
		expect(await Promise.all([first, second, third])).toEqual(['third', 'third', 'third']);
		// Other methods, and plain calls, are not superseded.
		expect(await Promise.all([c.call('later', [20, 'a']), c.call('later', [1, 'b'])])).toEqual([
			'a',
			'b'
		]);
	});

	it('cancels every call under way with an AbortError, stops the worker, and starts a fresh one next', async () => {
		const { c, workers } = client();
		const stuck = c.call('never', []);
		const latest = c.latest('never', []);
		await vi.waitFor(() => expect(workers.made[0].received).toBeGreaterThan(0));
		c.cancel();
		expect(isAbortError(await rejection(stuck))).toBe(true);
		expect(isAbortError(await rejection(latest))).toBe(true);
		expect(workers.made[0].terminated).toBe(true);
		expect(await c.call('echo', [1])).toBe(1);
		expect(workers.made).toHaveLength(2);
	});

	it('rejects a call whose signal is aborted, and keeps the worker for the others', async () => {
		const { c, workers } = client();
		const controller = new AbortController();
		const stuck = c.call('never', [], { signal: controller.signal });
		controller.abort();
		expect(isAbortError(await rejection(stuck))).toBe(true);
		expect(await c.call('echo', ['still here'])).toBe('still here');
		expect(workers.made).toHaveLength(1);
	});

	it('replaces a worker that dies, sets the new one up, says so, and answers the call', async () => {
		const setup = vi.fn((api: { setup(tag: string): Promise<string> }) => api.setup('prepared'));
		const { c, workers, problems } = client([2], { setup });
		expect(await c.ready()).toBe('prepared 1');
		// The first worker dies on the call (its second message): the call runs on a new worker.
		expect(await c.latest('echo', ['answer'])).toBe('answer');
		expect(problems).toEqual([
			'The test worker failed (out of memory). It was replaced by a new one.'
		]);
		expect(workers.made).toHaveLength(2);
		expect(workers.made[0].terminated).toBe(true);
		expect(workers.made[1].terminated).toBe(false);
		expect(setup).toHaveBeenCalledTimes(2);
		expect(await c.ready()).toBe('prepared 1'); // the new worker's own setup
		expect(c.started).toBe(2);
	});

	it('takes a worker that stops answering for dead after timeoutMs, and replaces it', async () => {
		const { c, workers, problems } = client();
		const e = await rejection(c.call('never', [], { timeoutMs: 200, retry: false }));
		expect(e).toBeInstanceOf(WorkerCrashed);
		expect(problems).toEqual([
			'The test worker failed (no answer after 0.2 s). It was replaced by a new one.'
		]);
		expect(workers.made[0].terminated).toBe(true);
		expect(await c.call('echo', [2])).toBe(2);
	});

	it('rejects with a WorkerCrashed, without running it again, when asked not to retry', async () => {
		const { c, workers } = client([1]);
		const e = await rejection(c.call('echo', [1], { retry: false }));
		expect(e).toBeInstanceOf(WorkerCrashed);
		expect((e as WorkerCrashed).reason).toBe('out of memory');
		expect(workers.made).toHaveLength(2);
	});

	it('passes on an error the API throws and keeps the worker', async () => {
		const { c, workers } = client();
		expect(((await rejection(c.call('boom', []))) as Error).message).toBe('the engine threw');
		expect(await c.call('echo', [3])).toBe(3);
		expect(workers.made).toHaveLength(1);
	});

	it('replaces a worker on request (one that threw where it should not)', async () => {
		const { c, workers, problems } = client([], {
			failedMessage: (reason) => `It failed: ${reason}.`
		});
		await c.call('echo', [1]);
		c.replace('a bad answer');
		expect(problems).toEqual(['It failed: a bad answer.']);
		expect(workers.made[0].terminated).toBe(true);
		expect(await c.call('echo', [4])).toBe(4);
	});

	it('runs the API in the page, loaded on first use, when there are no workers', async () => {
		const { c, workers, inPage, problems } = client([], { createWorker: null });
		expect(inPage).not.toHaveBeenCalled();
		expect(await c.latest('echo', ['in the page'])).toBe('in the page');
		expect(inPage).toHaveBeenCalledTimes(1);
		expect(c.inPage).toBe(true);
		expect(workers.made).toHaveLength(0);
		expect(problems).toEqual([]);
	});

	it('falls back to the page, and says so, when a worker cannot start', async () => {
		const { c, problems } = client([], {
			createWorker: () => {
				throw new Error('no workers here');
			}
		});
		expect(await c.call('echo', [5])).toBe(5);
		expect(c.inPage).toBe(true);
		expect(problems).toEqual([
			'The test worker could not start (no workers here); it runs in the page.'
		]);
	});

	it('refuses calls once closed', async () => {
		const { c } = client();
		c.dispose();
		expect(((await rejection(c.call('echo', [1]))) as Error).message).toMatch(/closed/);
	});
});

/**
 * Every worker of the app through the same client: a worker that dies on its first call is
 * replaced and the call answered, and without workers the same call is answered in the page.
 */
const dataset = kingstonDataset();
const witanFiles = files(synthetic());
const workerCases = [
	{
		name: 'projection',
		api: () => createProjectionApi(),
		call: (c: WorkerClient<ProjectionApi>) => c.call('prepare', [dataset]),
		expected: () => expect.objectContaining({ datasetId: dataset.id })
	},
	{
		name: 'witan.send',
		api: () => createWitanWorkerApi(),
		call: (c: WorkerClient<WitanWorkerApi>) =>
			c.call('readInputs', [witanFiles, { id: 'witan-w' }]).then((r) => r.ok && r.dataset.id),
		expected: () => 'witan-w'
	},
	{
		name: 'back-test',
		api: () => backtestWorkerApi,
		call: (c: WorkerClient<BacktestWorkerApi>) =>
			c.call('run', [dataset, 2, { simulations: 4, seed: 1 }]),
		expected: () => backtestWithBands(dataset, 2, { simulations: 4, seed: 1 })
	},
	{
		name: 'import',
		api: () => sen2WorkerEndpointApi,
		call: (c: WorkerClient<Sen2WorkerEndpointApi>) =>
			c.call('scan', [[]]).then((r) => !r.ok && r.error.name),
		expected: () => 'ImportError'
	}
] as const;

// Estimation and back-tests of Kingston take a few seconds on a busy machine.
describe.each(workerCases)(
	'the $name worker through the worker client',
	{ timeout: 30_000 },
	(w) => {
		it('is replaced when it dies, and the call is answered by the new one', async () => {
			const workers = channelWorkers(w.api, [1]);
			const problems: string[] = [];
			const c = createWorkerClient<object>({
				name: w.name,
				createWorker: workers.create,
				inPage: w.api,
				onWorkerError: (m) => problems.push(m)
			});
			clients.push(c);
			expect(await w.call(c as never)).toEqual(w.expected());
			expect(workers.made.map((m) => m.terminated)).toEqual([true, false]);
			expect(problems).toEqual([
				`The ${w.name} worker failed (out of memory). It was replaced by a new one.`
			]);
		});

		it('answers in the page without workers', async () => {
			const c = createWorkerClient<object>({ name: w.name, createWorker: null, inPage: w.api });
			clients.push(c);
			expect(await w.call(c as never)).toEqual(w.expected());
			expect(c.inPage).toBe(true);
		});
	}
);
