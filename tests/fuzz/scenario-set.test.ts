/**
 * Fuzzing the scenario-set importer (parseScenarioSet, then importScenarioSet): whatever the file
 * holds, it answers with a result (never throws), every error names the file, nothing reaches a
 * built-in prototype, a file it accepts lands whole (and exports again the same), and a storage
 * failure part-way through the import writes nothing.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import {
	MAX_SCENARIO_SET_BYTES,
	parseScenarioSet,
	serialiseScenarioSet,
	type ScenarioSetParseResult
} from '$lib/io/scenario-set/format';
import { importScenarioSetFile } from '$lib/io/scenario-set/file';
import {
	importScenarioSet,
	isStorageError,
	listDatasets,
	listScenarios,
	openWorkbenchDb
} from '$lib/storage';
import {
	HANG_GUARD_MS,
	RUNS,
	anyText,
	expectNoPollution,
	mutatedJson,
	prototypeSnapshot
} from './mutate';

const META = {
	createdAt: '2024-01-01T00:00:00.000Z',
	app: { name: 'SEND workbench', version: '1' }
};
const VALID = serialiseScenarioSet(kingstonDataset(), kingstonScenarios(), META);
const FILE = 'kingston-scenarios.json';

/** The checks every answer must pass, whatever the input. */
function checkAnswer(result: ScenarioSetParseResult, file: string) {
	if (result.ok) {
		expect(result.scenarios.length).toBeGreaterThanOrEqual(0);
		expect(result.dataset.id).toEqual(expect.any(String));
		return;
	}
	expect(result.errors.length).toBeGreaterThan(0);
	for (const e of result.errors) expect(e.message).toContain(file);
	expect('dataset' in result).toBe(false);
}

describe('parseScenarioSet on generated files', { timeout: HANG_GUARD_MS }, () => {
	it('answers any text with a result naming the file, and pollutes nothing', () => {
		const before = prototypeSnapshot();
		fc.assert(
			fc.property(anyText(), fc.string({ minLength: 1, maxLength: 20 }), (text, name) => {
				checkAnswer(parseScenarioSet(text, name), name);
			}),
			{ numRuns: RUNS.quick }
		);
		expectNoPollution(before);
	});

	it('answers random JSON with a result naming the file', () => {
		const before = prototypeSnapshot();
		fc.assert(
			fc.property(fc.json({ maxDepth: 6 }), (text) => {
				checkAnswer(parseScenarioSet(text, FILE), FILE);
			}),
			{ numRuns: RUNS.quick }
		);
		expectNoPollution(before);
	});

	it('answers a damaged scenario set (keys dropped, values changed, prototype keys, deep nesting, cut short) with a result naming the file, and pollutes nothing', () => {
		const before = prototypeSnapshot();
		fc.assert(
			fc.property(mutatedJson(VALID, ['dataset', 'scenarios']), (text) => {
				const result = parseScenarioSet(text, FILE);
				checkAnswer(result, FILE);
				if (result.ok) {
					// Accepted means whole and sound: it can be written and read back the same.
					const again = parseScenarioSet(
						serialiseScenarioSet(result.dataset, result.scenarios, META),
						FILE
					);
					expect(again.ok && again.scenarios).toEqual(result.scenarios);
				}
			}),
			{ numRuns: RUNS.medium }
		);
		expectNoPollution(before);
	});

	it('drops __proto__, constructor and prototype keys wherever they are (nested ones too), with a warning', () => {
		const before = prototypeSnapshot();
		const text = VALID.replace(
			/^\{/,
			'{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}},'
		).replace('"dataset": {', '"dataset": {"__proto__": {"polluted": "yes"},');
		const result = parseScenarioSet(text, FILE);
		expect(result.ok).toBe(true);
		expect(result.warnings.map((w) => w.message).join(' ')).toMatch(
			/4 keys named __proto__, constructor or prototype were ignored/
		);
		if (result.ok) {
			expect(Object.getPrototypeOf(result.dataset)).toBe(Object.prototype);
			expect((result.dataset as unknown as Record<string, unknown>).polluted).toBeUndefined();
		}
		expectNoPollution(before);
	});

	it(`refuses a file over ${MAX_SCENARIO_SET_BYTES / 1024 / 1024} MB before reading it, saying so`, () => {
		const result = parseScenarioSet(' '.repeat(MAX_SCENARIO_SET_BYTES + 1), 'huge.json');
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors[0].message).toBe(
			'"huge.json" is 20 MB; a scenario set can be at most 20 MB. Is it the right file?'
		);
	});
});

describe('importScenarioSetFile (the Data page import)', { timeout: HANG_GUARD_MS }, () => {
	it('answers with what was added or why nothing was, naming the file, whatever the file or the save', async () => {
		const file = fc.record({
			name: fc.constantFrom(FILE, 'a b.json', '__proto__.json'),
			text: fc.oneof(
				mutatedJson(VALID, ['dataset', 'scenarios']),
				anyText(300),
				fc.constant(VALID)
			),
			unreadable: fc.boolean(),
			saveFails: fc.boolean()
		});
		await fc.assert(
			fc.asyncProperty(file, async ({ name, text, unreadable, saveFails }) => {
				let added = 0;
				const outcome = await importScenarioSetFile(
					{ name, text: async () => (unreadable ? Promise.reject(new Error('gone')) : text) },
					async () => {
						if (saveFails) throw new Error('storage full');
						added++;
					}
				);
				if (outcome.ok) expect(added).toBe(1);
				else {
					expect(outcome.errors.length).toBeGreaterThan(0);
					for (const e of outcome.errors) expect(e).toContain(name);
				}
			}),
			{ numRuns: RUNS.slow }
		);
	});
});

describe('importScenarioSet under failing storage', { timeout: HANG_GUARD_MS }, () => {
	it('writes all of an accepted file, or nothing when a write fails part-way', async () => {
		const parsed = parseScenarioSet(VALID, FILE);
		if (!parsed.ok) throw new Error('the valid file did not parse');
		const puts = 1 + parsed.scenarios.length;
		await fc.assert(
			fc.asyncProperty(
				fc.option(fc.integer({ min: 1, max: puts }), { nil: null }),
				fc.constantFrom('QuotaExceededError', 'UnknownError', 'DataCloneError'),
				async (failAt, name) => {
					const db = await openWorkbenchDb(new IDBFactory());
					const put = globalThis.IDBObjectStore.prototype.put;
					let calls = 0;
					const spy = vi
						.spyOn(globalThis.IDBObjectStore.prototype, 'put')
						.mockImplementation(function (
							this: IDBObjectStore,
							...args: Parameters<IDBObjectStore['put']>
						) {
							if (++calls === failAt) throw new DOMException('injected', name);
							return put.apply(this, args);
						});
					try {
						const outcome = await importScenarioSet(db, parsed.dataset, parsed.scenarios).then(
							() => 'ok' as const,
							(e: unknown) => e
						);
						spy.mockRestore();
						const datasets = await listDatasets(db);
						const scenarios = await listScenarios(db, parsed.dataset.id);
						if (failAt === null) {
							expect(outcome).toBe('ok');
							expect(datasets).toHaveLength(1);
							expect(scenarios).toHaveLength(parsed.scenarios.length);
						} else {
							expect(isStorageError(outcome)).toBe(true);
							expect((outcome as Error).message.length).toBeGreaterThan(20);
							expect(datasets).toEqual([]);
							expect(scenarios).toEqual([]);
						}
					} finally {
						spy.mockRestore();
						db.close();
					}
				}
			),
			{ numRuns: 15 }
		);
	});
});
