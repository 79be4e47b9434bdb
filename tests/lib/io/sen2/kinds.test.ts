import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/lib/io/csv/errors';
import { parseCsv } from '../../../../src/lib/io/csv/parse';
import { SEN2_FILES, detectSen2File } from '../../../../src/lib/io/sen2/kinds';
import { CEASED_COLUMNS, RELEASE_2022, RELEASE_2025, fixture, release2025File } from './fixtures';

const headerOf = (path: string) => parseCsv(fixture(path).text, path).header;

describe('detectSen2File', () => {
	it('recognises each published file from its header', () => {
		const kinds = [...RELEASE_2022, ...RELEASE_2025].map(
			(p) => detectSen2File(headerOf(p), p.split('/')[1]).kind
		);
		expect(kinds).toEqual([
			'age_caseload',
			'estab_caseload',
			'age_new_plans',
			'mi',
			'caseload',
			'newplans'
		]);
		const ceased = release2025File('ceased_plans.csv', CEASED_COLUMNS, []);
		expect(detectSen2File(parseCsv(ceased.text, ceased.name).header, ceased.name).kind).toBe(
			'ceased_plans'
		);
	});

	it('goes by the columns, not the file name or the column order', () => {
		const header = headerOf(RELEASE_2022[0]).reverse();
		expect(detectSen2File(header, 'Downloads/ages (1).csv').kind).toBe('age_caseload');
	});

	it('says which SEN2 files it knows when a header is none of them', () => {
		let e: unknown;
		try {
			detectSen2File(['setting', 'cost'], 'costs.csv');
		} catch (err) {
			e = err;
		}
		expect(e).toBeInstanceOf(ImportError);
		const msg = (e as Error).message;
		expect(msg).toMatch(/^costs\.csv, row 1: expected a DfE SEN2 statistics file: one of /);
		for (const spec of Object.values(SEN2_FILES)) expect(msg).toContain(spec.fileName);
		expect(msg).toMatch(/got a header starting "setting,cost"$/);
	});

	it('names the missing columns of a file whose name or signature is a SEN2 file’s', () => {
		const header = headerOf(RELEASE_2022[0]).filter((c) => c !== 'old_la_code');
		expect(() => detectSen2File(header, 'sen2_age_caseload.csv')).toThrow(
			/^sen2_age_caseload\.csv, row 1: expected the columns .*, got a header with no column "old_la_code"$/
		);
		const mi = headerOf(RELEASE_2022[3]).filter((c) => c !== 'InreqEHC');
		expect(() => detectSen2File(mi, 'sen2_mi.csv')).toThrow(/no column "InreqEHC"$/);
	});
});
