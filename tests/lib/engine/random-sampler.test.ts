import { describe, expect, it } from 'vitest';
import type { Destinations } from '$lib/engine/params';
import { createRng, type Rng } from '$lib/engine/rng';
import {
	BETA_BINOMIAL_INVERSION_MAX,
	DIRICHLET_MULTINOMIAL_URN_MAX,
	betaVariate,
	binomialVariate,
	createRandomSampler,
	dirichletUrnMax,
	gammaVariate,
	poissonVariate,
	standardNormal
} from '$lib/engine/random-sampler';

// ---------------------------------------------------------------------------------------------
// Helpers: moments with their standard errors, and a chi-square goodness-of-fit test.

/** Draws a sample of `count` values from `draw`. */
function sample(count: number, draw: () => number): Float64Array {
	const out = new Float64Array(count);
	for (let i = 0; i < count; i++) out[i] = draw();
	return out;
}

/**
 * Asserts that the sample mean and variance lie within `z` standard errors of the exact values.
 * The standard error of the sample variance is estimated from the sample's fourth central
 * moment: se² ≈ (m4 − s⁴) / N.
 */
function expectMoments(draws: Float64Array, mean: number, variance: number, z = 5): void {
	const n = draws.length;
	let sum = 0;
	for (const x of draws) sum += x;
	const m = sum / n;
	let m2 = 0;
	let m4 = 0;
	for (const x of draws) {
		const d2 = (x - m) * (x - m);
		m2 += d2;
		m4 += d2 * d2;
	}
	const s2 = m2 / (n - 1);
	m4 /= n;
	const seMean = Math.sqrt(variance / n);
	const seVar = Math.sqrt(Math.max(m4 - s2 * s2, 0) / n);
	expect(Math.abs(m - mean), `mean ${m} vs exact ${mean} (se ${seMean})`).toBeLessThan(
		z * seMean + 1e-12
	);
	expect(Math.abs(s2 - variance), `variance ${s2} vs exact ${variance} (se ${seVar})`).toBeLessThan(
		z * seVar + 1e-12
	);
}

/** Upper 0.1% point of chi-square with df degrees of freedom (Wilson–Hilferty, ample here). */
function chiSquareCritical001(df: number): number {
	const z = 3.090232;
	const a = 2 / (9 * df);
	return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/**
 * Pearson's chi-square of integer draws against an exact pmf on 0, 1, …; cells are merged from
 * the left until each expects at least 5 draws, and everything past the last cell (including
 * pmf mass beyond `maxK`) goes into the last cell.
 */
function chiSquare(
	draws: Float64Array,
	pmf: (k: number) => number,
	maxK: number
): { statistic: number; df: number } {
	const n = draws.length;
	const observed = new Float64Array(maxK + 2);
	let invalid = 0;
	for (const x of draws) {
		if (Number.isInteger(x) && x >= 0) observed[Math.min(x, maxK + 1)]++;
		else invalid++;
	}
	expect(invalid, 'draws that are not whole numbers ≥ 0').toBe(0);
	const probs = new Float64Array(maxK + 2);
	let mass = 0;
	for (let k = 0; k <= maxK; k++) {
		probs[k] = pmf(k);
		mass += probs[k];
	}
	probs[maxK + 1] = Math.max(1 - mass, 0);
	const cellObserved: number[] = [];
	const cellExpected: number[] = [];
	let o = 0;
	let e = 0;
	for (let k = 0; k <= maxK + 1; k++) {
		o += observed[k];
		e += probs[k] * n;
		if (e >= 5) {
			cellObserved.push(o);
			cellExpected.push(e);
			o = 0;
			e = 0;
		}
	}
	cellObserved[cellObserved.length - 1] += o;
	cellExpected[cellExpected.length - 1] += e;
	let statistic = 0;
	for (let c = 0; c < cellObserved.length; c++) {
		statistic += (cellObserved[c] - cellExpected[c]) ** 2 / cellExpected[c];
	}
	return { statistic, df: cellObserved.length - 1 };
}

function expectFits(draws: Float64Array, pmf: (k: number) => number, maxK: number): void {
	const { statistic, df } = chiSquare(draws, pmf, maxK);
	expect(df).toBeGreaterThan(2);
	expect(statistic, `chi-square ${statistic} on ${df} df`).toBeLessThan(chiSquareCritical001(df));
}

/**
 * The exact output distribution of a transformed-rejection sampler (BTRS, PTRS), computed by
 * integrating its acceptance region instead of sampling it. Each attempt reads two uniforms
 * (u, v); for a fixed u the candidate k is fixed and the accepted v form an interval [0, v*(u)].
 * A scripted Rng feeds (u, v) and then (0.5, 0), which every such loop accepts at once, so the
 * number of uniforms read tells whether (u, v) itself was accepted. Then
 * P(k) ∝ ∫ v*(u) du over the u that give k, found by bisection and adaptive Simpson.
 */
class ScriptedRng implements Rng {
	u = 0;
	v = 0;
	reads = 0;
	nextUint32(): number {
		throw new Error('ScriptedRng: only nextFloat is scripted');
	}
	nextFloat(): number {
		const i = this.reads++;
		return i === 0 ? this.u : i === 1 ? this.v : i === 2 ? 0.5 : 0;
	}
}

function acceptanceRegionDistribution(draw: (rng: Rng) => number, maxK: number): Float64Array {
	const rng = new ScriptedRng();
	/** The k that (u, v) yields, or −1 when the attempt is rejected. */
	const attempt = (u: number, v: number): number => {
		rng.u = u;
		rng.v = v;
		rng.reads = 0;
		const k = draw(rng);
		return rng.reads === 2 ? k : -1;
	};
	const kAt = (u: number) => attempt(u, 0);
	const vStar = (u: number, k: number): number => {
		if (kAt(u) !== k) return 0;
		if (attempt(u, 1 - 2 ** -32) === k) return 1;
		let lo = 0;
		let hi = 1;
		for (let i = 0; i < 36; i++) {
			const mid = (lo + hi) / 2;
			if (attempt(u, mid) === k) lo = mid;
			else hi = mid;
		}
		return (lo + hi) / 2;
	};
	// Breakpoints: every change of k (found by bisection from a grid), and the edges of the
	// squeeze (|u − ½| = 0.43) and of PTRS's quick rejection (|u − ½| = 0.487).
	const grid = 4000;
	const points = [0.5 / grid, 0.07, 0.93, 0.013, 0.987, 1 - 0.5 / grid];
	let from = 0.5 / grid;
	let kFrom = kAt(from);
	for (let c = 1; c < grid; c++) {
		const u = (c + 0.5) / grid;
		const k = kAt(u);
		while (kFrom !== k) {
			let lo = from;
			let hi = u;
			for (let i = 0; i < 48; i++) {
				const mid = (lo + hi) / 2;
				if (kAt(mid) === kFrom) lo = mid;
				else hi = mid;
			}
			points.push(lo, hi);
			from = hi;
			kFrom = kAt(hi);
		}
		from = u;
	}
	points.sort((a, b) => a - b);
	const simpson = (
		f: (u: number) => number,
		a: number,
		b: number,
		fa: number,
		fm: number,
		fb: number,
		whole: number,
		depth: number
	): number => {
		const m = (a + b) / 2;
		const flm = f((a + m) / 2);
		const frm = f((m + b) / 2);
		const left = ((m - a) / 6) * (fa + 4 * flm + fm);
		const right = ((b - m) / 6) * (fm + 4 * frm + fb);
		if (depth === 0 || Math.abs(left + right - whole) <= 1e-10) return left + right;
		return (
			simpson(f, a, m, fa, flm, fm, left, depth - 1) +
			simpson(f, m, b, fm, frm, fb, right, depth - 1)
		);
	};
	const mass = new Float64Array(maxK + 1);
	for (let i = 0; i + 1 < points.length; i++) {
		const a = points[i] + 1e-14;
		const b = points[i + 1] - 1e-14;
		if (b <= a) continue;
		const k = kAt((a + b) / 2);
		if (k < 0) continue;
		const f = (u: number) => vStar(u, k);
		const [fa, fm, fb] = [f(a), f((a + b) / 2), f(b)];
		mass[k] += simpson(f, a, b, fa, fm, fb, ((b - a) / 6) * (fa + 4 * fm + fb), 24);
	}
	const total = mass.reduce((x, y) => x + y, 0);
	return mass.map((m) => m / total);
}

function totalVariation(distribution: Float64Array, pmf: (k: number) => number): number {
	let tv = 0;
	let covered = 0;
	for (let k = 0; k < distribution.length; k++) {
		const f = pmf(k);
		covered += f;
		tv += Math.abs(distribution[k] - f);
	}
	return (tv + (1 - covered)) / 2;
}

/** Exact pmfs, computed by products in log space. */
function logFactorial(k: number): number {
	let s = 0;
	for (let i = 2; i <= k; i++) s += Math.log(i);
	return s;
}
function logChoose(n: number, k: number): number {
	return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}
function betaBinomialPmf(n: number, alpha: number, beta: number) {
	return (k: number): number => {
		if (k > n) return 0;
		let s = logChoose(n, k);
		for (let i = 0; i < k; i++) s += Math.log(alpha + i);
		for (let j = 0; j < n - k; j++) s += Math.log(beta + j);
		for (let i = 0; i < n; i++) s -= Math.log(alpha + beta + i);
		return Math.exp(s);
	};
}
function binomialPmf(n: number, p: number) {
	return (k: number): number =>
		k > n ? 0 : Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
}
function poissonPmf(lambda: number) {
	return (k: number): number => Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
}

/** Exact moments. */
function betaBinomialMoments(n: number, alpha: number, beta: number): [number, number] {
	const t = alpha + beta;
	return [(n * alpha) / t, (n * alpha * beta * (t + n)) / (t * t * (t + 1))];
}

const rngFor = (stream: number): Rng => createRng(20240229, stream);

// ---------------------------------------------------------------------------------------------

describe('createRandomSampler', () => {
	it('says its draws are whole children', () => {
		expect(createRandomSampler(rngFor(0)).integer).toBe(true);
	});

	it('gives the same draws for the same stream and different draws for another', () => {
		const run = (stream: number) => {
			const s = createRandomSampler(rngFor(stream));
			const out = new Float64Array(3);
			const draws: number[] = [];
			for (let i = 0; i < 50; i++) {
				draws.push(s.betaBinomial(10, 2, 5), s.betaBinomial(400, 3, 50), s.gammaPoisson(20, 4));
				s.dirichletMultinomial(100, [1, 2, 3], out);
				draws.push(...out);
			}
			return draws;
		};
		expect(run(1)).toEqual(run(1));
		expect(run(1)).not.toEqual(run(2));
	});
});

describe('betaBinomial', () => {
	it('matches the BetaBinomial mean and variance on the Pólya-urn path (small n)', () => {
		const s = createRandomSampler(rngFor(1));
		const [mean, variance] = betaBinomialMoments(12, 1.5, 20.5);
		expectMoments(
			sample(200_000, () => s.betaBinomial(12, 1.5, 20.5)),
			mean,
			variance
		);
	});

	it('matches the BetaBinomial mean and variance on the beta-then-binomial path (large n)', () => {
		const s = createRandomSampler(rngFor(2));
		// A joiner rate of about 2% of a population of 10,000.
		const [mean, variance] = betaBinomialMoments(10_000, 30, 1470);
		expectMoments(
			sample(100_000, () => s.betaBinomial(10_000, 30, 1470)),
			mean,
			variance
		);
	});

	it('matches the moments when both shapes are below 1 (U-shaped beta) on the large path', () => {
		const s = createRandomSampler(rngFor(3));
		const [mean, variance] = betaBinomialMoments(500, 0.5, 0.8);
		expectMoments(
			sample(100_000, () => s.betaBinomial(500, 0.5, 0.8)),
			mean,
			variance
		);
	});

	it('matches the moments for a tiny alpha (a joiner NCY with no joiners in history)', () => {
		const s = createRandomSampler(rngFor(4));
		const [mean, variance] = betaBinomialMoments(10_000, 0.001, 9.999);
		const draws = sample(200_000, () => s.betaBinomial(10_000, 0.001, 9.999));
		expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= 10_000)).toBe(true);
		expectMoments(draws, mean, variance);
	});

	it('fits the exact BetaBinomial pmf (chi-square) for a small case', () => {
		const s = createRandomSampler(rngFor(5));
		expectFits(
			sample(100_000, () => s.betaBinomial(10, 2, 3)),
			betaBinomialPmf(10, 2, 3),
			10
		);
	});

	it('fits the exact pmf by inversion from either end (mean below and above n/2)', () => {
		const s = createRandomSampler(rngFor(7));
		for (const [a, b] of [
			[7, 2],
			[30, 0.4],
			[1e-3, 2]
		]) {
			expectFits(
				sample(100_000, () => s.betaBinomial(25, a, b)),
				betaBinomialPmf(25, a, b),
				25
			);
		}
	});

	it('draws the same by betaBinomialOf(n, α, β, i) as by betaBinomial(n, α[i], β[i])', () => {
		const alpha = Float64Array.of(0.6, 3, 40);
		const beta = Float64Array.of(6.4, 2, 1e-3);
		const byValue = createRandomSampler(rngFor(8));
		const byArray = createRandomSampler(rngFor(8));
		for (let r = 0; r < 300; r++) {
			for (const n of [1, 9, 64, 65, 900]) {
				const i = (r + n) % 3;
				expect(byArray.betaBinomialOf(n, alpha, beta, i)).toBe(
					byValue.betaBinomial(n, alpha[i], beta[i])
				);
			}
		}
		expect(() => byArray.betaBinomialOf(2.5, alpha, beta, 0)).toThrow(
			'betaBinomial: n must be a whole number ≥ 0, got 2.5'
		);
		expect(() => byArray.betaBinomialOf(3, Float64Array.of(-1), beta, 0)).toThrow(
			'betaBinomial: alpha must be a finite number ≥ 0, got -1'
		);
	});

	it('fits the exact pmf on both sides of the urn threshold', () => {
		const s = createRandomSampler(rngFor(6));
		for (const n of [BETA_BINOMIAL_INVERSION_MAX, BETA_BINOMIAL_INVERSION_MAX + 1]) {
			expectFits(
				sample(100_000, () => s.betaBinomial(n, 4, 7)),
				betaBinomialPmf(n, 4, 7),
				n
			);
			expectFits(
				sample(100_000, () => s.betaBinomial(n, 0.7, 2.5)),
				betaBinomialPmf(n, 0.7, 2.5),
				n
			);
		}
	});

	it('handles the degenerate cases: n = 0, alpha = 0 (all fail), beta = 0 (all succeed)', () => {
		const s = createRandomSampler(rngFor(7));
		for (const n of [5, 5000]) {
			expect(s.betaBinomial(0, 2, 3)).toBe(0);
			expect(s.betaBinomial(n, 0, 3)).toBe(0);
			expect(s.betaBinomial(n, 2, 0)).toBe(n);
			// As the expected sampler: no information places nobody.
			expect(s.betaBinomial(n, 0, 0)).toBe(0);
		}
	});

	it('takes the exact all-or-nothing limit when both shapes are too small for a gamma variate', () => {
		// Beta(α, β) → P(p = 1) = α / (α + β) as α, β → 0; here 1/4.
		const s = createRandomSampler(rngFor(9));
		const draws = sample(4000, () => s.betaBinomial(1000, 1e-320, 3e-320));
		expect(draws.every((x) => x === 0 || x === 1000)).toBe(true);
		const share = draws.filter((x) => x === 1000).length / draws.length;
		expect(Math.abs(share - 0.25)).toBeLessThan(5 * Math.sqrt((0.25 * 0.75) / 4000));
	});

	it('refuses a negative or fractional n and a negative or non-finite shape, naming itself', () => {
		const s = createRandomSampler(rngFor(8));
		expect(() => s.betaBinomial(-1, 1, 1)).toThrow(
			'betaBinomial: n must be a whole number ≥ 0, got -1'
		);
		expect(() => s.betaBinomial(2.5, 1, 1)).toThrow(
			'betaBinomial: n must be a whole number ≥ 0, got 2.5'
		);
		expect(() => s.betaBinomial(Number.NaN, 1, 1)).toThrow('betaBinomial: n');
		expect(() => s.betaBinomial(3, -0.5, 1)).toThrow(
			'betaBinomial: alpha must be a finite number ≥ 0, got -0.5'
		);
		expect(() => s.betaBinomial(3, 1, Number.NaN)).toThrow('betaBinomial: beta');
		expect(() => s.betaBinomial(3, Infinity, 1)).toThrow('betaBinomial: alpha');
	});
});

describe('dirichletMultinomial', () => {
	const alpha = [0.6, 3, 0, 1.4, 5];
	const total = alpha.reduce((a, b) => a + b, 0);

	for (const n of [20, 5000]) {
		const path = n <= DIRICHLET_MULTINOMIAL_URN_MAX ? 'Pólya-urn' : 'gamma-and-binomial';
		it(`has BetaBinomial marginals and the exact covariance on the ${path} path (n = ${n})`, () => {
			const s = createRandomSampler(rngFor(10 + n));
			const draws = 60_000;
			const columns = alpha.map(() => new Float64Array(draws));
			const out = new Float64Array(alpha.length);
			let badTotals = 0;
			for (let i = 0; i < draws; i++) {
				s.dirichletMultinomial(n, alpha, out);
				let sum = 0;
				for (let k = 0; k < alpha.length; k++) {
					columns[k][i] = out[k];
					sum += out[k];
				}
				if (sum !== n) badTotals++;
			}
			expect(badTotals).toBe(0);
			expect(columns[2].every((x) => x === 0)).toBe(true);
			for (let k = 0; k < alpha.length; k++) {
				if (alpha[k] === 0) continue;
				const [mean, variance] = betaBinomialMoments(n, alpha[k], total - alpha[k]);
				expectMoments(columns[k], mean, variance);
			}
			// Cov(X_i, X_j) = −n α_i α_j (A + n) / (A² (A + 1)) for i ≠ j.
			const [i, j] = [1, 4];
			const exactCov = (-n * alpha[i] * alpha[j] * (total + n)) / (total * total * (total + 1));
			let mi = 0;
			let mj = 0;
			for (let r = 0; r < draws; r++) {
				mi += columns[i][r];
				mj += columns[j][r];
			}
			mi /= draws;
			mj /= draws;
			const products = new Float64Array(draws);
			for (let r = 0; r < draws; r++) products[r] = (columns[i][r] - mi) * (columns[j][r] - mj);
			let cov = 0;
			let cov2 = 0;
			for (const p of products) {
				cov += p;
				cov2 += p * p;
			}
			cov /= draws;
			const seCov = Math.sqrt((cov2 / draws - cov * cov) / draws);
			expect(Math.abs(cov - exactCov)).toBeLessThan(5 * seCov);
		});
	}

	// With many categories the urn runs up to 8·K children (dirichletUrnMax), by its guide table.
	for (const n of [3, 300, 1000]) {
		const K = 60;
		const many = Array.from({ length: K }, (_, k) => (k % 7 === 3 ? 0 : 0.05 + (k % 5) * 0.4));
		const manyTotal = many.reduce((a, b) => a + b, 0);
		const path = n <= dirichletUrnMax(K) ? 'urn' : 'gamma-and-binomial';
		it(`has BetaBinomial marginals over ${K} categories on the ${path} path (n = ${n})`, () => {
			const s = createRandomSampler(rngFor(40 + n));
			const draws = 10_000;
			const out = new Float64Array(K);
			const watched = [0, 4, 9, 59];
			const columns = watched.map(() => new Float64Array(draws));
			let wrong = 0;
			for (let i = 0; i < draws; i++) {
				s.dirichletMultinomial(n, many, out);
				let sum = 0;
				for (let k = 0; k < K; k++) {
					sum += out[k];
					if (many[k] === 0 && out[k] !== 0) wrong++;
				}
				if (sum !== n) wrong++;
				watched.forEach((k, c) => (columns[c][i] = out[k]));
			}
			expect(wrong, 'draws with a wrong total or a count for a zero weight').toBe(0);
			watched.forEach((k, c) => {
				const [mean, variance] = betaBinomialMoments(n, many[k], manyTotal - many[k]);
				expectMoments(columns[c], mean, variance);
			});
		});
	}

	it('distributes over a destination list as dirichletMultinomial does, adding into both arrays', () => {
		const dest = { to: Int32Array.of(5, 2, 7), alpha: Float64Array.of(1.5, 0, 2.5) };
		for (const n of [1, 6, 500]) {
			const a = createRandomSampler(rngFor(50 + n));
			const b = createRandomSampler(rngFor(50 + n));
			const out = new Float64Array(3);
			for (let r = 0; r < 200; r++) {
				const into = new Float64Array(8).fill(1);
				const alsoInto = new Float64Array(8);
				const mark = new Uint8Array(8);
				a.dirichletMultinomial(n, dest.alpha, out);
				b.distribute(n, dest, into, alsoInto, mark, new Float64Array(8));
				for (let k = 0; k < 3; k++) {
					expect(into[dest.to[k]]).toBe(1 + out[k]);
					expect(alsoInto[dest.to[k]]).toBe(out[k]);
					expect(mark[dest.to[k]]).toBe(out[k] > 0 ? 1 : 0);
				}
				expect(into[0] + into[1] + into[3] + into[4] + into[6]).toBe(5);
			}
		}
	});

	it('checks a destination list once and reuses its table; a list with new weights gets a new one', () => {
		const dest: Destinations = {
			to: Int32Array.of(0, 1),
			alpha: Float64Array.of(1, 3)
		};
		const s = createRandomSampler(rngFor(60));
		const into = new Float64Array(2);
		s.distribute(4, dest, into, new Float64Array(2), new Uint8Array(2), new Float64Array(2));
		const table = dest.table;
		expect(table).toBeDefined();
		s.distribute(4, dest, into, new Float64Array(2), new Uint8Array(2), new Float64Array(2));
		expect(dest.table).toBe(table);
		dest.alpha = Float64Array.of(0, 2);
		const before = Array.from(into);
		s.distribute(4, dest, into, new Float64Array(2), new Uint8Array(2), new Float64Array(2));
		expect(dest.table).not.toBe(table);
		expect(Array.from(into)).toEqual([before[0], before[1] + 4]);
		expect(() =>
			s.distribute(
				1,
				{ to: Int32Array.of(0), alpha: Float64Array.of(Number.NaN) },
				into,
				new Float64Array(1),
				new Uint8Array(1),
				new Float64Array(1)
			)
		).toThrow('distribute: alpha[0] must be a finite number ≥ 0, got NaN');
	});

	it('fits the exact BetaBinomial pmf for one category of a small case (chi-square)', () => {
		const s = createRandomSampler(rngFor(30));
		const out = new Float64Array(3);
		const first = sample(100_000, () => {
			s.dirichletMultinomial(9, [1.5, 2, 0.5], out);
			return out[0];
		});
		expectFits(first, betaBinomialPmf(9, 1.5, 2.5), 9);
	});

	it('keeps tiny shapes finite on the large path and gives zero counts to zero shapes', () => {
		const s = createRandomSampler(rngFor(31));
		const out = new Float64Array(4);
		for (let i = 0; i < 2000; i++) {
			s.dirichletMultinomial(1000, [0.001, 0, 0.002, 0.0005], out);
			expect(out[1]).toBe(0);
			expect(out.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
			expect(out[0] + out[1] + out[2] + out[3]).toBe(1000);
		}
	});

	it('puts everyone in one category, chosen by α_k / Σα, when the shapes are vanishingly small', () => {
		const s = createRandomSampler(rngFor(35));
		const out = new Float64Array(3);
		let inLast = 0;
		for (let i = 0; i < 4000; i++) {
			s.dirichletMultinomial(500, [1e-320, 0, 3e-320], out);
			expect(out[1]).toBe(0);
			expect(out[0] === 500 || out[2] === 500).toBe(true);
			if (out[2] === 500) inLast++;
		}
		expect(Math.abs(inLast / 4000 - 0.75)).toBeLessThan(5 * Math.sqrt((0.25 * 0.75) / 4000));
	});

	it('places everyone in the only category with a positive shape', () => {
		const s = createRandomSampler(rngFor(32));
		const out = new Float64Array(3);
		for (const n of [7, 700]) {
			s.dirichletMultinomial(n, [0, 2.5, 0], out);
			expect(Array.from(out)).toEqual([0, n, 0]);
		}
	});

	it('writes zeros for n = 0 whatever alpha is, and only touches out[0..alpha.length)', () => {
		const s = createRandomSampler(rngFor(33));
		const out = Float64Array.of(9, 9, 9, 9);
		s.dirichletMultinomial(0, [0, 0, 0], out);
		expect(Array.from(out)).toEqual([0, 0, 0, 9]);
	});

	it('refuses bad input, naming itself', () => {
		const s = createRandomSampler(rngFor(34));
		const out = new Float64Array(3);
		expect(() => s.dirichletMultinomial(-2, [1, 1], out)).toThrow(
			'dirichletMultinomial: n must be a whole number ≥ 0, got -2'
		);
		expect(() => s.dirichletMultinomial(1.5, [1, 1], out)).toThrow('dirichletMultinomial: n');
		expect(() => s.dirichletMultinomial(3, [1, -1, 1], out)).toThrow(
			'dirichletMultinomial: alpha[1] must be a finite number ≥ 0, got -1'
		);
		expect(() => s.dirichletMultinomial(3, [0, 0], out)).toThrow(
			'dirichletMultinomial: alpha must have a positive total when n > 0, got n = 3 and Σ alpha = 0'
		);
		expect(() => s.dirichletMultinomial(3, [], out)).toThrow(
			'dirichletMultinomial: alpha must have a positive total'
		);
		expect(() => s.dirichletMultinomial(3, [1, 1, 1, 1], out)).toThrow(
			'dirichletMultinomial: out has length 3, needs at least alpha.length = 4'
		);
	});
});

describe('gammaPoisson', () => {
	it('matches the negative binomial mean and variance, mean + mean²/shape', () => {
		const s = createRandomSampler(rngFor(40));
		for (const [mean, shape] of [
			[30, 2],
			[3, 0.5],
			[250, 40]
		]) {
			expectMoments(
				sample(100_000, () => s.gammaPoisson(mean, shape)),
				mean,
				mean + (mean * mean) / shape
			);
		}
	});

	it('is a Poisson count when shape is Infinity, on both Poisson paths', () => {
		const s = createRandomSampler(rngFor(41));
		for (const mean of [0.7, 6, 45, 3000]) {
			expectMoments(
				sample(100_000, () => s.gammaPoisson(mean, Infinity)),
				mean,
				mean
			);
		}
	});

	it('returns 0 for a zero mean and refuses a negative mean or a shape ≤ 0, naming itself', () => {
		const s = createRandomSampler(rngFor(42));
		expect(s.gammaPoisson(0, 3)).toBe(0);
		expect(s.gammaPoisson(0, Infinity)).toBe(0);
		expect(() => s.gammaPoisson(-1, 3)).toThrow(
			'gammaPoisson: mean must be a finite number ≥ 0, got -1'
		);
		expect(() => s.gammaPoisson(Infinity, 3)).toThrow('gammaPoisson: mean');
		expect(() => s.gammaPoisson(5, 0)).toThrow(
			'gammaPoisson: shape must be a number > 0 (Infinity for a Poisson count), got 0'
		);
		expect(() => s.gammaPoisson(5, Number.NaN)).toThrow('gammaPoisson: shape');
		// A vanishing shape: the gamma variate underflows to 0, so the count is 0.
		expect(s.gammaPoisson(5, 1e-300)).toBe(0);
	});
});

describe('the exact primitives', () => {
	it('standardNormal has mean 0 and variance 1', () => {
		const rng = rngFor(50);
		expectMoments(
			sample(200_000, () => standardNormal(rng)),
			0,
			1
		);
	});

	it('gammaVariate has mean shape·scale and variance shape·scale², below and above shape 1', () => {
		const rng = rngFor(51);
		for (const [shape, scale] of [
			[0.3, 2],
			[1, 1],
			[2.5, 4],
			[150, 0.1]
		]) {
			expectMoments(
				sample(100_000, () => gammaVariate(rng, shape, scale)),
				shape * scale,
				shape * scale * scale
			);
		}
	});

	it('betaVariate has mean a/(a+b) and variance ab/((a+b)²(a+b+1)), and handles zero shapes', () => {
		const rng = rngFor(52);
		for (const [a, b] of [
			[0.4, 0.6],
			[2, 8],
			[30, 1470]
		]) {
			const t = a + b;
			expectMoments(
				sample(100_000, () => betaVariate(rng, a, b)),
				a / t,
				(a * b) / (t * t * (t + 1))
			);
		}
		expect(betaVariate(rng, 0, 2)).toBe(0);
		expect(betaVariate(rng, 2, 0)).toBe(1);
		expect(() => betaVariate(rng, 0, 0)).toThrow('betaVariate: alpha + beta must be > 0');
		expect(() => betaVariate(rng, -1, 1)).toThrow('betaVariate: alpha');
	});

	it('binomialVariate fits the exact pmf by inversion, by BTRS and for p above ½', () => {
		const rng = rngFor(53);
		for (const [n, p] of [
			[30, 0.2], // n·p = 6: inversion
			[50, 0.4], // n·p = 20: BTRS
			[400, 0.03], // n·p = 12: BTRS near its lower limit
			[40, 0.9] // reflected: n·(1 − p) = 4
		]) {
			expectFits(
				sample(100_000, () => binomialVariate(rng, n, p)),
				binomialPmf(n, p),
				n
			);
		}
	});

	it('binomialVariate has mean np and variance np(1−p) for a large n', () => {
		const rng = rngFor(54);
		expectMoments(
			sample(100_000, () => binomialVariate(rng, 1_000_000, 0.3)),
			300_000,
			210_000
		);
		expect(binomialVariate(rng, 0, 0.5)).toBe(0);
		expect(binomialVariate(rng, 17, 0)).toBe(0);
		expect(binomialVariate(rng, 17, 1)).toBe(17);
		expect(() => binomialVariate(rng, 5, 1.5)).toThrow(
			'binomialVariate: p must be a probability in [0, 1], got 1.5'
		);
		expect(() => binomialVariate(rng, -3, 0.5)).toThrow('binomialVariate: n');
	});

	it('poissonVariate fits the exact pmf by inversion and by PTRS', () => {
		const rng = rngFor(55);
		for (const [lambda, maxK] of [
			[4, 30],
			[9.99, 50],
			[10, 50],
			[25, 80],
			[180, 400]
		]) {
			expectFits(
				sample(100_000, () => poissonVariate(rng, lambda)),
				poissonPmf(lambda),
				maxK
			);
		}
		expect(poissonVariate(rng, 0)).toBe(0);
		expect(() => poissonVariate(rng, -1)).toThrow(
			'poissonVariate: lambda must be a finite number ≥ 0, got -1'
		);
	});

	it('BTRS and PTRS accept exactly the binomial and Poisson pmfs (integrated acceptance region)', () => {
		// A total-variation distance below 1e-8 is the integration's own error; the published
		// PTRS constants alone are off by 6e-7 at λ = 10 (see PTRS_HAT_SCALE).
		for (const [n, p] of [
			[23, 0.458], // where BTRS's published hat comes closest to the pmf
			[50, 0.4],
			[400, 0.03],
			[100, 0.5],
			[1000, 0.15]
		]) {
			const region = acceptanceRegionDistribution((rng) => binomialVariate(rng, n, p), n);
			expect(totalVariation(region, binomialPmf(n, p)), `binomial(${n}, ${p})`).toBeLessThan(1e-8);
		}
		for (const lambda of [10, 15.67, 30.86, 180]) {
			const maxK = Math.ceil(lambda + 15 * Math.sqrt(lambda));
			const region = acceptanceRegionDistribution((rng) => poissonVariate(rng, lambda), maxK);
			expect(totalVariation(region, poissonPmf(lambda)), `Poisson(${lambda})`).toBeLessThan(1e-8);
		}
	});

	it('gammaVariate refuses a shape or scale that is not positive and finite', () => {
		const rng = rngFor(56);
		expect(() => gammaVariate(rng, 0)).toThrow(
			'gammaVariate: shape must be a finite number > 0, got 0'
		);
		expect(() => gammaVariate(rng, 1, -2)).toThrow('gammaVariate: scale');
	});
});
