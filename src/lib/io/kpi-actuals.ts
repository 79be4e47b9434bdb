/**
 * KPI actuals from a CSV file (docs/model.md §5, §6): one row per KPI and period,
 *
 *   ref,period,value
 *   1,2021-06,1462
 *   2,2021-Q1,1.4%
 *   14,2021-Q1,"£27,901,000"
 *
 * `ref` is the KPI's reference as the report prints it (`1` … `38`, `6a`); `period` a month
 * `2021-06` or a financial-year quarter `2021-Q1` (April–June 2021); `value` a number in the
 * KPI's unit: a count, pounds (`£` and thousands separators allowed), or for a percentage KPI a
 * percentage written with `%` (`1.4%`) or a fraction (`0.014`). A row with an empty value is
 * skipped, so a filled-in template with gaps imports. Other columns (e.g. `name`) are ignored.
 *
 * The file is checked whole first: every problem is reported with its file, row and column, and
 * nothing is applied unless there are none.
 *
 * A file may hold at most `MAX_KPI_ACTUALS_ROWS` (20,000) rows of data (docs/decisions/0018): 38
 * KPIs monthly for 40 years is 18,240 rows, so a bigger file is not a council's actuals (a
 * 540,000-row file once froze the page for 94 s). It is refused before its rows are checked.
 */
import type { Kpi, KpiActual, KpiUnit } from '../model/kpi';
import { imported } from '../model/provenance';
import { comparePeriods, isPeriod } from '../engine/kpi-history';
import {
	plausibleYears,
	systemClock,
	yearRangeProblem,
	type Clock
} from '../model/validate-bounds';
import { CappedList } from '../model/problems';
import { ImportError, quote } from './csv/errors';
import { parseCsv, requireHeader } from './csv/parse';
import { toCsv } from './csv/write';

export const KPI_ACTUALS_COLUMNS = ['ref', 'period', 'value'] as const;

/** The most rows of data a KPI actuals file may hold (docs/decisions/0018). */
export const MAX_KPI_ACTUALS_ROWS = 20_000;

/** One actual read from the file, with what it would replace. */
export interface KpiActualRow {
	/** The line of the file (header = line 1). */
	line: number;
	ref: string;
	name: string;
	unit: KpiUnit;
	period: string;
	value: number;
	/** The value the KPI already holds for that period, replaced by this one; null when new. */
	replaces: number | null;
}

export type KpiActualsRead =
	| { ok: true; file: string; rows: KpiActualRow[]; skipped: number; ignoredColumns: string[] }
	| { ok: false; file: string; errors: ImportError[] };

/** Stop listing after this many problems: the first ones are enough to fix a file. */
const MAX_ERRORS = 20;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

function expectedValue(unit: KpiUnit): string {
	switch (unit) {
		case 'count':
			return 'a number (a count, e.g. 1462)';
		case 'percent':
			return 'a percentage such as 1.4% or a fraction such as 0.014';
		default:
			return 'an amount in pounds such as 27901000 or £27,901,000';
	}
}

/**
 * Reads a value in a KPI's unit, or undefined when the text is not one.
 * @example readKpiValue('£-871,000', 'gbp') // -871000
 * @example readKpiValue('1.4%', 'percent') // 0.014
 */
export function readKpiValue(raw: string, unit: KpiUnit): number | undefined {
	let s = raw.trim().replace(/\s+/g, '');
	let percent = false;
	if (unit === 'percent' && s.endsWith('%')) {
		percent = true;
		s = s.slice(0, -1);
	}
	if (unit === 'gbp' || unit === 'gbp_per_head') {
		// −£436,000, £-436,000 and -£436,000 are all written in council reports.
		s = s.replace(/^([+-]?)£/, '$1').replace(/^£/, '');
	}
	s = s.replace(/^\u2212/, '-');
	if (GROUPED.test(s)) s = s.replace(/,/g, '');
	if (!NUMBER.test(s)) return undefined;
	const n = Number(s);
	if (!Number.isFinite(n)) return undefined;
	if (!percent) return n;
	// '1.4e-2' reads as exactly 0.014, where 1.4 / 100 gives 0.013999999999999999.
	return /[eE]/.test(s) ? n / 100 : Number(`${s}e-2`);
}

/**
 * Reads and checks a KPI actuals file against the dataset's KPIs. Returns every row to apply, or
 * every problem found (up to 20), each naming the file, row and column. Periods must fall from
 * 2000 to the current year (from `clock`) + 10; a count a KPI holds (a level) must be ≥ 0.
 * @example readKpiActuals('ref,period,value\n1,2021-06,1462\n', 'june.csv', kpis)
 * // { ok: true, rows: [{ line: 2, ref: '1', period: '2021-06', value: 1462, replaces: null, … }], … }
 */
export function readKpiActuals(
	text: string,
	file: string,
	kpis: readonly Kpi[],
	clock: Clock = systemClock
): KpiActualsRead {
	// A period's year runs from 2000 to the current year + 10, read from `clock` (validate-bounds.ts).
	const years = plausibleYears(clock);
	const errors = new CappedList<ImportError>(MAX_ERRORS);
	let parsed;
	let col: Record<string, number>;
	try {
		parsed = parseCsv(text, file, { maxRows: MAX_KPI_ACTUALS_ROWS });
		if (parsed.header.length === 0) {
			throw new ImportError(
				file,
				null,
				null,
				`a header ${KPI_ACTUALS_COLUMNS.join(',')}`,
				'an empty file'
			);
		}
		col = requireHeader(parsed, KPI_ACTUALS_COLUMNS);
	} catch (e) {
		if (e instanceof ImportError) return { ok: false, file, errors: [e] };
		throw e;
	}
	const byRef = new Map(kpis.map((k) => [k.ref, k]));
	// Each KPI's actuals by period, made when first needed: a find per row would be quadratic.
	const held = new Map<string, Map<string, number>>();
	const heldValue = (kpi: Kpi, period: string) => {
		let m = held.get(kpi.ref);
		if (!m) held.set(kpi.ref, (m = new Map(kpi.actuals.map((a) => [a.period, a.value.value]))));
		return m.get(period) ?? null;
	};
	const seen = new Map<string, number>();
	const rows: KpiActualRow[] = [];
	let skipped = 0;
	for (const record of parsed.rows) {
		if (errors.full) break;
		const cell = (name: string) => record.cells[col[name]].trim();
		const fail = (column: string, expected: string, got: string | null) =>
			errors.add(new ImportError(file, record.line, column, expected, got));
		const ref = cell('ref');
		const period = cell('period');
		const raw = cell('value');
		const kpi = byRef.get(ref);
		if (!kpi) {
			fail(
				'ref',
				'the reference of one of the dataset’s KPIs (1 … 38, 6a)',
				ref === '' ? 'an empty cell' : quote(ref)
			);
			continue;
		}
		if (!isPeriod(period)) {
			fail(
				'period',
				'a month like 2021-06 or a quarter like 2021-Q1',
				period === '' ? 'an empty cell' : quote(period)
			);
			continue;
		}
		if (yearRangeProblem(Number(period.slice(0, 4)), years)) {
			fail('period', `a period from ${years.first} to ${years.last}`, quote(period));
			continue;
		}
		if (raw === '') {
			skipped++;
			continue;
		}
		const value = readKpiValue(raw, kpi.unit);
		if (value === undefined) {
			fail('value', `${expectedValue(kpi.unit)} for KPI ${ref}`, quote(raw));
			continue;
		}
		// A count of children held (a level) cannot be negative; a flow may be written negative,
		// as the council's report writes ceased plans (−72).
		if (kpi.unit === 'count' && kpi.measure === 'level' && value < 0) {
			fail('value', `a count of children ≥ 0 for KPI ${ref}`, quote(raw));
			continue;
		}
		const key = `${ref}\u0000${period}`;
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			fail(
				'period',
				`one row per KPI and period (KPI ${ref}, ${period} is already on row ${earlier})`,
				quote(period)
			);
			continue;
		}
		seen.set(key, record.line);
		rows.push({
			line: record.line,
			ref,
			name: kpi.name,
			unit: kpi.unit,
			period,
			value,
			replaces: heldValue(kpi, period)
		});
	}
	if (errors.count > 0) return { ok: false, file, errors: errors.listed };
	if (rows.length === 0) {
		return {
			ok: false,
			file,
			errors: [new ImportError(file, null, 'value', 'at least one row with a value', 'none')]
		};
	}
	const ignoredColumns = parsed.header.filter(
		(h) => !(KPI_ACTUALS_COLUMNS as readonly string[]).includes(h)
	);
	return { ok: true, file, rows, skipped, ignoredColumns };
}

/**
 * The KPIs with the rows applied (each an actual imported from `file`, row n, replacing the
 * KPI's actual for that period), actuals in period order: all of them, or, when a row names no
 * KPI of the list, none (it throws and the list is left as it was). One pass per KPI, so 20,000
 * rows apply at once (adding them one by one with `withActual` re-sorts every time).
 * @example applyKpiActuals(dataset.kpis, read.rows, read.file)
 */
export function applyKpiActuals(
	kpis: readonly Kpi[],
	rows: readonly KpiActualRow[],
	file: string
): Kpi[] {
	const refs = new Set(kpis.map((k) => k.ref));
	const byRef = new Map<string, KpiActualRow[]>();
	for (const r of rows) {
		if (!refs.has(r.ref)) {
			throw new Error(`applyKpiActuals: ${file}, row ${r.line}: no KPI with reference "${r.ref}"`);
		}
		if (!isPeriod(r.period) || !Number.isFinite(r.value)) {
			throw new Error(
				`applyKpiActuals: ${file}, row ${r.line}: the period must be a month or quarter and the value finite, got ${r.period} and ${r.value}`
			);
		}
		let list = byRef.get(r.ref);
		if (!list) byRef.set(r.ref, (list = []));
		list.push(r);
	}
	return kpis.map((kpi) => {
		const mine = byRef.get(kpi.ref);
		if (!mine) return kpi;
		const byPeriod = new Map<string, KpiActual>(kpi.actuals.map((a) => [a.period, a]));
		for (const r of mine) {
			byPeriod.set(r.period, { period: r.period, value: imported(r.value, file, r.line) });
		}
		const actuals = [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
		return { ...kpi, actuals };
	});
}

/**
 * A template to fill in: one row per KPI for a period, with its name (ignored on import) and an
 * empty value.
 * @example kpiActualsTemplate(kpis, '2021-Q2') // 'ref,period,value,name\n1,2021-Q2,,Actual EHCPs\n…'
 */
export function kpiActualsTemplate(kpis: readonly Kpi[], period: string): string {
	return toCsv(
		[...KPI_ACTUALS_COLUMNS, 'name'],
		kpis.map((k) => [k.ref, period, null, k.name])
	);
}
