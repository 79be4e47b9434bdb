/**
 * Every English authority's dataset from the DfE SEN2 files at once (docs/model.md §6), for
 * `forecast england` and for rolling-origin evaluations: the files are parsed once, their local
 * authority rows grouped by authority once, and each authority built from its own rows exactly
 * as the Data page's SEN2 import and the new dataset wizard build it (`buildSen2Import`, then
 * `sen2DatasetWithDefaults`) — a dataset here equals the one an import of the same files gives.
 *
 * A forecast from the January census `origin` sees only what was known then: census rows after
 * the origin and flow rows of calendar years from the origin on are dropped from the parsed rows
 * before building, so the dataset equals the import of files cut at the origin. The censuses
 * after the origin are kept apart as the actual totals to score against.
 *
 * No file system here: callers hand over file texts (or rows already read).
 */
import { ImportError } from '../csv/errors';
import { parseCsv } from '../csv/parse';
import type { Dataset, YearCount } from '../../model/dataset';
import { DEFAULT_HORIZON_YEARS, newDatasetScenarios } from './new-dataset';
import type { Scenario } from '../../model/scenario';
import { sen2DatasetWithDefaults } from './defaults';
import { AuthorityRegistry, isLocalAuthorityRow, type Authority } from './authorities';
import { buildSen2Import, type Sen2FileRows, type Sen2ImportResult } from './build';
import type { Sen2TextFile } from './import';
import { detectSen2File, type Sen2FileKind } from './kinds';
import { DEFAULT_SEN2_MAPPING } from './mapping';
import { sen2Year } from './periods';

/** Default years forecast ahead of the origin. */
export const DEFAULT_ENGLAND_HORIZON = 4;

/** SEN2 files read once: every local-authority row of each file, and every authority seen. */
export interface Sen2England {
	/** One per file, its rows those about a local authority (file order kept). */
	files: Sen2FileRows[];
	/** Every local authority of the files, sorted by name. */
	authorities: Authority[];
}

/** One authority's rows of each file (the files it has no row in are kept, with no rows). */
export interface AuthorityRows {
	authority: Authority;
	files: Sen2FileRows[];
}

/**
 * Parses SEN2 file texts once, recognising each file by its header (as the Data page does) and
 * keeping the rows about a local authority. Throws an ImportError naming the file when one is not
 * a SEN2 file or when two files are of the same kind.
 * @example readSen2England([{ name: 'sen2_age_caseload.csv', text }]).authorities.length // 152
 */
export function readSen2England(files: readonly Sen2TextFile[]): Sen2England {
	if (files.length === 0) {
		throw new ImportError('SEN2 files', null, null, 'at least one SEN2 file', 'none');
	}
	const registry = new AuthorityRegistry();
	const out: Sen2FileRows[] = [];
	for (const f of files) {
		const parsed = parseCsv(f.text, f.name);
		const spec = detectSen2File(parsed.header, f.name);
		const same = out.find((o) => o.spec.kind === spec.kind);
		if (same) {
			throw new ImportError(
				f.name,
				null,
				null,
				`one file of each kind: ${same.name} is already the ${spec.label} file`,
				'a second one'
			);
		}
		const col = (c: string) => parsed.header.indexOf(c);
		const [level, name, newCode, oldCode, period] = [
			col('geographic_level'),
			col('la_name'),
			col('new_la_code'),
			col('old_la_code'),
			col('time_period')
		];
		const rows = [];
		for (const r of parsed.rows) {
			const where = {
				geographic_level: r.cells[level] ?? '',
				la_name: r.cells[name] ?? '',
				new_la_code: r.cells[newCode] ?? '',
				old_la_code: r.cells[oldCode] ?? '',
				time_period: r.cells[period] ?? ''
			};
			if (!isLocalAuthorityRow(where)) continue;
			registry.add(where);
			rows.push(r);
		}
		out.push({
			name: f.name,
			spec,
			header: parsed.header,
			rows,
			localAuthorityRows: rows.length
		});
	}
	return { files: out, authorities: registry.list() };
}

/**
 * Splits the rows by authority in one pass over each file: an authority's rows are those whose
 * new (or former new) or old code is its (as `rowIsAuthority`), in file order.
 * @example groupByAuthority(readSen2England(files))[0].files[0].rows.length
 */
export function groupByAuthority(england: Sen2England): AuthorityRows[] {
	const perFile = england.files.map((f) => {
		const n = f.header.indexOf('new_la_code');
		const o = f.header.indexOf('old_la_code');
		const byNew = new Map<string, number[]>();
		const byOld = new Map<string, number[]>();
		f.rows.forEach((r, i) => {
			const nc = (r.cells[n] ?? '').trim().toUpperCase();
			const oc = (r.cells[o] ?? '').trim();
			if (nc) (byNew.get(nc) ?? byNew.set(nc, []).get(nc)!).push(i);
			if (oc) (byOld.get(oc) ?? byOld.set(oc, []).get(oc)!).push(i);
		});
		return { byNew, byOld };
	});
	return england.authorities.map((authority) => ({
		authority,
		files: england.files.map((f, k) => {
			const { byNew, byOld } = perFile[k];
			const at = new Set([
				...(authority.newCode ? (byNew.get(authority.newCode.toUpperCase()) ?? []) : []),
				...(authority.formerCodes ?? []).flatMap((c) => byNew.get(c) ?? []),
				...(authority.oldCode ? (byOld.get(authority.oldCode) ?? []) : [])
			]);
			const rows = [...at].sort((a, b) => a - b).map((i) => f.rows[i]);
			return { ...f, rows, localAuthorityRows: f.localAuthorityRows };
		})
	}));
}

/** The census or calendar year of a row, or null when its time_period cannot be read. */
function rowYear(file: Sen2FileRows, cells: string[], periodColumn: number): number | null {
	try {
		return sen2Year(cells[periodColumn] ?? '', file.spec.period, file.name, 0);
	} catch {
		return null;
	}
}

/**
 * The rows known at the January census `origin`: census rows of censuses up to the origin, flow
 * rows of calendar years before it. A row whose time_period cannot be read is kept, so that the
 * import reports it as it would for the whole file.
 * @example cutAtOrigin(rows.files, 2018) // no caseload after January 2018, no flows of 2018 on
 */
export function cutAtOrigin(files: readonly Sen2FileRows[], origin: number): Sen2FileRows[] {
	return files.map((f) => {
		const p = f.header.indexOf('time_period');
		const keep = (y: number | null) =>
			y === null || (f.spec.period === 'census' ? y <= origin : y < origin);
		return { ...f, rows: f.rows.filter((r) => keep(rowYear(f, r.cells, p))) };
	});
}

/**
 * The January censuses of the files (years of any caseload file), oldest first.
 * @example censusYears(readSen2England(files)) // [2010, …, 2021]
 */
export function censusYears(england: Pick<Sen2England, 'files'>): number[] {
	const years = new Set<number>();
	for (const f of england.files) {
		if (f.spec.period !== 'census') continue;
		const p = f.header.indexOf('time_period');
		for (const r of f.rows) {
			const y = rowYear(f, r.cells, p);
			if (y !== null) years.add(y);
		}
	}
	return [...years].sort((a, b) => a - b);
}

/**
 * The latest January census in the files (the latest year of any caseload file), or null.
 * @example latestCensus(readSen2England(files)) // 2021
 */
export function latestCensus(england: Pick<Sen2England, 'files'>): number | null {
	const years = censusYears(england);
	return years.length > 0 ? years[years.length - 1] : null;
}

/** Caseload file kinds: the only ones `caseloadTotal` is read from. */
const CASELOAD_KINDS: readonly Sen2FileKind[] = ['age_caseload', 'estab_caseload', 'caseload'];

/**
 * An authority's census totals after the origin (`caseloadTotal`, as the import reads it), from
 * its caseload rows of those censuses only. Empty when the files hold none.
 */
function actualTotals(rows: AuthorityRows, origin: number): YearCount[] {
	const later = rows.files
		.filter((f) => CASELOAD_KINDS.includes(f.spec.kind))
		.map((f) => {
			const p = f.header.indexOf('time_period');
			return { ...f, rows: f.rows.filter((r) => (rowYear(f, r.cells, p) ?? -Infinity) > origin) };
		})
		.filter((f) => f.rows.length > 0);
	if (later.length === 0) return [];
	return buildSen2Import(later, rows.authority, DEFAULT_SEN2_MAPPING).history.caseloadTotal ?? [];
}

/** One authority built at an origin. */
export interface EnglandDataset {
	ok: true;
	authority: Authority;
	/** The import of its rows cut at the origin. */
	import: Sen2ImportResult;
	/** The wizard's dataset from that import, base census = the origin. */
	dataset: Dataset;
	/** Its default scenarios (`Financial plan`, `Baseline (trend)`). */
	scenarios: Scenario[];
	/** Census totals after the origin that the files hold (held out), oldest first. */
	actual: { year: number; count: number }[];
	/** Problems reading the actual totals (the forecast is still made). */
	notes: string[];
}

/** An authority that cannot be built at the origin, and why. */
export interface EnglandFailure {
	ok: false;
	authority: Authority;
	reason: string;
	/** Census totals after the origin that the files hold, as for a built authority. */
	actual: { year: number; count: number }[];
	notes: string[];
}

export type EnglandEntry = EnglandDataset | EnglandFailure;

export interface EnglandOptions {
	/** January census to forecast from; default the latest in the files. */
	origin?: number;
	/** Years ahead forecast; default 4 (the dataset projects at least the wizard's 5). */
	horizon?: number;
}

/**
 * Builds one authority's dataset from its rows cut at the origin, as the Data page's import and
 * the wizard's defaults would (base census = origin). Returns a failure naming why when its rows
 * cannot start a projection from January `origin`.
 * @example buildAuthorityAtOrigin(groupByAuthority(england)[0], 2018)
 */
export function buildAuthorityAtOrigin(
	rows: AuthorityRows,
	origin: number,
	horizon = DEFAULT_ENGLAND_HORIZON
): EnglandEntry {
	const authority = rows.authority;
	const notes: string[] = [];
	let actual: { year: number; count: number }[] = [];
	try {
		actual = actualTotals(rows, origin).map((r) => ({ year: r.year, count: r.count.value }));
	} catch (e) {
		notes.push(`actual totals after January ${origin} not read: ${(e as Error).message}`);
	}
	let imported: Sen2ImportResult;
	let dataset: Dataset;
	const cut = cutAtOrigin(rows.files, origin);
	if (cut.every((f) => f.rows.length === 0)) {
		const reason = `no rows in the files up to January ${origin} (its first figures are later)`;
		return { ok: false, authority, reason, actual, notes };
	}
	try {
		imported = buildSen2Import(cut, authority, DEFAULT_SEN2_MAPPING);
		dataset = sen2DatasetWithDefaults(imported, {
			baseCensus: origin,
			horizonYears: Math.max(horizon, DEFAULT_HORIZON_YEARS)
		});
	} catch (e) {
		return { ok: false, authority, reason: (e as Error).message, actual, notes };
	}
	return {
		ok: true,
		authority,
		import: imported,
		dataset,
		scenarios: newDatasetScenarios(dataset),
		actual,
		notes
	};
}

/** Every authority of the files at one origin. */
export interface EnglandDatasets {
	origin: number;
	horizon: number;
	/** One entry per authority of the files, sorted by name. */
	entries: EnglandEntry[];
}

/**
 * Every local authority's dataset at January `origin` (default: the latest census in the files)
 * from SEN2 file texts — or from files already read with `readSen2England`, to build several
 * origins from one parse. Each dataset is the one the Data page's SEN2 import and the new dataset
 * wizard (with its defaults) build from the files cut at the origin; `actual` holds the census
 * totals after the origin for scoring. Authorities that cannot be built are failures with the
 * reason, never thrown. Throws an ImportError only when the files themselves are unusable.
 * @example
 * const { entries } = buildEnglandDatasets(files, { origin: 2018 });
 * entries.filter((e) => e.ok).length // ≈ 150
 */
export function buildEnglandDatasets(
	files: readonly Sen2TextFile[] | Sen2England,
	options: EnglandOptions = {}
): EnglandDatasets {
	const england = Array.isArray(files)
		? readSen2England(files as readonly Sen2TextFile[])
		: (files as Sen2England);
	const origin = options.origin ?? latestCensus(england);
	if (origin === null) {
		throw new ImportError(
			england.files.map((f) => f.name).join(', '),
			null,
			'time_period',
			'a January census in a caseload file (sen2_age_caseload.csv, sen2_estab_caseload.csv or caseload.csv)',
			'none'
		);
	}
	const horizon = options.horizon ?? DEFAULT_ENGLAND_HORIZON;
	return {
		origin,
		horizon,
		entries: groupByAuthority(england).map((rows) => buildAuthorityAtOrigin(rows, origin, horizon))
	};
}
