/**
 * Exact random draws for the Monte Carlo projection (docs/model.md §2), built only on a seeded
 * `Rng`. "Exact" means each algorithm samples the stated distribution itself, not an
 * approximation to it (no normal approximation to the binomial, no truncated series): inversion
 * of the beta-binomial pmf and a Pólya urn for small counts; Marsaglia–Tsang gamma variates, Hörmann's BTRS binomial and PTRS Poisson (transformed rejection
 * with squeeze; their published constants given a small safety margin, see PTRS_HAT_SCALE) for
 * large ones. Their only inexactness is that of double-precision arithmetic and of 32-bit
 * uniforms.
 *
 * Every function takes its generator explicitly and keeps no state of its own, so a simulation's
 * draws depend only on its own stream.
 */
import type { Destinations } from './params';
import type { Rng } from './rng';
import type { DirichletTable, Sampler } from './sampler';
import { destinationTable, dirichletTable } from './sampler';

/**
 * Largest n drawn by inversion in `betaBinomial`; above it, p ~ Beta(α, β) then Binomial(n, p).
 * Inversion costs about n divisions (the probability of 0) plus a few per step of the search
 * (1 + n·p steps on average); the beta-then-binomial path about 180 ns whatever n is (260 ns
 * when a shape is below 1) (`bench/samplers.ts`).
 */
export const BETA_BINOMIAL_INVERSION_MAX = 64;
/**
 * Largest n drawn by the Pólya urn in `dirichletMultinomial` (also when there are more
 * categories, see `dirichletUrnMax`); above it, one gamma variate per category and a chain of
 * conditional binomials. The urn costs one uniform and a binary search per child; the other
 * path about 140·K ns for K categories (`bench/samplers.ts`).
 */
export const DIRICHLET_MULTINOMIAL_URN_MAX = 64;

/**
 * Largest n drawn by the urn for K categories: DIRICHLET_MULTINOMIAL_URN_MAX, or 8·K when that is
 * more (with many categories the gamma path's cost grows while the urn's barely does).
 */
export function dirichletUrnMax(categories: number): number {
	return Math.max(DIRICHLET_MULTINOMIAL_URN_MAX, 8 * categories);
}

/** Below this smaller shape the beta-binomial's pmf has terms too small for inversion. */
const TINY_SHAPE = 1e-200;

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
const HALF_LOG_2PI = 0.9189385332046728;

// ---------------------------------------------------------------------------------------------
// log k! and the Stirling remainder

const LOG_FACTORIAL_TABLE_SIZE = 128;
const LOG_FACTORIAL_TABLE = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
/** fc(k) = log k! − [(k + ½)·log(k + 1) − (k + 1) + ½·log 2π], the Stirling remainder. */
const STIRLING_REMAINDER_TABLE = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
for (let k = 1; k < LOG_FACTORIAL_TABLE_SIZE; k++) {
	LOG_FACTORIAL_TABLE[k] = LOG_FACTORIAL_TABLE[k - 1] + Math.log(k);
}
for (let k = 0; k < LOG_FACTORIAL_TABLE_SIZE; k++) {
	STIRLING_REMAINDER_TABLE[k] =
		LOG_FACTORIAL_TABLE[k] - (k + 0.5) * Math.log(k + 1) + (k + 1) - HALF_LOG_2PI;
}

/**
 * The Stirling remainder fc(k) for a whole k ≥ 0: exact sums below 128, and the series
 * 1/12x − 1/360x³ + 1/1260x⁵ (x = k + 1) above, whose next term is below 1e-18 there.
 */
function stirlingRemainder(k: number): number {
	if (k < LOG_FACTORIAL_TABLE_SIZE) return STIRLING_REMAINDER_TABLE[k];
	const x = k + 1;
	const x2 = x * x;
	return (1 / 12 - (1 / 360 - 1 / 1260 / x2) / x2) / x;
}

function logFactorial(k: number): number {
	if (k < LOG_FACTORIAL_TABLE_SIZE) return LOG_FACTORIAL_TABLE[k];
	return (k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_2PI + stirlingRemainder(k);
}

// ---------------------------------------------------------------------------------------------
// Input checks: cheap enough for the hot path, and every message names its function.

function checkCount(fn: string, name: string, n: number): void {
	if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER && Math.floor(n) === n)) {
		throw new Error(`${fn}: ${name} must be a whole number ≥ 0, got ${n}`);
	}
}

function checkNonNegative(fn: string, name: string, x: number): void {
	if (!(x >= 0 && x < Infinity)) {
		throw new Error(`${fn}: ${name} must be a finite number ≥ 0, got ${x}`);
	}
}

/** A uniform on the open interval (0, 1): the midpoint of a 32-bit cell, safe to take a log of. */
function openUniform(rng: Rng): number {
	return (rng.nextUint32() + 0.5) * TWO_POW_MINUS_32;
}

// ---------------------------------------------------------------------------------------------
// Normal and gamma

/**
 * A standard normal variate (mean 0, sd 1) by Marsaglia's polar method. The second variate the
 * method yields is discarded so that no state is kept between calls.
 *
 * @param rng the simulation's generator
 * @returns a draw from N(0, 1)
 * @example
 * const z = standardNormal(createRng(1, 0)); // e.g. −0.43
 */
export function standardNormal(rng: Rng): number {
	let x: number;
	let s: number;
	do {
		x = 2 * rng.nextFloat() - 1;
		const y = 2 * rng.nextFloat() - 1;
		s = x * x + y * y;
	} while (s >= 1 || s === 0);
	return x * Math.sqrt((-2 * Math.log(s)) / s);
}

/** Marsaglia & Tsang (2000) for shape ≥ 1, unit scale. */
function gammaAtLeastOne(rng: Rng, shape: number): number {
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x: number;
		let v: number;
		do {
			x = standardNormal(rng);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const u = openUniform(rng);
		const x2 = x * x;
		if (u < 1 - 0.0331 * x2 * x2) return d * v;
		if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
	}
}

/**
 * log of a Gamma(shape, 1) variate, shape > 0. Below shape 1 it uses the boost
 * G(a) = G(a + 1)·U^(1/a) in log space, because U^(1/a) underflows to 0 for small a (a
 * joiner α of 0.001 is common) and the ratios built from these variates must stay finite.
 */
function logGammaUnchecked(rng: Rng, shape: number): number {
	if (shape >= 1) return Math.log(gammaAtLeastOne(rng, shape));
	return Math.log(gammaAtLeastOne(rng, shape + 1)) + Math.log(openUniform(rng)) / shape;
}

function gammaUnchecked(rng: Rng, shape: number): number {
	if (shape >= 1) return gammaAtLeastOne(rng, shape);
	// U^(1/a) as exp(ln U / a): the same number, and about twice as fast as Math.pow in V8.
	return gammaAtLeastOne(rng, shape + 1) * Math.exp(Math.log(openUniform(rng)) / shape);
}

/**
 * A Gamma(shape, scale) variate (mean shape × scale, variance shape × scale²) by Marsaglia &
 * Tsang's method, with the U^(1/shape) boost for shape < 1. For very small shapes the result
 * may underflow to 0.
 *
 * @param rng the simulation's generator
 * @param shape the shape k > 0
 * @param scale the scale θ > 0 (default 1)
 * @returns a draw in [0, ∞)
 * @example
 * gammaVariate(createRng(1, 0), 2.5, 4); // mean 10, variance 40
 */
export function gammaVariate(rng: Rng, shape: number, scale = 1): number {
	if (!(shape > 0 && shape < Infinity)) {
		throw new Error(`gammaVariate: shape must be a finite number > 0, got ${shape}`);
	}
	if (!(scale > 0 && scale < Infinity)) {
		throw new Error(`gammaVariate: scale must be a finite number > 0, got ${scale}`);
	}
	return gammaUnchecked(rng, shape) * scale;
}

// ---------------------------------------------------------------------------------------------
// Beta

/** Beta(alpha, beta) for alpha, beta > 0 as X / (X + Y) of two gamma variates. */
function betaUnchecked(rng: Rng, alpha: number, beta: number): number {
	if (alpha >= 1 && beta >= 1) {
		const x = gammaAtLeastOne(rng, alpha);
		return x / (x + gammaAtLeastOne(rng, beta));
	}
	// 1 / (1 + Y/X) in log space: both gammas may underflow when a shape is small.
	const logX = logGammaUnchecked(rng, alpha);
	const logY = logGammaUnchecked(rng, beta);
	if (logX === -Infinity && logY === -Infinity) {
		// Only for shapes near 1e-307, where even the logs overflow: use the exact limit as both
		// shapes go to 0, p ∈ {0, 1} with P(p = 1) = alpha / (alpha + beta).
		return rng.nextFloat() * (alpha + beta) < alpha ? 1 : 0;
	}
	return 1 / (1 + Math.exp(logY - logX));
}

/**
 * A Beta(alpha, beta) variate (mean alpha / (alpha + beta)) as X / (X + Y) with X, Y gamma
 * variates. A zero shape is the degenerate limit: alpha = 0 gives 0, beta = 0 gives 1.
 *
 * @param rng the simulation's generator
 * @param alpha the first shape ≥ 0
 * @param beta the second shape ≥ 0; alpha + beta must be > 0
 * @returns a probability in [0, 1]
 * @example
 * betaVariate(createRng(1, 0), 2, 8); // mean 0.2
 */
export function betaVariate(rng: Rng, alpha: number, beta: number): number {
	checkNonNegative('betaVariate', 'alpha', alpha);
	checkNonNegative('betaVariate', 'beta', beta);
	if (alpha === 0 && beta === 0) {
		throw new Error('betaVariate: alpha + beta must be > 0, got alpha = 0 and beta = 0');
	}
	if (alpha === 0) return 0;
	if (beta === 0) return 1;
	return betaUnchecked(rng, alpha, beta);
}

// ---------------------------------------------------------------------------------------------
// Binomial

/** Sequential-search inversion for 0 < p ≤ ½; expected cost n·p + 1 steps. */
function binomialInversion(rng: Rng, n: number, p: number): number {
	const q = 1 - p;
	const s = p / q;
	const a = (n + 1) * s;
	const f0 = Math.pow(q, n);
	for (;;) {
		let u = rng.nextFloat();
		let f = f0;
		let x = 0;
		// u falls past the computed mass only through rounding (or f underflowing in the far
		// tail): start again rather than return a wrong tail value.
		while (u >= f && x <= n && f > 0) {
			u -= f;
			x++;
			f *= a / x - s;
		}
		if (u < f && x <= n) return x;
	}
}

/**
 * BTRS's published hat stays above the pmf and its squeeze inside it, but only just: a scan of
 * n = 20…120 (n·p in steps of 0.02), n = 121…600 and n up to 10^6 found the hat at 99.75% of
 * the pmf at its closest (n = 23, p ≈ 0.458) and the squeeze 0.5% inside. PTRS's constants fail
 * by similar amounts (below), so BTRS gets a 1% margin on both sides, for 1% more rejections.
 */
const BTRS_HAT_SCALE = 1.01;
const BTRS_SQUEEZE_SCALE = 0.99;

/**
 * BTRS (Hörmann 1993, "The generation of binomial random variables", J. Stat. Comput. Simul.
 * 46): transformed rejection with squeeze, valid for n·p ≥ 10 and p ≤ ½, with the margins
 * above. The acceptance test is log f(k) / f(m) with Stirling remainders, as in TensorFlow's
 * implementation.
 */
function binomialBtrs(rng: Rng, n: number, p: number): number {
	const q = 1 - p;
	const spq = Math.sqrt(n * p * q);
	const b = 1.15 + 2.53 * spq;
	const a = -0.0873 + 0.0248 * b + 0.01 * p;
	const c = n * p + 0.5;
	const vr = (BTRS_SQUEEZE_SCALE * (0.92 - 4.2 / b)) / BTRS_HAT_SCALE;
	const r = p / q;
	const alpha = BTRS_HAT_SCALE * (2.83 + 5.1 / b) * spq;
	const m = Math.floor((n + 1) * p);
	const modeTerm =
		(m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
		stirlingRemainder(m) +
		stirlingRemainder(n - m);
	for (;;) {
		const u = rng.nextFloat() - 0.5;
		const v = rng.nextFloat();
		const us = 0.5 - Math.abs(u);
		const k = Math.floor(((2 * a) / us + b) * u + c);
		if (k < 0 || k > n) continue;
		if (us >= 0.07 && v <= vr) return k;
		const logV = Math.log((v * alpha) / (a / (us * us) + b));
		const logRatio =
			modeTerm +
			(n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
			(k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) -
			stirlingRemainder(k) -
			stirlingRemainder(n - k);
		if (logV <= logRatio) return k;
	}
}

function binomialUnchecked(rng: Rng, n: number, p: number): number {
	if (n === 0 || p <= 0) return 0;
	if (p >= 1) return n;
	if (p > 0.5) return n - binomialUnchecked(rng, n, 1 - p);
	return n * p < 10 ? binomialInversion(rng, n, p) : binomialBtrs(rng, n, p);
}

/**
 * A Binomial(n, p) variate: successes in n independent trials of probability p. Inversion by
 * sequential search when n·min(p, 1 − p) < 10, otherwise Hörmann's BTRS; both exact.
 *
 * @param rng the simulation's generator
 * @param n the number of trials, a whole number ≥ 0
 * @param p the success probability in [0, 1]
 * @returns a whole number in [0, n]
 * @example
 * binomialVariate(createRng(1, 0), 10000, 0.02); // mean 200, variance 196
 */
export function binomialVariate(rng: Rng, n: number, p: number): number {
	checkCount('binomialVariate', 'n', n);
	if (!(p >= 0 && p <= 1)) {
		throw new Error(`binomialVariate: p must be a probability in [0, 1], got ${p}`);
	}
	return binomialUnchecked(rng, n, p);
}

// ---------------------------------------------------------------------------------------------
// Poisson

/** Sequential-search inversion; expected cost λ + 1 steps. */
function poissonInversion(rng: Rng, lambda: number): number {
	const f0 = Math.exp(-lambda);
	for (;;) {
		let u = rng.nextFloat();
		let f = f0;
		let x = 0;
		while (u >= f && f > 0) {
			u -= f;
			x++;
			f *= lambda / x;
		}
		if (u < f) return x;
	}
}

/**
 * PTRS's published hat falls below the pmf by up to 0.58% at a few points, and its squeeze
 * accepts up to 0.6% too much (found by scanning λ from 10 to 400 in steps of 0.01; the output
 * is off by a total-variation distance of about 6e-7 at λ = 10, as in NumPy). Scaling the hat
 * up by 2% and the squeeze down by 2% makes the method exact, for 2% more rejections.
 */
const PTRS_HAT_SCALE = 1.02;
const PTRS_SQUEEZE_SCALE = 0.98;

/**
 * PTRS (Hörmann 1993, "The transformed rejection method for generating Poisson random
 * variables", Insurance: Mathematics and Economics 12), valid for λ ≥ 10, with the hat and
 * squeeze corrections above. Otherwise as in NumPy.
 */
function poissonPtrs(rng: Rng, lambda: number): number {
	const slam = Math.sqrt(lambda);
	const logLambda = Math.log(lambda);
	const b = 0.931 + 2.53 * slam;
	const a = -0.059 + 0.02483 * b;
	const logInvAlpha = Math.log(PTRS_HAT_SCALE * (1.1239 + 1.1328 / (b - 3.4)));
	const vr = (PTRS_SQUEEZE_SCALE * (0.9277 - 3.6224 / (b - 2))) / PTRS_HAT_SCALE;
	for (;;) {
		const u = rng.nextFloat() - 0.5;
		const v = rng.nextFloat();
		const us = 0.5 - Math.abs(u);
		const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
		if (us >= 0.07 && v <= vr) return k;
		if (k < 0 || (us < 0.013 && v > us)) continue;
		if (
			Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <=
			-lambda + k * logLambda - logFactorial(k)
		) {
			return k;
		}
	}
}

function poissonUnchecked(rng: Rng, lambda: number): number {
	if (lambda <= 0) return 0;
	return lambda < 10 ? poissonInversion(rng, lambda) : poissonPtrs(rng, lambda);
}

/**
 * A Poisson(λ) variate: a count with mean and variance λ. Inversion for λ < 10, Hörmann's PTRS
 * above; both exact.
 *
 * @param rng the simulation's generator
 * @param lambda the mean, a finite number ≥ 0
 * @returns a whole number ≥ 0
 * @example
 * poissonVariate(createRng(1, 0), 120); // mean 120, variance 120
 */
export function poissonVariate(rng: Rng, lambda: number): number {
	checkNonNegative('poissonVariate', 'lambda', lambda);
	return poissonUnchecked(rng, lambda);
}

// ---------------------------------------------------------------------------------------------
// Beta-binomial and Dirichlet-multinomial

/**
 * BetaBinomial(n, a, b) by inversion, for 1 ≤ n, 0 < a ≤ b (so the mean is at most n/2 and
 * P(0) ≥ 2^−n): one uniform, P(0) = Π_{i<n} (b + i)/(a + b + i), then the pmf's ratio
 * P(k+1)/P(k) = (n − k)(a + k) / ((k + 1)(b + n − k − 1)) step by step until the uniform falls
 * inside. A uniform left past the last mass by rounding is drawn again.
 *
 * The shapes come as a = small[i], b = large[j] rather than as numbers: a call that V8 does not
 * inline boxes each fractional argument in a new heap object, and this runs twice per occupied
 * state and step of every simulation.
 */
function betaBinomialInversion(
	rng: Rng,
	n: number,
	small: Float64Array,
	i: number,
	large: Float64Array,
	j: number
): number {
	const a = small[i];
	const b = large[j];
	const ab = a + b;
	let f0 = 1;
	for (let t = 0; t < n; t++) f0 *= (b + t) / (ab + t);
	for (;;) {
		let u = rng.nextFloat();
		let f = f0;
		for (let k = 0; ; k++) {
			if (u < f) return k;
			if (k === n) break;
			u -= f;
			f *= ((n - k) * (a + k)) / ((k + 1) * (b + n - k - 1));
		}
	}
}

/** Pólya urn for BetaBinomial(n, alpha, beta): each trial succeeds with probability a / total. */
function betaBinomialUrn(rng: Rng, n: number, alpha: number, beta: number): number {
	let a = alpha;
	let total = alpha + beta;
	let successes = 0;
	for (let i = 0; i < n; i++) {
		if (rng.nextFloat() * total < a) {
			a += 1;
			successes++;
		}
		total += 1;
	}
	return successes;
}

/** The first category k ≤ last with u < cumulative[k] (last when rounding leaves u past all). */
function searchCumulative(cumulative: Float64Array, last: number, u: number): number {
	let lo = 0;
	let hi = last;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (u < cumulative[mid]) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/**
 * BetaBinomial(n, alpha[i], beta[j]) for checked arguments (see `createRandomSampler`); the shapes
 * come by their arrays for the reason given at `betaBinomialInversion`.
 */
function betaBinomialUnchecked(
	rng: Rng,
	n: number,
	alpha: Float64Array,
	i: number,
	beta: Float64Array,
	j: number
): number {
	const a = alpha[i];
	const b = beta[j];
	// alpha = 0 is p = 0 (also when beta = 0, matching the expected sampler's 0).
	if (n === 0 || a === 0) return 0;
	if (b === 0) return n;
	if (n > BETA_BINOMIAL_INVERSION_MAX) return binomialUnchecked(rng, n, betaUnchecked(rng, a, b));
	// Inversion from the lighter end: the search is shortest, and P(0) cannot underflow.
	if (a <= b) {
		if (a < TINY_SHAPE) return betaBinomialUrn(rng, n, a, b);
		return betaBinomialInversion(rng, n, alpha, i, beta, j);
	}
	if (b < TINY_SHAPE) return betaBinomialUrn(rng, n, a, b);
	return n - betaBinomialInversion(rng, n, beta, j, alpha, i);
}

/** The checks of a Dirichlet-multinomial draw, each message naming `fn`. */
function checkDirichlet(fn: string, n: number, table: DirichletTable, out: Float64Array): void {
	checkCount(fn, 'n', n);
	if (table.problem !== null) throw new Error(`${fn}: ${table.problem}`);
	const categories = table.alpha.length;
	if (out.length < categories) {
		throw new Error(
			`${fn}: out has length ${out.length}, needs at least alpha.length = ${categories}`
		);
	}
	if (n > 0 && table.last < 0) {
		throw new Error(
			`${fn}: alpha must have a positive total when n > 0, got n = ${n} and Σ alpha = 0`
		);
	}
}

// ---------------------------------------------------------------------------------------------
// The Sampler

class RandomSampler implements Sampler {
	readonly integer = true;
	private readonly rng: Rng;
	/** Per-category scratch for the large-n Dirichlet-multinomial: weights, then suffix sums. */
	private scratch = new Float64Array(64);
	/** The urn's record of each child's category so far. */
	private drawn = new Int32Array(DIRICHLET_MULTINOMIAL_URN_MAX);
	/** The two shapes of a `betaBinomial` call, passed on by array (see betaBinomialInversion). */
	private readonly shapes = new Float64Array(2);

	constructor(rng: Rng) {
		this.rng = rng;
	}

	betaBinomial(n: number, alpha: number, beta: number): number {
		checkCount('betaBinomial', 'n', n);
		checkNonNegative('betaBinomial', 'alpha', alpha);
		checkNonNegative('betaBinomial', 'beta', beta);
		const shapes = this.shapes;
		shapes[0] = alpha;
		shapes[1] = beta;
		return betaBinomialUnchecked(this.rng, n, shapes, 0, shapes, 1);
	}

	betaBinomialOf(n: number, alpha: Float64Array, beta: Float64Array, i: number): number {
		const a = alpha[i];
		const b = beta[i];
		if (
			!(n >= 0 && n <= Number.MAX_SAFE_INTEGER && Math.floor(n) === n) ||
			!(a >= 0 && a < Infinity && b >= 0 && b < Infinity)
		) {
			return this.betaBinomial(n, a, b); // throws, naming the bad argument
		}
		return betaBinomialUnchecked(this.rng, n, alpha, i, beta, i);
	}

	dirichletMultinomial(n: number, alpha: ArrayLike<number>, out: Float64Array): void {
		const table = dirichletTable(alpha);
		checkDirichlet('dirichletMultinomial', n, table, out);
		out.fill(0, 0, alpha.length);
		if (n === 0) return;
		if (n <= dirichletUrnMax(alpha.length)) {
			const drawn = this.urn(n, table);
			for (let i = 0; i < n; i++) out[drawn[i]] += 1;
		} else {
			this.split(n, table, out);
		}
	}

	distribute(
		n: number,
		dest: Destinations,
		into: Float64Array,
		alsoInto: Float64Array,
		mark: Uint8Array,
		scratch: Float64Array
	): void {
		const table = destinationTable(dest);
		checkDirichlet('distribute', n, table, scratch);
		if (n === 0) return;
		const { to } = dest;
		if (n <= dirichletUrnMax(to.length)) {
			// Child by child: O(n), however many destinations there are.
			const drawn = this.urn(n, table);
			for (let i = 0; i < n; i++) {
				const t = to[drawn[i]];
				into[t] += 1;
				alsoInto[t] += 1;
				mark[t] = 1;
			}
			return;
		}
		scratch.fill(0, 0, to.length);
		this.split(n, table, scratch);
		for (let k = 0; k < to.length; k++) {
			const c = scratch[k];
			if (c > 0) {
				into[to[k]] += c;
				alsoInto[to[k]] += c;
				mark[to[k]] = 1;
			}
		}
	}

	/**
	 * The Pólya urn of DirichletMultinomial(n, table.alpha), n ≥ 1 and Σα > 0: returns an array
	 * whose first n entries are the children's categories. Child i joins category k with
	 * probability (alpha[k] + children before it in k) / (total + i), drawn as: with probability
	 * total / (total + i) a category of the weights alone (the running sums and their guide),
	 * otherwise the category of one of the i children before it, chosen uniformly — O(1) per child
	 * on average instead of O(K).
	 */
	private urn(n: number, table: DirichletTable): Int32Array {
		const rng = this.rng;
		const { total, cumulative, guide, guideScale, last } = table;
		const guideSize = guide.length;
		if (this.drawn.length < n) this.drawn = new Int32Array(n);
		const drawn = this.drawn;
		for (let i = 0; i < n; i++) {
			const u = rng.nextFloat() * (total + i);
			let k: number;
			if (u < total || i === 0) {
				// The category of u: the running sums searched from the guide (written out here, not
				// called, for the reason given at betaBinomialInversion).
				let m = Math.floor(u * guideScale);
				if (m >= guideSize) m = guideSize - 1;
				k = guide[m];
				if (k > 0 && u < cumulative[k - 1]) k = searchCumulative(cumulative, last, u);
				else while (k < last && u >= cumulative[k]) k++;
			} else {
				const j = Math.floor(u - total);
				k = drawn[j < i ? j : i - 1];
			}
			drawn[i] = k;
		}
		return drawn;
	}

	/**
	 * DirichletMultinomial(n, table.alpha) for large n, counts into out[0..K) (zeroed by the
	 * caller): probabilities from gamma variates (in log space, normalised by the largest), then
	 * each category's count as a binomial of what is left given the mass that is left.
	 */
	private split(n: number, table: DirichletTable, out: Float64Array): void {
		const rng = this.rng;
		const { alpha, cumulative, total, last } = table;
		const categories = alpha.length;
		if (this.scratch.length < 2 * categories) this.scratch = new Float64Array(2 * categories);
		const weight = this.scratch;
		let maxLog = -Infinity;
		for (let k = 0; k < categories; k++) {
			const a = alpha[k];
			const logG = a > 0 ? logGammaUnchecked(rng, a) : -Infinity;
			weight[k] = logG;
			if (logG > maxLog) maxLog = logG;
		}
		if (maxLog === -Infinity) {
			// Only for shapes near 1e-307, where even the logs overflow: use the exact limit as
			// all shapes go to 0, everyone in one category k, chosen with probability α_k / Σα.
			out[searchCumulative(cumulative, last, rng.nextFloat() * total)] = n;
			return;
		}
		// Suffix sums in weight[categories + k] = Σ_{j ≥ k} w_j, summed from the end so that no
		// subtraction can leave a negative remainder.
		let suffix = 0;
		for (let k = categories - 1; k >= 0; k--) {
			const w = Math.exp(weight[k] - maxLog);
			weight[k] = w;
			suffix += w;
			weight[categories + k] = suffix;
		}
		let remaining = n;
		for (let k = 0; k < last && remaining > 0; k++) {
			const w = weight[k];
			if (w === 0) continue;
			const x = binomialUnchecked(rng, remaining, w / weight[categories + k]);
			out[k] = x;
			remaining -= x;
		}
		out[last] = remaining;
	}

	gammaPoisson(mean: number, shape: number): number {
		checkNonNegative('gammaPoisson', 'mean', mean);
		if (!(shape > 0)) {
			throw new Error(
				`gammaPoisson: shape must be a number > 0 (Infinity for a Poisson count), got ${shape}`
			);
		}
		if (mean === 0) return 0;
		const rng = this.rng;
		if (shape === Infinity) return poissonUnchecked(rng, mean);
		const g = gammaUnchecked(rng, shape);
		if (g === 0) return 0; // a tiny shape's gamma variate underflows; then λ = 0
		const lambda = g * (mean / shape);
		if (!(lambda < Infinity)) {
			throw new Error(
				`gammaPoisson: shape ${shape} is too small for mean ${mean}: the Poisson rate overflows`
			);
		}
		return poissonUnchecked(rng, lambda);
	}
}

/**
 * The Monte Carlo sampler (docs/model.md §2): whole-child draws from one simulation's stream.
 * - `betaBinomial(n, α, β)`: inversion for n ≤ 64 (one uniform, the pmf searched from the
 *   lighter end; the Pólya urn when the smaller shape is below 1e-200), else p ~ Beta(α, β) then
 *   Binomial(n, p). α = 0 gives 0 and β = 0 gives n (the degenerate limits); both 0 gives 0, as
 *   the expected sampler does.
 * - `dirichletMultinomial(n, α, out)`: a Pólya urn for n ≤ max(64, 8K) (one uniform and a binary
 *   search per child), else gamma variates → probabilities → conditional binomials. A zero α_k
 *   gets a zero count; `out` must not be the α array itself. n = 0 writes zeros whatever α is;
 *   n > 0 with Σα = 0 throws (the caller must not ask to place children nowhere).
 *   `distribute(n, dest, …)` is the same draw over a model's destination list, with the table of
 *   its weights built once (destinationTable) and the counts added straight into the flows.
 * - `betaBinomialOf(n, α, β, i)` is `betaBinomial(n, α[i], β[i])`.
 * - `gammaPoisson(mean, shape)`: λ ~ Gamma(shape, mean / shape) then Poisson(λ), a negative
 *   binomial with variance mean + mean² / shape; shape = Infinity gives Poisson(mean).
 * Invalid input (n negative or fractional, a negative or non-finite α, β or mean, shape ≤ 0)
 * throws an Error naming the method.
 *
 * @param rng the simulation's generator (one per simulation index)
 * @returns a Sampler with `integer = true`
 * @example
 * const sampler = createRandomSampler(createRng(42, simulationIndex));
 * const leavers = sampler.betaBinomial(12, 1.5, 20.5); // a whole number in [0, 12]
 */
export function createRandomSampler(rng: Rng): Sampler {
	return new RandomSampler(rng);
}
