/**
 * One census step of the cohort model (MODEL.md §2): leavers, movers, ageing on, joiners and
 * capacity overflow, for either the expected-value projection or a Monte Carlo draw — the
 * Sampler decides which. Every child is a stayer, a mover or a leaver: nobody vanishes.
 */
import type { Sampler } from './sampler';
import type { StateSpace } from './space';
import type { StepParams } from './params';
import { drawLeavers } from './leavers';
import { drawMovers } from './movers';
import { drawJoiners } from './joiners';
import { applyCapacity } from './capacity';

/** Flows of one step, each by state. Reused between steps to avoid allocation. */
export interface StepFlows {
	next: Float64Array;
	/** Joiners by destination state. */
	joiners: Float64Array;
	/** Leavers by state before ageing, including those who aged out of every setting. */
	leavers: Float64Array;
	/** Movers by state before ageing (includes children whose setting ended, and overflow). */
	moversOut: Float64Array;
	/** Movers by destination state. */
	moversIn: Float64Array;
}

export function createStepFlows(size: number): StepFlows {
	return {
		next: new Float64Array(size),
		joiners: new Float64Array(size),
		leavers: new Float64Array(size),
		moversOut: new Float64Array(size),
		moversIn: new Float64Array(size)
	};
}

/** Scratch space for destination draws, sized for the longest destination list. */
export function createScratch(space: StateSpace): Float64Array {
	return new Float64Array(Math.max(16, space.size));
}

/**
 * Advances the stock one January census: `flows.next` = stayers aged on + movers in + joiners.
 * Expected or random according to `sampler`.
 * @example
 * const flows = createStepFlows(space.size);
 * stepPopulation(space, params, stock, expectedSampler, flows, createScratch(space));
 */
export function stepPopulation(
	space: StateSpace,
	params: StepParams,
	stock: Float64Array,
	sampler: Sampler,
	flows: StepFlows,
	scratch: Float64Array
): void {
	const { next, joiners, leavers, moversOut, moversIn } = flows;
	next.fill(0);
	joiners.fill(0);
	leavers.fill(0);
	moversOut.fill(0);
	moversIn.fill(0);

	for (let s = 0; s < space.size; s++) {
		const n = stock[s];
		if (n <= 0) continue;
		const left = drawLeavers(params, s, n, sampler);
		const remaining = n - left;
		const moved = drawMovers(params, s, remaining, sampler, next, moversIn, scratch);
		const stayers = remaining - moved;
		leavers[s] += left;
		moversOut[s] += moved;
		if (stayers <= 0) continue;
		const target = space.agedOn[s];
		if (target >= 0) {
			next[target] += stayers;
			continue;
		}
		// The setting ends at the next NCY: the cohort moves on by the mover mix, or leaves when
		// no setting is open to it (past age 25, or nothing valid for its need).
		const dest = params.moverDest[s];
		if (dest !== null) {
			sampler.dirichletMultinomial(stayers, dest.alpha, scratch);
			for (let k = 0; k < dest.to.length; k++) {
				const c = scratch[k];
				if (c > 0) {
					next[dest.to[k]] += c;
					moversIn[dest.to[k]] += c;
				}
			}
			moversOut[s] += stayers;
		} else {
			leavers[s] += stayers;
		}
	}

	drawJoiners(params, sampler, next, joiners, scratch);
	if (params.capacity.length > 0) {
		applyCapacity(space, params.capacity, next, moversOut, moversIn, sampler.integer);
	}
}

/** Sum of a typed array. */
export function total(a: Float64Array): number {
	let t = 0;
	for (let i = 0; i < a.length; i++) t += a[i];
	return t;
}
