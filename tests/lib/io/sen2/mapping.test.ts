import { describe, expect, it } from 'vitest';
import { DSG_CATEGORY_IDS } from '../../../../src/lib/model/categories';
import { parseCsv } from '../../../../src/lib/io/csv/parse';
import {
	DEFAULT_SEN2_MAPPING,
	categoryOf,
	checkSen2Mapping,
	isSubtotalColumn,
	sen2MappingEntries,
	validateSen2Mapping,
	type Sen2Mapping
} from '../../../../src/lib/io/sen2/mapping';
import { CASELOAD, ESTAB_CASELOAD, NEWPLANS, fixture } from './fixtures';

describe('the default SEN2 mapping', () => {
	it('is valid', () => {
		expect(checkSen2Mapping(DEFAULT_SEN2_MAPPING)).toEqual([]);
	});

	it('puts something in each of the seven DSG categories, from both releases', () => {
		for (const source of ['establishmentTypes', 'placementColumns'] as const) {
			const used = new Set(Object.values(DEFAULT_SEN2_MAPPING[source]));
			expect([...used].sort(), source).toEqual([...DSG_CATEGORY_IDS].sort());
		}
	});

	it('maps every establishment type of the 2022 release fixture', () => {
		const f = fixture(ESTAB_CASELOAD);
		const parsed = parseCsv(f.text, f.name);
		const col = parsed.header.indexOf('establishment_type');
		const types = new Set(parsed.rows.map((r) => r.cells[col]).filter((t) => t !== 'Total'));
		expect(types.size).toBeGreaterThan(30);
		for (const t of types)
			expect(categoryOf(DEFAULT_SEN2_MAPPING, 'establishmentTypes', t), t).toBeDefined();
	});

	it('maps every placement column of the 2023+ release, and no subtotal', () => {
		for (const path of [CASELOAD, NEWPLANS]) {
			const header = parseCsv(fixture(path).text, path).header;
			const placements = header
				.slice(header.indexOf('breakdown') + 1)
				.filter((c) => !isSubtotalColumn(c));
			for (const c of placements) {
				expect(categoryOf(DEFAULT_SEN2_MAPPING, 'placementColumns', c), c).toBeDefined();
			}
		}
		for (const c of [
			'ehcplans',
			'mainstream_total',
			'ed_elsewhere',
			'AP_PRU_total_pc',
			'fe_total_pc'
		]) {
			expect(isSubtotalColumn(c), c).toBe(true);
		}
	});

	it('follows the DSG template: units are resourced provision, independent mainstream is independent, hospital is AP', () => {
		const t = DEFAULT_SEN2_MAPPING.establishmentTypes;
		expect(t['Mainstream - Academy - SEN unit']).toBe('resourced_provision');
		expect(t['Mainstream - Independent']).toBe('independent_special');
		expect(t['Special - Non-maintained']).toBe('independent_special');
		expect(t['Special - Academy/free']).toBe('maintained_special');
		expect(t['Hospital School']).toBe('alternative_provision');
		expect(t['Specialist post-16 institutions']).toBe('post_16_fe');
		expect(t['Elective home education']).toBe('other');
		expect(DEFAULT_SEN2_MAPPING.placementColumns.ukrlp_provider).toBe('post_16_fe');
	});

	it('matches names ignoring case and spacing', () => {
		expect(categoryOf(DEFAULT_SEN2_MAPPING, 'establishmentTypes', 'hospital  school')).toBe(
			'alternative_provision'
		);
		expect(categoryOf(DEFAULT_SEN2_MAPPING, 'establishmentTypes', 'Not a type')).toBeUndefined();
	});
});

describe('validateSen2Mapping', () => {
	const edited = (source: keyof Sen2Mapping, key: string, category: string): Sen2Mapping =>
		({
			...DEFAULT_SEN2_MAPPING,
			[source]: { ...DEFAULT_SEN2_MAPPING[source], [key]: category }
		}) as Sen2Mapping;

	it('accepts an edited mapping and returns a copy of it', () => {
		const m = edited('establishmentTypes', 'Mainstream - Independent', 'mainstream');
		const v = validateSen2Mapping(m);
		expect(v.establishmentTypes['Mainstream - Independent']).toBe('mainstream');
		expect(v).not.toBe(m);
	});

	it('accepts a placement the default does not know, for newer files', () => {
		expect(
			checkSen2Mapping(edited('placementColumns', 'hospital_school', 'alternative_provision'))
		).toEqual([]);
	});

	it('round-trips the default as a table of entries', () => {
		expect(validateSen2Mapping(sen2MappingEntries(DEFAULT_SEN2_MAPPING))).toEqual(
			DEFAULT_SEN2_MAPPING
		);
	});

	it('refuses a category that is not one of the seven', () => {
		expect(() => validateSen2Mapping(edited('placementColumns', 'neet', 'nowhere'))).toThrow(
			'validateSen2Mapping: the mapping is not valid: placement column "neet" is mapped to "nowhere", which is not one of mainstream, resourced_provision, maintained_special, independent_special, alternative_provision, post_16_fe, other'
		);
	});

	it('refuses a known placement left unmapped', () => {
		const types = { ...DEFAULT_SEN2_MAPPING.establishmentTypes };
		delete types['Hospital School'];
		expect(checkSen2Mapping({ ...DEFAULT_SEN2_MAPPING, establishmentTypes: types })).toEqual([
			'establishment type "Hospital School" is not mapped to a category'
		]);
	});

	it('refuses a placement mapped twice, as a table or in two spellings', () => {
		const entries = sen2MappingEntries(DEFAULT_SEN2_MAPPING);
		entries.push({
			source: 'establishmentTypes',
			key: 'Hospital School',
			category: 'maintained_special'
		});
		expect(checkSen2Mapping(entries)).toEqual([
			'establishment type "Hospital School" is mapped twice (to "alternative_provision" and to "maintained_special")'
		]);
		expect(
			checkSen2Mapping(edited('establishmentTypes', 'hospital school', 'alternative_provision'))
		).toEqual([
			'establishment type "hospital school" is mapped twice (to "alternative_provision" and to "alternative_provision")'
		]);
	});

	it('refuses a subtotal, whose parts are mapped', () => {
		expect(checkSen2Mapping(edited('placementColumns', 'mainstream_total', 'mainstream'))).toEqual([
			'placement column "mainstream_total" is a subtotal: map its parts instead'
		]);
		expect(checkSen2Mapping(edited('establishmentTypes', 'Total', 'other'))).toEqual([
			'establishment type "Total" is a subtotal: map its parts instead'
		]);
	});

	it('refuses what is not a mapping at all', () => {
		expect(checkSen2Mapping(null)).toEqual([
			'a mapping must be an object with establishmentTypes and placementColumns'
		]);
		expect(checkSen2Mapping({ establishmentTypes: {} })).toEqual([
			'a mapping must have placementColumns, an object from names to categories'
		]);
		expect(checkSen2Mapping([{ source: 'x', key: 'a', category: 'other' }])).toEqual([
			'entry 1 must be { source: "establishmentTypes" | "placementColumns", key, category }'
		]);
	});
});
