/**
 * "Pooled with England", the default forecast of a dataset built from aggregates (docs/model.md
 * §2 "Pooling with England", decision 0019). Chosen by a rolling-origin evaluation across every
 * English authority (docs/model.md §8.2), where it beat carrying forward last year's growth, the
 * 3-year growth rate, the 5-year linear trend and the last figure at every horizon.
 *
 * - **New plans per plan held.** An authority's new plans in a calendar year divided by its
 *   January caseload, over the last `RECENT_FLOW_YEARS` flow years, shrunk towards England's by
 *   the empirical Bayes weight of all authorities' rates in those years (shrinkage.ts). In
 *   projection, the new plans of each year are that rate times the caseload at the January that
 *   starts it, split over age bands by the authority's recent mix of new plans (shrunk towards
 *   England's mix by the same weight).
 * - **Ceased plans.** The residual leaver rate (caseload + new plans − next caseload, per plan
 *   held: ceased plans, net moves out of the area and age-outs at 25) over the same recent years,
 *   the authority's shrunk towards England's by the empirical Bayes weight of all authorities'
 *   residual rates (in SEN2 history close to 0: authorities' year-to-year noise swamps their
 *   differences). England's age profile of leaving (fitted to England's band history) spreads it
 *   over age bands; estimation levels the profile so that the first projected year's expected
 *   leavers are that rate times the base caseload.
 *
 * Everything here reads only censuses up to the base census and flows up to the last flow year.
 */
import type { AgeBandId } from '../model/categories';
import { AGE_BANDS } from '../model/categories';
import { englandByBand, seriesValue, type Sen2Reference } from './reference';
import { shrinkageWeight, shrinkTowards, type ShrinkageWeight } from './shrinkage';

/** Flow years whose rates are pooled (chosen by the rolling-origin evaluation, decision 0019). */
export const RECENT_FLOW_YEARS = 2;

/** Flow years England's age profile of leaving is fitted to (more years: a steadier profile). */
export const PROFILE_FLOW_YEARS = 4;

type BandTable = ReadonlyMap<number, ReadonlyMap<AgeBandId, number>>;

/** An authority's history as estimation sees it. */
export interface AuthorityHistory {
	caseload: BandTable;
	newPlans: BandTable;
	/** January total (the published total where there is one, else the sum of bands). */
	total(year: number): number;
}

/** What pooling decided, with the figures it rests on (shown on the Methodology page). */
export interface PooledEstimates {
	/** Flow years pooled: the authority's own. */
	years: number[];
	/** England's flow years: the same, unless the reference ends before them (then `warning`). */
	englandYears: number[];
	/** Why England's years differ from the authority's, or null. */
	warning: string | null;
	joinerRate: { own: number; england: number; weight: ShrinkageWeight; value: number };
	/** Share of new plans by band (sums to 1 over bands). */
	joinerMix: Map<AgeBandId, number>;
	/**
	 * Residual leaver rate (ceased plans and net moves out, age-outs included, per plan held):
	 * the authority's projection is levelled to `value` in its first year.
	 */
	leaverRate: { own: number; england: number; weight: ShrinkageWeight; value: number };
	/** England's leaver rate by age band: the age profile of leaving. */
	leaverProfile: Map<AgeBandId, number>;
	/**
	 * England's spread over the single years of age (0 … 25) inside each band, of new plans and of
	 * plans held (each sums to 1 within a band): how many age into the next band each year.
	 */
	ageShares: { joiners: number[]; held: number[] };
}

const sumBands = (m: ReadonlyMap<AgeBandId, number> | null | undefined) =>
	m ? [...m.values()].reduce((a, b) => a + b, 0) : NaN;

function toTable(
	ref: Sen2Reference,
	which: 'caseload' | 'newPlans',
	years: readonly number[]
): Map<number, Map<AgeBandId, number>> {
	const out = new Map<number, Map<AgeBandId, number>>();
	for (const y of years) {
		const row = englandByBand(ref, which, y);
		if (row) out.set(y, row);
	}
	return out;
}

/**
 * England's age profile in the flow years up to `lastFlowYear`: leaver rates by band from
 * `fitProfile` over the profile years, levelled so that England's expected leavers (age-outs at 25
 * included) equal its residual leavers over the last `RECENT_FLOW_YEARS`, and the spread of new
 * plans and of plans held over the ages inside each band (age-profile.ts, decision 0032).
 * @example englandAgeProfile(reference, 2020, fit).stockShares[4] // ≈ 0.8 (age 4 of the under-5s)
 */
export function englandAgeProfile(
	ref: Sen2Reference,
	lastFlowYear: number,
	fitProfile: ProfileFit
): EnglandAgeProfile {
	// Every authority pooled at one origin shares England's profile: fit it once per reference,
	// fit and year (forecast england pools some 150 authorities at each origin).
	let byFit = profiles.get(ref);
	if (!byFit) profiles.set(ref, (byFit = new Map()));
	let byYear = byFit.get(fitProfile);
	if (!byYear) byFit.set(fitProfile, (byYear = new Map()));
	let known = byYear.get(lastFlowYear);
	if (!known)
		byYear.set(lastFlowYear, (known = fitEnglandAgeProfile(ref, lastFlowYear, fitProfile)));
	return {
		leaverRates: new Map(known.leaverRates),
		joinerShares: known.joinerShares.slice(),
		stockShares: known.stockShares.slice()
	};
}

/** England's age profile: leaver rates by band, and shares of each single year of age (0 … 25) in its band. */
export interface EnglandAgeProfile {
	leaverRates: Map<AgeBandId, number>;
	/** Share of a band's new plans at each age; sums to 1 within each band. */
	joinerShares: number[];
	/** Share of a band's plans held at each age; sums to 1 within each band. */
	stockShares: number[];
}

/** Fits leaver rates by band and the within-band spread to a band history (age-profile.ts). */
export type ProfileFit = (
	caseload: Map<number, Map<AgeBandId, number>>,
	newPlans: Map<number, Map<AgeBandId, number>>,
	years: number[]
) => {
	rates: Map<AgeBandId, number>;
	joinerShares: ArrayLike<number>;
	stockShares: ArrayLike<number>;
};

const profiles = new WeakMap<Sen2Reference, Map<ProfileFit, Map<number, EnglandAgeProfile>>>();

function fitEnglandAgeProfile(
	ref: Sen2Reference,
	lastFlowYear: number,
	fitProfile: ProfileFit
): EnglandAgeProfile {
	const span: number[] = [];
	for (let y = lastFlowYear - PROFILE_FLOW_YEARS + 1; y <= lastFlowYear; y++) span.push(y);
	const caseload = toTable(ref, 'caseload', [...span, lastFlowYear + 1]);
	const newPlans = toTable(ref, 'newPlans', span);
	const stepYears = span.filter((y) => caseload.has(y) && caseload.has(y + 1) && newPlans.has(y));
	if (stepYears.length < 2) {
		throw new Error(
			`englandAgeProfile: England's caseload and new plans are needed for two flow years up to ${lastFlowYear}`
		);
	}
	const fit = fitProfile(caseload, newPlans, stepYears);
	const stockShares = Array.from(fit.stockShares);
	const recent = stepYears.slice(-RECENT_FLOW_YEARS);
	let residual = 0;
	let predicted = 0;
	let ageOuts = 0;
	for (const y of recent) {
		const now = caseload.get(y)!;
		residual += sumBands(now) + sumBands(newPlans.get(y)) - sumBands(caseload.get(y + 1));
		for (const b of AGE_BANDS) predicted += (now.get(b.id) ?? 0) * (fit.rates.get(b.id) ?? 0);
		// Age-outs at 25: the 20–25s held at age 25.
		ageOuts += (now.get('age_20_25') ?? 0) * stockShares[25];
	}
	const level = predicted > 0 ? Math.max(0, residual - ageOuts) / predicted : 1;
	return {
		leaverRates: new Map(
			AGE_BANDS.map((b) => [b.id, Math.min(0.95, Math.max(0, (fit.rates.get(b.id) ?? 0) * level))])
		),
		joinerShares: Array.from(fit.joinerShares),
		stockShares
	};
}

/**
 * Pools an authority's new-plan rate, mix and leaver rates with England's (see the module notes).
 * `laCode` leaves the authority itself out of nothing: the weight is a property of the panel, and
 * one authority in 150 barely moves it.
 *
 * @param history the authority's history
 * @param ref the England reference
 * @param lastFlowYear the last calendar year of flows estimation may read
 * @param fitProfile fits leaver rates and within-band spreads to a band history (age-profile.ts)
 * @example poolWithEngland(history, reference, 2020, fit).joinerRate.value // 0.148
 */
export function poolWithEngland(
	history: AuthorityHistory,
	ref: Sen2Reference,
	lastFlowYear: number,
	fitProfile: ProfileFit
): PooledEstimates {
	const years: number[] = [];
	for (let y = lastFlowYear - RECENT_FLOW_YEARS + 1; y <= lastFlowYear; y++) years.push(y);
	// England's side: the same years when the reference has them; when it ends earlier (SEN2
	// files newer than the reference shipped), its latest years, and a warning.
	const covered = (y: number) =>
		englandByBand(ref, 'newPlans', y) !== null &&
		englandByBand(ref, 'caseload', y) !== null &&
		englandByBand(ref, 'caseload', y + 1) !== null;
	let refYears = years;
	let warning: string | null = null;
	if (!years.every(covered)) {
		const latest: number[] = [];
		for (let y = Math.min(lastFlowYear, ref.lastFlowYear); y >= ref.firstYear; y--) {
			if (!covered(y)) continue;
			latest.unshift(y);
			if (latest.length === RECENT_FLOW_YEARS) break;
		}
		if (latest.length === RECENT_FLOW_YEARS) {
			refYears = latest;
			warning = `The England reference ends with the flows of ${ref.lastFlowYear}: England's rates of ${refYears.join(' and ')} are used with this authority's own of ${years.join(' and ')}. Regenerate it from newer SEN2 files (scripts/sen2-reference.ts) to pool with England's latest years.`;
		}
	}

	// New plans per plan held: the authority's, England's, and the panel's weight.
	let ownJ = 0;
	let ownT = 0;
	for (const y of years) {
		const j = sumBands(history.newPlans.get(y));
		const t = history.total(y);
		if (Number.isFinite(j) && Number.isFinite(t) && t > 0) {
			ownJ += j;
			ownT += t;
		}
	}
	let engJ = 0;
	let engT = 0;
	for (const y of refYears) {
		engJ += sumBands(englandByBand(ref, 'newPlans', y));
		engT += sumBands(englandByBand(ref, 'caseload', y));
	}
	if (!(engT > 0) || !Number.isFinite(engJ)) {
		throw new Error(
			`poolWithEngland: the reference has no England caseload and new plans for ${years.join(' and ')}`
		);
	}
	const england = engJ / engT;
	const rates = (f: (a: Sen2Reference['authorities'][number], y: number) => number) =>
		ref.authorities.map((a) => refYears.map((y) => f(a, y)));
	const joinerWeight = shrinkageWeight(
		rates((a, y) => {
			const t = seriesValue(ref, a.caseload, y);
			return t > 0 ? seriesValue(ref, a.newPlans, y) / t : NaN;
		})
	);
	const own = ownT > 0 ? ownJ / ownT : NaN;
	const value = shrinkTowards(own, england, joinerWeight.weight);

	// Mix of new plans by band.
	const ownMix = new Map<AgeBandId, number>();
	const engMix = new Map<AgeBandId, number>();
	for (const y of years) {
		const o = history.newPlans.get(y);
		for (const b of AGE_BANDS) ownMix.set(b.id, (ownMix.get(b.id) ?? 0) + (o?.get(b.id) ?? 0));
	}
	for (const y of refYears) {
		const e = englandByBand(ref, 'newPlans', y);
		for (const b of AGE_BANDS) engMix.set(b.id, (engMix.get(b.id) ?? 0) + (e?.get(b.id) ?? 0));
	}
	const ownSum = [...ownMix.values()].reduce((a, b) => a + b, 0);
	const engSum = [...engMix.values()].reduce((a, b) => a + b, 0);
	const joinerMix = new Map<AgeBandId, number>(
		AGE_BANDS.map((b) => [
			b.id,
			shrinkTowards(
				ownSum > 0 ? (ownMix.get(b.id) ?? 0) / ownSum : NaN,
				(engMix.get(b.id) ?? 0) / engSum,
				joinerWeight.weight
			)
		])
	);

	// Ceased plans: the residual leaver rate (caseload + new plans − next caseload, over the
	// caseload), the authority's shrunk towards England's; England's age profile spreads it.
	const residual = (t: number, j: number, next: number) => (t > 0 ? (t + j - next) / t : NaN);
	let ownL = 0;
	let ownLT = 0;
	let engL = 0;
	let engLT = 0;
	for (const y of years) {
		const t = history.total(y);
		const next = history.total(y + 1);
		const j = sumBands(history.newPlans.get(y));
		if ([t, next, j].every(Number.isFinite) && t > 0) {
			ownL += t + j - next;
			ownLT += t;
		}
	}
	for (const y of refYears) {
		const et = sumBands(englandByBand(ref, 'caseload', y));
		engL +=
			et +
			sumBands(englandByBand(ref, 'newPlans', y)) -
			sumBands(englandByBand(ref, 'caseload', y + 1));
		engLT += et;
	}
	if (!(engLT > 0) || !Number.isFinite(engL)) {
		throw new Error(
			`poolWithEngland: the reference has no England caseload for the Januaries after ${years.join(' and ')}`
		);
	}
	const leaverWeight = shrinkageWeight(
		rates((a, y) =>
			residual(
				seriesValue(ref, a.caseload, y),
				seriesValue(ref, a.newPlans, y),
				seriesValue(ref, a.caseload, y + 1)
			)
		)
	);
	const ownLeaver = ownLT > 0 ? ownL / ownLT : NaN;
	const englandLeaver = engL / engLT;
	const leaverRate = {
		own: ownLeaver,
		england: englandLeaver,
		weight: leaverWeight,
		value: Math.max(0, shrinkTowards(ownLeaver, englandLeaver, leaverWeight.weight))
	};
	const profile = englandAgeProfile(ref, refYears[refYears.length - 1], fitProfile);
	return {
		years,
		englandYears: refYears,
		warning,
		joinerRate: { own, england, weight: joinerWeight, value },
		joinerMix,
		leaverRate,
		leaverProfile: profile.leaverRates,
		ageShares: { joiners: profile.joinerShares, held: profile.stockShares }
	};
}
