/**
 * The cohort model's band fit (docs/model.md §2 "From aggregates" and "Ages within a band"): leaver
 * rates by age band, and optionally how new plans and plans held spread over the single years of
 * age inside each band, fitted to a history of band totals by one-step-ahead cohort projection.
 *
 * SEN2 publishes caseload and new plans by age band only (under 5, 5–10, 11–15, 16–19, 20–25).
 * How children spread over the ages inside a band decides how many age into the next band each
 * year, and the spread is far from even: England's under-5 plans are nearly all held at age 4
 * (about three in four leave the band every year), so an even spread, which ages one in five on,
 * projected the under-5 band 39% too high a year ahead across every authority (decision 0032).
 * The data can tell the spread because the band totals must balance year on year: a band's next
 * total is its stayers not ageing out, the age-outs of the band below and its new plans.
 *
 * The fit: within each band, new plans at the band's k-th age (k = 0 youngest) take a share
 * proportional to rᵏ (one ratio r per band; r = 1 is the even spread), and children held are
 * carried age by age from an even start, raked to each January's band totals. Leaver rates and
 * ratios are found by coordinate descent (golden-section search on each in turn) minimising the
 * squared one-step errors of the band totals. The first year only burns in the within-band ages.
 */
import type { AgeBandId } from '../model/categories';
import { AGE_BANDS } from '../model/categories';

type BandTable = ReadonlyMap<number, ReadonlyMap<AgeBandId, number>>;

/** Single years of age the model holds: 0 … 25. */
export const AGES = 26;

/** Bounds of log r, the within-band ratio: r from e⁻² ≈ 0.14 to e² ≈ 7.4 per year of age. */
export const LOG_RATIO_BOUND = 2;

/** Highest leaver rate the fit tries (a year, per plan held). */
const MAX_FITTED_RATE = 0.6;

/** The fitted band model. Shares are by single year of age (0 … 25) and sum to 1 within a band. */
export interface BandFit {
	/** Leaver rate by band (a year, per plan held), before any levelling. */
	rates: Map<AgeBandId, number>;
	/** The caseload summed over the fit's years, by band: the evidence behind each rate. */
	exposure: Map<AgeBandId, number>;
	/** Share of a band's new plans at each age (even when the spread is not fitted). */
	joinerShares: Float64Array;
	/** Share of a band's plans held at each age in the last January fitted. */
	stockShares: Float64Array;
}

export interface BandFitOptions {
	/** Lowest leaver rate allowed (the returned ceased-plan rate), a share ≥ 0. */
	floor: number;
	/** Fit the within-band spread of new plans too (else it stays even). */
	withinBand: boolean;
}

const bandOfAge = (a: number) => AGE_BANDS.findIndex((b) => a >= b.minAge && a <= b.maxAge);

/** Shares of each age within its band for ratios r (rᵏ at the band's k-th age). */
function sharesOf(ratios: readonly number[]): Float64Array {
	const out = new Float64Array(AGES);
	AGE_BANDS.forEach((b, i) => {
		let sum = 0;
		for (let a = b.minAge; a <= b.maxAge; a++) sum += out[a] = ratios[i] ** (a - b.minAge);
		for (let a = b.minAge; a <= b.maxAge; a++) out[a] /= sum;
	});
	return out;
}

/**
 * `d` scaled within each band to the band targets (an even spread where a band is empty), into
 * `out` (a new array by default).
 */
function rake(
	d: readonly number[],
	targets: readonly number[],
	out: number[] = d.slice()
): number[] {
	AGE_BANDS.forEach((b, i) => {
		let s = 0;
		for (let a = b.minAge; a <= b.maxAge; a++) s += d[a];
		const width = b.maxAge - b.minAge + 1;
		for (let a = b.minAge; a <= b.maxAge; a++)
			out[a] = s > 0 ? (d[a] * targets[i]) / s : targets[i] / width;
	});
	return out;
}

/** Golden-section search for the minimum of `f` on [lo, up] (40 steps). */
function goldenSection(f: (x: number) => number, lo: number, up: number): number {
	const g = (Math.sqrt(5) - 1) / 2;
	let x1 = up - g * (up - lo);
	let x2 = lo + g * (up - lo);
	let f1 = f(x1);
	let f2 = f(x2);
	for (let it = 0; it < 40; it++) {
		if (f1 <= f2) {
			up = x2;
			x2 = x1;
			f2 = f1;
			x1 = up - g * (up - lo);
			f1 = f(x1);
		} else {
			lo = x1;
			x1 = x2;
			f1 = f2;
			x2 = lo + g * (up - lo);
			f2 = f(x2);
		}
	}
	return (lo + up) / 2;
}

/**
 * Fits leaver rates by band (and, with `withinBand`, the spread of new plans within each band) to
 * band totals: caseload at each January y and y + 1 and new plans in calendar year y, for the
 * flow years `years`.
 *
 * @param caseload January caseload by band, children
 * @param newPlans new plans in each calendar year by band, children
 * @param years the flow years fitted, ascending
 * @param options the rate floor and whether to fit the within-band spread
 * @returns rates, exposure and the within-band shares of new plans and of plans held
 * @example
 * fitBandModel(caseload, newPlans, [2017, 2018, 2019, 2020], { floor: 0, withinBand: true })
 *   .stockShares[4] // ≈ 0.8: England's under-5 plans are mostly held at age 4
 */
export function fitBandModel(
	caseload: BandTable,
	newPlans: BandTable,
	years: readonly number[],
	options: BandFitOptions
): BandFit {
	const { floor, withinBand } = options;
	if (!(floor >= 0 && floor <= 1)) {
		throw new Error(`fitBandModel: floor must be a share in [0, 1], got ${floor}`);
	}
	const bands = AGE_BANDS;
	const exposure = new Map<AgeBandId, number>(bands.map((b) => [b.id, 0]));
	for (const y of years)
		for (const b of bands)
			exposure.set(b.id, exposure.get(b.id)! + (caseload.get(y)?.get(b.id) ?? 0));
	const targetsOf = (y: number) => bands.map((b) => caseload.get(y)?.get(b.id) ?? 0);
	// Everything a run reads, looked up once: the fit runs the history some 20,000 times.
	const targets = years.map((y) => targetsOf(y + 1));
	const joined = years.map((y) => bands.map((b) => newPlans.get(y)?.get(b.id) ?? 0));
	const start = years.length > 0 ? rake(new Array(AGES).fill(1), targetsOf(years[0])) : [];
	const bandAt = Array.from({ length: AGES }, (_, a) => bandOfAge(a));
	const next = new Array<number>(AGES);
	const heldBuffer = new Array<number>(AGES);
	// Ratios are replaced, never changed in place, so a new array means new shares.
	let lastRatios: readonly number[] | null = null;
	let lastShares = sharesOf(bands.map(() => 1));

	/** Runs the history; returns the squared error and the last January's within-band ages. */
	const run = (rates: readonly number[], ratios: readonly number[]) => {
		// Shares change only when the ratios do (the ratio search), not in the rate search.
		if (ratios !== lastRatios) {
			lastShares = sharesOf(ratios);
			lastRatios = ratios;
		}
		const shares = lastShares;
		let d = start;
		let err = 0;
		for (let k = 0; k < years.length; k++) {
			next.fill(0);
			for (let a = 0; a + 1 < AGES; a++) next[a + 1] += d[a] * (1 - rates[bandAt[a]]);
			for (let i = 0; i < bands.length; i++) {
				const b = bands[i];
				const j = joined[k][i];
				// j / width for the even spread: the same numbers as before ratios were fitted.
				const width = b.maxAge - b.minAge + 1;
				for (let a = b.minAge; a <= b.maxAge; a++)
					next[a] += ratios[i] === 1 ? j / width : j * shares[a];
			}
			const target = targets[k];
			// The first year burns in the within-band age profile, which starts out even.
			if (k > 0 || years.length === 1) {
				for (let i = 0; i < bands.length; i++) {
					let s = 0;
					for (let a = bands[i].minAge; a <= bands[i].maxAge; a++) s += next[a];
					err += (s - target[i]) ** 2;
				}
			}
			d = rake(next, target, heldBuffer);
		}
		return { err, d, shares };
	};

	const rates = bands.map(() => Math.max(floor, 0.05));
	let ratios = bands.map(() => 1);
	for (let sweep = 0; sweep < 40; sweep++) {
		let moved = 0;
		for (let i = 0; i < rates.length; i++) {
			const best = goldenSection(
				(x) => {
					const r = rates.slice();
					r[i] = x;
					return run(r, ratios).err;
				},
				floor,
				MAX_FITTED_RATE
			);
			moved = Math.max(moved, Math.abs(best - rates[i]));
			rates[i] = best;
		}
		if (withinBand) {
			for (let i = 0; i < ratios.length; i++) {
				const best = Math.exp(
					goldenSection(
						(x) => {
							const r = ratios.slice();
							r[i] = Math.exp(x);
							return run(rates, r).err;
						},
						-LOG_RATIO_BOUND,
						LOG_RATIO_BOUND
					)
				);
				moved = Math.max(moved, Math.abs(Math.log(best) - Math.log(ratios[i])) / 10);
				ratios = ratios.map((r, k) => (k === i ? best : r));
			}
		}
		if (moved < 1e-6) break;
	}
	const { d, shares } = run(rates, ratios);
	// Plans held, as shares within each band: raked to a total of 1 per band.
	const held = d.length === AGES ? d : new Array(AGES).fill(1);
	const stockShares = Float64Array.from(
		rake(
			held,
			bands.map(() => 1)
		)
	);
	return {
		rates: new Map(bands.map((b, i) => [b.id, rates[i]])),
		exposure,
		joinerShares: shares,
		stockShares
	};
}
