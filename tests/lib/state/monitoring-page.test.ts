/**
 * The Monitoring page's workflow: the monitoring table of the plan against the projection by role
 * (then as chosen) for the year chosen, the KPIs with the projection's model values, and a KPI's
 * edit saved to the dataset.
 */
import { describe, expect, it } from 'vitest';
import { MonitoringWorkflow } from '$lib/state/monitoring-page.svelte';
import { MAY_PROJECTION } from '$lib/data/kingston-scenarios';
import { withWorkbench } from '../../fixtures/workbench';

const bench = withWorkbench();

async function workflow() {
	const workbench = await bench.open();
	return { workbench, flow: new MonitoringWorkflow(workbench) };
}

describe('the Monitoring page workflow', { timeout: 60_000 }, () => {
	it('tables the plan against the projection by role for the first year, then as chosen', async () => {
		const { flow } = await workflow();
		expect(flow.projection?.name).toBe(MAY_PROJECTION);
		expect(flow.shownYear).toBe('2021/22');
		expect(flow.table?.year).toBe('2021/22');
		expect(flow.table?.projectionName).toBe(MAY_PROJECTION);
		expect(flow.modelLabel).toBe(`“${MAY_PROJECTION}” scenario`);
		expect(flow.gridScenario?.name).toBe(MAY_PROJECTION);
		flow.year = '2023/24';
		expect(flow.table?.year).toBe('2023/24');
		flow.pair.projectionId = 'baseline-trend';
		expect(flow.table?.projectionName).toBe('Baseline (trend)');
		expect(flow.gridScenario?.id).toBe('baseline-trend');
	});

	it('gives the KPIs with a template period after the latest report, and saves a KPI’s edit', async () => {
		const { workbench, flow } = await workflow();
		expect(flow.kpis.length).toBeGreaterThan(0);
		expect(flow.templatePeriod).toMatch(/^\d{4}-Q[1-4]$/);
		const kpi = workbench.dataset!.kpis[0];
		flow.editing = kpi.ref;
		expect(flow.editingKpi?.ref).toBe(kpi.ref);
		await flow.saveKpi({ ...kpi, name: `${kpi.name} (renamed)` });
		expect(workbench.dataset!.kpis[0].name).toBe(`${kpi.name} (renamed)`);
	});
});
