import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	DEFAULT_RUN_LIMIT,
	deleteRunsOfScenario,
	getRun,
	listRunsOfScenario,
	pruneRuns,
	putRun,
	runKey
} from '$lib/storage/runs';
import type { RunRecord } from '$lib/storage/schema';
import type { WorkbenchDatabase } from '$lib/storage/transaction';
import { openFresh } from './fake-idb';

let db: WorkbenchDatabase;

beforeEach(async () => {
	({ db } = await openFresh());
});

afterEach(() => db.close());

function run(scenarioId: string, createdAt: number, seed = 50): RunRecord {
	return {
		scenarioId,
		inputsHash: 'abc123',
		seed,
		simulations: 1000,
		createdAt,
		summary: { ehcp_total: { '2022': { mean: 1537.4, p5: 1490, p95: 1588 } } },
		samples: null
	};
}

describe('runs', () => {
	it('stores a run under its scenario, inputs hash, seed and N, typed arrays included', async () => {
		const samples = { ehcp_total: Float64Array.from([1501.5, 1533, 1560.25]) };
		const stored = await putRun(db, { ...run('s1', 1), samples });
		const back = await getRun(db, ['s1', 'abc123', 50, 1000]);
		expect(back).toEqual(stored);
		expect(back?.samples?.ehcp_total).toBeInstanceOf(Float64Array);
		expect(Array.from(back?.samples?.ehcp_total ?? [])).toEqual([1501.5, 1533, 1560.25]);
		expect(await getRun(db, ['s1', 'abc123', 51, 1000])).toBeUndefined();
		expect(await getRun(db, ['s1', 'other', 50, 1000])).toBeUndefined();
	});

	it('builds the key in the order of the key path', () => {
		expect(runKey(run('s1', 1))).toEqual(['s1', 'abc123', 50, 1000]);
	});

	it('stamps a run with the time it was stored when none is given', async () => {
		const { createdAt: _, ...rest } = run('s1', 0);
		const stored = await putRun(db, rest);
		expect(Number.isInteger(stored.createdAt) && stored.createdAt > 0).toBe(true);
	});

	it('prunes the oldest runs beyond the limit when storing one', async () => {
		for (let i = 1; i <= 5; i++) await putRun(db, run('s1', i * 1000, i), 3);
		const kept = await listRunsOfScenario(db, 's1');
		expect(kept.map((r) => r.seed)).toEqual([5, 4, 3]);
	});

	it('prunes by age across scenarios, and says how many went', async () => {
		await putRun(db, run('a', 3000));
		await putRun(db, run('b', 1000));
		await putRun(db, run('c', 2000));
		expect(await pruneRuns(db, 1)).toBe(2);
		expect(await getRun(db, runKey(run('a', 0)))).toBeDefined();
		expect(await getRun(db, runKey(run('b', 0)))).toBeUndefined();
		expect(await getRun(db, runKey(run('c', 0)))).toBeUndefined();
		expect(await pruneRuns(db, 1)).toBe(0);
	});

	it(`keeps ${DEFAULT_RUN_LIMIT} runs by default`, async () => {
		for (let i = 0; i <= DEFAULT_RUN_LIMIT; i++) await putRun(db, run('s1', i, i));
		const kept = await listRunsOfScenario(db, 's1');
		expect(kept).toHaveLength(DEFAULT_RUN_LIMIT);
		expect(kept.some((r) => r.seed === 0)).toBe(false);
	});

	it('deletes the runs of one scenario only', async () => {
		await putRun(db, run('a', 1));
		await putRun(db, run('a', 2, 7));
		await putRun(db, run('b', 3));
		expect(await deleteRunsOfScenario(db, 'a')).toBe(2);
		expect(await listRunsOfScenario(db, 'a')).toEqual([]);
		expect(await listRunsOfScenario(db, 'b')).toHaveLength(1);
	});

	it('names the requirement when the limit is not a whole number', async () => {
		await expect(pruneRuns(db, -1)).rejects.toThrow(
			'pruneRuns: keep must be a whole number ≥ 0, got -1'
		);
		await expect(putRun(db, run('a', 1), 0)).rejects.toThrow(
			'putRun: keep must be a whole number ≥ 1, got 0'
		);
	});
});
