/**
 * The Present page's deck: a draft quarter's slides from today's results; a signed-off quarter's
 * from its snapshot, every slide of it (decision 0031), or four when it was signed off before the
 * placements and comparison were frozen.
 */
import { describe, expect, it } from 'vitest';
import { PresentDeck, placementTable } from '$lib/state/present-deck.svelte';
import { SimulationState } from '$lib/state/simulation.svelte';
import { reportFigures, signOff } from '$lib/state/report-governance';
import { comparisonSlide, placementSlides } from '$lib/state/present-messages';
import { MAY_PROJECTION } from '$lib/data/kingston-scenarios';
import type { ReportSnapshot } from '$lib/model/dataset';
import { withWorkbench } from '../../fixtures/workbench';

const bench = withWorkbench();
const NOW = new Date('2021-06-18T10:30:00Z');

async function deck() {
	const workbench = await bench.open();
	return {
		workbench,
		deck: new PresentDeck(workbench, new SimulationState({ createWorker: null, db: null }))
	};
}

/** The figures the Report page would freeze now, with or without the slides of decision 0031. */
function figuresOf(d: PresentDeck, slides: boolean): ReportSnapshot {
	const dataset = d.dataset!;
	return reportFigures({
		year: '2021/22',
		plan: d.results[0],
		projection: d.projection,
		results: d.results,
		kpis: dataset.kpis,
		modelValues: {},
		monitoring: null,
		keyMessages: ['Frozen message.'],
		...(slides
			? { placements: placementSlides(dataset, d.results), comparison: comparisonSlide(d.results) }
			: {})
	});
}

describe('the Present page’s deck', { timeout: 60_000 }, () => {
	it('shows a draft quarter’s six slides from today’s results, the projection’s placements first', async () => {
		const { deck: d } = await deck();
		expect(d.frozen).toBeNull();
		expect(d.kinds).toEqual(['title', 'deficit', 'placements', 'comparison', 'rag', 'messages']);
		expect(d.placements?.name).toBe(MAY_PROJECTION);
		expect(d.comparison?.rows).toHaveLength(3);
		expect(d.deficitSeries.map((s) => s.label)).toEqual(d.results.map((r) => r.scenarioName));
		expect(d.messages.length).toBeGreaterThan(0);
		d.placementId = d.results[0].scenarioId;
		expect(d.placements?.name).toBe(d.results[0].scenarioName);
		const table = placementTable(d.placements!.data, d.placements!.name);
		expect(table.rows.length).toBe(d.placements!.data.categories.length);
	});

	it('shows a signed-off quarter’s slides from its snapshot, every slide of it', async () => {
		const { workbench, deck: d } = await deck();
		const frozen = figuresOf(d, true);
		const dataset = d.dataset!;
		await workbench.updateDataset(
			signOff(dataset, dataset.reports[0].id, { snapshot: frozen, forwardLook: 'Look.' }, NOW),
			{ reproject: false }
		);
		expect(d.frozen).not.toBeNull();
		expect(d.kinds).toHaveLength(6);
		expect(d.messages).toEqual(['Frozen message.']);
		expect(d.placements?.name).toBe(MAY_PROJECTION);
		expect(d.placementChoices.map((c) => c.name)).toEqual(d.results.map((r) => r.scenarioName));
		expect(d.comparison).toEqual(frozen.comparison);
		// No bands: a signed-off quarter's figures are its snapshot's.
		expect(d.bands).toEqual({});
	});

	it('leaves out the placements and comparison of a quarter signed off before they were frozen', async () => {
		const { workbench, deck: d } = await deck();
		const dataset = d.dataset!;
		await workbench.updateDataset(
			signOff(
				dataset,
				dataset.reports[0].id,
				{ snapshot: figuresOf(d, false), forwardLook: 'Look.' },
				NOW
			),
			{ reproject: false }
		);
		expect(d.kinds).toEqual(['title', 'deficit', 'rag', 'messages']);
		expect(d.placements).toBeNull();
	});
});
