import { describe, expect, it } from 'vitest';
import { ActualsWorkflow, caseloadParts, defaultProjectionId } from '$lib/state/actuals.svelte';
import { withWorkbench } from '../../fixtures/workbench';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { actualFigure } from '$lib/model/actuals';

const bench = withWorkbench();

async function workflow() {
	const workbench = await bench.open();
	return { workbench, flow: new ActualsWorkflow(workbench) };
}

describe('defaultProjectionId', () => {
	it('is the reference projection, unless it is the plan compared with', () => {
		const all = kingstonScenarios();
		expect(defaultProjectionId(all, 'sva-financial-model-2021-22')).toBe('may-2021-projection');
		expect(defaultProjectionId(all, 'may-2021-projection')).toBe('sva-financial-model-2021-22');
		expect(defaultProjectionId([], null)).toBeNull();
	});
});

describe('caseloadParts', () => {
	it('says what a census actual holds', () => {
		expect(
			caseloadParts({
				census: 2022,
				total: actualFigure(1560),
				byAgeBand: { age_5_10: actualFigure(400) },
				bySetting: {}
			})
		).toBe('total 1,560, 1 age band');
	});
});

describe('the Actuals page workflow', { timeout: 60_000 }, () => {
	it('compares with the plan by role and shows the reference projection, until the user chooses', async () => {
		const { flow } = await workflow();
		expect(flow.plan?.name).toBe('SVA financial model 2021/22');
		expect(flow.projection?.name).toBe('May 2021 projection');
		expect(flow.planResult).not.toBeNull();
		flow.planId = null;
		expect(flow.plan).toBeNull();
		flow.projectionId = 'baseline-trend';
		expect(flow.projection?.name).toBe('Baseline (trend)');
		// A choice that no longer exists falls back to the default.
		flow.planId = 'deleted';
		expect(flow.planId).toBe('sva-financial-model-2021-22');
	});

	it('refuses a typed census figure that is not a whole number, changing nothing', async () => {
		const { flow } = await workflow();
		flow.totalText = '1,560.5';
		await flow.recordCaseload();
		expect(flow.problems).toEqual(['Total: expected a whole number of EHCPs ≥ 0, got "1,560.5".']);
		expect(flow.actuals.caseload).toEqual([]);
	});

	it('records a census actual, re-bases the other scenarios on it and clears the form', async () => {
		const { workbench, flow } = await workflow();
		expect(flow.census).toBe(2022);
		flow.totalText = '1,560';
		await flow.recordCaseload();
		expect(flow.problems).toEqual([]);
		expect(flow.totalText).toBe('');
		expect(flow.actuals.caseload.map((a) => [a.census, a.total?.value])).toEqual([[2022, 1560]]);
		expect(flow.notes.join(' ')).toContain(
			'Baseline (trend): January 2022 re-based to the actual 1,560'
		);
		expect(workbench.dataset!.id).toBe(flow.dataset.id);
		await flow.removeCaseload(2022);
		expect(flow.actuals.caseload).toEqual([]);
	});

	it('refuses a negative spend, naming the year', async () => {
		const { flow } = await workflow();
		flow.spendText = '-5';
		await flow.recordSpend();
		expect(flow.problems).toEqual([
			'Spend for 2021/22: expected an amount of £0 or more, got "-5".'
		]);
	});
});
