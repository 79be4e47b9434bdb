/**
 * The page's side of the SEN2 import worker (workers/import-api.ts), on the generic worker
 * client: the same calls as `sen2WorkerApi`, run in a module worker so that reading the 10 MB
 * establishment file never blocks the page. Errors come back as the classes they were thrown as
 * (an ImportError keeps its file, row and column), through `settle` / `unsettle`.
 */
import type { Authority } from '../io/sen2/authorities';
import type { Sen2ImportResult } from '../io/sen2/build';
import type { Sen2Mapping } from '../io/sen2/mapping';
import type {
	Sen2Progress,
	Sen2ProgressCallback,
	Sen2Scan,
	Sen2Source,
	Sen2WorkerEndpointApi
} from '$workers/import-api';
import { unsettle } from '$workers/settle';
import { createWorkerClient, type WorkerEndpoint } from './worker-client';

export type { Sen2Progress, Sen2ProgressCallback, Sen2Scan, Sen2Source };

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

function startWorker(): WorkerEndpoint {
	return new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), {
		type: 'module',
		name: 'import'
	});
}

/**
 * An import client. `endpoint` replaces the worker (a MessagePort in tests; null runs in the
 * page); it is closed by `dispose` when it can be.
 * @example const sen2 = createSen2ImportClient(); const { authorities } = await sen2.scan(files);
 */
export function createSen2ImportClient(
	endpoint?: WorkerEndpoint | null,
	onWorkerError?: (message: string) => void
): Sen2ImportClient {
	const createWorker =
		endpoint === null
			? null
			: endpoint
				? () => endpoint
				: typeof Worker === 'undefined'
					? null
					: startWorker;
	const client = createWorkerClient<Sen2WorkerEndpointApi>({
		name: 'import',
		createWorker,
		inPage: () => import('$workers/import-api').then((m) => m.sen2WorkerEndpointApi),
		onWorkerError
	});
	// A File's name is lost when it is cloned in some runtimes (Node's MessagePort): send it apart.
	const named = (files: readonly Sen2Source[]): Sen2Source[] =>
		files.map((f) => ('blob' in f ? f : { name: f.name, blob: f }));
	return {
		async scan(files, onProgress) {
			return unsettle(await client.call('scan', [named(files), onProgress]));
		},
		async importFiles(files, authority, mapping, onProgress) {
			return unsettle(
				await client.call('importFiles', [named(files), authority, mapping, onProgress])
			);
		},
		dispose() {
			client.dispose();
		}
	};
}
