/**
 * witan.send's output files (docs/model.md §6): written from our Monte Carlo results so they can be
 * compared with Mastodon C's tools, and read back to overlay Mastodon C's own results on our
 * charts.
 *
 * Columns, as witan.send writes them: `calendar-year`, then the key column of the keyed files
 * (`academic-year`, `need` or `setting`), then the twelve statistics of `WITAN_STATISTIC_NAMES`.
 * `Output_Count.csv` holds the SEND total and `Output_Cost.csv` the total cost (£), one row per
 * calendar year; `Output_AY.csv`, `Output_Need.csv` and `Output_Setting.csv` one row per year
 * and key. The statistics are computed by `witanStatistics` (engine/summary.ts): 95pc bounds are
 * the 2.5th and 97.5th percentiles and low/high-ci = mean ∓ 1.96·sd/√N.
 */
import { WITAN_STATISTIC_NAMES, witanStatistics, type WitanStatistics } from '../../engine/summary';
import {
	ImportError,
	Problems,
	baseName,
	csvCell,
	csvText,
	parseInteger,
	parseNumber,
	quote,
	readTable,
	type ImportWarning,
	type WitanFile
} from './csv';
import { MAX_YEAR, MIN_YEAR, WITAN_MAX_NCY, WITAN_MIN_NCY } from './format';

export { WITAN_STATISTIC_NAMES, type WitanStatistics };

export type WitanOutputKind = 'count' | 'cost' | 'ay' | 'need' | 'setting';

/** File name and key column (null: keyed by calendar-year alone) of each output. */
export const WITAN_OUTPUTS: Record<WitanOutputKind, { file: string; key: string | null }> = {
	count: { file: 'Output_Count.csv', key: null },
	cost: { file: 'Output_Cost.csv', key: null },
	ay: { file: 'Output_AY.csv', key: 'academic-year' },
	need: { file: 'Output_Need.csv', key: 'need' },
	setting: { file: 'Output_Setting.csv', key: 'setting' }
};

export const WITAN_OUTPUT_KINDS: readonly WitanOutputKind[] = [
	'count',
	'cost',
	'ay',
	'need',
	'setting'
];

/**
 * The columns of an output file, in the order written.
 * @example witanOutputColumns('ay').slice(0, 3) // ['calendar-year', 'academic-year', 'mean']
 */
export function witanOutputColumns(kind: WitanOutputKind): string[] {
	const key = WITAN_OUTPUTS[kind].key;
	return ['calendar-year', ...(key ? [key] : []), ...WITAN_STATISTIC_NAMES];
}

/** Simulated values for one calendar year (and key): one value per simulation. */
export interface WitanOutputRow {
	calendarYear: number;
	/** The NCY for `ay`, the need or setting code for `need`/`setting`; absent for count and cost. */
	key?: string | number;
	values: Float64Array;
}

/**
 * The rows of `Output_AY.csv` as witan.send lists them: for every calendar year, one row per
 * academic year from NCY −5 to 25 (wider if a row given lies outside), in NCY order, those not
 * given counted as zero children in every simulation — so that our file and Mastodon C's have the
 * same rows, like for like. Years keep the order they first appear in.
 * @example
 * everyAcademicYear([{ calendarYear: 2018, key: 3, values }]).length // 31
 */
export function everyAcademicYear(rows: readonly WitanOutputRow[]): WitanOutputRow[] {
	const years = new Map<number, Map<number, WitanOutputRow>>();
	for (const row of rows) {
		const ncy = row.key;
		if (typeof ncy !== 'number' || !Number.isInteger(ncy)) {
			throw new Error(
				`everyAcademicYear: ${WITAN_OUTPUTS.ay.file} ${row.calendarYear}: key must be a whole academic year, got ${ncy}`
			);
		}
		let byNcy = years.get(row.calendarYear);
		if (!byNcy) years.set(row.calendarYear, (byNcy = new Map()));
		if (byNcy.has(ncy)) {
			throw new Error(
				`everyAcademicYear: ${WITAN_OUTPUTS.ay.file} has two rows for ${row.calendarYear}, academic year ${ncy}`
			);
		}
		byNcy.set(ncy, row);
	}
	const out: WitanOutputRow[] = [];
	for (const [calendarYear, byNcy] of years) {
		const given = [...byNcy.keys()];
		const sims = byNcy.values().next().value!.values.length;
		const from = Math.min(WITAN_MIN_NCY, ...given);
		const to = Math.max(WITAN_MAX_NCY, ...given);
		for (let ncy = from; ncy <= to; ncy++) {
			out.push(byNcy.get(ncy) ?? { calendarYear, key: ncy, values: new Float64Array(sims) });
		}
	}
	return out;
}

/**
 * The text of one output file: a row per calendar year (and key), in the order given, with the
 * statistics of its simulated values (children, or £ for cost). Numbers are written plainly, with
 * every digit needed to read them back exactly. `Output_AY.csv` lists every academic year
 * witan.send lists, zeros included (`everyAcademicYear`).
 * @example
 * witanOutputCsv('count', [{ calendarYear: 2017, values: totals2017 }]);
 * // 'calendar-year,mean,std-dev,…\n2017,2153.4,…\n'
 */
export function witanOutputCsv(kind: WitanOutputKind, rows: WitanOutputRow[]): string {
	const { file, key } = WITAN_OUTPUTS[kind];
	const lines = [witanOutputColumns(kind)];
	if (kind === 'ay') rows = everyAcademicYear(rows);
	rows.forEach((row, i) => {
		const where = `witanOutputCsv: ${file} row ${i}`;
		if (!Number.isInteger(row.calendarYear)) {
			throw new Error(`${where}: calendarYear must be a whole year, got ${row.calendarYear}`);
		}
		const cells = [csvCell(row.calendarYear)];
		if (key === null) {
			if (row.key !== undefined) throw new Error(`${where}: takes no key, got ${row.key}`);
		} else if (key === 'academic-year') {
			if (typeof row.key !== 'number' || !Number.isInteger(row.key)) {
				throw new Error(`${where}: key must be a whole academic year, got ${row.key}`);
			}
			cells.push(csvCell(row.key));
		} else {
			if (typeof row.key !== 'string' || row.key === '') {
				throw new Error(`${where}: key must be a ${key} code, got ${row.key}`);
			}
			cells.push(csvCell(row.key));
		}
		const stats = witanStatistics(row.values);
		for (const name of WITAN_STATISTIC_NAMES) cells.push(csvCell(stats[name]));
		lines.push(cells);
	});
	return csvText(lines);
}

/**
 * The output files for the kinds given, in the order count, cost, AY, need, setting.
 * @example
 * writeWitanOutputs({ count: countRows, setting: settingRows }); // [{ name: 'Output_Count.csv', text }, …]
 */
export function writeWitanOutputs(
	outputs: Partial<Record<WitanOutputKind, WitanOutputRow[]>>
): WitanFile[] {
	return WITAN_OUTPUT_KINDS.filter((kind) => outputs[kind]).map((kind) => ({
		name: WITAN_OUTPUTS[kind].file,
		text: witanOutputCsv(kind, outputs[kind]!)
	}));
}

/** One row of an output file read back. */
export interface WitanStatisticsRow {
	calendarYear: number;
	/** The NCY (a number) for `ay`, the code for `need`/`setting`, null for count and cost. */
	key: string | number | null;
	/** Line in the file (header = 1). */
	row: number;
	stats: WitanStatistics;
}

export type WitanOutputsResult =
	| {
			ok: true;
			outputs: Partial<Record<WitanOutputKind, WitanStatisticsRow[]>>;
			warnings: ImportWarning[];
	  }
	| { ok: false; errors: ImportError[]; errorCount: number; warnings: ImportWarning[] };

/**
 * Reads witan.send output files (matched by base name, any folder; other files are ignored with
 * a warning) for overlay on our charts. Columns may come in any order but must carry exactly the
 * names witan.send writes; every value must be a plain number. All errors (up to `maxErrors`)
 * come back together, each naming file, row and column; nothing is returned when there is one.
 * @example
 * const r = parseWitanOutputs([{ name: 'Output_Count.csv', text }]);
 * if (r.ok) r.outputs.count?.map((row) => [row.calendarYear, row.stats.median]);
 */
export function parseWitanOutputs(files: WitanFile[], maxErrors = 20): WitanOutputsResult {
	const problems = new Problems(maxErrors);
	const outputs: Partial<Record<WitanOutputKind, WitanStatisticsRow[]>> = {};
	const seen: Partial<Record<WitanOutputKind, string>> = {};
	for (const file of files) {
		const base = baseName(file.name).toLowerCase();
		const kind = WITAN_OUTPUT_KINDS.find((k) => WITAN_OUTPUTS[k].file.toLowerCase() === base);
		if (!kind) {
			problems.warn({
				file: file.name,
				row: null,
				column: null,
				message: `not one of ${WITAN_OUTPUT_KINDS.map((k) => WITAN_OUTPUTS[k].file).join(', ')}: ignored`
			});
			continue;
		}
		if (seen[kind]) {
			problems.error(
				new ImportError(
					file.name,
					null,
					null,
					`one file named ${WITAN_OUTPUTS[kind].file}`,
					`a second one (first: ${seen[kind]})`
				)
			);
			continue;
		}
		seen[kind] = file.name;
		const rows = readOutput(file, kind, problems);
		if (rows) outputs[kind] = rows;
	}
	if (files.length === 0 || Object.keys(seen).length === 0) {
		problems.error(
			new ImportError(
				'(files)',
				null,
				null,
				`at least one of ${WITAN_OUTPUT_KINDS.map((k) => WITAN_OUTPUTS[k].file).join(', ')}`,
				files.length ? files.map((f) => f.name).join(', ') : 'no files'
			)
		);
	}
	if (problems.failed) {
		return {
			ok: false,
			errors: problems.errors,
			errorCount: problems.errorCount,
			warnings: problems.warnings
		};
	}
	return { ok: true, outputs, warnings: problems.warnings };
}

function readOutput(
	file: WitanFile,
	kind: WitanOutputKind,
	problems: Problems
): WitanStatisticsRow[] | null {
	const table = readTable(file, witanOutputColumns(kind), problems);
	if (!table) return null;
	const before = problems.errorCount;
	const keyColumn = WITAN_OUTPUTS[kind].key;
	const out: WitanStatisticsRow[] = [];
	const lines = new Map<string, number>();
	for (const row of table.rows) {
		let ok = true;
		const yearText = row.get('calendar-year');
		const calendarYear = parseInteger(yearText);
		if (calendarYear === null || calendarYear < MIN_YEAR || calendarYear > MAX_YEAR) {
			problems.error(
				new ImportError(
					file.name,
					row.line,
					'calendar-year',
					'a whole calendar year such as 2017',
					quote(yearText)
				)
			);
			ok = false;
		}
		let key: string | number | null = null;
		if (keyColumn === 'academic-year') {
			const text = row.get(keyColumn);
			key = parseInteger(text);
			if (key === null) {
				problems.error(
					new ImportError(file.name, row.line, keyColumn, 'a whole academic year', quote(text))
				);
				ok = false;
			}
		} else if (keyColumn !== null) {
			key = row.get(keyColumn);
			if (key === '') {
				problems.error(
					new ImportError(file.name, row.line, keyColumn, `a ${keyColumn} code`, '""')
				);
				ok = false;
			}
		}
		const stats = {} as WitanStatistics;
		for (const name of WITAN_STATISTIC_NAMES) {
			const text = row.get(name);
			const value = parseNumber(text);
			if (value === null) {
				problems.error(
					new ImportError(file.name, row.line, name, 'a number written plainly', quote(text))
				);
				ok = false;
			} else stats[name] = value;
		}
		if (!ok) continue;
		const id = JSON.stringify([calendarYear, key]);
		if (lines.has(id)) {
			problems.error(
				new ImportError(
					file.name,
					row.line,
					keyColumn ?? 'calendar-year',
					`one row per calendar-year${keyColumn ? ` and ${keyColumn}` : ''}`,
					`a second row for ${calendarYear}${keyColumn ? `, ${key}` : ''} (first at row ${lines.get(id)})`
				)
			);
			continue;
		}
		lines.set(id, row.line);
		out.push({ calendarYear: calendarYear!, key, row: row.line, stats });
	}
	return problems.errorCount > before ? null : out;
}
