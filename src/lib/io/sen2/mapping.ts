/**
 * Which DSG management plan placement category (docs/model.md §6, `categories.ts`) each SEN2
 * placement counts towards. The default follows the DSG template's rows:
 *
 * - mainstream: mainstream LA maintained, academy and free schools (not their units);
 * - resourced_provision: SEN units and resourced provision in mainstream schools;
 * - maintained_special: LA maintained special schools and special academies / free schools;
 * - independent_special: independent and non-maintained special schools, and independent
 *   mainstream schools (placed and paid for like them);
 * - alternative_provision: AP / pupil referral units and hospital schools;
 * - post_16_fe: general FE and tertiary colleges, other FE, sixth form colleges, specialist post-16
 *   institutions, UKRLP providers; and, a choice, the 2015–16 apprenticeship, traineeship,
 *   supported internship and work-based learning rows (filed under "Unknown" by DfE, but post-16
 *   learning);
 * - other: NEET, educated elsewhere (other arrangements by the LA or by parents, elective home
 *   education, permanently excluded, awaiting provision), non-maintained early years, online
 *   providers, other settings and placement unknown.
 *
 * A user may edit it: {@link validateSen2Mapping} checks an edited mapping (every known
 * placement mapped to exactly one known category). Names are matched ignoring case and spacing
 * (DfE writes both "Resourced Provision" and "Resourced provision").
 */
import { DSG_CATEGORY_IDS, type DsgCategoryId } from '../../model/categories';

export interface Sen2Mapping {
	/** 2022 release (`sen2_estab_caseload.csv`): `establishment_type` → category. */
	establishmentTypes: Record<string, DsgCategoryId>;
	/** 2023+ release (`caseload.csv`, `newplans.csv`): placement column → category. */
	placementColumns: Record<string, DsgCategoryId>;
}

export type Sen2MappingSource = keyof Sen2Mapping;

/** One row of a mapping as a table, for editing. */
export interface Sen2MappingEntry {
	source: Sen2MappingSource;
	key: string;
	category: DsgCategoryId;
}

const AWAITING_PROVISION = [
	'Awaiting provision - above compulsory school age and in education',
	'Awaiting provision - above compulsory school age and not in education',
	'Awaiting provision - below compulsory school age and in education',
	'Awaiting provision - below compulsory school age and not in education',
	'Awaiting provision - compulsory school age and in education',
	'Awaiting provision - compulsory school age and not in education'
];

export const DEFAULT_SEN2_MAPPING: Readonly<Sen2Mapping> = Object.freeze({
	establishmentTypes: Object.freeze({
		'Mainstream - LA maintained': 'mainstream',
		'Mainstream - Academy': 'mainstream',
		'Mainstream - Free school': 'mainstream',
		'Mainstream - LA maintained - Resourced provision': 'resourced_provision',
		'Mainstream - LA maintained - SEN unit': 'resourced_provision',
		'Mainstream - Academy - Resourced Provision': 'resourced_provision',
		'Mainstream - Academy - SEN unit': 'resourced_provision',
		'Mainstream - Free school - Resourced provision': 'resourced_provision',
		'Mainstream - Free school - SEN unit': 'resourced_provision',
		'Special - LA maintained': 'maintained_special',
		'Special - Academy': 'maintained_special',
		'Special - Free school': 'maintained_special',
		'Special - Academy/free': 'maintained_special',
		'Special - Independent': 'independent_special',
		'Special - Non-maintained': 'independent_special',
		'Mainstream - Independent': 'independent_special',
		'AP/PRU - LA maintained': 'alternative_provision',
		'AP/PRU - Academy': 'alternative_provision',
		'AP/PRU - Free school': 'alternative_provision',
		'Hospital School': 'alternative_provision',
		'General FE and tertiary colleges/HE': 'post_16_fe',
		'Other FE': 'post_16_fe',
		'Sixth form college': 'post_16_fe',
		'Specialist post-16 institutions': 'post_16_fe',
		'Independent specialist providers': 'post_16_fe',
		Apprenticeship: 'post_16_fe',
		Traineeship: 'post_16_fe',
		'Supported Internship': 'post_16_fe',
		'Work-based learning': 'post_16_fe',
		NEET: 'other',
		'Other arrangements by local authority': 'other',
		'Other arrangements by parents': 'other',
		'Elective home education': 'other',
		'Permanently excluded': 'other',
		'Awaiting provision - total': 'other',
		...Object.fromEntries(AWAITING_PROVISION.map((t) => [t, 'other'])),
		'Non-maintained early years': 'other',
		Other: 'other'
	}) as Record<string, DsgCategoryId>,
	placementColumns: Object.freeze({
		mainstream_la_maintained: 'mainstream',
		mainstream_academy: 'mainstream',
		mainstream_free_school: 'mainstream',
		mainstream_la_maintained_resourced_provision: 'resourced_provision',
		mainstream_la_maintained_senunit: 'resourced_provision',
		mainstream_academy_resourced_provision: 'resourced_provision',
		mainstream_academy_senunit: 'resourced_provision',
		mainstream_free_school_resourced_provision: 'resourced_provision',
		mainstream_free_school_senunit: 'resourced_provision',
		special_la_maintained: 'maintained_special',
		special_academy_free: 'maintained_special',
		special_independent: 'independent_special',
		special_non_maintained: 'independent_special',
		mainstream_independent: 'independent_special',
		ap_pru_academy: 'alternative_provision',
		ap_pru_free_school: 'alternative_provision',
		ap_pru_la_maintained: 'alternative_provision',
		general_fe_tertiary_colleges: 'post_16_fe',
		specialist_post_16_institutions: 'post_16_fe',
		ukrlp_provider: 'post_16_fe',
		elective_home_education: 'other',
		other_arrangements_la: 'other',
		other_arrangements_parents: 'other',
		online_provider: 'other',
		w_settings: 'other',
		other_schools: 'other',
		other_placement_settings: 'other',
		neet: 'other',
		neet_ntci: 'other',
		neet_other: 'other',
		neet_other_csa: 'other',
		nm_early_years: 'other',
		placement_unknown: 'other',
		await_prov_2022: 'other',
		perm_ex_2022: 'other'
	}) as Record<string, DsgCategoryId>
});

/**
 * Placements published both as a whole and in parts. The parts are counted when every part has a
 * number; otherwise the whole (so a year published before the split, or with a part suppressed,
 * still counts once). "Awaiting provision - total" is the only awaiting row to 2018, its parts
 * from 2019; `neet` is split from the 2023+ collection's later years.
 */
export const SEN2_SPLIT_PLACEMENTS: Readonly<Record<Sen2MappingSource, Record<string, string[]>>> =
	{
		establishmentTypes: { 'Awaiting provision - total': AWAITING_PROVISION },
		placementColumns: { neet: ['neet_ntci', 'neet_other', 'neet_other_csa'] }
	};

/**
 * Group subtotals: never mapped (their parts are), so that nothing is counted twice. In the 2022
 * release a subtotal row has establishment_type "Total"; in the 2023+ release these columns, and
 * every `_pc` (percentage) column, are subtotals.
 */
export const SEN2_SUBTOTALS: Readonly<Record<Sen2MappingSource, readonly string[]>> = {
	establishmentTypes: ['Total'],
	placementColumns: [
		'ehcplans',
		'new_ehc_plans',
		'mainstream_total',
		'special_total',
		'ap_pru_total',
		'fe_total',
		'ed_elsewhere'
	]
};

/** Whether a 2023+ column is a subtotal or percentage rather than a placement. */
export function isSubtotalColumn(column: string): boolean {
	const key = mappingKey(column);
	return key.endsWith('_pc') || SEN2_SUBTOTALS.placementColumns.some((c) => mappingKey(c) === key);
}

/** Case- and spacing-insensitive form of a type or column name. */
export function mappingKey(name: string): string {
	return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The category a placement maps to, matching names ignoring case and spacing; undefined when
 * the mapping does not have it.
 * @example categoryOf(DEFAULT_SEN2_MAPPING, 'establishmentTypes', 'Hospital School') // 'alternative_provision'
 */
export function categoryOf(
	mapping: Sen2Mapping,
	source: Sen2MappingSource,
	name: string
): DsgCategoryId | undefined {
	const table = mapping[source];
	if (Object.hasOwn(table, name)) return table[name];
	const key = mappingKey(name);
	for (const [k, v] of Object.entries(table)) if (mappingKey(k) === key) return v;
	return undefined;
}

/**
 * The mapping as a flat table (for an editor), establishment types first.
 * @example sen2MappingEntries(DEFAULT_SEN2_MAPPING)[0]
 * // { source: 'establishmentTypes', key: 'Mainstream - LA maintained', category: 'mainstream' }
 */
export function sen2MappingEntries(mapping: Sen2Mapping): Sen2MappingEntry[] {
	return (['establishmentTypes', 'placementColumns'] as const).flatMap((source) =>
		Object.entries(mapping[source]).map(([key, category]) => ({ source, key, category }))
	);
}

/**
 * Every problem with a user-edited mapping, in words (empty when it is valid): a known placement
 * left unmapped, a placement mapped twice (also as a table: the same name in two rows), a
 * category that is not one of the seven, a subtotal mapped, a blank name. Placements the default
 * does not know are allowed, for files newer than this code.
 * @example checkSen2Mapping({ ...DEFAULT_SEN2_MAPPING, placementColumns: { neet: 'nowhere' } })
 * // ['placement column "neet" is mapped to "nowhere", which is not one of mainstream, …', …]
 */
export function checkSen2Mapping(input: unknown): string[] {
	const entries = toEntries(input);
	if (typeof entries === 'string') return [entries];
	const problems: string[] = [];
	const seen = new Map<string, string>();
	for (const e of entries) {
		const what = `${describeSource(e.source)} ${JSON.stringify(e.key)}`;
		if (typeof e.key !== 'string' || e.key.trim() === '') {
			problems.push(`a ${describeSource(e.source)} has no name`);
			continue;
		}
		const id = `${e.source}|${mappingKey(e.key)}`;
		const first = seen.get(id);
		if (first !== undefined) {
			problems.push(`${what} is mapped twice (to ${first} and to ${JSON.stringify(e.category)})`);
		} else {
			seen.set(id, JSON.stringify(e.category));
		}
		if (!DSG_CATEGORY_IDS.includes(e.category as DsgCategoryId)) {
			problems.push(
				`${what} is mapped to ${JSON.stringify(e.category)}, which is not one of ${DSG_CATEGORY_IDS.join(', ')}`
			);
		}
		const subtotal =
			SEN2_SUBTOTALS[e.source].some((s) => mappingKey(s) === mappingKey(e.key)) ||
			(e.source === 'placementColumns' && isSubtotalColumn(e.key));
		if (subtotal) problems.push(`${what} is a subtotal: map its parts instead`);
	}
	for (const source of ['establishmentTypes', 'placementColumns'] as const) {
		for (const key of Object.keys(DEFAULT_SEN2_MAPPING[source])) {
			if (!seen.has(`${source}|${mappingKey(key)}`)) {
				problems.push(
					`${describeSource(source)} ${JSON.stringify(key)} is not mapped to a category`
				);
			}
		}
	}
	return problems;
}

/**
 * A user-edited mapping, checked: given as a mapping object or as a table of entries, returned
 * as a mapping. Throws an Error listing every problem ({@link checkSen2Mapping}).
 * @example validateSen2Mapping(sen2MappingEntries(DEFAULT_SEN2_MAPPING)) // a copy of the default
 */
export function validateSen2Mapping(
	input: Sen2Mapping | readonly Sen2MappingEntry[] | unknown
): Sen2Mapping {
	const problems = checkSen2Mapping(input);
	if (problems.length > 0) {
		throw new Error(`validateSen2Mapping: the mapping is not valid: ${problems.join('; ')}`);
	}
	const out: Sen2Mapping = { establishmentTypes: {}, placementColumns: {} };
	for (const e of toEntries(input) as Sen2MappingEntry[]) out[e.source][e.key.trim()] = e.category;
	return out;
}

function describeSource(source: string): string {
	return source === 'establishmentTypes' ? 'establishment type' : 'placement column';
}

interface LooseEntry {
	source: Sen2MappingSource;
	key: string;
	category: unknown;
}

function toEntries(input: unknown): LooseEntry[] | string {
	if (Array.isArray(input)) {
		const out: LooseEntry[] = [];
		for (const [i, e] of input.entries()) {
			if (
				typeof e !== 'object' ||
				e === null ||
				(e.source !== 'establishmentTypes' && e.source !== 'placementColumns')
			) {
				return `entry ${i + 1} must be { source: "establishmentTypes" | "placementColumns", key, category }`;
			}
			out.push({ source: e.source, key: e.key, category: e.category });
		}
		return out;
	}
	if (typeof input !== 'object' || input === null) {
		return 'a mapping must be an object with establishmentTypes and placementColumns';
	}
	const m = input as Record<string, unknown>;
	const out: LooseEntry[] = [];
	for (const source of ['establishmentTypes', 'placementColumns'] as const) {
		const table = m[source];
		if (typeof table !== 'object' || table === null || Array.isArray(table)) {
			return `a mapping must have ${source}, an object from names to categories`;
		}
		for (const [key, category] of Object.entries(table)) out.push({ source, key, category });
	}
	return out;
}
