/**
 * Micro-benchmark of the random leaves of the engine: draws per second for the generator and for
 * each sampler on parameters typical of a SEND projection, the urn-versus-gamma crossover behind
 * BETA_BINOMIAL_INVERSION_MAX and DIRICHLET_MULTINOMIAL_URN_MAX, and a projection-shaped workload
 * (1,000 simulations × 5 years of ~2,150 children). One thread.
 *
 * Run: npx tsx bench/samplers.ts
 */
import { createRng, type Rng } from '../src/lib/engine/rng';
import {
	BETA_BINOMIAL_INVERSION_MAX,
	DIRICHLET_MULTINOMIAL_URN_MAX,
	betaVariate,
	binomialVariate,
	createRandomSampler,
	gammaVariate,
	poissonVariate,
	standardNormal
} from '../src/lib/engine/random-sampler';

/** Keeps results observable so the optimiser cannot drop the work. */
let sink = 0;

/**
 * Draws per second of `run`, which makes `reps` draws in a tight loop (a local accumulator, so
 * that the loop itself allocates nothing) and returns their sum. Warms up, then repeats for
 * about `ms` milliseconds.
 */
function measure(run: (reps: number) => number, ms = 250): number {
	const reps = 2000;
	for (let i = 0; i < 20; i++) sink += run(reps);
	let draws = 0;
	const start = performance.now();
	let elapsed = 0;
	while (elapsed < ms) {
		sink += run(reps);
		draws += reps;
		elapsed = performance.now() - start;
	}
	return draws / (elapsed / 1000);
}

function formatRate(perSecond: number): string {
	if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
	return `${(perSecond / 1e3).toFixed(1)} k/s`;
}

function row(label: string, perSecond: number): void {
	const ns = 1e9 / perSecond;
	console.log(
		`${label.padEnd(58)} ${formatRate(perSecond).padStart(11)}  ${ns.toFixed(1).padStart(8)} ns`
	);
}

const rng: Rng = createRng(1, 0);
const sampler = createRandomSampler(createRng(1, 1));

console.log('Draws per second (one Node thread)\n');
console.log('generator');
row(
	'  nextUint32',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += rng.nextUint32();
		return acc;
	})
);
row(
	'  nextFloat',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += rng.nextFloat();
		return acc;
	})
);
row(
	'  createRng(seed, stream) (one per simulation)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += createRng(7, 123).nextUint32();
		return acc;
	})
);

console.log('\nbetaBinomial');
row(
	'  n = 3, α = 0.6, β = 6.4 (a leaver state; inversion)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += sampler.betaBinomial(3, 0.6, 6.4);
		return acc;
	})
);
row(
	'  n = 12, α = 1.5, β = 20.5 (inversion)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += sampler.betaBinomial(12, 1.5, 20.5);
		return acc;
	})
);
row(
	`  n = ${BETA_BINOMIAL_INVERSION_MAX}, α = 4, β = 40 (largest inversion)`,
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += sampler.betaBinomial(BETA_BINOMIAL_INVERSION_MAX, 4, 40);
		return acc;
	})
);
row(
	`  n = ${BETA_BINOMIAL_INVERSION_MAX + 1}, α = 4, β = 40 (beta + binomial)`,
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++)
			acc += sampler.betaBinomial(BETA_BINOMIAL_INVERSION_MAX + 1, 4, 40);
		return acc;
	})
);
row(
	'  n = 10,000, α = 30, β = 1470 (joiners per NCY)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += sampler.betaBinomial(10_000, 30, 1470);
		return acc;
	})
);
row(
	'  n = 10,000, α = 0.001, β = 9.999 (NCY with no joiners)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += sampler.betaBinomial(10_000, 0.001, 9.999);
		return acc;
	})
);

console.log('\ndirichletMultinomial (8 categories)');
const alpha8 = [0.125, 2.2, 0.125, 5.1, 0.9, 0.125, 1.4, 0.125];
const out8 = new Float64Array(8);
row(
	'  n = 1 (one mover; urn)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) {
			sampler.dirichletMultinomial(1, alpha8, out8);
			acc += out8[3];
		}
		return acc;
	})
);
row(
	'  n = 6 (urn)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) {
			sampler.dirichletMultinomial(6, alpha8, out8);
			acc += out8[3];
		}
		return acc;
	})
);
row(
	`  n = ${DIRICHLET_MULTINOMIAL_URN_MAX} (largest inversion)`,
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) {
			sampler.dirichletMultinomial(DIRICHLET_MULTINOMIAL_URN_MAX, alpha8, out8);
			acc += out8[3];
		}
		return acc;
	})
);
row(
	`  n = ${DIRICHLET_MULTINOMIAL_URN_MAX + 1} (gammas + binomials)`,
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) {
			sampler.dirichletMultinomial(DIRICHLET_MULTINOMIAL_URN_MAX + 1, alpha8, out8);
			acc += out8[3];
		}
		return acc;
	})
);
row(
	'  n = 400 (gammas + binomials)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) {
			sampler.dirichletMultinomial(400, alpha8, out8);
			acc += out8[3];
		}
		return acc;
	})
);

console.log('\ngammaPoisson');
row(
	'  mean 4, shape Infinity (Poisson, inversion)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += sampler.gammaPoisson(4, Infinity);
		return acc;
	})
);
row(
	'  mean 60, shape Infinity (Poisson, PTRS)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += sampler.gammaPoisson(60, Infinity);
		return acc;
	})
);
row(
	'  mean 60, shape 8 (negative binomial)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += sampler.gammaPoisson(60, 8);
		return acc;
	})
);
row(
	'  mean 3, shape 0.5 (negative binomial)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += sampler.gammaPoisson(3, 0.5);
		return acc;
	})
);

console.log('\nexact primitives');
row(
	'  standardNormal',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += standardNormal(rng);
		return acc;
	})
);
row(
	'  gammaVariate(2.5)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += gammaVariate(rng, 2.5);
		return acc;
	})
);
row(
	'  gammaVariate(0.3)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += gammaVariate(rng, 0.3);
		return acc;
	})
);
row(
	'  betaVariate(30, 1470)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += betaVariate(rng, 30, 1470);
		return acc;
	})
);
row(
	'  binomialVariate(200, 0.02) (inversion)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += binomialVariate(rng, 200, 0.02);
		return acc;
	})
);
row(
	'  binomialVariate(10,000, 0.02) (BTRS)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += binomialVariate(rng, 10_000, 0.02);
		return acc;
	})
);
row(
	'  poissonVariate(200) (PTRS)',
	measure((reps) => {
		let acc = 0;
		for (let i = 0; i < reps; i++) acc += poissonVariate(rng, 200);
		return acc;
	})
);

// The crossovers. The urn costs one uniform per trial; the other path a beta (two gammas) and a
// binomial. Each path is timed on its own, at the same n, by calling it directly.
function urnBetaBinomial(r: Rng, n: number, alpha: number, beta: number): number {
	let a = alpha;
	let total = alpha + beta;
	let k = 0;
	for (let i = 0; i < n; i++) {
		if (r.nextFloat() * total < a) {
			a += 1;
			k++;
		}
		total += 1;
	}
	return k;
}
for (const [alpha, beta] of [
	[4, 40],
	[0.5, 12]
]) {
	console.log(`\nbetaBinomial crossover (α = ${alpha}, β = ${beta}): ns per draw`);
	for (const n of [16, 32, 40, 48, 64, 96]) {
		const urn =
			1e9 /
			measure((reps) => {
				let acc = 0;
				for (let i = 0; i < reps; i++) acc += urnBetaBinomial(rng, n, alpha, beta);
				return acc;
			}, 120);
		const large =
			1e9 /
			measure((reps) => {
				let acc = 0;
				for (let i = 0; i < reps; i++)
					acc += binomialVariate(rng, n, betaVariate(rng, alpha, beta));
				return acc;
			}, 120);
		console.log(
			`  n = ${String(n).padStart(3)}   urn ${urn.toFixed(0).padStart(5)}   beta + binomial ${large.toFixed(0).padStart(5)}`
		);
	}
}

// For the Dirichlet-multinomial each path is timed through the sampler, on its side of the
// threshold, so the table shows the urn's growth below it and the flat cost above it.
for (const [label, alpha] of [
	['8 categories above', alpha8],
	['3 categories [1.2, 0.4, 3]', [1.2, 0.4, 3]]
] as const) {
	console.log(`\ndirichletMultinomial either side of the threshold (${label}): ns per draw`);
	const out = new Float64Array(alpha.length);
	const t = DIRICHLET_MULTINOMIAL_URN_MAX;
	for (const n of [8, 16, 32, t, t + 1, 128]) {
		const ns =
			1e9 /
			measure((reps) => {
				let acc = 0;
				for (let i = 0; i < reps; i++) {
					sampler.dirichletMultinomial(n, alpha, out);
					acc += out[0];
				}
				return acc;
			}, 120);
		const path = n <= DIRICHLET_MULTINOMIAL_URN_MAX ? 'urn' : 'gammas + binomials';
		console.log(`  n = ${String(n).padStart(3)}   ${ns.toFixed(0).padStart(5)}   (${path})`);
	}
}

// A projection-shaped workload: ~300 occupied states holding ~2,150 children; per state a
// leaver and a mover draw and, for movers, a destination split over 8 settings; per NCY (26) a
// joiner draw from a population of 10,000 and its split. 1,000 simulations × 5 years.
console.log('\nprojection-shaped workload: 1,000 simulations × 5 years, sampler calls only');
{
	const states = 300;
	const sizes = new Int32Array(states);
	for (let s = 0; s < states; s++) sizes[s] = 1 + ((s * 7919) % 13); // 1…13 children each
	let children = 0;
	for (const n of sizes) children += n;
	const run = (withJoiners: boolean): number => {
		let acc = 0;
		const start = performance.now();
		for (let sim = 0; sim < 1000; sim++) {
			const s = createRandomSampler(createRng(2024, sim));
			for (let year = 0; year < 5; year++) {
				for (let st = 0; st < states; st++) {
					const n = sizes[st];
					const leavers = s.betaBinomial(n, 0.8, 9.2);
					const movers = s.betaBinomial(n - leavers, 0.5, 12);
					if (movers > 0) s.dirichletMultinomial(movers, alpha8, out8);
					acc += leavers + movers + out8[0];
				}
				if (!withJoiners) continue;
				for (let ncy = 0; ncy < 26; ncy++) {
					const joiners = s.betaBinomial(10_000, 30, 1470);
					s.dirichletMultinomial(joiners, alpha8, out8);
					acc += out8[1];
				}
			}
		}
		sink += acc;
		return performance.now() - start;
	};
	run(true); // warm-up
	const stock = run(false);
	const all = run(true);
	console.log(
		`  ${children} children in ${states} states, leavers, movers and their destinations: ${stock.toFixed(0)} ms`
	);
	console.log(
		`  … plus 26 joiner draws (n = 10,000) and their destinations per year: ${all.toFixed(0)} ms`
	);
}

if (sink === 42) console.log('');
