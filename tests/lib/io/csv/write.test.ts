import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/lib/io/csv/parse';
import { csvField, neutraliseCell, toCsv } from '../../../../src/lib/io/csv/write';

describe('neutraliseCell', () => {
	it.each(['=1+1', '+x', '-x', '@x', '\tx', '\rx', '=HYPERLINK("http://x")'])(
		'prefixes %j with a quote so a spreadsheet shows it as text',
		(cell) => {
			expect(neutraliseCell(cell)).toBe(`'${cell}`);
		}
	);

	it('leaves real numbers alone: number values and plain decimal text', () => {
		expect(neutraliseCell(-0.721)).toBe(-0.721);
		expect(neutraliseCell('-0.721')).toBe('-0.721');
		expect(neutraliseCell('+3')).toBe('+3');
		expect(neutraliseCell('-1.5e-3')).toBe('-1.5e-3');
	});

	it('leaves text that does not start like a formula alone', () => {
		expect(neutraliseCell('Kingston upon Thames')).toBe('Kingston upon Thames');
		expect(neutraliseCell('a=b')).toBe('a=b');
		expect(neutraliseCell(null)).toBeNull();
	});

	it('neutralises number-like text that is not a plain number', () => {
		expect(neutraliseCell('-1,234')).toBe("'-1,234");
		expect(neutraliseCell('-1+2')).toBe("'-1+2");
	});
});

describe('csvField', () => {
	it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
		expect(csvField('plain')).toBe('plain');
	});

	it('neutralises before quoting', () => {
		expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
		expect(csvField('\rx')).toBe('"\'\rx"');
	});

	it('writes numbers plainly, null as empty, and refuses NaN', () => {
		expect(csvField(1.5)).toBe('1.5');
		expect(csvField(-0)).toBe('0');
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField(true)).toBe('true');
		expect(() => csvField(Number.NaN)).toThrow('csvField: a number must be finite, got NaN');
	});
});

describe('toCsv', () => {
	it('writes a header and rows, each line ending with \\n', () => {
		expect(
			toCsv(
				['scenario', 'value'],
				[
					['Plan', 1.5],
					['May', -0.721]
				]
			)
		).toBe('scenario,value\nPlan,1.5\nMay,-0.721\n');
	});

	it('writes a table that reads back to the same cells, injection neutralised', () => {
		const rows = [
			['a,b', 'say "hi"', 'two\nlines'],
			['=1+1', '-0.721', '@x']
		];
		const back = parseCsv(toCsv(['x', 'y', 'z'], rows), 'back.csv');
		expect(back.header).toEqual(['x', 'y', 'z']);
		expect(back.rows.map((r) => r.cells)).toEqual([
			['a,b', 'say "hi"', 'two\nlines'],
			["'=1+1", '-0.721', "'@x"]
		]);
		expect(back.rows.map((r) => r.line)).toEqual([2, 4]);
	});

	it('refuses a row with the wrong number of values', () => {
		expect(() => toCsv(['a', 'b'], [[1]])).toThrow(
			'toCsv: row 1 must have 2 values (one per column), got 1'
		);
	});
});
