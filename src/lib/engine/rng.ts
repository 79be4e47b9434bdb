/**
 * The engine's only source of randomness: xoshiro128** 1.1 (Blackman & Vigna, 2018), a 32-bit
 * generator with 128 bits of state and period 2^128 − 1 that passes BigCrush and PractRand.
 *
 * Seeding: the 64-bit splitmix64 state is set to `seed · 2^32 + stream` (both unsigned 32-bit
 * integers); its first two outputs w0, w1 give the xoshiro state
 * `[low32(w0), high32(w0), low32(w1), high32(w1)]`. This is Vigna's recommended way to seed
 * xoshiro. Because splitmix64 is a bijection of its state, distinct (seed, stream) pairs with
 * stream < 2^31 start from distinct, well-mixed states, and the state is never all zero.
 * `stream` is the simulation index (docs/model.md §2: one stream per simulation, so a result does not
 * depend on how simulations are split across workers). The 64-bit arithmetic is done in 32-bit
 * halves so that no BigInt is needed. The reference C program and its output are in
 * `tests/fixtures/rng/`.
 */
export interface Rng {
	/** The next output of the generator: a whole number in [0, 2^32). */
	nextUint32(): number;
	/**
	 * A uniform number in [0, 1) with 32 bits of resolution: the next `nextUint32()` × 2^-32, so
	 * the largest value is 1 − 2^-32 and every value is a multiple of 2^-32.
	 */
	nextFloat(): number;
}

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Unsigned high 32 bits of the 64-bit product of two unsigned 32-bit numbers. */
function mulHigh32(a: number, b: number): number {
	const a0 = a & 0xffff;
	const a1 = a >>> 16;
	const b0 = b & 0xffff;
	const b1 = b >>> 16;
	const p01 = a0 * b1;
	const p10 = a1 * b0;
	const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
	return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) >>> 0;
}

/**
 * Computes the xoshiro128** starting state for a (seed, stream) pair by splitmix64, as described
 * at the top of this file. Exposed so that tests (and anyone porting the engine) can check the
 * seeding on its own.
 *
 * @param seed the run's seed, a whole number in [0, 2^32)
 * @param stream the simulation index, a whole number in [0, 2^32)
 * @returns the four 32-bit state words s[0..3]
 * @example
 * seedXoshiro128(0, 0); // Uint32Array [2065550767, 3793791033, 2713282036, 1853398634]
 */
export function seedXoshiro128(seed: number, stream: number): Uint32Array {
	checkWord('seedXoshiro128', 'seed', seed);
	checkWord('seedXoshiro128', 'stream', stream);
	const state = new Uint32Array(4);
	// splitmix64 state x = seed·2^32 + stream, kept as (hi, lo).
	let hi = seed >>> 0;
	let lo = stream >>> 0;
	for (let w = 0; w < 2; w++) {
		// x += 0x9e3779b97f4a7c15
		const sumLo = lo + 0x7f4a7c15;
		lo = sumLo >>> 0;
		hi = (hi + 0x9e3779b9 + (sumLo > 0xffffffff ? 1 : 0)) >>> 0;
		let zHi = hi;
		let zLo = lo;
		// z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		zLo = (zLo ^ ((zLo >>> 30) | (zHi << 2))) >>> 0;
		zHi = (zHi ^ (zHi >>> 30)) >>> 0;
		let pHi =
			(mulHigh32(zLo, 0x1ce4e5b9) + Math.imul(zHi, 0x1ce4e5b9) + Math.imul(zLo, 0xbf58476d)) >>> 0;
		let pLo = Math.imul(zLo, 0x1ce4e5b9) >>> 0;
		// z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		zLo = (pLo ^ ((pLo >>> 27) | (pHi << 5))) >>> 0;
		zHi = (pHi ^ (pHi >>> 27)) >>> 0;
		pHi =
			(mulHigh32(zLo, 0x133111eb) + Math.imul(zHi, 0x133111eb) + Math.imul(zLo, 0x94d049bb)) >>> 0;
		pLo = Math.imul(zLo, 0x133111eb) >>> 0;
		// z ^ (z >> 31)
		state[2 * w] = (pLo ^ ((pLo >>> 31) | (pHi << 1))) >>> 0;
		state[2 * w + 1] = (pHi ^ (pHi >>> 31)) >>> 0;
	}
	return state;
}

function checkWord(fn: string, name: string, value: number): void {
	if (!(Number.isInteger(value) && value >= 0 && value <= 0xffffffff)) {
		throw new Error(`${fn}: ${name} must be a whole number in [0, 2^32), got ${value}`);
	}
}

/**
 * xoshiro128** with its state in four int32 fields (plain fields measured a little faster than
 * an Int32Array in V8: about 1.7 ns per draw). Every update uses int32 operations (`Math.imul`,
 * shifts, xor), so a field never holds anything but a signed 32-bit value.
 */
class Xoshiro128StarStar implements Rng {
	private s0: number;
	private s1: number;
	private s2: number;
	private s3: number;

	constructor(state: Uint32Array) {
		this.s0 = state[0] | 0;
		this.s1 = state[1] | 0;
		this.s2 = state[2] | 0;
		this.s3 = state[3] | 0;
	}

	nextUint32(): number {
		const s1 = this.s1;
		const m = Math.imul(s1, 5);
		const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
		const t = s1 << 9;
		const s2 = this.s2 ^ this.s0;
		const s3 = this.s3 ^ s1;
		this.s1 = s1 ^ s2;
		this.s0 = this.s0 ^ s3;
		this.s2 = s2 ^ t;
		this.s3 = (s3 << 11) | (s3 >>> 21);
		return result;
	}

	nextFloat(): number {
		return this.nextUint32() * TWO_POW_MINUS_32;
	}
}

/**
 * A seeded xoshiro128** generator for one simulation. The same (seed, stream) always gives the
 * same sequence, in any thread and in any order of creation.
 *
 * @param seed the run's seed, a whole number in [0, 2^32)
 * @param stream the simulation index (0 for the first simulation), a whole number in [0, 2^32)
 * @returns a generator whose `nextFloat()` is uniform on [0, 1) with 32-bit resolution
 * @example
 * const rng = createRng(42, 0);
 * rng.nextUint32(); // 561131802
 * rng.nextFloat(); // a number in [0, 1)
 */
export function createRng(seed: number, stream: number): Rng {
	checkWord('createRng', 'seed', seed);
	checkWord('createRng', 'stream', stream);
	return new Xoshiro128StarStar(seedXoshiro128(seed, stream));
}
