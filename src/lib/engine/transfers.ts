/**
 * Moves of existing placements (the `move_placements` lever, docs/model.md §2.7, decision 0027):
 * after a step's stayers have aged on and its movers and joiners have arrived, a share of the
 * children who STAYED in each origin state through the step — neither joined nor moved in this
 * step — are in the paired destination state (same NCY and need, another setting) at the census
 * instead. They count as movers, so children are conserved, and from that census they are costed
 * at the destination's unit cost. Applied before capacity caps.
 *
 * Deterministic: the expected projection moves `share` of them exactly; a Monte Carlo step moves
 * round(share × the rule's stayers) whole children, shared over its states by largest remainder,
 * so no random number is drawn and every other draw of the simulation is unchanged.
 */
import type { TransferRule } from './params';
import type { StepFlows } from './population';
import { largestRemainder } from './rounding';

/**
 * Applies each rule in order to a step's flows (`next`, `moversOut`, `moversIn`, `mark`).
 * @param integer whole children (Monte Carlo) or fractions (expected projection)
 * @example applyTransfers([{ from: Int32Array.of(3), to: Int32Array.of(7), share: 0.2 }], flows, false)
 */
export function applyTransfers(
	rules: readonly TransferRule[],
	flows: Pick<StepFlows, 'next' | 'joiners' | 'moversIn' | 'moversOut' | 'mark'>,
	integer: boolean
): void {
	const { next, joiners, moversIn, moversOut, mark } = flows;
	for (const rule of rules) {
		if (!(rule.share > 0) || rule.from.length === 0) continue;
		// Stayers: what the state holds now, less the children who arrived in it this step.
		const stayers = new Array<number>(rule.from.length);
		let total = 0;
		for (let k = 0; k < rule.from.length; k++) {
			const s = rule.from[k];
			const n = Math.max(0, next[s] - joiners[s] - moversIn[s]);
			stayers[k] = n;
			total += n;
		}
		if (!(total > 0)) continue;
		const moved = integer
			? largestRemainder(stayers, Math.round(rule.share * total))
			: stayers.map((n) => n * rule.share);
		for (let k = 0; k < rule.from.length; k++) {
			const c = Math.min(moved[k], stayers[k]);
			if (!(c > 0)) continue;
			const a = rule.from[k];
			const b = rule.to[k];
			next[a] -= c;
			next[b] += c;
			moversOut[a] += c;
			moversIn[b] += c;
			mark[b] = 1;
		}
	}
}
