/**
 * Fuzzing the witan.send readers (parseWitanInputs for the four input files, parseWitanOutputs
 * for the output files): whatever the files hold, each answers with a result and never throws;
 * every error is an ImportError naming one of the files; an accepted import is complete; nothing
 * reaches a built-in prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '$lib/io/csv/errors';
import { MAX_IMPORT_BYTES } from '$lib/io/csv/parse';
import type { WitanFile } from '$lib/io/witan/csv';
import { WITAN_INPUT_FILES } from '$lib/io/witan/format';
import { parseWitanInputs, type WitanInputsResult } from '$lib/io/witan/parse-inputs';
import { parseWitanOutputs, writeWitanOutputs } from '$lib/io/witan/outputs';
import { inputFiles } from '../fixtures/witan/inputs';
import {
	HANG_GUARD_MS,
	RUNS,
	anyText,
	csvLike,
	expectNoPollution,
	mutatedCsv,
	prototypeSnapshot
} from './mutate';

const NAMES = [...WITAN_INPUT_FILES];

function checkInputs(result: WitanInputsResult, files: WitanFile[]) {
	const names = new Set([...files.map((f) => f.name), ...NAMES]);
	if (result.ok) {
		const i = result.inputs;
		expect(i.settings.length).toBeGreaterThan(0);
		expect(i.transitions.length).toBeGreaterThan(0);
		expect(i.horizonCensus).toBeGreaterThan(i.baseCensus - 1);
		for (const c of i.baseCaseload) expect(Number.isFinite(c.count.value)).toBe(true);
		for (const c of i.unitCosts) expect(Number.isFinite(c.cost.value)).toBe(true);
		for (const p of i.population) expect(Number.isFinite(p.population.value)).toBe(true);
		return;
	}
	expect(result.errors.length).toBeGreaterThan(0);
	expect(result.errorCount).toBeGreaterThanOrEqual(result.errors.length);
	expect('inputs' in result).toBe(false);
	for (const e of result.errors) {
		expect(e).toBeInstanceOf(ImportError);
		expect(names.has(e.file)).toBe(true);
		expect(e.message.startsWith(e.file)).toBe(true);
	}
}

/** One of the four files replaced by a damaged copy (or by anything at all). */
const damagedInputs = fc
	.record({
		which: fc.constantFrom(...NAMES),
		how: fc.constantFrom('mutate', 'mutate', 'mutate', 'random', 'csv-like'),
		seed: fc.nat()
	})
	.chain(({ which, how }) => {
		const valid = inputFiles().find((f) => f.name === which)!.text;
		const text = how === 'mutate' ? mutatedCsv(valid) : how === 'random' ? anyText(1_000) : csvLike;
		return text.map((t) => inputFiles({ [which]: t }));
	});

describe('parseWitanInputs on generated files', { timeout: HANG_GUARD_MS }, () => {
	it('accepts the untouched fixture (the baseline for the damaged ones)', () => {
		expect(parseWitanInputs(inputFiles()).ok).toBe(true);
	});

	it('answers damaged input files with a result, errors naming the file', () => {
		const before = prototypeSnapshot();
		fc.assert(
			fc.property(damagedInputs, (files) => checkInputs(parseWitanInputs(files), files)),
			{ numRuns: RUNS.quick }
		);
		expectNoPollution(before);
	});

	it('answers several damaged files at once, renamed, missing or repeated', () => {
		const before = prototypeSnapshot();
		const files = fc
			.array(
				fc.record({
					name: fc.oneof(
						fc.constantFrom(...NAMES, 'data/transitions.csv', 'Costs.CSV', '__proto__', ''),
						fc.string({ maxLength: 10 })
					),
					text: fc.oneof(csvLike, anyText(300), ...inputFiles().map((f) => mutatedCsv(f.text)))
				}),
				{ maxLength: 6 }
			)
			.map((list) => list as WitanFile[]);
		fc.assert(
			fc.property(files, (list) => checkInputs(parseWitanInputs(list), list)),
			{ numRuns: RUNS.medium }
		);
		expectNoPollution(before);
	});

	it(`refuses a file over ${MAX_IMPORT_BYTES / 1024 / 1024} MB with a message naming it and the limit`, () => {
		const result = parseWitanInputs(
			inputFiles({ 'transitions.csv': 'a'.repeat(MAX_IMPORT_BYTES + 1) })
		);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors[0].message).toMatch(
			/^transitions\.csv: expected a file of at most 50\.0 MB, got 50\.0 MB/
		);
	});
});

describe('parseWitanOutputs on generated files', { timeout: HANG_GUARD_MS }, () => {
	const valid = writeWitanOutputs({
		count: [{ calendarYear: 2017, values: Float64Array.from([2153, 2160, 2149.5]) }],
		ay: [{ calendarYear: 2017, key: -1, values: Float64Array.from([1, 2]) }],
		need: [{ calendarYear: 2017, key: 'ASD', values: Float64Array.from([10, 11, 12]) }]
	});

	it('answers damaged output files with a result, errors naming the file', () => {
		const before = prototypeSnapshot();
		const files = fc
			.tuple(fc.nat({ max: valid.length - 1 }), fc.oneof(anyText(500), csvLike), fc.nat())
			.chain(([i, random, pick]) =>
				(pick % 3 === 0 ? fc.constant(random) : mutatedCsv(valid[i].text)).map((text) =>
					valid.map((f, j) => (j === i ? { ...f, text } : f))
				)
			);
		fc.assert(
			fc.property(files, (list) => {
				const result = parseWitanOutputs(list);
				if (!result.ok) {
					const names = new Set(list.map((f) => f.name));
					for (const e of result.errors) {
						expect(e).toBeInstanceOf(ImportError);
						expect(names.has(e.file)).toBe(true);
					}
				} else {
					for (const rows of Object.values(result.outputs)) {
						for (const r of rows ?? []) expect(Number.isInteger(r.calendarYear)).toBe(true);
					}
				}
			}),
			{ numRuns: RUNS.medium }
		);
		expectNoPollution(before);
	});
});
