/**
 * Parameters of one census step of the cohort model (docs/model.md §2), after estimation, trend and
 * scenario levers. Leaver and mover parameters are keyed by the state before ageing; joiner
 * parameters by the NCY a child arrives in.
 */
import type { DirichletTable } from './sampler';

/**
 * Where a group of children may go, with Dirichlet weights. Built once per model and never
 * changed in place (make a new list to change the weights).
 */
export interface Destinations {
	/** Destination state indices. */
	to: Int32Array;
	/** Dirichlet weights, one per destination (all ≥ 0, not all 0). */
	alpha: Float64Array;
	/** The random sampler's running sums of `alpha`, made on first draw (sampler.ts). */
	table?: DirichletTable;
}

/** Joiners arriving at one NCY in one step. */
export type JoinerSpec =
	| {
			ncy: number;
			kind: 'rate';
			/** General population at this NCY in the census year that ends the step. */
			population: number;
			alpha: number;
			beta: number;
			dest: Destinations;
	  }
	| {
			ncy: number;
			kind: 'count';
			/** Expected joiners. */
			mean: number;
			/** Gamma shape of the uncertainty in the mean (pseudo-observations); Infinity = Poisson. */
			shape: number;
			dest: Destinations;
	  };

/** A cap on a setting's caseload at the census that ends the step. */
export interface CapacityRule {
	setting: number;
	capacity: number;
	overflow: number;
}

/**
 * A move of existing placements (the `move_placements` lever, transfers.ts): a share of the
 * children who stayed in each origin state through the step go to the paired state instead.
 */
export interface TransferRule {
	/** Origin states (at the census that ends the step) and, index for index, their destinations. */
	from: Int32Array;
	to: Int32Array;
	share: number;
}

export interface StepParams {
	/** The census that ends the step. */
	census: number;
	leaverAlpha: Float64Array;
	leaverBeta: Float64Array;
	moverAlpha: Float64Array;
	moverBeta: Float64Array;
	/**
	 * Per state: where its movers go (settings open at the next NCY, own setting excluded). Also
	 * used for children whose setting ends at the next NCY. null: nowhere to go.
	 */
	moverDest: (Destinations | null)[];
	joiners: JoinerSpec[];
	capacity: CapacityRule[];
	/** Moves of existing placements, applied before capacity caps; absent or empty: none. */
	transfers?: TransferRule[];
}

/** The mean of a Beta(alpha, beta) probability; 0 when both are 0. */
export function betaMean(alpha: number, beta: number): number {
	const total = alpha + beta;
	return total > 0 ? alpha / total : 0;
}

/**
 * Rescales a Beta(alpha, beta) so that its mean is multiplied by `m` (capped below 1) while its
 * concentration alpha + beta — the evidence behind it — is kept.
 * @example scaleBeta(10, 90, 1.2) // { alpha: 12, beta: 88 }
 */
export function scaleBeta(alpha: number, beta: number, m: number): { alpha: number; beta: number } {
	if (!(m >= 0) || !Number.isFinite(m)) {
		throw new Error(`scaleBeta: multiplier must be a finite number ≥ 0, got ${m}`);
	}
	const total = alpha + beta;
	if (total <= 0 || m === 1) return { alpha, beta };
	const p = Math.min((alpha / total) * m, MAX_PROBABILITY);
	return { alpha: p * total, beta: (1 - p) * total };
}

/**
 * Rescales every Beta of a pair of arrays by `m`, as `scaleBeta` does one (concentrations kept),
 * writing into `outAlpha` / `outBeta` (which may be the inputs themselves).
 * @example scaleBetas(leaverAlpha, leaverBeta, 1.1, leaverAlpha, leaverBeta) // leaving 10% higher
 */
export function scaleBetas(
	alpha: ArrayLike<number>,
	beta: ArrayLike<number>,
	m: number,
	outAlpha: Float64Array,
	outBeta: Float64Array
): void {
	for (let s = 0; s < alpha.length; s++) {
		const b = scaleBeta(alpha[s], beta[s], m);
		outAlpha[s] = b.alpha;
		outBeta[s] = b.beta;
	}
}

/**
 * The smallest scale of leaver probabilities (scaleBetas) at which every state with any leaving
 * leaves with probability 1: the most leaving a scale can give (1 when no state has any).
 * @example leavingScaleLimit([1, 3], [9, 7]) // 10: the 10% state is the last to reach 1
 */
export function leavingScaleLimit(alpha: ArrayLike<number>, beta: ArrayLike<number>): number {
	let minMean = Infinity;
	for (let s = 0; s < alpha.length; s++) {
		const m = betaMean(alpha[s], beta[s]);
		if (m > 0) minMean = Math.min(minMean, m);
	}
	return Number.isFinite(minMean) ? 1 / minMean : 1;
}

/**
 * The scale of leaver probabilities (scaleBetas) at which `leaversAt(scale)`, the expected
 * leavers of a step, equals `target`; leavers rise with the scale. Bisection over [0, 1 / the
 * largest mean], where no probability is capped yet, to `tolerance` of that range in at most
 * `iterations` steps; when the target needs more leaving than that, over the rest of the way to
 * the scale at which every state with any leaving leaves with probability 1 (scaleBeta caps each
 * at 1), to the precision of a double. Stopping at the first cap would leave targets out of reach that the
 * other states could still meet. A target beyond every scale takes the nearest end.
 * @example solveLeaverScale((m) => 100 * Math.min(1, 0.1 * m), [1], [9], 30, 60, 1e-12) // ≈ 3
 */
export function solveLeaverScale(
	leaversAt: (scale: number) => number,
	alpha: ArrayLike<number>,
	beta: ArrayLike<number>,
	target: number,
	iterations: number,
	tolerance: number
): number {
	let maxMean = 0;
	for (let s = 0; s < alpha.length; s++) maxMean = Math.max(maxMean, betaMean(alpha[s], beta[s]));
	const capped = maxMean > 0 ? 1 / maxMean : 1;
	const full = leavingScaleLimit(alpha, beta);
	if (leaversAt(0) >= target) return 0;
	let lo = 0;
	let up = capped;
	if (leaversAt(capped) >= target) {
		for (let it = 0; it < iterations && up - lo > tolerance * capped; it++) {
			const mid = (lo + up) / 2;
			if (leaversAt(mid) < target) lo = mid;
			else up = mid;
		}
		return (lo + up) / 2;
	}
	if (full <= capped || leaversAt(full) <= target) return full;
	// Beyond the first cap the range may be very wide (a state leaving 1 in a billion): bisect
	// to the last representable midpoint instead of to a share of the range.
	lo = capped;
	up = full;
	for (let it = 0; it < 2100; it++) {
		const mid = (lo + up) / 2;
		if (mid <= lo || mid >= up) break;
		if (leaversAt(mid) < target) lo = mid;
		else up = mid;
	}
	return (lo + up) / 2;
}

/** Probabilities are kept just below 1 so that a Beta stays proper after scaling. */
export const MAX_PROBABILITY = 1 - 1e-9;
