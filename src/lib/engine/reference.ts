/**
 * The England reference an authority is pooled with (docs/model.md §2 "Pooling with England",
 * decision 0019): England's January caseload and calendar-year new plans by age band, and every
 * authority's January totals and new plans, from the DfE SEN2 statistics. It ships with the app
 * (src/lib/data/sen2-reference.json, made by scripts/sen2-reference.ts from the public files).
 *
 * Estimation only ever reads the years up to the census it projects from (and flows before it),
 * so a back-test or a rolling-origin evaluation never sees the future through the reference.
 */
import type { AgeBandId } from '../model/categories';
import { AGE_BAND_IDS } from '../model/categories';

/** One authority's series in the reference, indexed by year − firstYear (null: not published). */
export interface ReferenceAuthority {
	name: string;
	/** DfE three-digit code ("314"). */
	laCode: string;
	/** ONS code ("E09000021"). */
	code: string;
	/** January census totals (statements and EHC plans). */
	caseload: (number | null)[];
	/** New plans made in the calendar year. */
	newPlans: (number | null)[];
}

/** The reference file's content. */
export interface Sen2Reference {
	format: 'send-workbench/sen2-reference';
	version: 1;
	/** Where the figures come from, with the licence. */
	source: string;
	/** The files read. */
	files: string[];
	/** Age bands of the `england` rows, in order. */
	bands: AgeBandId[];
	/** Year of index 0 of every series. */
	firstYear: number;
	/** Latest January census in the files. */
	lastCensus: number;
	/** Latest calendar year of new plans in the files. */
	lastFlowYear: number;
	england: {
		/** January caseload by band, per year (null: not published). */
		caseload: (number[] | null)[];
		/** New plans by band, per calendar year. */
		newPlans: (number[] | null)[];
	};
	authorities: ReferenceAuthority[];
}

/** A year's value of a reference series, NaN when missing or outside it. */
export function seriesValue(
	ref: Sen2Reference,
	series: readonly (number | null)[],
	year: number
): number {
	const v = series[year - ref.firstYear];
	return v === null || v === undefined ? NaN : v;
}

/** England's values by band in a year (a Map band → count), or null when not published. */
export function englandByBand(
	ref: Sen2Reference,
	which: 'caseload' | 'newPlans',
	year: number
): Map<AgeBandId, number> | null {
	const row = ref.england[which][year - ref.firstYear];
	if (!row) return null;
	return new Map(ref.bands.map((b, i) => [b, row[i]]));
}

/**
 * Checks a reference's shape (a file from elsewhere, or a hand-edited one) and throws an Error
 * naming what is wrong.
 * @example checkReference(JSON.parse(text)) // the same object, typed
 */
export function checkReference(input: unknown): Sen2Reference {
	const fail = (what: string): never => {
		throw new Error(`checkReference: the SEN2 reference ${what}`);
	};
	if (typeof input !== 'object' || input === null) fail('is not an object');
	const r = input as Sen2Reference;
	if (r.format !== 'send-workbench/sen2-reference') fail('has the wrong "format"');
	if (r.version !== 1) fail(`has version ${String(r.version)}; this version reads version 1`);
	if (!Array.isArray(r.bands) || r.bands.some((b) => !AGE_BAND_IDS.includes(b)))
		fail('has unknown age bands');
	if (!Number.isInteger(r.firstYear) || !Number.isInteger(r.lastCensus)) fail('has no years');
	const width = r.bands.length;
	const okRow = (row: unknown) =>
		row === null ||
		(Array.isArray(row) &&
			row.length === width &&
			row.every((x) => typeof x === 'number' && x >= 0 && Number.isFinite(x)));
	if (!r.england?.caseload?.every(okRow) || !r.england?.newPlans?.every(okRow))
		fail('has a malformed England row');
	const okSeries = (s: unknown) =>
		Array.isArray(s) &&
		s.every((x) => x === null || (typeof x === 'number' && x >= 0 && Number.isFinite(x)));
	r.authorities?.forEach((a, i) => {
		if (typeof a.name !== 'string' || !okSeries(a.caseload) || !okSeries(a.newPlans))
			fail(`has a malformed authority (#${i + 1})`);
	});
	if (!Array.isArray(r.authorities) || r.authorities.length < 3) fail('has too few authorities');
	return r;
}
