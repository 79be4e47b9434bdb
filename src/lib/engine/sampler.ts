/**
 * The one place where the expected-value projection and the Monte Carlo projection differ
 * (MODEL.md §2): every draw of the state-transition step goes through a Sampler. The expected
 * sampler returns means (fractional children allowed); a random sampler returns integer draws
 * from a seeded stream. The step code is the same for both.
 */
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
	 * A count with the given mean whose uncertainty is Gamma(shape, mean/shape) distributed
	 * (a negative binomial); shape = Infinity gives a Poisson count. Expected: mean.
	 */
	gammaPoisson(mean: number, shape: number): number;
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
	gammaPoisson(mean) {
		return mean > 0 ? mean : 0;
	}
};
