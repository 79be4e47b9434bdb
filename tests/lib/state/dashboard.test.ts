/**
 * The dashboard's workflow: every scenario shown (up to the limit), each with its deficit, cap,
 * headroom and first breach; one unticked and ticked again.
 */
import { describe, expect, it } from 'vitest';
import { Dashboard } from '$lib/state/dashboard.svelte';
import { SimulationState } from '$lib/state/simulation.svelte';
import { metricValues } from '$lib/model/results';
import { withWorkbench } from '../../fixtures/workbench';

const bench = withWorkbench();

async function dashboard() {
	const workbench = await bench.open();
	return {
		workbench,
		board: new Dashboard(workbench, new SimulationState({ createWorker: null, db: null }))
	};
}

describe('the dashboard workflow', { timeout: 60_000 }, () => {
	it('shows every scenario of Kingston with its figures and first breach, not yet simulated', async () => {
		const { workbench, board } = await dashboard();
		expect(board.noFinance).toBe(false);
		expect(board.authority).toBe('Kingston upon Thames');
		expect(board.shown).toHaveLength(3);
		expect(board.note).toBeNull();
		for (const r of board.rows) {
			const result = workbench.results[r.scenario.id];
			expect(r.deficit).toEqual(metricValues(result, 'cumulative_deficit_before_sv'));
			expect(r.firstBreach).toBe(result.firstBreach >= 0 ? result.years[result.firstBreach] : null);
			expect(r.computable).toBe(true);
			expect(r.band).toBeNull();
		}
		expect(board.cap).toEqual(board.rows[0].cap);
		expect(board.chartSeries.map((s) => s.label)).toEqual(board.shown.map((s) => s.name));
		expect(board.simulated).toBe(false);
	});

	it('hides a scenario unticked and shows it again when ticked', async () => {
		const { board } = await dashboard();
		const id = board.shown[1].id;
		board.toggle(id, false);
		expect(board.shown.map((s) => s.id)).not.toContain(id);
		expect(board.rows).toHaveLength(2);
		board.toggle(id, true);
		expect(board.shown.map((s) => s.id)).toContain(id);
	});
});
