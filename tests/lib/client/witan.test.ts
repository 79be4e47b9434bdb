import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { witanBaselineScenario, witanDataset } from '$lib/io/witan/dataset';
import { createWitanWorkerApi, type WitanWorkerApi } from '../../../workers/witan-api';
import { createWitanClient } from '$lib/client/witan';
import { isAbortError, type WorkerEndpoint } from '$lib/client/worker-client';
import { files, parsed, synthetic } from '../../fixtures/witan-model/inputs';
import { replaceRow } from '../../fixtures/witan/inputs';

const texts = synthetic();
const good = files(texts);
const dataset = witanDataset(parsed(good), { id: 'witan-c' });

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** The API on one end of a channel, the client on the other: a worker without a thread. */
function channel(api: WitanWorkerApi = createWitanWorkerApi()) {
	const started: WorkerEndpoint[] = [];
	const make = () => {
		const { port1, port2 } = new MessageChannel();
		Comlink.expose(api, port1 as unknown as Comlink.Endpoint);
		closers.push(() => port1.close());
		const end = port2 as unknown as WorkerEndpoint;
		started.push(end);
		return end;
	};
	const client = createWitanClient(make);
	closers.push(() => client.dispose());
	return { client, started };
}

describe('createWitanClient', () => {
	it('reads inputs through the worker boundary, problems keeping file, row and column', async () => {
		const { client } = channel();
		const ok = await client.readInputs(good, { id: 'witan-c' });
		expect(ok.ok && ok.dataset.id).toBe('witan-c');
		const bad = await client.readInputs(
			files({ ...texts, population: replaceRow(texts.population, 4, '2018,1,none') }),
			{ id: 'witan-d' }
		);
		expect(bad.ok ? [] : bad.errors.map((e) => [e.file, e.row, e.column])).toEqual([
			['population.csv', 4, 'population']
		]);
	});

	it('runs a scenario’s outputs through the boundary, reporting progress to the page', async () => {
		const { client } = channel();
		const seen: number[] = [];
		const run = await client.runOutputs(
			dataset,
			witanBaselineScenario(dataset),
			{ sims: 40, seed: 50 },
			(done) => seen.push(done)
		);
		expect(run.files.map((f) => f.name)[0]).toBe('Output_Count.csv');
		// Progress comes on a channel of its own, posted while the run goes on: it may arrive after.
		await vi.waitFor(() => expect(seen.at(-1)).toBe(40));
	});

	it('uses one worker for calls in a row, and a fresh one after a cancel, whose call rejects', async () => {
		const never: WitanWorkerApi = {
			...createWitanWorkerApi(),
			// A call that never answers, as a long run looks from the page.
			readOutputs: () => new Promise<never>(() => {}) as never
		};
		const { client, started } = channel(never);
		await client.writeInputs(dataset);
		await client.writeInputs(dataset);
		expect(started.length).toBe(1);
		const stuck = client.readOutputs([]);
		client.cancel();
		expect(isAbortError(await stuck.catch((e) => e))).toBe(true);
		await client.writeInputs(dataset);
		expect(started.length).toBe(2);
	});

	it('runs in-process where there is no worker', async () => {
		const client = createWitanClient(null);
		const r = await client.readInputs(good, { id: 'witan-e' });
		expect(r.ok).toBe(true);
	});
});
