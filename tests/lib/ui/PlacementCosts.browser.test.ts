/**
 * The placement cost by setting table and stacked chart (docs/model.md §3.2) on Kingston's
 * projections: one layer and one row per setting, figures that add up to the placement cost,
 * and a menu that switches the scenario shown.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import { formatMillions } from '$lib/model/format';
import { PLACEMENT_COLOURS } from '$lib/charts/palette';
import PlacementCosts from '$lib/ui/PlacementCosts.svelte';

const dataset = kingstonDataset();
const prepared = prepareDataset(dataset);
const results = kingstonScenarios().map((s) => runExpected(prepared, s));

describe('PlacementCosts', () => {
	it('stacks one bar segment per setting and year, in its category’s colour', async () => {
		const { container } = await render(PlacementCosts, {
			results: [results[0]],
			settings: dataset.settings,
			authority: dataset.authority.name
		});
		const H = results[0].years.length;
		for (const s of dataset.settings) {
			const bars = container.querySelectorAll(`rect[data-series="${s.id}"]`);
			expect(bars).toHaveLength(H);
			expect(bars[0].getAttribute('fill')).toBe(PLACEMENT_COLOURS[s.group]);
		}
		expect(container.querySelector('svg title')!.textContent).toBe(
			`Placement cost by setting — ${results[0].scenarioName}`
		);
	});

	it('tabulates every setting’s £m per year and the placement cost total', async () => {
		const { container } = await render(PlacementCosts, {
			results: [results[0]],
			settings: dataset.settings,
			authority: dataset.authority.name
		});
		const table = container.querySelector('[data-testid="placement-costs-table"]')!;
		const body = [...table.querySelectorAll('tbody tr')];
		expect(body.map((r) => r.querySelector('th')!.textContent!.trim())).toEqual(
			dataset.settings.map((s) => s.name)
		);
		const indep = metricValues(results[0], 'placement_cost_by_setting:independent_special');
		const indepRow = body[dataset.settings.findIndex((s) => s.id === 'independent_special')];
		expect([...indepRow.querySelectorAll('td')].map((td) => td.textContent)).toEqual(
			indep.map((v) => formatMillions(v))
		);
		const total = [...table.querySelectorAll('tfoot td')].map((td) => td.textContent);
		expect(total).toEqual(metricValues(results[0], 'placement_cost').map((v) => formatMillions(v)));
	});

	it('switches the scenario shown from its menu', async () => {
		const { container } = await render(PlacementCosts, {
			results,
			settings: dataset.settings,
			authority: dataset.authority.name
		});
		const last = results[results.length - 1];
		await userEvent.selectOptions(
			page.getByRole('combobox', { name: 'Scenario' }),
			last.scenarioId
		);
		await expect
			.element(page.getByRole('table'))
			.toHaveAccessibleName(`Placement cost by setting, £m — ${last.scenarioName}`);
		const total = [...container.querySelectorAll('tfoot td')].map((td) => td.textContent);
		expect(total).toEqual(metricValues(last, 'placement_cost').map((v) => formatMillions(v)));
	});
});
