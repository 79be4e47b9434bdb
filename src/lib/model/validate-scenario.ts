/**
 * Runtime validation of a scenario against its dataset (docs/model.md §2 levers, §3 pins, §4
 * finance, §2 Monte Carlo): the structure by schema (schemas.ts), then the meaning by code.
 * Every message starts with the scenario's name and, for a lever, its number and what it does:
 * `Scenario "Growth 9%", lever 2 (new plans ×1.09): "from" 2027/28 is after the horizon (2025/26).`
 *
 * Rules kept here, and why:
 * - Years a scenario names (lever windows, pins, savings delivery) must be financial years of
 *   the projection: a year outside it would silently do nothing. Use null for an open window.
 * - A pinned year's ledger values follow the dataset's rules (rates −0.5…1, cap above £0).
 * - Flow targets name a census the projection ends a step at (base census + 1 … horizon).
 * - Monte Carlo: 1…100,000 simulations (more would not fit in a browser's memory), a seed
 *   that a 32-bit generator accepts (0…2³²−1).
 * - Plausible bounds (validate-bounds.ts, docs/decisions/0017): one lever's multiplier is at
 *   most ×11 (+1000%, the editor's limit), and so is the product of every multiplier active in
 *   one year for one age band; combined allocation growth in a year is at most +100%; money is
 *   within ±£10bn, one-off costs added up in a year too; capacities and flow targets at most
 *   1,000,000 children. Stacked levers cannot overflow the projection.
 */
import { AGE_BANDS } from './categories';
import type { Dataset } from './dataset';
import { LEDGER_LINE_IDS } from './dataset';
import type { Lever, Scenario } from './scenario';
import { PHASE_TRANSFERS } from './scenario';
import { ScenarioSchema } from './schemas';
import type { IssueCollector, Location, PathKey, ValidationResult } from './validate';
import {
	quoteCount as formatCount,
	quotePercent as formatPercent,
	quotePounds as formatPounds
} from './format';
import {
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
import {
	INFLATION_BOUNDS,
	deliveryProblem,
	ledgerLabel,
	ledgerValueProblem,
	projectionYears
} from './validate-dataset';
import type { FinancialYear } from './years';
import {
	MAX_CHILDREN,
	MAX_COMBINED_GROWTH,
	MAX_COMBINED_MULTIPLIER,
	MAX_MONEY,
	MULTIPLIER_BOUNDS,
	NEW_PLANS_CHANGE_BOUNDS,
	SHARE_BOUNDS,
	TOTAL_GROWTH_BOUNDS,
	moneyProblem
} from './validate-bounds';
import { censusOfFinancialYear, isFinancialYear, withinYears } from './years';

export const MAX_SIMULATIONS = 100_000;
export const MAX_SEED = 2 ** 32 - 1;

const FIELDS: Record<string, string> = {
	id: 'the id',
	name: 'the name',
	parentId: 'the parent ("parentId")',
	role: 'the role ("role": "plan", "projection" or "none")',
	description: 'the description',
	colour: 'the colour ("colour")',
	openingCumulativeDeficit: 'the opening cumulative deficit',
	ledger: 'the pinned ledger ("ledger")',
	savingsDelivery: 'the savings delivery ("savingsDelivery")',
	demand: 'the demand settings ("demand")',
	estimator: 'the new-plans estimator ("demand.estimator")',
	leaverEstimator: 'the ceased-plans estimator ("demand.leaverEstimator")',
	flowTargets: 'the flow targets ("demand.flowTargets")',
	levers: 'the levers',
	monteCarlo: 'the Monte Carlo settings ("monteCarlo")',
	simulations: 'the number of simulations ("monteCarlo.simulations")',
	seed: 'the seed ("monteCarlo.seed")',
	census: 'the census',
	joiners: 'the joiners',
	leavers: 'the leavers',
	label: 'the label',
	kind: 'the kind ("kind")',
	from: '"from"',
	until: '"until"',
	multiplier: 'the multiplier',
	band: 'the age band',
	fromSetting: '"fromSetting"',
	toSetting: '"toSetting"',
	share: 'the share',
	setting: 'the setting',
	capacity: 'the capacity',
	overflowSetting: '"overflowSetting"',
	rate: 'the rate',
	amount: 'the amount',
	line: 'the line',
	delivery: 'the delivery',
	basis: 'the basis ("basis": "count" or "change")',
	value: 'the value',
	phaseTransferOnly: 'whether only children at phase transfer move ("phaseTransferOnly")'
};

const LEVER_FIELDS: Record<string, string> = {
	joiners: 'whether new plans are redirected ("joiners")',
	movers: 'whether moves are redirected ("movers")'
};

/** `Scenario "May 2021 projection"`, from whatever name or id the input has. */
export function scenarioWhere(raw: unknown, index?: number): string {
	const name = textProp(raw, 'name');
	if (name && name.trim()) return `Scenario "${name}"`;
	const id = textProp(raw, 'id');
	if (id && id.trim()) return `Scenario "${id}"`;
	return index === undefined ? 'Scenario' : `Scenario ${index + 1}`;
}

const bandLabel = (band: unknown) => AGE_BANDS.find((b) => b.id === band)?.label;
const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** The names users see for the ids a lever refers to (settings, savings lines). */
export interface LeverNames {
	setting: (id: string) => string;
	savingsLine: (id: string) => string;
}

/**
 * The dataset's names for settings and savings lines; an id the dataset lacks stays as written.
 * @example leverNames(kingston).setting('independent_special') // 'Independent special schools'
 */
export function leverNames(d: Pick<Dataset, 'settings' | 'finance'>): LeverNames {
	const settings = new Map(d.settings.map((x) => [x.id, x.name]));
	const lines = new Map(d.finance.savings.map((x) => [x.id, x.name]));
	return {
		setting: (id) => settings.get(id) ?? id,
		savingsLine: (id) => lines.get(id) ?? id
	};
}

const AS_WRITTEN: LeverNames = { setting: (id) => id, savingsLine: (id) => id };

/**
 * A lever in words, from its label or else from what it does: "new plans ×1.09",
 * "20% of new plans from Independent special schools to Maintained special schools" — settings
 * and savings lines by the names users see when `names` is given (ids otherwise). Reads
 * untrusted input.
 * @example describeLever({ kind: 'joiners', multiplier: 1.09, band: null, label: '' }) // 'new plans ×1.09'
 */
export function describeLever(raw: unknown, names: LeverNames = AS_WRITTEN): string {
	const label = textProp(raw, 'label');
	if (label && label.trim()) return `"${label}"`;
	const kind = prop(raw, 'kind');
	const n = (key: string) => num(prop(raw, key));
	const text = (key: string) => textProp(raw, key);
	const s = (key: string) => {
		const v = text(key);
		return v === undefined ? undefined : names.setting(v);
	};
	const forBand = () => {
		const b = bandLabel(prop(raw, 'band'));
		return b ? ` for ages ${b}` : '';
	};
	switch (kind) {
		case 'joiners':
		case 'leavers': {
			const what = kind === 'joiners' ? 'new plans' : 'ceased plans';
			const m = n('multiplier');
			return `${what}${m !== undefined ? ` ×${m}` : ''}${forBand()}`;
		}
		case 'redirect': {
			const share = n('share');
			const j = prop(raw, 'joiners') === true;
			const m = prop(raw, 'movers') === true;
			const flows = j && m ? 'new plans and moves' : j ? 'new plans' : m ? 'moves' : 'nothing';
			return `${share !== undefined ? `${formatPercent(share)} of ` : ''}${flows} from ${s('fromSetting') ?? '?'} to ${s('toSetting') ?? '?'}`;
		}
		case 'capacity': {
			const c = n('capacity');
			return `cap on ${s('setting') ?? '?'}${c !== undefined ? ` at ${formatCount(c)}` : ''}, overflow to ${s('overflowSetting') ?? '?'}`;
		}
		case 'unit_cost_inflation': {
			const r = n('rate');
			const setting = s('setting');
			return `unit cost inflation${r !== undefined ? ` ${formatPercent(r)}` : ''}${setting ? ` for ${setting}` : ''}`;
		}
		case 'one_off_cost': {
			const a = n('amount');
			// A figure past the bounds is written as a number: £1e+308 spelt out would run to 400 characters.
			const cost = a === undefined ? '' : Math.abs(a) <= MAX_MONEY ? formatPounds(a) : `£${a}`;
			return `one-off cost${cost ? ` ${cost}` : ''}`;
		}
		case 'allocation_growth': {
			const r = n('rate');
			return `allocation growth${r !== undefined ? ` ${formatPercent(r)} a year` : ''}`;
		}
		case 'ledger': {
			const line = text('line');
			const a = n('amount');
			return `"${line ? ledgerLabel(line) : '?'}" set${a !== undefined ? ` to ${a}` : ''}`;
		}
		case 'savings_delivery': {
			const d = n('delivery');
			const line = text('line');
			return `savings delivery${d !== undefined ? ` ${formatPercent(d)}` : ''} for ${line ? `"${names.savingsLine(line)}"` : 'every line'}`;
		}
		case 'sv_withholding':
			return 'Safety Valve instalment withheld after a breach';
		case 'total_growth': {
			const r = n('rate');
			return `total EHC plans grow${r !== undefined ? ` ${formatPercent(r)}` : ''} a year`;
		}
		case 'new_plans': {
			const v = n('value');
			if (prop(raw, 'basis') === 'change') {
				return `new plans${v !== undefined ? ` ${formatPercent(v)}` : ''} on last year's`;
			}
			return `${v !== undefined ? formatCount(v) : '?'} new plans a year`;
		}
		case 'move_placements': {
			const share = n('share');
			return `${share !== undefined ? `${formatPercent(share)} of ` : ''}placements in ${s('fromSetting') ?? '?'} moved to ${s('toSetting') ?? '?'}${prop(raw, 'phaseTransferOnly') === true ? ' at phase transfer' : ''}`;
		}
		default:
			return typeof kind === 'string' ? `kind "${kind}"` : 'of no known kind';
	}
}

/** `Scenario "X", lever 2 (new plans ×1.09)`. */
function leverWhere(scenario: string, raw: unknown, i: PathKey, names?: LeverNames): string {
	return `${scenario}, lever ${typeof i === 'number' ? i + 1 : i} (${describeLever(raw, names)})`;
}

function flowTargetWhere(scenario: string, raw: unknown, i: PathKey): string {
	const census = numberProp(raw, 'census');
	return `${scenario}, flow target ${typeof i === 'number' ? i + 1 : i}${census !== undefined ? ` (January ${census})` : ''}`;
}

/**
 * Describes a path of a scenario in words (for structural messages).
 * @example scenarioLocator(s)(['levers', 1, 'from']) // { where: 'Scenario "X", lever 2 (new plans ×1.09)', field: '"from"' }
 */
export function scenarioLocator(
	root: unknown,
	index?: number
): (path: readonly PathKey[]) => Location {
	const top = scenarioWhere(root, index);
	return (path) => {
		const [k0, k1, k2] = path;
		const phrase = (keys: readonly PathKey[], extra: Record<string, string> = {}) =>
			fieldPhrase(keys, { ...FIELDS, ...extra });
		const at = (n: number) => valueAt(root, path.slice(0, n));
		switch (path.length > 1 ? k0 : undefined) {
			case 'ledger': {
				const where = `${top}, pinned "${ledgerLabel(k1)}"`;
				return k2 === undefined
					? { where, field: '' }
					: { where: `${where}, ${String(k2)}`, field: phrase(path.slice(3)) };
			}
			case 'savingsDelivery': {
				const where = `${top}, delivery of savings line "${String(k1)}"`;
				return k2 === undefined
					? { where, field: '' }
					: { where: `${where} in ${String(k2)}`, field: phrase(path.slice(3)) };
			}
			case 'demand':
				if (k1 === 'flowTargets' && k2 !== undefined) {
					return { where: flowTargetWhere(top, at(3), k2), field: phrase(path.slice(3)) };
				}
				return { where: top, field: phrase(path.slice(1)) };
			case 'levers':
				return {
					where: leverWhere(top, at(2), k1),
					field: phrase(path.slice(2), LEVER_FIELDS)
				};
			case 'monteCarlo':
				return { where: top, field: phrase(path.slice(1)) };
			default:
				return { where: top, field: phrase(path) };
		}
	};
}

/**
 * Validates a scenario against the dataset it runs on: structure (types, finite numbers, known
 * lever kinds and estimators, no unknown keys), then meaning (lever values and settings, windows
 * inside the horizon, pinned ledger values, savings line ids, flow targets, Monte Carlo).
 * @example
 * const r = validateScenario(input, dataset);
 * if (!r.ok) r.errors[0].message; // 'Scenario "Growth 9%", lever 2 (new plans ×1.09): "from" 2027/28 is after the horizon (2025/26).'
 */
export function validateScenario(
	input: unknown,
	dataset: Dataset,
	index?: number
): ValidationResult<Scenario> {
	const top = scenarioWhere(input, index);
	const structure = checkStructure(ScenarioSchema, input, scenarioLocator(input, index));
	const issues = createIssues();
	if (!structure.ok) {
		for (const i of structure.issues) issues.error(i.path, i.message);
		return { ok: false, errors: issues.errors(top), warnings: [] };
	}
	const s = structure.value;
	const years = projectionYears(dataset);
	if (s.openingCumulativeDeficit) {
		const problem = moneyProblem(
			s.openingCumulativeDeficit.value,
			'the opening cumulative deficit'
		);
		if (problem) issues.error(['openingCumulativeDeficit', 'value'], `${top}: ${problem}.`);
	}
	if (s.id.trim() === '') issues.error(['id'], `${top}: the id must not be empty.`);
	if (s.name.trim() === '') issues.error(['name'], `${top}: the name must not be empty.`);
	if (s.parentId !== null && s.parentId === s.id) {
		issues.error(['parentId'], `${top}: it cannot be its own parent; use null for no parent.`);
	}
	checkLedgerPins(s, top, years, issues);
	checkSavingsDelivery(s, dataset, top, years, issues);
	checkFlowTargets(s, dataset, top, issues);
	checkLevers(s, dataset, top, years, issues);
	if (issues.errorCount === 0) checkCombinedLevers(s, top, years, issues, leverNames(dataset));
	checkMonteCarlo(s, top, issues);
	if (issues.errorCount > 0) {
		return { ok: false, errors: issues.errors(top), warnings: issues.warnings() };
	}
	return { ok: true, value: s, warnings: issues.warnings() };
}

/** What is wrong with a year a scenario names, or null. */
function yearProblem(fy: string, years: readonly FinancialYear[], what: string): string | null {
	if (!isFinancialYear(fy))
		return `${what} must be a financial year like 2022/23, got ${describeValue(fy)}`;
	if (years.length === 0) return null;
	const c = censusOfFinancialYear(fy);
	const first = years[0];
	const last = years[years.length - 1];
	if (c > censusOfFinancialYear(last)) return `${what} ${fy} is after the horizon (${last})`;
	if (c < censusOfFinancialYear(first)) {
		return `${what} ${fy} is before the first year of the projection (${first})`;
	}
	return null;
}

function checkLedgerPins(
	s: Scenario,
	top: string,
	years: readonly FinancialYear[],
	issues: IssueCollector
) {
	for (const line of LEDGER_LINE_IDS) {
		const figures = s.ledger[line];
		if (!figures) continue;
		const where = `${top}, pinned "${ledgerLabel(line)}"`;
		for (const [fy, figure] of Object.entries(figures)) {
			const path = ['ledger', line, fy];
			const bad = yearProblem(fy, years, 'the year');
			if (bad) {
				issues.error(path, `${where}: ${bad}.`);
				continue;
			}
			const problem = ledgerValueProblem(line, figure.value);
			if (problem) issues.error([...path, 'value'], `${where}, ${fy}: ${problem}.`);
		}
	}
}

function checkSavingsDelivery(
	s: Scenario,
	d: Dataset,
	top: string,
	years: readonly FinancialYear[],
	issues: IssueCollector
) {
	const ids = d.finance.savings.map((l) => l.id);
	for (const [line, figures] of Object.entries(s.savingsDelivery)) {
		const where = `${top}, delivery of savings line "${line}"`;
		if (!ids.includes(line)) {
			issues.error(
				['savingsDelivery', line],
				`${top}: savings delivery names savings line "${line}", which the dataset does not have (${ids.length ? listOf(ids) : 'it has none'}).`
			);
			continue;
		}
		for (const [fy, figure] of Object.entries(figures)) {
			const path = ['savingsDelivery', line, fy];
			const bad = yearProblem(fy, years, 'the year');
			if (bad) {
				issues.error(path, `${where}: ${bad}.`);
				continue;
			}
			const problem = deliveryProblem(figure.value);
			if (problem) issues.error([...path, 'value'], `${where} in ${fy}: ${problem}.`);
		}
	}
}

function checkFlowTargets(s: Scenario, d: Dataset, top: string, issues: IssueCollector) {
	const seen = new Map<number, number>();
	const first = d.baseCensus + 1;
	s.demand.flowTargets.forEach((t, i) => {
		const path = ['demand', 'flowTargets', i];
		const where = flowTargetWhere(top, t, i);
		if (!isWhole(t.census) || t.census < first || t.census > d.horizonCensus) {
			issues.error(
				[...path, 'census'],
				`${where}: the census must be one the projection reaches (January ${first} to January ${d.horizonCensus}), got ${t.census}.`
			);
		}
		const j = seen.get(t.census);
		if (j !== undefined) {
			issues.error(
				[...path, 'census'],
				`${where}: flow target ${j + 1} is for the same census; keep one.`
			);
		} else seen.set(t.census, i);
		for (const key of ['joiners', 'leavers'] as const) {
			const f = t[key];
			if (f && (f.value < 0 || f.value > MAX_CHILDREN)) {
				issues.error(
					[...path, key, 'value'],
					`${where}: the ${key} target must be a number of children from 0 to ${formatCount(MAX_CHILDREN)}, got ${f.value}.`
				);
			}
		}
	});
}

function checkLevers(
	s: Scenario,
	d: Dataset,
	top: string,
	years: readonly FinancialYear[],
	issues: IssueCollector
) {
	const settings = new Set(d.settings.map((x) => x.id));
	const defs = d.settings;
	const settingList = listOf(d.settings.map((x) => x.id));
	const savings = d.finance.savings.map((l) => l.id);
	const seen = new Map<string, number>();
	const names = leverNames(d);
	s.levers.forEach((lever, i) => {
		const where = leverWhere(top, lever, i, names);
		const path = ['levers', i];
		const err = (key: PathKey | null, message: string) =>
			issues.error(key === null ? path : [...path, key], `${where}: ${message}.`);
		if (lever.id.trim() === '') err('id', 'the id must not be empty');
		else {
			const j = seen.get(lever.id);
			if (j !== undefined)
				err('id', `the id "${lever.id}" is already used by lever ${j + 1}; each needs its own`);
			else seen.set(lever.id, i);
		}
		// The window.
		let windowOk = true;
		for (const key of ['from', 'until'] as const) {
			const fy = lever[key];
			if (fy === null) continue;
			const bad = yearProblem(fy, years, `"${key}"`);
			if (bad) {
				windowOk = false;
				err(key, bad);
			}
		}
		if (
			windowOk &&
			lever.from !== null &&
			lever.until !== null &&
			censusOfFinancialYear(lever.from) > censusOfFinancialYear(lever.until)
		) {
			err('from', `"from" ${lever.from} is after "until" ${lever.until}`);
		}
		const knownSetting = (key: string, id: string) => {
			if (!settings.has(id)) {
				err(
					key,
					`"${key}" is "${id}", which is not one of the dataset's settings (${settingList})`
				);
			}
			return settings.has(id);
		};
		checkLeverValues(lever, err, knownSetting, savings, issues, where, path);
		if (lever.kind === 'move_placements') checkMoveReaches(lever, defs, issues, where, path);
	});
}

function checkLeverValues(
	lever: Lever,
	err: (key: PathKey | null, message: string) => void,
	knownSetting: (key: string, id: string) => boolean,
	savings: readonly string[],
	issues: IssueCollector,
	where: string,
	path: PathKey[]
) {
	const [lo, hi] = INFLATION_BOUNDS;
	const shareProblem = (share: number) => {
		if (share < SHARE_BOUNDS[0] || share > SHARE_BOUNDS[1]) {
			err(
				'share',
				`the share must be a fraction from ${SHARE_BOUNDS[0]} to ${SHARE_BOUNDS[1]} (0.2 is 20%), got ${share}`
			);
		}
	};
	const twoSettings = (l: { fromSetting: string; toSetting: string }, verb: string) => {
		const a = knownSetting('fromSetting', l.fromSetting);
		const b = knownSetting('toSetting', l.toSetting);
		if (a && b && l.fromSetting === l.toSetting) {
			err('toSetting', `it ${verb} from "${l.fromSetting}" to itself`);
		}
	};
	switch (lever.kind) {
		case 'joiners':
		case 'leavers':
			if (lever.multiplier < MULTIPLIER_BOUNDS[0] || lever.multiplier > MULTIPLIER_BOUNDS[1]) {
				const what = lever.kind === 'joiners' ? 'new plans' : 'ceased plans';
				err(
					'multiplier',
					`the multiplier must be from 0 to ${MAX_COMBINED_MULTIPLIER} (1 leaves ${what} as they are, ${MAX_COMBINED_MULTIPLIER} is +${(MAX_COMBINED_MULTIPLIER - 1) * 100}%), got ${lever.multiplier}`
				);
			}
			break;
		case 'redirect': {
			twoSettings(lever, 'redirects');
			shareProblem(lever.share);
			if (!lever.joiners && !lever.movers) {
				issues.warn(
					path,
					`${where}: it redirects neither new plans nor moves, so it does nothing.`
				);
			}
			break;
		}
		case 'capacity': {
			const a = knownSetting('setting', lever.setting);
			const b = knownSetting('overflowSetting', lever.overflowSetting);
			if (a && b && lever.setting === lever.overflowSetting) {
				err('overflowSetting', `the overflow goes to the capped setting "${lever.setting}" itself`);
			}
			if (lever.capacity < 0 || lever.capacity > MAX_CHILDREN) {
				err(
					'capacity',
					`the capacity must be a number of children from 0 to ${formatCount(MAX_CHILDREN)}, got ${lever.capacity}`
				);
			}
			break;
		}
		case 'unit_cost_inflation':
			if (lever.setting !== null) knownSetting('setting', lever.setting);
			if (lever.rate < lo || lever.rate > hi) {
				err(
					'rate',
					`the rate must be a fraction from ${lo} to ${hi} (0.03 is 3%), got ${lever.rate}`
				);
			}
			break;
		case 'allocation_growth':
			if (lever.rate < lo || lever.rate > hi) {
				err(
					'rate',
					`the rate must be a fraction from ${lo} to ${hi} (0.04 is 4%), got ${lever.rate}`
				);
			}
			break;
		case 'ledger': {
			const problem = ledgerValueProblem(lever.line, lever.amount);
			if (problem) err('amount', problem);
			break;
		}
		case 'savings_delivery': {
			if (lever.line !== null && !savings.includes(lever.line)) {
				err(
					'line',
					`savings line "${lever.line}" is not one of the dataset's savings lines (${savings.length ? listOf([...savings]) : 'it has none'}); use null for every line`
				);
			}
			const problem = deliveryProblem(lever.delivery);
			if (problem) err('delivery', problem);
			break;
		}
		case 'one_off_cost': {
			const problem = moneyProblem(lever.amount);
			if (problem) err('amount', problem);
			break;
		}
		case 'sv_withholding':
			break;
		case 'total_growth': {
			const [gLo, gHi] = TOTAL_GROWTH_BOUNDS;
			if (lever.rate < gLo || lever.rate > gHi) {
				err(
					'rate',
					`the growth must be a fraction from ${formatCount(gLo)} to ${formatCount(gHi)} a year (0.07 is 7%), got ${formatCount(lever.rate)}`
				);
			}
			break;
		}
		case 'new_plans':
			if (lever.basis === 'count') {
				if (lever.value < 0 || lever.value > MAX_CHILDREN) {
					err(
						'value',
						`the number of new plans a year must be from 0 to ${formatCount(MAX_CHILDREN)}, got ${formatCount(lever.value)}`
					);
				}
			} else {
				const [cLo, cHi] = NEW_PLANS_CHANGE_BOUNDS;
				if (lever.value < cLo || lever.value > cHi) {
					err(
						'value',
						`the change on last year's new plans must be a fraction from ${formatCount(cLo)} (none) to ${formatCount(cHi)} (+${formatCount(cHi * 100)}%), got ${formatCount(lever.value)}`
					);
				}
			}
			break;
		case 'move_placements':
			twoSettings(lever, 'moves placements');
			shareProblem(lever.share);
			break;
	}
}

/**
 * Warns when a placement move can move nobody: the destination setting takes none of the school
 * years the children staying in the origin reach (at phase transfer: NCY 7 or 12).
 */
function checkMoveReaches(
	lever: Extract<Lever, { kind: 'move_placements' }>,
	settings: Dataset['settings'],
	issues: IssueCollector,
	where: string,
	path: PathKey[]
) {
	const a = settings.find((x) => x.id === lever.fromSetting);
	const b = settings.find((x) => x.id === lever.toSetting);
	if (!a || !b || a === b) return;
	// Children staying in A age on into NCYs minNcy + 1 … maxNcy of A.
	const reached: number[] = [];
	for (let y = a.minNcy + 1; y <= a.maxNcy; y++) reached.push(y);
	const eligible = lever.phaseTransferOnly
		? reached.filter((y) => PHASE_TRANSFERS.some(([, to]) => to === y))
		: reached;
	if (!eligible.some((y) => y >= b.minNcy && y <= b.maxNcy)) {
		issues.warn(
			path,
			`${where}: ${b.name} takes none of the school years the children in ${a.name} would move at${lever.phaseTransferOnly ? ' phase transfer (Year 7 and Year 12)' : ''}, so nobody moves.`
		);
	}
}

/**
 * The levers' combined effect in each year of the projection: the product of the multipliers of
 * new plans (and of ceased plans) active for any age band, the compounded allocation growth, and
 * the one-off costs added up. Each lever may be within its bounds while 300 of them stacked
 * overflow the projection; these bounds keep the combination as plausible as one lever.
 */
function checkCombinedLevers(
	s: Scenario,
	top: string,
	years: readonly FinancialYear[],
	issues: IssueCollector,
	names: LeverNames
) {
	const bands: (string | null)[] = [null, ...AGE_BANDS.map((b) => b.id)];
	const reported = new Set<string>();
	const once = (key: string, message: string) => {
		if (reported.has(key)) return;
		reported.add(key);
		issues.error(['levers'], message);
	};
	const warned = new Set<string>();
	const warnOnce = (key: string, message: string) => {
		if (warned.has(key)) return;
		warned.add(key);
		issues.warn(['levers'], message);
	};
	for (const fy of years) {
		const active = s.levers.filter((l) => withinYears(fy, l.from, l.until));
		// Levers that set the number of new plans: the later wins in a year (docs/model.md §2.7),
		// and a multiplier of new plans for every age then changes nothing.
		const setters = active.filter((l) => l.kind === 'total_growth' || l.kind === 'new_plans');
		if (setters.length > 0) {
			const last = setters[setters.length - 1];
			const n = (l: Lever) => s.levers.indexOf(l) + 1;
			const lastWords = `lever ${n(last)} (${describeLever(last, names)})`;
			for (const l of setters.slice(0, -1)) {
				warnOnce(
					`setter|${l.id}`,
					`${top}: in ${fy} lever ${n(l)} (${describeLever(l, names)}) and ${lastWords} both set the number of new plans; the later one, ${lastWords}, is used.`
				);
			}
			for (const l of active) {
				if (l.kind === 'joiners' && l.band === null) {
					warnOnce(
						`overridden|${l.id}`,
						`${top}: in ${fy} ${lastWords} sets the number of new plans, so lever ${n(l)} (${describeLever(l, names)}) does not change it.`
					);
				}
			}
		}
		for (const kind of ['joiners', 'leavers'] as const) {
			const what = kind === 'joiners' ? 'new plans' : 'ceased plans';
			for (const band of bands) {
				// A lever for every age (band null) applies to each band, and a band's own lever to
				// that band only; the overall product (band null) counts only every-age levers, and a
				// band is checked again only when it has levers of its own.
				const levers = active.filter(
					(l) => l.kind === kind && (l.band === null || l.band === band)
				) as { multiplier: number; band: string | null }[];
				if (band !== null && !levers.some((l) => l.band === band)) continue;
				const count = levers.length;
				// In logarithms, so that 300 levers of ×11 give 10^312, not Infinity.
				let log = 0;
				for (const l of levers) log += Math.log10(l.multiplier);
				if (count > 1 && log > Math.log10(MAX_COMBINED_MULTIPLIER)) {
					const product =
						log < 15 ? String(Number((10 ** log).toPrecision(4))) : `about 10^${Math.round(log)}`;
					const forBand =
						band === null ? '' : ` for ages ${AGE_BANDS.find((b) => b.id === band)?.label}`;
					once(
						`${kind}|${band}`,
						`${top}: in ${fy} its ${count} levers on ${what}${forBand} multiply them by ${product} together; the combined multiplier must be at most ${MAX_COMBINED_MULTIPLIER} (+${(MAX_COMBINED_MULTIPLIER - 1) * 100}%). Remove or reduce some of them.`
					);
				}
			}
		}
		let growth = 1;
		let growthCount = 0;
		let oneOff = 0;
		let oneOffCount = 0;
		for (const l of active) {
			if (l.kind === 'allocation_growth') {
				growth *= 1 + l.rate;
				growthCount++;
			} else if (l.kind === 'one_off_cost') {
				oneOff += l.amount;
				oneOffCount++;
			}
		}
		if (growthCount > 1 && growth - 1 > MAX_COMBINED_GROWTH) {
			once(
				'growth',
				`${top}: in ${fy} its ${growthCount} allocation growth levers compound to ${formatPercent(growth - 1)}; together they must be at most ${formatPercent(MAX_COMBINED_GROWTH)} a year. Remove or reduce some of them.`
			);
		}
		if (oneOffCount > 1 && Math.abs(oneOff) > MAX_MONEY) {
			once(
				'one-off',
				`${top}: in ${fy} its ${oneOffCount} one-off costs add up to ${formatPounds(oneOff)}; together they must be within ±${formatPounds(MAX_MONEY)}. Remove or reduce some of them.`
			);
		}
	}
}

function checkMonteCarlo(s: Scenario, top: string, issues: IssueCollector) {
	const { simulations, seed } = s.monteCarlo;
	if (!isWhole(simulations) || simulations < 1 || simulations > MAX_SIMULATIONS) {
		issues.error(
			['monteCarlo', 'simulations'],
			`${top}: the number of simulations must be a whole number from 1 to ${formatCount(MAX_SIMULATIONS)}, got ${simulations}.`
		);
	}
	if (!isWhole(seed) || seed < 0 || seed > MAX_SEED) {
		issues.error(
			['monteCarlo', 'seed'],
			`${top}: the seed must be a whole number from 0 to ${formatCount(MAX_SEED)}, got ${seed}.`
		);
	}
}
