/**
 * Capacity levers (docs/model.md §2): when a setting's caseload at the census exceeds its cap, the
 * excess moves to a named overflow setting (same NCY and need). Recorded as movers, so children
 * are conserved. Deterministic: overflow is shared in proportion to each NCY's caseload.
 */
import type { CapacityRule } from './params';
import type { StateSpace } from './space';
import { stateIndex } from './space';
import { largestRemainder } from './rounding';

/**
 * Moves caseload above each rule's capacity into its overflow setting. Children in an NCY the
 * overflow setting does not take stay where they are (the cap cannot be met for them). `mark`, when
 * given, gets a 1 at each state children are moved into.
 * @example applyCapacity(space, [{ setting: 3, capacity: 150, overflow: 2 }], next, out, in, false)
 */
export function applyCapacity(
	space: StateSpace,
	rules: readonly CapacityRule[],
	next: Float64Array,
	moversOut: Float64Array,
	moversIn: Float64Array,
	integer: boolean,
	mark?: Uint8Array
): void {
	for (const rule of rules) {
		const from: number[] = [];
		const to: number[] = [];
		let total = 0;
		let movable = 0;
		for (let s = 0; s < space.size; s++) {
			if (space.setting[s] !== rule.setting) continue;
			total += next[s];
			const target = stateIndex(space, space.ncy[s], space.need[s], rule.overflow);
			if (target >= 0 && next[s] > 0) {
				from.push(s);
				to.push(target);
				movable += next[s];
			}
		}
		const excess = Math.min(total - rule.capacity, movable);
		if (!(excess > 0)) continue;
		const shares = from.map((s) => (next[s] / movable) * excess);
		const moved = integer ? largestRemainder(shares, Math.round(excess)) : shares;
		for (let k = 0; k < from.length; k++) {
			const c = Math.min(moved[k], next[from[k]]);
			if (c <= 0) continue;
			next[from[k]] -= c;
			next[to[k]] += c;
			moversOut[from[k]] += c;
			moversIn[to[k]] += c;
			if (mark) mark[to[k]] = 1;
		}
	}
}
