import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios, MAY_PROJECTION } from '$lib/data/kingston-scenarios';
import { metricRow } from '$lib/engine/metrics';
import { simulate, simulationValues } from '$lib/engine/simulate';
import { compile, prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import { runMonteCarlo, summariseMonteCarlo } from '$lib/engine/monte-carlo';
import { statisticSeries } from '$lib/model/results';
import { plainScenario, witanLikeDataset } from '../../fixtures/monte-carlo/witan-like';

const prepared = prepareDataset(kingstonDataset());
const byName = (name: string) => kingstonScenarios().find((s) => s.name === name)!;
const baseline = compile(prepared, byName(BASELINE_TREND));
const H = baseline.steps.length;
const row = (name: string) => metricRow(baseline.layout, name);

describe('simulate', () => {
	it('gives identical values whatever the split of the simulations into blocks', () => {
		const whole = simulate(baseline, 0, 60, 7);
		const parts = [
			simulate(baseline, 0, 13, 7),
			simulate(baseline, 13, 41, 7),
			simulate(baseline, 41, 60, 7)
		];
		const joined = new Float64Array(whole.values.length);
		const breach = new Int32Array(60);
		for (const p of parts) {
			joined.set(p.values, p.from * p.metrics * p.steps);
			breach.set(p.firstBreach, p.from);
		}
		expect(joined).toEqual(whole.values);
		expect(breach).toEqual(whole.firstBreach);
	});

	it('draws simulation i from stream i alone: a block starting anywhere repeats it exactly', () => {
		const a = simulate(baseline, 25, 26, 7);
		const b = simulate(baseline, 20, 30, 7);
		expect(simulationValues(a, 0)).toEqual(simulationValues(b, 5));
	});

	it('gives other values for another seed', () => {
		const a = simulate(baseline, 0, 20, 7);
		const b = simulate(baseline, 0, 20, 8);
		expect(a.values).not.toEqual(b.values);
	});

	it('lays values out simulation × metric × step, with whole children in every census metric', () => {
		const block = simulate(baseline, 0, 50, 3);
		expect(block.metrics).toBe(baseline.layout.defs.length);
		expect(block.steps).toBe(H);
		expect(block.values.length).toBe(50 * block.metrics * H);
		for (let i = 0; i < 50; i++) {
			const v = simulationValues(block, i);
			baseline.layout.defs.forEach((d, r) => {
				if (d.kind !== 'census') return;
				for (let k = 0; k < H; k++) expect(Number.isInteger(v[r * H + k])).toBe(true);
			});
		}
	});

	it('keeps every child in every simulation: stock + joiners − leavers = next stock', () => {
		const block = simulate(baseline, 0, 200, 11);
		const base = baseline.base.reduce((a, b) => a + b, 0);
		for (let i = 0; i < 200; i++) {
			const v = simulationValues(block, i);
			let stock = base;
			for (let k = 0; k < H; k++) {
				const next = v[row('ehcp_total') * H + k];
				expect(stock + v[row('ehcp_joiners') * H + k] - v[row('ehcp_leavers') * H + k]).toBe(next);
				stock = next;
			}
		}
	});

	it('adds the children by setting and by age band up to the total in every simulation', () => {
		const block = simulate(baseline, 0, 30, 5);
		for (let i = 0; i < 30; i++) {
			const v = simulationValues(block, i);
			for (let k = 0; k < H; k++) {
				const bySetting = baseline.layout.settingRows.reduce((a, r) => a + v[r * H + k], 0);
				expect(bySetting).toBe(v[row('ehcp_total') * H + k]);
			}
		}
	});

	it("keeps a pinned year's ledger fixed: every simulation spends the pinned 2021/22 figure", () => {
		const may = compile(prepared, byName(MAY_PROJECTION));
		expect(may.finance.pinned[0]).toBe(true);
		const block = simulate(may, 0, 40, 9);
		const r = metricRow(may.layout, 'hnb_expenditure_before_savings');
		for (let i = 0; i < 40; i++) {
			expect(simulationValues(block, i)[r * may.steps.length]).toBe(
				may.finance.pinnedExpenditure[0]
			);
		}
	});

	it('varies placement cost between simulations in unpinned years', () => {
		const block = simulate(baseline, 0, 40, 9);
		const last = new Set<number>();
		for (let i = 0; i < 40; i++)
			last.add(simulationValues(block, i)[row('placement_cost') * H + H - 1]);
		expect(last.size).toBeGreaterThan(1);
	});

	it('records the first breach step of each simulation, consistent with cap_breached', () => {
		const block = simulate(baseline, 0, 100, 21);
		for (let i = 0; i < 100; i++) {
			const v = simulationValues(block, i);
			let first = -1;
			for (let k = 0; k < H; k++) if (first < 0 && v[row('cap_breached') * H + k] === 1) first = k;
			expect(block.firstBreach[i]).toBe(first);
		}
	});

	it('stops early when told to, cutting the block short', () => {
		const block = simulate(baseline, 10, 50, 1, { onSimulation: (done) => done < 5 });
		expect([block.from, block.to]).toEqual([10, 15]);
		expect(block.values).toEqual(simulate(baseline, 10, 15, 1).values);
	});

	it('refuses a range or seed that is not whole, naming the function', () => {
		expect(() => simulate(baseline, 5, 4, 1)).toThrow(/^simulate: to must be/);
		expect(() => simulate(baseline, -1, 4, 1)).toThrow(/^simulate: from must be/);
		expect(() => simulate(baseline, 0, 4, 1.5)).toThrow(/^simulate: seed must be/);
		expect(() => simulationValues(simulate(baseline, 0, 2, 1), 2)).toThrow(/^simulationValues/);
	});
});

describe('simulate on a dataset estimated from transitions', () => {
	const prepared = prepareDataset(witanLikeDataset());
	const c = compile(prepared, plainScenario());
	const H = c.steps.length;
	const r = (name: string) => metricRow(c.layout, name);

	it('keeps every child: stock + joiners − leavers = next stock, joiners drawn from the population', () => {
		const block = simulate(c, 0, 200, 3);
		const base = c.base.reduce((a, b) => a + b, 0);
		for (let i = 0; i < 200; i++) {
			const v = simulationValues(block, i);
			let stock = base;
			for (let k = 0; k < H; k++) {
				const next = v[r('ehcp_total') * H + k];
				expect(stock + v[r('ehcp_joiners') * H + k] - v[r('ehcp_leavers') * H + k]).toBe(next);
				stock = next;
			}
		}
	});

	it('converges to the expected projection: totals within 3 standard errors with 2,000 simulations', () => {
		const N = 2000;
		const s = summariseMonteCarlo(runMonteCarlo([c], N, 50)[0]);
		const expected = runExpected(prepared, plainScenario());
		for (const metric of ['ehcp_total', 'ehcp_joiners', 'ehcp_leavers']) {
			const mean = statisticSeries(s, metric, 'mean');
			const sd = statisticSeries(s, metric, 'sd');
			metricValues(expected, metric).forEach((e, k) => {
				expect(sd[k]).toBeGreaterThan(0);
				expect(Math.abs(mean[k] - e)).toBeLessThanOrEqual((3 * sd[k]) / Math.sqrt(N));
			});
		}
	});
});
