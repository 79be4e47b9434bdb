/**
 * Ours against Mastodon C's: one witan.send output table (Output_Count.csv, Output_Cost.csv, or
 * one key of Output_AY/Need/Setting.csv) from our simulations beside the same table from
 * witan.send, year by year — medians, 95pc bounds, and the difference of the medians.
 *
 * Years are January censuses. Ours are labelled by the census that ends each step (decision
 * 0008). If their file labels each step by the census it starts from, their year Y is our Y + 1:
 * `shift: 1` moves their rows on by one year before they are matched.
 */
import type { WitanStatisticsRow } from './outputs';

/** A median with its 95pc bounds (2.5th and 97.5th percentiles), in children or £. */
export interface WitanBand {
	median: number;
	low: number;
	high: number;
}

export interface WitanComparisonRow {
	/** The census, in our convention (the census that ends each step). */
	year: number;
	/** The year as written in their file (`year − shift`), or null when they have no row for it. */
	theirYear: number | null;
	ours: WitanBand | null;
	theirs: WitanBand | null;
	/** Our median minus theirs, or null when either is missing. */
	difference: number | null;
	/** The difference as a fraction of their median; null when either is missing or theirs is 0. */
	relative: number | null;
}

export interface WitanComparisonOptions {
	/** The key of a keyed table (an NCY, a need or a setting code); null or absent for Count and Cost. */
	key?: string | number | null;
	/** Years to add to their labels before matching: 0 (same convention) or 1 (theirs are step starts). */
	shift?: number;
}

const band = (row: WitanStatisticsRow): WitanBand => ({
	median: row.stats.median,
	low: row.stats['low-95pc-bound'],
	high: row.stats['high-95pc-bound']
});

/**
 * Matches our rows and theirs by year (theirs shifted by `shift`) for one key, every year of
 * either side once, ascending; a year one side lacks has null on that side.
 * @example
 * compareWitanRows(ours.count, theirs.count, { shift: 1 })
 *   .map((r) => [r.year, r.ours?.median, r.theirs?.median, r.relative]);
 * // [[2017, 2153, null, null], [2018, 2246, 2240, 0.0027], …]
 */
export function compareWitanRows(
	ours: readonly WitanStatisticsRow[],
	theirs: readonly WitanStatisticsRow[],
	options: WitanComparisonOptions = {}
): WitanComparisonRow[] {
	const shift = options.shift ?? 0;
	if (!Number.isInteger(shift)) {
		throw new Error(`compareWitanRows: shift must be a whole number of years, got ${shift}`);
	}
	const key = options.key ?? null;
	const byYear = (rows: readonly WitanStatisticsRow[], add: number, side: string) => {
		const out = new Map<number, WitanStatisticsRow>();
		for (const row of rows) {
			if (row.key !== key) continue;
			const year = row.calendarYear + add;
			if (out.has(year)) {
				throw new Error(
					`compareWitanRows: ${side} have two rows for ${row.calendarYear}${key === null ? '' : ` and ${key}`}`
				);
			}
			out.set(year, row);
		}
		return out;
	};
	const a = byYear(ours, 0, 'ours');
	const b = byYear(theirs, shift, 'theirs');
	const years = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
	return years.map((year) => {
		const o = a.get(year);
		const t = b.get(year);
		const difference = o && t ? o.stats.median - t.stats.median : null;
		return {
			year,
			theirYear: t ? t.calendarYear : null,
			ours: o ? band(o) : null,
			theirs: t ? band(t) : null,
			difference,
			relative: difference !== null && t!.stats.median !== 0 ? difference / t!.stats.median : null
		};
	});
}

/**
 * The keys of a keyed table in order of first appearance (NCYs ascending when the file is);
 * empty for Count and Cost.
 * @example witanKeys(outputs.setting) // ['A', 'B', …]
 */
export function witanKeys(rows: readonly WitanStatisticsRow[]): (string | number)[] {
	const seen = new Set<string | number>();
	for (const row of rows) if (row.key !== null) seen.add(row.key);
	return [...seen];
}
