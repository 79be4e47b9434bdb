/**
 * Fuzzing the CSV reader every CSV importer stands on (parseCsv for text, parseCsvStream for a
 * File as the browser hands it over): whatever the bytes, it returns rows or throws an
 * ImportError naming the file, in memory and streamed alike, and the two agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '$lib/io/csv/errors';
import { MAX_IMPORT_BYTES, parseCsv, parseCsvStream } from '$lib/io/csv/parse';
import { HANG_GUARD_MS, RUNS, anyText, csvLike, mutatedCsv } from './mutate';

const FILE = 'upload.csv';
const VALID = 'a,b,c\n1,2,3\n"x, y","say ""hi""",\n4,5,6\n';

type Outcome = { header: string[]; rows: string[][] } | { error: string };

function inMemory(text: string): Outcome {
	try {
		const parsed = parseCsv(text, FILE);
		return { header: parsed.header, rows: parsed.rows.map((r) => r.cells) };
	} catch (e) {
		if (!(e instanceof ImportError)) throw e;
		expect(e.file).toBe(FILE);
		expect(e.message.startsWith(FILE)).toBe(true);
		return { error: e.message };
	}
}

async function streamed(bytes: Uint8Array | string): Promise<Outcome> {
	const rows: string[][] = [];
	try {
		const summary = await parseCsvStream(
			new Blob([bytes as BlobPart]),
			(row) => rows.push(row.cells),
			{ fileName: FILE }
		);
		expect(summary.rowCount).toBe(rows.length);
		return { header: summary.header, rows };
	} catch (e) {
		if (!(e instanceof ImportError)) throw e;
		expect(e.file).toBe(FILE);
		return { error: e.message };
	}
}

describe('the CSV reader on generated files', { timeout: HANG_GUARD_MS }, () => {
	it('returns rows or throws an ImportError naming the file, for any text', () => {
		fc.assert(
			fc.property(fc.oneof(anyText(), csvLike, mutatedCsv(VALID)), (text) => {
				const out = inMemory(text);
				if ('rows' in out) for (const r of out.rows) expect(r).toHaveLength(out.header.length);
			}),
			{ numRuns: RUNS.quick }
		);
	});

	it('reads a file streamed in chunks as it reads the same text in memory', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(csvLike, mutatedCsv(VALID), anyText(500)), async (text) => {
				// A file is bytes: lone surrogates in the text become U+FFFD once written as UTF-8.
				const a = inMemory(new TextDecoder().decode(new TextEncoder().encode(text)));
				const b = await streamed(text);
				expect('error' in b).toBe('error' in a);
				if ('rows' in a && 'rows' in b) expect(b).toEqual(a);
			}),
			{ numRuns: RUNS.slow }
		);
	});

	it('settles on any bytes streamed, never hanging', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 3_000 }), async (bytes) => {
				await streamed(bytes);
			}),
			{ numRuns: RUNS.slow }
		);
	});

	it(`refuses text over ${MAX_IMPORT_BYTES / 1024 / 1024} MB, counting UTF-8 bytes, before reading it`, () => {
		expect(() => parseCsv('é'.repeat(MAX_IMPORT_BYTES / 2 + 1), FILE)).toThrow(
			/^upload\.csv: expected a file of at most 50\.0 MB, got 50\.0 MB/
		);
		expect(() => parseCsv('a', FILE, { maxBytes: 0 })).toThrow(
			/^upload\.csv: expected a file of at most 0\.0 MB/
		);
	});
});
