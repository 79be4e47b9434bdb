/**
 * Importing DfE SEN2 statistics from file texts (docs/model.md §6): the entry point for files already
 * in memory (tests, small files, the command line). A browser import of the full-size files goes
 * through the worker (`worker-api.ts`), which streams them through the same collector.
 */
import { ImportError } from '../csv/errors';
import { parseCsv } from '../csv/parse';
import type { Authority } from './authorities';
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
 * of each kind). `authority` is a name, a new or old code, or an Authority. Throws an ImportError
 * naming the file, row and column at the first problem; nothing is returned then.
 * @example importSen2([{ name: 'sen2_age_caseload.csv', text }], 'Kingston upon Thames').history.caseloadTotal
 */
export function importSen2(
	files: readonly Sen2TextFile[],
	authority: string | Authority,
	mapping: Sen2Mapping = DEFAULT_SEN2_MAPPING
): Sen2ImportResult {
	const collector = new Sen2Collector(authority);
	readInto(collector, files);
	return collector.finish(mapping);
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
