/**
 * The Mastodon C comparison page's workflow: their files refused with the problems named (and
 * what was read before kept), forgotten on request; figures worded for the table shown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MastodonComparison } from '$lib/state/mastodon-page.svelte';
import { mastodon } from '$lib/state/witan-compare.svelte';
import { withWorkbench } from '../../fixtures/workbench';

const bench = withWorkbench();
const flows: MastodonComparison[] = [];
afterEach(() => {
	for (const f of flows.splice(0)) f.dispose();
	mastodon.imported = null;
});

async function comparison() {
	const flow = new MastodonComparison(await bench.open());
	flows.push(flow);
	return flow;
}

describe('the Mastodon C comparison workflow', { timeout: 60_000 }, () => {
	it('starts on the first scenario with 1,000 simulations, and refuses a count out of range', async () => {
		const flow = await comparison();
		expect(flow.scenario?.id).toBe(flow.scenarios[0].id);
		expect(flow.simsOk).toBe(true);
		flow.sims = 0;
		expect(flow.simsOk).toBe(false);
		flow.sims = 100_001;
		expect(flow.simsOk).toBe(false);
		flow.sims = 2.5;
		expect(flow.simsOk).toBe(false);
		// Nothing to compare yet: no run, no files.
		expect(flow.ours).toBeNull();
		expect(flow.rows).toEqual([]);
		expect(flow.what).toBe('');
	});

	it('refuses a file that is not a witan.send output, naming the problem, and reads nothing', async () => {
		const flow = await comparison();
		await flow.pick([new File(['a,b\n1,2\n'], 'Output_Count.csv', { type: 'text/csv' })]);
		expect(flow.reading).toBe(false);
		expect(flow.refused?.errorCount).toBeGreaterThan(0);
		expect(flow.refused?.errors[0].message).toMatch(/Output_Count\.csv/);
		expect(mastodon.imported).toBeNull();
		flow.forget();
		expect(flow.refused).toBeNull();
	});

	it('writes children with a decimal only between two, and differences signed', async () => {
		const flow = await comparison();
		expect(flow.value(2196)).toBe('2,196');
		expect(flow.value(2196.04)).toBe('2,196');
		expect(flow.value(2196.5)).toBe('2,196.5');
		expect(flow.signed(12)).toBe('+12');
		expect(flow.signed(null)).toBe('–');
		expect(flow.notes({ year: 2018, theirYear: 2017 })).toEqual(['their 2017']);
	});
});
