/**
 * Estimation from witan.send transitions (docs/model.md §2 "From transitions"), as witan.send does it:
 * every history year pooled, each transitions row one child, leaver and mover parameters keyed by
 * the state before ageing (academic-year-1, need-1, setting-1), joiner parameters by the NCY a
 * child arrives in (academic-year-2).
 *
 * - Leavers: with L_a and S_a the leavers and non-leavers of NCY a (every need and setting), the
 *   prior is α0 = (L_a + ½)/(L_a + S_a + 1), β0 = (S_a + ½)/(L_a + S_a + 1) ({½, ½} without
 *   data), and αL(s) = leavers(s) + α0, βL(s) = non-leavers(s) + β0.
 * - Movers (setting-2 ≠ setting-1, neither NONSEND): the same over movers and stayers among the
 *   non-leavers, with {1, 1} where the NCY has none, for every state that has somewhere to go.
 *   Destinations: 1/|allowed| on each allowed setting (open at NCY + 1 for the need, in the
 *   origin's setting->setting list, not its own), plus the NCY's mover counts by destination
 *   (the nearest lower NCY's when the NCY has no movers), normalised to total mass 1, plus the
 *   state's own mover counts. Every state with somewhere to go gets destinations, so a cohort
 *   whose setting ends moves on even where no mover was ever seen.
 * - Joiners at NCY a over the n history years: α = Σ j(cy, a)/n (+ 0.001 for each year with no
 *   joiner there), β = Σ (P(cy, a) − j(cy, a))/n, with P(cy, ·) the general population of the
 *   year the step starts (the population.csv row whose calendar-year equals the transitions'
 *   calendar-year). Destinations: joiner counts by (need, setting) plus 1/|states| on each state
 *   of that NCY. Without a population, an expected count per NCY with gamma-Poisson noise.
 *
 * Population and census years (docs/model.md §2, as witan.send does it): estimation sets the joiners
 * of the step starting at census cy against the population of year cy (the start year), while in
 * projection the rate applies to the population of the projected year: the step ending at census
 * c draws its joiners from population.csv's year c. That is why the last population year sets the
 * horizon: the last projected census needs its population.
 *
 * Trends: per history year, the overall joiner rate (joiners / population, or joiners when there
 * is no population) and leaver rate (leavers / children at the start census), weighted by their
 * denominators, fitted by `trendMultipliers` for the flow year of each projected step.
 */
import type { Dataset, EstimatorId, TransitionRow } from '../model/dataset';
import { ESTIMATOR_IDS, NONSEND } from '../model/dataset';
import type { DemandModel, JoinerTemplate, TrendMultipliers } from './demand';
import { flatTrend } from './demand';
import type { Destinations } from './params';
import type { StateSpace } from './space';
import { stateIndex } from './space';
import { trendMultipliers, type YearValue } from './trend';

export interface TransitionEstimateOptions {
	/** Census to project from. */
	baseCensus: number;
	/** Last calendar year of flows to use; defaults to the dataset's setting (or base − 1). */
	lastFlowYear?: number;
	/** Number of census steps to project. */
	steps: number;
}

/** What a joiner adds to α in a history year where none joined at that NCY (witan.send's). */
export const EMPTY_JOINER_YEAR_ALPHA = 0.001;

/**
 * The state of (NCY, need code, setting code), or −1 when it is not a valid state (an unknown
 * code, or an NCY the setting does not take).
 * @example stateOfCodes(space, 5, 'ASD', 'MMSIB') // a state index, or −1
 */
export function stateOfCodes(
	space: StateSpace,
	ncy: number,
	need: string,
	setting: string
): number {
	const n = space.needIndex.get(need);
	const k = space.settingIndex.get(setting);
	if (n === undefined || k === undefined || !Number.isInteger(ncy)) return -1;
	return stateIndex(space, ncy, n, k);
}

/**
 * Whole children per state at a January census, counted from transitions: the setting-1 side of
 * the rows whose step starts at that census, or else the setting-2 side of the rows whose step
 * ends there. Throws when neither exists or a child is in a state the space does not have.
 * @example transitionCaseload(space, dataset.transitions, 2017) // Float64Array by state
 */
export function transitionCaseload(
	space: StateSpace,
	transitions: readonly TransitionRow[],
	census: number
): Float64Array {
	const out = new Float64Array(space.size);
	const starting = transitions.filter((t) => t.calendarYear === census);
	const useStart = starting.length > 0;
	const rows = useStart ? starting : transitions.filter((t) => t.calendarYear === census - 1);
	if (rows.length === 0) {
		throw new Error(
			`transitionCaseload: no transitions start at ${census} or end there (calendar-year ${census - 1}), so the January ${census} caseload is unknown`
		);
	}
	for (const t of rows) {
		const [setting, need, ncy] = useStart
			? [t.setting1, t.need1, t.ncy1]
			: [t.setting2, t.need2, t.ncy2];
		if (setting === NONSEND) continue;
		const s = stateOfCodes(space, ncy, need, setting);
		if (s < 0) {
			throw new Error(
				`transitionCaseload: a child at the January ${census} census is in setting ${setting}, need ${need}, NCY ${ncy}, which is not a valid state`
			);
		}
		out[s] += 1;
	}
	return out;
}

/**
 * The settings (as states at NCY + 1) a mover from state `s` may go to: open at the next NCY for
 * its need, listed in its setting's destinations (null: every setting), not its own.
 * @example allowedMoves(space, s).map((i) => space.settings[space.setting[i]].id) // ['SP16']
 */
export function allowedMoves(space: StateSpace, s: number): number[] {
	const own = space.setting[s];
	const def = space.settings[own];
	const allowed = def.destinations === null ? null : new Set(def.destinations);
	const out: number[] = [];
	for (let k = 0; k < space.settings.length; k++) {
		if (k === own) continue;
		if (allowed && !allowed.has(space.settings[k].id)) continue;
		const i = stateIndex(space, space.ncy[s] + 1, space.need[s], k);
		if (i >= 0) out.push(i);
	}
	return out;
}

/**
 * The prior of a Beta from NCY-wide counts: ((x + ½)/(x + y + 1), (y + ½)/(x + y + 1)), or
 * `empty` when there are none.
 * @example ncyPrior(3, 5, 0.5) // { alpha: 3.5 / 9, beta: 5.5 / 9 }
 */
export function ncyPrior(x: number, y: number, empty: number): { alpha: number; beta: number } {
	const total = x + y;
	if (total <= 0) return { alpha: empty, beta: empty };
	return { alpha: (x + 0.5) / (total + 1), beta: (y + 0.5) / (total + 1) };
}

/** Counts of one pass over the history rows. */
interface Tally {
	years: number[];
	/** Per state (before ageing). */
	leavers: Float64Array;
	nonLeavers: Float64Array;
	movers: Float64Array;
	/** Per state × setting: movers from the state to the setting. */
	moverTo: Float64Array;
	/** Per NCY (index NCY − minNcy). */
	ncyLeavers: Float64Array;
	ncyNonLeavers: Float64Array;
	ncyMovers: Float64Array;
	/** Per NCY × setting: movers from the NCY to the setting. */
	ncyMoverTo: Float64Array;
	/** Per year × arrival NCY. */
	joiners: Float64Array[];
	/** Per destination state. */
	joinerTo: Float64Array;
	/** Per year: leavers and children at the start census. */
	yearLeavers: number[];
	yearStock: number[];
	/** Rows whose state is not in the space (counted in the NCY totals where the NCY is). */
	unplaced: { row: TransitionRow; side: 1 | 2 }[];
}

function tally(space: StateSpace, rows: readonly TransitionRow[]): Tally {
	const years = [...new Set(rows.map((t) => t.calendarYear))].sort((a, b) => a - b);
	const yearIndex = new Map(years.map((y, i) => [y, i]));
	const K = space.settings.length;
	const W = space.maxNcy - space.minNcy + 1;
	const t: Tally = {
		years,
		leavers: new Float64Array(space.size),
		nonLeavers: new Float64Array(space.size),
		movers: new Float64Array(space.size),
		moverTo: new Float64Array(space.size * K),
		ncyLeavers: new Float64Array(W),
		ncyNonLeavers: new Float64Array(W),
		ncyMovers: new Float64Array(W),
		ncyMoverTo: new Float64Array(W * K),
		joiners: years.map(() => new Float64Array(W)),
		joinerTo: new Float64Array(space.size),
		yearLeavers: years.map(() => 0),
		yearStock: years.map(() => 0),
		unplaced: []
	};
	const ncyOf = (ncy: number) =>
		Number.isInteger(ncy) && ncy >= space.minNcy && ncy <= space.maxNcy ? ncy - space.minNcy : -1;
	for (const row of rows) {
		const y = yearIndex.get(row.calendarYear)!;
		if (row.setting1 === NONSEND) {
			const a = ncyOf(row.ncy2);
			if (a >= 0) t.joiners[y][a] += 1;
			const s = stateOfCodes(space, row.ncy2, row.need2, row.setting2);
			if (s >= 0) t.joinerTo[s] += 1;
			else t.unplaced.push({ row, side: 2 });
			continue;
		}
		t.yearStock[y] += 1;
		const a = ncyOf(row.ncy1);
		const s = stateOfCodes(space, row.ncy1, row.need1, row.setting1);
		if (s < 0) t.unplaced.push({ row, side: 1 });
		if (row.setting2 === NONSEND) {
			t.yearLeavers[y] += 1;
			if (a >= 0) t.ncyLeavers[a] += 1;
			if (s >= 0) t.leavers[s] += 1;
			continue;
		}
		if (a >= 0) t.ncyNonLeavers[a] += 1;
		if (s >= 0) t.nonLeavers[s] += 1;
		if (row.setting2 === row.setting1) continue;
		const k = space.settingIndex.get(row.setting2);
		if (a >= 0) {
			t.ncyMovers[a] += 1;
			if (k !== undefined) t.ncyMoverTo[a * K + k] += 1;
		}
		if (s >= 0) {
			t.movers[s] += 1;
			if (k !== undefined) t.moverTo[s * K + k] += 1;
		}
	}
	return t;
}

/**
 * Estimates the demand model from a dataset's witan.send transitions (see the file's docblock).
 * @example const model = estimateFromTransitions(dataset, space, { baseCensus: 2017, steps: 5 });
 */
export function estimateFromTransitions(
	dataset: Dataset,
	space: StateSpace,
	options: TransitionEstimateOptions
): DemandModel {
	const all = dataset.transitions ?? [];
	const { baseCensus, steps } = options;
	if (!(Number.isInteger(steps) && steps >= 1)) {
		throw new Error(`estimateFromTransitions: steps must be a whole number ≥ 1, got ${steps}`);
	}
	const lastFlowYear = Math.min(
		options.lastFlowYear ?? dataset.estimation.lastFlowYear ?? baseCensus - 1,
		baseCensus - 1
	);
	const firstFlowYear = dataset.estimation.firstFlowYear ?? -Infinity;
	const rows = all.filter((t) => t.calendarYear >= firstFlowYear && t.calendarYear <= lastFlowYear);
	if (rows.length === 0) {
		const from = Number.isFinite(firstFlowYear) ? `from ${firstFlowYear} ` : '';
		throw new Error(
			`estimateFromTransitions: no transitions with calendar-year ${from}up to ${lastFlowYear}; at least one year is needed`
		);
	}
	const notes: string[] = [];
	const warnings: string[] = [];
	const K = space.settings.length;
	const W = space.maxNcy - space.minNcy + 1;
	const t = tally(space, rows);
	const n = t.years.length;
	const span = n === 1 ? `${t.years[0]}` : `${t.years[0]}–${t.years[n - 1]}`;

	// Base caseload.
	let base: Float64Array;
	if (baseCensus === dataset.baseCensus && dataset.baseCaseload.length > 0) {
		base = new Float64Array(space.size);
		for (const cell of dataset.baseCaseload) {
			const s = stateOfCodes(space, cell.ncy, cell.need, cell.setting);
			if (s < 0) {
				throw new Error(
					`estimateFromTransitions: base caseload cell NCY ${cell.ncy}, need ${cell.need}, setting ${cell.setting} is not a valid state`
				);
			}
			base[s] += cell.count.value;
		}
		notes.push(
			`Base caseload: the dataset's January ${baseCensus} caseload by NCY, need and setting.`
		);
	} else {
		base = transitionCaseload(space, all, baseCensus);
		notes.push(
			`Base caseload: the children in a setting at the January ${baseCensus} census, counted from the transitions.`
		);
	}

	// Leavers, keyed by the state before ageing, with an NCY-wide prior.
	const leaverAlpha = new Float64Array(space.size);
	const leaverBeta = new Float64Array(space.size);
	for (let s = 0; s < space.size; s++) {
		const a = space.ncy[s] - space.minNcy;
		const prior = ncyPrior(t.ncyLeavers[a], t.ncyNonLeavers[a], 0.5);
		leaverAlpha[s] = t.leavers[s] + prior.alpha;
		leaverBeta[s] = t.nonLeavers[s] + prior.beta;
	}
	const totalLeavers = t.yearLeavers.reduce((x, y) => x + y, 0);
	notes.push(
		`Leavers: ${totalLeavers} children left in ${span}; a Beta per state (NCY, need, setting) from its own leavers and non-leavers, plus a prior of total weight 1 from its NCY's leaver rate.`
	);

	// Movers and their destinations.
	const moverAlpha = new Float64Array(space.size);
	const moverBeta = new Float64Array(space.size).fill(1);
	const moverDest: (Destinations | null)[] = new Array(space.size).fill(null);
	/** The NCY whose destination counts an NCY uses: itself, or the nearest lower one with movers. */
	const donor = new Int32Array(W).fill(-1);
	for (let a = 0; a < W; a++) {
		if (t.ncyMovers[a] > 0) donor[a] = a;
		else if (a > 0) donor[a] = donor[a - 1];
	}
	let borrowed = 0;
	for (let s = 0; s < space.size; s++) {
		const to = allowedMoves(space, s);
		if (to.length === 0) continue;
		const a = space.ncy[s] - space.minNcy;
		const stayers = t.nonLeavers[s] - t.movers[s];
		const prior = ncyPrior(t.ncyMovers[a], t.ncyNonLeavers[a] - t.ncyMovers[a], 1);
		moverAlpha[s] = t.movers[s] + prior.alpha;
		moverBeta[s] = stayers + prior.beta;
		const d = donor[a];
		if (d >= 0 && d !== a) borrowed++;
		const weights = to.map(
			(i) => 1 / to.length + (d >= 0 ? t.ncyMoverTo[d * K + space.setting[i]] : 0)
		);
		const mass = weights.reduce((x, y) => x + y, 0);
		moverDest[s] = {
			to: Int32Array.from(to),
			alpha: Float64Array.from(
				to,
				(i, k) => weights[k] / mass + t.moverTo[s * K + space.setting[i]]
			)
		};
	}
	const totalMovers = t.ncyMovers.reduce((x, y) => x + y, 0);
	notes.push(
		`Movers: ${totalMovers} changes of setting in ${span}; a Beta per state from its movers and stayers plus a prior of weight 1 from its NCY's mover rate. Destinations: the state's own moves plus a prior of weight 1 spread by its NCY's moves${borrowed > 0 ? ' (or the nearest lower NCY with moves)' : ''} and a uniform share over the settings open to it.`
	);

	// Joiners, keyed by arrival NCY.
	const population = new Map<string, number>();
	for (const p of dataset.population ?? [])
		population.set(`${p.year}:${p.ncy}`, p.population.value);
	const hasPopulation = population.size > 0;
	const joiners: JoinerTemplate[] = [];
	const missingPopulation: string[] = [];
	for (let ncy = space.minNcy; ncy <= space.maxNcy; ncy++) {
		const to: number[] = [];
		for (let need = 0; need < space.needs.length; need++) {
			for (let k = 0; k < K; k++) {
				const i = stateIndex(space, ncy, need, k);
				if (i >= 0) to.push(i);
			}
		}
		if (to.length === 0) continue;
		const dest: Destinations = {
			to: Int32Array.from(to),
			alpha: Float64Array.from(to, (i) => t.joinerTo[i] + 1 / to.length)
		};
		const a = ncy - space.minNcy;
		let joined = 0;
		for (let y = 0; y < n; y++) joined += t.joiners[y][a];
		if (!hasPopulation) {
			joiners.push({ ncy, kind: 'count', mean: joined / n, shape: Math.max(1, joined), dest });
			continue;
		}
		let alpha = 0;
		let beta = 0;
		for (let y = 0; y < n; y++) {
			const j = t.joiners[y][a];
			const p = population.get(`${t.years[y]}:${ncy}`);
			if (p === undefined) missingPopulation.push(`${t.years[y]} NCY ${ncy}`);
			alpha += j === 0 ? EMPTY_JOINER_YEAR_ALPHA : j / n;
			beta += Math.max(0, (p ?? 0) - j) / n;
		}
		const populationByCensus = new Map<number, number>();
		for (const p of dataset.population ?? []) {
			if (p.ncy === ncy) populationByCensus.set(p.year, p.population.value);
		}
		joiners.push({ ncy, kind: 'rate', alpha, beta, populationByCensus, dest });
	}
	const totalJoiners = t.joiners.reduce((x, row) => x + row.reduce((u, v) => u + v, 0), 0);
	notes.push(
		hasPopulation
			? `Joiners: ${totalJoiners} in ${span}; a rate of the general population per NCY (joiners and non-joiners averaged over the ${n} year${n === 1 ? '' : 's'}), placed by the (need, setting) of past joiners plus a uniform prior of weight 1. The step ending at census c draws from the population of year c (the projected year).`
			: `Joiners: ${totalJoiners} in ${span}; no general population is loaded, so an expected count per NCY (the yearly mean) with gamma-Poisson noise, placed by the (need, setting) of past joiners plus a uniform prior of weight 1.`
	);
	if (missingPopulation.length > 0) {
		warnings.push(
			`No general population for ${missingPopulation.slice(0, 5).join(', ')}${missingPopulation.length > 5 ? ` and ${missingPopulation.length - 5} more` : ''}: joiner rates take it as 0 there.`
		);
	}
	if (t.unplaced.length > 0) {
		const first = t.unplaced[0];
		const r = first.row;
		const [setting, need, ncy] =
			first.side === 1 ? [r.setting1, r.need1, r.ncy1] : [r.setting2, r.need2, r.ncy2];
		warnings.push(
			`${t.unplaced.length} transition${t.unplaced.length === 1 ? ' is' : 's are'} in a state the settings do not allow (the first: calendar-year ${r.calendarYear}, setting ${setting}, need ${need}, NCY ${ncy}); they count in their NCY's rates but not in any state's own.`
		);
	}

	// Trends of the overall joiner and leaver rates.
	const censuses = Array.from({ length: steps }, (_, k) => baseCensus + 1 + k);
	const flowYearOfStep = censuses.map((c) => c - 1);
	const joinerPoints: YearValue[] = [];
	const leaverPoints: YearValue[] = [];
	t.years.forEach((year, y) => {
		const joined = t.joiners[y].reduce((u, v) => u + v, 0);
		if (hasPopulation) {
			let p = 0;
			for (const j of joiners) p += population.get(`${year}:${j.ncy}`) ?? 0;
			if (p > 0) joinerPoints.push({ year, value: joined / p, weight: p });
		} else joinerPoints.push({ year, value: joined });
		if (t.yearStock[y] > 0) {
			leaverPoints.push({ year, value: t.yearLeavers[y] / t.yearStock[y], weight: t.yearStock[y] });
		}
	});
	const fit = (points: YearValue[], est: EstimatorId) =>
		points.length > 0 && points.some((p) => p.value > 0)
			? trendMultipliers(points, est, flowYearOfStep)
			: flowYearOfStep.map(() => 1);
	const trends = {} as Record<EstimatorId, TrendMultipliers>;
	for (const est of ESTIMATOR_IDS) {
		if (est === 'pooled') {
			trends[est] = flatTrend(space, steps);
			continue;
		}
		const jm = fit(joinerPoints, est);
		const lm = fit(leaverPoints, est);
		trends[est] = {
			joiners: jm.map((m) => new Float64Array(W).fill(m)),
			leavers: lm.map((m) => new Float64Array(W).fill(m))
		};
	}
	if (n < 2) {
		warnings.push(`Only one year of transitions (${span}): trends fall back to the pooled mean.`);
	}

	return {
		method: 'transitions',
		space,
		baseCensus,
		base,
		leaverAlpha,
		leaverBeta,
		moverAlpha,
		moverBeta,
		moverDest,
		joiners,
		censuses,
		trends,
		notes,
		warnings,
		// witan.send-compatible: its own estimation, process noise only (decision 0019).
		pooled: null,
		uncertainty: null
	};
}
