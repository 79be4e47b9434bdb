import { afterEach, describe, expect, it } from 'vitest';
import { ProjectionClient } from '$lib/client/projection';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { metricValues } from '$lib/model/results';
import { failingWorkers } from './failing-projection-worker';

const clients: ProjectionClient[] = [];
afterEach(() => {
	for (const c of clients.splice(0)) c.dispose();
});

function client(plan: Parameters<typeof failingWorkers>[0]) {
	const workers = failingWorkers(plan);
	const problems: string[] = [];
	const c = new ProjectionClient({
		createWorker: workers.create,
		onWorkerError: (m) => problems.push(m)
	});
	clients.push(c);
	return { c, workers, problems };
}

const deficit = (r: Parameters<typeof metricValues>[0]) =>
	Math.round(metricValues(r, 'cumulative_deficit_before_sv')[0]);

describe('ProjectionClient when its worker fails', () => {
	it('reports a worker that dies, replaces it, and still answers the request', async () => {
		const { c, workers, problems } = client({ 1: 'dies' });
		await c.prepare(kingstonDataset());
		const [first] = await c.runExpected(kingstonScenarios());
		expect(deficit(first)).toBeGreaterThan(0);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/The projection worker failed \(out of memory\)/);
		expect(workers.made).toHaveLength(2);
		expect(workers.made[0].terminated).toBe(true);
		expect(workers.made[1].terminated).toBe(false);
		// The replacement keeps working.
		const again = await c.runExpected(kingstonScenarios());
		expect(deficit(again[0])).toBe(deficit(first));
	});

	it('passes on an error the engine throws, and answers the next request', async () => {
		const { c, workers } = client({ 1: 'throws' });
		await c.prepare(kingstonDataset());
		await expect(c.runExpected(kingstonScenarios())).rejects.toThrow('the engine threw');
		const results = await c.runExpected(kingstonScenarios());
		expect(results).toHaveLength(kingstonScenarios().length);
		expect(workers.made).toHaveLength(1);
	});
});
