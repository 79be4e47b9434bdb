/**
 * CSV templates a council fills in instead of typing into the app (docs/model.md §6): finance lines,
 * savings lines, the Safety Valve profile (caps and cumulative funding), unit costs, and actuals
 * (caseload at a census, spend in a financial year). Each can be downloaded — with the figures the
 * app holds, so a template is also an export — and read back.
 *
 * Reading is all or nothing: every problem found (up to {@link MAX_TEMPLATE_PROBLEMS}) is thrown
 * together as a {@link TemplateImportError}, each naming the file, row and column and what was
 * expected; nothing is returned then. A blank value is "not given" (so a half-filled template can
 * be imported), never 0.
 *
 * Values: money in pounds (`£` and thousands separators allowed: `£1,200,000`), rates and delivery
 * as fractions (`0.02`) or percentages with a `%` (`2%`). Every figure read is an `import` with
 * the file and row; a row whose optional `assumption` column has text is an `assumption` with that
 * note instead, so a council can say which of its figures are assumptions.
 */
import type { AgeBandId } from '../model/categories';
import { AGE_BAND_IDS, SLUG_PATTERN, slugify } from '../model/categories';
import type {
	LedgerLineId,
	SavingsLine,
	SettingDef,
	UnitCost,
	YearFigures
} from '../model/dataset';
import { LEDGER_LINE_IDS, LEDGER_LINE_LABELS, RATE_LEDGER_LINES } from '../model/dataset';
import type { Actuals, CaseloadActual } from '../model/actuals';
import { actualFigure } from '../model/actuals';
import type { Figure } from '../model/provenance';
import { assumption, imported } from '../model/provenance';
import { deliveryProblem, ledgerValueProblem } from '../model/validate-dataset';
import type { FinancialYear } from '../model/years';
import { censusOfFinancialYear, financialYearOfCensus, isFinancialYear } from '../model/years';
import { readNumberCell } from '../model/number-input';
// The cell rule is the model's (a grid cell reads the same way); callers of the template reader
// that read a cell themselves keep finding it here.
export { readNumberCell };
import { CappedList } from '../model/problems';
import { ImportError, quote } from './csv/errors';
import { parseCsv, requireHeader, type CsvRecord } from './csv/parse';
import { toCsv, type CsvValue } from './csv/write';

/** How many problems a template import lists before it stops looking. */
export const MAX_TEMPLATE_PROBLEMS = 20;

/** The templates and their file names as downloaded. */
export const TEMPLATE_FILES = {
	finance: 'finance-lines.csv',
	savings: 'savings-lines.csv',
	safetyValve: 'safety-valve.csv',
	unitCosts: 'unit-costs.csv',
	caseloadActuals: 'caseload-actuals.csv',
	spendActuals: 'spend-actuals.csv'
} as const;

export type TemplateKind = keyof typeof TEMPLATE_FILES;

/** Required columns of each template (an `assumption` column may follow). */
export const TEMPLATE_COLUMNS: Readonly<Record<TemplateKind, readonly string[]>> = {
	finance: ['line', 'year', 'value'],
	savings: ['id', 'name', 'year', 'target', 'delivery'],
	safetyValve: ['year', 'deficit_cap', 'sv_funding_cumulative'],
	unitCosts: ['setting', 'cost'],
	caseloadActuals: ['census', 'breakdown', 'value'],
	spendActuals: ['year', 'value']
};

/** The finance template's line for the opening cumulative deficit (not a ledger line). */
export const OPENING_LINE = 'opening_cumulative_deficit';

/** An import that found problems: every one of them, each an ImportError naming the place. */
export class TemplateImportError extends Error {
	readonly file: string;
	readonly problems: ImportError[];

	constructor(file: string, problems: ImportError[]) {
		const more =
			problems.length >= MAX_TEMPLATE_PROBLEMS ? ' (the first ones; fix them and try again)' : '';
		super(
			`${file}: nothing was imported, ${problems.length} problem${problems.length === 1 ? '' : 's'}${more}: ` +
				problems.map((p) => p.message).join('; ')
		);
		this.name = 'TemplateImportError';
		this.file = file;
		this.problems = problems;
	}
}

/** Gathers the problems of one file; `done()` throws them together. */
class Problems {
	readonly #list = new CappedList<ImportError>(MAX_TEMPLATE_PROBLEMS);
	constructor(readonly file: string) {}
	add(row: number | null, column: string | null, expected: string, got: string | null) {
		if (!this.#list.full) this.#list.add(new ImportError(this.file, row, column, expected, got));
	}
	get full() {
		return this.#list.full;
	}
	done() {
		if (this.#list.count > 0) throw new TemplateImportError(this.file, this.#list.listed);
	}
}

interface Table {
	file: string;
	rows: { line: number; cell: (column: string) => string }[];
}

/** Parses a template's text, checking its header; CSV errors and header errors are thrown alone. */
function readTable(text: string, file: string, kind: TemplateKind): Table {
	let parsed;
	try {
		parsed = parseCsv(text, file);
		requireHeader(parsed, TEMPLATE_COLUMNS[kind]);
	} catch (e) {
		if (e instanceof ImportError) throw new TemplateImportError(file, [e]);
		throw e;
	}
	const index = new Map(parsed.header.map((h, i) => [h, i]));
	const rows = parsed.rows
		.filter((r: CsvRecord) => r.cells.some((c) => c.trim() !== ''))
		.map((r: CsvRecord) => ({
			line: r.line,
			cell: (column: string) => {
				const i = index.get(column);
				return i === undefined ? '' : (r.cells[i] ?? '').trim();
			}
		}));
	return { file, rows };
}

/** The figure of a row: an import, or an assumption when the row's `assumption` column says so. */
function rowFigure(
	value: number,
	file: string,
	row: { line: number; cell: (c: string) => string }
) {
	const note = row.cell('assumption');
	return note
		? assumption(value, `${note} (${file}, row ${row.line})`)
		: imported(value, file, row.line);
}

/** A cell with the note of the figure, for downloads. */
const noteOf = (f: Figure | undefined) => (f?.source.kind === 'assumption' ? f.source.note : '');

const yearList = (years: readonly FinancialYear[]) =>
	years.length > 1 ? `${years[0]} to ${years[years.length - 1]}` : (years[0] ?? 'none');

/** Checks a financial year cell against the projection's years. */
function readYear(
	raw: string,
	years: readonly FinancialYear[],
	p: Problems,
	line: number,
	column = 'year'
): FinancialYear | null {
	if (!isFinancialYear(raw)) {
		p.add(line, column, 'a financial year like 2021/22', quote(raw));
		return null;
	}
	if (!years.includes(raw)) {
		p.add(line, column, `one of the projection’s years, ${yearList(years)}`, quote(raw));
		return null;
	}
	return raw;
}

// ---- Finance lines ----

/** What a finance template gives: ledger figures by line and year, and the opening deficit. */
export interface FinanceTemplate {
	opening: Figure | null;
	lines: Partial<Record<LedgerLineId, YearFigures>>;
}

/**
 * The finance lines template (`line,year,value,assumption`): a row per ledger line and year of
 * the projection, with the figures given (blank where none), and the opening cumulative deficit
 * as the line `opening_cumulative_deficit` in the year before the first.
 * @example financeTemplateCsv(['2021/22'], {}).split('\n')[0] // 'line,year,value,assumption,description'
 */
export function financeTemplateCsv(
	years: readonly FinancialYear[],
	lines: Partial<Record<LedgerLineId, YearFigures>> = {},
	opening: Figure | null = null
): string {
	const before = years.length ? financialYearOfCensus(censusOfFinancialYear(years[0]) - 1) : '';
	const rows: CsvValue[][] = [
		[
			OPENING_LINE,
			before,
			opening?.value ?? null,
			noteOf(opening ?? undefined),
			`Cumulative DSG deficit before Safety Valve funding at 31 March ${before ? censusOfFinancialYear(before) : ''}, £`
		]
	];
	for (const line of LEDGER_LINE_IDS) {
		for (const fy of years) {
			const f = lines[line]?.[fy];
			rows.push([
				line,
				fy,
				f?.value ?? null,
				noteOf(f),
				`${LEDGER_LINE_LABELS[line]}${RATE_LEDGER_LINES.includes(line) ? ' (a fraction: 0.02 is 2%)' : ', £'}${line === 'hnb_expenditure_before_savings' ? ' (the first year at least; later years pin them)' : ''}`
			]);
		}
	}
	return toCsv([...TEMPLATE_COLUMNS.finance, 'assumption', 'description'], rows);
}

/**
 * Reads a finance lines template for the projection's `years`. Throws a TemplateImportError
 * listing every problem (unknown line, year outside the projection, a value that is not an
 * amount, a rate outside −0.5…1, a line and year given twice).
 * @example readFinanceTemplate('line,year,value\nhnb_allocation,2021/22,"£25,897,000"\n', 'f.csv', ['2021/22']).lines.hnb_allocation['2021/22'].value // 25897000
 */
export function readFinanceTemplate(
	text: string,
	file: string,
	years: readonly FinancialYear[]
): FinanceTemplate {
	const table = readTable(text, file, 'finance');
	const p = new Problems(file);
	const out: FinanceTemplate = { opening: null, lines: {} };
	const seen = new Map<string, number>();
	const before = years.length ? financialYearOfCensus(censusOfFinancialYear(years[0]) - 1) : '';
	for (const row of table.rows) {
		if (p.full) break;
		const line = row.cell('line');
		const isOpening = line === OPENING_LINE;
		if (!isOpening && !LEDGER_LINE_IDS.includes(line as LedgerLineId)) {
			p.add(row.line, 'line', `one of ${OPENING_LINE}, ${LEDGER_LINE_IDS.join(', ')}`, quote(line));
			continue;
		}
		const id = line as LedgerLineId;
		const rate = !isOpening && RATE_LEDGER_LINES.includes(id);
		const value = readNumberCell(row.cell('value'), rate);
		if (value === undefined) {
			p.add(
				row.line,
				'value',
				rate
					? 'a fraction such as 0.02, or a percentage such as 2%'
					: 'an amount in pounds such as 1200000',
				quote(row.cell('value'))
			);
		}
		let year: FinancialYear | null;
		if (isOpening) {
			year = row.cell('year');
			if (year !== before && year !== '') {
				p.add(
					row.line,
					'year',
					`${before} (the opening deficit closes the year before the projection)`,
					quote(year)
				);
				year = null;
			}
		} else year = readYear(row.cell('year'), years, p, row.line);
		if (value === undefined || year === null || value === null) continue;
		const key = `${line}|${year}`;
		const first = seen.get(key);
		if (first !== undefined) {
			p.add(
				row.line,
				'year',
				`one row for ${line} in ${year || before}`,
				`a second, after row ${first}`
			);
			continue;
		}
		seen.set(key, row.line);
		if (isOpening) {
			out.opening = rowFigure(value, file, row);
			continue;
		}
		const problem = ledgerValueProblem(id, value);
		if (problem) {
			p.add(
				row.line,
				'value',
				problem.replace(/^the \w+ must be /, '').replace(/, got .*$/, ''),
				quote(row.cell('value'))
			);
			continue;
		}
		(out.lines[id] ??= {})[year] = rowFigure(value, file, row);
	}
	p.done();
	return out;
}

// ---- Savings lines ----

/**
 * The savings lines template (`id,name,year,target,delivery,assumption`): a row per line and
 * year; delivery is a fraction of target (1 = in full). With no lines, one example row per year.
 * @example savingsTemplateCsv(['2021/22'], []).split('\n')[1] // 'post_16_offer,Development of post 16 offer,2021/22,,1,'
 */
export function savingsTemplateCsv(
	years: readonly FinancialYear[],
	savings: readonly SavingsLine[] = []
): string {
	const rows: CsvValue[][] = [];
	if (savings.length === 0) {
		for (const fy of years)
			rows.push(['post_16_offer', 'Development of post 16 offer', fy, null, 1, '']);
	}
	for (const s of savings) {
		for (const fy of years) {
			rows.push([
				s.id,
				s.name,
				fy,
				s.targets[fy]?.value ?? null,
				s.delivery[fy]?.value ?? null,
				noteOf(s.targets[fy])
			]);
		}
	}
	return toCsv([...TEMPLATE_COLUMNS.savings, 'assumption'], rows);
}

/**
 * Reads a savings lines template: lines in order of first appearance, their targets (£ ≥ 0) and
 * delivery (0…2, a fraction or a percentage) by year. An empty id is made from the name. Throws a
 * TemplateImportError listing every problem.
 * @example readSavingsTemplate('id,name,year,target,delivery\n,SRP places,2021/22,71000,85%\n', 's.csv', ['2021/22'])[0].id // 'srp_places'
 */
export function readSavingsTemplate(
	text: string,
	file: string,
	years: readonly FinancialYear[]
): SavingsLine[] {
	const table = readTable(text, file, 'savings');
	const p = new Problems(file);
	const lines = new Map<string, SavingsLine & { row: number }>();
	const seen = new Map<string, number>();
	for (const row of table.rows) {
		if (p.full) break;
		const name = row.cell('name');
		const id = row.cell('id') || (name ? slugify(name) : '');
		if (!name) p.add(row.line, 'name', 'the name of the savings line', 'an empty cell');
		if (!SLUG_PATTERN.test(id) || ['constructor', 'prototype', '__proto__'].includes(id)) {
			p.add(row.line, 'id', 'a lower-case id such as post_16_offer (or leave it empty)', quote(id));
			continue;
		}
		const known = lines.get(id);
		if (known && name && known.name !== name) {
			p.add(
				row.line,
				'name',
				`"${known.name}", the name of ${id} on row ${known.row}`,
				quote(name)
			);
		}
		const year = readYear(row.cell('year'), years, p, row.line);
		const target = readNumberCell(row.cell('target'));
		const delivery = readNumberCell(row.cell('delivery'), true);
		if (target === undefined || (target !== null && target < 0)) {
			p.add(row.line, 'target', 'a saving of £0 or more', quote(row.cell('target')));
		}
		if (delivery === undefined) {
			p.add(
				row.line,
				'delivery',
				'a fraction of target such as 1 or 85%',
				quote(row.cell('delivery'))
			);
		} else if (delivery !== null && deliveryProblem(delivery)) {
			p.add(
				row.line,
				'delivery',
				'a fraction from 0 to 2 (1 is in full; 85% is 0.85)',
				quote(row.cell('delivery'))
			);
		}
		if (year === null || !name) continue;
		const key = `${id}|${year}`;
		if (seen.has(key)) {
			p.add(
				row.line,
				'year',
				`one row for ${id} in ${year}`,
				`a second, after row ${seen.get(key)}`
			);
			continue;
		}
		seen.set(key, row.line);
		const line = known ?? {
			id,
			name,
			targets: {},
			delivery: {},
			structuralLeverId: null,
			row: row.line
		};
		lines.set(id, line);
		if (typeof target === 'number' && target >= 0)
			line.targets[year] = rowFigure(target, file, row);
		if (typeof delivery === 'number' && !deliveryProblem(delivery)) {
			line.delivery[year] = rowFigure(delivery, file, row);
		}
	}
	p.done();
	return [...lines.values()].map(({ row: _row, ...line }) => line);
}

// ---- Safety Valve profile ----

/** What a Safety Valve template gives. */
export type SafetyValveTemplate = Partial<
	Record<'deficit_cap' | 'sv_funding_cumulative', YearFigures>
>;

/**
 * The Safety Valve profile template (`year,deficit_cap,sv_funding_cumulative,assumption`): the
 * agreement's maximum cumulative deficit before Safety Valve funding, and the funding received
 * to date, by financial year (£).
 * @example safetyValveTemplateCsv(['2021/22']) // 'year,deficit_cap,sv_funding_cumulative,assumption\n2021/22,,,\n'
 */
export function safetyValveTemplateCsv(
	years: readonly FinancialYear[],
	lines: SafetyValveTemplate = {}
): string {
	return toCsv(
		[...TEMPLATE_COLUMNS.safetyValve, 'assumption'],
		years.map((fy) => [
			fy,
			lines.deficit_cap?.[fy]?.value ?? null,
			lines.sv_funding_cumulative?.[fy]?.value ?? null,
			noteOf(lines.deficit_cap?.[fy]) || noteOf(lines.sv_funding_cumulative?.[fy])
		])
	);
}

/**
 * Reads a Safety Valve profile template. Throws a TemplateImportError listing every problem (a
 * cap of £0 or less, funding below £0, a year outside the projection or given twice).
 * @example readSafetyValveTemplate('year,deficit_cap,sv_funding_cumulative\n2021/22,28607000,17000000\n', 'sv.csv', ['2021/22']).deficit_cap['2021/22'].value // 28607000
 */
export function readSafetyValveTemplate(
	text: string,
	file: string,
	years: readonly FinancialYear[]
): SafetyValveTemplate {
	const table = readTable(text, file, 'safetyValve');
	const p = new Problems(file);
	const out: SafetyValveTemplate = {};
	const seen = new Map<string, number>();
	for (const row of table.rows) {
		if (p.full) break;
		const year = readYear(row.cell('year'), years, p, row.line);
		const cap = readNumberCell(row.cell('deficit_cap'));
		const funding = readNumberCell(row.cell('sv_funding_cumulative'));
		if (cap === undefined || (cap !== null && !(cap > 0))) {
			p.add(row.line, 'deficit_cap', 'a cap of more than £0', quote(row.cell('deficit_cap')));
		}
		if (funding === undefined || (funding !== null && funding < 0)) {
			p.add(
				row.line,
				'sv_funding_cumulative',
				'cumulative funding of £0 or more',
				quote(row.cell('sv_funding_cumulative'))
			);
		}
		if (year === null) continue;
		if (seen.has(year)) {
			p.add(row.line, 'year', `one row for ${year}`, `a second, after row ${seen.get(year)}`);
			continue;
		}
		seen.set(year, row.line);
		if (typeof cap === 'number' && cap > 0)
			(out.deficit_cap ??= {})[year] = rowFigure(cap, file, row);
		if (typeof funding === 'number' && funding >= 0) {
			(out.sv_funding_cumulative ??= {})[year] = rowFigure(funding, file, row);
		}
	}
	p.done();
	return out;
}

// ---- Unit costs ----

/**
 * The unit costs template (`setting,cost,assumption,description`): £ a placement a year in the
 * first year's prices, one row per setting.
 * @example unitCostsTemplateCsv(settings, costs).split('\n')[1] // 'mainstream,7000,an illustrative cost…,Mainstream schools or academies'
 */
export function unitCostsTemplateCsv(
	settings: readonly SettingDef[],
	costs: readonly UnitCost[] = []
): string {
	return toCsv(
		[...TEMPLATE_COLUMNS.unitCosts, 'assumption', 'description'],
		settings.map((s) => {
			const c = costs.find((u) => u.setting === s.id && u.need === null);
			return [s.id, c?.cost.value ?? null, noteOf(c?.cost), s.name];
		})
	);
}

/**
 * Reads a unit costs template for the dataset's settings (every need). Throws a
 * TemplateImportError listing every problem.
 * @example readUnitCostsTemplate('setting,cost\nmainstream,6500\n', 'u.csv', settings)[0].cost.value // 6500
 */
export function readUnitCostsTemplate(
	text: string,
	file: string,
	settings: readonly SettingDef[]
): UnitCost[] {
	const table = readTable(text, file, 'unitCosts');
	const p = new Problems(file);
	const ids = settings.map((s) => s.id);
	const out: UnitCost[] = [];
	const seen = new Map<string, number>();
	for (const row of table.rows) {
		if (p.full) break;
		const setting = row.cell('setting');
		const cost = readNumberCell(row.cell('cost'));
		if (!ids.includes(setting)) {
			p.add(row.line, 'setting', `one of ${ids.join(', ')}`, quote(setting));
			continue;
		}
		if (seen.has(setting)) {
			p.add(
				row.line,
				'setting',
				`one row for ${setting}`,
				`a second, after row ${seen.get(setting)}`
			);
			continue;
		}
		seen.set(setting, row.line);
		if (cost === undefined || (cost !== null && cost < 0)) {
			p.add(row.line, 'cost', 'a cost of £0 or more a year', quote(row.cell('cost')));
		} else if (cost !== null) {
			out.push({ setting, need: null, cost: rowFigure(cost, file, row) });
		}
	}
	p.done();
	return out;
}

// ---- Actuals ----

/**
 * The caseload actuals template (`census,breakdown,value`): `breakdown` is `total`, an age band
 * (`age_5_10`) or a setting id (`mainstream`); a row per figure.
 * @example caseloadActualsTemplateCsv(2022, settings).split('\n')[1] // '2022,total,'
 */
export function caseloadActualsTemplateCsv(
	census: number,
	settings: readonly SettingDef[],
	actuals: readonly CaseloadActual[] = []
): string {
	const rows: CsvValue[][] = [];
	const list = actuals.length ? actuals : [{ census, total: null, byAgeBand: {}, bySetting: {} }];
	for (const a of list) {
		rows.push([a.census, 'total', a.total?.value ?? null]);
		for (const b of AGE_BAND_IDS) rows.push([a.census, b, a.byAgeBand[b]?.value ?? null]);
		for (const s of settings) rows.push([a.census, s.id, a.bySetting[s.id]?.value ?? null]);
	}
	return toCsv(TEMPLATE_COLUMNS.caseloadActuals, rows);
}

/** The spend actuals template (`year,value`): HNB expenditure before savings, £. */
export function spendActualsTemplateCsv(
	years: readonly FinancialYear[],
	actuals: Actuals['spend'] = []
): string {
	return toCsv(
		TEMPLATE_COLUMNS.spendActuals,
		years.map((fy) => [fy, actuals.find((a) => a.year === fy)?.value.value ?? null])
	);
}

/**
 * Reads caseload actuals: whole numbers ≥ 0 by census and breakdown (`total`, an age band id or a
 * setting id). Figures are actuals (`actualFigure`) naming the file and row. The census must be
 * after `baseCensus` and no later than `horizonCensus`. Throws a TemplateImportError listing every
 * problem.
 * @example readCaseloadActuals('census,breakdown,value\n2022,total,1550\n', 'a.csv', settings, 2021, 2026)[0].total.value // 1550
 */
export function readCaseloadActuals(
	text: string,
	file: string,
	settings: readonly SettingDef[],
	baseCensus: number,
	horizonCensus: number
): CaseloadActual[] {
	const table = readTable(text, file, 'caseloadActuals');
	const p = new Problems(file);
	const ids = settings.map((s) => s.id);
	const byCensus = new Map<number, CaseloadActual>();
	const seen = new Map<string, number>();
	for (const row of table.rows) {
		if (p.full) break;
		const censusText = row.cell('census');
		const census = Number(censusText);
		const breakdown = row.cell('breakdown');
		const value = readNumberCell(row.cell('value'));
		let ok = true;
		if (!/^\d{4}$/.test(censusText) || census <= baseCensus || census > horizonCensus) {
			p.add(
				row.line,
				'census',
				`a January census year after ${baseCensus} and no later than ${horizonCensus}`,
				quote(censusText)
			);
			ok = false;
		}
		const isBand = AGE_BAND_IDS.includes(breakdown as AgeBandId);
		if (breakdown !== 'total' && !isBand && !ids.includes(breakdown)) {
			p.add(
				row.line,
				'breakdown',
				`total, an age band (${AGE_BAND_IDS.join(', ')}) or a setting (${ids.join(', ')})`,
				quote(breakdown)
			);
			ok = false;
		}
		if (value === undefined || (value !== null && !(Number.isInteger(value) && value >= 0))) {
			p.add(row.line, 'value', 'a whole number of EHCPs ≥ 0', quote(row.cell('value')));
			ok = false;
		}
		if (!ok || value === null || value === undefined) continue;
		const key = `${census}|${breakdown}`;
		if (seen.has(key)) {
			p.add(
				row.line,
				'breakdown',
				`one row for ${breakdown} in ${census}`,
				`a second, after row ${seen.get(key)}`
			);
			continue;
		}
		seen.set(key, row.line);
		let a = byCensus.get(census);
		if (!a) byCensus.set(census, (a = { census, total: null, byAgeBand: {}, bySetting: {} }));
		const f = actualFigure(value, file, row.line);
		if (breakdown === 'total') a.total = f;
		else if (isBand) a.byAgeBand[breakdown as AgeBandId] = f;
		else a.bySetting[breakdown] = f;
	}
	p.done();
	return [...byCensus.values()].sort((a, b) => a.census - b.census);
}

/**
 * Reads spend actuals: HNB expenditure before savings (£ ≥ 0) by financial year of the
 * projection. Throws a TemplateImportError listing every problem.
 * @example readSpendActuals('year,value\n2021/22,"31,680,146"\n', 's.csv', ['2021/22'])[0].value.value // 31680146
 */
export function readSpendActuals(
	text: string,
	file: string,
	years: readonly FinancialYear[]
): Actuals['spend'] {
	const table = readTable(text, file, 'spendActuals');
	const p = new Problems(file);
	const out: Actuals['spend'] = [];
	for (const row of table.rows) {
		if (p.full) break;
		const year = readYear(row.cell('year'), years, p, row.line);
		const value = readNumberCell(row.cell('value'));
		if (value === undefined || (value !== null && value < 0)) {
			p.add(row.line, 'value', 'an amount of £0 or more', quote(row.cell('value')));
			continue;
		}
		if (year === null || value === null) continue;
		if (out.some((a) => a.year === year)) {
			p.add(row.line, 'year', `one row for ${year}`, 'a second');
			continue;
		}
		out.push({ year, value: actualFigure(value, file, row.line) });
	}
	p.done();
	return out.sort((a, b) => a.year.localeCompare(b.year));
}
