/**
 * Fixed vocabularies: DSG management plan age bands and placement categories (docs/model.md §1, §6).
 * Ids are lower-case slugs, used as-is in metric names (`ehcp_by_age_band:age_5_10`).
 */

/** Age is age at 31 August before the school year; NCY = age − 4 (reception = NCY 0). */
export const NCY_OFFSET = 4;
export const MIN_AGE = 0;
/** Plans run to age 25. */
export const MAX_AGE = 25;
export const MIN_NCY = MIN_AGE - NCY_OFFSET;
export const MAX_NCY = MAX_AGE - NCY_OFFSET;

export const ageOfNcy = (ncy: number) => ncy + NCY_OFFSET;
export const ncyOfAge = (age: number) => age - NCY_OFFSET;

export interface AgeBand {
	id: AgeBandId;
	label: string;
	minAge: number;
	maxAge: number;
}

/** The age bands, written once: `AgeBandId` and `AGE_BAND_IDS` (the schema's picklist) derive from it. */
export const AGE_BANDS = [
	{ id: 'age_under_5', label: 'Under 5', minAge: 0, maxAge: 4 },
	{ id: 'age_5_10', label: '5–10', minAge: 5, maxAge: 10 },
	{ id: 'age_11_15', label: '11–15', minAge: 11, maxAge: 15 },
	{ id: 'age_16_19', label: '16–19', minAge: 16, maxAge: 19 },
	{ id: 'age_20_25', label: '20–25', minAge: 20, maxAge: 25 }
] as const satisfies readonly { id: string; label: string; minAge: number; maxAge: number }[];

export type AgeBandId = (typeof AGE_BANDS)[number]['id'];

export const AGE_BAND_IDS: AgeBandId[] = AGE_BANDS.map((b) => b.id);

/** The age band of an NCY (age at 31 August = NCY + 4). */
export function ageBandOfNcy(ncy: number): AgeBandId {
	const age = ageOfNcy(ncy);
	const band = AGE_BANDS.find((b) => age >= b.minAge && age <= b.maxAge);
	if (!band) throw new Error(`ageBandOfNcy: NCY ${ncy} (age ${age}) is outside ages 0–25`);
	return band.id;
}

/** NCYs of an age band, youngest first. */
export function ncysOfAgeBand(id: AgeBandId): number[] {
	const band = AGE_BANDS.find((b) => b.id === id);
	if (!band) throw new Error(`ncysOfAgeBand: unknown age band "${id}"`);
	const out: number[] = [];
	for (let a = band.minAge; a <= band.maxAge; a++) out.push(ncyOfAge(a));
	return out;
}

/** The seven placement categories of the DSG management plan template. */
export interface DsgCategory {
	id: DsgCategoryId;
	label: string;
}

/** Written once: `DsgCategoryId` and `DSG_CATEGORY_IDS` (the schema's picklist) derive from it. */
export const DSG_CATEGORIES = [
	{ id: 'mainstream', label: 'Mainstream schools or academies' },
	{ id: 'resourced_provision', label: 'Resourced provision or SEN units' },
	{ id: 'maintained_special', label: 'Maintained special schools or special academies' },
	{ id: 'independent_special', label: 'NMSS or independent schools' },
	{ id: 'alternative_provision', label: 'Hospital schools or alternative provision' },
	{ id: 'post_16_fe', label: 'Post-16 and further education' },
	{ id: 'other', label: 'Other (NEET, educated elsewhere, early years, direct payments)' }
] as const satisfies readonly { id: string; label: string }[];

export type DsgCategoryId = (typeof DSG_CATEGORIES)[number]['id'];

export const DSG_CATEGORY_IDS: DsgCategoryId[] = DSG_CATEGORIES.map((c) => c.id);

/** A lower-case slug as used in ids and metric names. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/** Turns a label into a slug: "Independent special" → "independent_special". */
export function slugify(label: string): string {
	return (
		label
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '') || 'item'
	);
}
