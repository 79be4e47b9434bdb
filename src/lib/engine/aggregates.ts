/**
 * Estimation from aggregates (docs/model.md §2 "From aggregates"): caseload by age band × setting,
 * new plans by age band, ceased plans — what SEN2 publishes and what the default dataset has.
 *
 * - Base caseload: an age band × setting table filled from the two margins by iterative
 *   proportional fitting (settings closed to a band are structural zeros), rounded to whole
 *   children keeping both margins, and spread evenly over the NCYs of each band.
 * - Leavers: a rate per age band, fitted to the caseload history by one-step-ahead cohort
 *   projection of the band totals (least squares), never below the rate of ceased plans that
 *   were returned. Pseudo-counts = the caseload behind the fit, so uncertainty shrinks with data.
 * - Joiners: new plans by age band (pooled mean count, or a trend), spread evenly over the band's
 *   NCYs, placed by the setting mix of new plans (or of the caseload) with gamma-Poisson noise.
 * - Movers: at phase transfer (NCY −1→0, 6→7, 11→12, 13→14) the fewest moves that turn each
 *   cohort's setting mix into the mix of the NCY above it at the base census; children whose
 *   setting ends move by that mix too.
 */
import type { AgeBandId } from '../model/categories';
import { AGE_BANDS, ageBandOfNcy, ageOfNcy, ncysOfAgeBand } from '../model/categories';
import type { BandCount, Dataset, EstimatorId, SettingCount, YearCount } from '../model/dataset';
import { ESTIMATOR_IDS } from '../model/dataset';
import type { DemandModel, JoinerTemplate, TrendMultipliers } from './demand';
import type { Destinations } from './params';
import type { StateSpace } from './space';
import { stateIndex, statesAt } from './space';
import {
	IpfNotConvergedError,
	controlledRound,
	ipf,
	largestRemainder,
	nearestReachableTable
} from './rounding';
import { pooledMean, trendMultipliers, type YearValue } from './trend';
import { fitBandModel } from './age-profile';
import { poolWithEngland, type PooledEstimates, type ProfileFit } from './pooled-england';
import type { Sen2Reference } from './reference';
import type { StepParams } from './params';
import { scaleBetas, solveLeaverScale } from './params';
import { createScratch, createStepFlows, stepPopulation, total } from './population';
import { expectedSampler } from './sampler';
import { POOLED_UNCERTAINTY } from './uncertainty';

/** NCYs before ageing at which children change phase (nursery→reception, primary→secondary…). */
export const PHASE_TRANSFER_NCYS: readonly number[] = [-1, 6, 11, 13];

export interface AggregateOptions {
	/** Census to project from; defaults to the dataset's base census. */
	baseCensus?: number;
	/** Last calendar year of flows to use; defaults to the dataset's setting (or base − 1). */
	lastFlowYear?: number;
	/** Number of census steps to project. */
	steps: number;
	/**
	 * The England reference to pool with (decision 0019); without it the `england` estimator
	 * falls back to the pooled mean and leaver rates are the authority's own.
	 */
	reference?: Sen2Reference | null;
}

type BandTable = Map<number, Map<AgeBandId, number>>;

function byYearBand(rows: readonly BandCount[]): BandTable {
	const out: BandTable = new Map();
	for (const r of rows) {
		if (!out.has(r.year)) out.set(r.year, new Map());
		const m = out.get(r.year)!;
		m.set(r.band, (m.get(r.band) ?? 0) + r.count.value);
	}
	return out;
}

function byYearSetting(rows: readonly SettingCount[]): Map<number, Map<string, number>> {
	const out = new Map<number, Map<string, number>>();
	for (const r of rows) {
		if (!out.has(r.year)) out.set(r.year, new Map());
		const m = out.get(r.year)!;
		m.set(r.setting, (m.get(r.setting) ?? 0) + r.count.value);
	}
	return out;
}

function byYear(rows: readonly YearCount[]): Map<number, number> {
	const out = new Map<number, number>();
	for (const r of rows) out.set(r.year, (out.get(r.year) ?? 0) + r.count.value);
	return out;
}

const bandTotal = (m: Map<AgeBandId, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** The NCYs of a band that a setting takes (for need index `need`). */
function openNcys(space: StateSpace, band: AgeBandId, setting: number, need = 0): number[] {
	return ncysOfAgeBand(band).filter((y) => stateIndex(space, y, need, setting) >= 0);
}

/**
 * Whole children per state at a census, from caseload by age band and by setting (docs/model.md §2,
 * decision 0003): IPF of the band × setting table with structural zeros, controlled
 * rounding that keeps both margins, then an even spread over each band's NCYs (earlier NCYs take
 * the odd child). Settings' totals come from the nearest census that has them. When the bands need
 * more places in some settings than the setting totals give, the setting totals are moved to the
 * nearest reachable ones and `notes` says how.
 * @example deriveBaseCaseload(space, bands, settings) // Float64Array of whole children by state
 */
export function deriveBaseCaseload(
	space: StateSpace,
	bandTotals: ReadonlyMap<AgeBandId, number>,
	settingTotals: ReadonlyMap<string, number>,
	notes: string[] = []
): Float64Array {
	const bands = AGE_BANDS.map((b) => b.id);
	const rowTargets = bands.map((b) => bandTotals.get(b) ?? 0);
	const total = rowTargets.reduce((a, b) => a + b, 0);
	const settingIds = space.settings.map((s) => s.id);
	const rawCols = settingIds.map((id) => settingTotals.get(id) ?? 0);
	const rawTotal = rawCols.reduce((a, b) => a + b, 0);
	if (rawTotal <= 0) throw new Error('deriveBaseCaseload: the setting totals add up to 0');
	// Scale the setting margin to the band margin's total, keeping whole children.
	const colTargets = rawTotal === total ? rawCols : largestRemainder(rawCols, Math.round(total));
	const seedTable = bands.map((b) => settingIds.map((_, s) => openNcys(space, b, s).length));
	let whole: number[][];
	try {
		whole = controlledRound(ipf(seedTable, rowTargets, colTargets));
	} catch (e) {
		if (!(e instanceof IpfNotConvergedError)) throw e;
		// The age bands need more places in some settings than the placement counts give (the
		// two come from different returns): keep the bands, move the fewest placements.
		whole = nearestReachableTable(seedTable, rowTargets, colTargets);
		const moved = settingIds
			.map((id, s) => ({ id, from: colTargets[s], to: whole.reduce((a, r) => a + r[s], 0) }))
			.filter((c) => c.from !== c.to)
			.map((c) => `${c.id} ${c.from} → ${c.to}`)
			.join(', ');
		notes.push(
			`The placement counts cannot hold the age bands (some ages fit only some placements, e.g. 20–25-year-olds only further education and other): placements adjusted to the bands: ${moved}.`
		);
	}
	const out = new Float64Array(space.size);
	bands.forEach((band, bi) => {
		settingIds.forEach((_, s) => {
			const count = whole[bi][s];
			if (count <= 0) return;
			const ncys = openNcys(space, band, s);
			const spread = largestRemainder(
				ncys.map(() => 1),
				count
			);
			ncys.forEach((y, k) => {
				out[stateIndex(space, y, 0, s)] += spread[k];
			});
		});
	});
	return out;
}

/** Setting totals at `census`, or scaled from the nearest census that has them. */
function settingTotalsNear(
	bySetting: Map<number, Map<string, number>>,
	census: number,
	total: number
): Map<string, number> {
	const years = [...bySetting.keys()].sort(
		(a, b) => Math.abs(a - census) - Math.abs(b - census) || b - a
	);
	if (years.length === 0)
		throw new Error('estimateFromAggregates: no caseload by setting in the history');
	const m = bySetting.get(years[0])!;
	if (years[0] === census) return m;
	const ids = [...m.keys()];
	const shares = largestRemainder(
		ids.map((id) => m.get(id)!),
		Math.round(total)
	);
	return new Map(ids.map((id, i) => [id, shares[i]]));
}

/**
 * Leaver rate per age band fitted to the history (see the file's docblock). Years are the
 * calendar years y with caseload at y and y+1 and new plans in y. Returns rates and the caseload
 * exposure behind each.
 */
export function fitLeaverRates(
	caseload: BandTable,
	newPlans: BandTable,
	years: readonly number[],
	floor: number
): { rates: Map<AgeBandId, number>; exposure: Map<AgeBandId, number> } {
	const { rates, exposure } = fitBandModel(caseload, newPlans, years, { floor, withinBand: false });
	return { rates, exposure };
}

/**
 * England's age profile: the band fit with no floor and the within-band spread fitted (one
 * function, so it is cached).
 */
const fitProfile: ProfileFit = (caseload, newPlans, years) =>
	fitBandModel(caseload, newPlans, years, { floor: 0, withinBand: true });

/**
 * `base` with each band × setting × need total re-spread over the band's NCYs that setting takes,
 * by `shares` (of each single year of age in its band), whole children by largest remainder.
 * Replaces the even spread of a base caseload derived from band totals (decision 0032).
 */
function respreadWithinBands(
	space: StateSpace,
	base: Float64Array,
	shares: readonly number[]
): Float64Array {
	const out = Float64Array.from(base);
	for (let need = 0; need < space.needs.length; need++) {
		for (let setting = 0; setting < space.settings.length; setting++) {
			for (const band of AGE_BANDS) {
				const states = ncysOfAgeBand(band.id)
					.map((y) => ({ y, i: stateIndex(space, y, need, setting) }))
					.filter((c) => c.i >= 0);
				if (states.length === 0) continue;
				const count = states.reduce((a, c) => a + base[c.i], 0);
				const weights = states.map((c) => shares[ageOfNcy(c.y)] ?? 0);
				const sum = weights.reduce((a, b) => a + b, 0);
				if (count <= 0 || !(sum > 0)) continue;
				const spread = Number.isInteger(count)
					? largestRemainder(weights, count)
					: weights.map((w) => (w / sum) * count);
				states.forEach((c, k) => (out[c.i] = spread[k]));
			}
		}
	}
	return out;
}

/** Share of NCY `y` among `ncys` (its band's NCYs in the space) by shares of single years of age. */
function withinBandShare(shares: readonly number[], y: number, ncys: readonly number[]): number {
	const sum = ncys.reduce((a, n) => a + (shares[ageOfNcy(n)] ?? 0), 0);
	return sum > 0 ? (shares[ageOfNcy(y)] ?? 0) / sum : 1 / ncys.length;
}

/** "age 0 1%, age 1 2%, …" for one band's shares. */
function shareText(shares: readonly number[], band: (typeof AGE_BANDS)[number]): string {
	const parts: string[] = [];
	for (let a = band.minAge; a <= band.maxAge; a++)
		parts.push(`age ${a} ${Math.round((shares[a] ?? 0) * 100)}%`);
	return parts.join(', ');
}

/** Dirichlet destinations: weights + a uniform prior of total mass 1 over the candidates. */
function destinations(to: number[], weights: number[]): Destinations | null {
	if (to.length === 0) return null;
	const prior = 1 / to.length;
	return {
		to: Int32Array.from(to),
		alpha: Float64Array.from(weights.map((w) => Math.max(0, w) + prior))
	};
}

/** Settings (as state indices at `ncy`) a mover from setting `s` may go to, own setting excluded. */
function moverTargets(space: StateSpace, s: number, ncy: number, need: number): number[] {
	const def = space.settings[s];
	const allowed = def.destinations === null ? null : new Set(def.destinations);
	const out: number[] = [];
	for (let k = 0; k < space.settings.length; k++) {
		if (k === s) continue;
		if (allowed && !allowed.has(space.settings[k].id)) continue;
		const i = stateIndex(space, ncy, need, k);
		if (i >= 0) out.push(i);
	}
	return out;
}

/**
 * Estimates the demand model from a dataset's aggregate history.
 * @example const model = estimateFromAggregates(dataset, space, { steps: 5 });
 */
export function estimateFromAggregates(
	dataset: Dataset,
	space: StateSpace,
	options: AggregateOptions
): DemandModel {
	const baseCensus = options.baseCensus ?? dataset.baseCensus;
	const lastFlowYear = Math.min(
		options.lastFlowYear ?? dataset.estimation.lastFlowYear ?? baseCensus - 1,
		baseCensus - 1
	);
	const firstFlowYear = dataset.estimation.firstFlowYear ?? -Infinity;
	const notes: string[] = [];
	const warnings: string[] = [];
	const h = dataset.history;
	const caseload = byYearBand(h.caseloadByAgeBand);
	const newPlans = byYearBand(h.newPlansByAgeBand);
	const bySetting = byYearSetting(h.caseloadBySetting);

	// Base caseload.
	let base: Float64Array;
	// A base caseload derived from band totals has NCYs only by assumption (an even spread);
	// pooling with England re-spreads it by England's ages within bands (below).
	let baseFromBands = true;
	if (baseCensus === dataset.baseCensus && dataset.baseCaseload.length > 0) {
		baseFromBands = dataset.baseCaseload.every((cell) => cell.count.source.kind === 'derived');
		base = new Float64Array(space.size);
		for (const cell of dataset.baseCaseload) {
			const i = stateIndex(
				space,
				cell.ncy,
				space.needIndex.get(cell.need) ?? -1,
				space.settingIndex.get(cell.setting) ?? -1
			);
			if (i < 0)
				throw new Error(
					`estimateFromAggregates: base caseload cell NCY ${cell.ncy}, setting ${cell.setting} is not a valid state`
				);
			base[i] += cell.count.value;
		}
		notes.push(`Base caseload: the dataset's January ${baseCensus} caseload by NCY and setting.`);
	} else {
		const bands = caseload.get(baseCensus);
		if (!bands)
			throw new Error(`estimateFromAggregates: no caseload by age band for January ${baseCensus}`);
		base = deriveBaseCaseload(
			space,
			bands,
			settingTotalsNear(bySetting, baseCensus, bandTotal(bands)),
			warnings
		);
		notes.push(
			`Base caseload: January ${baseCensus} caseload by age band and setting, filled by iterative proportional fitting and spread evenly over each band's NCYs.`
		);
	}

	// Years of flows usable for estimation: flows of year y need caseload at y and y+1.
	const flowYears = [...newPlans.keys()]
		.filter((y) => y >= firstFlowYear && y <= lastFlowYear)
		.sort((a, b) => a - b);
	if (flowYears.length === 0) {
		throw new Error(
			`estimateFromAggregates: no new plans by age band up to ${lastFlowYear}; at least one year is needed`
		);
	}
	const stepYears = flowYears.filter((y) => caseload.has(y) && caseload.has(y + 1));

	// Leavers.
	const totals = byYear(h.caseloadTotal);
	const caseTotal = (y: number) =>
		totals.get(y) ?? (caseload.has(y) ? bandTotal(caseload.get(y)!) : NaN);
	const ceased = byYear(h.ceasedPlans);
	const ceasedYears = [...ceased.keys()].filter((y) => stepYears.includes(y));
	const floor =
		ceasedYears.length > 0
			? ceasedYears.reduce((a, y) => a + ceased.get(y)!, 0) /
				ceasedYears.reduce((a, y) => a + caseTotal(y), 0)
			: 0;
	let leaverRates: Map<AgeBandId, number>;
	let exposure: Map<AgeBandId, number>;
	if (options.reference) {
		// Pooled with England (below): England's profile replaces the authority's own fit, which
		// is not needed; the caseload behind the rates still sets their pseudo-counts.
		leaverRates = new Map(AGE_BANDS.map((b) => [b.id, 0]));
		exposure = new Map(
			AGE_BANDS.map((b) => [
				b.id,
				stepYears.reduce((a, y) => a + (caseload.get(y)?.get(b.id) ?? 0), 0) ||
					(caseload.get(baseCensus)?.get(b.id) ?? 10)
			])
		);
	} else if (stepYears.length >= 2) {
		({ rates: leaverRates, exposure } = fitLeaverRates(caseload, newPlans, stepYears, floor));
		// The band fit gives the age profile of leaving; its level is set by the totals, so that
		// over the history the expected leavers (age-outs at 25 included) equal the residual
		// leavers caseload + new plans − next caseload. The band totals alone overstate leaving,
		// because an even spread within bands overstates ageing from 16–19 into 20–25.
		const residualSum = stepYears.reduce(
			(a, y) => a + caseTotal(y) + bandTotal(newPlans.get(y)!) - caseTotal(y + 1),
			0
		);
		let predicted = 0;
		let ageOuts = 0;
		for (const y of stepYears) {
			for (const b of AGE_BANDS)
				predicted += (caseload.get(y)?.get(b.id) ?? 0) * (leaverRates.get(b.id) ?? 0);
			ageOuts += (caseload.get(y)?.get('age_20_25') ?? 0) / 6;
		}
		const level = predicted > 0 ? Math.max(0, residualSum - ageOuts) / predicted : 1;
		for (const b of AGE_BANDS)
			leaverRates.set(b.id, Math.max(floor, Math.min(0.95, (leaverRates.get(b.id) ?? 0) * level)));
		notes.push(
			`Leavers: a rate per age band fitted to the band totals of ${stepYears[0]}–${stepYears[stepYears.length - 1] + 1} (one-step cohort projection, least squares), at least the returned ceased-plan rate ${(floor * 100).toFixed(1)}%: ` +
				AGE_BANDS.map((b) => `${b.label} ${((leaverRates.get(b.id) ?? 0) * 100).toFixed(1)}%`).join(
					', '
				) +
				'.'
		);
	} else {
		const rate = Math.max(floor, 0.05);
		leaverRates = new Map(AGE_BANDS.map((b) => [b.id, rate]));
		exposure = new Map(AGE_BANDS.map((b) => [b.id, caseload.get(baseCensus)?.get(b.id) ?? 10]));
		warnings.push(
			`Too little caseload history to fit leaver rates (fewer than two years): a rate of ${(rate * 100).toFixed(1)}% is assumed for every age band.`
		);
	}
	// Pooling with England: the authority's leaver rates shrunk towards England's, and its rate of
	// new plans per plan held (the `england` trend below).
	let pooled: PooledEstimates | null = null;
	if (options.reference) {
		pooled = poolWithEngland(
			{ caseload, newPlans, total: caseTotal },
			options.reference,
			lastFlowYear,
			fitProfile
		);
		leaverRates = new Map(pooled.leaverProfile);
		if (pooled.warning) warnings.push(pooled.warning);
		if (baseFromBands) {
			base = respreadWithinBands(space, base, pooled.ageShares.held);
			notes.push(
				`Base caseload re-spread within each age band by England's ages within bands (fitted to England's band totals; ${AGE_BANDS[0].label}: ${shareText(pooled.ageShares.held, AGE_BANDS[0])}).`
			);
		}
	}
	const leaverAlpha = new Float64Array(space.size);
	const leaverBeta = new Float64Array(space.size);
	for (let s = 0; s < space.size; s++) {
		const band = ageBandOfNcy(space.ncy[s]);
		const r = leaverRates.get(band) ?? 0;
		const e = Math.max(1, exposure.get(band) ?? 1);
		leaverAlpha[s] = r * e;
		leaverBeta[s] = (1 - r) * e;
	}

	// Movers: phase transfers and settings that end.
	const moverAlpha = new Float64Array(space.size);
	const moverBeta = new Float64Array(space.size);
	const moverDest: (Destinations | null)[] = new Array(space.size).fill(null);
	const transfers = new Set(PHASE_TRANSFER_NCYS);
	let transferMovers = 0;
	for (let need = 0; need < space.needs.length; need++) {
		for (let y = space.minNcy; y < space.maxNcy; y++) {
			const here = statesAt(space, y, need);
			const above = statesAt(space, y + 1, need);
			const origin = here.map((i) => base[i]);
			const O = origin.reduce((a, b) => a + b, 0);
			const aboveTotal = above.reduce((a, i) => a + base[i], 0);
			// Desired counts at y+1 if the cohort took the mix of the NCY above it.
			const desired = new Map<number, number>();
			for (const i of above)
				desired.set(space.setting[i], aboveTotal > 0 ? (base[i] / aboveTotal) * O : 0);
			const stayers = new Map<number, number>();
			here.forEach((i, k) => {
				const s = space.setting[i];
				const canStay = space.agedOn[i] >= 0;
				stayers.set(s, canStay ? Math.min(origin[k], desired.get(s) ?? 0) : 0);
			});
			const deficit = new Map<number, number>();
			for (const [s, d] of desired) deficit.set(s, Math.max(0, d - (stayers.get(s) ?? 0)));
			here.forEach((i, k) => {
				const s = space.setting[i];
				const targets = moverTargets(space, s, y + 1, need);
				if (targets.length === 0) return;
				const isTransfer = transfers.has(y);
				const weights = targets.map((t) =>
					isTransfer ? (deficit.get(space.setting[t]) ?? 0) : base[t]
				);
				moverDest[i] = destinations(targets, weights);
				if (isTransfer && space.agedOn[i] >= 0) {
					const movers = Math.max(0, origin[k] - (stayers.get(s) ?? 0));
					moverAlpha[i] = movers;
					moverBeta[i] = origin[k] - movers;
					transferMovers += movers;
				}
			});
		}
	}
	notes.push(
		`Movers: at phase transfer (NCY ${PHASE_TRANSFER_NCYS.map((y) => `${y}→${y + 1}`).join(', ')}) the fewest moves that give each cohort the setting mix of the NCY above it in January ${baseCensus} (${transferMovers.toFixed(0)} children a year at the base); children whose setting ends move by the mix of the NCY above.`
	);

	if (pooled) {
		// England's profile, levelled to the pooled rate in the first projected year.
		const level = leaverScale(
			space,
			base,
			{ leaverAlpha, leaverBeta, moverAlpha, moverBeta, moverDest },
			pooled.leaverRate.value * total(base)
		);
		scaleBetas(leaverAlpha, leaverBeta, level, leaverAlpha, leaverBeta);
		for (const b of AGE_BANDS)
			leaverRates.set(b.id, Math.min(0.95, (leaverRates.get(b.id) ?? 0) * level));
		const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
		notes.push(
			`Pooled with England (flows of ${pooled.years.join(' and ')}): ${pct(pooled.joinerRate.value)} new plans a year per plan held (own ${Number.isFinite(pooled.joinerRate.own) ? pct(pooled.joinerRate.own) : 'none'}, England ${pct(pooled.joinerRate.england)}, weight ${pooled.joinerRate.weight.weight.toFixed(2)} on the own rate); ${pct(pooled.leaverRate.value)} leaving a year per plan held (own ${Number.isFinite(pooled.leaverRate.own) ? pct(pooled.leaverRate.own) : 'none'}, England ${pct(pooled.leaverRate.england)}, weight ${pooled.leaverRate.weight.weight.toFixed(2)}), spread over age bands by England's profile: ` +
				AGE_BANDS.map((b) => `${b.label} ${pct(leaverRates.get(b.id) ?? 0)}`).join(', ') +
				'.'
		);
	}

	// Joiners.
	const newBySetting = byYearSetting(h.newPlansBySetting);
	const mixYears = [...newBySetting.keys()].filter((y) => y <= lastFlowYear && y >= firstFlowYear);
	const newMix = new Map<string, number>();
	for (const y of mixYears)
		for (const [s, c] of newBySetting.get(y)!) newMix.set(s, (newMix.get(s) ?? 0) + c);
	const bandMeans = new Map<AgeBandId, number>();
	const bandObs = new Map<AgeBandId, number>();
	for (const b of AGE_BANDS) {
		const counts = flowYears.map((y) => newPlans.get(y)?.get(b.id) ?? 0);
		bandObs.set(
			b.id,
			counts.reduce((a, c) => a + c, 0)
		);
		bandMeans.set(b.id, bandObs.get(b.id)! / flowYears.length);
	}
	const joiners: JoinerTemplate[] = [];
	for (let y = space.minNcy; y <= space.maxNcy; y++) {
		const band = ageBandOfNcy(y);
		const bandNcys = ncysOfAgeBand(band).filter(
			(a) => a >= space.minNcy && a <= space.maxNcy && statesAt(space, a, 0).length > 0
		);
		const to: number[] = [];
		const w: number[] = [];
		for (let need = 0; need < space.needs.length; need++) {
			for (const i of statesAt(space, y, need)) {
				to.push(i);
				w.push(
					mixYears.length > 0 ? (newMix.get(space.settings[space.setting[i]].id) ?? 0) : base[i]
				);
			}
		}
		if (to.length === 0) continue;
		// The band's new plans over its NCYs: by England's ages within bands when pooled, else evenly.
		const share = pooled
			? withinBandShare(pooled.ageShares.joiners, y, bandNcys)
			: 1 / bandNcys.length;
		const mean = (bandMeans.get(band) ?? 0) * share;
		const shape = Math.max(1, (bandObs.get(band) ?? 0) * share);
		joiners.push({ ncy: y, kind: 'count', mean, shape, dest: destinations(to, w)! });
	}
	notes.push(
		`Joiners: new plans by age band in ${flowYears[0]}–${flowYears[flowYears.length - 1]} (pooled mean ${AGE_BANDS.map((b) => `${b.label} ${(bandMeans.get(b.id) ?? 0).toFixed(1)}`).join(', ')} a year), spread over each band's NCYs ${pooled ? `by England's ages within bands (${AGE_BANDS[0].label}: ${shareText(pooled.ageShares.joiners, AGE_BANDS[0])})` : 'evenly'}, placed by ${mixYears.length ? `the setting mix of new plans in ${mixYears.join(', ')}` : 'the setting mix of the base caseload'}.`
	);

	// Trends: per band for joiners, overall residual leaver rate for leavers.
	const censuses = Array.from({ length: options.steps }, (_, k) => baseCensus + 1 + k);
	const flowYearOfStep = censuses.map((c) => c - 1);
	const width = space.maxNcy - space.minNcy + 1;
	const residual: YearValue[] = stepYears
		.filter((y) => Number.isFinite(caseTotal(y)) && Number.isFinite(caseTotal(y + 1)))
		.map((y) => {
			const j = bandTotal(newPlans.get(y)!);
			return {
				year: y,
				value: Math.max(0, (caseTotal(y) + j - caseTotal(y + 1)) / caseTotal(y)),
				weight: caseTotal(y)
			};
		});
	const trends = {} as Record<EstimatorId, TrendMultipliers>;
	for (const est of ESTIMATOR_IDS) {
		const joinerBand = new Map<AgeBandId, number[]>();
		for (const b of AGE_BANDS) {
			const pts = flowYears.map((y) => ({ year: y, value: newPlans.get(y)?.get(b.id) ?? 0 }));
			joinerBand.set(b.id, trendMultipliers(pts, est, flowYearOfStep));
		}
		const leaverM =
			residual.length > 0 && pooledMean(residual) > 0
				? trendMultipliers(residual, est, flowYearOfStep)
				: flowYearOfStep.map(() => 1);
		trends[est] = {
			joiners: censuses.map((_, k) => {
				const a = new Float64Array(width);
				for (let y = space.minNcy; y <= space.maxNcy; y++)
					a[y - space.minNcy] = joinerBand.get(ageBandOfNcy(y))![k];
				return a;
			}),
			leavers: censuses.map((_, k) => new Float64Array(width).fill(leaverM[k]))
		};
	}

	if (pooled) {
		trends.england = pooledTrend(
			space,
			{ base, leaverAlpha, leaverBeta, moverAlpha, moverBeta, moverDest, joiners },
			censuses,
			bandMeans,
			pooled
		);
		notes.push(
			`New plans (pooled with England): each year, ${(pooled.joinerRate.value * 100).toFixed(1)} new plans per 100 plans held at the January that starts it, split over age bands ${AGE_BANDS.map((b) => `${b.label} ${((pooled!.joinerMix.get(b.id) ?? 0) * 100).toFixed(0)}%`).join(', ')}.`
		);
		// Ceased plans held at the pooled rate per plan held (decision 0019) whichever trend new
		// plans follow: the pooled estimator of ceased plans is this one.
		trends.pooled = { ...trends.pooled, leavers: trends.england.leavers };
	} else {
		trends.england = trends.pooled;
	}

	return {
		method: 'aggregates',
		space,
		baseCensus,
		base,
		leaverAlpha,
		leaverBeta,
		moverAlpha,
		moverBeta,
		moverDest,
		joiners,
		censuses,
		trends,
		notes,
		warnings,
		pooled,
		uncertainty: pooled ? POOLED_UNCERTAINTY : null
	};
}

/**
 * The scale of leaver probabilities (each Beta's concentration kept) at which one step from
 * `stock` with no joiners has `target` expected leavers, age-outs included. Leavers rise with the
 * scale, so bisection finds it; a target out of reach takes the nearest end.
 */
function leaverScale(
	space: StateSpace,
	stock: Float64Array,
	model: Pick<DemandModel, 'leaverAlpha' | 'leaverBeta' | 'moverAlpha' | 'moverBeta' | 'moverDest'>,
	target: number
): number {
	const flows = createStepFlows(space.size);
	const scratch = createScratch(space);
	const params: StepParams = {
		census: 0,
		leaverAlpha: new Float64Array(space.size),
		leaverBeta: new Float64Array(space.size),
		moverAlpha: model.moverAlpha,
		moverBeta: model.moverBeta,
		moverDest: model.moverDest,
		joiners: [],
		capacity: []
	};
	const leaversAt = (scale: number) => {
		scaleBetas(model.leaverAlpha, model.leaverBeta, scale, params.leaverAlpha, params.leaverBeta);
		stepPopulation(space, params, stock, expectedSampler, flows, scratch);
		return total(flows.leavers);
	};
	return solveLeaverScale(leaversAt, model.leaverAlpha, model.leaverBeta, target, 60, 1e-12);
}

/**
 * The `england` trend along the expected path: each step's new plans are the pooled rate per plan
 * held times the caseload at the January that starts it, split by the pooled mix (bands with no
 * template mean get none; the mix is renormalised), and its leaver probabilities are scaled so
 * that its expected leavers are the pooled leaver rate times that caseload.
 */
function pooledTrend(
	space: StateSpace,
	model: Pick<
		DemandModel,
		'base' | 'leaverAlpha' | 'leaverBeta' | 'moverAlpha' | 'moverBeta' | 'moverDest' | 'joiners'
	>,
	censuses: readonly number[],
	bandMeans: ReadonlyMap<AgeBandId, number>,
	pooled: PooledEstimates
): TrendMultipliers {
	const width = space.maxNcy - space.minNcy + 1;
	let mixTotal = 0;
	for (const b of AGE_BANDS)
		if ((bandMeans.get(b.id) ?? 0) > 0) mixTotal += pooled.joinerMix.get(b.id) ?? 0;
	const flows = createStepFlows(space.size);
	const scratch = createScratch(space);
	const stock = Float64Array.from(model.base);
	const joiners: Float64Array[] = [];
	const leavers: Float64Array[] = [];
	for (const census of censuses) {
		const scale = leaverScale(space, stock, model, pooled.leaverRate.value * total(stock));
		leavers.push(new Float64Array(width).fill(scale));
		const newPlans = pooled.joinerRate.value * total(stock);
		const byBand = new Map<AgeBandId, number>();
		for (const b of AGE_BANDS) {
			const mean = bandMeans.get(b.id) ?? 0;
			const share = mixTotal > 0 ? (pooled.joinerMix.get(b.id) ?? 0) / mixTotal : 0;
			byBand.set(b.id, mean > 0 ? (newPlans * share) / mean : 0);
		}
		const m = new Float64Array(width);
		for (let y = space.minNcy; y <= space.maxNcy; y++)
			m[y - space.minNcy] = byBand.get(ageBandOfNcy(y))!;
		joiners.push(m);
		const leaverAlpha = new Float64Array(space.size);
		const leaverBeta = new Float64Array(space.size);
		scaleBetas(model.leaverAlpha, model.leaverBeta, scale, leaverAlpha, leaverBeta);
		const params: StepParams = {
			census,
			leaverAlpha,
			leaverBeta,
			moverAlpha: model.moverAlpha,
			moverBeta: model.moverBeta,
			moverDest: model.moverDest,
			// Estimation from aggregates makes count templates only.
			joiners: model.joiners.flatMap((t) =>
				t.kind === 'count' ? [{ ...t, mean: t.mean * m[t.ncy - space.minNcy] }] : []
			),
			capacity: []
		};
		stepPopulation(space, params, stock, expectedSampler, flows, scratch);
		stock.set(flows.next);
	}
	return { joiners, leavers };
}
