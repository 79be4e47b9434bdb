import { describe, expect, it } from 'vitest';
import { CsvError, ImportError } from '../../../../src/lib/io/csv/errors';
import {
	MAX_IMPORT_BYTES,
	checkSize,
	parseCsv,
	parseCsvStream,
	requireHeader,
	type CsvRecord
} from '../../../../src/lib/io/csv/parse';

function thrown(f: () => unknown): Error {
	try {
		f();
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a throw');
}

async function rejected(p: Promise<unknown>): Promise<Error> {
	try {
		await p;
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a rejection');
}

describe('parseCsv', () => {
	it('returns the header and each row with the line it is on', () => {
		const parsed = parseCsv('a,b\n1,2\n3,4\n', 'x.csv');
		expect(parsed).toEqual({
			file: 'x.csv',
			header: ['a', 'b'],
			rows: [
				{ line: 2, cells: ['1', '2'] },
				{ line: 3, cells: ['3', '4'] }
			]
		});
	});

	it('drops a byte-order mark and reads CRLF line ends', () => {
		const parsed = parseCsv(
			'\uFEFFtime_period,la_name\r\n2021,Kingston upon Thames\r\n',
			'bom.csv'
		);
		expect(parsed.header).toEqual(['time_period', 'la_name']);
		expect(parsed.rows).toEqual([{ line: 2, cells: ['2021', 'Kingston upon Thames'] }]);
	});

	it('skips blank lines but counts them, and counts line breaks inside quotes', () => {
		const parsed = parseCsv('a,b\n\n1,"two\nlines"\n\r\n3,4', 'x.csv');
		expect(parsed.rows).toEqual([
			{ line: 3, cells: ['1', 'two\nlines'] },
			{ line: 6, cells: ['3', '4'] }
		]);
	});

	it('reads a file whose lines end with a bare CR, counting lines the same way', () => {
		const parsed = parseCsv('a,b\r1,"x\ry"\r2,3', 'mac.csv');
		expect(parsed.rows).toEqual([
			{ line: 2, cells: ['1', 'x\ry'] },
			{ line: 4, cells: ['2', '3'] }
		]);
	});

	it('reads quoted commas and doubled quotes', () => {
		const parsed = parseCsv('name,code\n"Kingston upon Hull, City of","say ""810"""\n', 'x.csv');
		expect(parsed.rows[0].cells).toEqual(['Kingston upon Hull, City of', 'say "810"']);
	});

	it('names file, line and column of an unclosed quote', () => {
		const e = thrown(() => parseCsv('a,b,c\n1,2,3\n4,"5,6\n7,8,9\n', 'bad.csv'));
		expect(e).toBeInstanceOf(CsvError);
		expect(e.message).toMatch(/^bad\.csv, line 3, column "b": expected a closed quoted value/);
		expect((e as CsvError).line).toBe(3);
	});

	it('names file, line and the first missing column of a short row', () => {
		const e = thrown(() => parseCsv('a,b,c\n1,2,3\n4,5\n', 'short.csv'));
		expect(e).toBeInstanceOf(CsvError);
		expect(e.message).toBe(
			'short.csv, line 3, column "c": expected 3 fields, one per column of the header, got 2 (the row stops before column "c")'
		);
	});

	it('names file and line of a long row', () => {
		const e = thrown(() => parseCsv('a,b\n1,2\n3,4,5\n', 'long.csv'));
		expect(e.message).toBe(
			'long.csv, line 3: expected 2 fields, one per column of the header, got 3'
		);
	});

	it('refuses a header that names a column twice', () => {
		const e = thrown(() => parseCsv('a,b,a\n1,2,3\n', 'twice.csv'));
		expect(e.message).toBe(
			'twice.csv, line 1, column "a": expected each column name once, got a second column "a" (columns 1 and 3)'
		);
	});

	it('refuses an empty file and a spreadsheet saved under a .csv name', () => {
		expect(thrown(() => parseCsv('', 'empty.csv')).message).toBe(
			'empty.csv: expected a header row, got an empty file'
		);
		expect(thrown(() => parseCsv('PK\u0003\u0004rest', 'book.csv')).message).toMatch(
			/^book\.csv: expected a CSV text file, got binary content/
		);
	});

	it('refuses text over the size limit', () => {
		expect(thrown(() => parseCsv('a,b\n1,2\n', 'x.csv', { maxBytes: 4 })).message).toBe(
			'x.csv: expected a file of at most 0.0 MB, got 0.0 MB'
		);
	});

	it('refuses more data rows than an importer takes, at the first row over', () => {
		const text = 'a,b\n1,2\n\n3,4\n5,6\n';
		expect(parseCsv(text, 'x.csv', { maxRows: 3 }).rows).toHaveLength(3);
		expect(thrown(() => parseCsv(text, 'x.csv', { maxRows: 2 })).message).toBe(
			'x.csv: expected at most 2 rows of data, got 3 (split the file, or keep the rows you need)'
		);
		// Blank lines, however written, are not rows.
		expect(parseCsv('a\n1\n \t\r\n\u00a0\n2\n', 'x.csv', { maxRows: 2 }).rows).toHaveLength(2);
		// With quotes a line may not be a row: the rows are read, up to the first one over.
		const quoted = 'a,b\n"1\n1",2\n"3",4\n5,6\n';
		expect(parseCsv(quoted, 'q.csv', { maxRows: 3 }).rows).toHaveLength(3);
		expect(thrown(() => parseCsv(quoted, 'q.csv', { maxRows: 2 })).message).toBe(
			'q.csv: expected at most 2 rows of data, got more (split the file, or keep the rows you need)'
		);
	});

	it('trims header names but leaves cells as written', () => {
		const parsed = parseCsv(' a , b\n 1 ,2\n', 'x.csv');
		expect(parsed.header).toEqual(['a', 'b']);
		expect(parsed.rows[0].cells).toEqual([' 1 ', '2']);
	});
});

describe('checkSize', () => {
	it('accepts a file up to the limit and refuses a bigger one with its size in MB', () => {
		expect(() => checkSize(MAX_IMPORT_BYTES, 'ok.csv')).not.toThrow();
		const e = thrown(() => checkSize(62_300_000, 'big.csv'));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toBe('big.csv: expected a file of at most 50.0 MB, got 59.4 MB');
	});
});

describe('requireHeader', () => {
	const parsed = { file: 'x.csv', header: ['time_period', 'la_name', 'extra'] };

	it('returns where each expected column is, in any order', () => {
		expect(requireHeader(parsed, ['la_name', 'time_period'])).toEqual({
			la_name: 1,
			time_period: 0
		});
	});

	it('names the file and the missing columns', () => {
		const e = thrown(() => requireHeader(parsed, ['time_period', 'Total_all', 'ehcplans']));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toBe(
			'x.csv, row 1: expected the columns time_period,Total_all,ehcplans, got a header with no column "Total_all", "ehcplans"'
		);
	});

	it('with exact, names unexpected columns too', () => {
		const e = thrown(() => requireHeader(parsed, ['time_period', 'la_name'], { exact: true }));
		expect(e.message).toBe(
			'x.csv, row 1: expected exactly the columns time_period,la_name, got a header with the unexpected column "extra"'
		);
	});
});

describe('parseCsvStream', () => {
	const text = '\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n';

	it('hands over the same rows, with the same lines, as parseCsv', async () => {
		const rows: CsvRecord[] = [];
		const summary = await parseCsvStream(new File([text], 'f.csv'), (r) => rows.push(r));
		expect(summary).toEqual({ file: 'f.csv', header: ['a', 'b'], rowCount: 2 });
		expect(rows).toEqual(parseCsv(text, 'f.csv').rows);
	});

	it('reads a file larger than one chunk, keeping only the rows asked for', async () => {
		const lines = ['la,n'];
		for (let i = 0; i < 20_000; i++) lines.push(`${i % 7 === 0 ? 'Kingston' : 'Other'},${i}`);
		const blob = new Blob([lines.join('\n')]);
		const kept: number[] = [];
		const progress: number[] = [];
		const summary = await parseCsvStream(
			blob,
			(r) => {
				if (r.cells[0] === 'Kingston') kept.push(r.line);
			},
			{ fileName: 'big.csv', onProgress: (read, total) => progress.push(read / total) }
		);
		expect(summary.rowCount).toBe(20_000);
		expect(kept.length).toBe(Math.ceil(20_000 / 7));
		expect(kept[1]).toBe(9);
		expect(progress[progress.length - 1]).toBe(1);
	});

	it('keeps a character split across chunks whole', async () => {
		const head = 'name\n';
		const bytes = new TextEncoder().encode(head + 'Ynys Môn\n');
		// Split inside the two bytes of "ô".
		const at = new TextEncoder().encode(head + 'Ynys M').length + 1;
		const blob = new Blob([bytes.slice(0, at), bytes.slice(at)]);
		const rows: string[] = [];
		await parseCsvStream(blob, (r) => rows.push(r.cells[0]));
		expect(rows).toEqual(['Ynys Môn']);
	});

	it('stops with the error a handler throws', async () => {
		const e = await rejected(
			parseCsvStream(new File(['a\n1\n2\n'], 'f.csv'), (r) => {
				if (r.line === 2) throw new ImportError('f.csv', r.line, 'a', 'something else');
			})
		);
		expect(e.message).toBe('f.csv, row 2, column "a": expected something else');
	});

	it('stops at the header when onHeader refuses it', async () => {
		let rows = 0;
		const e = await rejected(
			parseCsvStream(new File(['a\n1\n'], 'f.csv'), () => rows++, {
				onHeader: () => {
					throw new Error('not this file');
				}
			})
		);
		expect(e.message).toBe('not this file');
		expect(rows).toBe(0);
	});

	it('rejects malformed CSV with file, line and column', async () => {
		const e = await rejected(parseCsvStream(new File(['a,b\n1,"2\n'], 'q.csv'), () => {}));
		expect(e).toBeInstanceOf(CsvError);
		expect(e.message).toMatch(/^q\.csv, line 2, column "b": expected a closed quoted value/);
	});

	it('refuses bytes that are not UTF-8, naming the line and byte, rather than reading U+FFFD', async () => {
		// "£" in Windows-1252 is the single byte 0xA3, which is not UTF-8.
		const bytes = Uint8Array.of(...new TextEncoder().encode('ref,value\n1,'), 0xa3, 0x35, 0x0a);
		const e = await rejected(parseCsvStream(new File([bytes], 'w.csv'), () => {}));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toBe(
			'w.csv, row 2: expected UTF-8 text (save it as "CSV UTF-8" or with UTF-8 encoding), got a byte that is not UTF-8 (0xA3 at byte 13)'
		);
	});

	it('names the line of a bad byte in a later chunk, and a character cut off at the end', async () => {
		const good = new TextEncoder().encode('a\n1\n2\n');
		const late = await rejected(
			parseCsvStream(new Blob([good, Uint8Array.of(0x33, 0xff, 0x0a)]), () => {}, {
				fileName: 'late.csv'
			})
		);
		expect(late.message).toMatch(/^late\.csv, row 4: .* \(0xFF at byte 8\)$/);
		const cut = await rejected(
			parseCsvStream(new Blob([good, Uint8Array.of(0x33, 0xe2, 0x82)]), () => {}, {
				fileName: 'cut.csv'
			})
		);
		expect(cut.message).toMatch(/^cut\.csv, row 4: expected UTF-8 text .*cut off at the end/);
	});

	it('stops at the first row over maxRows', async () => {
		let rows = 0;
		const e = await rejected(
			parseCsvStream(new File(['a\n1\n2\n3\n'], 'm.csv'), () => rows++, { maxRows: 2 })
		);
		expect(e.message).toMatch(/^m\.csv: expected at most 2 rows of data, got more/);
		expect(rows).toBe(2);
	});

	it('rejects an empty file and one over the size limit', async () => {
		expect((await rejected(parseCsvStream(new File([''], 'e.csv'), () => {}))).message).toBe(
			'e.csv: expected a header row, got an empty file'
		);
		const big = new File(['a,b\n1,2\n'], 'big.csv');
		expect((await rejected(parseCsvStream(big, () => {}, { maxBytes: 3 }))).message).toMatch(
			/^big\.csv: expected a file of at most/
		);
	});
});
