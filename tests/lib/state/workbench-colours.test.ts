import { describe, expect, it } from 'vitest';
import type { WorkbenchState } from '$lib/state/workbench.svelte';
import { getScenario } from '$lib/storage';
import { withWorkbench } from '../../fixtures/workbench';
import { BASELINE_TREND } from '$lib/data/kingston-scenarios';
import { SCENARIO_COLOURS } from '$lib/model/colours';

const workbench = withWorkbench();
const open = workbench.open;

const colours = (s: WorkbenchState) =>
	Object.fromEntries(s.scenarios.map((r) => [r.id, r.scenario.colour]));

describe('scenario colours in the workbench', { timeout: 30_000 }, () => {
	it('gives each scenario without a colour a different palette colour on load, and saves it', async () => {
		const s = await open();
		const given = colours(s);
		expect(new Set(Object.values(given)).size).toBe(s.scenarios.length);
		for (const c of Object.values(given)) expect(SCENARIO_COLOURS).toContain(c);
		for (const r of s.scenarios) {
			expect((await getScenario(workbench.db(), r.id))?.scenario.colour).toBe(given[r.id]);
		}
		// Opened again (another page load): the same colours, read from storage.
		workbench.close(s);
		expect(colours(await open())).toEqual(given);
	});

	it('moves no colour when a scenario is added or deleted, and gives the new one a free colour', async () => {
		const s = await open();
		const given = colours(s);
		const base = s.scenarioByName(BASELINE_TREND)!;
		const added = await s.createScenario(base.id, 'Growth 9%');
		expect(Object.values(given)).not.toContain(added.colour);
		expect(SCENARIO_COLOURS).toContain(added.colour);
		expect(colours(s)).toEqual({ ...given, [added.id]: added.colour });
		await s.deleteScenario(base.id);
		const { [base.id]: _gone, ...rest } = given;
		expect(colours(s)).toEqual({ ...rest, [added.id]: added.colour });
		// The colour freed by the deletion goes to the next new scenario.
		const next = await s.createScenario(added.id, 'Another');
		expect(next.colour).toBe(given[base.id]);
	});

	it('lets a user change a scenario’s colour, saved with it', async () => {
		const s = await open();
		const base = s.scenarioByName(BASELINE_TREND)!;
		const yellow = SCENARIO_COLOURS[7];
		await s.setColour(base.id, yellow);
		await s.flush();
		expect(s.scenario(base.id)?.colour).toBe(yellow);
		expect((await getScenario(workbench.db(), base.id))?.scenario.colour).toBe(yellow);
	});
});
