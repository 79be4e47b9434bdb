import { describe, expect, it } from 'vitest';
import { ImportError, describeWarning } from '../../../../src/lib/io/csv/errors';
import { parseCsv } from '../../../../src/lib/io/csv/parse';
import { toCsv } from '../../../../src/lib/io/csv/write';
import { importSen2 } from '../../../../src/lib/io/sen2/import';
import type { Sen2ImportResult } from '../../../../src/lib/io/sen2/build';
import { ESTAB_CASELOAD, fixture, release2025File } from './fixtures';

const KINGSTON = 'Kingston upon Thames';

/** A 2022-release establishment file for Kingston: [time_period, type, group, Total_all] rows. */
function estab(rows: [string, string, string, string][]) {
	const header = parseCsv(fixture(ESTAB_CASELOAD).text, 'x').header;
	const base: Record<string, string> = {
		time_identifier: 'Calendar year',
		geographic_level: 'Local authority',
		country_code: 'E92000001',
		country_name: 'England',
		region_code: 'E12000007',
		region_name: 'London',
		old_la_code: '314',
		new_la_code: 'E09000021',
		la_name: KINGSTON,
		Total_st: 'z',
		Total_st_pc: 'z',
		Total_ehc: 'z',
		Total_ehc_pc: 'z',
		Total_all_pc: 'z'
	};
	const cells = rows.map(([time_period, establishment_type, establishment_group, Total_all]) => {
		const r: Record<string, string> = {
			...base,
			time_period,
			establishment_type,
			establishment_group,
			Total_all
		};
		return header.map((h) => r[h] ?? '');
	});
	return { name: 'sen2_estab_caseload.csv', text: toCsv(header, cells) };
}

const settingsOf = (r: Sen2ImportResult, year: number) =>
	Object.fromEntries(
		(r.history.caseloadBySetting ?? [])
			.filter((s) => s.year === year)
			.map((s) => [s.setting, s.count.value])
	);
const warnings = (r: Sen2ImportResult) => r.warnings.map(describeWarning).join('\n');

describe('placement categories from establishment types', () => {
	it('counts a placement published whole in one year and in parts in another once each year', () => {
		const r = importSen2(
			[
				estab([
					['2018', 'Total', 'Total', '10'],
					['2018', 'Awaiting provision - total', 'Educated elsewhere', '4'],
					['2018', 'NEET', 'NEET', '6'],
					['2019', 'Total', 'Total', '10'],
					[
						'2019',
						'Awaiting provision - compulsory school age and in education',
						'Educated elsewhere',
						'3'
					],
					[
						'2019',
						'Awaiting provision - compulsory school age and not in education',
						'Educated elsewhere',
						'1'
					],
					['2019', 'NEET', 'NEET', '6']
				])
			],
			KINGSTON
		);
		expect(settingsOf(r, 2018)).toEqual({ other: 10 });
		expect(settingsOf(r, 2019)).toEqual({ other: 10 });
		expect(warnings(r)).not.toContain('add up to');
	});

	it('counts the parts, not the whole as well, when both are published', () => {
		const parts = [
			'Awaiting provision - above compulsory school age and in education',
			'Awaiting provision - above compulsory school age and not in education',
			'Awaiting provision - below compulsory school age and in education',
			'Awaiting provision - below compulsory school age and not in education',
			'Awaiting provision - compulsory school age and in education',
			'Awaiting provision - compulsory school age and not in education'
		];
		const r = importSen2(
			[
				estab([
					['2020', 'Total', 'Total', '6'],
					['2020', 'Awaiting provision - total', 'Educated elsewhere', '6'],
					...parts.map(
						(p) => ['2020', p, 'Educated elsewhere', '1'] as [string, string, string, string]
					)
				])
			],
			KINGSTON
		);
		expect(settingsOf(r, 2020)).toEqual({ other: 6 });
		expect(r.history.caseloadBySetting![0].count.source).toEqual({
			kind: 'sen2',
			ref: `sen2_estab_caseload.csv, 2020, Total_all [${parts.join(' + ')}]`
		});
	});

	it('skips group subtotal rows, whose types are read', () => {
		const r = importSen2(
			[
				estab([
					['2021', 'Total', 'Total', '30'],
					['2021', 'Total', 'Special school', '30'],
					['2021', 'Special - LA maintained', 'Special school', '20'],
					['2021', 'Hospital School', 'Special school', '10']
				])
			],
			KINGSTON
		);
		expect(settingsOf(r, 2021)).toEqual({ maintained_special: 20, alternative_provision: 10 });
	});

	it('leaves an unmapped type out of every category and says so', () => {
		const r = importSen2(
			[
				estab([
					['2021', 'Total', 'Total', '12'],
					['2021', 'Special - LA maintained', 'Special school', '10'],
					['2021', 'Special - Hovercraft', 'Special school', '2']
				])
			],
			KINGSTON
		);
		expect(settingsOf(r, 2021)).toEqual({ maintained_special: 10 });
		expect(warnings(r)).toContain(
			'establishment type "Special - Hovercraft" is not in the SEN2 mapping: not counted in any placement category in 2021 (map it to count it)'
		);
		expect(warnings(r)).toContain('the placement categories of 2021 add up to 10, the total is 12');
	});

	it('gives no figure for a category whose every placement is unavailable', () => {
		const r = importSen2(
			[
				estab([
					['2021', 'Special - LA maintained', 'Special school', '10'],
					['2021', 'AP/PRU - LA maintained', 'Alternative provision/Pupil referral unit', 'x'],
					['2021', 'Hospital School', 'Special school', 'c']
				])
			],
			KINGSTON
		);
		expect(settingsOf(r, 2021)).toEqual({ maintained_special: 10 });
		expect(warnings(r)).toContain(
			'no alternative_provision figure in 2021: every placement in it is unavailable'
		);
		expect(warnings(r)).toContain(
			'"Hospital School" unavailable ("c") in 2021: left out of the alternative_provision sum'
		);
	});

	it('ignores a repeated row that agrees, and refuses one that does not', () => {
		const same = importSen2(
			[
				estab([
					['2021', 'NEET', 'NEET', '6'],
					['2021', 'NEET', 'NEET', '6']
				])
			],
			KINGSTON
		);
		expect(settingsOf(same, 2021)).toEqual({ other: 6 });
		let e: unknown;
		try {
			importSen2(
				[
					estab([
						['2021', 'NEET', 'NEET', '6'],
						['2021', 'NEET', 'NEET', '7']
					])
				],
				KINGSTON
			);
		} catch (err) {
			e = err;
		}
		expect(e).toBeInstanceOf(ImportError);
		expect((e as Error).message).toBe(
			'sen2_estab_caseload.csv, row 3, column "Total_all": expected one row per authority for 2021 and "NEET", got a second row that differs from row 2'
		);
	});
});

describe('placement categories from 2023+ columns', () => {
	const columns = [
		'ehcplans',
		'neet',
		'neet_ntci',
		'neet_other',
		'neet_other_csa',
		'ed_elsewhere',
		'nm_early_years'
	];
	const row = (values: (string | number)[]) => ({
		time_period: '202223',
		breakdown_topic: 'All EHC plans',
		breakdown: 'All EHC plans',
		...Object.fromEntries(columns.map((c, i) => [c, values[i]]))
	});

	it('counts NEET in parts when all parts are published, else whole, never both', () => {
		const parts = importSen2(
			[release2025File('caseload.csv', columns, [row([12, 10, 5, 3, 2, 10, 2])])],
			KINGSTON
		);
		expect(settingsOf(parts, 2023)).toEqual({ other: 12 });
		expect(parts.history.caseloadBySetting![0].count.source.kind).toBe('sen2');
		expect((parts.history.caseloadBySetting![0].count.source as { ref: string }).ref).toBe(
			'caseload.csv, 202223, neet_ntci + neet_other + neet_other_csa + nm_early_years'
		);
		const whole = importSen2(
			[release2025File('caseload.csv', columns, [row([12, 10, 'x', 'x', 'x', 10, 2])])],
			KINGSTON
		);
		expect(settingsOf(whole, 2023)).toEqual({ other: 12 });
		expect(warnings(whole)).not.toContain('neet_');
	});

	it('reports NEET once when neither the whole nor the parts are published', () => {
		const r = importSen2(
			[release2025File('caseload.csv', columns, [row([2, 'x', 'x', 'x', 'x', 0, 2])])],
			KINGSTON
		);
		expect(settingsOf(r, 2023)).toEqual({ other: 2 });
		const text = warnings(r);
		expect(text).toContain('column "neet": unavailable ("x") in 202223: left out of the other sum');
		expect(text).not.toContain('neet_ntci');
	});

	it('leaves an unknown column out and says so', () => {
		const r = importSen2(
			[
				release2025File(
					'caseload.csv',
					['ehcplans', 'nm_early_years', 'hovercraft'],
					[
						{
							time_period: '202223',
							breakdown_topic: 'All EHC plans',
							breakdown: 'All EHC plans',
							ehcplans: 3,
							nm_early_years: 2,
							hovercraft: 1
						}
					]
				)
			],
			KINGSTON
		);
		expect(settingsOf(r, 2023)).toEqual({ other: 2 });
		expect(warnings(r)).toContain('column "hovercraft" is not in the SEN2 mapping');
	});
});
