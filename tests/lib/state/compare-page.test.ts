/**
 * The Compare page's workflow: the scenarios compared (the first ones by default, the address's
 * when it has some), the reference, named selections saved and used again, and the figures.
 */
import { describe, expect, it } from 'vitest';
import {
	CompareWorkflow,
	selectionFromAddress,
	selectionQuery,
	type CompareSelection
} from '$lib/state/compare-page.svelte';
import { SimulationState } from '$lib/state/simulation.svelte';
import { withWorkbench } from '../../fixtures/workbench';

const bench = withWorkbench();

async function workflow(initial: CompareSelection = { ids: null, ref: '' }) {
	const workbench = await bench.open();
	const remembered: CompareSelection[] = [];
	const flow = new CompareWorkflow(
		workbench,
		new SimulationState({ createWorker: null, db: null }),
		initial,
		(s) => remembered.push(structuredClone(s))
	);
	return { flow, remembered };
}

describe('the Compare page workflow', { timeout: 60_000 }, () => {
	it('compares every scenario by default, the first as reference, with a line and tables for each', async () => {
		const { flow } = await workflow();
		expect(flow.selected).toHaveLength(3);
		expect(flow.referenceId).toBe(flow.selected[0].id);
		expect(flow.series.map((s) => s.label)).toEqual(flow.selected.map((s) => s.name));
		expect(flow.series.every((s) => s.band === null)).toBe(true);
		expect(flow.cap).toHaveLength(flow.years.length);
		expect(flow.tables.length).toBeGreaterThan(0);
		expect(flow.mixedSeeds).toBe(false);
		expect(flow.note).toBeNull();
	});

	it('starts from the address’s selection and writes every change back to it', async () => {
		const { flow, remembered } = await workflow({
			ids: ['baseline-trend', 'may-2021-projection'],
			ref: 'may-2021-projection'
		});
		// In the dataset's order, whatever the address's.
		expect(flow.selected.map((s) => s.id)).toEqual(
			flow.all.map((s) => s.id).filter((id) => id !== 'sva-financial-model-2021-22')
		);
		expect(flow.referenceId).toBe('may-2021-projection');
		flow.toggle('may-2021-projection', false);
		expect(flow.selected.map((s) => s.id)).toEqual(['baseline-trend']);
		// The reference is no longer shown: the first shown stands in.
		expect(flow.referenceId).toBe('baseline-trend');
		flow.setReference('baseline-trend');
		expect(remembered).toEqual([
			{ ids: ['baseline-trend'], ref: 'may-2021-projection' },
			{ ids: ['baseline-trend'], ref: 'baseline-trend' }
		]);
	});

	it('saves a selection under a name, refuses one without, and uses and deletes it', async () => {
		const { flow } = await workflow({ ids: ['baseline-trend'], ref: '' });
		await flow.saveSelection();
		expect(flow.setError).toBe('Give the set a name.');
		flow.setName = 'Trend only';
		await flow.saveSelection();
		expect(flow.setError).toBeNull();
		expect(flow.setMessage).toBe('Saved the set “Trend only” (1 scenario).');
		expect(flow.sets.map((s) => s.name)).toEqual(['Trend only']);
		flow.toggle('may-2021-projection', true);
		expect(flow.selected).toHaveLength(2);
		flow.useSet(flow.sets[0].id);
		expect(flow.selected.map((s) => s.id)).toEqual(['baseline-trend']);
		await flow.deleteSet();
		expect(flow.sets).toEqual([]);
		expect(flow.setMessage).toBe('Deleted the set “Trend only”; its scenarios are kept.');
	});

	it('shows none, says so and saves no set when the last ticked scenario is unticked', async () => {
		const { flow, remembered } = await workflow({ ids: ['baseline-trend'], ref: '' });
		flow.toggle('baseline-trend', false);
		expect(flow.selectedIds).toEqual([]);
		expect(flow.selected).toEqual([]);
		expect(flow.series).toEqual([]);
		expect(flow.note).toBe('Showing 0 of 3 scenarios.');
		expect(remembered.at(-1)).toEqual({ ids: [], ref: '' });
		expect(flow.nothingToSave).toBe(true);
		flow.setName = 'Nothing';
		await flow.saveSelection();
		expect(flow.setError).toBe('Select at least one scenario to save as a set.');
		expect(flow.sets).toEqual([]);
	});

	it('saves exactly the scenarios ticked as a set', async () => {
		const { flow } = await workflow();
		flow.toggle('baseline-trend', false);
		flow.setName = 'Two';
		await flow.saveSelection();
		expect(flow.sets[0].scenarioIds).toEqual(flow.selectedIds);
		expect(flow.sets[0].scenarioIds).not.toContain('baseline-trend');
		expect(flow.setMessage).toBe('Saved the set “Two” (2 scenarios).');
	});
});

describe('the Compare selection in the address', () => {
	it('reads no ids as the default, and an empty list as none ticked', () => {
		expect(selectionFromAddress(new URLSearchParams(''))).toEqual({ ids: null, ref: '' });
		expect(selectionFromAddress(new URLSearchParams('ids='))).toEqual({ ids: [], ref: '' });
		expect(selectionFromAddress(new URLSearchParams('ids=a,b&ref=b'))).toEqual({
			ids: ['a', 'b'],
			ref: 'b'
		});
	});

	it('writes a selection back so that reading it gives the same selection', () => {
		for (const sel of [
			{ ids: null, ref: '' },
			{ ids: [], ref: '' },
			{ ids: ['a b', 'c'], ref: 'c' }
		]) {
			const query = selectionQuery(sel);
			expect(selectionFromAddress(new URLSearchParams(query))).toEqual(sel);
		}
		expect(selectionQuery({ ids: ['a', 'b'], ref: 'a' })).toBe('ids=a,b&ref=a');
	});
});
