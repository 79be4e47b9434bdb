/**
 * The SEN2 import workflow (Data page and the new dataset wizard, docs/model.md §6): read the
 * chosen DfE SEN2 files in the import worker to list their authorities, pick one by name or code,
 * adjust the placement mapping, then build the authority's figures in the worker. A refused file
 * or import sets `error` and changes nothing: the last good import stays with the caller.
 *
 * The component (ui/data/Sen2Import.svelte) only draws this state. The SEN2 format's own names a
 * component shows (the mapping's entries, an authority in words) are exported here as the
 * workflow's vocabulary, so ui reaches io only through this module (decision 0025).
 */
import {
	createSen2ImportClient,
	type Sen2ImportClient,
	type Sen2Progress,
	type Sen2Scan
} from '../client/import';
import { describeAuthority, selectAuthority, type Authority } from '../io/sen2/authorities';
import type { Sen2ImportResult } from '../io/sen2/build';
import { DEFAULT_SEN2_MAPPING, type Sen2Mapping } from '../io/sen2/mapping';

export type { Authority, Sen2ImportResult, Sen2Mapping, Sen2Progress, Sen2Scan };
export { describeAuthority };
export {
	DEFAULT_SEN2_MAPPING,
	checkSen2Mapping,
	sen2MappingEntries,
	type Sen2MappingEntry,
	type Sen2MappingSource
} from '../io/sen2/mapping';

/** An import's outcome in words. @example importedText(result, 2400) // 'Imported Kingston … in 2.4 s.' */
export function importedText(result: Sen2ImportResult, elapsedMs: number): string {
	const n = result.files.length;
	return `Imported ${describeAuthority(result.authority)} from ${n} file${n === 1 ? '' : 's'} in ${(elapsedMs / 1000).toFixed(1)} s.`;
}

/**
 * One SEN2 import in progress, a runes store.
 * @example const s = new Sen2ImportState(); await s.pick(files); s.query = 'Kingston'; await s.importNow(keep)
 */
export class Sen2ImportState {
	// Raw state: Files and the scan are posted to the worker, which cannot clone proxies.
	files = $state.raw<File[]>([]);
	scan = $state.raw<Sen2Scan | null>(null);
	/** The authority typed or picked: a name, a new code (E09000021) or an old code (314). */
	query = $state('');
	mapping = $state<Sen2Mapping>(structuredClone(DEFAULT_SEN2_MAPPING) as Sen2Mapping);
	mappingProblems = $state<string[]>([]);
	busy = $state<'scan' | 'import' | null>(null);
	progress = $state<Sen2Progress | null>(null);
	error = $state<string | null>(null);
	done = $state<string | null>(null);
	/** How long the last scan or import took, ms. */
	elapsed = $state<number | null>(null);

	/** The authority the query names, or why it names none. */
	chosen = $derived.by((): { authority: Authority | null; problem: string | null } => {
		if (!this.scan || this.query.trim() === '') return { authority: null, problem: null };
		try {
			return { authority: selectAuthority(this.scan.authorities, this.query), problem: null };
		} catch (e) {
			return { authority: null, problem: (e as Error).message };
		}
	});

	#client: Sen2ImportClient | null = null;
	#sen2 = () => (this.#client ??= createSen2ImportClient());

	/** Reads the files' authorities (in the worker); the only authority is chosen at once. */
	async pick(list: File[]): Promise<void> {
		if (list.length === 0) return;
		this.error = null;
		this.done = null;
		this.busy = 'scan';
		this.progress = null;
		const t0 = performance.now();
		try {
			const result = await this.#sen2().scan(list, (p) => {
				this.progress = p;
			});
			this.files = list;
			this.scan = result;
			this.elapsed = performance.now() - t0;
			if (this.chosen.authority === null && result.authorities.length === 1) {
				this.query = result.authorities[0].name;
			}
		} catch (err) {
			this.error = `${(err as Error).message}. Nothing was imported.`;
		} finally {
			this.busy = null;
			this.progress = null;
		}
	}

	/** Builds the chosen authority's figures (in the worker) and hands them to `onimport`. */
	async importNow(
		onimport: (result: Sen2ImportResult, mapping: Sen2Mapping) => void
	): Promise<void> {
		const authority = this.chosen.authority && { ...this.chosen.authority };
		if (!authority || this.files.length === 0) return;
		this.error = null;
		this.done = null;
		this.busy = 'import';
		const t0 = performance.now();
		try {
			const plain = JSON.parse(JSON.stringify(this.mapping)) as Sen2Mapping;
			const result = await this.#sen2().importFiles(this.files, authority, plain, (p) => {
				this.progress = p;
			});
			this.elapsed = performance.now() - t0;
			this.done = importedText(result, this.elapsed);
			onimport(result, plain);
		} catch (err) {
			this.error = `${(err as Error).message}. Nothing was imported.`;
		} finally {
			this.busy = null;
			this.progress = null;
		}
	}

	/** Ends the import worker. */
	dispose(): void {
		this.#client?.dispose();
	}
}
