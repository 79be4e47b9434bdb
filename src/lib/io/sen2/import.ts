/**
 * Importing DfE SEN2 statistics from file texts (docs/model.md §6): the entry point for files already
 * in memory (tests, small files, the command line). A browser import of the full-size files goes
 * through the worker (`worker-api.ts`), which streams them through the same collector.
 */
import { ImportError } from '../csv/errors';
import { parseCsv } from '../csv/parse';
import { selectAuthority, type Authority } from './authorities';
import type { Sen2ImportResult } from './build';
import { Sen2Collector } from './collect';
import type { Sen2FileKind } from './kinds';
import { DEFAULT_SEN2_MAPPING, type Sen2Mapping } from './mapping';

export type { Sen2ImportResult, ReasonCount } from './build';

/** A file as a picker or a test hands it over: its name and its whole text. */
export interface Sen2TextFile {
	name: string;
	text: string;
}

/**
 * Imports one authority's history from SEN2 files (any of the 2022-release and 2023+ files, one
 * of each kind). `authority` is a name, a new, former or old code, or an Authority. A name or
 * code is resolved against every authority of the files first (`selectAuthority`, `options.exact`
 * refusing a part of a name), so that every identifier of an authority whose ONS code changed
 * gives the same rows: its whole history, not only the years filed under the code typed. Throws
 * an ImportError naming the file, row and column at the first problem; nothing is returned then.
 * @example importSen2([{ name: 'sen2_age_caseload.csv', text }], 'Kingston upon Thames').history.caseloadTotal
 */
export function importSen2(
	files: readonly Sen2TextFile[],
	authority: string | Authority,
	mapping: Sen2Mapping = DEFAULT_SEN2_MAPPING,
	options: { exact?: boolean } = {}
): Sen2ImportResult {
	if (files.length === 0) {
		throw new ImportError('SEN2 import', null, null, 'at least one SEN2 file', 'none');
	}
	// Each file is parsed once; its rows are read twice when a name or code must be resolved.
	const parsed = files.map((f) => ({ name: f.name, csv: parseCsv(f.text, f.name) }));
	let chosen = authority;
	if (typeof authority === 'string') {
		const scan = new Sen2Collector(null);
		feed(scan, parsed);
		const source = parsed.map((f) => f.name).join(', ');
		chosen = selectAuthority(scan.authorities(), authority, source, options);
	}
	const collector = new Sen2Collector(chosen);
	feed(collector, parsed);
	return collector.finish(mapping);
}

function feed(
	collector: Sen2Collector,
	parsed: readonly { name: string; csv: ReturnType<typeof parseCsv> }[]
): void {
	for (const f of parsed) {
		collector.beginFile(f.name, f.csv.header);
		for (const row of f.csv.rows) collector.addRow(row);
		collector.endFile();
	}
}

/**
 * The local authorities in some SEN2 files, and what each file is (for an authority picker).
 * @example scanSen2([{ name: 'sen2_mi.csv', text }]).authorities[0] // { name: 'Barking and Dagenham', … }
 */
export function scanSen2(files: readonly Sen2TextFile[]): {
	authorities: Authority[];
	files: { name: string; kind: Sen2FileKind; label: string }[];
} {
	const collector = new Sen2Collector(null);
	readInto(collector, files);
	return { authorities: collector.authorities(), files: collector.fileKinds() };
}

function readInto(collector: Sen2Collector, files: readonly Sen2TextFile[]): void {
	if (files.length === 0) {
		throw new ImportError('SEN2 import', null, null, 'at least one SEN2 file', 'none');
	}
	for (const f of files) {
		const parsed = parseCsv(f.text, f.name);
		collector.beginFile(f.name, parsed.header);
		for (const row of parsed.rows) collector.addRow(row);
		collector.endFile();
	}
}
