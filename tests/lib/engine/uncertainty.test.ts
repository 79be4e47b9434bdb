import { describe, expect, it } from 'vitest';
import type { StepParams } from '$lib/engine/params';
import { standardNormal } from '$lib/engine/random-sampler';
import { createRng } from '$lib/engine/rng';
import {
	calibrateScale,
	deviateSteps,
	drawDeviations,
	POOLED_UNCERTAINTY,
	uncertaintyAtScale
} from '$lib/engine/uncertainty';

const dest = { to: Int32Array.from([0]), alpha: Float64Array.from([1]) };
const step = (census: number): StepParams => ({
	census,
	leaverAlpha: Float64Array.from([10, 0]),
	leaverBeta: Float64Array.from([90, 0]),
	moverAlpha: new Float64Array(2),
	moverBeta: new Float64Array(2),
	moverDest: [null, null],
	joiners: [{ ncy: 0, kind: 'count', mean: 50, shape: 10, dest }],
	capacity: []
});

describe('drawDeviations', () => {
	it('takes the first three normals of the simulation’s stream, scaled by each σ', () => {
		const rng = createRng(50, 7);
		const [a, b, c] = [standardNormal(rng), standardNormal(rng), standardNormal(rng)];
		const d = drawDeviations(POOLED_UNCERTAINTY, createRng(50, 7));
		expect(d.joinerLevel).toBe(a * 0.5);
		expect(d.joinerTrend).toBe(b * 0.05);
		expect(d.leaverLevel).toBe(c * 0.5);
	});
});

describe('deviateSteps', () => {
	const u = uncertaintyAtScale(0.5, 'test');
	const dev = { joinerLevel: 0.2, joinerTrend: 0.03, leaverLevel: -0.1, sd: u };
	const steps = [step(2022), step(2023)];
	const out = deviateSteps(steps, dev, null);

	it('multiplies step k’s new plans by exp(λ − σ²/2 + kτ − k²σ_T²/2)', () => {
		const j = (k: number) => (out.steps[k - 1].joiners[0] as { mean: number }).mean;
		expect(j(1)).toBeCloseTo(50 * Math.exp(0.2 - 0.125 + 0.03 - 0.0025 / 2), 10);
		expect(j(2)).toBeCloseTo(50 * Math.exp(0.2 - 0.125 + 0.06 - (4 * 0.0025) / 2), 10);
	});

	it('scales leaver probabilities by exp(λ_L − σ_L²/2), keeping the evidence behind them', () => {
		const p =
			out.steps[0].leaverAlpha[0] / (out.steps[0].leaverAlpha[0] + out.steps[0].leaverBeta[0]);
		expect(p).toBeCloseTo(0.1 * Math.exp(-0.1 - 0.125), 12);
		expect(out.steps[0].leaverAlpha[0] + out.steps[0].leaverBeta[0]).toBeCloseTo(100, 10);
		expect(out.steps[0].leaverAlpha[1]).toBe(0);
	});

	it('leaves the compiled steps alone and reuses its buffers', () => {
		expect((steps[0].joiners[0] as { mean: number }).mean).toBe(50);
		expect(steps[0].leaverAlpha[0]).toBe(10);
		expect(deviateSteps(steps, dev, out)).toBe(out);
	});

	it('has factors of mean 1, so that the simulations’ mean stays the expected projection', () => {
		const rng = createRng(1, 0);
		let sum = 0;
		const n = 20000;
		for (let i = 0; i < n; i++) {
			const d = drawDeviations(u, rng);
			sum += (deviateSteps([step(2022)], d, null).steps[0].joiners[0] as { mean: number }).mean;
		}
		expect(sum / n / 50).toBeCloseTo(1, 1);
	});
});

describe('calibrateScale', () => {
	it('finds the smallest scale whose coverage reaches the target', () => {
		// Coverage of a normal band ±1.645σ_s around the truth when errors have σ = 0.3: the band
		// reaches 90% when its σ_s = 0.3.
		const erf = (x: number) => {
			const t = 1 / (1 + 0.3275911 * Math.abs(x));
			const y =
				1 -
				((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t +
					0.254829592) *
					t *
					Math.exp(-x * x);
			return Math.sign(x) * y;
		};
		const coverage = (s: number) => erf((1.6449 * s) / 0.3 / Math.SQRT2);
		expect(calibrateScale(coverage, { target: 0.9, tolerance: 1e-4 })).toBeCloseTo(0.3, 3);
	});

	it('says so when even the largest scale covers too little', () => {
		expect(() => calibrateScale(() => 0.5, { high: 1 })).toThrow(
			/^calibrateScale: even scale 1 covers less than 0.9/
		);
	});
});
