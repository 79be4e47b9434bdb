/**
 * Joiners (new plans and moves into the authority), docs/model.md §2 step 4: per arrival NCY, either a
 * rate of the general population, `J ~ BetaBinomial(P_{t+1}(a), αJ, βJ)`, or, where no population
 * is loaded, an expected count with gamma-Poisson noise. Destinations
 * `~ DirichletMultinomial(J, α_join(a))` over the valid (need, setting) states of that NCY.
 */
import type { Sampler } from './sampler';
import type { JoinerSpec, StepParams } from './params';

/** How many join at one NCY in one step. */
export function drawJoinerCount(spec: JoinerSpec, sampler: Sampler): number {
	if (spec.kind === 'rate') {
		if (spec.alpha <= 0 || spec.population <= 0) return 0;
		return sampler.betaBinomial(spec.population, spec.alpha, spec.beta);
	}
	return sampler.gammaPoisson(spec.mean, spec.shape);
}

/** The expected number joining at one NCY in one step. */
export function expectedJoinerCount(spec: JoinerSpec): number {
	if (spec.kind === 'rate') {
		const t = spec.alpha + spec.beta;
		return t > 0 && spec.population > 0 ? (spec.population * spec.alpha) / t : 0;
	}
	return Math.max(0, spec.mean);
}

/**
 * Draws every NCY's joiners and places them, adding to `next` and `joiners` (by state) and
 * setting `mark` to 1 where they go.
 * @example drawJoiners(params, expectedSampler, next, joiners, mark, scratch)
 */
export function drawJoiners(
	params: StepParams,
	sampler: Sampler,
	next: Float64Array,
	joiners: Float64Array,
	mark: Uint8Array,
	scratch: Float64Array
): void {
	for (const spec of params.joiners) {
		const j = drawJoinerCount(spec, sampler);
		if (j <= 0) continue;
		sampler.distribute(j, spec.dest, next, joiners, mark, scratch);
	}
}
