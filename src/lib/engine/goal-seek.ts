/**
 * Goal seek (docs/model.md §2.7, §4): the largest new-plan growth — as a multiplier on modelled new
 * plans, as growth of total EHC plans a year, or as a number of new plans a year — or the smallest
 * savings delivery, that keeps every financial year's cumulative deficit before Safety Valve
 * funding under its cap — in expectation (the expected-value projection), or with at least a
 * chosen probability under Monte Carlo.
 *
 * Rules kept here, and why:
 * - The lever applies from the first year that is not pinned to the end of the horizon: a pinned
 *   year is used as given, and goal seek never varies it (docs/decisions/0002).
 * - The search is a bisection on a grid of `step` (0.001 by default: 0.1% of new plans, or 0.1
 *   point of delivery), so the answer is a point of the grid that meets the goal while the next
 *   point beyond it does not: the boundary to within one step.
 * - Under Monte Carlo every value is simulated with the same seed and N (common random numbers),
 *   so the probability moves with the lever rather than with the noise.
 * - The lever sought REPLACES the scenario's lever it solves for (`withSoughtLever`: one added by
 *   an earlier goal seek, or one of the same kind, band or line and window) rather than stacking
 *   on it, both while searching and when added: the answer is the lever's value, not a change on
 *   top of an older answer (decision 0027).
 */
import type { AgeBandId } from '../model/categories';
import type { Lever, Scenario } from '../model/scenario';
import { freeLeverId } from '../model/scenario';
import { TOTAL_GROWTH_BOUNDS } from '../model/validate-bounds';
import type { FinancialYear } from '../model/years';
import { censusOfFinancialYear } from '../model/years';
import { exceedsCap } from './finance';
import { expectedJoinerCount } from './joiners';
import { metricRow } from './metrics';
import { createWorkspace, runTrajectory } from './project';
import { expectedSampler } from './sampler';
import type { CompiledScenario } from './scenario';
import { simulate } from './simulate';
import type { PreparedDataset } from './workbench';
import { compile } from './workbench';

/** Which way the goal lies on the lever's axis. */
export type BisectDirection = 'largest' | 'smallest';

export interface BisectOptions {
	/** The lowest and highest values searched (inclusive). */
	lo: number;
	hi: number;
	/** Grid spacing: the answer is lo + i × step (or hi), to within one step of the boundary. */
	step: number;
	/**
	 * 'largest': `ok` holds for low values and fails above a boundary (new-plan growth);
	 * 'smallest': `ok` fails for low values and holds above a boundary (savings delivery).
	 */
	direction: BisectDirection;
}

export interface BisectResult {
	/**
	 * 'found': a boundary inside [lo, hi]; 'all': every value meets the goal (the answer is the end
	 * of the range); 'none': no value does (the answer is null).
	 */
	status: 'found' | 'all' | 'none';
	value: number | null;
	/** How many times `ok` was called. */
	evaluations: number;
}

/**
 * Finds the largest (or smallest) value on the grid lo, lo + step, …, hi for which `ok` holds,
 * by bisection, assuming `ok` changes once along the axis. The value returned meets the goal and
 * the next grid point beyond it does not.
 * @example
 * bisectBoundary((x) => x <= 1.0347, { lo: 0, hi: 3, step: 0.001, direction: 'largest' })
 * // { status: 'found', value: 1.034, evaluations: 14 }
 */
export function bisectBoundary(ok: (x: number) => boolean, options: BisectOptions): BisectResult {
	const { lo, hi, step, direction } = options;
	if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
		throw new Error(`bisectBoundary: lo and hi must be finite with lo < hi, got ${lo} and ${hi}`);
	}
	if (!(Number.isFinite(step) && step > 0)) {
		throw new Error(`bisectBoundary: step must be a number > 0, got ${step}`);
	}
	const n = Math.ceil((hi - lo) / step - 1e-9);
	const decimals = Math.max(0, Math.ceil(-Math.log10(step)) + 2);
	const at = (i: number) => (i >= n ? hi : Number((lo + i * step).toFixed(decimals)));
	let evaluations = 0;
	const test = (i: number) => {
		evaluations++;
		return ok(at(i));
	};
	// good: an index meeting the goal; bad: one that does not.
	let good: number;
	let bad: number;
	if (direction === 'largest') {
		if (test(n)) return { status: 'all', value: hi, evaluations };
		if (!test(0)) return { status: 'none', value: null, evaluations };
		good = 0;
		bad = n;
	} else {
		if (test(0)) return { status: 'all', value: lo, evaluations };
		if (!test(n)) return { status: 'none', value: null, evaluations };
		good = n;
		bad = 0;
	}
	while (Math.abs(good - bad) > 1) {
		const mid = Math.floor((good + bad) / 2);
		if (test(mid)) good = mid;
		else bad = mid;
	}
	return { status: 'found', value: at(good), evaluations };
}

/** What goal seek varies. */
export type GoalSeekTarget =
	/** A multiplier on new plans (overall, or for one age band). */
	| { kind: 'new_plan_growth'; band?: AgeBandId | null }
	/** Growth of total EHC plans a year (a `total_growth` lever), a fraction. */
	| { kind: 'total_growth' }
	/** A number of new plans a year (a `new_plans` lever, basis 'count'). */
	| { kind: 'new_plans' }
	/** The delivery of every savings line (line null) or one line, as a fraction of target. */
	| { kind: 'savings_delivery'; line: string | null };

/** How "under the cap" is judged. */
export type GoalSeekMode =
	| { kind: 'expected' }
	| {
			kind: 'probability';
			/** The least acceptable P(no year over its cap), a fraction in (0, 1]. */
			probability: number;
			simulations: number;
			seed: number;
	  };

export interface GoalSeekOptions {
	mode: GoalSeekMode;
	/**
	 * Grid spacing, in the lever's units (a multiplier, a growth or delivery fraction, a number of
	 * new plans). Default 0.001, or 1 new plan.
	 */
	step?: number;
	/**
	 * Range searched. Default: multiplier 0 … 3, total growth −50% … +100% a year (the validator's
	 * bounds), new plans 0 … three times the most the model makes in a year, delivery 0 … 2.
	 */
	lo?: number;
	hi?: number;
}

/** How the scenario stands at the answer. */
export interface GoalSeekOutcome {
	/** The year with the least headroom (cap − cumulative deficit before SV funding), and it, £. */
	tightestYear: FinancialYear;
	tightestHeadroom: number;
	/** The first year over its cap in the expected projection, or null. */
	firstBreach: FinancialYear | null;
	/** Under Monte Carlo: the share of simulations with no year over its cap. */
	probabilityUnderCap: number | null;
}

export interface GoalSeekResult {
	target: GoalSeekTarget;
	mode: GoalSeekMode;
	/**
	 * 'found': the boundary; 'always': the goal is met across the whole range (the answer is its
	 * end); 'never': no value in the range meets it; 'no_effect': the lever does not move the
	 * deficit in this scenario (all years pinned, or flow targets fix new plans).
	 */
	status: 'found' | 'always' | 'never' | 'no_effect';
	/** The multiplier or delivery found (the end of the range when 'always'), or null. */
	value: number | null;
	/** The first year the lever applies (the first year not pinned), or null when all are. */
	from: FinancialYear | null;
	lo: number;
	hi: number;
	step: number;
	evaluations: number;
	/** The lever that gives the answer, ready to add to the scenario, or null. */
	lever: Lever | null;
	/**
	 * The scenario's levers with the answer in place: the lever it solved for replaced (keeping its
	 * place and id), or the answer added last. Null when there is no answer.
	 */
	levers: Lever[] | null;
	/** The id of the scenario's lever the answer replaces, or null when it is added. */
	replaces: string | null;
	/** The scenario at the answer (or at the end of the range searched when none is found). */
	outcome: GoalSeekOutcome | null;
	/** True when flow targets set new plans in some of the years the lever applies to. */
	flowTargetsFixNewPlans: boolean;
}

/**
 * The first financial year of a compiled scenario that is not pinned, or null when every year
 * is: levers that must never touch a pinned year start there.
 * @example firstFreeYear(compile(prepared, mayProjection)) // '2022/23'
 */
export function firstFreeYear(c: CompiledScenario): FinancialYear | null {
	const k = c.finance.pinned.findIndex((p) => !p);
	return k < 0 ? null : c.years[k];
}

/** The range and grid searched for a target: the options', else the target's defaults. */
function rangeOf(
	target: GoalSeekTarget,
	options: GoalSeekOptions,
	base: CompiledScenario
): { lo: number; hi: number; step: number } {
	switch (target.kind) {
		case 'total_growth':
			return {
				lo: options.lo ?? TOTAL_GROWTH_BOUNDS[0],
				hi: options.hi ?? TOTAL_GROWTH_BOUNDS[1],
				step: options.step ?? 0.001
			};
		case 'new_plans': {
			// Three times the most new plans the model makes in any year: far past any cap.
			let most = 0;
			for (const p of base.steps) {
				most = Math.max(
					most,
					p.joiners.reduce((a, j) => a + expectedJoinerCount(j), 0)
				);
			}
			return {
				lo: options.lo ?? 0,
				hi: options.hi ?? Math.max(100, Math.ceil(most * 3)),
				step: options.step ?? 1
			};
		}
		case 'new_plan_growth':
			return { lo: options.lo ?? 0, hi: options.hi ?? 3, step: options.step ?? 0.001 };
		case 'savings_delivery':
			return { lo: options.lo ?? 0, hi: options.hi ?? 2, step: options.step ?? 0.001 };
	}
}

/** The "slot" a lever fills: levers with the same one solve for the same thing. */
function slotOf(l: Lever): string | null {
	switch (l.kind) {
		case 'joiners':
			return `joiners|${l.band ?? '*'}`;
		case 'total_growth':
		case 'new_plans':
			// Both set the number of new plans; the later wins, so one replaces the other.
			return 'sets-new-plans';
		case 'savings_delivery':
			return `savings|${l.line ?? '*'}`;
		default:
			return null;
	}
}

/**
 * A scenario's levers with a goal seek's answer in place (pure). The answer replaces, keeping its
 * place and id, the first of: a lever an earlier goal seek added for the same thing (id starting
 * `goal-seek-`), else a lever for the same thing (same kind and band, or line; total growth and
 * N new plans both set new plans) over the same window; otherwise it is added last.
 * @example
 * withSoughtLever(s.levers, { kind: 'total_growth', rate: 0.058, id: 'goal-seek-total-growth', … })
 * // { levers: [… the earlier total growth lever now at 5.8% …], replaces: 'g' }
 */
export function withSoughtLever(
	levers: readonly Lever[],
	answer: Lever
): { levers: Lever[]; replaces: string | null } {
	const slot = slotOf(answer);
	const same = (l: Lever) => slot !== null && slotOf(l) === slot;
	let i = levers.findIndex((l) => same(l) && l.id.startsWith('goal-seek-'));
	if (i < 0) {
		i = levers.findIndex((l) => same(l) && l.from === answer.from && l.until === answer.until);
	}
	if (i < 0) return { levers: [...levers, answer], replaces: null };
	const old = levers[i];
	return {
		levers: levers.map((l, j) => (j === i ? { ...answer, id: old.id } : l)),
		replaces: old.id
	};
}

function leverFor(
	target: GoalSeekTarget,
	value: number,
	from: FinancialYear,
	scenario: Scenario
): Lever {
	if (target.kind === 'total_growth') {
		return {
			id: freeLeverId(scenario, 'goal-seek-total-growth'),
			label: '',
			kind: 'total_growth',
			rate: value,
			from,
			until: null
		};
	}
	if (target.kind === 'new_plans') {
		return {
			id: freeLeverId(scenario, 'goal-seek-new-plans-count'),
			label: '',
			kind: 'new_plans',
			basis: 'count',
			value,
			from,
			until: null
		};
	}
	if (target.kind === 'new_plan_growth') {
		return {
			id: freeLeverId(scenario, 'goal-seek-new-plans'),
			label: '',
			kind: 'joiners',
			multiplier: value,
			band: target.band ?? null,
			from,
			until: null
		};
	}
	return {
		id: freeLeverId(scenario, 'goal-seek-savings'),
		label: '',
		kind: 'savings_delivery',
		line: target.line,
		delivery: value,
		from,
		until: null
	};
}

interface Evaluation {
	/** Max over years of (cumulative deficit − cap), £: ≤ 0 when every year is under its cap. */
	worstExcess: number;
	outcome: GoalSeekOutcome;
	ok: boolean;
}

/**
 * Expected projection of a compiled scenario, judged against its caps. The tightest year is
 * looked for from step `first` on (the years the lever moves); a breach counts in any year.
 */
function judgeExpected(
	c: CompiledScenario,
	first = 0
): Omit<Evaluation, 'ok'> & { breached: boolean } {
	const H = c.steps.length;
	const values = new Float64Array(c.layout.defs.length * H);
	const breachStep = runTrajectory(c, expectedSampler, values, 0, createWorkspace(c));
	const cum = metricRow(c.layout, 'cumulative_deficit_before_sv') * H;
	const cap = metricRow(c.layout, 'deficit_cap') * H;
	let worstExcess = -Infinity;
	let tightest = first;
	let breached = false;
	for (let k = 0; k < H; k++) {
		const excess = values[cum + k] - values[cap + k];
		if (k >= first && excess > worstExcess) {
			worstExcess = excess;
			tightest = k;
		}
		if (exceedsCap(values[cum + k], values[cap + k])) breached = true;
	}
	return {
		worstExcess,
		breached,
		outcome: {
			tightestYear: c.years[tightest],
			tightestHeadroom: -worstExcess,
			firstBreach: breachStep >= 0 ? c.years[breachStep] : null,
			probabilityUnderCap: null
		}
	};
}

function checkOptions(target: GoalSeekTarget, options: GoalSeekOptions) {
	const { mode } = options;
	if (mode.kind === 'probability') {
		if (!(mode.probability > 0 && mode.probability <= 1)) {
			throw new Error(
				`goalSeek: the probability must be a fraction in (0, 1], got ${mode.probability}`
			);
		}
		if (!(Number.isInteger(mode.simulations) && mode.simulations >= 1)) {
			throw new Error(`goalSeek: simulations must be a whole number ≥ 1, got ${mode.simulations}`);
		}
	}
	if (!['new_plan_growth', 'total_growth', 'new_plans', 'savings_delivery'].includes(target.kind)) {
		throw new Error(`goalSeek: unknown target "${(target as { kind: unknown }).kind}"`);
	}
}

/**
 * The largest new-plan growth (a multiplier on new plans) or the smallest savings delivery (a
 * fraction of target) that keeps every year's cumulative deficit before Safety Valve funding
 * under its cap, applied from the first year not pinned. In expectation, "under" is the
 * expected projection's; at a probability p, at least p of N simulations (seeded, common random
 * numbers) stay under in every year.
 *
 * @param prepared the dataset, prepared once
 * @param scenario the scenario searched from (its own levers stay; the goal-seek lever comes last)
 * @returns the value found with the lever that gives it, and the scenario's position there
 * @example
 * const r = goalSeek(prepared, baseline, { kind: 'savings_delivery', line: null }, { mode: { kind: 'expected' } });
 * r.value; // e.g. 1.734: savings must be delivered at 173.4% of target from 2022/23
 */
export function goalSeek(
	prepared: PreparedDataset,
	scenario: Scenario,
	target: GoalSeekTarget,
	options: GoalSeekOptions
): GoalSeekResult {
	checkOptions(target, options);
	// Every target but savings moves new plans: the goal is the largest value.
	const growth = target.kind !== 'savings_delivery';
	const base = compile(prepared, scenario);
	const { lo, hi, step } = rangeOf(target, options, base);
	const { mode } = options;
	const from = firstFreeYear(base);
	// Steps whose new plans a flow target fixes: a multiplier cannot move them.
	const fixed = (census: number) =>
		scenario.demand.flowTargets.some((t) => t.census === census && t.joiners !== null);
	const freeCensuses =
		from === null ? [] : base.censuses.filter((c) => c >= censusOfFinancialYear(from));
	const flowTargetsFixNewPlans = growth && freeCensuses.some(fixed);
	const placed = (x: number, at: FinancialYear) =>
		withSoughtLever(scenario.levers, leverFor(target, x, at, scenario));
	const result = (
		status: GoalSeekResult['status'],
		value: number | null,
		evaluations: number,
		outcome: GoalSeekOutcome | null
	): GoalSeekResult => {
		const answer = value !== null && from !== null ? placed(value, from) : null;
		return {
			target,
			mode,
			status,
			value,
			from,
			lo,
			hi,
			step,
			evaluations,
			lever: value !== null && from !== null ? leverFor(target, value, from, scenario) : null,
			levers: answer?.levers ?? null,
			replaces: answer?.replaces ?? null,
			outcome,
			flowTargetsFixNewPlans
		};
	};
	const first = from === null ? 0 : base.years.indexOf(from);
	if (from === null || (growth && freeCensuses.every(fixed))) {
		return result('no_effect', null, 0, judgeExpected(base, first).outcome);
	}

	const compiledAt = (x: number) =>
		compile(prepared, { ...scenario, levers: placed(x, from).levers });
	const judge = (x: number): Evaluation => {
		const c = compiledAt(x);
		const e = judgeExpected(c, first);
		if (mode.kind === 'expected') return { ...e, ok: !e.breached };
		const block = simulate(c, 0, mode.simulations, mode.seed);
		let under = 0;
		for (let i = 0; i < block.firstBreach.length; i++) if (block.firstBreach[i] < 0) under++;
		const probabilityUnderCap = under / mode.simulations;
		return {
			...e,
			outcome: { ...e.outcome, probabilityUnderCap },
			// Compared in whole simulations, so that 0.9 × 1,000 is 900 exactly.
			ok: under >= Math.ceil(mode.probability * mode.simulations - 1e-9)
		};
	};
	// A lever that moves nothing cannot be sought: say so rather than report a range end.
	const atLo = judgeExpected(compiledAt(lo), first);
	const atHi = judgeExpected(compiledAt(hi), first);
	if (Math.abs(atLo.worstExcess - atHi.worstExcess) < 0.5) {
		return result('no_effect', null, 2, atLo.outcome);
	}
	const seen = new Map<number, Evaluation>();
	const search = bisectBoundary(
		(x) => {
			const e = judge(x);
			seen.set(x, e);
			return e.ok;
		},
		{ lo, hi, step, direction: growth ? 'largest' : 'smallest' }
	);
	const evaluations = search.evaluations + 2;
	if (search.status === 'none') {
		// Where the search ended: the most favourable end of the range.
		const end = growth ? lo : hi;
		return result('never', null, evaluations, (seen.get(end) ?? judge(end)).outcome);
	}
	const value = search.value!;
	const outcome = (seen.get(value) ?? judge(value)).outcome;
	return result(search.status === 'all' ? 'always' : 'found', value, evaluations, outcome);
}
