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
import { scaleBeta, scaleBetas } from './params';
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
 * The deviations at one scale: joiner and leaver levels of σ = `scale`, a joiner trend of
 * `scale / 10` a year. Calibration searches this one-parameter family (`calibrateScale`).
 * @example uncertaintyAtScale(0.5, 'calibrated').joinerTrend // 0.05
 */
export function uncertaintyAtScale(scale: number, source: string): PersistentUncertainty {
	if (!(scale >= 0 && Number.isFinite(scale))) {
		throw new Error(`uncertaintyAtScale: scale must be a finite number ≥ 0, got ${scale}`);
	}
	return { joinerLevel: scale, joinerTrend: scale / 10, leaverLevel: scale, source };
}

/**
 * The deviations of forecasts pooled with England: scale 0.5, calibrated by rolling-origin
 * evaluation of every English authority (origins January 2015–2018, horizons 1–4; decision
 * 0019): at 0.4 the p5–p95 band held 82–86% of actual totals, at 0.5 it holds 91–93% (with the
 * ages within bands of decision 0032).
 */
export const POOLED_UNCERTAINTY: PersistentUncertainty = uncertaintyAtScale(
	0.5,
	'calibrated on rolling-origin errors of every English authority, origins January 2015–2018 (decision 0019)'
);

/**
 * The smallest scale (to `tolerance`) at which the share of outcomes inside the p5–p95 band
 * reaches `target`, by bisection: coverage rises with the scale. `coverageAt(scale)` runs the
 * evaluation (a rolling-origin one over many authorities) and returns the share covered.
 * @example calibrateScale((s) => evaluate(uncertaintyAtScale(s, 'trial')), { target: 0.9 })
 */
export function calibrateScale(
	coverageAt: (scale: number) => number,
	options: { target?: number; low?: number; high?: number; tolerance?: number } = {}
): number {
	const target = options.target ?? 0.9;
	let low = options.low ?? 0;
	let high = options.high ?? 2;
	const tolerance = options.tolerance ?? 0.005;
	if (!(target > 0 && target < 1)) {
		throw new Error(`calibrateScale: target must be a share in (0, 1), got ${target}`);
	}
	if (coverageAt(high) < target) {
		throw new Error(
			`calibrateScale: even scale ${high} covers less than ${target}: the errors are larger than this family of deviations`
		);
	}
	while (high - low > tolerance) {
		const mid = (low + high) / 2;
		if (coverageAt(mid) >= target) high = mid;
		else low = mid;
	}
	return high;
}

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
		scaleBetas(p.leaverAlpha, p.leaverBeta, leaverFactor, q.leaverAlpha, q.leaverBeta);
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
