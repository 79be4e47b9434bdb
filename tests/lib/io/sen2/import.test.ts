import { describe, expect, it } from 'vitest';
import { ImportError, describeWarning } from '../../../../src/lib/io/csv/errors';
import { importSen2, scanSen2 } from '../../../../src/lib/io/sen2/import';
import { DEFAULT_SEN2_MAPPING } from '../../../../src/lib/io/sen2/mapping';
import type { Sen2ImportResult } from '../../../../src/lib/io/sen2/build';
import {
	AGE_CASELOAD,
	AGE_NEW_PLANS,
	CASELOAD,
	CEASED_COLUMNS,
	ESTAB_CASELOAD,
	MI,
	NEWPLANS,
	RELEASE_2022,
	RELEASE_2025,
	fixture,
	lineOf,
	release2025File,
	withCell
} from './fixtures';

const KINGSTON = 'Kingston upon Thames';

function thrown(f: () => unknown): Error {
	try {
		f();
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a throw');
}

/** year → key → value of a series, for compact assertions. */
function table(xs: { year: number; count: { value: number } }[] | undefined, key?: string) {
	const out: Record<number, Record<string, number> | number> = {};
	for (const x of xs ?? []) {
		const k = key ? (x as unknown as Record<string, string>)[key] : null;
		if (k === null) out[x.year] = x.count.value;
		else out[x.year] = { ...((out[x.year] as Record<string, number>) ?? {}), [k]: x.count.value };
	}
	return out;
}

function warningsText(r: Sen2ImportResult): string {
	return r.warnings.map(describeWarning).join('\n');
}

describe('importSen2 with the 2022 release', () => {
	const result = importSen2(RELEASE_2022.map(fixture), KINGSTON);

	it('gives Kingston’s January 2021 caseload by age band: 38/477/538/276/95 = 1,424', () => {
		expect(table(result.history.caseloadByAgeBand, 'band')[2021]).toEqual({
			age_under_5: 38,
			age_5_10: 477,
			age_11_15: 538,
			age_16_19: 276,
			age_20_25: 95
		});
		expect(table(result.history.caseloadTotal)[2021]).toBe(1424);
	});

	it('gives Kingston’s January 2021 caseload by DSG placement category', () => {
		expect(table(result.history.caseloadBySetting, 'setting')[2021]).toEqual({
			mainstream: 458,
			resourced_provision: 156,
			maintained_special: 351,
			independent_special: 173,
			alternative_provision: 9,
			post_16_fe: 213,
			other: 64
		});
	});

	it('gives Kingston’s new plans of 2020 by age band: 30/124/45/8/3 = 210', () => {
		expect(table(result.history.newPlansByAgeBand, 'band')[2020]).toEqual({
			age_under_5: 30,
			age_5_10: 124,
			age_11_15: 45,
			age_16_19: 8,
			age_20_25: 3
		});
		expect(table(result.newPlansTotal)[2020]).toBe(210);
	});

	it('gives requests, refusals and EHC plan moves by calendar year from the MI file', () => {
		expect(table(result.history.requests)).toEqual({ 2020: 229, 2021: 240 });
		expect(table(result.history.refusals)).toEqual({ 2015: 14, 2020: 44, 2021: 52 });
		expect(table(result.history.movesMainstreamToSpecial)).toEqual({ 2015: 0, 2020: 43, 2021: 47 });
		expect(table(result.history.movesSpecialToMainstream)).toEqual({ 2015: 0, 2020: 35, 2021: 33 });
	});

	it('returns discontinued plans apart from ceased plans', () => {
		expect(table(result.discontinuedPlans, 'reason')[2021]).toEqual({
			moved_la: 23,
			needs_met: 0,
			other: 2,
			left_education: 4
		});
		expect(result.history.ceasedPlans).toBeUndefined();
	});

	it('gives every figure its SEN2 provenance: file, time_period, column', () => {
		const band = result.history.caseloadByAgeBand!.find(
			(b) => b.year === 2021 && b.band === 'age_5_10'
		)!;
		expect(band.count.source).toEqual({
			kind: 'sen2',
			ref: 'sen2_age_caseload.csv, 2021, Total_all [Age 5 to 10]'
		});
		const ap = result.history.caseloadBySetting!.find(
			(s) => s.year === 2021 && s.setting === 'alternative_provision'
		)!;
		expect(ap.count.source).toEqual({
			kind: 'sen2',
			ref: 'sen2_estab_caseload.csv, 2021, Total_all [AP/PRU - LA maintained + AP/PRU - Academy + AP/PRU - Free school + Hospital School]'
		});
		const requests = result.history.requests!.find((r) => r.year === 2021)!;
		expect(requests.count.source).toEqual({ kind: 'sen2', ref: 'sen2_mi.csv, 2021, InreqEHC' });
	});

	it('leaves out a year published as z, with a warning, rather than counting 0', () => {
		expect(result.history.requests!.some((r) => r.year === 2015)).toBe(false);
		const w = result.warnings.find((w) => w.column === 'InreqEHC')!;
		expect(w.file).toBe('sen2_mi.csv');
		expect(w.message).toBe('not applicable ("z") in 2015: no figure');
	});

	it('uses the age table’s total where the establishment table differs, and says so', () => {
		expect(table(result.history.caseloadTotal)[2018]).toBe(1042);
		expect(warningsText(result)).toContain(
			'sen2_estab_caseload.csv: EHC plans (total) differ for 2018 (1,016 here, 1,042 in sen2_age_caseload.csv): the figures of sen2_age_caseload.csv are used'
		);
	});

	it('lists each file with its kind and the authority’s rows', () => {
		expect(result.authority).toEqual({ name: KINGSTON, newCode: 'E09000021', oldCode: '314' });
		expect(result.files.map((f) => [f.name, f.kind])).toEqual([
			['sen2_age_caseload.csv', 'age_caseload'],
			['sen2_estab_caseload.csv', 'estab_caseload'],
			['sen2_age_new_plans.csv', 'age_new_plans'],
			['sen2_mi.csv', 'mi']
		]);
		expect(result.files.every((f) => f.rows > 0)).toBe(true);
	});
});

describe('importSen2 reading the files', () => {
	it('reads files that start with a byte-order mark the same', () => {
		const plain = importSen2(RELEASE_2022.map(fixture), KINGSTON);
		const bom = importSen2(
			RELEASE_2022.map(fixture).map((f) => ({ ...f, text: `\uFEFF${f.text}` })),
			KINGSTON
		);
		expect(bom).toEqual(plain);
	});

	it('reads CRLF files the same', () => {
		const plain = importSen2([fixture(AGE_CASELOAD)], KINGSTON);
		const crlf = importSen2(
			[{ ...fixture(AGE_CASELOAD), text: fixture(AGE_CASELOAD).text.replace(/\n/g, '\r\n') }],
			KINGSTON
		);
		expect(crlf).toEqual(plain);
	});

	it('leaves out a band published as x, keeps the others, and warns once', () => {
		const file = withCell(
			fixture(AGE_CASELOAD),
			(r) =>
				r.la_name === KINGSTON &&
				r.time_period === '2020' &&
				r.characteristic_age === 'Age 20 to 25',
			'Total_all',
			'x'
		);
		const r = importSen2([file], KINGSTON);
		const bands2020 = table(r.history.caseloadByAgeBand, 'band')[2020] as Record<string, number>;
		expect(Object.keys(bands2020)).toEqual(['age_under_5', 'age_5_10', 'age_11_15', 'age_16_19']);
		expect(warningsText(r)).toContain(
			'column "Total_all": "Age 20 to 25" unavailable ("x") in 2020: no figure'
		);
		expect(warningsText(r)).not.toContain('add up to');
	});

	it('refuses a bad cell with file, row and column, and returns nothing', () => {
		const where = (r: Record<string, string>) =>
			r.la_name === KINGSTON && r.time_period === '2021' && r.characteristic_age === 'Under 5';
		const file = withCell(fixture(AGE_CASELOAD), where, 'Total_all', 'abc');
		const e = thrown(() => importSen2([file, fixture(MI)], KINGSTON));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toBe(
			`sen2_age_caseload.csv, row ${lineOf(file, where)}, column "Total_all": expected a whole number ≥ 0 or "z"/"x", got "abc"`
		);
	});

	it('does not read other authorities’ cells', () => {
		const file = withCell(fixture(AGE_CASELOAD), (r) => r.la_name !== KINGSTON, 'Total_all', 'abc');
		expect(table(importSen2([file], KINGSTON).history.caseloadTotal)[2021]).toBe(1424);
	});

	it('refuses a file that is not a SEN2 file with a clear message', () => {
		const transitions = {
			name: 'transitions.csv',
			text: 'calendar-year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2\n2017,NONSEND,NA,1,MSSA,ASD,2\n'
		};
		const e = thrown(() => importSen2([fixture(MI), transitions], KINGSTON));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toMatch(
			/^transitions\.csv, row 1: expected a DfE SEN2 statistics file: one of sen2_age_caseload\.csv \(columns characteristic_age, Total_all\); .*got a header starting "calendar-year,setting-1/
		);
	});

	it('names the columns a file named like a SEN2 file lacks', () => {
		const text = fixture(MI).text.replace('InreqEHC', 'Inreq');
		const e = thrown(() => importSen2([{ name: 'sen2_mi.csv', text }], KINGSTON));
		expect(e.message).toMatch(
			/^sen2_mi\.csv, row 1: expected the columns .* no column "InreqEHC"$/
		);
	});

	it('refuses two files of one kind', () => {
		const e = thrown(() =>
			importSen2([fixture(MI), { ...fixture(MI), name: 'copy.csv' }], KINGSTON)
		);
		expect(e.message).toBe(
			'copy.csv: expected one file of each kind: sen2_mi.csv is already the Requests, refusals and moves (calendar year) file, got a second one'
		);
	});

	it('refuses no files', () => {
		expect(thrown(() => importSen2([], KINGSTON)).message).toBe(
			'SEN2 import: expected at least one SEN2 file, got none'
		);
	});
});

describe('importSen2 choosing the authority', () => {
	const files = RELEASE_2022.map(fixture);
	const byName = importSen2(files, KINGSTON);

	it('finds Kingston upon Thames by new code, old code and any case', () => {
		expect(importSen2(files, 'E09000021')).toEqual(byName);
		expect(importSen2(files, '314')).toEqual(byName);
		expect(importSen2(files, 'kingston upon thames')).toEqual(byName);
		expect(importSen2(files, byName.authority)).toEqual(byName);
	});

	it('tells Kingston upon Hull from Kingston upon Thames', () => {
		const hull = importSen2(files, 'Kingston upon Hull, City of');
		expect(hull.authority.oldCode).toBe('810');
		expect(table(hull.history.caseloadTotal)).toEqual({ 2021: 2100 });
	});

	it('refuses a name that matches two authorities, listing both', () => {
		const e = thrown(() => importSen2(files, 'Kingston'));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toContain(
			'expected one authority: give its full name or a code, got "Kingston", which matches Kingston upon Hull, City of (E06000010, 810) and Kingston upon Thames (E09000021, 314)'
		);
	});

	it('refuses an unknown authority, listing close matches', () => {
		const e = thrown(() => importSen2(files, 'Kingstn upon Tames'));
		expect(e.message).toContain(
			'got "Kingstn upon Tames"; closest: Kingston upon Thames (E09000021, 314)'
		);
	});

	it('lists the authorities of the files', () => {
		expect(scanSen2(files).authorities).toEqual([
			{ name: 'Kingston upon Hull, City of', newCode: 'E06000010', oldCode: '810' },
			{ name: KINGSTON, newCode: 'E09000021', oldCode: '314' }
		]);
	});
});

describe('importSen2 with the 2023+ release', () => {
	const result = importSen2(RELEASE_2025.map(fixture), KINGSTON);

	it('reads 202021 as the January 2021 census, whichever order the code columns are in', () => {
		expect(table(result.history.caseloadTotal)).toEqual({ 2020: 1314, 2021: 1424 });
		expect(table(result.history.caseloadBySetting, 'setting')[2021]).toEqual({
			mainstream: 458,
			resourced_provision: 156,
			maintained_special: 351,
			independent_special: 173,
			alternative_provision: 9,
			post_16_fe: 213,
			other: 64
		});
		expect(result.history.caseloadBySetting![0].count.source).toEqual({
			kind: 'sen2',
			ref: 'caseload.csv, 201920, mainstream_la_maintained + mainstream_academy + mainstream_free_school'
		});
	});

	it('reads new plans by calendar year and placement', () => {
		expect(table(result.newPlansTotal)).toEqual({ 2020: 210, 2021: 180 });
		expect(table(result.history.newPlansBySetting, 'setting')[2020]).toEqual({
			mainstream: 127,
			resourced_provision: 26,
			maintained_special: 34,
			independent_special: 11,
			alternative_provision: 2,
			post_16_fe: 5,
			other: 5
		});
	});

	it('warns when the placements do not add up to the total', () => {
		expect(warningsText(result)).toContain(
			'the placement categories of 2021 add up to 179, the total is 180'
		);
	});

	it('agrees with the 2022 release where both give a figure, without warnings of a difference', () => {
		const both = importSen2([...RELEASE_2022, ...RELEASE_2025].map(fixture), KINGSTON);
		expect(table(both.history.caseloadBySetting, 'setting')[2021]).toEqual(
			table(result.history.caseloadBySetting, 'setting')[2021]
		);
		const ref = both.history.caseloadTotal!.find((c) => c.year === 2021)!.count.source;
		expect(ref).toEqual({ kind: 'sen2', ref: 'caseload.csv, 202021, ehcplans' });
		expect(warningsText(both)).not.toContain('differ for 2021');
	});

	it('prefers the 2023+ release where the releases differ, and says so', () => {
		const age = withCell(
			fixture(AGE_CASELOAD),
			(r) => r.la_name === KINGSTON && r.time_period === '2021' && r.characteristic_age === 'Total',
			'Total_all',
			'1400'
		);
		const both = importSen2([age, fixture(CASELOAD)], KINGSTON);
		expect(table(both.history.caseloadTotal)[2021]).toBe(1424);
		expect(warningsText(both)).toContain(
			'sen2_age_caseload.csv: EHC plans (total) differ for 2021 (1,400 here, 1,424 in caseload.csv): the figures of caseload.csv are used'
		);
	});

	it('reads age breakdown rows as age bands', () => {
		const ages = ['Under 5', 'Age 5 to 10', 'Age 11 to 15', 'Age 16 to 19', 'Age 20 to 25'];
		const counts = [38, 477, 538, 276, 95];
		const file = release2025File(
			'caseload.csv',
			['ehcplans'],
			[
				{
					time_period: '202021',
					breakdown_topic: 'All EHC plans',
					breakdown: 'All EHC plans',
					ehcplans: 1424
				},
				...ages.map((a, i) => ({
					time_period: '202021',
					breakdown_topic: 'Age',
					breakdown: a,
					ehcplans: counts[i]
				})),
				{
					time_period: '202021',
					breakdown_topic: 'Primary need',
					breakdown: 'Autistic spectrum disorder',
					ehcplans: 500
				}
			]
		);
		const r = importSen2([file], KINGSTON);
		expect(table(r.history.caseloadByAgeBand, 'band')[2021]).toEqual({
			age_under_5: 38,
			age_5_10: 477,
			age_11_15: 538,
			age_16_19: 276,
			age_20_25: 95
		});
		expect(table(r.history.caseloadTotal)).toEqual({ 2021: 1424 });
	});

	it('reads ceased plans by calendar year, in total and by reason', () => {
		const values = [40, 12, 3, 2, 5, 1, 9, 0, 'x', 4, 76];
		const file = release2025File('ceased_plans.csv', CEASED_COLUMNS, [
			{
				time_period: '2022',
				breakdown_topic: 'Total',
				breakdown: 'Total',
				...Object.fromEntries(CEASED_COLUMNS.map((c, i) => [c, values[i]]))
			}
		]);
		const r = importSen2([file], KINGSTON);
		expect(r.history.ceasedPlans).toEqual([
			{
				year: 2022,
				count: { value: 76, source: { kind: 'sen2', ref: 'ceased_plans.csv, 2022, total_ceased' } }
			}
		]);
		expect(table(r.ceasedByReason, 'reason')[2022]).toMatchObject({
			max_age: 40,
			moved_outside_eng: 9
		});
		expect(
			(table(r.ceasedByReason, 'reason')[2022] as Record<string, number>).not_rec
		).toBeUndefined();
		expect(warningsText(r)).toContain('column "not_rec": unavailable ("x") in 2022: no figure');
	});

	it('refuses an academic year where a calendar year is expected', () => {
		const file = release2025File(
			'newplans.csv',
			['new_ehc_plans'],
			[
				{
					time_period: '202021',
					breakdown_topic: 'New EHC plans',
					breakdown: 'New EHC plans',
					new_ehc_plans: 180
				}
			]
		);
		expect(thrown(() => importSen2([file], KINGSTON)).message).toBe(
			'newplans.csv, row 2, column "time_period": expected a calendar year such as 2021, got "202021"'
		);
	});
});

describe('importSen2 with a mapping', () => {
	it('uses an edited mapping: independent mainstream counted as mainstream', () => {
		const mapping = {
			...DEFAULT_SEN2_MAPPING,
			establishmentTypes: {
				...DEFAULT_SEN2_MAPPING.establishmentTypes,
				'Mainstream - Independent': 'mainstream' as const
			}
		};
		const r = importSen2([fixture(ESTAB_CASELOAD)], KINGSTON, mapping);
		expect(table(r.history.caseloadBySetting, 'setting')[2021]).toMatchObject({
			mainstream: 482,
			independent_special: 149
		});
	});

	it('refuses an invalid mapping before reading anything into the result', () => {
		const mapping = {
			...DEFAULT_SEN2_MAPPING,
			establishmentTypes: { ...DEFAULT_SEN2_MAPPING.establishmentTypes, NEET: 'nowhere' }
		};
		expect(() =>
			importSen2([fixture(ESTAB_CASELOAD)], KINGSTON, mapping as typeof DEFAULT_SEN2_MAPPING)
		).toThrow(
			/^validateSen2Mapping: the mapping is not valid: establishment type "NEET" is mapped to "nowhere"/
		);
	});
});

describe('importSen2 result', () => {
	it('holds only the series the files provide', () => {
		const r = importSen2([fixture(MI)], KINGSTON);
		expect(Object.keys(r.history).sort()).toEqual([
			'movesMainstreamToSpecial',
			'movesSpecialToMainstream',
			'refusals',
			'requests'
		]);
	});

	it('names a file without the authority’s rows in a warning', () => {
		const hull = importSen2([fixture(AGE_NEW_PLANS), fixture(MI)], 'Kingston upon Hull, City of');
		expect(hull.files.map((f) => f.rows)).toEqual([1, 1]);
		const r = importSen2([fixture(NEWPLANS), fixture(MI)], 'E09000021');
		expect(r.files.map((f) => f.rows)).toEqual([2, 3]);
	});
});

describe('importSen2 for an authority whose ONS code changed', () => {
	// Kingston's rows before 2020 filed under a former code, as Buckinghamshire's are under
	// E10000002 before it became E06000060 (its DfE code 825 unchanged).
	const FORMER = 'E09000999';
	const renamed = RELEASE_2022.map((path) =>
		path === AGE_NEW_PLANS
			? fixture(path) // 2020 and 2021 only
			: withCell(
					fixture(path),
					(r) => r.old_la_code === '314' && Number(r.time_period.slice(0, 4)) < 2020,
					'new_la_code',
					FORMER
				)
	);

	it('gives the same history whichever identifier names it: name, new, former or old code', () => {
		const byName = importSen2(renamed, KINGSTON);
		expect(byName.history.caseloadTotal!.map((r) => r.year)).toEqual([2015, 2018, 2020, 2021]);
		expect(byName.authority).toEqual({
			name: KINGSTON,
			newCode: 'E09000021',
			oldCode: '314',
			formerCodes: [FORMER]
		});
		for (const id of ['E09000021', FORMER, FORMER.toLowerCase(), '314']) {
			expect(importSen2(renamed, id), id).toEqual(byName);
		}
	});

	it('lists it once, with its former code', () => {
		const kingston = scanSen2(renamed).authorities.filter((a) => a.oldCode === '314');
		expect(kingston).toEqual([
			{ name: KINGSTON, newCode: 'E09000021', oldCode: '314', formerCodes: [FORMER] }
		]);
	});
});

describe('importSen2 with exact names', () => {
	const files = RELEASE_2022.map(fixture);

	it('refuses a part of a name, naming the authority it is part of', () => {
		expect(importSen2(files, 'Hull').authority.oldCode).toBe('810'); // the app's picker
		expect(thrown(() => importSen2(files, 'Hull', undefined, { exact: true })).message).toMatch(
			/expected the full name of an authority or a code, got "Hull", a part of the name of Kingston upon Hull, City of \(E06000010, 810\)$/
		);
	});

	it('takes the full name in any case and punctuation, or a code', () => {
		for (const q of ['kingston upon hull city of', 'Kingston upon Hull, City of', '810']) {
			expect(importSen2(files, q, undefined, { exact: true }).authority.oldCode, q).toBe('810');
		}
	});
});

describe('importSen2 with a gap between censuses', () => {
	it('warns, naming the years, when a census is far from the others (a mistyped time_period)', () => {
		const moved = (path: string) =>
			withCell(
				fixture(path),
				(r) => r.old_la_code === '314' && r.time_period === '2021',
				'time_period',
				'2030'
			);
		const result = importSen2(
			[moved(AGE_CASELOAD), moved(ESTAB_CASELOAD), fixture(AGE_NEW_PLANS)],
			KINGSTON
		);
		const gaps = result.warnings.filter((w) => w.message.includes('censuses jump'));
		expect(gaps.map(describeWarning).at(-1)).toMatch(
			/^sen2_(age|estab)_caseload\.csv, row \d+, column "time_period": the January censuses jump from 2020 to 2030: no caseload for 2021–2029; 2030, the latest, is the base census the wizard proposes: check its time_period$/
		);
	});

	it('names a single missing year as one year', () => {
		const result = importSen2([fixture(AGE_CASELOAD)], KINGSTON);
		// The extract holds 2015, 2018, 2020 and 2021.
		expect(result.warnings.map((w) => w.message)).toEqual(
			expect.arrayContaining([
				'the January censuses jump from 2015 to 2018: no caseload for 2016–2017',
				'the January censuses jump from 2018 to 2020: no caseload for 2019'
			])
		);
	});
});
