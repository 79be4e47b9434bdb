/**
 * Collects SEN2 files row by row, as a streamed read hands them over: recognises each file by its
 * header, lists every local authority seen, and keeps only the rows that may belong to the
 * authority asked for (a handful per file), so that a 10 MB file is never held whole.
 */
import { ImportError, type ImportWarning } from '../csv/errors';
import type { CsvRecord } from '../csv/parse';
import {
	AuthorityRegistry,
	isLocalAuthorityRow,
	rowMightMatch,
	selectAuthority,
	type Authority
} from './authorities';
import { buildSen2Import, type Sen2FileRows, type Sen2ImportResult } from './build';
import { baseName, detectSen2File, SEN2_FILE_KINDS, SEN2_FILES, type Sen2FileSpec } from './kinds';
import { DEFAULT_SEN2_MAPPING, validateSen2Mapping, type Sen2Mapping } from './mapping';

export class Sen2Collector {
	private readonly registry = new AuthorityRegistry();
	private readonly files: Sen2FileRows[] = [];
	private readonly warnings: ImportWarning[] = [];
	private current: (Sen2FileRows & { index: Record<string, number> }) | null = null;

	/**
	 * @param query the authority to keep rows for: a name or code (resolved against every
	 * authority of the files when they are all read), an Authority, or null to keep no rows
	 * (listing authorities only).
	 */
	constructor(private readonly query: string | Authority | null) {}

	/** Starts a file: recognises it from its header (ImportError if it is not a SEN2 file). */
	beginFile(name: string, header: string[]): Sen2FileSpec {
		const spec = detectSen2File(header, name);
		const same = this.files.find((f) => f.spec.kind === spec.kind);
		if (same) {
			throw new ImportError(
				name,
				null,
				null,
				`one file of each kind: ${same.name} is already the ${spec.label} file`,
				'a second one'
			);
		}
		const named = SEN2_FILE_KINDS.map((k) => SEN2_FILES[k]).find(
			(s) => s.fileName.toLowerCase() === baseName(name).toLowerCase()
		);
		if (named && named !== spec) {
			this.warnings.push({
				file: name,
				row: 1,
				column: null,
				message: `named like ${named.fileName} but its columns are those of ${spec.fileName}: read as ${spec.label}`,
				count: 1
			});
		}
		const index: Record<string, number> = {};
		header.forEach((c, i) => (index[c] = i));
		this.current = { name, spec, header, rows: [], localAuthorityRows: 0, index };
		this.files.push(this.current);
		return spec;
	}

	/** Takes one data row of the current file. */
	addRow(row: CsvRecord): void {
		const f = this.current;
		if (!f) throw new Error('Sen2Collector.addRow: call beginFile first');
		const cell = (c: string) => row.cells[f.index[c]] ?? '';
		const where = {
			la_name: cell('la_name'),
			new_la_code: cell('new_la_code'),
			old_la_code: cell('old_la_code'),
			geographic_level: cell('geographic_level'),
			time_period: cell('time_period')
		};
		if (!isLocalAuthorityRow(where)) return;
		f.localAuthorityRows++;
		this.registry.add(where);
		if (
			this.query !== null &&
			rowMightMatch(this.query, where.la_name, where.new_la_code, where.old_la_code)
		) {
			f.rows.push(row);
		}
	}

	/** Ends the current file. */
	endFile(): void {
		this.current = null;
	}

	/** Every local authority seen so far, sorted by name. */
	authorities(): Authority[] {
		return this.registry.list();
	}

	/** The files read so far and what each is. */
	fileKinds(): { name: string; kind: Sen2FileSpec['kind']; label: string }[] {
		return this.files.map((f) => ({ name: f.name, kind: f.spec.kind, label: f.spec.label }));
	}

	/**
	 * Resolves the authority and builds the result. Throws an ImportError (unknown or ambiguous
	 * authority, bad cell) or an Error (invalid mapping); nothing is returned then.
	 */
	finish(mapping: Sen2Mapping = DEFAULT_SEN2_MAPPING): Sen2ImportResult {
		if (this.files.length === 0) {
			throw new ImportError('SEN2 import', null, null, 'at least one SEN2 file', 'none');
		}
		if (this.query === null) throw new Error('Sen2Collector.finish: no authority was asked for');
		const checked = mapping === DEFAULT_SEN2_MAPPING ? mapping : validateSen2Mapping(mapping);
		const source = this.files.map((f) => f.name).join(', ');
		const authority =
			typeof this.query === 'string'
				? selectAuthority(this.authorities(), this.query, source)
				: this.query;
		return buildSen2Import(this.files, authority, checked, [...this.warnings]);
	}
}
