import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, seedXoshiro128 } from '$lib/engine/rng';

/**
 * Expected vectors printed by the reference C program tests/fixtures/rng/xoshiro128starstar.c
 * (the authors' xoshiro128** 1.1 and splitmix64, compiled with gcc 12 -O2); its full output is
 * tests/fixtures/rng/xoshiro128starstar.out.
 */
const REFERENCE: {
	seed: number;
	stream: number;
	state: number[];
	uint32: number[];
	float: number[];
}[] = [
	{
		seed: 0,
		stream: 0,
		state: [2065550767, 3793791033, 2713282036, 1853398634],
		uint32: [
			3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774, 3260698944,
			2754151956, 2651137455, 2503817145
		],
		float: [0.79137012152932584, 0.21161677478812635, 0.49598419852554798]
	},
	{
		seed: 0,
		stream: 1,
		state: [2298633409, 2433363436, 1703865447, 3203108257],
		uint32: [
			1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319, 3777694425, 2710820970,
			2858460077, 2689674896
		],
		float: [0.40657900553196669, 0.70478627202101052, 0.83537835581228137]
	},
	{
		seed: 1,
		stream: 0,
		state: [2743206200, 3291240986, 1465302333, 934109149],
		uint32: [
			3857403066, 3761880522, 2833589495, 1190737128, 4014693229, 145220835, 2612592572, 3781970663,
			1097852538, 402839546
		],
		float: [0.81146050430834293, 0.31901904568076134, 0.13593440037220716]
	},
	{
		seed: 42,
		stream: 0,
		state: [3198934971, 3932676849, 1174090716, 1159211194],
		uint32: [
			561131802, 1455960195, 1624807067, 676739556, 1573943148, 1661315153, 2932042395, 3640135614,
			876223452, 404990526
		],
		float: [0.037449094234034419, 0.96474449150264263, 0.050102549605071545]
	},
	{
		seed: 42,
		stream: 999,
		state: [66940681, 3260947192, 3446228130, 757381133],
		uint32: [
			1163841421, 3310734487, 3245202919, 3594903362, 2735655204, 1775660190, 2630862360,
			3541576520, 3147833226, 2495185634
		],
		float: [0.90053109428845346, 0.38596210302785039, 0.85580357676371932]
	},
	{
		seed: 20220101,
		stream: 7,
		state: [523604595, 3267396759, 1018981819, 2186567717],
		uint32: [
			3953608982, 4116175691, 928878975, 217731290, 503929958, 1064262456, 2421608208, 590093647,
			3447362287, 3832312593
		],
		float: [0.39132424886338413, 0.0098122355993837118, 0.019633782329037786]
	},
	{
		seed: 4294967295,
		stream: 4294967295,
		state: [459615264, 3839455607, 3690365641, 3919575143],
		uint32: [
			477689756, 2493998634, 555695776, 607808419, 61340979, 301466976, 2478485284, 2565876330,
			1807530946, 3941721013
		],
		float: [0.31335830152966082, 0.18035213137045503, 0.23135836282745004]
	}
];

/** splitmix64 seeding written with BigInt, straight from Vigna's C, as a second reference. */
function seedWithBigInt(seed: number, stream: number): number[] {
	const mask = (1n << 64n) - 1n;
	let x = (BigInt(seed) << 32n) | BigInt(stream);
	const words: number[] = [];
	for (let w = 0; w < 2; w++) {
		x = (x + 0x9e3779b97f4a7c15n) & mask;
		let z = x;
		z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
		z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
		z = z ^ (z >> 31n);
		words.push(Number(z & 0xffffffffn), Number(z >> 32n));
	}
	return words;
}

describe('createRng (xoshiro128** seeded by splitmix64)', () => {
	for (const ref of REFERENCE) {
		it(`reproduces the C reference for seed ${ref.seed}, stream ${ref.stream}`, () => {
			expect(Array.from(seedXoshiro128(ref.seed, ref.stream))).toEqual(ref.state);
			const rng = createRng(ref.seed, ref.stream);
			expect(Array.from({ length: 10 }, () => rng.nextUint32())).toEqual(ref.uint32);
			// %.17g round-trips a double, so the floats must match exactly.
			expect(Array.from({ length: 3 }, () => rng.nextFloat())).toEqual(ref.float);
		});
	}

	it('reproduces the C reference one million draws in', () => {
		const rng = createRng(42, 0);
		let last = 0;
		for (let i = 0; i < 1_000_000; i++) last = rng.nextUint32();
		expect(last).toBe(779161270);
	});

	it('seeds exactly as a BigInt splitmix64 would, for any seed and stream', () => {
		fc.assert(
			fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (seed, stream) => {
				expect(Array.from(seedXoshiro128(seed, stream))).toEqual(seedWithBigInt(seed, stream));
			}),
			{ numRuns: 500 }
		);
	});

	it('gives the same sequence for the same seed and stream', () => {
		const a = createRng(123, 45);
		const b = createRng(123, 45);
		for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
	});

	it('gives different sequences to different streams and different seeds', () => {
		const first = (seed: number, stream: number) => {
			const rng = createRng(seed, stream);
			return Array.from({ length: 4 }, () => rng.nextUint32()).join(',');
		};
		const seen = new Set<string>();
		for (let stream = 0; stream < 1000; stream++) seen.add(first(7, stream));
		for (let seed = 0; seed < 1000; seed++) seen.add(first(seed, 7));
		// (7, 7) appears in both loops.
		expect(seen.size).toBe(1999);
	});

	it('returns whole numbers in [0, 2^32) and floats in [0, 1) that fill the interval', () => {
		const rng = createRng(9, 3);
		let below = 0;
		let min = 1;
		let max = 0;
		let outOfRange = 0;
		for (let i = 0; i < 100_000; i++) {
			const u = rng.nextUint32();
			if (!(Number.isInteger(u) && u >= 0 && u < 2 ** 32)) outOfRange++;
			const f = rng.nextFloat();
			if (!(f >= 0 && f < 1)) outOfRange++;
			if (f < 0.5) below++;
			min = Math.min(min, f);
			max = Math.max(max, f);
		}
		expect(outOfRange).toBe(0);
		// Binomial(100000, 0.5) has sd 158: 5 sd either side.
		expect(Math.abs(below - 50_000)).toBeLessThan(800);
		expect(min).toBeLessThan(1e-3);
		expect(max).toBeGreaterThan(1 - 1e-3);
	});

	it('refuses a seed or stream that is not a whole number in [0, 2^32)', () => {
		expect(() => createRng(-1, 0)).toThrow(
			'createRng: seed must be a whole number in [0, 2^32), got -1'
		);
		expect(() => createRng(1.5, 0)).toThrow('createRng: seed');
		expect(() => createRng(0, 2 ** 32)).toThrow('createRng: stream');
		expect(() => createRng(0, Number.NaN)).toThrow('createRng: stream');
	});
});
