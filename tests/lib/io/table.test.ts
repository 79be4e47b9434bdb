import { describe, expect, it } from 'vitest';
import { checkTable, exportFileName, fileSlug, tableToCsv, type DataTable } from '$lib/io/table';

const table = (rows: DataTable['rows']): DataTable => ({
	name: 't',
	columns: [
		{ label: 'Scenario', kind: 'text' },
		{ label: 'Value', kind: 'number', format: '0.000' }
	],
	rows
});

describe('tables as CSV', () => {
	it('writes labels then rows, numbers as numbers and formatted numbers by value', () => {
		expect(
			tableToCsv(
				table([
					['Plan', 28.607],
					['May', { value: -0.721, format: '0.000' }],
					['None', null]
				])
			)
		).toBe('Scenario,Value\nPlan,28.607\nMay,-0.721\nNone,\n');
	});

	it('neutralises text that a spreadsheet would run as a formula, but not a number written as text', () => {
		expect(tableToCsv(table([['-0.721', 1]]))).toBe('Scenario,Value\n-0.721,1\n');
		const csv = tableToCsv(
			table([
				['=HYPERLINK("http://x")', 1],
				['+A1', 2],
				['@SUM(A1)', 3],
				['-2+3', 4]
			])
		);
		expect(csv.split('\n').slice(1, 5)).toEqual([
			`"'=HYPERLINK(""http://x"")",1`,
			`'+A1,2`,
			`'@SUM(A1)`.concat(',3'),
			`'-2+3,4`
		]);
	});

	it('refuses a row of the wrong length, a number that is not finite, and text in a number column', () => {
		expect(() => checkTable(table([['Plan']]))).toThrow(/checkTable: "t" row 1 must have 2 cells/);
		expect(() => checkTable(table([['Plan', Number.NaN]]))).toThrow(
			/row 1, column "Value" must be a finite number/
		);
		expect(() => checkTable(table([['Plan', '12']]))).toThrow(/is a number column, got text "12"/);
	});
});

describe('export file names', () => {
	it('name the authority, the table and the date', () => {
		expect(fileSlug('Kingston upon Thames')).toBe('kingston-upon-thames');
		expect(fileSlug('Bromley (Café)')).toBe('bromley-cafe');
		expect(exportFileName('Kingston upon Thames', 'DSG grid', '2021-06-18', '.xlsx')).toBe(
			'kingston-upon-thames_dsg-grid_2021-06-18.xlsx'
		);
	});
});
