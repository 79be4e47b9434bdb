/**
 * "What drives this" (issue 11 item 9; docs/model.md §2–§4): every assumption a scenario's
 * projection rests on, in words, each with where it comes from:
 * - `own`: set by this scenario (a lever, a pinned figure or a setting its parent does not have);
 * - `parent`: the same as in the scenario it was made from (a scenario is a full copy of its
 *   parent when made, so this is what it inherited and has not changed);
 * - `dataset`: not set by the scenario, so taken from the dataset (its ledger, savings plan and
 *   estimation settings) or the workbench's defaults (the dataset's default trend of new plans,
 *   pooling with England, 1,000 simulations).
 *
 * The projection reads a scenario's own figures first and the dataset's where the scenario has
 * none (engine/scenario.ts), so the lists here name every figure the projection uses, once.
 * Levers are matched with the parent's by id, as in describe-scenario.ts.
 */
import { describeLeverInWords, describeWindow } from './describe-scenario';
import type { Dataset, EstimatorId, LedgerLineId, YearFigures } from './dataset';
import { LEDGER_LINE_LABELS } from './dataset';
import { formatCount, formatPercent, formatPounds } from './format';
import type { Lever, Scenario } from './scenario';
import { DEFAULT_MONTE_CARLO } from './scenario';
import { poolsWithEngland, trendInWords } from './plain-words';
import type { FinancialYear } from './years';
import { financialYearOfCensus } from './years';

/** Where an assumption comes from: this scenario, its parent, or the dataset and defaults. */
export type AssumptionSource = 'own' | 'parent' | 'dataset';

export interface Assumption {
	/** What it is about, as a heading reads: "New plans", "HNB allocation". */
	topic: string;
	/** The assumption in words: "£25,896,881 in 2021/22, then £26,414,000 …". */
	words: string;
	source: AssumptionSource;
}

/** The trend of new plans the dataset's scenarios follow by default, and why (the engine's). */
export interface DefaultTrend {
	estimator: EstimatorId;
	reason: string;
}

/** What the list needs of the dataset. */
export type AssumptionContext = Pick<
	Dataset,
	'settings' | 'finance' | 'estimation' | 'transitions' | 'baseCensus' | 'horizonCensus'
>;

/** The order in which the assumptions are read, by topic group. */
const LEDGER_ORDER: readonly LedgerLineId[] = [
	'hnb_allocation',
	'block_transfers',
	'hnb_expenditure_before_savings',
	'other_spend_inflation',
	'other_blocks_variance',
	'general_fund_contribution',
	'sv_funding_cumulative',
	'deficit_cap'
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const pct = (x: number) => formatPercent(x, 1, { trim: true });
const pounds = (x: number) => formatPounds(x);
const ofTarget = (x: number) => `${pct(x)} of target`;

/** The financial years the projection covers, first to last. */
function horizon(ctx: AssumptionContext): FinancialYear[] {
	const out: FinancialYear[] = [];
	for (let c = ctx.baseCensus + 1; c <= ctx.horizonCensus; c++) out.push(financialYearOfCensus(c));
	return out;
}

/** "2021/22", "2022/23 to 2025/26": a run of consecutive years of the horizon. */
function yearRun(run: FinancialYear[]): string {
	return run.length === 1 ? run[0] : `${run[0]} to ${run[run.length - 1]}`;
}

/**
 * Values by year in words, consecutive years with the same value run together:
 * "£1,200,000 a year in 2021/22 to 2025/26", "£0 in 2021/22, 2% a year in 2022/23 to 2025/26".
 * `years` are in order; a year without a value is left out.
 */
function valuesByYear(
	years: FinancialYear[],
	valueOf: (fy: FinancialYear) => number | undefined,
	format: (v: number) => string,
	perYear = ''
): string {
	const runs: { value: number; years: FinancialYear[] }[] = [];
	let previous: FinancialYear | null = null;
	for (const fy of years) {
		const v = valueOf(fy);
		if (v === undefined) {
			previous = null;
			continue;
		}
		const last = runs[runs.length - 1];
		if (last && previous !== null && last.value === v) last.years.push(fy);
		else runs.push({ value: v, years: [fy] });
		previous = fy;
	}
	return runs
		.map((r) => `${format(r.value)}${r.years.length > 1 ? perYear : ''} in ${yearRun(r.years)}`)
		.join(', ');
}

/** Which of a scenario's levers change a ledger line, for "changed by a lever from 2022/23". */
function leversOnLine(levers: readonly Lever[], line: LedgerLineId): Lever[] {
	return levers.filter(
		(l) =>
			(l.kind === 'ledger' && l.line === line) ||
			(l.kind === 'allocation_growth' && line === 'hnb_allocation') ||
			(l.kind === 'unit_cost_inflation' && line === 'unit_cost_inflation') ||
			(l.kind === 'sv_withholding' && line === 'sv_funding_cumulative') ||
			(l.kind === 'one_off_cost' && line === 'hnb_expenditure_before_savings')
	);
}

/** "; a lever of this scenario changes it from 2022/23" (or nothing when no lever does). */
function leverNote(levers: Lever[]): string {
	if (levers.length === 0) return '';
	const whens = levers.map((l) => describeWindow(l).trim() || 'in every year');
	const unique = [...new Set(whens)];
	return `; ${levers.length === 1 ? 'a lever of this scenario changes it' : 'levers of this scenario change it'} ${unique.join(' and ')}`;
}

/** The source of a value a scenario may leave unset: unset → dataset; as the parent's → parent. */
function sourceOf(
	mine: unknown,
	theirs: unknown,
	hasParent: boolean,
	unset: boolean
): AssumptionSource {
	if (unset) return 'dataset';
	return hasParent && same(mine, theirs) ? 'parent' : 'own';
}

/** Whether a lever's label already says every word of its description (then it is not repeated). */
function saysTheSame(label: string, words: string): boolean {
	const tokens = (x: string) =>
		x
			.toLowerCase()
			.split(/[^\p{L}\p{N}/.%×]+/u)
			.filter(Boolean);
	const said = new Set(tokens(label));
	return tokens(words).every((t) => said.has(t));
}

function demand(
	s: Scenario,
	p: Scenario | null,
	ctx: AssumptionContext,
	trend: DefaultTrend | null
): Assumption[] {
	const out: Assumption[] = [];
	const pooled = poolsWithEngland(ctx);
	const e = s.demand.estimator;
	if (e === 'default') {
		out.push({
			topic: 'New plans',
			words: trend
				? `the dataset’s default trend: ${trendInWords(trend.estimator, 'new plans', pooled)} (${trend.reason})`
				: 'the dataset’s default trend (being worked out)',
			source: 'dataset'
		});
	} else {
		out.push({
			topic: 'New plans',
			words: trendInWords(e, 'new plans', pooled),
			source: sourceOf(e, p?.demand.estimator, p !== null, false)
		});
	}
	const l = s.demand.leaverEstimator;
	out.push({
		topic: 'Ceased plans',
		words: trendInWords(l, 'ceased plans', pooled),
		source: p
			? sourceOf(l, p.demand.leaverEstimator, true, false)
			: l === 'pooled'
				? 'dataset'
				: 'own'
	});
	if (!ctx.transitions || ctx.transitions.length === 0) {
		out.push({
			topic: 'Pooling with England',
			words:
				(ctx.estimation.pooling ?? 'england') === 'england'
					? 'on: rates of new and ceased plans per plan held are the authority’s own, pulled towards England’s where its own history is short or noisy'
					: 'off: the authority’s own history alone',
			source: 'dataset'
		});
	}
	// Consecutive years with the same target from the same source read as one.
	const targets: { census: number[]; parts: string; source: AssumptionSource }[] = [];
	for (const t of [...s.demand.flowTargets].sort((a, b) => a.census - b.census)) {
		const parts = [
			t.joiners ? `${formatCount(t.joiners.value)} new plans` : null,
			t.leavers ? `${formatCount(t.leavers.value)} ceased` : null
		]
			.filter((x) => x !== null)
			.join(' and ');
		if (!parts) continue;
		const theirs = p?.demand.flowTargets.find((x) => x.census === t.census);
		const source: AssumptionSource =
			p &&
			same([t.joiners?.value, t.leavers?.value], [theirs?.joiners?.value, theirs?.leavers?.value])
				? 'parent'
				: 'own';
		const last = targets[targets.length - 1];
		if (
			last &&
			last.parts === parts &&
			last.source === source &&
			last.census[last.census.length - 1] === t.census - 1
		)
			last.census.push(t.census);
		else targets.push({ census: [t.census], parts, source });
	}
	for (const t of targets) {
		const first = t.census[0];
		const last = t.census[t.census.length - 1];
		out.push({
			topic: 'Flow target',
			words:
				t.census.length === 1
					? `${t.parts} in the year to January ${first}`
					: `${t.parts} a year in the years to January ${first} to January ${last}`,
			source: t.source
		});
	}
	return out;
}

/** Pinned and dataset values of one ledger line, split by where each year's value comes from. */
function ledgerLine(
	line: LedgerLineId,
	topic: string,
	s: Scenario,
	p: Scenario | null,
	ctx: AssumptionContext,
	years: FinancialYear[],
	format: (v: number) => string,
	perYear: string,
	absent: string | null
): Assumption[] {
	const out: Assumption[] = [];
	const mine: YearFigures | undefined = s.ledger[line];
	const theirs: YearFigures | undefined = p?.ledger[line];
	const pinnedFrom = (source: AssumptionSource) => (fy: FinancialYear) => {
		const v = mine?.[fy]?.value;
		if (v === undefined) return undefined;
		return sourceOf(v, theirs?.[fy]?.value, p !== null, false) === source ? v : undefined;
	};
	for (const source of ['own', 'parent'] as const) {
		const words = valuesByYear(years, pinnedFrom(source), format, perYear);
		if (words) out.push({ topic, words: `pinned at ${words}`, source });
	}
	const fromDataset = (fy: FinancialYear) =>
		mine?.[fy] === undefined ? ctx.finance.lines[line]?.[fy]?.value : undefined;
	const words = valuesByYear(years, fromDataset, format, perYear);
	const missing = years.filter((fy) => mine?.[fy] === undefined && fromDataset(fy) === undefined);
	const parts = [
		words,
		missing.length && absent ? `${absent} in ${missingRuns(missing, years)}` : ''
	]
		.filter(Boolean)
		.join('; ');
	if (parts)
		out.push({ topic, words: parts + leverNote(leversOnLine(s.levers, line)), source: 'dataset' });
	return out;
}

/** Years (a subset of `all`, in order) as runs: "2022/23 to 2025/26". */
function missingRuns(years: FinancialYear[], all: FinancialYear[]): string {
	const runs: FinancialYear[][] = [];
	for (const fy of years) {
		const last = runs[runs.length - 1];
		if (last && all.indexOf(fy) === all.indexOf(last[last.length - 1]) + 1) last.push(fy);
		else runs.push([fy]);
	}
	return runs.map(yearRun).join(', ');
}

function finance(
	s: Scenario,
	p: Scenario | null,
	ctx: AssumptionContext,
	years: FinancialYear[]
): Assumption[] {
	const out: Assumption[] = [];
	const opening = s.openingCumulativeDeficit;
	out.push({
		topic: 'Opening cumulative deficit',
		words: pounds(opening?.value ?? ctx.finance.openingCumulativeDeficit.value),
		source: sourceOf(
			opening?.value,
			p?.openingCumulativeDeficit?.value,
			p !== null,
			opening === null
		)
	});
	out.push(
		...ledgerLine(
			'unit_cost_inflation',
			'Unit cost inflation',
			s,
			p,
			ctx,
			years,
			pct,
			' a year',
			null
		)
	);
	for (const line of LEDGER_ORDER) {
		const rate = line === 'other_spend_inflation';
		out.push(
			...ledgerLine(
				line,
				LEDGER_LINE_LABELS[line],
				s,
				p,
				ctx,
				years,
				rate ? pct : pounds,
				rate ? ' a year' : ' each year',
				line === 'hnb_expenditure_before_savings'
					? 'modelled (placements × unit costs, plus other spend)'
					: null
			)
		);
	}
	return out;
}

function savings(
	s: Scenario,
	p: Scenario | null,
	ctx: AssumptionContext,
	years: FinancialYear[]
): Assumption[] {
	const out: Assumption[] = [];
	const fromDataset: { name: string; words: string; note: string }[] = [];
	for (const line of ctx.finance.savings) {
		const name = `“${line.name}”`;
		const mine = s.savingsDelivery[line.id];
		const theirs = p?.savingsDelivery[line.id];
		for (const source of ['own', 'parent'] as const) {
			const words = valuesByYear(
				years,
				(fy) => {
					const v = mine?.[fy]?.value;
					if (v === undefined) return undefined;
					return sourceOf(v, theirs?.[fy]?.value, p !== null, false) === source ? v : undefined;
				},
				ofTarget
			);
			if (words) out.push({ topic: 'Savings delivered', words: `${name}: ${words}`, source });
		}
		const words = valuesByYear(
			years,
			(fy) => (mine?.[fy] === undefined ? (line.delivery[fy]?.value ?? 0) : undefined),
			ofTarget
		);
		if (!words) continue;
		const levers = s.levers.filter(
			(l) => l.kind === 'savings_delivery' && (l.line === null || l.line === line.id)
		);
		fromDataset.push({ name, words, note: leverNote(levers) });
	}
	// The dataset's plan usually delivers every line alike: one sentence then, not one per line.
	if (
		fromDataset.length > 1 &&
		fromDataset.every((x) => x.words === fromDataset[0].words && x.note === fromDataset[0].note)
	) {
		out.push({
			topic: 'Savings delivered',
			words: `every savings line (${fromDataset.length}): ${fromDataset[0].words}${fromDataset[0].note}`,
			source: 'dataset'
		});
	} else {
		for (const x of fromDataset) {
			out.push({
				topic: 'Savings delivered',
				words: `${x.name}: ${x.words}${x.note}`,
				source: 'dataset'
			});
		}
	}
	return out;
}

/**
 * Every assumption of a scenario, in words, with its source (see the module's docblock): the
 * trends of new and ceased plans, pooling with England, flow targets, the opening deficit, every
 * ledger line year by year, savings delivery, the levers and the Monte Carlo settings. `parent`
 * is the scenario it was made from (null: none, so nothing is inherited); `trend` is the trend
 * the dataset's default resolves to (null while it is being worked out).
 * @example
 * scenarioAssumptions(baseline, may, kingston, { estimator: 'england', reason: '…' })
 *   .filter((a) => a.source === 'own') // [{ topic: 'Lever', words: 'no savings after 2021/22', … }]
 */
export function scenarioAssumptions(
	scenario: Scenario,
	parent: Scenario | null,
	ctx: AssumptionContext,
	trend: DefaultTrend | null
): Assumption[] {
	const years = horizon(ctx);
	const out: Assumption[] = [
		...demand(scenario, parent, ctx, trend),
		...finance(scenario, parent, ctx, years),
		...savings(scenario, parent, ctx, years)
	];
	const theirs = new Map((parent?.levers ?? []).map((l) => [l.id, l]));
	for (const lever of scenario.levers) {
		const label = lever.label.trim();
		const words = describeLeverInWords(lever, ctx);
		out.push({
			topic: 'Lever',
			words: label && !saysTheSame(label, words) ? `${label}: ${words}` : words,
			source: parent && same(theirs.get(lever.id), lever) ? 'parent' : 'own'
		});
	}
	const mc = scenario.monteCarlo;
	out.push({
		topic: 'Monte Carlo',
		words: `${formatCount(mc.simulations)} simulations, seed ${mc.seed}`,
		source: parent
			? sourceOf(mc, parent.monteCarlo, true, false)
			: same(mc, DEFAULT_MONTE_CARLO)
				? 'dataset'
				: 'own'
	});
	return out;
}
