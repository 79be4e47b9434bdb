/**
 * Moves of existing placements within one step (engine/transfers.ts, docs/model.md §2.7): only the
 * children who stayed in a state move, whole children under Monte Carlo, and nobody is lost.
 */
import { describe, expect, it } from 'vitest';
import { applyTransfers } from '$lib/engine/transfers';
import { createStepFlows } from '$lib/engine/population';
import { stateIndex } from '$lib/engine/space';
import { tinySpace } from './fixtures';

describe('applyTransfers', () => {
	const space = tinySpace();
	// "school" takes NCY 0–2, "college" 2–3: only NCY 2 has a state in both.
	const school = space.settingIndex.get('school')!;
	const college = space.settingIndex.get('college')!;
	const from = stateIndex(space, 2, 0, school);
	const to = stateIndex(space, 2, 0, college);
	const rule = { from: Int32Array.of(from), to: Int32Array.of(to), share: 0.5 };

	function flowsWith(next: number, joiners: number, moversIn: number) {
		const f = createStepFlows(space.size);
		f.next[from] = next;
		f.joiners[from] = joiners;
		f.moversIn[from] = moversIn;
		return f;
	}

	it('moves the share of the stayers only: not the joiners nor the movers in', () => {
		// 10 in the state, of whom 2 joined and 3 moved in this step: 5 stayed, 2.5 move.
		const f = flowsWith(10, 2, 3);
		applyTransfers([rule], f, false);
		expect(f.next[from]).toBeCloseTo(7.5, 12);
		expect(f.next[to]).toBeCloseTo(2.5, 12);
		expect(f.moversOut[from]).toBeCloseTo(2.5, 12);
		expect(f.moversIn[to]).toBeCloseTo(2.5, 12);
		expect(f.mark[to]).toBe(1);
		expect(f.next[from] + f.next[to]).toBe(10);
	});

	it('moves whole children under Monte Carlo (round(share × stayers))', () => {
		const f = flowsWith(7, 0, 0);
		applyTransfers([rule], f, true);
		expect(f.next[to]).toBe(4); // round(3.5)
		expect(f.next[from]).toBe(3);
	});

	it('moves nobody from an empty state or at a share of 0', () => {
		const f = flowsWith(4, 4, 0);
		applyTransfers([rule], f, false);
		expect(f.next[to]).toBe(0);
		const g = flowsWith(10, 0, 0);
		applyTransfers([{ ...rule, share: 0 }], g, true);
		expect(g.next[from]).toBe(10);
	});
});
