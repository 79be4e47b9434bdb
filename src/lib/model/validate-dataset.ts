/**
 * Runtime validation of a dataset (docs/model.md §1–§5): the structure by schema (schemas.ts), then
 * the meaning by code, every problem a sentence naming the field, the year and the row.
 *
 * Rules kept here, and why:
 * - Setting and need ids match `ID_PATTERN` (validate.ts): lower-case slugs or witan.send codes
 *   such as `A` or `SP16`, so an imported witan dataset keeps its codes. Savings line ids are
 *   strict lower-case slugs, as they name metrics (`savings:<id>`).
 * - Settings span NCY −5…21 (plans run to age 25 = NCY 21); transitions and population rows may
 *   use witan.send's wider −5…25 (a leaver's second NCY can pass 21).
 * - Base caseload cells must be valid states with whole counts ≥ 0: the engine refuses others.
 * - Every line of `REQUIRED_LEDGER_LINES` has a figure for every financial year of the horizon,
 *   and `hnb_expenditure_before_savings` for the first year, which calibrates non-placement spend.
 * - Rates are fractions: inflation within −0.5…1, savings delivery within 0…2 (over-delivery up
 *   to double is plausible, more is a typo for a percentage).
 * - Duplicated rows that the engine adds together (base caseload, history) are warnings; those
 *   it would resolve arbitrarily (unit costs, population) are errors.
 * - Structural problems are reported alone: the meaning of a value is only checked once every
 *   value has its type.
 * - Money, counts, unit costs and the horizon have plausible bounds (validate-bounds.ts,
 *   docs/decisions/0017): a finite figure that would overflow the projection, or a typo far
 *   outside anything a council reports, is refused naming the field, row and year. KPI periods
 *   must fall from 2000 to the current year + 10, the current year read from a clock passed in.
 */
import { MAX_NCY, SLUG_PATTERN } from './categories';
import type {
	Dataset,
	FinanceLedger,
	LedgerLineId,
	SavingsLine,
	SettingDef,
	YearCount,
	YearFigures
} from './dataset';
import {
	LEDGER_LINE_IDS,
	LEDGER_LINE_LABELS,
	NONSEND,
	RATE_LEDGER_LINES,
	REQUIRED_LEDGER_LINES
} from './dataset';
import type { Kpi } from './kpi';
import type { Figure } from './provenance';
import { DatasetSchema } from './schemas';
import type { Clock } from './validate-bounds';
import {
	MAX_CHILDREN,
	MAX_HORIZON_YEARS,
	MAX_MONEY,
	MAX_POPULATION,
	MAX_TOTAL_CHILDREN,
	MAX_UNIT_COST,
	UNIT_COST_RULE,
	moneyProblem,
	plausibleYears,
	systemClock,
	yearRangeProblem
} from './validate-bounds';
import type { IssueCollector, Location, PathKey, ValidationResult } from './validate';
import { quotePounds as formatPounds } from './format';
import {
	ID_PATTERN,
	capitalise,
	checkStructure,
	createIssues,
	describeValue,
	fieldPhrase,
	isWhole,
	listOf,
	numberProp,
	prop,
	textProp,
	valueAt
} from './validate';
import type { FinancialYear } from './years';
import { financialYearOfQuarter, quarterSharesProblem } from './savings-tracker';
import { financialYearOfCensus, isFinancialYear } from './years';

/** Youngest and oldest NCY a setting may take. */
export const SETTING_MIN_NCY = -5;
export const SETTING_MAX_NCY = MAX_NCY;
/** NCY range of transitions and population rows (witan.send's academic years, ages −1…29). */
export const ROW_MIN_NCY = -5;
export const ROW_MAX_NCY = 25;
/** Census and calendar years accepted (to catch a shifted column, not to limit history). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
/** Bounds of rates held as fractions. */
export const INFLATION_BOUNDS = [-0.5, 1] as const;
export const DELIVERY_BOUNDS = [0, 2] as const;

/** Savings line ids that cannot be object keys in a file (see FORBIDDEN_KEYS). */
const RESERVED_IDS = new Set(['constructor', 'prototype', '__proto__']);

const FIELDS: Record<string, string> = {
	id: 'the id',
	name: 'the name',
	code: 'the code ("code")',
	laCode: 'the LA code ("laCode")',
	dataDate: 'the data date ("dataDate")',
	description: 'the description',
	baseCensus: 'the base census ("baseCensus")',
	horizonCensus: 'the horizon census ("horizonCensus")',
	needs: 'the needs ("needs")',
	settings: 'the settings',
	baseCaseload: 'the base caseload',
	history: 'the history',
	transitions: 'the transitions',
	population: 'the population',
	referencePopulations: 'the reference populations',
	estimation: 'the estimation settings',
	unitCosts: 'the unit costs',
	finance: 'the finance ledger',
	kpis: 'the KPIs',
	conditions: 'the conditions',
	reports: 'the reports',
	group: 'the DSG category ("group")',
	minNcy: 'the youngest NCY ("minNcy")',
	maxNcy: 'the oldest NCY ("maxNcy")',
	destinations: 'the destinations ("destinations")',
	ncy: 'the NCY',
	need: 'the need',
	setting: 'the setting',
	count: 'the count',
	year: 'the year',
	band: 'the age band',
	calendarYear: 'the calendar year',
	setting1: '"setting1"',
	setting2: '"setting2"',
	need1: '"need1"',
	need2: '"need2"',
	ncy1: '"ncy1"',
	ncy2: '"ncy2"',
	label: 'the label',
	byYear: 'the figures by year ("byYear")',
	firstFlowYear: 'the first flow year ("firstFlowYear")',
	lastFlowYear: 'the last flow year ("lastFlowYear")',
	defaultEstimator: 'the default estimator ("defaultEstimator")',
	backtestHoldout: 'the back-test holdout ("backtestHoldout")',
	pooling: 'pooling with England ("pooling": "england" or "none")',
	cost: 'the cost',
	openingCumulativeDeficit: 'the opening cumulative deficit',
	lines: 'the ledger lines ("lines")',
	savings: 'the savings lines',
	targets: 'the targets',
	delivery: 'the delivery',
	structuralLeverId: 'the structural lever ("structuralLeverId")',
	ref: 'the reference ("ref")',
	unit: 'the unit',
	category: 'the category',
	derivation: 'the target derivation',
	measure: 'the measure',
	basis: 'the basis',
	baseline: 'the baseline',
	annualTarget: 'the annual target',
	projection: 'the projection',
	monthsElapsed: 'the months elapsed ("monthsElapsed")',
	rule: 'the RAG rule',
	direction: 'the direction',
	amberTolerance: 'the amber tolerance',
	redTolerance: 'the red tolerance',
	override: 'the RAG override',
	rating: 'the rating',
	comment: 'the comment',
	formula: 'the formula',
	actuals: 'the actuals',
	period: 'the period',
	title: 'the title',
	assurance: 'the assurance level',
	progress: 'the progress',
	quarter: 'the quarter',
	dateSubmitted: 'the date submitted',
	signOffs: 'the sign-offs',
	summary: 'the summary',
	risks: 'the risks',
	role: 'the role'
};

/** Words for the history series, as the app names them. */
export const HISTORY_LABELS: Record<keyof Dataset['history'], string> = {
	caseloadTotal: 'Caseload total',
	caseloadByAgeBand: 'Caseload by age band',
	caseloadBySetting: 'Caseload by setting',
	newPlansByAgeBand: 'New plans by age band',
	newPlansBySetting: 'New plans by setting',
	ceasedPlans: 'Ceased plans',
	movesMainstreamToSpecial: 'Moves from mainstream to special',
	movesSpecialToMainstream: 'Moves from special to mainstream',
	requests: 'Requests for assessment',
	refusals: 'Assessments refused'
};

const phrase = (keys: readonly PathKey[], extra: Record<string, string> = {}) =>
	fieldPhrase(keys, { ...FIELDS, ...extra });

const numbered = (noun: string, i: PathKey) => `${noun} ${typeof i === 'number' ? i + 1 : i}`;

/** "Setting 3 ("maintained_special")". */
function settingWhere(raw: unknown, i: PathKey): string {
	const id = textProp(raw, 'id');
	return `${numbered('Setting', i)}${id ? ` ("${id}")` : ''}`;
}

/** "Base caseload row 3 (NCY 5, setting "mainstream")", with the need when there are several. */
function caseloadWhere(raw: unknown, i: PathKey, showNeed: boolean): string {
	const parts: string[] = [];
	const ncy = numberProp(raw, 'ncy');
	const need = textProp(raw, 'need');
	const setting = textProp(raw, 'setting');
	if (ncy !== undefined) parts.push(`NCY ${describeValue(ncy)}`);
	if (showNeed && need !== undefined) parts.push(`need "${need}"`);
	if (setting !== undefined) parts.push(`setting "${setting}"`);
	return `${numbered('Base caseload row', i)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** "Caseload by age band, 2019, "age_5_10"", or "Caseload by age band row 4" without a year. */
function historyWhere(series: string, raw: unknown, i: PathKey): string {
	const label = HISTORY_LABELS[series as keyof Dataset['history']] ?? `History "${series}"`;
	const year = numberProp(raw, 'year');
	const key = textProp(raw, 'band') ?? textProp(raw, 'setting');
	if (year === undefined || !isWhole(year)) return numbered(`${label} row`, i);
	return `${label}, ${year}${key !== undefined ? `, "${key}"` : ''}`;
}

function transitionWhere(raw: unknown, i: PathKey): string {
	const year = numberProp(raw, 'calendarYear');
	const from = textProp(raw, 'setting1');
	const to = textProp(raw, 'setting2');
	const detail =
		year !== undefined && from !== undefined && to !== undefined
			? ` (${year}: ${from} → ${to})`
			: '';
	return `${numbered('Transition row', i)}${detail}`;
}

function populationWhere(raw: unknown, i: PathKey): string {
	const year = numberProp(raw, 'year');
	const ncy = numberProp(raw, 'ncy');
	return year !== undefined && ncy !== undefined
		? `Population, ${year}, NCY ${ncy}`
		: numbered('Population row', i);
}

function unitCostWhere(raw: unknown, i: PathKey): string {
	const setting = textProp(raw, 'setting');
	const need = textProp(raw, 'need');
	const parts = [
		...(setting !== undefined ? [`setting "${setting}"`] : []),
		...(need !== undefined ? [`need "${need}"`] : [])
	];
	return `${numbered('Unit cost row', i)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function savingsWhere(raw: unknown, i: PathKey): string {
	const name = textProp(raw, 'name') || textProp(raw, 'id');
	return `${numbered('Savings line', i)}${name ? ` ("${name}")` : ''}`;
}

function kpiWhere(raw: unknown, i: PathKey): string {
	const ref = textProp(raw, 'ref');
	return ref ? `KPI ${ref}` : numbered('KPI row', i);
}

/** The label of a ledger line: `Finance: "HNB allocation"`. */
export const ledgerLabel = (line: PathKey) =>
	LEDGER_LINE_LABELS[line as LedgerLineId] ?? String(line);

/**
 * Describes a path of a dataset in words (for structural messages).
 * @example datasetLocator(d, 'Dataset')(['baseCaseload', 2, 'count', 'value']) // { where: 'Base caseload row 3 (NCY 5, setting "mainstream")', field: 'the count' }
 */
export function datasetLocator(root: unknown, top: string): (path: readonly PathKey[]) => Location {
	const showNeed = (() => {
		const needs = prop(root, 'needs');
		return Array.isArray(needs) && needs.length !== 1;
	})();
	return (path) => {
		const [k0, k1, k2, k3, k4] = path;
		const rest = (n: number, extra?: Record<string, string>) => phrase(path.slice(n), extra);
		const at = (n: number) => valueAt(root, path.slice(0, n));
		if (path.length === 0) return { where: top, field: '' };
		if (path.length === 1) return { where: top, field: phrase(path) };
		switch (k0) {
			case 'authority':
				return { where: 'Authority', field: rest(1) };
			case 'needs':
				return { where: numbered('Need', k1), field: rest(2) };
			case 'settings':
				return { where: settingWhere(at(2), k1), field: rest(2) };
			case 'baseCaseload':
				return { where: caseloadWhere(at(2), k1, showNeed), field: rest(2) };
			case 'history':
				if (path.length === 2) {
					return {
						where: 'History',
						field: HISTORY_LABELS[k1 as keyof Dataset['history']] ?? `"${String(k1)}"`
					};
				}
				return { where: historyWhere(String(k1), at(3), k2), field: rest(3, { count: '' }) };
			case 'transitions':
				return { where: transitionWhere(at(2), k1), field: rest(2) };
			case 'population':
				return { where: populationWhere(at(2), k1), field: rest(2, { population: '' }) };
			case 'referencePopulations': {
				const id = textProp(at(2), 'id');
				const name = `Reference population ${id ? `"${id}"` : (k1 as number) + 1}`;
				if (k2 === 'byYear' && k3 !== undefined) {
					return { where: `${name}, ${String(k3)}`, field: rest(4) };
				}
				return { where: name, field: rest(2) };
			}
			case 'estimation':
				return { where: 'Estimation settings', field: rest(1) };
			case 'unitCosts':
				return { where: unitCostWhere(at(2), k1), field: rest(2) };
			case 'finance':
				if (k1 === 'lines' && k2 !== undefined) {
					const line = `Finance: "${ledgerLabel(k2)}"`;
					if (k3 === undefined) return { where: line, field: '' };
					return { where: `${line}, ${String(k3)}`, field: rest(4) };
				}
				if (k1 === 'savings' && k2 !== undefined) {
					const where = savingsWhere(at(3), k2);
					if ((k3 === 'targets' || k3 === 'delivery') && k4 !== undefined) {
						const what = k3 === 'targets' ? 'target for' : 'delivery in';
						return { where: `${where}, ${what} ${String(k4)}`, field: rest(5) };
					}
					return { where, field: rest(3) };
				}
				return { where: 'Finance', field: rest(1) };
			case 'kpis': {
				const where = kpiWhere(at(2), k1);
				if (k2 === 'actuals' && k3 !== undefined) {
					const period = textProp(at(4), 'period');
					return {
						where: `${where}, ${numbered('actual', k3)}${period ? ` (${period})` : ''}`,
						field: rest(4, { value: '' })
					};
				}
				return { where, field: rest(2) };
			}
			case 'conditions': {
				const id = textProp(at(2), 'id');
				return { where: `${numbered('Condition', k1)}${id ? ` ("${id}")` : ''}`, field: rest(2) };
			}
			case 'reports': {
				const id = textProp(at(2), 'id');
				const where = `${numbered('Report', k1)}${id ? ` ("${id}")` : ''}`;
				if (k2 === 'signOffs' && k3 !== undefined) {
					return { where: `${where}, ${numbered('sign-off', k3)}`, field: rest(4) };
				}
				return { where, field: rest(2) };
			}
			default:
				return { where: top, field: phrase(path) };
		}
	};
}

/**
 * Validates a dataset: its structure (types, finite numbers, required keys, no unknown keys) and
 * its meaning (ids, NCY ranges, valid states, years, the ledger over the horizon, rates, costs,
 * provenance). `where` names the dataset in messages about its top level ("Dataset: …").
 * `clock` gives the current year for the range of KPI periods (the computer's clock by default).
 * @example
 * const r = validateDataset(JSON.parse(text));
 * if (!r.ok) r.errors.map((e) => e.message); // ['Base caseload row 3 (NCY 5, setting "mainstream"): the count must be a whole number ≥ 0, got -5.']
 */
export function validateDataset(
	input: unknown,
	where = 'dataset',
	{ clock = systemClock }: { clock?: Clock } = {}
): ValidationResult<Dataset> {
	const top = capitalise(where);
	const structure = checkStructure(DatasetSchema, input, datasetLocator(input, top));
	const issues = createIssues();
	if (!structure.ok) {
		for (const i of structure.issues) issues.error(i.path, i.message);
		return { ok: false, errors: issues.errors(top), warnings: [] };
	}
	const d = structure.value;
	checkTop(d, top, issues);
	const settings = checkNeedsAndSettings(d, issues);
	checkBaseCaseload(d, settings, issues);
	checkHistory(d, settings, issues);
	checkTransitions(d, settings, issues);
	checkPopulation(d, issues);
	checkReferencePopulations(d, issues);
	checkEstimation(d, issues);
	checkUnitCosts(d, settings, issues);
	checkFinance(d, issues);
	checkKpis(d, issues, clock);
	checkIds(
		d.conditions.map((c) => c.id),
		['conditions'],
		(i) => `Condition ${i + 1}`,
		issues
	);
	checkIds(
		d.reports.map((r) => r.id),
		['reports'],
		(i) => `Report ${i + 1}`,
		issues
	);
	checkReportGovernance(d, issues);
	if (issues.errorCount > 0) {
		return { ok: false, errors: issues.errors(top), warnings: issues.warnings() };
	}
	return { ok: true, value: d, warnings: issues.warnings() };
}

/**
 * The financial years a dataset's projection covers: from the one after the base census to the
 * horizon's (`2021/22` … `2025/26` for base 2021, horizon 2026), or [] when the years are invalid.
 * @example projectionYears({ baseCensus: 2021, horizonCensus: 2026 }) // ['2021/22', …, '2025/26']
 */
export function projectionYears(d: Pick<Dataset, 'baseCensus' | 'horizonCensus'>): FinancialYear[] {
	if (!wholeYear(d.baseCensus) || !wholeYear(d.horizonCensus)) return [];
	const out: FinancialYear[] = [];
	for (let c = d.baseCensus + 1; c <= d.horizonCensus; c++) out.push(financialYearOfCensus(c));
	return out;
}

/** `['a', 'b', 'c']` → `a, b and c`. */
const andList = (items: readonly string[]) =>
	items.length <= 1
		? items.join('')
		: `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const lowerFirst = (s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s);
const wholeYear = (y: number) => isWhole(y) && y >= MIN_YEAR && y <= MAX_YEAR;
const yearRule = `a whole year between ${MIN_YEAR} and ${MAX_YEAR}`;

function checkTop(d: Dataset, top: string, issues: IssueCollector) {
	if (d.id.trim() === '') issues.error(['id'], `${top}: the id must not be empty.`);
	if (d.name.trim() === '') issues.error(['name'], `${top}: the name must not be empty.`);
	if (d.authority.name.trim() === '') {
		issues.error(['authority', 'name'], 'Authority: the name must not be empty.');
	}
	if (!isIsoDate(d.dataDate)) {
		issues.error(
			['dataDate'],
			`${top}: the data date ("dataDate") must be a date written YYYY-MM-DD, got ${describeValue(d.dataDate)}.`
		);
	}
	const base = wholeYear(d.baseCensus);
	const horizon = wholeYear(d.horizonCensus);
	if (!base) {
		issues.error(
			['baseCensus'],
			`${top}: the base census ("baseCensus") must be ${yearRule}, got ${d.baseCensus}.`
		);
	}
	if (!horizon) {
		issues.error(
			['horizonCensus'],
			`${top}: the horizon census ("horizonCensus") must be ${yearRule}, got ${d.horizonCensus}.`
		);
	}
	if (base && horizon && d.baseCensus >= d.horizonCensus) {
		issues.error(
			['horizonCensus'],
			`${top}: the horizon census (January ${d.horizonCensus}) must be after the base census (January ${d.baseCensus}).`
		);
	} else if (base && horizon && d.horizonCensus - d.baseCensus > MAX_HORIZON_YEARS) {
		issues.error(
			['horizonCensus'],
			`${top}: the horizon census (January ${d.horizonCensus}) must be at most ${MAX_HORIZON_YEARS} years after the base census (January ${d.baseCensus}).`
		);
	}
	const opening = moneyProblem(
		d.finance.openingCumulativeDeficit.value,
		'the opening cumulative deficit'
	);
	if (opening) {
		issues.error(['finance', 'openingCumulativeDeficit', 'value'], `Finance: ${opening}.`);
	}
}

/** Whether `s` is a calendar date written YYYY-MM-DD. */
function isIsoDate(s: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return false;
	const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const t = new Date(Date.UTC(y, mo - 1, da));
	return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === da;
}

/**
 * A signed-off report carries what froze it (when, who, the figures); a draft carries none of it,
 * so that a file cannot show a "signed-off" quarter whose figures would follow today's results
 * (docs/model.md §5.4). Each report's own condition assessments have distinct ids.
 */
function checkReportGovernance(d: Dataset, issues: IssueCollector) {
	d.reports.forEach((r, i) => {
		const name = `Report ${i + 1} ("${r.id}")`;
		if (r.status === 'signed_off') {
			if (!r.snapshot) {
				issues.error(
					['reports', i, 'snapshot'],
					`${name}: a signed-off report needs its snapshot of figures.`
				);
			}
			if (!r.signedOffAt || Number.isNaN(Date.parse(r.signedOffAt))) {
				issues.error(
					['reports', i, 'signedOffAt'],
					`${name}: a signed-off report needs the date and time it was signed off (ISO 8601), got ${JSON.stringify(r.signedOffAt ?? null)}.`
				);
			}
		} else if (r.snapshot || r.signedOffAt || r.signedOffBy) {
			issues.error(
				['reports', i, 'status'],
				`${name}: only a signed-off report (status "signed_off") has a snapshot, "signedOffAt" or "signedOffBy".`
			);
		}
		if (r.conditions) {
			checkIds(
				r.conditions.map((c) => c.id),
				['reports', i, 'conditions'],
				(j) => `${name}, condition ${j + 1}`,
				issues
			);
		}
	});
}

/** Reports empty and repeated ids of a list. */
function checkIds(
	ids: readonly string[],
	path: PathKey[],
	name: (i: number) => string,
	issues: IssueCollector,
	pattern?: { re: RegExp; rule: string }
) {
	const first = new Map<string, number>();
	ids.forEach((id, i) => {
		if (id.trim() === '') {
			issues.error([...path, i, 'id'], `${name(i)}: the id must not be empty.`);
			return;
		}
		if (pattern && !pattern.re.test(id)) {
			issues.error([...path, i, 'id'], `${name(i)}: the id "${id}" ${pattern.rule}.`);
		}
		const j = first.get(id);
		if (j !== undefined) {
			issues.error(
				[...path, i, 'id'],
				`${name(i)}: the id "${id}" is already used by ${lowerFirst(name(j))}; each needs its own.`
			);
		} else first.set(id, i);
	});
}

const idRule = {
	re: ID_PATTERN,
	rule: 'must start with a letter or digit and hold only letters, digits, "_" and "-"'
};

/** The dataset's settings by id, and its needs, for cross-references. */
interface SettingIndex {
	byId: Map<string, SettingDef>;
	needs: Set<string>;
	/** "mainstream, resourced_provision, …" for messages. */
	list: string;
	/** Settings whose own NCY range is invalid: cells in them are not range-checked again. */
	badRange: Set<string>;
}

/** "setting "hospital" is not one of the dataset's settings (mainstream, …)". */
function unknownSetting(id: string, list: string): string {
	return `setting "${id}" is not one of the dataset's settings (${list})`;
}

function checkNeedsAndSettings(d: Dataset, issues: IssueCollector): SettingIndex {
	if (d.needs.length === 0) {
		issues.error(
			['needs'],
			'Needs: the dataset needs at least one need (use "ALL" when needs are not known).'
		);
	}
	const seenNeeds = new Set<string>();
	d.needs.forEach((need, i) => {
		const where = `Need ${i + 1}`;
		if (!ID_PATTERN.test(need)) {
			issues.error(['needs', i], `${where}: "${need}" ${idRule.rule}.`);
		} else if (need === NONSEND) {
			issues.error(['needs', i], `${where}: "${NONSEND}" is reserved for children without a plan.`);
		}
		if (seenNeeds.has(need)) issues.error(['needs', i], `${where}: "${need}" is listed twice.`);
		seenNeeds.add(need);
	});
	if (d.settings.length === 0) {
		issues.error(['settings'], 'Settings: the dataset needs at least one setting.');
	}
	checkIds(
		d.settings.map((s) => s.id),
		['settings'],
		(i) => `Setting ${i + 1}`,
		issues,
		idRule
	);
	const byId = new Map(d.settings.map((s) => [s.id, s]));
	const list = listOf(d.settings.map((s) => s.id));
	const badRange = new Set<string>();
	d.settings.forEach((s, i) => {
		const where = settingWhere(s, i);
		const path = ['settings', i];
		if (s.id === NONSEND) {
			issues.error(
				[...path, 'id'],
				`${where}: "${NONSEND}" is reserved for children without a plan.`
			);
		}
		if (s.name.trim() === '')
			issues.error([...path, 'name'], `${where}: the name must not be empty.`);
		let range = true;
		for (const key of ['minNcy', 'maxNcy'] as const) {
			const y = s[key];
			if (!isWhole(y) || y < SETTING_MIN_NCY || y > SETTING_MAX_NCY) {
				range = false;
				issues.error(
					[...path, key],
					`${where}: ${FIELDS[key]} must be a whole number from ${SETTING_MIN_NCY} to ${SETTING_MAX_NCY} (ages ${SETTING_MIN_NCY + 4} to ${SETTING_MAX_NCY + 4}), got ${y}.`
				);
			}
		}
		if (!range) badRange.add(s.id);
		if (range && s.minNcy > s.maxNcy) {
			badRange.add(s.id);
			issues.error(
				[...path, 'maxNcy'],
				`${where}: the youngest NCY (${s.minNcy}) is above the oldest (${s.maxNcy}).`
			);
		}
		if (s.needs !== null) {
			if (s.needs.length === 0) {
				issues.error(
					[...path, 'needs'],
					`${where}: the needs list is empty, so no child could be placed here; use null for every need.`
				);
			}
			s.needs.forEach((n, j) => {
				if (!seenNeeds.has(n)) {
					issues.error(
						[...path, 'needs', j],
						`${where}: need "${n}" is not one of the dataset's needs (${listOf(d.needs)}).`
					);
				}
			});
		}
		s.destinations?.forEach((to, j) => {
			if (!byId.has(to)) {
				issues.error(
					[...path, 'destinations', j],
					`${where}: destination "${to}" is not one of the dataset's settings (${list}).`
				);
			}
		});
	});
	return { byId, needs: seenNeeds, list, badRange };
}

function countRule(
	figure: Figure,
	where: string,
	path: PathKey[],
	issues: IssueCollector,
	{ whole, what = 'the count', max = MAX_CHILDREN }: { whole: boolean; what?: string; max?: number }
) {
	const x = figure.value;
	if (x < 0 || x > max || (whole && !isWhole(x))) {
		issues.error(
			path,
			`${where}: ${what} must be ${whole ? 'a whole number' : 'a number'} from 0 to ${max.toLocaleString('en-GB')}, got ${x}.`
		);
	}
}

function checkBaseCaseload(d: Dataset, settings: SettingIndex, issues: IssueCollector) {
	const showNeed = d.needs.length !== 1;
	const seen = new Map<string, number>();
	d.baseCaseload.forEach((cell, i) => {
		const path = ['baseCaseload', i];
		const def = settings.byId.get(cell.setting);
		if (!def) {
			issues.error(
				[...path, 'setting'],
				`Base caseload row ${i + 1}: ${unknownSetting(cell.setting, settings.list)}.`
			);
			return;
		}
		const where = caseloadWhere(cell, i, showNeed);
		if (!settings.needs.has(cell.need)) {
			issues.error(
				[...path, 'need'],
				`${where}: need "${cell.need}" is not one of the dataset's needs (${listOf(d.needs)}).`
			);
		} else if (def.needs !== null && !def.needs.includes(cell.need)) {
			issues.error(
				[...path, 'need'],
				`${where}: setting "${def.id}" does not take need "${cell.need}" (it takes ${listOf(def.needs)}).`
			);
		}
		if (!isWhole(cell.ncy)) {
			issues.error([...path, 'ncy'], `${where}: the NCY must be a whole number, got ${cell.ncy}.`);
		} else if (!settings.badRange.has(def.id) && (cell.ncy < def.minNcy || cell.ncy > def.maxNcy)) {
			issues.error(
				[...path, 'ncy'],
				`${where}: setting "${def.id}" takes NCY ${def.minNcy} to ${def.maxNcy}, so NCY ${cell.ncy} is not a valid state.`
			);
		}
		countRule(cell.count, where, [...path, 'count', 'value'], issues, { whole: true });
		const key = JSON.stringify([cell.ncy, cell.need, cell.setting]);
		const j = seen.get(key);
		if (j !== undefined) {
			issues.warn(path, `${where}: repeats base caseload row ${j + 1}; the two counts are added.`);
		} else seen.set(key, i);
	});
	let total = 0;
	for (const cell of d.baseCaseload) total += cell.count.value;
	if (total > MAX_TOTAL_CHILDREN) {
		issues.error(
			['baseCaseload'],
			`Base caseload: the counts add up to ${total} children, more than the ${MAX_TOTAL_CHILDREN.toLocaleString('en-GB')} any council could hold.`
		);
	}
	if (
		d.baseCaseload.length === 0 &&
		!d.history.caseloadByAgeBand.some((b) => b.year === d.baseCensus)
	) {
		issues.error(
			['baseCaseload'],
			`Base caseload: it is empty and the history has no caseload by age band for January ${d.baseCensus}, so the projection has no starting point.`
		);
	}
}

function checkHistory(d: Dataset, settings: SettingIndex, issues: IssueCollector) {
	for (const series of Object.keys(HISTORY_LABELS) as (keyof Dataset['history'])[]) {
		const seen = new Map<string, number>();
		const rows: readonly (YearCount & { band?: string; setting?: string })[] = d.history[series];
		rows.forEach((row, i) => {
			const path = ['history', series, i];
			const where = historyWhere(series, row, i);
			if (!wholeYear(row.year)) {
				issues.error([...path, 'year'], `${where}: the year must be ${yearRule}, got ${row.year}.`);
			}
			if (row.setting !== undefined && !settings.byId.has(row.setting)) {
				issues.error(
					[...path, 'setting'],
					`${where}: ${unknownSetting(row.setting, settings.list)}.`
				);
			}
			if (row.count.value < 0 || row.count.value > MAX_CHILDREN) {
				issues.error(
					[...path, 'count', 'value'],
					`${where}: the count must be a number from 0 to ${MAX_CHILDREN.toLocaleString('en-GB')}, got ${row.count.value}.`
				);
			}
			const key = JSON.stringify([row.year, row.band ?? row.setting ?? '']);
			const j = seen.get(key);
			if (j !== undefined) {
				issues.warn(
					path,
					`${where}: repeats row ${j + 1} of the same series; the two counts are added.`
				);
			} else seen.set(key, i);
		});
	}
}

function checkTransitions(d: Dataset, settings: SettingIndex, issues: IssueCollector) {
	d.transitions?.forEach((t, i) => {
		const path = ['transitions', i];
		const where = transitionWhere(t, i);
		if (!wholeYear(t.calendarYear)) {
			issues.error(
				[...path, 'calendarYear'],
				`${where}: the calendar year must be ${yearRule}, got ${t.calendarYear}.`
			);
		}
		for (const side of ['1', '2'] as const) {
			const setting = t[`setting${side}`];
			const need = t[`need${side}`];
			const ncy = t[`ncy${side}`];
			if (setting !== NONSEND && !settings.byId.has(setting)) {
				issues.error(
					[...path, `setting${side}`],
					`${where}: "setting${side}" is "${setting}", which is neither one of the dataset's settings (${settings.list}) nor ${NONSEND}.`
				);
			}
			if (need !== NONSEND && !settings.needs.has(need)) {
				issues.error(
					[...path, `need${side}`],
					`${where}: "need${side}" is "${need}", which is neither one of the dataset's needs (${listOf(d.needs)}) nor ${NONSEND}.`
				);
			}
			if ((setting === NONSEND) !== (need === NONSEND)) {
				issues.error(
					[...path, `need${side}`],
					`${where}: "setting${side}" and "need${side}" must both be ${NONSEND} or neither, got "${setting}" and "${need}".`
				);
			}
			if (!isWhole(ncy) || ncy < ROW_MIN_NCY || ncy > ROW_MAX_NCY) {
				issues.error(
					[...path, `ncy${side}`],
					`${where}: "ncy${side}" must be a whole number from ${ROW_MIN_NCY} to ${ROW_MAX_NCY}, got ${ncy}.`
				);
			}
		}
		if (t.setting1 === NONSEND && t.setting2 === NONSEND) {
			issues.error(
				path,
				`${where}: a child who is ${NONSEND} on both sides is neither a joiner nor a leaver; remove the row.`
			);
		}
	});
}

function checkPopulation(d: Dataset, issues: IssueCollector) {
	const seen = new Map<string, number>();
	d.population?.forEach((p, i) => {
		const path = ['population', i];
		const where = populationWhere(p, i);
		if (!wholeYear(p.year)) {
			issues.error([...path, 'year'], `${where}: the year must be ${yearRule}, got ${p.year}.`);
		}
		if (!isWhole(p.ncy) || p.ncy < ROW_MIN_NCY || p.ncy > ROW_MAX_NCY) {
			issues.error(
				[...path, 'ncy'],
				`${where}: the NCY must be a whole number from ${ROW_MIN_NCY} to ${ROW_MAX_NCY}, got ${p.ncy}.`
			);
		}
		countRule(p.population, where, [...path, 'population', 'value'], issues, {
			whole: false,
			what: 'the population',
			max: MAX_POPULATION
		});
		const key = `${p.year}/${p.ncy}`;
		const j = seen.get(key);
		if (j !== undefined) {
			issues.error(
				path,
				`${where}: population row ${j + 1} gives the same year and NCY; keep one.`
			);
		} else seen.set(key, i);
	});
}

function checkReferencePopulations(d: Dataset, issues: IssueCollector) {
	const seen = new Set<string>();
	d.referencePopulations.forEach((r, i) => {
		const where = `Reference population "${r.id}"`;
		if (seen.has(r.id)) {
			issues.error(['referencePopulations', i, 'id'], `${where}: it is given twice; keep one.`);
		}
		seen.add(r.id);
		for (const [year, figure] of Object.entries(r.byYear)) {
			const path = ['referencePopulations', i, 'byYear', year];
			if (!/^\d{4}$/.test(year) || !wholeYear(Number(year))) {
				issues.error(path, `${where}: "${year}" is not a census year like 2021.`);
			}
			countRule(figure, `${where}, ${year}`, [...path, 'value'], issues, {
				whole: false,
				what: 'the population',
				max: MAX_POPULATION
			});
		}
	});
}

function checkEstimation(d: Dataset, issues: IssueCollector) {
	const e = d.estimation;
	const where = 'Estimation settings';
	for (const key of ['firstFlowYear', 'lastFlowYear'] as const) {
		const y = e[key];
		if (y !== null && !wholeYear(y)) {
			issues.error(
				['estimation', key],
				`${where}: ${FIELDS[key]} must be ${yearRule} or null, got ${y}.`
			);
		}
	}
	if (e.firstFlowYear !== null && e.lastFlowYear !== null && e.firstFlowYear > e.lastFlowYear) {
		issues.error(
			['estimation', 'lastFlowYear'],
			`${where}: the first flow year (${e.firstFlowYear}) is after the last (${e.lastFlowYear}).`
		);
	}
	if (!isWhole(e.backtestHoldout) || e.backtestHoldout < 1) {
		issues.error(
			['estimation', 'backtestHoldout'],
			`${where}: the back-test holdout ("backtestHoldout") must be a whole number of census years ≥ 1, got ${e.backtestHoldout}.`
		);
	}
}

function checkUnitCosts(d: Dataset, settings: SettingIndex, issues: IssueCollector) {
	const seen = new Map<string, number>();
	d.unitCosts.forEach((c, i) => {
		const path = ['unitCosts', i];
		if (!settings.byId.has(c.setting)) {
			issues.error(
				[...path, 'setting'],
				`Unit cost row ${i + 1}: ${unknownSetting(c.setting, settings.list)}.`
			);
			return;
		}
		const where = unitCostWhere(c, i);
		if (c.need !== null && !settings.needs.has(c.need)) {
			issues.error(
				[...path, 'need'],
				`${where}: need "${c.need}" is not one of the dataset's needs (${listOf(d.needs)}); use null for every need.`
			);
		}
		if (c.cost.value < 0 || c.cost.value > MAX_UNIT_COST) {
			issues.error(
				[...path, 'cost', 'value'],
				`${where}: the cost must be ${UNIT_COST_RULE}, got ${c.cost.value}.`
			);
		}
		const key = JSON.stringify([c.setting, c.need]);
		const j = seen.get(key);
		if (j !== undefined) {
			issues.error(
				path,
				`${where}: unit cost row ${j + 1} prices the same setting and need; keep one.`
			);
		} else seen.set(key, i);
	});
	// A setting holding children with no price costs nothing: allowed, but worth saying.
	const priced = new Set(d.unitCosts.map((c) => JSON.stringify([c.setting, c.need])));
	const unpriced = new Set<string>();
	for (const cell of d.baseCaseload) {
		if (cell.count.value <= 0) continue;
		if (priced.has(JSON.stringify([cell.setting, null]))) continue;
		if (priced.has(JSON.stringify([cell.setting, cell.need]))) continue;
		unpriced.add(d.needs.length === 1 ? cell.setting : `${cell.setting} (need ${cell.need})`);
	}
	if (unpriced.size > 0) {
		issues.warn(
			['unitCosts'],
			`Unit costs: no cost for ${listOf([...unpriced])}, which hold children at the base census; those placements cost £0.`
		);
	}
}

/**
 * What is wrong with a ledger value of `line`, or null: rates within −0.5…1, the cap above £0;
 * other money may be any amount within ±£10bn (`MAX_MONEY`; a negative variance is an underspend).
 * @example ledgerValueProblem('unit_cost_inflation', 3) // 'the rate must be a fraction from -0.5 to 1 (0.03 is 3%), got 3'
 */
export function ledgerValueProblem(line: LedgerLineId, value: number): string | null {
	if (RATE_LEDGER_LINES.includes(line)) {
		const [lo, hi] = INFLATION_BOUNDS;
		if (value < lo || value > hi) {
			return `the rate must be a fraction from ${lo} to ${hi} (0.03 is 3%), got ${value}`;
		}
	} else if (line === 'deficit_cap' && !(value > 0)) {
		return `the cap must be more than £0, got ${formatPounds(value)}`;
	} else {
		return moneyProblem(value, line === 'deficit_cap' ? 'the cap' : 'the amount');
	}
	return null;
}

/**
 * What is wrong with a savings delivery (a fraction of target), or null.
 * @example deliveryProblem(85) // 'the delivery must be a fraction from 0 to 2 (1 is in full), got 85'
 */
export function deliveryProblem(value: number): string | null {
	const [lo, hi] = DELIVERY_BOUNDS;
	return value < lo || value > hi
		? `the delivery must be a fraction from ${lo} to ${hi} (1 is in full), got ${value}`
		: null;
}

/** "2021-22" → an error; years outside the projection → a warning (they are not used). */
function checkYearKeys(
	figures: YearFigures,
	years: readonly FinancialYear[],
	where: string,
	path: PathKey[],
	issues: IssueCollector
): FinancialYear[] {
	const ok: FinancialYear[] = [];
	const outside: FinancialYear[] = [];
	for (const fy of Object.keys(figures)) {
		if (!isFinancialYear(fy)) {
			issues.error([...path, fy], `${where}: "${fy}" is not a financial year like 2021/22.`);
		} else {
			ok.push(fy);
			if (years.length > 0 && !years.includes(fy)) outside.push(fy);
		}
	}
	if (outside.length > 0) {
		issues.warn(
			path,
			`${where}: ${outside.length === 1 ? 'the figure for' : 'figures for'} ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the projection (${years[0]} to ${years[years.length - 1]}) and not used.`
		);
	}
	return ok;
}

function checkFinance(d: Dataset, issues: IssueCollector) {
	const years = projectionYears(d);
	const span = years.length ? `every year from ${years[0]} to ${years[years.length - 1]}` : '';
	const f: FinanceLedger = d.finance;
	for (const line of LEDGER_LINE_IDS) {
		const figures = f.lines[line];
		const label = `Finance: "${ledgerLabel(line)}"`;
		const path = ['finance', 'lines', line];
		if (!figures) {
			if (REQUIRED_LEDGER_LINES.includes(line) && span) {
				issues.error(path, `${label} is missing; it needs a figure for ${span}.`);
			}
			continue;
		}
		const given = checkYearKeys(figures, years, label, path, issues);
		for (const fy of given) {
			const problem = ledgerValueProblem(line, figures[fy].value);
			if (problem) issues.error([...path, fy, 'value'], `${label}, ${fy}: ${problem}.`);
		}
		const missing = REQUIRED_LEDGER_LINES.includes(line) ? years.filter((fy) => !figures[fy]) : [];
		if (missing.length > 0) {
			issues.error(
				missing.length === 1 ? [...path, missing[0]] : path,
				`${label} has no figure for ${andList(missing)}; ${span} is needed.`
			);
		}
	}
	if (years.length > 0 && !f.lines.hnb_expenditure_before_savings?.[years[0]]) {
		issues.error(
			['finance', 'lines', 'hnb_expenditure_before_savings', years[0]],
			`Finance: "${ledgerLabel('hnb_expenditure_before_savings')}" has no figure for ${years[0]}; the first year's spend calibrates non-placement spend.`
		);
	}
	checkIds(
		f.savings.map((s) => s.id),
		['finance', 'savings'],
		(i) => savingsWhere(f.savings[i], i),
		issues,
		{ re: SLUG_PATTERN, rule: 'must be a lower-case slug such as "post_16_offer"' }
	);
	f.savings.forEach((s, i) => {
		const where = savingsWhere(s, i);
		const path = ['finance', 'savings', i];
		if (RESERVED_IDS.has(s.id)) {
			issues.error([...path, 'id'], `${where}: the id "${s.id}" is reserved; choose another.`);
		}
		if (s.name.trim() === '')
			issues.error([...path, 'name'], `${where}: the name must not be empty.`);
		if (s.structuralLeverId !== null && s.structuralLeverId.trim() === '') {
			issues.error(
				[...path, 'structuralLeverId'],
				`${where}: the structural lever id must not be empty; use null for a line that is not structural.`
			);
		}
		for (const fy of checkYearKeys(
			s.targets,
			years,
			`${where}, targets`,
			[...path, 'targets'],
			issues
		)) {
			const x = s.targets[fy].value;
			if (x < 0 || x > MAX_MONEY) {
				issues.error(
					[...path, 'targets', fy, 'value'],
					`${where}, target for ${fy}: the target must be from £0 to £${MAX_MONEY.toLocaleString('en-GB')}, got ${x}.`
				);
			}
			if (x > 0 && years.includes(fy) && !s.delivery[fy]) {
				issues.warn(
					[...path, 'delivery'],
					`${where}: a target for ${fy} but no delivery; it is taken as 0 (nothing delivered).`
				);
			}
		}
		for (const fy of checkYearKeys(
			s.delivery,
			years,
			`${where}, delivery`,
			[...path, 'delivery'],
			issues
		)) {
			const problem = deliveryProblem(s.delivery[fy].value);
			if (problem)
				issues.error(
					[...path, 'delivery', fy, 'value'],
					`${where}, delivery in ${fy}: ${problem}.`
				);
		}
		checkSavingsTracking(s, years, where, path, issues);
	});
}

/** A savings line's optional timing and quarterly actuals (docs/model.md §3.5). */
function checkSavingsTracking(
	s: SavingsLine,
	years: readonly FinancialYear[],
	where: string,
	path: PathKey[],
	issues: IssueCollector
): void {
	if (s.quarterShares !== undefined) {
		const problem = quarterSharesProblem(s.quarterShares);
		if (problem) issues.error([...path, 'quarterShares'], `${where}, timing: ${problem}.`);
	}
	const outside: string[] = [];
	for (const [q, figure] of Object.entries(s.actuals ?? {})) {
		const fy = financialYearOfQuarter(q);
		if (fy === null) {
			issues.error(
				[...path, 'actuals', q],
				`${where}, actual savings: "${q}" is not a quarter like 2021-Q1 (Q1 is April to June).`
			);
			continue;
		}
		if (years.length > 0 && !years.includes(fy)) outside.push(q);
		const x = figure.value;
		if (x < 0 || x > MAX_MONEY) {
			issues.error(
				[...path, 'actuals', q, 'value'],
				`${where}, actual savings in ${q}: the amount must be from £0 to £${MAX_MONEY.toLocaleString('en-GB')}, got ${x}.`
			);
		}
	}
	if (outside.length > 0) {
		issues.warn(
			[...path, 'actuals'],
			`${where}, actual savings: ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the projection (${years[0]} to ${years[years.length - 1]}) and not shown.`
		);
	}
}

const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

/**
 * What is wrong with a KPI figure of a unit, or null. Counts may be negative — the council's
 * report writes ceased plans as −72 — but not beyond 1,000,000 children; any other figure is
 * within ±10bn.
 */
function kpiValueProblem(unit: Kpi['unit'], x: number): string | null {
	if (unit === 'count' && Math.abs(x) > MAX_CHILDREN) {
		return `must be a count within ±${MAX_CHILDREN.toLocaleString('en-GB')}, got ${x}`;
	}
	return Math.abs(x) > MAX_MONEY
		? `must be within ±${MAX_MONEY.toLocaleString('en-GB')}, got ${x}`
		: null;
}

function checkKpis(d: Dataset, issues: IssueCollector, clock: Clock) {
	const range = plausibleYears(clock);
	const seen = new Map<string, number>();
	d.kpis.forEach((k, i) => {
		const path = ['kpis', i];
		const where = kpiWhere(k, i);
		if (k.ref.trim() === '') {
			issues.error([...path, 'ref'], `KPI row ${i + 1}: the reference ("ref") must not be empty.`);
		} else {
			const j = seen.get(k.ref);
			if (j !== undefined) {
				issues.error(
					[...path, 'ref'],
					`KPI row ${i + 1}: the reference "${k.ref}" is already used by KPI row ${j + 1}; each KPI needs its own.`
				);
			} else seen.set(k.ref, i);
		}
		if (!isWhole(k.monthsElapsed) || k.monthsElapsed < 0 || k.monthsElapsed > 12) {
			issues.error(
				[...path, 'monthsElapsed'],
				`${where}: the months elapsed must be a whole number from 0 to 12, got ${k.monthsElapsed}.`
			);
		}
		if (k.rule.amberTolerance < 0) {
			issues.error(
				[...path, 'rule', 'amberTolerance'],
				`${where}: the amber tolerance must be a fraction ≥ 0, got ${k.rule.amberTolerance}.`
			);
		}
		if (k.rule.redTolerance !== null && k.rule.redTolerance < k.rule.amberTolerance) {
			issues.error(
				[...path, 'rule', 'redTolerance'],
				`${where}: the red tolerance (${k.rule.redTolerance}) must be at least the amber tolerance (${k.rule.amberTolerance}).`
			);
		}
		for (const key of ['baseline', 'annualTarget', 'projection'] as const) {
			const f = k[key];
			const problem = f ? kpiValueProblem(k.unit, f.value) : null;
			if (problem) issues.error([...path, key, 'value'], `${where}: ${FIELDS[key]} ${problem}.`);
		}
		k.actuals.forEach((a, j) => {
			const at = `${where}, actual ${j + 1}`;
			if (!PERIOD_PATTERN.test(a.period)) {
				issues.error(
					[...path, 'actuals', j, 'period'],
					`${at}: the period must be a month like 2021-05 or a quarter like 2021-Q1, got ${describeValue(a.period)}.`
				);
			} else {
				const problem = yearRangeProblem(Number(a.period.slice(0, 4)), range);
				if (problem) {
					issues.error(
						[...path, 'actuals', j, 'period'],
						`${at} (${a.period}): the period's ${problem.slice(4)}.`
					);
				}
			}
			const problem = kpiValueProblem(k.unit, a.value.value);
			if (problem) {
				issues.error([...path, 'actuals', j, 'value', 'value'], `${at}: the value ${problem}.`);
			}
		});
	});
}
