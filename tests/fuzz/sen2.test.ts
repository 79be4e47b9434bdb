/**
 * Fuzzing the SEN2 importer: in memory (importSen2, scanSen2, detectSen2File) and as the browser
 * runs it, streaming Blobs (the worker API). Whatever the files hold, it returns a result or
 * throws an ImportError whose message starts with the name of the file at fault; an accepted
 * import has finite, non-negative counts; nothing reaches a built-in prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '$lib/io/csv/errors';
import { MAX_IMPORT_BYTES } from '$lib/io/csv/parse';
import { importSen2, scanSen2, type Sen2TextFile } from '$lib/io/sen2/import';
import { detectSen2File } from '$lib/io/sen2/kinds';
import { sen2WorkerApi } from '$workers/import-api';
import { RELEASE_2022, RELEASE_2025, fixture } from '../lib/io/sen2/fixtures';
import {
	NASTY_CELLS,
	HANG_GUARD_MS,
	RUNS,
	anyText,
	csvLike,
	expectNoPollution,
	mutatedCsv,
	prototypeSnapshot
} from './mutate';

const KINGSTON = 'Kingston upon Thames';
const VALID: Sen2TextFile[] = [...RELEASE_2022, ...RELEASE_2025].map(fixture);

/** Runs an import; passes if it returned, or threw an ImportError naming a given file. */
function answer<T>(files: readonly { name: string }[], run: () => T): T | ImportError {
	try {
		return run();
	} catch (e) {
		expectNamedImportError(e, files);
		return e as ImportError;
	}
}

function expectNamedImportError(e: unknown, files: readonly { name: string }[]) {
	if (!(e instanceof ImportError)) throw e;
	// One file, or (for a problem of the set, e.g. no such authority) a list of them.
	const names = [...files.map((f) => f.name), 'SEN2 import'];
	const named = names.includes(e.file) || e.file.split(', ').every((n) => names.includes(n));
	expect(named, `"${e.file}" names none of the files`).toBe(true);
	expect(e.message.startsWith(e.file)).toBe(true);
}

function checkImport(result: ReturnType<typeof importSen2> | ImportError) {
	if (result instanceof ImportError) return;
	const series = [...Object.values(result.history), result.newPlansTotal];
	for (const list of series) {
		for (const { year, count } of list ?? []) {
			expect(Number.isInteger(year)).toBe(true);
			expect(Number.isFinite(count.value) && count.value >= 0).toBe(true);
		}
	}
}

/** The release files with one replaced by a damaged copy, or by anything at all. */
const damaged = fc
	.record({
		which: fc.nat({ max: VALID.length - 1 }),
		how: fc.constantFrom('mutate', 'mutate', 'mutate', 'random', 'csv-like')
	})
	.chain(({ which, how }) => {
		const text =
			how === 'mutate'
				? mutatedCsv(VALID[which].text)
				: how === 'random'
					? anyText(1_000)
					: csvLike;
		return text.map((t) => VALID.map((f, i) => (i === which ? { ...f, text: t } : f)));
	});

describe('importSen2 on generated files', { timeout: HANG_GUARD_MS }, () => {
	it('imports the untouched fixtures (the baseline for the damaged ones)', () => {
		expect(importSen2(VALID, KINGSTON).history).toBeDefined();
	});

	it('returns or throws an ImportError naming the file, for damaged release files', () => {
		const before = prototypeSnapshot();
		fc.assert(
			fc.property(damaged, (files) => {
				checkImport(answer(files, () => importSen2(files, KINGSTON)));
				answer(files, () => scanSen2(files));
			}),
			{ numRuns: RUNS.medium }
		);
		expectNoPollution(before);
	});

	it('returns or throws an ImportError for any authority asked for', () => {
		const authority = fc.oneof(
			fc.constantFrom(KINGSTON, 'E09000021', '314', 'kingston', ...NASTY_CELLS),
			fc.string({ maxLength: 20 })
		);
		fc.assert(
			fc.property(authority, (a) => {
				checkImport(answer(VALID, () => importSen2(VALID, a)));
			}),
			{ numRuns: RUNS.medium }
		);
	});

	it('recognises a file by its header, or says what it is missing, for any header', () => {
		const header = fc.oneof(
			fc.array(fc.oneof(fc.constantFrom(...NASTY_CELLS), fc.string({ maxLength: 12 })), {
				maxLength: 12
			}),
			fc
				.tuple(fc.constantFrom(...VALID), fc.array(fc.nat(), { maxLength: 4 }))
				.map(([f, drops]) => {
					const cols = f.text.split('\n')[0].split(',');
					for (const d of drops) cols.splice(d % cols.length, 1);
					return cols;
				})
		);
		fc.assert(
			fc.property(header, fc.string({ maxLength: 20 }), (h, name) => {
				answer([{ name }], () => detectSen2File(h, name));
			}),
			{ numRuns: RUNS.quick }
		);
	});

	it('refuses a count too large to be exact (found by this fuzz test: 400 nines read as Infinity)', () => {
		const caseload = fixture(RELEASE_2025[0]);
		const text = caseload.text.replace(
			/(Kingston upon Thames,All EHC plans,All EHC plans,)\d+/,
			`$1${'9'.repeat(400)}`
		);
		expect(text).not.toBe(caseload.text);
		expect(() => importSen2([{ ...caseload, text }], KINGSTON)).toThrow(
			/^caseload\.csv, row \d+, column "ehcplans": expected a whole number ≥ 0 or "z"\/"x", got "9{37}…"/
		);
	});

	it(`refuses a file over ${MAX_IMPORT_BYTES / 1024 / 1024} MB with a message naming it and the limit`, () => {
		const big = { name: 'sen2_mi.csv', text: 'a'.repeat(MAX_IMPORT_BYTES + 1) };
		expect(() => importSen2([big], KINGSTON)).toThrow(
			/^sen2_mi\.csv: expected a file of at most 50\.0 MB, got 50\.0 MB/
		);
	});
});

describe(
	'the SEN2 worker API on generated files (streamed, as in the browser)',
	{ timeout: HANG_GUARD_MS },
	() => {
		it('resolves or rejects with an ImportError naming the file, for damaged files', async () => {
			const before = prototypeSnapshot();
			await fc.assert(
				fc.asyncProperty(damaged, async (files) => {
					const sources = files.map((f) => ({ name: f.name, blob: new Blob([f.text]) }));
					await sen2WorkerApi.importFiles(sources, KINGSTON).then(
						(result) => checkImport(result),
						(e: unknown) => expectNamedImportError(e, files)
					);
				}),
				{ numRuns: RUNS.slow }
			);
			expectNoPollution(before);
		});

		it('refuses a file over the limit before reading it', async () => {
			const blob = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]);
			await expect(
				sen2WorkerApi.importFiles([{ name: 'caseload.csv', blob }], KINGSTON)
			).rejects.toThrow(/^caseload\.csv: expected a file of at most 50\.0 MB/);
		});
	}
);
