/**
 * The one place where the expected-value projection and the Monte Carlo projection differ
 * (docs/model.md §2): every draw of the state-transition step goes through a Sampler. The
 * expected sampler returns means (fractional children allowed); a random sampler returns integer
 * draws from a seeded stream. The step code is the same for both.
 */
import type { Destinations } from './params';

export interface Sampler {
	/** True when draws are whole children (Monte Carlo); false for the expected projection. */
	readonly integer: boolean;
	/**
	 * Successes out of n trials whose probability is Beta(alpha, beta) distributed.
	 * Expected: n × alpha / (alpha + beta).
	 */
	betaBinomial(n: number, alpha: number, beta: number): number;
	/**
	 * Splits n into categories with Dirichlet(alpha) distributed probabilities, writing the counts
	 * into out[0..alpha.length). Expected: n × alpha_k / Σ alpha.
	 */
	dirichletMultinomial(n: number, alpha: ArrayLike<number>, out: Float64Array): void;
	/**
	 * `betaBinomial(n, alpha[i], beta[i])`: the model's hot path, which passes the shapes by their
	 * arrays (a state's leaver or mover parameters) so that no number has to be boxed.
	 */
	betaBinomialOf(n: number, alpha: Float64Array, beta: Float64Array, i: number): number;
	/**
	 * Splits n children over a model's destination list as `dirichletMultinomial(n, dest.alpha)`
	 * does and adds each destination's count c > 0 to `into[dest.to[k]]` and `alsoInto[dest.to[k]]`,
	 * setting `mark[dest.to[k]] = 1`. A random sampler checks the weights and builds their table
	 * once per list (`destinationTable`), and spends O(n) rather than O(K) on few children.
	 * `scratch` (at least dest.to.length long) may be used for the counts.
	 */
	distribute(
		n: number,
		dest: Destinations,
		into: Float64Array,
		alsoInto: Float64Array,
		mark: Uint8Array,
		scratch: Float64Array
	): void;
	/**
	 * A count with the given mean whose uncertainty is Gamma(shape, mean/shape) distributed
	 * (a negative binomial); shape = Infinity gives a Poisson count. Expected: mean.
	 */
	gammaPoisson(mean: number, shape: number): number;
}

/**
 * Dirichlet weights with their running sums: what a random sampler needs to split children over
 * categories, computed once per set of weights rather than at every draw.
 */
export interface DirichletTable {
	/** The weights, as given (not copied). */
	readonly alpha: ArrayLike<number>;
	/** cumulative[k] = alpha[0] + … + alpha[k], added in that order. */
	readonly cumulative: Float64Array;
	/** Σ alpha, the last running sum (0 when there are no categories). */
	readonly total: number;
	/** The index of the last positive weight; −1 when no weight is positive. */
	readonly last: number;
	/**
	 * A guide to the running sums: guide[m] is the first category whose running sum exceeds
	 * m/G of the total (G = guide.length), so finding the category of a point x in [0, total)
	 * starts at guide[⌊x·guideScale⌋] and takes about one step on average.
	 */
	readonly guide: Int32Array;
	/** G / total (0 when the total is 0). */
	readonly guideScale: number;
	/** Why the weights cannot be drawn from (a weight negative, NaN or infinite), or null. */
	readonly problem: string | null;
}

/**
 * The running sums of Dirichlet weights, with their check (a problem is recorded, not thrown:
 * the random sampler throws it when asked to draw, naming itself).
 * @param alpha the weights, each a finite number ≥ 0
 * @example dirichletTable([1, 0, 2]) // { cumulative: [1, 1, 3], total: 3, last: 2, problem: null, … }
 */
export function dirichletTable(alpha: ArrayLike<number>): DirichletTable {
	const cumulative = new Float64Array(alpha.length);
	let total = 0;
	let last = -1;
	let problem: string | null = null;
	for (let k = 0; k < alpha.length; k++) {
		const a = alpha[k];
		if (!(a >= 0 && a < Infinity)) {
			problem ??= `alpha[${k}] must be a finite number ≥ 0, got ${a}`;
			cumulative[k] = total;
			continue;
		}
		total += a;
		if (a > 0) last = k;
		cumulative[k] = total;
	}
	const guide = new Int32Array(Math.max(1, alpha.length));
	const G = guide.length;
	const guideScale = total > 0 ? G / total : 0;
	for (let m = 0, k = 0; m < G; m++) {
		const point = (m / G) * total;
		while (k < last && cumulative[k] <= point) k++;
		guide[m] = Math.max(k, 0);
	}
	return { alpha, cumulative, total, last, problem, guide, guideScale };
}

/**
 * The table of a destination list's weights, built on first use and kept on the list (a model's
 * lists are built once and never changed in place, so every simulation reuses it). A list whose
 * `alpha` was replaced gets a new table.
 * @example sampler.distribute(n, dest, next, moversIn, mark, scratch) // uses destinationTable(dest)
 */
export function destinationTable(dest: Destinations): DirichletTable {
	const table = dest.table;
	if (table !== undefined && table.alpha === dest.alpha) return table;
	return (dest.table = dirichletTable(dest.alpha));
}

/** The expected-value sampler: every draw replaced by its mean. */
export const expectedSampler: Sampler = {
	integer: false,
	betaBinomial(n, alpha, beta) {
		if (n <= 0) return 0;
		const total = alpha + beta;
		return total > 0 ? (n * alpha) / total : 0;
	},
	dirichletMultinomial(n, alpha, out) {
		let total = 0;
		for (let k = 0; k < alpha.length; k++) total += alpha[k];
		for (let k = 0; k < alpha.length; k++) out[k] = total > 0 ? (n * alpha[k]) / total : 0;
	},
	betaBinomialOf(n, alpha, beta, i) {
		return this.betaBinomial(n, alpha[i], beta[i]);
	},
	distribute(n, dest, into, alsoInto, mark, scratch) {
		const { to } = dest;
		this.dirichletMultinomial(n, dest.alpha, scratch);
		for (let k = 0; k < to.length; k++) {
			const c = scratch[k];
			if (c > 0) {
				into[to[k]] += c;
				alsoInto[to[k]] += c;
				mark[to[k]] = 1;
			}
		}
	},
	gammaPoisson(mean) {
		return mean > 0 ? mean : 0;
	}
};
