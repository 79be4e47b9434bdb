import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '../../../../src/lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios } from '../../../../src/lib/data/kingston-scenarios';
import { total } from '../../../../src/lib/engine/population';
import { expectedSampler } from '../../../../src/lib/engine/sampler';
import { witanBaselineScenario, witanDataset } from '../../../../src/lib/io/witan/dataset';
import {
	prepareWitanModel,
	runWitan,
	runWitanModel,
	runWitanScenario,
	witanModelOfScenario,
	witanTrajectory,
	type WitanRunResult
} from '../../../../src/lib/io/witan/run';
import { compile, prepareDataset, runExpected } from '../../../../src/lib/engine/workbench';
import { metricValues } from '../../../../src/lib/model/results';
import type { Lever, Scenario } from '../../../../src/lib/model/scenario';
import { writeWitanOutputs } from '../../../../src/lib/io/witan/outputs';
import { TINY, files, parsed, synthetic } from '../../../fixtures/witan-model/inputs';

const dataset = witanDataset(parsed(files(synthetic())));

/** Values of one row of a table, by year (and key). */
function values(
	run: WitanRunResult,
	kind: keyof WitanRunResult['outputs'],
	year: number,
	key?: string | number
) {
	const row = run.outputs[kind].find((r) => r.calendarYear === year && r.key === key);
	if (!row) throw new Error(`no ${kind} row for ${year} ${key ?? ''}`);
	return row.values;
}

describe('conservation', () => {
	it('keeps every child in every simulated step: stock + joiners − leavers = next stock', () => {
		let steps = 0;
		runWitan(dataset, {
			sims: 200,
			seed: 7,
			visit(_sim, _k, before, flows) {
				steps++;
				expect(total(before) + total(flows.joiners) - total(flows.leavers)).toBe(total(flows.next));
				expect(total(flows.moversOut)).toBe(total(flows.moversIn));
				expect(flows.next.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
			}
		});
		expect(steps).toBe(200 * 4);
	});

	it('keeps every child in every expected step', () => {
		const model = prepareWitanModel(dataset);
		let steps = 0;
		witanTrajectory(model, expectedSampler, (_k, before, flows) => {
			steps++;
			const balance = total(before) + total(flows.joiners) - total(flows.leavers);
			expect(balance).toBeCloseTo(total(flows.next), 9);
			expect(total(flows.moversOut)).toBeCloseTo(total(flows.moversIn), 9);
		});
		expect(steps).toBe(4);
	});

	it('moves a cohort on when its setting ends, and lets it leave only past every setting', () => {
		// TINY: MS ends at NCY 1; need B has no setting at NCY 2, need A goes on to SP.
		const tiny = witanDataset(parsed(files(TINY)));
		const model = prepareWitanModel(tiny);
		const { space } = model;
		const ms = space.settingIndex.get('MS')!;
		let checked = 0;
		witanTrajectory(model, expectedSampler, (_k, before, flows) => {
			for (let s = 0; s < space.size; s++) {
				if (space.setting[s] !== ms || space.ncy[s] !== 1 || before[s] === 0) continue;
				// Nobody stays in MS past NCY 1: they left or moved out.
				expect(flows.leavers[s] + flows.moversOut[s]).toBeCloseTo(before[s], 12);
				checked++;
			}
		});
		expect(checked).toBeGreaterThan(0);
	});
});

describe('runWitan', () => {
	const run = runWitan(dataset, { sims: 300, seed: 50 });

	it('reports the observed base census and each projected census', () => {
		expect(run.censuses).toEqual([2021, 2022, 2023, 2024, 2025]);
		expect(run.outputs.count.map((r) => r.calendarYear)).toEqual(run.censuses);
		const base = values(run, 'count', 2021);
		expect(base.every((v) => v === 318)).toBe(true);
		expect(run.expected.count[0]).toBe(318);
	});

	it('splits each simulation’s total by academic year, need and setting', () => {
		const model = prepareWitanModel(dataset);
		const ays = model.academicYears;
		const needs = model.space.needs;
		const settings = model.space.settings.map((s) => s.id);
		expect(run.outputs.ay.length).toBe(5 * ays.length);
		for (const year of run.censuses) {
			const count = values(run, 'count', year);
			for (let sim = 0; sim < run.sims; sim++) {
				const byAy = ays.reduce((a, y) => a + values(run, 'ay', year, y)[sim], 0);
				const byNeed = needs.reduce((a, n) => a + values(run, 'need', year, n)[sim], 0);
				const bySetting = settings.reduce((a, k) => a + values(run, 'setting', year, k)[sim], 0);
				expect([byAy, byNeed, bySetting]).toEqual([count[sim], count[sim], count[sim]]);
			}
		}
	});

	it('costs each placement at costs.csv prices', () => {
		// synthetic(): MAIN £5,000, UNIT £10,000, SPEC £15,000, POST £20,000 for every need.
		const price: Record<string, number> = { MAIN: 5000, UNIT: 10000, SPEC: 15000, POST: 20000 };
		for (const year of run.censuses) {
			const cost = values(run, 'cost', year);
			for (let sim = 0; sim < run.sims; sim += 37) {
				const expected = Object.entries(price).reduce(
					(a, [k, p]) => a + p * values(run, 'setting', year, k)[sim],
					0
				);
				expect(cost[sim]).toBe(expected);
			}
		}
	});

	it('gives the same outputs for the same seed and different ones for another', () => {
		const again = runWitan(dataset, { sims: 300, seed: 50 });
		expect(writeWitanOutputs(again.outputs)).toEqual(writeWitanOutputs(run.outputs));
		const other = runWitan(dataset, { sims: 300, seed: 51 });
		expect(values(other, 'count', 2025)).not.toEqual(values(run, 'count', 2025));
	});

	it('gives simulation i the same draws however many simulations are run', () => {
		const fewer = runWitan(dataset, { sims: 10, seed: 50 });
		expect(values(fewer, 'count', 2025)).toEqual(values(run, 'count', 2025).subarray(0, 10));
	});

	it('refuses a number of simulations or a seed that is not a whole number in range', () => {
		expect(() => runWitan(dataset, { sims: 0, seed: 1 })).toThrow(
			'runWitan: sims must be a whole number ≥ 1, got 0'
		);
		expect(() => runWitan(dataset, { sims: 1, seed: -1 })).toThrow(
			'runWitan: seed must be a whole number in [0, 2^32), got -1'
		);
	});
});

describe('Monte Carlo against the expected-value projection', () => {
	it('has a mean within 3 standard errors of the expected projection each year (2,000 runs)', () => {
		const sims = 2000;
		const run = runWitan(dataset, { sims, seed: 2024 });
		run.censuses.forEach((year, y) => {
			const v = values(run, 'count', year);
			const mean = v.reduce((a, b) => a + b, 0) / sims;
			const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (sims - 1));
			const se = sd / Math.sqrt(sims);
			expect(Math.abs(mean - run.expected.count[y])).toBeLessThanOrEqual(3 * se + 1e-9);
			if (y > 0) expect(sd).toBeGreaterThan(0);
		});
	});
});

describe('runWitanScenario', () => {
	const prepared = prepareDataset(dataset);
	const baseline = witanBaselineScenario(dataset);
	const withLevers = (levers: Lever[]): Scenario => ({ ...baseline, id: 'levers', levers });

	it('gives exactly what runWitan gives for a scenario with no levers and pooled rates', () => {
		const ours = runWitanScenario(compile(prepared, baseline), { sims: 50, seed: 50 });
		const theirs = runWitan(dataset, { sims: 50, seed: 50, estimator: 'pooled' });
		expect(writeWitanOutputs(ours.outputs)).toEqual(writeWitanOutputs(theirs.outputs));
		expect(ours.censuses).toEqual(theirs.censuses);
	});

	it('applies the scenario’s demand levers: its expected count is the scenario’s projection', () => {
		const halved = withLevers([
			{
				id: 'half',
				label: '',
				kind: 'joiners',
				multiplier: 0.5,
				band: null,
				from: null,
				until: null
			}
		]);
		const run = runWitanScenario(compile(prepared, halved), { sims: 20, seed: 3 });
		const projected = metricValues(runExpected(prepared, halved), 'ehcp_total');
		run.expected.count.slice(1).forEach((n, k) => expect(n).toBeCloseTo(projected[k], 9));
		const unchanged = runWitanScenario(compile(prepared, baseline), { sims: 20, seed: 3 });
		expect(run.expected.count.at(-1)).toBeLessThan(unchanged.expected.count.at(-1)!);
	});

	it('costs each census at the scenario’s unit costs for its year, the base at first-year prices', () => {
		const inflated = withLevers([
			{
				id: 'inflation',
				label: '',
				kind: 'unit_cost_inflation',
				setting: null,
				rate: 0.1,
				from: null,
				until: null
			}
		]);
		const c = compile(prepared, inflated);
		const run = runWitanScenario(c, { sims: 5, seed: 9 });
		const model = witanModelOfScenario(c);
		expect(model.unitCosts).toEqual([c.unitCosts[0], ...c.unitCosts]);
		// synthetic(): MAIN £5,000 at first-year prices; the second step’s year is 10% dearer.
		const main = model.space.settingIndex.get('MAIN')!;
		const s = model.space.setting.findIndex((x) => x === main);
		expect(model.unitCosts[1][s]).toBe(5000);
		expect(model.unitCosts[2][s]).toBeCloseTo(5500, 9);
		const plain = runWitanScenario(compile(prepared, baseline), { sims: 5, seed: 9 });
		expect(values(run, 'cost', 2021)).toEqual(values(plain, 'cost', 2021));
		expect(values(run, 'count', 2023)).toEqual(values(plain, 'count', 2023));
		expect(values(run, 'cost', 2023)[0]).toBeGreaterThan(values(plain, 'cost', 2023)[0]);
	});

	it('runs a dataset estimated from aggregates (Kingston) too', () => {
		const kingston = kingstonDataset();
		const scenario = kingstonScenarios().find((s) => s.name === BASELINE_TREND)!;
		const c = compile(prepareDataset(kingston), scenario);
		const run = runWitanScenario(c, { sims: 10, seed: 50 });
		const baseTotal = c.base.reduce((a, b) => a + b, 0);
		expect(run.censuses).toEqual([c.baseCensus, ...c.censuses]);
		expect(values(run, 'count', c.baseCensus).every((v) => v === baseTotal)).toBe(true);
		expect(run.outputs.setting.length).toBe(run.censuses.length * c.space.settings.length);
	});

	it('reports progress after every simulation, ending at N of N', () => {
		const seen: [number, number][] = [];
		runWitanModel(prepareWitanModel(dataset), {
			sims: 4,
			seed: 1,
			progress: (done, sims) => seen.push([done, sims])
		});
		expect(seen).toEqual([
			[1, 4],
			[2, 4],
			[3, 4],
			[4, 4]
		]);
	});

	it('names itself when the number of simulations is wrong', () => {
		expect(() => runWitanScenario(compile(prepared, baseline), { sims: 1.5, seed: 1 })).toThrow(
			'runWitanScenario: sims must be a whole number ≥ 1, got 1.5'
		);
	});
});
