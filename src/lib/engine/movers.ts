/**
 * Movers (changes of setting), MODEL.md §2 step 3: `M ~ BetaBinomial(n − L, αM, βM)`, destinations
 * `~ DirichletMultinomial(M, α_dest(s))` over the settings open at the next NCY for the need.
 * A mover ages on as it moves: destinations are states at NCY + 1.
 */
import type { Sampler } from './sampler';
import type { StepParams } from './params';

/**
 * Draws the movers out of state `s` among `remaining` non-leavers, adds them to their
 * destinations in `next` and `moversIn`, and returns how many moved.
 * @example drawMovers(params, s, 18, expectedSampler, next, moversIn, scratch)
 */
export function drawMovers(
	params: StepParams,
	s: number,
	remaining: number,
	sampler: Sampler,
	next: Float64Array,
	moversIn: Float64Array,
	scratch: Float64Array
): number {
	const dest = params.moverDest[s];
	const alpha = params.moverAlpha[s];
	if (dest === null || alpha <= 0 || remaining <= 0) return 0;
	const moved = sampler.betaBinomial(remaining, alpha, params.moverBeta[s]);
	if (moved <= 0) return 0;
	sampler.dirichletMultinomial(moved, dest.alpha, scratch);
	for (let k = 0; k < dest.to.length; k++) {
		const c = scratch[k];
		if (c > 0) {
			next[dest.to[k]] += c;
			moversIn[dest.to[k]] += c;
		}
	}
	return moved;
}
