/**
 * The page's side of the witan.send worker (workers/witan-api.ts), on the generic worker client
 * (worker-client.ts): one module worker per client, started on the first call and kept (it
 * remembers the last dataset it estimated), stopped by `cancel` or `dispose`. Where workers are
 * not available (tests in Node) the same API runs in the page, loaded only then.
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import type {
	WitanFile,
	WitanInputsRead,
	WitanOutputsRead,
	WitanOutputsRun,
	WitanProblem,
	WitanProgress,
	WitanReadOptions,
	WitanRunRequest,
	WitanWorkerApi
} from '$workers/witan-api';
import { createWorkerClient, type WorkerEndpoint } from './worker-client';

export type {
	WitanFile,
	WitanInputsRead,
	WitanOutputsRead,
	WitanOutputsRun,
	WitanProblem,
	WitanProgress,
	WitanReadOptions,
	WitanRunRequest
};

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
	/**
	 * Stops every call under way (each rejects with an AbortError, see `isAbortError`); the next
	 * call starts a fresh worker.
	 */
	cancel(): void;
	/** Stops the worker. */
	dispose(): void;
}

function startWorker(): WorkerEndpoint {
	return new Worker(new URL('../../../workers/witan.worker.ts', import.meta.url), {
		type: 'module',
		name: 'witan'
	});
}

/**
 * A client of the witan.send worker. `make` starts the endpoint (a worker by default; null runs
 * in the page).
 * @example
 * const witan = createWitanClient();
 * const run = await witan.runOutputs(dataset, scenario, { sims: 1000, seed: 50 }, (d, n) => …);
 */
export function createWitanClient(
	make: (() => WorkerEndpoint) | null = typeof Worker === 'undefined' ? null : startWorker,
	onWorkerError?: (message: string) => void
): WitanClient {
	const client = createWorkerClient<WitanWorkerApi>({
		name: 'witan.send',
		createWorker: make,
		inPage: () => import('$workers/witan-api').then((m) => m.createWitanWorkerApi()),
		onWorkerError
	});
	return {
		readInputs: (files, options) => client.call('readInputs', [files, options]),
		writeInputs: (dataset) => client.call('writeInputs', [dataset]),
		runOutputs: (dataset, scenario, request, onProgress) =>
			client.call('runOutputs', [dataset, scenario, request, onProgress]),
		readOutputs: (files) => client.call('readOutputs', [files]),
		cancel: () => client.cancel(),
		dispose: () => client.dispose()
	};
}
