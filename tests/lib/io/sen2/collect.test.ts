import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/lib/io/csv/parse';
import { Sen2Collector } from '../../../../src/lib/io/sen2/collect';
import { AGE_CASELOAD, MI, fixture } from './fixtures';

function feed(c: Sen2Collector, path: string, name = path.split('/')[1]) {
	const parsed = parseCsv(fixture(path).text, name);
	c.beginFile(name, parsed.header);
	for (const r of parsed.rows) c.addRow(r);
	c.endFile();
	return parsed;
}

describe('Sen2Collector', () => {
	it('lists every local authority, keeping no rows, when no authority is asked for', () => {
		const c = new Sen2Collector(null);
		feed(c, AGE_CASELOAD);
		expect(c.authorities().map((a) => a.oldCode)).toEqual(['810', '314']);
		expect(c.fileKinds()).toEqual([
			{
				name: 'sen2_age_caseload.csv',
				kind: 'age_caseload',
				label: 'EHC plans by age band (January census)'
			}
		]);
		expect(() => c.finish()).toThrow('Sen2Collector.finish: no authority was asked for');
	});

	it('keeps only the rows of authorities a query could select', () => {
		const c = new Sen2Collector('Kingston upon Thames');
		feed(c, AGE_CASELOAD);
		const result = c.finish();
		const parsed = parseCsv(fixture(AGE_CASELOAD).text, 'x');
		const thames = parsed.rows.filter((r) => r.cells.includes('Kingston upon Thames')).length;
		expect(result.files[0].rows).toBe(thames);
		expect(thames).toBeLessThan(parsed.rows.length);
	});

	it('warns when a file is named like one SEN2 file but has another’s columns', () => {
		const c = new Sen2Collector('314');
		feed(c, MI, 'sen2_age_caseload.csv');
		expect(c.finish().warnings[0]).toEqual({
			file: 'sen2_age_caseload.csv',
			row: 1,
			column: null,
			message:
				'named like sen2_age_caseload.csv but its columns are those of sen2_mi.csv: read as Requests, refusals and moves (calendar year)',
			count: 1
		});
	});

	it('needs a file begun before its rows', () => {
		expect(() => new Sen2Collector(null).addRow({ line: 2, cells: [] })).toThrow(
			'Sen2Collector.addRow: call beginFile first'
		);
	});
});
