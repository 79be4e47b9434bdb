import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios, SVA_PLAN } from '$lib/data/kingston-scenarios';
import {
	combineBlocks,
	compareScenarios,
	runMeta,
	runMonteCarlo,
	simulatedValues,
	startSummary,
	summariseMonteCarlo,
	summariseRows,
	type MonteCarloRun
} from '$lib/engine/monte-carlo';
import { statisticSeries, SUMMARY_STATISTICS } from '$lib/model/results';
import { simulate } from '$lib/engine/simulate';
import { compile, prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import type { Scenario } from '$lib/model/scenario';

const prepared = prepareDataset(kingstonDataset());
const byName = (name: string) => kingstonScenarios().find((s) => s.name === name)!;
const baselineScenario = byName(BASELINE_TREND);
const baseline = compile(prepared, baselineScenario);

/**
 * Four simulations of two metrics over two years, by hand:
 *   sim  ehcp_total  cap_breached  first breach
 *   0    10, 20      0, 1          2022/23
 *   1    12, 18      0, 0          none
 *   2    14, 30      1, 1          2021/22
 *   3    16, 12      0, 1          2022/23
 */
function tinyRun(
	totals: number[][] = [
		[10, 20],
		[12, 18],
		[14, 30],
		[16, 12]
	],
	seed = 1
): MonteCarloRun {
	const breached = [
		[0, 1],
		[0, 0],
		[1, 1],
		[0, 1]
	];
	const values = new Float64Array(totals.length * 2 * 2);
	totals.forEach((t, i) => {
		values.set(t, (i * 2 + 0) * 2);
		values.set(breached[i], (i * 2 + 1) * 2);
	});
	return {
		scenarioId: 'tiny',
		scenarioName: 'Tiny',
		censuses: [2022, 2023],
		years: ['2021/22', '2022/23'],
		metrics: [
			{ name: 'ehcp_total', kind: 'census', label: 'EHCPs', unit: 'children' },
			{ name: 'cap_breached', kind: 'finance', label: 'Cap breached', unit: 'probability' }
		],
		seed,
		simulations: totals.length,
		values,
		firstBreach: Int32Array.of(1, -1, 0, 1)
	};
}

describe('summariseMonteCarlo', () => {
	it('matches hand-computed statistics on a tiny sample (type-7 quantiles, sd with N − 1)', () => {
		const s = summariseMonteCarlo(tinyRun());
		// 2022: 10 12 14 16 → mean 13, sd √(20/3); h = 3p.
		const at = (stat: (typeof SUMMARY_STATISTICS)[number]) =>
			statisticSeries(s, 'ehcp_total', stat);
		expect(at('mean')).toEqual([13, 20]);
		expect(at('sd')[0]).toBeCloseTo(Math.sqrt(20 / 3), 12);
		expect(at('sd')[1]).toBeCloseTo(Math.sqrt(168 / 3), 12);
		expect(at('min')).toEqual([10, 12]);
		expect(at('max')).toEqual([16, 30]);
		expect(at('p2_5')[0]).toBeCloseTo(10.15, 12);
		expect(at('p5')[0]).toBeCloseTo(10.3, 12);
		expect(at('p25')).toEqual([11.5, 16.5]);
		expect(at('median')).toEqual([13, 19]);
		expect(at('p75')).toEqual([14.5, 22.5]);
		expect(at('p95')[0]).toBeCloseTo(15.7, 12);
		expect(at('p97_5')[0]).toBeCloseTo(15.85, 12);
	});

	it('gives P(breach) per year as the share of simulations over the cap', () => {
		const s = summariseMonteCarlo(tinyRun());
		expect(Array.from(s.breachProbability)).toEqual([0.25, 0.75]);
		expect(statisticSeries(s, 'cap_breached', 'mean')).toEqual([0.25, 0.75]);
	});

	it('gives the first breach year distribution, which sums to 1 with "no breach"', () => {
		const { firstBreach } = summariseMonteCarlo(tinyRun());
		expect(firstBreach.byYear).toEqual([
			{ year: '2021/22', probability: 0.25 },
			{ year: '2022/23', probability: 0.5 }
		]);
		expect(firstBreach.noBreach).toBe(0.25);
	});

	it('is cumulative: P(breach by year k) is at least the share whose first breach is by k', () => {
		const run = runMonteCarlo([baseline], 300, 4)[0];
		const s = summariseMonteCarlo(run);
		let cumulative = 0;
		s.firstBreach.byYear.forEach((y, k) => {
			cumulative += y.probability;
			expect(s.breachProbability[k]).toBeLessThanOrEqual(cumulative + 1e-12);
		});
		expect(cumulative + s.firstBreach.noBreach).toBeCloseTo(1, 12);
	});

	it('leaves the simulated values in simulation order', () => {
		const run = tinyRun();
		const before = Float64Array.from(run.values);
		summariseMonteCarlo(run);
		expect(run.values).toEqual(before);
	});

	it('can be filled in slices, with NaN marking rows not yet summarised', () => {
		const run = tinyRun();
		const s = startSummary(run);
		expect(Number.isNaN(s.statistics.mean[0])).toBe(true);
		summariseRows(run, s, 0, 1);
		summariseRows(run, s, 1, 2);
		expect(s).toEqual(summariseMonteCarlo(run));
		expect(() => summariseRows(run, s, 0, 3)).toThrow(/^summariseRows: rows must lie in \[0, 2\]/);
	});

	it("converges to the expected projection: Baseline (trend)'s totals lie within 3 standard errors with 2,000 simulations of process noise alone", () => {
		// Persistent deviations (uncertainty.ts) make the model non-linear in its draws; the
		// sampler's own draws are checked without them, and with them in the next test.
		const N = 2000;
		const s = summariseMonteCarlo(runMonteCarlo([{ ...baseline, uncertainty: null }], N, 50)[0]);
		const expected = runExpected(prepared, baselineScenario);
		for (const metric of ['ehcp_total', 'ehcp_joiners', 'ehcp_leavers', 'placement_cost']) {
			const mean = statisticSeries(s, metric, 'mean');
			const sd = statisticSeries(s, metric, 'sd');
			metricValues(expected, metric).forEach((e, k) => {
				expect(Math.abs(mean[k] - e)).toBeLessThanOrEqual((3 * sd[k]) / Math.sqrt(N));
			});
		}
	});
});

describe('persistent deviations', () => {
	it('keep the simulations’ mean within 3 standard errors and 0.5% of the expected projection, and widen the band', () => {
		const N = 1000;
		const withDeviations = summariseMonteCarlo(runMonteCarlo([baseline], N, 50)[0]);
		const noiseOnly = summariseMonteCarlo(
			runMonteCarlo([{ ...baseline, uncertainty: null }], N, 50)[0]
		);
		const expected = metricValues(runExpected(prepared, baselineScenario), 'ehcp_total');
		const mean = statisticSeries(withDeviations, 'ehcp_total', 'mean');
		const wide = statisticSeries(withDeviations, 'ehcp_total', 'sd');
		const narrow = statisticSeries(noiseOnly, 'ehcp_total', 'sd');
		expected.forEach((e, k) => {
			// Mean-one factors, but the leaver factor compounds over the years: a small Jensen gap.
			expect(Math.abs(mean[k] - e)).toBeLessThan((3 * wide[k]) / Math.sqrt(N) + 0.005 * e);
			expect(wide[k]).toBeGreaterThan(2 * narrow[k]);
		});
	});
});

describe('combineBlocks', () => {
	it('puts blocks together in simulation order whatever order they arrive in', () => {
		const meta = runMeta(baseline);
		const inOrder = combineBlocks(meta, [simulate(baseline, 0, 30, 2)], 2);
		const shuffled = combineBlocks(
			meta,
			[simulate(baseline, 20, 30, 2), simulate(baseline, 0, 7, 2), simulate(baseline, 7, 20, 2)],
			2
		);
		expect(shuffled.values).toEqual(inOrder.values);
		expect(shuffled.firstBreach).toEqual(inOrder.firstBreach);
		expect(shuffled.simulations).toBe(30);
	});

	it('refuses blocks with a gap or an overlap, naming the simulations', () => {
		const meta = runMeta(baseline);
		expect(() =>
			combineBlocks(meta, [simulate(baseline, 0, 5, 2), simulate(baseline, 8, 10, 2)], 2)
		).toThrow('combineBlocks: simulations 5…7 of "Baseline (trend)" are missing');
		expect(() =>
			combineBlocks(meta, [simulate(baseline, 0, 5, 2), simulate(baseline, 4, 10, 2)], 2)
		).toThrow('combineBlocks: simulation 4 of "Baseline (trend)" is in two blocks');
		expect(() => combineBlocks(meta, [], 2)).toThrow(/no simulations/);
	});
});

describe('runMonteCarlo', () => {
	it('uses common random numbers: each scenario draws as if run alone with the same seed', () => {
		const plan = compile(prepared, byName(SVA_PLAN));
		const [a, b] = runMonteCarlo([baseline, plan], 40, 9);
		expect(a.values).toEqual(simulate(baseline, 0, 40, 9).values);
		expect(b.values).toEqual(simulate(plan, 0, 40, 9).values);
	});

	it('refuses a number of simulations that is not a whole number ≥ 1', () => {
		expect(() => runMonteCarlo([baseline], 0, 1)).toThrow(/^runMonteCarlo: simulations/);
	});
});

describe('compareScenarios', () => {
	it('gives the mean difference b − a with standard error sd(b − a)/√N, by hand', () => {
		const a = tinyRun();
		const b = tinyRun([
			[11, 20],
			[12, 18],
			[17, 30],
			[16, 12]
		]);
		const d = compareScenarios(a, b, 'ehcp_total');
		// Differences in 2022: 1 0 3 0 → mean 1, sd √(6/3) = √2, SE √2/2.
		expect(d.byYear[0].year).toBe('2022');
		expect(d.byYear[0].meanA).toBe(13);
		expect(d.byYear[0].meanB).toBe(14);
		expect(d.byYear[0].difference).toBe(1);
		expect(d.byYear[0].sd).toBeCloseTo(Math.SQRT2, 12);
		expect(d.byYear[0].standardError).toBeCloseTo(Math.SQRT2 / 2, 12);
		expect(d.byYear[1]).toMatchObject({ difference: 0, sd: 0, standardError: 0 });
	});

	it('finds no difference at all between a scenario and itself', () => {
		const [a, b] = runMonteCarlo([baseline, baseline], 100, 3);
		for (const y of compareScenarios(a, b, 'cumulative_deficit_before_sv').byYear) {
			expect(y.year).toMatch(/^\d{4}\/\d{2}$/);
			expect([y.difference, y.standardError]).toEqual([0, 0]);
		}
	});

	it("estimates a lever's effect within 3 standard errors of the expected projections' difference", () => {
		const more: Scenario = {
			...baselineScenario,
			id: 'more-joiners',
			name: 'More joiners',
			levers: [
				...baselineScenario.levers,
				{
					id: 'j',
					label: '',
					kind: 'joiners',
					multiplier: 1.2,
					band: null,
					from: null,
					until: null
				}
			]
		};
		const N = 1000;
		const [a, b] = runMonteCarlo([baseline, compile(prepared, more)], N, 50);
		const d = compareScenarios(a, b, 'ehcp_total');
		const ea = metricValues(runExpected(prepared, baselineScenario), 'ehcp_total');
		const eb = metricValues(runExpected(prepared, more), 'ehcp_total');
		d.byYear.forEach((y, k) => {
			expect(y.difference).toBeGreaterThan(0);
			expect(Math.abs(y.difference - (eb[k] - ea[k]))).toBeLessThanOrEqual(3 * y.standardError);
		});
	});

	it('refuses runs that do not share seed and N, since their noise would not cancel', () => {
		expect(() => compareScenarios(tinyRun(), tinyRun(undefined, 2), 'ehcp_total')).toThrow(
			/^compareScenarios: .* must share seed and N/
		);
		expect(() => compareScenarios(tinyRun(), tinyRun(), 'nope')).toThrow(
			'compareScenarios: "Tiny" has no metric "nope"'
		);
	});
});

describe('simulatedValues', () => {
	it('gives one metric in one step for every simulation, in simulation order', () => {
		expect(Array.from(simulatedValues(tinyRun(), 'ehcp_total', 1))).toEqual([20, 18, 30, 12]);
		expect(() => simulatedValues(tinyRun(), 'ehcp_total', 2)).toThrow(/^simulatedValues: step/);
	});
});
