import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, MAY_PROJECTION, kingstonScenarios } from '$lib/data/kingston-scenarios';
import type { Scenario } from '$lib/model/scenario';
import {
	getRun,
	listRunsOfScenario,
	openWorkbenchDb,
	putRun,
	type WorkbenchDatabase
} from '$lib/storage';
import { SimulationState, inputsHash, sampledDifference } from '$lib/state/simulation.svelte';
import { statisticSeries, type MonteCarloSummary } from '$lib/model/results';
import { ENGINE_VERSION } from '$lib/engine/version';

const dataset = kingstonDataset();
const N = 60;
const scenario = (name: string): Scenario => {
	const s = structuredClone(kingstonScenarios().find((x) => x.name === name)!);
	return { ...s, monteCarlo: { simulations: N, seed: 50 } };
};

let db: WorkbenchDatabase;
const made: SimulationState[] = [];
const state = (debounceMs = 5) => {
	const s = new SimulationState({ createWorker: null, db, debounceMs });
	made.push(s);
	return s;
};

beforeEach(async () => {
	db = await openWorkbenchDb(new IDBFactory());
});
afterEach(() => {
	for (const s of made.splice(0)) s.dispose();
	db.close();
});

describe('inputsHash', () => {
	it('changes with an assumption, not with a name or description', () => {
		const a = scenario(BASELINE_TREND);
		expect(inputsHash(dataset, { ...a, name: 'Other', description: 'x' })).toBe(
			inputsHash(dataset, a)
		);
		const b = { ...a, levers: [] };
		expect(inputsHash(dataset, b)).not.toBe(inputsHash(dataset, a));
	});
});

describe('the background Monte Carlo', () => {
	it('simulates a scenario, summarises it and stores the run keyed by its inputs, seed and N', async () => {
		const sim = state();
		const s = scenario(BASELINE_TREND);
		await sim.run(dataset, [s]);
		const entry = sim.current(dataset, s)!;
		expect(entry.status).toBe('done');
		expect(entry.cached).toBe(false);
		expect(entry.summary!.simulations).toBe(N);
		expect(entry.summary!.breachProbability).toHaveLength(5);
		expect(entry.samples!.cumulative_deficit_before_sv).toHaveLength(N * 5);
		expect(sim.active).toBeNull();
		await vi.waitFor(async () =>
			expect(await getRun(db, [s.id, inputsHash(dataset, s), 50, N])).toBeDefined()
		);
	});

	it('reads a stored run back instead of running it again', async () => {
		const s = scenario(BASELINE_TREND);
		const first = state();
		await first.run(dataset, [s]);
		await vi.waitFor(async () => expect(await listRunsOfScenario(db, s.id)).toHaveLength(1));
		const second = state();
		await second.run(dataset, [s]);
		const entry = second.current(dataset, s)!;
		expect(entry.cached).toBe(true);
		expect(statisticSeries(entry.summary!, 'cumulative_deficit_before_sv', 'median')).toEqual(
			statisticSeries(first.current(dataset, s)!.summary!, 'cumulative_deficit_before_sv', 'median')
		);
	});

	it('shows no result for a scenario edited since it was simulated', async () => {
		const sim = state();
		const s = scenario(BASELINE_TREND);
		await sim.run(dataset, [s]);
		const edited = { ...s, levers: [] };
		expect(sim.current(dataset, edited)).toBeUndefined();
		expect(sim.summary(dataset, s)).toBeDefined();
	});

	it('runs only the latest version when edits come in quick succession', async () => {
		const sim = state(20);
		const s = scenario(BASELINE_TREND);
		const versions = [0.5, 0.6, 0.7].map((delivery) => ({
			...s,
			levers: [{ ...s.levers[0], delivery }]
		}));
		for (const v of versions) sim.request(dataset, [v]);
		expect(sim.entries[s.id].status).toBe('waiting');
		await vi.waitFor(() => expect(sim.entries[s.id].status).toBe('done'), { timeout: 5000 });
		expect(sim.current(dataset, versions[2])).toBeDefined();
		expect(await listRunsOfScenario(db, s.id).then((r) => r.length)).toBeLessThanOrEqual(1);
	});

	it('stops at once when cancelled, and says so', async () => {
		const sim = state(1);
		const s = { ...scenario(BASELINE_TREND), monteCarlo: { simulations: 5000, seed: 1 } };
		sim.request(dataset, [s]);
		await vi.waitFor(() => expect(sim.active).not.toBeNull(), { timeout: 5000 });
		sim.cancel();
		expect(sim.active).toBeNull();
		expect(sim.entries[s.id].status).toBe('cancelled');
		// A later request for the same, unchanged scenario does not restart what the user stopped.
		sim.request(dataset, [s]);
		expect(sim.entries[s.id].status).toBe('cancelled');
	});

	it('gives the difference between two scenarios simulation by simulation, with its standard error', async () => {
		const sim = state();
		const a = scenario(MAY_PROJECTION);
		const b = scenario(BASELINE_TREND);
		await sim.run(dataset, [a, b]);
		const d = sampledDifference(sim.current(dataset, a)!, sim.current(dataset, b)!, 'ehcp_total')!;
		const meanA = statisticSeries(sim.current(dataset, a)!.summary!, 'ehcp_total', 'mean');
		const meanB = statisticSeries(sim.current(dataset, b)!.summary!, 'ehcp_total', 'mean');
		d.byYear.forEach((y, k) => {
			expect(y.difference).toBeCloseTo(meanB[k] - meanA[k], 6);
			expect(y.standardError).toBeGreaterThanOrEqual(0);
		});
		const other = { ...b, id: 'other', monteCarlo: { simulations: N, seed: 51 } };
		await sim.run(dataset, [other]);
		expect(
			sampledDifference(sim.current(dataset, a)!, sim.current(dataset, other)!, 'ehcp_total')
		).toBeNull();
	});
});

describe('runs stored by another engine version', () => {
	it('has another inputs hash for another engine version', () => {
		const s = scenario(BASELINE_TREND);
		expect(inputsHash(dataset, s, ENGINE_VERSION + 1)).not.toBe(inputsHash(dataset, s));
		expect(inputsHash(dataset, s, ENGINE_VERSION)).toBe(inputsHash(dataset, s));
	});

	it('does not use a cached run made by another engine version: it runs the scenario again', async () => {
		const s = scenario(BASELINE_TREND);
		const first = state();
		await first.run(dataset, [s]);
		const stored = await vi.waitFor(async () => {
			const runs = await listRunsOfScenario(db, s.id);
			expect(runs).toHaveLength(1);
			return runs[0];
		});
		// The same run, as an older engine would have stored it: a median no run could give.
		await db.clear('runs');
		const summary = structuredClone(stored.summary) as MonteCarloSummary;
		const forged = { ...summary, simulations: -1 };
		await putRun(db, {
			...stored,
			inputsHash: inputsHash(dataset, s, ENGINE_VERSION - 1),
			summary: forged
		});
		const second = state();
		await second.run(dataset, [s]);
		const entry = second.current(dataset, s)!;
		expect(entry.cached).toBe(false);
		expect(entry.summary!.simulations).toBe(N);
		// …and the same stored under this version's key is used.
		await putRun(db, { ...stored, summary: forged });
		const third = state();
		await third.run(dataset, [s]);
		expect(third.current(dataset, s)!.cached).toBe(true);
		expect(third.current(dataset, s)!.summary!.simulations).toBe(-1);
	});
});
