import { describe, expect, it } from 'vitest';
import { CsvError, ImportError, describeWarning, quote } from '../../../../src/lib/io/csv/errors';

describe('ImportError', () => {
	it('names the file, the row, the column, what was expected and what was found', () => {
		const e = new ImportError(
			'sen2_age_caseload.csv',
			12,
			'Total_ehc',
			'a whole number ≥ 0 or "z"/"x"',
			quote('abc')
		);
		expect(e.message).toBe(
			'sen2_age_caseload.csv, row 12, column "Total_ehc": expected a whole number ≥ 0 or "z"/"x", got "abc"'
		);
		expect(e).toBeInstanceOf(Error);
		expect(e.name).toBe('ImportError');
		expect([e.file, e.row, e.column]).toEqual(['sen2_age_caseload.csv', 12, 'Total_ehc']);
	});

	it('leaves out the row and column when the problem is the whole file', () => {
		const e = new ImportError('notes.csv', null, null, 'a header row', 'an empty file');
		expect(e.message).toBe('notes.csv: expected a header row, got an empty file');
	});
});

describe('CsvError', () => {
	it('is an ImportError that names the line of the file', () => {
		const e = new CsvError('x.csv', 3, 'b', 'a closed quoted value', 'quoted field unterminated');
		expect(e).toBeInstanceOf(ImportError);
		expect(e.name).toBe('CsvError');
		expect(e.line).toBe(3);
		expect(e.message).toBe(
			'x.csv, line 3, column "b": expected a closed quoted value, got quoted field unterminated'
		);
	});
});

describe('describeWarning', () => {
	it('puts the place before the message', () => {
		const w = { file: 'sen2_mi.csv', row: 4, column: 'InreqEHC', message: 'z in 2015', count: 1 };
		expect(describeWarning(w)).toBe('sen2_mi.csv, row 4, column "InreqEHC": z in 2015');
	});
});

describe('quote', () => {
	it('shortens a long cell so that a message stays readable', () => {
		expect(quote('a'.repeat(100))).toBe(`"${'a'.repeat(37)}…"`);
	});
});
