/**
 * Persistent deviations of a Monte Carlo simulation (docs/model.md §2 "Monte Carlo projection"
 * and §8.2, decision 0019). Per-step process noise alone (whole-child draws with the evidence's
 * pseudo-counts) gives bands of about ±2% while real forecasts miss by ±10–38% four years out:
 * what a forecast gets wrong is mostly the level and the trend of the rates, which stay wrong
 * year after year. So each simulation draws, once, before its first step:
 *
 * - a joiner level deviation λ_J ~ N(0, σ_J²): every step's expected new plans × e^(λ_J − σ_J²/2);
 * - a joiner trend deviation τ_J ~ N(0, σ_T²): step k's (k = 1, 2, …) new plans ×
 *   e^(k τ_J − k² σ_T²/2);
 * - a leaver level deviation λ_L ~ N(0, σ_L²): every step's leaver probabilities × e^(λ_L − σ_L²/2);
 *
 * and propagates them through the cohort model with the usual whole-child draws. The − σ²/2 terms
 * make each factor's mean 1, so that the simulations' mean stays the expected projection. The σ's are
 * calibrated on the rolling-origin errors of every English authority (scripts/evaluate-forecasts.ts)
 * so that the p5–p95 band of EHC plans holds about 90% of outcomes at every horizon.
 */
import type { JoinerSpec, StepParams } from './params';
import { scaleBeta } from './params';
import { standardNormal } from './random-sampler';
import type { Rng } from './rng';

/** The standard deviations (natural log scale) of the persistent deviations. */
export interface PersistentUncertainty {
	joinerLevel: number;
	joinerTrend: number;
	leaverLevel: number;
	/** Where the figures come from, in words. */
	source: string;
}

/** One simulation's deviations (natural log scale), with the σ's they were drawn with. */
export interface Deviations {
	joinerLevel: number;
	joinerTrend: number;
	leaverLevel: number;
	sd: PersistentUncertainty;
}

/**
 * The deviations of forecasts pooled with England, calibrated by rolling-origin evaluation of
 * every English authority (origins January 2015–2018, horizons 1–4; decision 0019).
 */
export const POOLED_UNCERTAINTY: PersistentUncertainty = {
	joinerLevel: 0.5,
	joinerTrend: 0.05,
	leaverLevel: 0.5,
	source:
		'calibrated on rolling-origin errors of every English authority, origins January 2015–2018 (decision 0019)'
};

/**
 * Draws one simulation's deviations from its stream (three standard normals, in this order:
 * joiner level, joiner trend, leaver level).
 * @example drawDeviations(POOLED_UNCERTAINTY, createRng(50, 0)).joinerLevel // e.g. −0.05
 */
export function drawDeviations(u: PersistentUncertainty, rng: Rng): Deviations {
	const a = standardNormal(rng);
	const b = standardNormal(rng);
	const c = standardNormal(rng);
	return {
		joinerLevel: a * u.joinerLevel,
		joinerTrend: b * u.joinerTrend,
		leaverLevel: c * u.leaverLevel,
		sd: u
	};
}

/** Buffers of deviated step parameters, reused across the simulations of one scenario. */
export interface DeviatedSteps {
	steps: StepParams[];
}

/**
 * Step parameters with a simulation's deviations applied, written into `into` (made on first use).
 * Leaver probabilities keep their concentration (scaleBeta); joiner means are multiplied.
 * @example const steps = deviateSteps(compiled.steps, devs, buffers).steps;
 */
export function deviateSteps(
	steps: readonly StepParams[],
	dev: Deviations,
	into: DeviatedSteps | null
): DeviatedSteps {
	const out: DeviatedSteps = into ?? {
		steps: steps.map((p) => ({
			...p,
			leaverAlpha: new Float64Array(p.leaverAlpha.length),
			leaverBeta: new Float64Array(p.leaverBeta.length),
			joiners: p.joiners.map((j) => ({ ...j }))
		}))
	};
	const { sd } = dev;
	const leaverFactor = Math.exp(dev.leaverLevel - sd.leaverLevel ** 2 / 2);
	steps.forEach((p, k) => {
		const q = out.steps[k];
		for (let s = 0; s < p.leaverAlpha.length; s++) {
			const b = scaleBeta(p.leaverAlpha[s], p.leaverBeta[s], leaverFactor);
			q.leaverAlpha[s] = b.alpha;
			q.leaverBeta[s] = b.beta;
		}
		const t = k + 1;
		const joinerFactor = Math.exp(
			dev.joinerLevel -
				sd.joinerLevel ** 2 / 2 +
				t * dev.joinerTrend -
				(t * sd.joinerTrend) ** 2 / 2
		);
		p.joiners.forEach((j, i) => {
			const target = q.joiners[i] as JoinerSpec;
			if (j.kind === 'count' && target.kind === 'count') target.mean = j.mean * joinerFactor;
			else if (j.kind === 'rate' && target.kind === 'rate') {
				const b = scaleBeta(j.alpha, j.beta, joinerFactor);
				target.alpha = b.alpha;
				target.beta = b.beta;
			}
		});
	});
	return out;
}
