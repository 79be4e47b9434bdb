import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/lib/io/csv/errors';
import { decodeUtf8, readUtf8File } from '../../../../src/lib/io/csv/utf8';

const utf8 = (s: string) => new TextEncoder().encode(s);

function thrown(f: () => unknown): Error {
	try {
		f();
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a throw');
}

describe('decodeUtf8', () => {
	it('reads UTF-8 text, dropping a byte-order mark', () => {
		expect(decodeUtf8(utf8('\uFEFFYnys Môn, £5 – “x”'), 'a.csv')).toBe('Ynys Môn, £5 – “x”');
		expect(decodeUtf8(utf8('a').buffer, 'a.csv')).toBe('a');
	});

	it('refuses a Windows-1252 file, naming the line and the byte, where a lenient read gives U+FFFD', () => {
		const bytes = Uint8Array.of(...utf8('name\nBromley '), 0x96, ...utf8(' North\n'));
		expect(new TextDecoder().decode(bytes)).toContain('\uFFFD');
		const e = thrown(() => decodeUtf8(bytes, 'la.csv'));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toBe(
			'la.csv, row 2: expected UTF-8 text (save it as "CSV UTF-8" or with UTF-8 encoding), got a byte that is not UTF-8 (0x96 at byte 14)'
		);
	});

	it('refuses overlong forms, surrogates and a character cut off at the end', () => {
		for (const bad of [
			[0xc0, 0xaf],
			[0xed, 0xa0, 0x80],
			[0xf4, 0x90, 0x80, 0x80],
			[0xe2, 0x82]
		]) {
			const e = thrown(() => decodeUtf8(Uint8Array.of(0x41, ...bad), 'x.json'));
			expect(e.message).toMatch(/^x\.json, row 1: expected UTF-8 text .* at byte 2\)$/);
		}
	});

	it('says a spreadsheet or PDF is not a text file', () => {
		const xlsx = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff);
		expect(thrown(() => decodeUtf8(xlsx, 'book.csv')).message).toBe(
			'book.csv: expected a text file, got binary content (a spreadsheet or a PDF? save it as CSV UTF-8)'
		);
	});

	it('gives advice for a JSON file, not CSV advice, when an image is chosen as a scenario set', () => {
		const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00);
		const message = thrown(() => decodeUtf8(png, 'chart.json')).message;
		expect(message).toBe(
			'chart.json: expected a text file, got binary content (an image, a spreadsheet or a PDF?), not JSON: choose the scenario set file (.json) the workbench exported'
		);
		expect(message).not.toContain('CSV');
		const latin1 = thrown(() => decodeUtf8(Uint8Array.of(0x7b, 0xa3, 0x7d), 'set.json')).message;
		expect(latin1).not.toContain('CSV');
		expect(latin1).toContain('a JSON file, as the workbench exports a scenario set');
	});
});

describe('readUtf8File', () => {
	it('reads a File by its bytes, strictly', async () => {
		expect(await readUtf8File(new File([utf8('ok')], 'ok.csv'))).toBe('ok');
		await expect(readUtf8File(new File([Uint8Array.of(0xff)], 'bad.csv'))).rejects.toThrow(
			/^bad\.csv, row 1: expected UTF-8 text/
		);
	});

	it('falls back to text() for a source without bytes', async () => {
		expect(await readUtf8File({ name: 't', text: async () => 'x' })).toBe('x');
	});
});
