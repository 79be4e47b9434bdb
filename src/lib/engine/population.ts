/**
 * One census step of the cohort model (docs/model.md §2): leavers, movers, ageing on, joiners,
 * moves of existing placements and capacity overflow, for either the expected-value projection or a Monte Carlo draw — the
 * Sampler decides which. Every child is a stayer, a mover or a leaver: nobody vanishes.
 *
 * A step costs in proportion to the occupied states and the children, not to the whole state
 * space: only occupied states draw, and the flows record which states they wrote (`touched`), so
 * the next step clears only those and a roll-up can add only those.
 */
import type { Sampler } from './sampler';
import type { StateSpace } from './space';
import type { StepParams } from './params';
import { drawLeavers } from './leavers';
import { drawMovers } from './movers';
import { drawJoiners } from './joiners';
import { applyCapacity } from './capacity';
import { applyTransfers } from './transfers';

/**
 * Flows of one step, each by state. Reused between steps to avoid allocation: read them, never
 * write into them (the next step clears only the states it wrote).
 */
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
	/**
	 * touched[0..touchedCount): every state whose flows above may be non-zero, ascending. A sum
	 * over them in this order equals the sum over every state in index order, bit for bit.
	 */
	touched: Int32Array;
	touchedCount: number;
	/** 1 for a touched state (the step's bookkeeping). */
	mark: Uint8Array;
}

export function createStepFlows(size: number): StepFlows {
	return {
		next: new Float64Array(size),
		joiners: new Float64Array(size),
		leavers: new Float64Array(size),
		moversOut: new Float64Array(size),
		moversIn: new Float64Array(size),
		touched: new Int32Array(size),
		touchedCount: 0,
		mark: new Uint8Array(size)
	};
}

/** Scratch space for destination draws, sized for the longest destination list. */
export function createScratch(space: StateSpace): Float64Array {
	return new Float64Array(Math.max(16, space.size));
}

/** Zeroes the flows of the states the previous step touched. */
function clearFlows(flows: StepFlows): void {
	const { next, joiners, leavers, moversOut, moversIn, touched, mark } = flows;
	for (let i = 0; i < flows.touchedCount; i++) {
		const s = touched[i];
		next[s] = 0;
		joiners[s] = 0;
		leavers[s] = 0;
		moversOut[s] = 0;
		moversIn[s] = 0;
		mark[s] = 0;
	}
	flows.touchedCount = 0;
}

/**
 * Advances the stock one January census: `flows.next` = stayers aged on + movers in + joiners.
 * Expected or random according to `sampler`.
 * @param stockIsPreviousNext true when `stock` holds the `flows.next` of the previous step of
 *   these flows, unchanged: then only the states that step touched are visited for children
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
	scratch: Float64Array,
	stockIsPreviousNext = false
): void {
	const { next, joiners, leavers, moversOut, moversIn, mark, touched } = flows;
	// The states to visit, ascending: the previous step's touched states (a superset of the
	// occupied ones) or every state. The list is read before this step rewrites it at the end.
	const visits = stockIsPreviousNext ? flows.touchedCount : space.size;
	const listed = stockIsPreviousNext;
	clearFlows(flows);

	for (let v = 0; v < visits; v++) {
		const s = listed ? touched[v] : v;
		const n = stock[s];
		if (n <= 0) continue;
		mark[s] = 1;
		const left = drawLeavers(params, s, n, sampler);
		const remaining = n - left;
		const moved = drawMovers(params, s, remaining, sampler, next, moversIn, mark, scratch);
		const stayers = remaining - moved;
		leavers[s] += left;
		moversOut[s] += moved;
		if (stayers <= 0) continue;
		const target = space.agedOn[s];
		if (target >= 0) {
			next[target] += stayers;
			mark[target] = 1;
			continue;
		}
		// The setting ends at the next NCY: the cohort moves on by the mover mix, or leaves when
		// no setting is open to it (past age 25, or nothing valid for its need).
		const dest = params.moverDest[s];
		if (dest !== null) {
			sampler.distribute(stayers, dest, next, moversIn, mark, scratch);
			moversOut[s] += stayers;
		} else {
			leavers[s] += stayers;
		}
	}

	drawJoiners(params, sampler, next, joiners, mark, scratch);
	if (params.transfers && params.transfers.length > 0) {
		applyTransfers(params.transfers, flows, sampler.integer);
	}
	if (params.capacity.length > 0) {
		applyCapacity(space, params.capacity, next, moversOut, moversIn, sampler.integer, mark);
	}
	// Without a branch: a mark is 0 or 1, and a branch on it would be mispredicted often.
	let count = 0;
	for (let s = 0; s < space.size; s++) {
		touched[count] = s;
		count += mark[s];
	}
	flows.touchedCount = count;
}

/** Sum of a typed array. */
export function total(a: Float64Array): number {
	let t = 0;
	for (let i = 0; i < a.length; i++) t += a[i];
	return t;
}
