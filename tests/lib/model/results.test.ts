import { describe, expect, it } from 'vitest';
import {
	metricValue,
	metricValues,
	statisticSeries,
	SUMMARY_STATISTICS,
	type MonteCarloSummary,
	type ScenarioResult
} from '$lib/model/results';

/** A two-metric, three-year result written by hand. */
const result: ScenarioResult = {
	scenarioId: 's',
	scenarioName: 'Hand-made',
	censuses: [2022, 2023, 2024],
	years: ['2021/22', '2022/23', '2023/24'],
	metrics: [
		{ name: 'ehcp_total', kind: 'census', label: 'EHCPs', unit: 'children' },
		{ name: 'headroom', kind: 'finance', label: 'Headroom', unit: 'gbp' }
	],
	values: Float64Array.from([100, 110, 120, -5, -6, -7]),
	baseTotal: 95,
	firstBreach: -1,
	estimator: 'pooled',
	calibration: { joiners: [], leavers: [] },
	warnings: []
};

describe('result readers', () => {
	it('read one metric row per year of an expected result', () => {
		expect(metricValues(result, 'headroom')).toEqual([-5, -6, -7]);
	});

	it('read a census metric by census year and a finance metric by financial year', () => {
		expect(metricValue(result, 'ehcp_total', 2023)).toBe(110);
		expect(metricValue(result, 'headroom', '2023/24')).toBe(-7);
	});

	it('name the metric or year a result does not have', () => {
		expect(() => metricValues(result, 'nope')).toThrow(/metricValues: unknown metric "nope"/);
		expect(() => metricValue(result, 'ehcp_total', 2030)).toThrow(
			/metricValue: 2030 is not a year of "Hand-made"/
		);
	});

	it('read one statistic of one metric per year of a Monte Carlo summary', () => {
		const statistics = Object.fromEntries(
			SUMMARY_STATISTICS.map((s, i) => [s, Float64Array.from([i, i, i, 10 + i, 20 + i, 30 + i])])
		) as MonteCarloSummary['statistics'];
		const summary: MonteCarloSummary = {
			scenarioId: 's',
			scenarioName: 'Hand-made',
			censuses: result.censuses,
			years: result.years,
			metrics: result.metrics,
			seed: 1,
			simulations: 10,
			statistics,
			breachProbability: new Float64Array(3),
			firstBreach: { byYear: [], noBreach: 1 }
		};
		const p95 = SUMMARY_STATISTICS.indexOf('p95');
		expect(statisticSeries(summary, 'headroom', 'p95')).toEqual([10 + p95, 20 + p95, 30 + p95]);
		expect(() => statisticSeries(summary, 'nope', 'mean')).toThrow(
			/statisticSeries: "Hand-made" has no metric "nope"/
		);
	});
});
