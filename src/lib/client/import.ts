/**
 * The page's side of the SEN2 import worker: the same calls as `sen2WorkerApi`, run in a module
 * worker (comlink) so that reading the 10 MB establishment file never blocks the page.
 */
import * as Comlink from 'comlink';
import type { Authority } from './authorities';
import type { Sen2ImportResult } from './build';
import type { Sen2Mapping } from './mapping';
import {
	unsettle,
	type Sen2ProgressCallback,
	type Sen2Scan,
	type Sen2Source,
	type Sen2WorkerEndpointApi
} from './worker-api';

export interface Sen2ImportClient {
	/** Lists the local authorities of some SEN2 files. */
	scan(files: readonly Sen2Source[], onProgress?: Sen2ProgressCallback): Promise<Sen2Scan>;
	/** Imports one authority; rejects with an ImportError (file, row, column) on bad input. */
	importFiles(
		files: readonly Sen2Source[],
		authority: string | Authority,
		mapping?: Sen2Mapping,
		onProgress?: Sen2ProgressCallback
	): Promise<Sen2ImportResult>;
	/** Stops the worker; the client cannot be used after. */
	dispose(): void;
}

/**
 * Starts an import worker and returns its client. `endpoint` replaces the worker (a MessagePort
 * in tests); it is closed by `dispose` when it can be.
 * @example const sen2 = createSen2ImportClient(); const { authorities } = await sen2.scan(files);
 */
export function createSen2ImportClient(
	endpoint?: Comlink.Endpoint & { terminate?: () => void; close?: () => void }
): Sen2ImportClient {
	const port: Comlink.Endpoint & { terminate?: () => void; close?: () => void } =
		endpoint ??
		new Worker(new URL('../../../../workers/import.worker.ts', import.meta.url), {
			type: 'module'
		});
	const remote = Comlink.wrap<Sen2WorkerEndpointApi>(port);
	const progress = (cb?: Sen2ProgressCallback) => (cb ? Comlink.proxy(cb) : undefined);
	// A File's name is lost when it is cloned in some runtimes (Node's MessagePort): send it apart.
	const named = (files: readonly Sen2Source[]): Sen2Source[] =>
		files.map((f) => ('blob' in f ? f : { name: f.name, blob: f }));
	return {
		async scan(files, onProgress) {
			return unsettle(await remote.scan(named(files), progress(onProgress)));
		},
		async importFiles(files, authority, mapping, onProgress) {
			return unsettle(
				await remote.importFiles(named(files), authority, mapping, progress(onProgress))
			);
		},
		dispose() {
			remote[Comlink.releaseProxy]();
			port.terminate?.();
			port.close?.();
		}
	};
}
