import { beforeAll, describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, MAY_PROJECTION, kingstonScenarios } from '$lib/data/kingston-scenarios';
import type { Scenario } from '$lib/model/scenario';
import { sensitivity } from '$lib/engine/sensitivity';
import { prepareDataset, runExpected, type PreparedDataset } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';

const dataset = kingstonDataset();
let prepared: PreparedDataset;
beforeAll(() => {
	prepared = prepareDataset(dataset);
});
const scenario = (name: string): Scenario =>
	structuredClone(kingstonScenarios().find((s) => s.name === name)!);

describe('sensitivity', () => {
	it('reports the scenario’s own end-of-horizon deficit as the centre', () => {
		const base = scenario(BASELINE_TREND);
		const s = sensitivity(prepared, base, dataset, { change: 0.1 });
		const cum = metricValues(runExpected(prepared, base), 'cumulative_deficit_before_sv');
		expect(s.year).toBe('2025/26');
		expect(s.base).toBeCloseTo(cum[cum.length - 1], 4);
	});

	it('moves the deficit the right way for each input: more demand and cost up, more funding down', () => {
		const s = sensitivity(prepared, scenario(MAY_PROJECTION), dataset, { change: 0.1 });
		const row = (id: string) => s.rows.find((r) => r.id === id)!;
		expect(row('new_plans').high).toBeGreaterThan(row('new_plans').low);
		expect(row('unit_costs').high).toBeGreaterThan(row('unit_costs').low);
		expect(row('ceased_plans').high).toBeLessThan(row('ceased_plans').low);
		expect(row('hnb_allocation').high).toBeLessThan(row('hnb_allocation').low);
		expect(row('savings').high).toBeLessThan(row('savings').low);
	});

	it('moves the deficit by exactly the change in a funding line summed over the free years', () => {
		const may = scenario(MAY_PROJECTION);
		const s = sensitivity(prepared, may, dataset, { change: 0.1 });
		const gf = metricValues(runExpected(prepared, may), 'general_fund_contribution');
		const free = gf.slice(1).reduce((a, b) => a + b, 0);
		const row = s.rows.find((r) => r.id === 'general_fund')!;
		expect(row.low - s.base).toBeCloseTo(0.1 * free, 4);
		expect(s.base - row.high).toBeCloseTo(0.1 * free, 4);
	});

	it('varies each of the scenario’s own levers, labelled in words', () => {
		const base = scenario(BASELINE_TREND);
		base.levers.push({
			id: 'growth',
			label: '',
			kind: 'joiners',
			multiplier: 1.1,
			band: null,
			from: '2022/23',
			until: null
		});
		const s = sensitivity(prepared, base, dataset, { change: 0.2 });
		const lever = s.rows.find((r) => r.id === 'lever:growth')!;
		expect(lever.label).toBe('New plans ×1.1 (+10%) from 2022/23');
		expect(lever.high).toBeGreaterThan(lever.low);
	});

	it('sorts rows by swing, largest first', () => {
		const s = sensitivity(prepared, scenario(BASELINE_TREND), dataset, { change: 0.1 });
		const swings = s.rows.map((r) => r.swing);
		expect(swings).toEqual([...swings].sort((a, b) => b - a));
		expect(new Set(s.rows.map((r) => r.label)).size).toBe(s.rows.length);
	});

	it('refuses a change outside (0, 1)', () => {
		expect(() => sensitivity(prepared, scenario(BASELINE_TREND), dataset, { change: 0 })).toThrow(
			/sensitivity: change must be a fraction in \(0, 1\)/
		);
	});
});
