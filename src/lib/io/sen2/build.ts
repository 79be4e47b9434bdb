/**
 * Turns one authority's SEN2 rows into the DemandHistory series of the dataset (docs/model.md §2
 * "From aggregates"), each count a Figure with provenance `{ kind: 'sen2', ref: '<file>,
 * <time_period>, <column>' }` (with the row's label or the summed placements in brackets).
 *
 * Decisions (why, for the record):
 * - Caseload and new plans are statements and EHC plans together (`Total_all`, `Total_new_all`),
 *   as DfE's headline series and the seed's SEN2 history are: a statement was a statutory plan
 *   until the 2018 transfer deadline, and the 2015–2018 caseload would otherwise fall to near 0.
 * - Moves between mainstream and special are `MtosiEHC` / `SitomEHC`: the children with EHC plans
 *   who moved in the year. `Mtosi` / `Sitom` are the same moves for children with statements
 *   (z from 2019); the seed's history (2017: 27 and 13) is the EHC columns.
 * - Requests are `InreqEHC` (initial requests for an EHC needs assessment), refusals
 *   `AssRefusedEHC` (assessments refused).
 * - `ceasedPlans` comes only from the 2023+ `ceased_plans.csv` (`total_ceased`). The 2022
 *   release's discontinued plans (`DisleaEHC`, `DismetEHC`, `DisothEHC`, `DisleftEHC`) leave
 *   out plans ending at age 25 and transfers, so they are returned apart, as
 *   `discontinuedPlans`, for reference — a leaver rate fitted to them would be far too low.
 * - When two files give one figure, the 2023+ release wins over the 2022 one, and the age table
 *   over the establishment table (see `Sen2FileSpec.rank`); a disagreement is a warning.
 * - A figure published as `x`/`z` is left out (no Figure, never 0) and reported as a warning. A
 *   placement category with some parts unavailable sums the parts that are published.
 */
import type { AgeBandId, DsgCategoryId } from '../../model/categories';
import { AGE_BAND_IDS, DSG_CATEGORY_IDS } from '../../model/categories';
import type { BandCount, DemandHistory, SettingCount, YearCount } from '../../model/dataset';
import { sen2, type Figure } from '../../model/provenance';
import { ImportError, type ImportWarning } from '../csv/errors';
import { describeMissing, readCount, type StatValue } from '../csv/numbers';
import type { CsvRecord } from '../csv/parse';
import { describeAuthority, rowIsAuthority, type Authority } from './authorities';
import { sen2AgeBand } from './bands';
import { SEN2_DESCRIPTIVE_COLUMNS, type Sen2FileKind, type Sen2FileSpec } from './kinds';
import {
	SEN2_SPLIT_PLACEMENTS,
	categoryOf,
	isSubtotalColumn,
	mappingKey,
	type Sen2Mapping,
	type Sen2MappingSource
} from './mapping';
import { plausibleYears, systemClock, type Clock } from '../../model/validate-bounds';
import { sen2Year } from './periods';

/** The rows of one file kept for the chosen authority (or candidates for it). */
export interface Sen2FileRows {
	name: string;
	spec: Sen2FileSpec;
	header: string[];
	rows: CsvRecord[];
	/** Rows about any local authority, for the summary. */
	localAuthorityRows: number;
}

/** A count by calendar year and reason (discontinued or ceased plans). */
export interface ReasonCount extends YearCount {
	reason: string;
}

/** Reasons of `sen2_mi.csv`'s discontinued plans (2022 release), by column. */
export const DISCONTINUED_REASONS: Readonly<Record<string, string>> = {
	DisleaEHC: 'moved_la',
	DismetEHC: 'needs_met',
	DisothEHC: 'other',
	DisleftEHC: 'left_education'
};

export interface Sen2ImportResult {
	authority: Authority;
	/** The files read, what each is, and how many of its rows were the authority's. */
	files: { name: string; kind: Sen2FileKind; label: string; rows: number }[];
	/** The DemandHistory series the files provide (a series with no figure is left out). */
	history: Partial<DemandHistory>;
	/** New plans of all ages by calendar year (DemandHistory has them only by band and setting). */
	newPlansTotal: YearCount[];
	/** 2022 release: plans discontinued, by reason (not all ceasing; see the module notes). */
	discontinuedPlans: ReasonCount[];
	/** 2023+ release: ceased plans by reason (the `ceased_plans.csv` reason columns). */
	ceasedByReason: ReasonCount[];
	warnings: ImportWarning[];
}

type SeriesName = keyof DemandHistory | 'newPlansTotal' | 'discontinuedPlans' | 'ceasedByReason';

const SERIES_LABELS: Record<SeriesName, string> = {
	caseloadTotal: 'EHC plans (total)',
	caseloadByAgeBand: 'EHC plans by age band',
	caseloadBySetting: 'EHC plans by placement category',
	newPlansByAgeBand: 'new EHC plans by age band',
	newPlansBySetting: 'new EHC plans by placement category',
	newPlansTotal: 'new EHC plans (total)',
	ceasedPlans: 'ceased EHC plans',
	movesMainstreamToSpecial: 'moves from mainstream to special',
	movesSpecialToMainstream: 'moves from special to mainstream',
	requests: 'requests for assessment',
	refusals: 'assessments refused',
	discontinuedPlans: 'discontinued plans',
	ceasedByReason: 'ceased plans by reason'
};

/** `sen2_mi.csv` columns read, and the series each goes to. */
const MI_SERIES: readonly { column: string; series: SeriesName }[] = [
	{ column: 'InreqEHC', series: 'requests' },
	{ column: 'AssRefusedEHC', series: 'refusals' },
	{ column: 'MtosiEHC', series: 'movesMainstreamToSpecial' },
	{ column: 'SitomEHC', series: 'movesSpecialToMainstream' }
];

/**
 * Builds the import result for one authority from the rows kept of each file. Throws an
 * ImportError at the first bad cell or conflicting duplicate row; nothing is returned then.
 * `clock` gives the current year, which bounds the years a time_period may name (+ 10).
 * @example buildSen2Import(collected, kingston, DEFAULT_SEN2_MAPPING).history.caseloadTotal
 */
export function buildSen2Import(
	files: readonly Sen2FileRows[],
	authority: Authority,
	mapping: Sen2Mapping,
	warnings: ImportWarning[] = [],
	clock: Clock = systemClock
): Sen2ImportResult {
	const out = new Builder(authority, mapping, warnings, plausibleYears(clock));
	const summary: Sen2ImportResult['files'] = [];
	for (const file of files) {
		const rows = file.rows.filter((r) =>
			rowIsAuthority(authority, cellOf(file, r, 'new_la_code'), cellOf(file, r, 'old_la_code'))
		);
		summary.push({
			name: file.name,
			kind: file.spec.kind,
			label: file.spec.label,
			rows: rows.length
		});
		if (rows.length === 0) {
			out.warn(file.name, null, null, `no rows for ${describeAuthority(authority)}`);
			continue;
		}
		out.readFile(file, rows);
	}
	if (summary.every((f) => f.rows === 0)) {
		throw new ImportError(
			files.map((f) => f.name).join(', ') || 'the SEN2 files',
			null,
			'la_name',
			`rows for ${describeAuthority(authority)}`,
			'none'
		);
	}
	return out.result(summary);
}

/** Where a figure was read: the file, its line, the year and the time_period as written. */
interface At {
	file: Sen2FileRows;
	row: number;
	year: number;
	period: string;
}

interface Stored {
	series: SeriesName;
	key: string | null;
	value: number;
	ref: string;
	at: At;
}

interface Placement {
	name: string;
	value: StatValue;
}

interface Tally {
	file: string;
	column: string | null;
	row: number | null;
	periods: string[];
	text: string;
}

class Builder {
	private readonly series = new Map<string, Stored>();
	/** Figures two files disagree on, by series and pair of files. */
	private readonly conflicts = new Map<
		string,
		{ loser: string; winner: string; series: SeriesName; items: string[] }
	>();
	/** Warnings that repeat over years, gathered into one each. */
	private readonly tallies = new Map<string, Tally>();

	constructor(
		private readonly authority: Authority,
		private readonly mapping: Sen2Mapping,
		private readonly warnings: ImportWarning[],
		/** The years a time_period may name (from 2000 to the current year + 10). */
		private readonly years: { first: number; last: number }
	) {}

	warn(file: string, row: number | null, column: string | null, message: string, count = 1): void {
		this.warnings.push({ file, row, column, message, count });
	}

	readFile(file: Sen2FileRows, rows: CsvRecord[]): void {
		switch (file.spec.kind) {
			case 'age_caseload':
			case 'age_new_plans':
				return this.readAgeTable(file, rows);
			case 'estab_caseload':
				return this.readEstablishments(file, rows);
			case 'mi':
				return this.readMi(file, rows);
			case 'caseload':
			case 'newplans':
			case 'ceased_plans':
				return this.readPersonLevel(file, rows);
		}
	}

	/** 2022 release, by age: one row per year and `characteristic_age`. */
	private readAgeTable(file: Sen2FileRows, rows: CsvRecord[]): void {
		const caseload = file.spec.kind === 'age_caseload';
		const column = caseload ? 'Total_all' : 'Total_new_all';
		const years = new Map<number, { at: At; total: number | null; bands: number; gap: boolean }>();
		const unknown = new Set<string>();
		for (const r of rows) {
			const at = this.at(file, r);
			const label = cellOf(file, r, 'characteristic_age').trim();
			const band = sen2AgeBand(label);
			if (band === null) {
				unknown.add(label);
				continue;
			}
			const y = years.get(at.year) ?? { at, total: null, bands: 0, gap: false };
			years.set(at.year, y);
			const v = readCell(at, r, column);
			if (v.value === null) {
				this.noteMissing(at, column, v, 'no figure', label);
				y.gap = true;
			} else if (band === 'total') {
				this.put(
					caseload ? 'caseloadTotal' : 'newPlansTotal',
					null,
					v.value,
					refOf(at, column, label),
					at
				);
				y.total = v.value;
			} else {
				this.put(
					caseload ? 'caseloadByAgeBand' : 'newPlansByAgeBand',
					band,
					v.value,
					refOf(at, column, label),
					at
				);
				y.bands += v.value;
			}
		}
		for (const label of unknown) {
			this.warn(
				file.name,
				null,
				'characteristic_age',
				`${JSON.stringify(label)} is not an age band: its rows are not read`
			);
		}
		for (const y of years.values()) {
			if (y.total !== null && !y.gap && y.bands !== y.total) {
				this.warn(
					file.name,
					y.at.row,
					column,
					`the age bands of ${y.at.period} add up to ${fmt(y.bands)}, the total is ${fmt(y.total)}`
				);
			}
		}
	}

	/** 2022 release, by establishment type: detail rows summed into placement categories. */
	private readEstablishments(file: Sen2FileRows, rows: CsvRecord[]): void {
		const column = 'Total_all';
		const years = new Map<
			number,
			{ at: At; total: number | null; types: Map<string, Placement & { row: number }> }
		>();
		for (const r of rows) {
			const at = this.at(file, r);
			const type = cellOf(file, r, 'establishment_type').trim();
			const group = cellOf(file, r, 'establishment_group').trim();
			const v = readCell(at, r, column);
			const y = years.get(at.year) ?? { at, total: null, types: new Map() };
			years.set(at.year, y);
			if (mappingKey(type) === 'total') {
				if (mappingKey(group) !== 'total') continue; // a group subtotal: its types are read
				if (v.value === null) {
					this.noteMissing(at, column, v, 'no figure', 'Total');
				} else {
					this.put('caseloadTotal', null, v.value, refOf(at, column, 'Total'), at);
					y.total = v.value;
				}
				continue;
			}
			const first = y.types.get(mappingKey(type));
			if (first && !sameValue(first.value, v)) {
				throw duplicateRow(at, column, `${at.period} and "${type}"`, first.row);
			}
			y.types.set(mappingKey(type), { name: type, value: v, row: r.line });
		}
		for (const y of years.values()) {
			this.placeInCategories(
				y.at,
				'establishmentTypes',
				column,
				[...y.types.values()],
				y.total,
				'caseloadBySetting'
			);
		}
	}

	/** 2022 release, management information: requests, refusals, moves, discontinued plans. */
	private readMi(file: Sen2FileRows, rows: CsvRecord[]): void {
		const reasons = Object.keys(DISCONTINUED_REASONS).filter((c) => file.header.includes(c));
		for (const r of rows) {
			const at = this.at(file, r);
			for (const { column, series } of MI_SERIES) {
				const v = readCell(at, r, column);
				if (v.value === null) this.noteMissing(at, column, v, 'no figure');
				else this.put(series, null, v.value, refOf(at, column), at);
			}
			for (const column of reasons) {
				const v = readCell(at, r, column);
				if (v.value === null) this.noteMissing(at, column, v, 'no figure');
				else
					this.put(
						'discontinuedPlans',
						DISCONTINUED_REASONS[column],
						v.value,
						refOf(at, column),
						at
					);
			}
		}
	}

	/**
	 * 2023+ release: per year a total row (breakdown_topic = breakdown, e.g. "All EHC plans") with
	 * the placement (or ceasing reason) columns, and breakdown rows, of which age is read.
	 */
	private readPersonLevel(file: Sen2FileRows, rows: CsvRecord[]): void {
		const kind = file.spec.kind;
		const totalColumn =
			kind === 'caseload' ? 'ehcplans' : kind === 'newplans' ? 'new_ehc_plans' : 'total_ceased';
		const totalSeries: SeriesName =
			kind === 'caseload' ? 'caseloadTotal' : kind === 'newplans' ? 'newPlansTotal' : 'ceasedPlans';
		const bandSeries: SeriesName | null =
			kind === 'caseload' ? 'caseloadByAgeBand' : kind === 'newplans' ? 'newPlansByAgeBand' : null;
		const others = file.header.filter(
			(c) => !SEN2_DESCRIPTIVE_COLUMNS.includes(c) && c !== totalColumn && !isSubtotalColumn(c)
		);
		const unknownAges = new Set<string>();
		for (const r of rows) {
			const at = this.at(file, r);
			const topic = cellOf(file, r, 'breakdown_topic').trim();
			const breakdown = cellOf(file, r, 'breakdown').trim();
			const isTotal = mappingKey(topic) === mappingKey(breakdown) || mappingKey(topic) === 'total';
			if (!isTotal && !/\bage\b/i.test(topic)) continue; // need, sex, …: not part of the history
			const v = readCell(at, r, totalColumn);
			if (!isTotal) {
				const band = sen2AgeBand(breakdown);
				if (band === null) unknownAges.add(breakdown);
				else if (v.value === null) this.noteMissing(at, totalColumn, v, 'no figure', breakdown);
				else if (band === 'total')
					this.put(totalSeries, null, v.value, refOf(at, totalColumn, breakdown), at);
				else if (bandSeries)
					this.put(bandSeries, band, v.value, refOf(at, totalColumn, breakdown), at);
				continue;
			}
			if (v.value === null) this.noteMissing(at, totalColumn, v, 'no figure');
			else this.put(totalSeries, null, v.value, refOf(at, totalColumn), at);
			const cells = others.map((c) => ({ name: c, value: readCell(at, r, c) }));
			if (kind === 'ceased_plans') {
				for (const c of cells) {
					if (c.value.value === null) this.noteMissing(at, c.name, c.value, 'no figure');
					else this.put('ceasedByReason', c.name, c.value.value, refOf(at, c.name), at);
				}
			} else {
				const series = kind === 'caseload' ? 'caseloadBySetting' : 'newPlansBySetting';
				this.placeInCategories(at, 'placementColumns', null, cells, v.value, series);
			}
		}
		for (const label of unknownAges) {
			this.warn(
				file.name,
				null,
				'breakdown',
				`${JSON.stringify(label)} is not an age band: its rows are not read`
			);
		}
	}

	/**
	 * Sums one year's placements into the seven categories through the mapping: a split placement
	 * counts once, unmapped and unavailable ones are left out and reported. `column` is the count
	 * column of a by-row table (2022), null when each placement is its own column (2023+).
	 */
	private placeInCategories(
		at: At,
		source: Sen2MappingSource,
		column: string | null,
		placements: Placement[],
		total: number | null,
		series: 'caseloadBySetting' | 'newPlansBySetting'
	): void {
		const sums = new Map<DsgCategoryId, { value: number; names: string[] }>();
		const unavailable = new Set<DsgCategoryId>();
		for (const p of resolveSplits(placements, SEN2_SPLIT_PLACEMENTS[source])) {
			const category = categoryOf(this.mapping, source, p.name);
			const subject = column === null ? undefined : p.name;
			if (category === undefined) {
				const what = source === 'establishmentTypes' ? 'establishment type' : 'column';
				this.tally(
					at,
					column ?? p.name,
					`${what} ${JSON.stringify(p.name)} is not in the SEN2 mapping: not counted in any placement category in {periods} (map it to count it)`
				);
			} else if (p.value.value === null) {
				this.noteMissing(at, column ?? p.name, p.value, `left out of the ${category} sum`, subject);
				unavailable.add(category);
			} else {
				const s = sums.get(category) ?? { value: 0, names: [] };
				s.value += p.value.value;
				s.names.push(p.name);
				sums.set(category, s);
			}
		}
		let placed = 0;
		for (const category of DSG_CATEGORY_IDS) {
			const s = sums.get(category);
			if (s) {
				placed += s.value;
				const ref =
					column === null ? refOf(at, s.names.join(' + ')) : refOf(at, column, s.names.join(' + '));
				this.put(series, category, s.value, ref, at);
			} else if (unavailable.has(category)) {
				this.tally(
					at,
					column,
					`no ${category} figure in {periods}: every placement in it is unavailable`
				);
			}
		}
		if (total !== null && sums.size > 0 && placed !== total) {
			this.warn(
				at.file.name,
				at.row,
				column,
				`the placement categories of ${at.period} add up to ${fmt(placed)}, the total is ${fmt(total)}`
			);
		}
	}

	/** Notes a published gap (`x`, `z`, blank); one warning per file, column and kind of gap. */
	private noteMissing(
		at: At,
		column: string,
		v: StatValue,
		consequence: string,
		subject?: string
	): void {
		const lead = subject === undefined ? '' : `${JSON.stringify(subject)} `;
		this.tally(at, column, `${lead}${describeMissing(v)} in {periods}: ${consequence}`);
	}

	/** Gathers a warning that repeats over years; `{periods}` in the text lists them. */
	private tally(at: At, column: string | null, text: string): void {
		const key = `${at.file.name}|${column}|${text}`;
		const t = this.tallies.get(key) ?? {
			file: at.file.name,
			column,
			row: at.row,
			periods: [],
			text
		};
		if (!t.periods.includes(at.period)) t.periods.push(at.period);
		this.tallies.set(key, t);
	}

	private at(file: Sen2FileRows, r: CsvRecord): At {
		const period = cellOf(file, r, 'time_period').trim();
		return {
			file,
			row: r.line,
			year: sen2Year(period, file.spec.period, file.name, r.line, this.years),
			period
		};
	}

	/**
	 * Records a figure. The same figure twice in one file must agree (else the rows are
	 * ambiguous: an error); from two files, the higher-ranked file's wins and a difference is noted.
	 */
	private put(series: SeriesName, key: string | null, value: number, ref: string, at: At): void {
		const id = `${series}|${at.year}|${key ?? ''}`;
		const known = this.series.get(id);
		const entry: Stored = { series, key, value, ref, at };
		if (!known) {
			this.series.set(id, entry);
			return;
		}
		if (known.at.file === at.file) {
			if (known.value === value) return;
			throw duplicateRow(
				at,
				null,
				`${at.period}${key === null ? '' : ` and ${key}`}`,
				known.at.row
			);
		}
		const [winner, loser] =
			at.file.spec.rank > known.at.file.spec.rank ? [entry, known] : [known, entry];
		this.series.set(id, winner);
		if (winner.value !== loser.value) {
			const cid = `${series}|${winner.at.file.name}|${loser.at.file.name}`;
			const c = this.conflicts.get(cid) ?? {
				loser: loser.at.file.name,
				winner: winner.at.file.name,
				series,
				items: []
			};
			c.items.push(
				`${loser.at.period}${key === null ? '' : ` ${key}`} (${fmt(loser.value)} here, ${fmt(winner.value)} in ${winner.at.file.name})`
			);
			this.conflicts.set(cid, c);
		}
	}

	/**
	 * Warns, naming the years, when the January censuses read are not consecutive: a census far
	 * from the others (a mistyped time_period, files of two eras mixed) would otherwise become the
	 * base census silently, projected from flows of years long before it.
	 */
	private warnCensusGaps(): void {
		const CENSUS: readonly SeriesName[] = [
			'caseloadTotal',
			'caseloadByAgeBand',
			'caseloadBySetting'
		];
		// Where each census was read: its total's first row, else its first by band or setting.
		const first = new Map<number, { rank: number; at: At }>();
		for (const e of this.series.values()) {
			const rank = CENSUS.indexOf(e.series);
			if (rank < 0) continue;
			const seen = first.get(e.at.year);
			const better =
				!seen ||
				rank < seen.rank ||
				(rank === seen.rank && e.at.file === seen.at.file && e.at.row < seen.at.row);
			if (better) first.set(e.at.year, { rank, at: e.at });
		}
		const years = [...first.keys()].sort((a, b) => a - b);
		for (let i = 1; i < years.length; i++) {
			const [before, after] = [years[i - 1], years[i]];
			if (after - before <= 1) continue;
			const missing = after - before === 2 ? `${before + 1}` : `${before + 1}–${after - 1}`;
			const { at } = first.get(after)!;
			this.warn(
				at.file.name,
				at.row,
				'time_period',
				`the January censuses jump from ${before} to ${after}: no caseload for ${missing}` +
					(i === years.length - 1
						? `; ${after}, the latest, is the base census the wizard proposes: check its time_period`
						: '')
			);
		}
	}

	result(files: Sen2ImportResult['files']): Sen2ImportResult {
		for (const c of this.conflicts.values()) {
			this.warn(
				c.loser,
				null,
				null,
				`${SERIES_LABELS[c.series]} differ for ${c.items.join(', ')}: the figures of ${c.winner} are used`,
				c.items.length
			);
		}
		for (const t of this.tallies.values()) {
			const periods = [...t.periods].sort();
			this.warn(
				t.file,
				t.row,
				t.column,
				t.text.replace('{periods}', periods.join(', ')),
				periods.length
			);
		}
		this.warnCensusGaps();
		const pick = (s: SeriesName) => [...this.series.values()].filter((e) => e.series === s);
		const figure = (e: Stored): Figure => sen2(e.value, e.ref);
		const years = (s: SeriesName): YearCount[] =>
			pick(s)
				.map((e) => ({ year: e.at.year, count: figure(e) }))
				.sort((a, b) => a.year - b.year);
		const bands = (s: SeriesName): BandCount[] =>
			pick(s)
				.map((e) => ({ year: e.at.year, band: e.key as AgeBandId, count: figure(e) }))
				.sort(
					(a, b) => a.year - b.year || AGE_BAND_IDS.indexOf(a.band) - AGE_BAND_IDS.indexOf(b.band)
				);
		const settings = (s: SeriesName): SettingCount[] =>
			pick(s)
				.map((e) => ({ year: e.at.year, setting: e.key as DsgCategoryId, count: figure(e) }))
				.sort(
					(a, b) =>
						a.year - b.year ||
						DSG_CATEGORY_IDS.indexOf(a.setting) - DSG_CATEGORY_IDS.indexOf(b.setting)
				);
		const reasons = (s: SeriesName): ReasonCount[] =>
			pick(s)
				.map((e) => ({ year: e.at.year, reason: e.key as string, count: figure(e) }))
				.sort((a, b) => a.year - b.year || a.reason.localeCompare(b.reason));

		const full: DemandHistory = {
			caseloadTotal: years('caseloadTotal'),
			caseloadByAgeBand: bands('caseloadByAgeBand'),
			caseloadBySetting: settings('caseloadBySetting'),
			newPlansByAgeBand: bands('newPlansByAgeBand'),
			newPlansBySetting: settings('newPlansBySetting'),
			ceasedPlans: years('ceasedPlans'),
			movesMainstreamToSpecial: years('movesMainstreamToSpecial'),
			movesSpecialToMainstream: years('movesSpecialToMainstream'),
			requests: years('requests'),
			refusals: years('refusals')
		};
		const history: Partial<DemandHistory> = {};
		for (const key of Object.keys(full) as (keyof DemandHistory)[]) {
			if (full[key].length > 0) (history as Record<string, unknown>)[key] = full[key];
		}
		return {
			authority: this.authority,
			files,
			history,
			newPlansTotal: years('newPlansTotal'),
			discontinuedPlans: reasons('discontinuedPlans'),
			ceasedByReason: reasons('ceasedByReason'),
			warnings: this.warnings
		};
	}
}

/**
 * Keeps either a split placement's whole or its parts: the parts when every part is published
 * with a number, else the whole when it has one, else the parts that have one.
 */
function resolveSplits<P extends Placement>(
	placements: P[],
	splits: Record<string, string[]>
): P[] {
	const byKey = new Map(placements.map((p) => [mappingKey(p.name), p]));
	const drop = new Set<string>();
	for (const [whole, parts] of Object.entries(splits)) {
		const w = byKey.get(mappingKey(whole));
		const ps = parts.map((p) => byKey.get(mappingKey(p)));
		const allParts = ps.every((p) => p !== undefined && p.value.value !== null);
		const someParts = ps.some((p) => p !== undefined && p.value.value !== null);
		const wholeKnown = w !== undefined && w.value.value !== null;
		// With neither published, the whole is kept so that the gap is reported once.
		if (allParts || (!wholeKnown && (someParts || !w))) drop.add(mappingKey(whole));
		else for (const p of parts) drop.add(mappingKey(p));
	}
	return placements.filter((p) => !drop.has(mappingKey(p.name)));
}

function cellOf(file: Sen2FileRows, r: CsvRecord, column: string): string {
	const i = file.header.indexOf(column);
	return i < 0 ? '' : (r.cells[i] ?? '');
}

function sameValue(a: StatValue, b: StatValue): boolean {
	return a.value === b.value && a.missing === b.missing;
}

function duplicateRow(at: At, column: string | null, what: string, firstRow: number): ImportError {
	return new ImportError(
		at.file.name,
		at.row,
		column,
		`one row per authority for ${what}`,
		`a second row that differs from row ${firstRow}`
	);
}

function readCell(at: At, r: CsvRecord, column: string): StatValue {
	return readCount(cellOf(at.file, r, column), at.file.name, at.row, column);
}

/** `<file>, <time_period>, <column>`, with the row's label or the summed parts in brackets. */
function refOf(at: At, column: string, label?: string): string {
	const base = `${at.file.name}, ${at.period}, ${column}`;
	return label === undefined ? base : `${base} [${label}]`;
}

function fmt(n: number): string {
	return n.toLocaleString('en-GB');
}
