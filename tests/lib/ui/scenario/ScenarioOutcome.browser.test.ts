import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { compile, prepareDataset, runExpected } from '$lib/engine/workbench';
import { type ScenarioResult } from '$lib/model/results';
import { runMonteCarlo, summariseMonteCarlo } from '$lib/engine/monte-carlo';
import ScenarioOutcome from '$lib/ui/scenario/ScenarioOutcome.svelte';

/** Kingston's baseline projected, with its deficit and headroom from 2023/24 on replaced. */
function resultWith(value: number): ScenarioResult {
	const scenario = kingstonScenarios().find((s) => s.name === 'Baseline (trend)')!;
	const r = runExpected(prepareDataset(kingstonDataset()), scenario);
	const values = Float64Array.from(r.values);
	const H = r.years.length;
	for (const name of ['cumulative_deficit_before_sv', 'headroom', 'cap_breached']) {
		const row = r.metrics.findIndex((m) => m.name === name);
		values.fill(value, row * H + 2, (row + 1) * H);
	}
	// What a NaN deficit gives: it compares false with the cap, so no breach is found.
	return { ...r, values, firstBreach: -1 };
}

describe('ScenarioOutcome with a deficit that is not a finite number', () => {
	for (const value of [NaN, Infinity]) {
		it(`draws no verdict from ${value}: "Not computable", never "Under the cap every year"`, async () => {
			const { container } = await render(ScenarioOutcome, {
				result: resultWith(value),
				name: 'Baseline (trend)'
			});
			const verdict = container.querySelector('[data-testid="first-breach"]')!;
			expect(verdict.textContent).toContain('Not computable');
			expect(verdict.textContent).not.toContain('Under the cap');
		});
	}
});

describe('ScenarioOutcome with simulations', () => {
	it('shows P(breach) with its caveat linking to how the bands were calibrated', async () => {
		const scenario = kingstonScenarios().find((s) => s.name === 'Baseline (trend)')!;
		const prepared = prepareDataset(kingstonDataset());
		const summary = summariseMonteCarlo(runMonteCarlo([compile(prepared, scenario)], 100, 50)[0]);
		const { container } = await render(ScenarioOutcome, {
			result: runExpected(prepared, scenario),
			name: 'Baseline (trend)',
			summary
		});
		const caveat = container.querySelector('[data-testid="p-breach-caveat"]')!;
		expect(caveat.textContent).toMatch(
			/calibrated on EHC plan totals of\s+every English authority/
		);
		expect(caveat.querySelector('a')!.getAttribute('href')).toMatch(/methodology/);
	});

	it('shows no caveat before anything is simulated', async () => {
		const scenario = kingstonScenarios().find((s) => s.name === 'Baseline (trend)')!;
		const { container } = await render(ScenarioOutcome, {
			result: runExpected(prepareDataset(kingstonDataset()), scenario),
			name: 'Baseline (trend)'
		});
		expect(container.querySelector('[data-testid="p-breach-caveat"]')).toBeNull();
	});
});
