/**
 * Leavers (ceased plans and moves out of the authority), docs/model.md §2 step 2:
 * `L ~ BetaBinomial(n, αL, βL)` keyed by the state before ageing.
 */
import type { Sampler } from './sampler';
import type { StepParams } from './params';

/**
 * Children leaving state `s` (of `n`) in one step.
 * @example drawLeavers(params, s, 20, expectedSampler) // 20 × αL/(αL+βL)
 */
export function drawLeavers(params: StepParams, s: number, n: number, sampler: Sampler): number {
	if (params.leaverAlpha[s] <= 0) return 0;
	return sampler.betaBinomialOf(n, params.leaverAlpha, params.leaverBeta, s);
}
