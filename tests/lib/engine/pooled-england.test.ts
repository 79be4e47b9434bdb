import { describe, expect, it } from 'vitest';
import type { AgeBandId } from '$lib/model/categories';
import { AGE_BAND_IDS } from '$lib/model/categories';
import { englandAgeProfile, poolWithEngland } from '$lib/engine/pooled-england';
import { AGE_BANDS } from '$lib/model/categories';
import { checkReference, type Sen2Reference } from '$lib/engine/reference';

/**
 * Three authorities over January 2018–2020 and their flows of 2018 and 2019; England is their sum.
 * Hand-computed (see each expectation): new plans per plan held, residual leaving, the empirical
 * Bayes weights of both panels, and the profile level.
 */
const reference: Sen2Reference = checkReference({
	format: 'send-workbench/sen2-reference',
	version: 1,
	source: 'fixture',
	files: [],
	bands: AGE_BAND_IDS,
	firstYear: 2018,
	lastCensus: 2020,
	lastFlowYear: 2019,
	england: {
		caseload: [
			[60, 240, 180, 90, 30],
			[64, 256, 192, 96, 32],
			[68, 272, 204, 102, 34]
		],
		newPlans: [[20, 35, 20, 5, 5], [22, 38, 22, 6, 5], null]
	},
	authorities: [
		{ name: 'A', laCode: '1', code: 'E1', caseload: [100, 110, 120], newPlans: [15, 16, null] },
		{ name: 'B', laCode: '2', code: 'E2', caseload: [200, 210, 230], newPlans: [40, 44, null] },
		{ name: 'C', laCode: '3', code: 'E3', caseload: [300, 320, 330], newPlans: [30, 33, null] }
	]
});

const bands = (counts: number[]) => new Map(AGE_BAND_IDS.map((b, i) => [b, counts[i]]));
const authorityA = {
	caseload: new Map([
		[2018, bands([10, 40, 30, 15, 5])],
		[2019, bands([11, 44, 33, 16, 6])],
		[2020, bands([12, 48, 36, 18, 6])]
	]),
	newPlans: new Map([
		[2018, bands([3, 6, 4, 1, 1])],
		[2019, bands([3, 7, 4, 1, 1])]
	]),
	total: (y: number) => ({ 2018: 100, 2019: 110, 2020: 120 })[y] ?? NaN
};
/** Each single year of age (0 … 25) an even share of its band. */
const even = Array.from({ length: 26 }, (_, a) => {
	const band = AGE_BANDS.find((b) => a >= b.minAge && a <= b.maxAge)!;
	return 1 / (band.maxAge - band.minAge + 1);
});
/** A flat age profile of leaving (10% in every band), evenly spread within bands, stands in for the band fit. */
const flatProfile = () => ({
	rates: new Map<AgeBandId, number>(AGE_BAND_IDS.map((b) => [b, 0.1])),
	joinerShares: even,
	stockShares: even
});

describe('poolWithEngland', () => {
	const pooled = poolWithEngland(authorityA, reference, 2019, flatProfile);

	it('pools the last two flow years', () => {
		expect(pooled.years).toEqual([2018, 2019]);
	});

	it('shrinks new plans per plan held towards England’s by the panel’s weight', () => {
		// Own (15 + 16) / (100 + 110); England (85 + 93) / (600 + 640).
		expect(pooled.joinerRate.own).toBeCloseTo(31 / 210, 12);
		expect(pooled.joinerRate.england).toBeCloseTo(178 / 1240, 12);
		// Panel 0.15, 0.14545; 0.2, 0.20952; 0.1, 0.103125: authorities differ far more than
		// they vary, so nearly all of the own rate is kept.
		expect(pooled.joinerRate.weight.weight).toBeCloseTo(0.996222782, 8);
		expect(pooled.joinerRate.value).toBeCloseTo(0.1476036718, 8);
	});

	it('shrinks the residual leaver rate towards England’s by its own panel’s weight', () => {
		// Own (100 + 15 − 110 + 110 + 16 − 120) / 210; England (45 + 53) / 1240.
		expect(pooled.leaverRate.own).toBeCloseTo(11 / 210, 12);
		expect(pooled.leaverRate.england).toBeCloseTo(98 / 1240, 12);
		expect(pooled.leaverRate.weight.weight).toBeCloseTo(0.8905365185, 8);
		expect(pooled.leaverRate.value).toBeCloseTo(0.0552982971, 8);
	});

	it('splits new plans over age bands by the own mix shrunk towards England’s', () => {
		const mix = AGE_BAND_IDS.map((b) => pooled.joinerMix.get(b)!);
		[0.1937085663, 0.4193199279, 0.2579810039, 0.0645058611, 0.0644846408].forEach((m, i) =>
			expect(mix[i]).toBeCloseTo(m, 8)
		);
		expect(mix.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
	});

	it('levels England’s age profile of leaving to England’s residual leavers, age-outs apart', () => {
		// (98 − (30 + 32) / 6) / (0.1 × (600 + 640)) = 0.70699 × 10% in every band.
		for (const b of AGE_BAND_IDS) expect(pooled.leaverProfile.get(b)).toBeCloseTo(0.0706989247, 8);
	});

	it('reads no census after the one that ends the last flow year, and no later flows', () => {
		const later = structuredClone(reference) as Sen2Reference;
		later.lastCensus = 2021;
		later.lastFlowYear = 2020;
		later.england.caseload.push([900, 900, 900, 900, 900]);
		later.england.newPlans[2] = [500, 500, 500, 500, 500];
		for (const a of later.authorities) {
			a.caseload.push(5000);
			a.newPlans[2] = 4000;
		}
		expect(poolWithEngland(authorityA, later, 2019, flatProfile)).toEqual(pooled);
	});

	it('pools with England’s latest years, and says so, when the authority’s files are newer than the reference', () => {
		const newer = {
			...authorityA,
			caseload: new Map([...authorityA.caseload, [2021, bands([13, 52, 39, 19, 7])]]),
			newPlans: new Map([...authorityA.newPlans, [2020, bands([4, 8, 5, 1, 1])]]),
			total: (y: number) => ({ 2018: 100, 2019: 110, 2020: 120, 2021: 130 })[y] ?? NaN
		};
		const p = poolWithEngland(newer, reference, 2020, flatProfile);
		expect(p.years).toEqual([2019, 2020]);
		expect(p.englandYears).toEqual([2018, 2019]);
		expect(p.warning).toMatch(
			/^The England reference ends with the flows of 2019: England's rates of 2018 and 2019 are used/
		);
		expect(p.joinerRate.england).toBeCloseTo(178 / 1240, 12);
		// Own: (16 + 19) / (110 + 120).
		expect(p.joinerRate.own).toBeCloseTo(35 / 230, 12);
	});

	it('says which years the reference lacks', () => {
		expect(() => poolWithEngland(authorityA, reference, 2012, flatProfile)).toThrow(
			/^poolWithEngland: the reference has no England caseload and new plans for 2011 and 2012/
		);
	});
});

describe('englandAgeProfile', () => {
	it('needs England’s caseload and new plans for two flow years', () => {
		expect(() => englandAgeProfile(reference, 2018, flatProfile)).toThrow(
			/^englandAgeProfile: England's caseload and new plans are needed for two flow years up to 2018/
		);
	});

	it('levels leaving with the age-outs at 25 that its spread of the 20–25s implies', () => {
		// Half the 20–25s held at age 25: age-outs (30 + 32) / 2, so (98 − 31) / 124 ≈ 0.5403 × 10%.
		const late = even.map((s, a) => (a >= 20 ? (a === 25 ? 0.5 : 0.1) : s));
		const profile = englandAgeProfile(reference, 2019, () => ({
			...flatProfile(),
			stockShares: late
		}));
		for (const b of AGE_BAND_IDS) expect(profile.leaverRates.get(b)).toBeCloseTo(0.0540322581, 8);
		expect(profile.stockShares[25]).toBe(0.5);
	});

	it('hands the fit’s spreads of new plans and plans held to pooling', () => {
		const pooled = poolWithEngland(authorityA, reference, 2019, flatProfile);
		expect(pooled.ageShares.joiners).toEqual(even);
		expect(pooled.ageShares.held).toEqual(even);
	});
});
