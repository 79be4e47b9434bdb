import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { deriveBaseCaseload } from '$lib/engine/aggregates';
import { datasetStateSpace } from '$lib/engine/estimate';
import { nearestReachableTable } from '$lib/engine/rounding';
import { AGE_BAND_IDS, ageBandOfNcy, type AgeBandId } from '$lib/model/categories';

describe('deriveBaseCaseload', () => {
	const space = datasetStateSpace(kingstonDataset());
	const bands = (counts: number[]) =>
		new Map<AgeBandId, number>(AGE_BAND_IDS.map((b, i) => [b, counts[i]]));
	const settings = new Map([
		['mainstream', 462],
		['resourced_provision', 157],
		['maintained_special', 354],
		['independent_special', 174],
		['alternative_provision', 9],
		['post_16_fe', 215],
		['other', 65]
	]);
	const sumBy = (base: Float64Array, key: (s: number) => string) => {
		const out = new Map<string, number>();
		for (let s = 0; s < space.size; s++) out.set(key(s), (out.get(key(s)) ?? 0) + base[s]);
		return out;
	};

	it('keeps both margins when they fit together', () => {
		const notes: string[] = [];
		const base = deriveBaseCaseload(space, bands([38, 481, 543, 278, 96]), settings, notes);
		const bySetting = sumBy(base, (s) => space.settings[space.setting[s]].id);
		for (const [id, n] of settings) expect(bySetting.get(id)).toBe(n);
		expect(notes).toEqual([]);
	});

	it('keeps the age bands and moves the fewest placements when the bands need places the placements do not give, and says so', () => {
		// 400 aged 20–25, whom only further education (215) and other (65) take.
		const notes: string[] = [];
		const base = deriveBaseCaseload(space, bands([38, 481, 543, 74, 400]), settings, notes);
		const byBand = sumBy(base, (s) => ageBandOfNcy(space.ncy[s]));
		expect(byBand.get('age_20_25')).toBe(400);
		expect(byBand.get('age_under_5')).toBe(38);
		const bySetting = sumBy(base, (s) => space.settings[space.setting[s]].id);
		expect(bySetting.get('post_16_fe')! + bySetting.get('other')!).toBeGreaterThanOrEqual(400);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatch(/placements adjusted to the bands: .*post_16_fe \d+ → \d+/);
		for (let s = 0; s < space.size; s++) expect(Number.isInteger(base[s])).toBe(true);
	});
});

describe('nearestReachableTable', () => {
	it('keeps the rows and brings the columns as near their targets as the rows allow', () => {
		// Row 0 can only go to column 0, so column 0 needs at least 5.
		expect(
			nearestReachableTable(
				[
					[1, 0],
					[1, 1]
				],
				[5, 5],
				[2, 8]
			)
		).toEqual([
			[5, 0],
			[0, 5]
		]);
	});

	it('meets both margins when they can be met', () => {
		const t = nearestReachableTable(
			[
				[1, 1],
				[1, 1]
			],
			[4, 6],
			[3, 7]
		);
		expect(t.map((r) => r[0] + r[1])).toEqual([4, 6]);
		expect([t[0][0] + t[1][0], t[0][1] + t[1][1]]).toEqual([3, 7]);
	});
});
