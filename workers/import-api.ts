/**
 * The SEN2 import as a worker exposes it (`workers/import.worker.ts`), kept apart from the worker
 * so that it runs in-process too (tests in Node, a page without workers). Files are streamed
 * through papaparse chunk by chunk; only the authority list and the chosen authority's rows are
 * kept, so a 10 MB file costs a few hundred rows of memory, and progress is reported as it goes.
 *
 * Errors cross the worker boundary as plain data (settle.ts): structured
 * cloning would keep an Error's message but drop an ImportError's file, row and column.
 */
import { ImportError } from '../src/lib/io/csv/errors';
import { settle, type Settled } from './settle';

export { settle, unsettle, type SerialisedError, type Settled } from './settle';
import { checkSize, parseCsvStream } from '../src/lib/io/csv/parse';
import type { Authority } from '../src/lib/io/sen2/authorities';
import type { Sen2ImportResult } from '../src/lib/io/sen2/build';
import { Sen2Collector } from '../src/lib/io/sen2/collect';
import type { Sen2FileKind } from '../src/lib/io/sen2/kinds';
import { DEFAULT_SEN2_MAPPING, type Sen2Mapping } from '../src/lib/io/sen2/mapping';

/** A file to read: a File from a picker, or any Blob with a name. */
export type Sen2Source = File | { name: string; blob: Blob };

/** How far a read has got, over all its files. */
export interface Sen2Progress {
	file: string;
	/** 0-based index of the file being read, of `fileCount`. */
	fileIndex: number;
	fileCount: number;
	/** Bytes read of all files, and their total. */
	bytesRead: number;
	totalBytes: number;
	/** bytesRead / totalBytes, 0–1. */
	fraction: number;
}

/** Called as files are read; a returned promise is awaited (see `parseCsvStream`). */
export type Sen2ProgressCallback = (p: Sen2Progress) => unknown;

export interface Sen2Scan {
	authorities: Authority[];
	files: { name: string; kind: Sen2FileKind; label: string }[];
}

export interface Sen2WorkerApi {
	/** Lists the local authorities of some SEN2 files (for a picker), keeping no rows. */
	scan(files: readonly Sen2Source[], onProgress?: Sen2ProgressCallback): Promise<Sen2Scan>;
	/**
	 * Imports one authority (name, code or Authority) from SEN2 files. Rejects with an ImportError
	 * naming the file, row and column at the first problem.
	 */
	importFiles(
		files: readonly Sen2Source[],
		authority: string | Authority,
		mapping?: Sen2Mapping,
		onProgress?: Sen2ProgressCallback
	): Promise<Sen2ImportResult>;
}

/** The worker API, in-process. */
export const sen2WorkerApi: Sen2WorkerApi = {
	async scan(files, onProgress) {
		const collector = new Sen2Collector(null);
		await streamInto(collector, files, onProgress);
		return { authorities: collector.authorities(), files: collector.fileKinds() };
	},
	async importFiles(files, authority, mapping = DEFAULT_SEN2_MAPPING, onProgress) {
		const collector = new Sen2Collector(authority);
		await streamInto(collector, files, onProgress);
		return collector.finish(mapping);
	}
};

/** What the worker exposes: the same calls, settled into data. */
export type Sen2WorkerEndpointApi = {
	[K in keyof Sen2WorkerApi]: (
		...args: Parameters<Sen2WorkerApi[K]>
	) => Promise<Settled<Awaited<ReturnType<Sen2WorkerApi[K]>>>>;
};

export const sen2WorkerEndpointApi: Sen2WorkerEndpointApi = {
	scan: (...args) => settle(sen2WorkerApi.scan(...args)),
	importFiles: (...args) => settle(sen2WorkerApi.importFiles(...args))
};

async function streamInto(
	collector: Sen2Collector,
	files: readonly Sen2Source[],
	onProgress?: Sen2ProgressCallback
): Promise<void> {
	if (files.length === 0) {
		throw new ImportError('SEN2 import', null, null, 'at least one SEN2 file', 'none');
	}
	const sources = files.map((f) =>
		'blob' in f ? { name: f.name, blob: f.blob } : { name: f.name, blob: f }
	);
	for (const s of sources) checkSize(s.blob.size, s.name);
	const totalBytes = sources.reduce((t, s) => t + s.blob.size, 0);
	let before = 0;
	let reported = -1;
	const report = (fileIndex: number, bytesRead: number, force = false) => {
		if (!onProgress) return;
		const fraction = totalBytes > 0 ? (before + bytesRead) / totalBytes : 1;
		// One message per percent at most: each crosses the worker boundary.
		if (!force && fraction - reported < 0.01) return;
		reported = fraction;
		return onProgress({
			file: sources[fileIndex].name,
			fileIndex,
			fileCount: sources.length,
			bytesRead: before + bytesRead,
			totalBytes,
			fraction
		});
	};
	for (const [i, s] of sources.entries()) {
		await report(i, 0, true);
		await parseCsvStream(s.blob, (row) => collector.addRow(row), {
			fileName: s.name,
			onHeader: (header) => collector.beginFile(s.name, header),
			onProgress: (read) => report(i, read)
		});
		collector.endFile();
		before += s.blob.size;
	}
	await report(sources.length - 1, 0, true);
}
