/**
 * Movers (changes of setting), docs/model.md §2 step 3: `M ~ BetaBinomial(n − L, αM, βM)`,
 * destinations `~ DirichletMultinomial(M, α_dest(s))` over the settings open at the next NCY for
 * the need. A mover ages on as it moves: destinations are states at NCY + 1.
 */
import type { Sampler } from './sampler';
import type { StepParams } from './params';

/**
 * Draws the movers out of state `s` among `remaining` non-leavers, adds them to their
 * destinations in `next` and `moversIn` (setting `mark` to 1 there), and returns how many moved.
 * @example drawMovers(params, s, 18, expectedSampler, next, moversIn, mark, scratch)
 */
export function drawMovers(
	params: StepParams,
	s: number,
	remaining: number,
	sampler: Sampler,
	next: Float64Array,
	moversIn: Float64Array,
	mark: Uint8Array,
	scratch: Float64Array
): number {
	const dest = params.moverDest[s];
	if (dest === null || params.moverAlpha[s] <= 0 || remaining <= 0) return 0;
	const moved = sampler.betaBinomialOf(remaining, params.moverAlpha, params.moverBeta, s);
	if (moved <= 0) return 0;
	sampler.distribute(moved, dest, next, moversIn, mark, scratch);
	return moved;
}
