/**
 * Reads the four witan.send input files (docs/model.md §6) into the dataset's shapes: settings and
 * needs from `valid-states.csv`, one `TransitionRow` per child per year from `transitions.csv`,
 * the general population by NCY from `population.csv`, need-specific unit costs from
 * `costs.csv`, and the base caseload (the setting-2 side of the last year's transitions).
 *
 * An import lands whole or not at all: every error found (up to a cap) is returned together, so
 * a user can fix a file in one go, and nothing else is returned when there is one.
 *
 * Decisions:
 * - Setting codes are kept verbatim as setting ids (`A`, `SP16`) so that an export reproduces
 *   them; witan.send has no setting names, so the name is the code too. witan's setting-group is
 *   free text: it maps to a DSG category through `options.groups`, or directly when it already is
 *   a DSG category id, else to `other`; the original string is kept in `settingGroups`.
 * - A transition in a state that valid-states does not allow (an NCY outside its setting's
 *   range, a need the setting does not list, a move the setting does not list), or whose NCY
 *   does not go up by one, is a warning, not an error: the row is still a real child, who is
 *   counted. witan.send's own input checks report such rows and carry on; the demo inputs have
 *   none. Unknown codes, by contrast, are errors: they are almost always a typo or a wrong file.
 * - Codes beginning with `=`, `+`, `-`, `@` are refused, since an export must neutralise them
 *   against spreadsheet formula injection and could then not round-trip.
 */
import { maxOf, minOf } from '../../model/extent';
import { DSG_CATEGORY_IDS, type DsgCategoryId } from '../../model/categories';
import {
	NONSEND,
	type CaseloadCell,
	type PopulationCell,
	type SettingDef,
	type TransitionRow,
	type UnitCost
} from '../../model/dataset';
import { imported } from '../../model/provenance';
import { MAX_POPULATION, MAX_UNIT_COST } from '../../model/validate-bounds';
import {
	ImportError,
	Problems,
	baseName,
	parseInteger,
	parseNumber,
	quote,
	readTable,
	startsLikeFormula,
	type CsvRow,
	type CsvTable,
	type ImportWarning,
	type WitanFile
} from './csv';
import {
	COSTS_COLUMNS,
	COSTS_FILE,
	MAX_YEAR,
	MIN_YEAR,
	POPULATION_COLUMNS,
	POPULATION_FILE,
	TRANSITIONS_COLUMNS,
	TRANSITIONS_FILE,
	VALID_STATES_COLUMNS,
	VALID_STATES_FILE,
	WITAN_INPUT_FILES,
	WITAN_MAX_NCY,
	WITAN_MIN_NCY,
	type WitanInputFileName
} from './format';

/** The witan.send inputs as dataset pieces. */
export interface WitanInputs {
	/** One per valid-states row, in file order; `id` and `name` are the witan setting code. */
	settings: SettingDef[];
	/** The witan `setting-group` of each setting id, verbatim (the export writes it back). */
	settingGroups: Record<string, string>;
	/** Every need named in valid-states, in order of first appearance. */
	needs: string[];
	/** One row per child per year, in file order. */
	transitions: TransitionRow[];
	/** In file order, each figure imported from its row. */
	population: PopulationCell[];
	/** Need-specific costs in £ per placement per year, in file order. */
	unitCosts: UnitCost[];
	/** The census the projection starts from: the last transitions calendar-year + 1. */
	baseCensus: number;
	/** The last census projected: the last population calendar-year. */
	horizonCensus: number;
	/** Children by (NCY, need, setting) at the base census, by setting, need, then NCY. */
	baseCaseload: CaseloadCell[];
}

export interface ParseWitanOptions {
	/** witan setting-group → DSG category (e.g. `{ group3: 'maintained_special' }`). */
	groups?: Record<string, DsgCategoryId>;
	/** How many errors to return at most (all are counted). Default 20. */
	maxErrors?: number;
}

export type WitanInputsResult =
	| { ok: true; inputs: WitanInputs; warnings: ImportWarning[] }
	| { ok: false; errors: ImportError[]; errorCount: number; warnings: ImportWarning[] };

/**
 * Parses witan.send's `transitions.csv`, `population.csv`, `costs.csv` and `valid-states.csv`
 * (matched by base name, any folder). Counts are children, costs £ per placement per year,
 * years January censuses (a transition's calendar-year is the census its step starts from).
 * Every error names file, row (line number, header = 1), column, what was expected and what
 * was found.
 * @example
 * const result = parseWitanInputs([{ name: 'transitions.csv', text }, …]);
 * if (result.ok) result.inputs.baseCaseload; else result.errors.map((e) => e.message);
 */
export function parseWitanInputs(
	files: WitanFile[],
	options: ParseWitanOptions = {}
): WitanInputsResult {
	const problems = new Problems(options.maxErrors ?? 20);
	const found = pickFiles(files, problems);
	const table = (kind: WitanInputFileName, columns: readonly string[]) =>
		found[kind] ? readTable(found[kind], columns, problems) : null;

	const vsTable = table(VALID_STATES_FILE, VALID_STATES_COLUMNS);
	const states = vsTable ? readValidStates(vsTable, problems, options.groups ?? {}) : null;
	const trTable = table(TRANSITIONS_FILE, TRANSITIONS_COLUMNS);
	const transitions = trTable ? readTransitions(trTable, states, problems) : null;
	const popTable = table(POPULATION_FILE, POPULATION_COLUMNS);
	const population = popTable ? readPopulation(popTable, problems) : null;
	const costTable = table(COSTS_FILE, COSTS_COLUMNS);
	const unitCosts = costTable ? readCosts(costTable, states, problems) : null;

	if (problems.failed || !states || !transitions || !population || !unitCosts) {
		return fail(problems);
	}

	// Loops, not Math.min(...years): a spread over 125,000 rows overflows the call stack.
	const years = transitions.rows.map((t) => t.calendarYear);
	const firstYear = minOf(years);
	const lastYear = maxOf(years);
	const baseCensus = lastYear + 1;
	const horizonCensus = maxOf(population.cells, (p) => p.year);
	warnYearGaps(transitions.file, new Set(years), firstYear, lastYear, problems);
	checkHorizon(population.file, baseCensus, horizonCensus, problems);
	checkPopulationCoverage(population, states.settings, firstYear, horizonCensus, problems);
	if (problems.failed) return fail(problems);

	const baseCaseload = caseloadAt(transitions.rows, lastYear, states, transitions.file);
	warnMissingCosts(costTable!.file, baseCaseload, unitCosts, baseCensus, problems);

	return {
		ok: true,
		inputs: {
			settings: states.settings,
			settingGroups: states.groups,
			needs: states.needs,
			transitions: transitions.rows,
			population: population.cells,
			unitCosts,
			baseCensus,
			horizonCensus,
			baseCaseload
		},
		warnings: problems.warnings
	};
}

function fail(problems: Problems): WitanInputsResult {
	return {
		ok: false,
		errors: problems.errors,
		errorCount: problems.errorCount,
		warnings: problems.warnings
	};
}

function pickFiles(
	files: WitanFile[],
	problems: Problems
): Partial<Record<WitanInputFileName, WitanFile>> {
	const found: Partial<Record<WitanInputFileName, WitanFile>> = {};
	for (const file of files) {
		const base = baseName(file.name).toLowerCase() as WitanInputFileName;
		if (!WITAN_INPUT_FILES.includes(base)) {
			problems.warn({
				file: file.name,
				row: null,
				column: null,
				message: `not a witan.send input file (${WITAN_INPUT_FILES.join(', ')}): ignored`
			});
		} else if (found[base]) {
			problems.error(
				new ImportError(
					file.name,
					null,
					null,
					`one file named ${base}`,
					`a second one (first: ${found[base].name})`
				)
			);
		} else {
			found[base] = file;
		}
	}
	const given = files.length ? `only ${files.map((f) => f.name).join(', ')}` : 'no files';
	for (const name of WITAN_INPUT_FILES) {
		if (!found[name]) {
			problems.error(new ImportError(name, null, null, `the file ${name} among the files`, given));
		}
	}
	return found;
}

/** Valid-states read into settings; null when the file has errors. */
interface States {
	settings: SettingDef[];
	byId: Map<string, SettingDef>;
	groups: Record<string, string>;
	needs: string[];
	needSet: Set<string>;
}

function readValidStates(
	table: CsvTable,
	problems: Problems,
	groupMap: Record<string, DsgCategoryId>
): States | null {
	const before = problems.errorCount;
	const file = table.file;
	const settings: SettingDef[] = [];
	const groups: Record<string, string> = {};
	const lines = new Map<string, number>();
	const needs: string[] = [];
	const destinationChecks: { row: CsvRow; codes: string[] }[] = [];

	for (const row of table.rows) {
		const id = code(file, row, 'setting', problems);
		const group = row.get('setting-group');
		const minNcy = ncy(file, row, 'min-academic-year', problems);
		const maxNcy = ncy(file, row, 'max-academic-year', problems);
		if (minNcy !== null && maxNcy !== null && minNcy > maxNcy) {
			problems.error(
				new ImportError(
					file,
					row.line,
					'max-academic-year',
					`an academic year ≥ min-academic-year (${minNcy})`,
					`${maxNcy}`
				)
			);
		}
		const settingNeeds = codeList(file, row, 'needs', problems);
		if (settingNeeds && settingNeeds.length === 0) {
			problems.error(new ImportError(file, row.line, 'needs', 'at least one need', 'none'));
		}
		const destinations = codeList(file, row, 'setting->setting', problems);
		if (destinations) destinationChecks.push({ row, codes: destinations });
		if (id === null) continue;
		if (lines.has(id)) {
			problems.error(
				new ImportError(
					file,
					row.line,
					'setting',
					'each setting once',
					`${quote(id)} again (first at row ${lines.get(id)})`
				)
			);
			continue;
		}
		lines.set(id, row.line);
		for (const need of settingNeeds ?? []) if (!needs.includes(need)) needs.push(need);
		groups[id] = group;
		settings.push({
			id,
			name: id,
			group:
				groupMap[group] ??
				(DSG_CATEGORY_IDS.includes(group as DsgCategoryId) ? (group as DsgCategoryId) : 'other'),
			minNcy: minNcy ?? 0,
			maxNcy: maxNcy ?? 0,
			needs: settingNeeds ?? [],
			destinations: destinations ?? []
		});
	}
	for (const { row, codes } of destinationChecks) {
		for (const dest of codes) {
			if (!lines.has(dest)) {
				problems.error(
					new ImportError(
						file,
						row.line,
						'setting->setting',
						'settings listed in the setting column of valid-states.csv',
						quote(dest)
					)
				);
			}
		}
	}
	if (problems.errorCount > before) return null;
	const byId = new Map(settings.map((s) => [s.id, s]));
	return { settings, byId, groups, needs, needSet: new Set(needs) };
}

/** A setting or need code: not empty, not NONSEND, no comma, not formula-like. */
function code(file: string, row: CsvRow, column: string, problems: Problems): string | null {
	return checkCode(file, row, column, row.get(column), problems);
}

function checkCode(
	file: string,
	row: CsvRow,
	column: string,
	value: string,
	problems: Problems
): string | null {
	let expected: string | null = null;
	if (value === '') expected = 'a code';
	else if (value === NONSEND) expected = `a code other than ${NONSEND}`;
	else if (value.includes(',')) expected = 'a code without commas';
	else if (startsLikeFormula(value)) expected = 'a code not beginning with =, +, - or @';
	if (expected === null) return value;
	problems.error(new ImportError(file, row.line, column, expected, quote(value)));
	return null;
}

/** A quoted comma list of codes (`"T,U,V"`), each checked, no repeats. */
function codeList(file: string, row: CsvRow, column: string, problems: Problems): string[] | null {
	const text = row.get(column);
	if (text === '') return [];
	const out: string[] = [];
	let ok = true;
	for (const part of text.split(',').map((p) => p.trim())) {
		const c = checkCode(file, row, column, part, problems);
		if (c === null) ok = false;
		else if (out.includes(c)) {
			problems.error(
				new ImportError(file, row.line, column, 'each code once', `${quote(c)} twice`)
			);
			ok = false;
		} else out.push(c);
	}
	return ok ? out : null;
}

function ncy(file: string, row: CsvRow, column: string, problems: Problems): number | null {
	const text = row.get(column);
	const n = parseInteger(text);
	if (n === null || n < WITAN_MIN_NCY || n > WITAN_MAX_NCY) {
		problems.error(
			new ImportError(
				file,
				row.line,
				column,
				`a whole academic year (NCY) from ${WITAN_MIN_NCY} to ${WITAN_MAX_NCY}`,
				quote(text)
			)
		);
		return null;
	}
	return n;
}

function year(file: string, row: CsvRow, column: string, problems: Problems): number | null {
	const text = row.get(column);
	const n = parseInteger(text);
	if (n === null || n < MIN_YEAR || n > MAX_YEAR) {
		problems.error(
			new ImportError(file, row.line, column, 'a whole calendar year such as 2016', quote(text))
		);
		return null;
	}
	return n;
}

function amount(
	file: string,
	row: CsvRow,
	column: string,
	what: string,
	problems: Problems,
	max: number
): number | null {
	const text = row.get(column);
	const n = parseNumber(text);
	if (n === null || n < 0) {
		problems.error(
			new ImportError(
				file,
				row.line,
				column,
				`${what}: a number ≥ 0, written plainly (no £ or thousands separators)`,
				quote(text)
			)
		);
		return null;
	}
	// A finite figure can still overflow the projection (1 followed by 308 zeros): bounded as
	// the dataset's validation bounds it (docs/decisions/0017).
	if (n > max) {
		problems.error(
			new ImportError(
				file,
				row.line,
				column,
				`${what}: a number from 0 to ${max.toLocaleString('en-GB')}`,
				quote(text)
			)
		);
		return null;
	}
	return n;
}

/** Counts rows that share one kind of oddity, remembering the first, for one warning each. */
class Tally {
	private readonly seen = new Map<string, Omit<ImportWarning, 'count'> & { count: number }>();

	private readonly lastRow = new Map<string, number>();

	/** Counts a row once per key, however many of its columns show the oddity. */
	add(key: string, file: string, row: number, column: string, message: string): void {
		const w = this.seen.get(key);
		if (!w) this.seen.set(key, { file, row, column, message, count: 1 });
		else if (this.lastRow.get(key) !== row) w.count++;
		this.lastRow.set(key, row);
	}

	flush(problems: Problems): void {
		for (const w of this.seen.values()) {
			const more = w.count > 1 ? ` (${w.count} rows like this; the first is shown)` : '';
			problems.warn({ ...w, message: w.message + more });
		}
	}
}

function readTransitions(
	table: CsvTable,
	states: States | null,
	problems: Problems
): { file: string; rows: TransitionRow[] } | null {
	const before = problems.errorCount;
	const file = table.file;
	const rows: TransitionRow[] = [];
	const tally = new Tally();

	for (const row of table.rows) {
		const calendarYear = year(file, row, 'calendar-year', problems);
		const side1 = side(file, row, '1', states, problems);
		const side2 = side(file, row, '2', states, problems);
		if (calendarYear === null || !side1 || !side2) continue;
		if (side1.setting === NONSEND && side2.setting === NONSEND) {
			problems.error(
				new ImportError(
					file,
					row.line,
					'setting-2',
					`a child in SEND on at least one side (${NONSEND} → ${NONSEND} joins and leaves at once)`,
					quote(NONSEND)
				)
			);
			continue;
		}
		rows.push({
			calendarYear,
			setting1: side1.setting,
			need1: side1.need,
			ncy1: side1.ncy,
			setting2: side2.setting,
			need2: side2.need,
			ncy2: side2.ncy
		});
		if (side2.ncy !== side1.ncy + 1) {
			tally.add(
				'age',
				file,
				row.line,
				'academic-year-2',
				`academic-year-2 is not academic-year-1 + 1 (${side1.ncy} → ${side2.ncy})`
			);
		}
		if (!states) continue;
		for (const [s, n] of [
			[side1, '1'],
			[side2, '2']
		] as const) {
			if (s.setting === NONSEND) continue;
			const def = states.byId.get(s.setting)!;
			if (s.ncy < def.minNcy || s.ncy > def.maxNcy) {
				tally.add(
					`ncy:${s.setting}`,
					file,
					row.line,
					`academic-year-${n}`,
					`setting ${s.setting} at academic year ${s.ncy}, outside the ${def.minNcy} to ${def.maxNcy} that valid-states.csv allows; the child is still counted`
				);
			}
			if (def.needs && !def.needs.includes(s.need)) {
				tally.add(
					`need:${s.setting}:${s.need}`,
					file,
					row.line,
					`need-${n}`,
					`need ${s.need} in setting ${s.setting}, which valid-states.csv does not list for it; the child is still counted`
				);
			}
		}
		if (side1.setting !== NONSEND && side2.setting !== NONSEND && side1.setting !== side2.setting) {
			const dests = states.byId.get(side1.setting)!.destinations;
			if (dests && !dests.includes(side2.setting)) {
				tally.add(
					`move:${side1.setting}:${side2.setting}`,
					file,
					row.line,
					'setting-2',
					`a move from ${side1.setting} to ${side2.setting}, which setting->setting in valid-states.csv does not allow; the child is still counted`
				);
			}
		}
	}
	tally.flush(problems);
	return problems.errorCount > before ? null : { file, rows };
}

interface Side {
	setting: string;
	need: string;
	ncy: number;
}

function side(
	file: string,
	row: CsvRow,
	n: '1' | '2',
	states: States | null,
	problems: Problems
): Side | null {
	const settingCol = `setting-${n}`;
	const needCol = `need-${n}`;
	const setting = row.get(settingCol);
	const need = row.get(needCol);
	const at = ncy(file, row, `academic-year-${n}`, problems);
	let ok = at !== null;
	const role = n === '1' ? 'a joiner' : 'a leaver';
	if (setting === NONSEND || need === NONSEND) {
		if (setting !== need) {
			const [column, other] = setting === NONSEND ? [needCol, settingCol] : [settingCol, needCol];
			problems.error(
				new ImportError(
					file,
					row.line,
					column,
					`${NONSEND} (as ${other} is ${NONSEND}: ${role})`,
					quote(row.get(column))
				)
			);
			ok = false;
		}
	} else if (states) {
		if (!states.byId.has(setting)) {
			problems.error(
				new ImportError(
					file,
					row.line,
					settingCol,
					`${NONSEND} or a setting listed in valid-states.csv`,
					quote(setting)
				)
			);
			ok = false;
		}
		if (!states.needSet.has(need)) {
			problems.error(
				new ImportError(
					file,
					row.line,
					needCol,
					`${NONSEND} or a need listed in valid-states.csv`,
					quote(need)
				)
			);
			ok = false;
		}
	} else if (setting === '' || need === '') {
		const column = setting === '' ? settingCol : needCol;
		problems.error(new ImportError(file, row.line, column, `a code or ${NONSEND}`, '""'));
		ok = false;
	}
	return ok ? { setting, need, ncy: at! } : null;
}

interface Population {
	file: string;
	cells: PopulationCell[];
}

function readPopulation(table: CsvTable, problems: Problems): Population | null {
	const before = problems.errorCount;
	const file = table.file;
	const cells: PopulationCell[] = [];
	const lines = new Map<string, number>();
	for (const row of table.rows) {
		const y = year(file, row, 'calendar-year', problems);
		const a = ncy(file, row, 'academic-year', problems);
		const p = amount(file, row, 'population', 'a population', problems, MAX_POPULATION);
		if (y === null || a === null || p === null) continue;
		const key = `${y}:${a}`;
		if (lines.has(key)) {
			problems.error(
				new ImportError(
					file,
					row.line,
					'academic-year',
					'one row per calendar-year and academic-year',
					`a second row for ${y}, academic year ${a} (first at row ${lines.get(key)})`
				)
			);
			continue;
		}
		lines.set(key, row.line);
		cells.push({ year: y, ncy: a, population: imported(p, file, row.line) });
	}
	return problems.errorCount > before ? null : { file, cells };
}

function readCosts(table: CsvTable, states: States | null, problems: Problems): UnitCost[] | null {
	const before = problems.errorCount;
	const file = table.file;
	const costs: UnitCost[] = [];
	const lines = new Map<string, number>();
	for (const row of table.rows) {
		let need = code(file, row, 'need', problems);
		let setting = code(file, row, 'setting', problems);
		const cost = amount(
			file,
			row,
			'cost',
			'a cost in £ per placement per year',
			problems,
			MAX_UNIT_COST
		);
		if (states && need !== null && !states.needSet.has(need)) {
			problems.error(
				new ImportError(file, row.line, 'need', 'a need listed in valid-states.csv', quote(need))
			);
			need = null;
		}
		if (states && setting !== null && !states.byId.has(setting)) {
			problems.error(
				new ImportError(
					file,
					row.line,
					'setting',
					'a setting listed in valid-states.csv',
					quote(setting)
				)
			);
			setting = null;
		}
		if (need === null || setting === null || cost === null) continue;
		const key = JSON.stringify([need, setting]);
		if (lines.has(key)) {
			problems.error(
				new ImportError(
					file,
					row.line,
					'setting',
					'one row per need and setting',
					`a second row for need ${need}, setting ${setting} (first at row ${lines.get(key)})`
				)
			);
			continue;
		}
		lines.set(key, row.line);
		costs.push({ setting, need, cost: imported(cost, file, row.line) });
	}
	return problems.errorCount > before ? null : costs;
}

function warnYearGaps(
	file: string,
	years: Set<number>,
	first: number,
	last: number,
	problems: Problems
): void {
	const missing: number[] = [];
	for (let y = first; y <= last; y++) if (!years.has(y)) missing.push(y);
	if (missing.length) {
		problems.warn({
			file,
			row: null,
			column: 'calendar-year',
			message: `no transitions for calendar-year ${missing.join(', ')} between ${first} and ${last}: estimates pool the years present`
		});
	}
}

function checkHorizon(file: string, base: number, horizon: number, problems: Problems): void {
	if (horizon <= base) {
		problems.error(
			new ImportError(
				file,
				null,
				'calendar-year',
				`years after the base census ${base} (the last transitions calendar-year + 1), to project to`,
				`a last year of ${horizon}`
			)
		);
	}
}

/**
 * Joiner rates need the population of every history year and every projected year, at every
 * academic year some setting takes.
 */
function checkPopulationCoverage(
	population: Population,
	settings: SettingDef[],
	firstYear: number,
	horizon: number,
	problems: Problems
): void {
	const lo = minOf(settings, (s) => s.minNcy);
	const hi = maxOf(settings, (s) => s.maxNcy);
	const have = new Set(population.cells.map((c) => `${c.year}:${c.ncy}`));
	for (let y = firstYear; y <= horizon; y++) {
		const missing: number[] = [];
		for (let a = lo; a <= hi; a++) if (!have.has(`${y}:${a}`)) missing.push(a);
		if (missing.length) {
			problems.error(
				new ImportError(
					population.file,
					null,
					'academic-year',
					`a population for calendar-year ${y} at every academic year from ${lo} to ${hi} (years ${firstYear} to ${horizon} are needed)`,
					`none for academic year ${missing.join(', ')}`
				)
			);
		}
	}
}

/** The setting-2 side of one year's non-leaver transitions: the caseload at the next census. */
function caseloadAt(
	rows: TransitionRow[],
	calendarYear: number,
	states: States,
	file: string
): CaseloadCell[] {
	const counts = new Map<string, { ncy: number; need: string; setting: string; n: number }>();
	for (const t of rows) {
		if (t.calendarYear !== calendarYear || t.setting2 === NONSEND) continue;
		const key = JSON.stringify([t.setting2, t.need2, t.ncy2]);
		const cell = counts.get(key);
		if (cell) cell.n++;
		else counts.set(key, { ncy: t.ncy2, need: t.need2, setting: t.setting2, n: 1 });
	}
	const settingOrder = new Map(states.settings.map((s, i) => [s.id, i]));
	const needOrder = new Map(states.needs.map((n, i) => [n, i]));
	return [...counts.values()]
		.sort(
			(a, b) =>
				settingOrder.get(a.setting)! - settingOrder.get(b.setting)! ||
				needOrder.get(a.need)! - needOrder.get(b.need)! ||
				a.ncy - b.ncy
		)
		.map((c) => ({
			ncy: c.ncy,
			need: c.need,
			setting: c.setting,
			count: imported(c.n, file)
		}));
}

function warnMissingCosts(
	file: string,
	caseload: CaseloadCell[],
	costs: UnitCost[],
	baseCensus: number,
	problems: Problems
): void {
	const priced = new Set(costs.map((c) => JSON.stringify([c.need, c.setting])));
	const missing = new Map<string, number>();
	for (const cell of caseload) {
		const key = JSON.stringify([cell.need, cell.setting]);
		if (!priced.has(key)) missing.set(key, (missing.get(key) ?? 0) + cell.count.value);
	}
	if (missing.size === 0) return;
	const list = [...missing].map(([key, n]) => {
		const [need, setting] = JSON.parse(key) as [string, string];
		return `need ${need} in setting ${setting} (${n})`;
	});
	const shown =
		list.slice(0, 5).join(', ') + (list.length > 5 ? `, and ${list.length - 5} more` : '');
	problems.warn({
		file,
		row: null,
		column: 'cost',
		count: missing.size,
		message: `no cost for ${missing.size} need and setting pair${missing.size === 1 ? '' : 's'} holding children at the ${baseCensus} census, so those placements carry no cost: ${shown}`
	});
}
