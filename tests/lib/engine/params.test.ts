import { describe, expect, it } from 'vitest';
import { leavingScaleLimit, scaleBetas, solveLeaverScale } from '$lib/engine/params';

/** Expected leavers of 100 children in each of two states leaving at the Betas' (capped) means. */
function leaversOf(alpha: number[], beta: number[]) {
	const a = new Float64Array(2);
	const b = new Float64Array(2);
	return (scale: number) => {
		scaleBetas(alpha, beta, scale, a, b);
		return 100 * (a[0] / (a[0] + b[0])) + 100 * (a[1] / (a[1] + b[1]));
	};
}

describe('leavingScaleLimit', () => {
	it('is the scale at which the state leaving least reaches certainty', () => {
		expect(leavingScaleLimit([1, 3], [9, 7])).toBeCloseTo(10, 12);
	});

	it('is 1 when no state has any leaving', () => {
		expect(leavingScaleLimit([0, 0], [5, 5])).toBe(1);
	});
});

describe('solveLeaverScale', () => {
	const alpha = [1, 3];
	const beta = [9, 7];

	it('meets a target reachable before any probability is capped', () => {
		// 10% and 30% of 100 each: 40 leavers at scale 1, 60 at scale 1.5.
		const scale = solveLeaverScale(leaversOf(alpha, beta), alpha, beta, 60, 60, 1e-12);
		expect(scale).toBeCloseTo(1.5, 9);
	});

	it('goes on past the first probability to reach 1 when the target needs more leaving', () => {
		// At 1 / 0.3 the second state leaves for certain (100) and the first 33; 150 needs 5.
		const scale = solveLeaverScale(leaversOf(alpha, beta), alpha, beta, 150, 60, 1e-12);
		// (Probabilities stop 1e-9 short of 1: MAX_PROBABILITY.)
		expect(scale).toBeCloseTo(5, 6);
		expect(leaversOf(alpha, beta)(scale)).toBeCloseTo(150, 6);
	});

	it('takes the nearest end for a target out of reach', () => {
		expect(solveLeaverScale(leaversOf(alpha, beta), alpha, beta, 500, 60, 1e-12)).toBe(10);
		expect(solveLeaverScale(leaversOf(alpha, beta), alpha, beta, -1, 60, 1e-12)).toBe(0);
	});
});
