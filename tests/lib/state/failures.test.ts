/**
 * The state layer when the projection fails: the last good results stay on screen, marked
 * stale, the problem is reported, and the next projection that works clears the mark.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchState } from '$lib/state/workbench.svelte';
import { BASELINE_TREND } from '$lib/data/kingston-scenarios';
import { metricValues } from '$lib/model/results';
import { failingWorkers, type Failure } from '../client/failing-projection-worker';

const opened: WorkbenchState[] = [];
afterEach(() => {
	for (const s of opened.splice(0)) s.dispose();
});

async function open(plan: Record<number, Failure>) {
	const workers = failingWorkers(plan);
	const s = new WorkbenchState({ worker: workers.create, db: null });
	opened.push(s);
	await s.init();
	return { s, workers };
}

const lastDeficit = (s: WorkbenchState, id: string) =>
	metricValues(s.results[id], 'cumulative_deficit_before_sv').at(-1)!;

const moreJoiners = {
	id: 'j',
	label: '',
	kind: 'joiners' as const,
	multiplier: 1.3,
	band: null,
	from: '2022/23',
	until: null
};

describe('the workbench when the projection fails', () => {
	it('keeps the last good results, marked stale, when the engine throws; the next run clears it', async () => {
		// Call 1 is the first projection on opening; call 2, after the edit, throws.
		const { s } = await open({ 2: 'throws' });
		const base = s.scenarioByName(BASELINE_TREND)!;
		const good = lastDeficit(s, base.id);
		expect(s.stale).toBe(false);

		await s.edit({ ...base, levers: [...base.levers, moreJoiners] });
		expect(s.stale).toBe(true);
		expect(s.workerProblem).toMatch(/could not be recomputed \(the engine threw\)/);
		expect(s.workerProblem).toMatch(/last good projection/);
		expect(lastDeficit(s, base.id)).toBe(good);
		expect(s.computing).toBe(false);
		// The edit itself is kept.
		expect(s.scenario(base.id)!.levers).toHaveLength(base.levers.length + 1);

		await s.recompute();
		expect(s.stale).toBe(false);
		expect(lastDeficit(s, base.id)).toBeGreaterThan(good);
	});

	it('reports a worker that dies mid-run, replaces it, and shows the rerun', async () => {
		const { s, workers } = await open({ 2: 'dies' });
		const base = s.scenarioByName(BASELINE_TREND)!;
		const good = lastDeficit(s, base.id);
		await s.edit({ ...base, levers: [...base.levers, moreJoiners] });
		expect(s.workerProblem).toMatch(/The projection worker failed \(out of memory\)/);
		expect(workers.made).toHaveLength(2);
		expect(s.stale).toBe(false);
		expect(lastDeficit(s, base.id)).toBeGreaterThan(good);
	});
});
