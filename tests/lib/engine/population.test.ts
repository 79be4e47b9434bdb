import { describe, expect, it } from 'vitest';
import { createScratch, createStepFlows, stepPopulation, total } from '$lib/engine/population';
import { createRandomSampler } from '$lib/engine/random-sampler';
import { createRng } from '$lib/engine/rng';
import { expectedSampler } from '$lib/engine/sampler';
import { compile, prepareDataset } from '$lib/engine/workbench';
import { plainScenario, witanLikeDataset } from '../../fixtures/monte-carlo/witan-like';
import { stateIndex } from '$lib/engine/space';
import { quietStep, tinySpace } from './fixtures';

const space = tinySpace();
const S = (ncy: number, setting: 'school' | 'college') =>
	stateIndex(space, ncy, 0, space.settingIndex.get(setting)!);

function run(params = quietStep(space), stock = new Float64Array(space.size)) {
	const flows = createStepFlows(space.size);
	stepPopulation(space, params, stock, expectedSampler, flows, createScratch(space));
	return flows;
}

describe('one census step of the cohort model', () => {
	it('ages every stayer on one NCY within its setting', () => {
		const stock = new Float64Array(space.size);
		stock[S(0, 'school')] = 10;
		stock[S(1, 'school')] = 5;
		const f = run(quietStep(space), stock);
		expect(f.next[S(1, 'school')]).toBe(10);
		expect(f.next[S(2, 'school')]).toBe(5);
		expect(total(f.next)).toBe(15);
	});

	it('moves a cohort whose setting ends to a setting open at its new NCY', () => {
		const params = quietStep(space);
		params.moverDest[S(2, 'school')] = {
			to: Int32Array.of(S(3, 'college')),
			alpha: Float64Array.of(1)
		};
		const stock = new Float64Array(space.size);
		stock[S(2, 'school')] = 8;
		const f = run(params, stock);
		expect(f.next[S(3, 'college')]).toBe(8);
		expect(f.moversOut[S(2, 'school')]).toBe(8);
		expect(f.moversIn[S(3, 'college')]).toBe(8);
		expect(total(f.leavers)).toBe(0);
	});

	it('counts a cohort past the last NCY as leavers: nobody vanishes unrecorded', () => {
		const stock = new Float64Array(space.size);
		stock[S(3, 'college')] = 7;
		const f = run(quietStep(space), stock);
		expect(total(f.next)).toBe(0);
		expect(f.leavers[S(3, 'college')]).toBe(7);
	});

	it('takes leavers at the mean rate, keyed by the state before ageing', () => {
		const params = quietStep(space);
		params.leaverAlpha[S(1, 'school')] = 1;
		params.leaverBeta[S(1, 'school')] = 3;
		const stock = new Float64Array(space.size);
		stock[S(1, 'school')] = 20;
		const f = run(params, stock);
		expect(f.leavers[S(1, 'school')]).toBe(5);
		expect(f.next[S(2, 'school')]).toBe(15);
	});

	it('sends movers among the non-leavers to their destinations in proportion to the weights', () => {
		const params = quietStep(space);
		const s = S(1, 'school');
		params.leaverAlpha[s] = 1;
		params.leaverBeta[s] = 4; // 20% leave
		params.moverAlpha[s] = 1;
		params.moverBeta[s] = 1; // half of the rest move
		params.moverDest[s] = { to: Int32Array.of(S(2, 'college')), alpha: Float64Array.of(2) };
		const stock = new Float64Array(space.size);
		stock[s] = 10;
		const f = run(params, stock);
		expect(f.leavers[s]).toBe(2);
		expect(f.moversOut[s]).toBe(4);
		expect(f.next[S(2, 'college')]).toBe(4);
		expect(f.next[S(2, 'school')]).toBe(4);
	});

	it('adds joiners at their arrival NCY by the destination weights', () => {
		const params = quietStep(space);
		params.joiners = [
			{
				ncy: 2,
				kind: 'count',
				mean: 12,
				shape: Infinity,
				dest: { to: Int32Array.of(S(2, 'school'), S(2, 'college')), alpha: Float64Array.of(1, 2) }
			}
		];
		const f = run(params);
		expect(f.next[S(2, 'school')]).toBe(4);
		expect(f.next[S(2, 'college')]).toBe(8);
		expect(total(f.joiners)).toBe(12);
	});

	it('keeps every child: stock + joiners − leavers = next stock', () => {
		const params = quietStep(space);
		params.leaverAlpha.fill(0.3);
		params.leaverBeta.fill(2.7);
		params.joiners = [
			{
				ncy: 0,
				kind: 'count',
				mean: 3,
				shape: Infinity,
				dest: { to: Int32Array.of(S(0, 'school')), alpha: Float64Array.of(1) }
			}
		];
		params.moverDest[S(2, 'school')] = {
			to: Int32Array.of(S(3, 'college')),
			alpha: Float64Array.of(1)
		};
		const stock = new Float64Array(space.size).fill(6);
		const f = run(params, stock);
		expect(total(stock) + total(f.joiners) - total(f.leavers)).toBeCloseTo(total(f.next), 12);
	});
});

describe('the states a step touches', () => {
	const c = compile(prepareDataset(witanLikeDataset()), plainScenario());

	/** Runs every step of `c` with one flows object, giving each step's flows copied. */
	function trajectory(seed: number, listed: boolean) {
		const sampler = createRandomSampler(createRng(seed, 0));
		const flows = createStepFlows(c.space.size);
		const scratch = createScratch(c.space);
		const stock = Float64Array.from(c.base);
		return c.steps.map((params, k) => {
			stepPopulation(c.space, params, stock, sampler, flows, scratch, listed && k > 0);
			stock.set(flows.next);
			return {
				next: Float64Array.from(flows.next),
				joiners: Float64Array.from(flows.joiners),
				leavers: Float64Array.from(flows.leavers),
				moversOut: Float64Array.from(flows.moversOut),
				moversIn: Float64Array.from(flows.moversIn),
				touched: Array.from(flows.touched.subarray(0, flows.touchedCount))
			};
		});
	}

	it('lists, ascending, every state with a non-zero flow (and clears them at the next step)', () => {
		for (const step of trajectory(7, true)) {
			const nonZero = [];
			for (let s = 0; s < c.space.size; s++) {
				if (
					step.next[s] ||
					step.joiners[s] ||
					step.leavers[s] ||
					step.moversOut[s] ||
					step.moversIn[s]
				)
					nonZero.push(s);
			}
			expect(nonZero.every((s) => step.touched.includes(s))).toBe(true);
			expect(step.touched).toEqual([...step.touched].sort((a, b) => a - b));
		}
	});

	it('draws the same when it visits only the previous step’s touched states as when it visits all', () => {
		expect(trajectory(11, true)).toEqual(trajectory(11, false));
	});
});
