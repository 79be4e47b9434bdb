/**
 * The page's side of the witan.send worker (witan-api.ts): one module worker per client, started
 * on the first call and kept (it remembers the last dataset it estimated), stopped by `cancel`
 * or `dispose`. Where workers are not available (tests in Node) the same API runs in-process,
 * loaded only then, so that its code stays out of the page's own JavaScript.
 */
import * as Comlink from 'comlink';
import type { Dataset } from '../../model/dataset';
import type { Scenario } from '../../model/scenario';
import type {
	WitanFile,
	WitanInputsRead,
	WitanOutputsRead,
	WitanOutputsRun,
	WitanProgress,
	WitanReadOptions,
	WitanRunRequest,
	WitanWorkerApi
} from './witan-api';

/** What a call rejects with when `cancel` stopped it. */
export class WitanCancelled extends Error {
	constructor() {
		super('Stopped before it finished.');
		this.name = 'WitanCancelled';
	}
}

export interface WitanClient {
	readInputs(files: WitanFile[], options: WitanReadOptions): Promise<WitanInputsRead>;
	writeInputs(dataset: Dataset): Promise<WitanFile[]>;
	runOutputs(
		dataset: Dataset,
		scenario: Scenario,
		request: WitanRunRequest,
		onProgress?: WitanProgress
	): Promise<WitanOutputsRun>;
	readOutputs(files: WitanFile[]): Promise<WitanOutputsRead>;
	/** Stops every call under way (each rejects with a WitanCancelled); the next call starts afresh. */
	cancel(): void;
	/** Stops the worker. */
	dispose(): void;
}

/** A worker, or one end of a MessageChannel in tests. */
export type WitanEndpoint = Comlink.Endpoint & { terminate?: () => void; close?: () => void };

function startWorker(): WitanEndpoint {
	return new Worker(new URL('./witan.worker.ts', import.meta.url), {
		type: 'module',
		name: 'witan'
	});
}

/** Plain data for postMessage: Svelte state proxies cannot be structured-cloned. */
function plain<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A client of the witan.send worker. `make` starts the endpoint (a worker by default; null runs
 * in-process).
 * @example
 * const witan = createWitanClient();
 * const run = await witan.runOutputs(dataset, scenario, { sims: 1000, seed: 50 }, (d, n) => …);
 */
export function createWitanClient(
	make: (() => WitanEndpoint) | null = typeof Worker === 'undefined' ? null : startWorker
): WitanClient {
	let endpoint: WitanEndpoint | null = null;
	let remote: Comlink.Remote<WitanWorkerApi> | null = null;
	let local: Promise<Comlink.Remote<WitanWorkerApi>> | null = null;
	const pending = new Set<(e: Error) => void>();

	// In-process, the API's plain return values are awaited just as a worker's promises are.
	const api = async (): Promise<Comlink.Remote<WitanWorkerApi>> => {
		if (!make) {
			local ??= import('./witan-api').then(
				(m) => m.createWitanWorkerApi() as unknown as Comlink.Remote<WitanWorkerApi>
			);
			return local;
		}
		if (!remote) {
			endpoint = make();
			remote = Comlink.wrap<WitanWorkerApi>(endpoint);
		}
		return remote;
	};

	/** Runs a call, rejecting at once if `cancel` stops it. */
	const call = <T>(fn: (a: Comlink.Remote<WitanWorkerApi>) => Promise<T>) =>
		new Promise<T>((resolve, reject) => {
			const stop = (e: Error) => reject(e);
			pending.add(stop);
			api()
				.then(fn)
				.then(resolve, reject)
				.finally(() => pending.delete(stop));
		});

	const stopWorker = () => {
		if (remote) remote[Comlink.releaseProxy]();
		endpoint?.terminate?.();
		endpoint?.close?.();
		endpoint = null;
		remote = null;
	};

	return {
		// Comlink's Remote type splits a union result into a union of promises: name the whole.
		readInputs: (files, options) =>
			call((a) => a.readInputs(plain(files), plain(options)) as Promise<WitanInputsRead>),
		writeInputs: (dataset) => call((a) => a.writeInputs(plain(dataset))),
		runOutputs: (dataset, scenario, request, onProgress) =>
			call((a) =>
				a.runOutputs(
					plain(dataset),
					plain(scenario),
					plain(request),
					onProgress && make ? Comlink.proxy(onProgress) : onProgress
				)
			),
		readOutputs: (files) => call((a) => a.readOutputs(plain(files)) as Promise<WitanOutputsRead>),
		cancel() {
			stopWorker();
			for (const stop of [...pending]) stop(new WitanCancelled());
			pending.clear();
		},
		dispose() {
			stopWorker();
		}
	};
}
