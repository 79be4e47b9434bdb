/**
 * How a scenario differs from its parent, in words a strategy lead reads at a glance:
 * "new plans ×1.09 (+9%) from 2022/23", "20% of new placements in NMSS or independent schools go
 * to maintained special schools or special academies instead from 2022/23", "no savings after
 * 2021/22". Levers are matched by id, so a changed lever reads as one change, not a removal and
 * an addition.
 *
 * Settings and savings lines are named as the dataset names them; an id the dataset does not know
 * is printed as it is (a description never throws on a scenario it cannot run).
 */
import { AGE_BANDS } from './categories';
import type { Dataset, LedgerLineId, YearFigures } from './dataset';
import { ESTIMATOR_LABELS, LEDGER_LINE_LABELS, RATE_LEDGER_LINES } from './dataset';
import type { Lever, LeverWindow, Scenario } from './scenario';
import { DEFAULT_MONTE_CARLO } from './scenario';
import type { FinancialYear } from './years';
import { formatNumber, formatPercent, formatPounds } from './format';
import { censusOfFinancialYear, financialYearOfCensus, isFinancialYear } from './years';
import { poolsWithEngland, trendLabel, type TrendOf } from './plain-words';

/** What a description needs of the dataset: names of settings and savings lines. */
export type DescribeContext = Pick<Dataset, 'settings' | 'finance'> &
	Partial<Pick<Dataset, 'estimation' | 'transitions'>>;

/** Up to `dp` decimals, no trailing zeros, real minus sign (model/format.ts). */
const en = (dp: number) => ({
	format: (x: number) => formatNumber(x, dp, { trim: true })
});

/** `0.2` → `20%`, `0.035` → `3.5%`, `-0.1` → `−10%` (real minus sign). */
function percent(fraction: number): string {
	return formatPercent(fraction, 1, { trim: true });
}

/** `0.09` → `+9%`, `-0.1` → `−10%`. */
function signedPercent(fraction: number): string {
	return formatPercent(fraction, 1, { trim: true, signed: true });
}

/** `1234567` → `£1,234,567`, `-500` → `−£500`. */
function pounds(x: number): string {
	return formatPounds(x);
}

/** A multiplier with the change it makes: `×1.09 (+9%)`. */
function multiplier(m: number): string {
	return `×${en(3).format(m)} (${signedPercent(m - 1)})`;
}

/** "NMSS or independent schools" stays as it is; "Maintained special…" → "maintained special…". */
function lowerName(name: string): string {
	return name.length > 1 && name[1] === name[1].toLowerCase()
		? name[0].toLowerCase() + name.slice(1)
		: name;
}

function settingName(ctx: DescribeContext, id: string): string {
	const s = ctx.settings.find((x) => x.id === id);
	return s ? lowerName(s.name) : id;
}

function savingsName(ctx: DescribeContext, id: string): string {
	return ctx.finance.savings.find((x) => x.id === id)?.name ?? id;
}

function previousYear(fy: FinancialYear): FinancialYear {
	return financialYearOfCensus(censusOfFinancialYear(fy) - 1);
}

/**
 * A lever's window in words: " from 2022/23", " until 2023/24", " from 2022/23 to 2024/25",
 * " in 2022/23", or "" when it is open at both ends.
 * @example describeWindow({ from: '2022/23', until: null }) // ' from 2022/23'
 */
export function describeWindow(w: LeverWindow): string {
	if (w.from && w.until)
		return w.from === w.until ? ` in ${w.from}` : ` from ${w.from} to ${w.until}`;
	if (w.from) return ` from ${w.from}`;
	if (w.until) return ` until ${w.until}`;
	return '';
}

function forBand(band: string | null): string {
	const b = AGE_BANDS.find((x) => x.id === band);
	return b ? ` for ages ${b.label}` : '';
}

/**
 * What a lever does, in words, with its window (ignoring its label: see `leverTitle`).
 * @example
 * describeLeverInWords({ kind: 'joiners', multiplier: 1.09, band: null, from: '2022/23', until: null, … }, kingston)
 * // 'new plans ×1.09 (+9%) from 2022/23'
 */
export function describeLeverInWords(lever: Lever, ctx: DescribeContext): string {
	const when = describeWindow(lever);
	switch (lever.kind) {
		case 'joiners':
			return `new plans ${multiplier(lever.multiplier)}${forBand(lever.band)}${when}`;
		case 'leavers':
			return `ceased plans ${multiplier(lever.multiplier)}${forBand(lever.band)}${when}`;
		case 'redirect': {
			const flows =
				lever.joiners && lever.movers
					? 'new placements and moves'
					: lever.joiners
						? 'new placements'
						: lever.movers
							? 'moves'
							: 'no placements';
			return `${percent(lever.share)} of ${flows} into ${settingName(ctx, lever.fromSetting)} go to ${settingName(ctx, lever.toSetting)} instead${when}`;
		}
		case 'capacity':
			return `${settingName(ctx, lever.setting)} capped at ${en(0).format(lever.capacity)} children, the rest going to ${settingName(ctx, lever.overflowSetting)}${when}`;
		case 'unit_cost_inflation':
			return `unit costs ${lever.setting === null ? 'in every setting' : `of ${settingName(ctx, lever.setting)}`} rise ${percent(lever.rate)} a year${when}`;
		case 'one_off_cost':
			return lever.amount >= 0
				? `HNB spend ${pounds(lever.amount)} higher each year${when}`
				: `HNB spend ${pounds(-lever.amount)} lower each year${when}`;
		case 'allocation_growth':
			return `HNB allocation grows ${percent(lever.rate)} a year${when}`;
		case 'ledger': {
			const label = LEDGER_LINE_LABELS[lever.line] ?? lever.line;
			const value = RATE_LEDGER_LINES.includes(lever.line)
				? percent(lever.amount)
				: pounds(lever.amount);
			return `${label} set to ${value}${when}`;
		}
		case 'savings_delivery': {
			if (lever.delivery === 0 && lever.line === null) {
				if (lever.from && !lever.until) return `no savings after ${previousYear(lever.from)}`;
				return `no savings${when}`;
			}
			const what = lever.line === null ? 'every savings line' : `“${savingsName(ctx, lever.line)}”`;
			return `${what} delivered at ${percent(lever.delivery)} of target${when}`;
		}
		case 'sv_withholding':
			return `Safety Valve instalment withheld after a year over the cap${when}`;
		case 'total_growth':
			return lever.rate >= 0
				? `total EHC plans grow ${percent(lever.rate)} a year${when}`
				: `total EHC plans fall ${percent(-lever.rate)} a year${when}`;
		case 'new_plans':
			return lever.basis === 'count'
				? `${en(0).format(lever.value)} new plans a year${when}`
				: `new plans ${signedPercent(lever.value)} on the year before, each year${when}`;
		case 'move_placements':
			return `${percent(lever.share)} of children placed in ${settingName(ctx, lever.fromSetting)} move to ${settingName(ctx, lever.toSetting)}${lever.phaseTransferOnly ? ' as they move up to Year 7 or Year 12' : ''}, costed there${when}`;
	}
}

/** A lever's title: its label when it has one, otherwise what it does. */
export function leverTitle(lever: Lever, ctx: DescribeContext): string {
	return lever.label.trim() ? lever.label.trim() : capitalise(describeLeverInWords(lever, ctx));
}

const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The scenario with nothing on top of the dataset: what a scenario without a parent is read against. */
function blank(s: Scenario): Scenario {
	return {
		...s,
		openingCumulativeDeficit: null,
		ledger: {},
		savingsDelivery: {},
		demand: { estimator: 'default', leaverEstimator: 'pooled', flowTargets: [] },
		levers: [],
		monteCarlo: { ...DEFAULT_MONTE_CARLO }
	};
}

/** A trend in words; whether the dataset pools with England is read from `ctx` when it says. */
function estimatorWords(
	e: Scenario['demand']['estimator'],
	of: TrendOf,
	ctx: DescribeContext
): string {
	if (e === 'default') return 'the dataset’s default trend';
	if (!ctx.estimation) return lowerName(ESTIMATOR_LABELS[e]);
	return lowerName(
		trendLabel(
			e,
			of,
			poolsWithEngland({ estimation: ctx.estimation, transitions: ctx.transitions ?? null })
		)
	);
}

function yearsOf(figures: YearFigures | undefined): FinancialYear[] {
	return Object.keys(figures ?? {})
		.filter(isFinancialYear)
		.sort((a, b) => censusOfFinancialYear(a) - censusOfFinancialYear(b));
}

function ledgerValue(line: LedgerLineId, value: number): string {
	return RATE_LEDGER_LINES.includes(line) ? percent(value) : pounds(value);
}

/** Pinned ledger lines that differ, grouped by year: "2021/22 ledger pinned: HNB allocation £…". */
function ledgerChanges(s: Scenario, p: Scenario): string[] {
	const byYear = new Map<FinancialYear, string[]>();
	const lines = new Set([...Object.keys(s.ledger), ...Object.keys(p.ledger)]) as Set<LedgerLineId>;
	for (const line of lines) {
		const mine = s.ledger[line];
		const theirs = p.ledger[line];
		for (const fy of new Set([...yearsOf(mine), ...yearsOf(theirs)])) {
			const a = mine?.[fy]?.value;
			const b = theirs?.[fy]?.value;
			if (a === b) continue;
			const label = LEDGER_LINE_LABELS[line] ?? line;
			const text =
				a === undefined
					? `${label} no longer pinned`
					: `${label} ${ledgerValue(line, a)}${b === undefined ? '' : ` (was ${ledgerValue(line, b)})`}`;
			byYear.set(fy, [...(byYear.get(fy) ?? []), text]);
		}
	}
	return [...byYear.entries()]
		.sort(([a], [b]) => censusOfFinancialYear(a) - censusOfFinancialYear(b))
		.map(([fy, texts]) => `${fy} ledger pinned: ${texts.join('; ')}`);
}

/** Savings delivery overrides that differ, grouped by year. */
function deliveryChanges(s: Scenario, p: Scenario, ctx: DescribeContext): string[] {
	const byYear = new Map<FinancialYear, string[]>();
	const ids = new Set([...Object.keys(s.savingsDelivery), ...Object.keys(p.savingsDelivery)]);
	for (const id of ids) {
		const mine = s.savingsDelivery[id];
		const theirs = p.savingsDelivery[id];
		for (const fy of new Set([...yearsOf(mine), ...yearsOf(theirs)])) {
			const a = mine?.[fy]?.value;
			const b = theirs?.[fy]?.value;
			if (a === b) continue;
			const name = `“${savingsName(ctx, id)}”`;
			const text =
				a === undefined
					? `${name} as the dataset`
					: `${name} ${percent(a)}${b === undefined ? '' : ` (was ${percent(b)})`}`;
			byYear.set(fy, [...(byYear.get(fy) ?? []), text]);
		}
	}
	return [...byYear.entries()]
		.sort(([a], [b]) => censusOfFinancialYear(a) - censusOfFinancialYear(b))
		.map(([fy, texts]) => `savings delivered in ${fy}: ${texts.join('; ')}`);
}

function flowTargetChanges(s: Scenario, p: Scenario): string[] {
	const out: string[] = [];
	const censuses = new Set([
		...s.demand.flowTargets.map((t) => t.census),
		...p.demand.flowTargets.map((t) => t.census)
	]);
	for (const census of [...censuses].sort((a, b) => a - b)) {
		const a = s.demand.flowTargets.find((t) => t.census === census);
		const b = p.demand.flowTargets.find((t) => t.census === census);
		if (
			sameJson(a?.joiners?.value, b?.joiners?.value) &&
			sameJson(a?.leavers?.value, b?.leavers?.value)
		)
			continue;
		if (!a) {
			out.push(`no flow target for the year to January ${census}`);
			continue;
		}
		const parts = [
			a.joiners ? `${en(0).format(a.joiners.value)} new plans` : null,
			a.leavers ? `${en(0).format(a.leavers.value)} ceased` : null
		].filter((x) => x !== null);
		out.push(
			`flows in the year to January ${census} held at ${parts.length ? parts.join(' and ') : 'the model’s own'}`
		);
	}
	return out;
}

/**
 * How a scenario differs from its parent, one phrase per change: levers added, changed or
 * removed (matched by id), the opening deficit, pinned ledger values, savings delivery, flow
 * targets, the demand trends and the Monte Carlo settings. A scenario without a parent is read
 * against the dataset alone. An empty list means it is the same as its parent.
 * @example
 * describeScenario(growth, baseline, kingston) // ['new plans ×1.09 (+9%) from 2022/23']
 */
export function describeScenario(
	scenario: Scenario,
	parent: Scenario | null,
	ctx: DescribeContext
): string[] {
	const p = parent ?? blank(scenario);
	const s = scenario;
	const out: string[] = [];
	if (!sameJson(s.openingCumulativeDeficit?.value, p.openingCumulativeDeficit?.value)) {
		const v = s.openingCumulativeDeficit?.value ?? ctx.finance.openingCumulativeDeficit.value;
		out.push(`opening cumulative deficit ${pounds(v)}`);
	}
	out.push(...ledgerChanges(s, p));
	out.push(...deliveryChanges(s, p, ctx));
	if (s.demand.estimator !== p.demand.estimator) {
		out.push(`new plans follow ${estimatorWords(s.demand.estimator, 'new plans', ctx)}`);
	}
	if (s.demand.leaverEstimator !== p.demand.leaverEstimator) {
		out.push(
			`ceased plans follow ${estimatorWords(s.demand.leaverEstimator, 'ceased plans', ctx)}`
		);
	}
	out.push(...flowTargetChanges(s, p));
	const theirs = new Map(p.levers.map((l) => [l.id, l]));
	const mine = new Set(s.levers.map((l) => l.id));
	for (const lever of s.levers) {
		const before = theirs.get(lever.id);
		const words = describeLeverInWords(lever, ctx);
		if (!before) out.push(words);
		else if (!sameJson(before, lever)) {
			const was = describeLeverInWords(before, ctx);
			out.push(words === was ? `${words} (relabelled)` : `${words} (was ${was})`);
		}
	}
	for (const lever of p.levers) {
		if (!mine.has(lever.id)) out.push(`without ${describeLeverInWords(lever, ctx)}`);
	}
	const mc = s.monteCarlo;
	if (mc.simulations !== p.monteCarlo.simulations || mc.seed !== p.monteCarlo.seed) {
		out.push(`Monte Carlo: ${en(0).format(mc.simulations)} simulations, seed ${mc.seed}`);
	}
	return out;
}
