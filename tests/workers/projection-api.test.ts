import { describe, expect, it } from 'vitest';
import { expose, wrap, type Endpoint } from 'comlink';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios, SVA_PLAN } from '$lib/data/kingston-scenarios';
import { runMeta } from '$lib/engine/monte-carlo';
import { simulate } from '$lib/engine/simulate';
import { compile, prepareDataset } from '$lib/engine/workbench';
import { applyActuals } from '$lib/engine/rebase';
import { actualFigure } from '$lib/model/actuals';
import { createProjectionApi, type SimulatedScenario } from '../../workers/projection-api';

const dataset = kingstonDataset();
const prepared = prepareDataset(dataset);
const byName = (name: string) => kingstonScenarios().find((s) => s.name === name)!;
const baseline = byName(BASELINE_TREND);
const plan = byName(SVA_PLAN);

describe('the projection API: simulate', () => {
	it('simulates each scenario over the prepared dataset, as the engine does in this thread', () => {
		const api = createProjectionApi();
		api.prepare(dataset);
		const out = api.simulate([baseline, plan], 10, 30, 5);
		expect(out.map((r) => r.meta.scenarioName)).toEqual([BASELINE_TREND, SVA_PLAN]);
		[baseline, plan].forEach((s, i) => {
			const c = compile(prepared, s);
			expect(out[i].meta).toEqual(runMeta(c));
			expect(out[i].block).toEqual(simulate(c, 10, 30, 5));
		});
	});

	it('takes the id of a scenario given before, and recompiles one that changed', () => {
		const api = createProjectionApi();
		api.prepare(dataset);
		const first = api.simulate([baseline], 0, 5, 1)[0];
		expect(api.simulate([baseline.id], 0, 5, 1)[0].block).toEqual(first.block);
		const changed = { ...baseline, levers: [] };
		const again = api.simulate([changed], 0, 5, 1)[0];
		expect(again.block).toEqual(simulate(compile(prepared, changed), 0, 5, 1));
		expect(api.simulate([baseline.id], 0, 5, 1)[0].block).toEqual(again.block);
	});

	it('forgets scenario ids when another dataset is prepared, and says what to do', () => {
		const api = createProjectionApi();
		api.prepare(dataset);
		api.simulate([baseline], 0, 1, 1);
		api.prepare(dataset);
		expect(() => api.simulate([baseline.id], 0, 1, 1)).toThrow(
			`simulate: no scenario with id "${baseline.id}" has been given to this worker since the dataset was prepared; pass the scenario itself`
		);
	});

	it('refuses to simulate before a dataset is prepared', () => {
		expect(() => createProjectionApi().simulate([baseline], 0, 1, 1)).toThrow(
			'simulate: no dataset is prepared; call prepare(dataset) first'
		);
	});
});

describe('the projection API over a message channel', () => {
	it('transfers the simulated arrays rather than copying them', async () => {
		const api = createProjectionApi();
		let sent: SimulatedScenario[] = [];
		const { port1, port2 } = new MessageChannel();
		expose(
			{
				...api,
				simulate: (...args: Parameters<typeof api.simulate>) => (sent = api.simulate(...args))
			},
			port1 as unknown as Endpoint
		);
		const remote = wrap<typeof api>(port2 as unknown as Endpoint);
		await remote.prepare(dataset);
		const [received] = await remote.simulate([baseline], 0, 20, 5);
		expect(received.block).toEqual(simulate(compile(prepared, baseline), 0, 20, 5));
		// A transferred buffer is detached on the sending side.
		expect(sent[0].block.values.buffer.byteLength).toBe(0);
		expect(sent[0].block.firstBreach.buffer.byteLength).toBe(0);
		port1.close();
		port2.close();
	});
});

describe('the projection API: applyActuals', () => {
	const actuals = {
		caseload: [{ census: 2022, total: actualFigure(1500), byAgeBand: {}, bySetting: {} }],
		spend: []
	};
	const scenarios = kingstonScenarios();

	it('re-bases the scenarios on the prepared dataset, as the engine does in this thread', () => {
		const api = createProjectionApi();
		api.prepare(dataset);
		const expected = applyActuals({ prepared, scenarios, planId: plan.id, actuals });
		expect(api.applyActuals(dataset, scenarios, plan.id, actuals)).toEqual(expected);
	});

	it('estimates a dataset other than the prepared one for the call, and keeps the prepared one', () => {
		const api = createProjectionApi();
		api.prepare({ ...dataset, name: 'Another' });
		api.simulate([baseline], 0, 1, 1);
		const expected = applyActuals({ prepared, scenarios, planId: null, actuals });
		expect(api.applyActuals(dataset, scenarios, null, actuals)).toEqual(expected);
		// Still prepared for the other dataset: the scenario compiled before is known by its id.
		expect(() => api.simulate([baseline.id], 0, 1, 1)).not.toThrow();
	});
});
