/**
 * The Report page's workflow: a draft shows today's figures for the pair of scenarios chosen;
 * signing off freezes them (later choices change nothing shown); the next quarter is added as a
 * draft open for editing, and a draft can be deleted.
 */
import { describe, expect, it } from 'vitest';
import { ReportWorkflow } from '$lib/state/report-page.svelte';
import { SimulationState } from '$lib/state/simulation.svelte';
import { MAY_PROJECTION } from '$lib/data/kingston-scenarios';
import { withWorkbench } from '../../fixtures/workbench';

const bench = withWorkbench();
const NOW = new Date('2021-06-18T10:30:00Z');

async function workflow() {
	const workbench = await bench.open();
	return {
		workbench,
		flow: new ReportWorkflow(workbench, new SimulationState({ createWorker: null, db: null }))
	};
}

describe('the Report page workflow', { timeout: 60_000 }, () => {
	it('shows the latest quarter’s draft with today’s figures for the plan and the projection', async () => {
		const { flow } = await workflow();
		expect(flow.report?.quarter).toBe('Q1 2021/22');
		expect(flow.signedOff).toBe(false);
		expect(flow.projection?.name).toBe(MAY_PROJECTION);
		expect(flow.year).toBe('2021/22');
		expect(flow.figures.monitoring?.projectionName).toBe(MAY_PROJECTION);
		// The chart draws the two, in the scenarios' order.
		expect(flow.chart?.series.map((s) => s.label).sort()).toEqual(
			[flow.plan!.name, flow.projection!.name].sort()
		);
		expect(flow.conditions).toHaveLength(9);
		expect(flow.figures.placements).toHaveLength(3);
		// Another projection chosen: the draft's figures follow it.
		flow.pair.projectionId = 'baseline-trend';
		expect(flow.figures.monitoring?.projectionName).toBe('Baseline (trend)');
	});

	it('freezes the figures on sign-off: choosing another projection afterwards changes nothing shown', async () => {
		const { flow } = await workflow();
		const before = JSON.parse(JSON.stringify(flow.figures));
		await flow.signOff(NOW);
		expect(flow.signedOff).toBe(true);
		expect(flow.report?.signedOffAt).toBe(NOW.toISOString());
		flow.pair.projectionId = 'baseline-trend';
		expect(JSON.parse(JSON.stringify(flow.figures))).toEqual(before);
		expect(flow.modelName).toBe(MAY_PROJECTION);
	});

	it('adds the next quarter as a draft open for editing, and deletes it again', async () => {
		const { flow } = await workflow();
		await flow.addNext();
		expect(flow.reports).toHaveLength(2);
		expect(flow.report?.quarter).toBe('Q2 2021/22');
		expect(flow.editing).toBe(true);
		await flow.deleteDraft();
		expect(flow.reports).toHaveLength(1);
		expect(flow.editing).toBe(false);
		expect(flow.report?.quarter).toBe('Q1 2021/22');
	});

	it('saves the forward look as edited, and goes back to the generated text', async () => {
		const { flow } = await workflow();
		await flow.saveForwardLook('Edited by hand.');
		expect(flow.forwardLook).toBe('Edited by hand.');
		await flow.saveForwardLook(undefined);
		expect(flow.report?.forwardLook).toBeUndefined();
	});
});
