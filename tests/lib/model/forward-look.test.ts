import { describe, expect, it } from 'vitest';
import { forwardLook, P_BREACH_CAVEAT, type ForwardLookDrivers } from '$lib/model/forward-look';
import type { MetricDef, MonteCarloSummary, ScenarioResult } from '$lib/model/results';

const YEARS = ['2021/22', '2022/23', '2023/24'];
const METRICS: MetricDef[] = [
	{ name: 'cumulative_deficit_before_sv', kind: 'finance', label: 'Deficit', unit: 'gbp' },
	{ name: 'deficit_cap', kind: 'finance', label: 'Cap', unit: 'gbp' }
];

/** A hand-made result: deficits and caps by year, £; the first breach as the engine marks it. */
function result(id: string, name: string, deficit: number[], cap: number[]): ScenarioResult {
	const firstBreach = deficit.findIndex((d, k) => d > cap[k]);
	return {
		scenarioId: id,
		scenarioName: name,
		censuses: [2022, 2023, 2024],
		years: YEARS,
		metrics: METRICS,
		values: Float64Array.from([...deficit, ...cap]),
		baseTotal: 1436,
		firstBreach,
		estimator: 'england',
		calibration: { joiners: [], leavers: [] },
		warnings: []
	};
}

const CAP = [30e6, 30e6, 30e6];
const plan = result('plan', 'SVA plan', [28e6, 27e6, 25e6], CAP);
const breaching = result('may', 'May 2021 projection', [29e6, 31.25e6, 33e6], CAP);

function summary(of: ScenarioResult, noBreach: number, byYear: number[]): MonteCarloSummary {
	return {
		scenarioId: of.scenarioId,
		scenarioName: of.scenarioName,
		censuses: of.censuses,
		years: of.years,
		metrics: of.metrics,
		seed: 50,
		simulations: 1000,
		statistics: {} as MonteCarloSummary['statistics'],
		breachProbability: new Float64Array(3),
		firstBreach: { byYear: YEARS.map((year, k) => ({ year, probability: byYear[k] })), noBreach }
	};
}

const drivers: ForwardLookDrivers = {
	scenarioId: 'may',
	year: '2023/24',
	change: 0.1,
	rows: [
		{ label: 'New plans', low: 31e6, high: 35e6, swing: 4e6 },
		{ label: 'HNB allocation', low: 35.5e6, high: 30.5e6, swing: 5e6 },
		{ label: 'Savings delivered', low: 33.2e6, high: 32.8e6, swing: 0.4e6 },
		{ label: 'Unit costs of placements', low: 30e6, high: 36e6, swing: 6e6 }
	]
};

describe('forwardLook', () => {
	it('names the scenario that breaches the cap, the year, by how much, and where it ends', () => {
		const text = forwardLook({
			results: [plan, breaching],
			focusId: 'may',
			simulations: {},
			drivers: null
		});
		const [cap] = text.split('\n\n');
		expect(cap).toContain('1 of the 2 scenarios breaches the Safety Valve cap.');
		expect(cap).toContain(
			'“May 2021 projection” breaches the cap in 2022/23: a cumulative deficit of £31.3m against a cap of £30.0m, £1.3m over. By 2023/24 it is £3.0m over.'
		);
	});

	it('gives the headroom in the tightest year of a scenario that stays under the cap', () => {
		const text = forwardLook({ results: [plan], focusId: 'plan', simulations: {}, drivers: null });
		expect(text).toContain('The scenario stays under the Safety Valve cap.');
		// Headroom 2, 3 and 5 £m: the tightest year is the first.
		expect(text).toContain(
			'“SVA plan” stays under the cap to 2023/24; its tightest year is 2021/22, with £2.0m of headroom.'
		);
		expect(text).not.toMatch(/breaches the cap in/);
	});

	it('says so when no scenario breaches', () => {
		const other = result('other', 'Low growth', [20e6, 21e6, 22e6], CAP);
		const text = forwardLook({
			results: [plan, other],
			focusId: 'plan',
			simulations: {},
			drivers: null
		});
		expect(text.startsWith('None of the 2 scenarios breaches the Safety Valve cap.')).toBe(true);
	});

	it('says there is no P(breach) yet when the Monte Carlo has not run, and gives no caveat', () => {
		const text = forwardLook({
			results: [plan, breaching],
			focusId: 'may',
			simulations: {},
			drivers: null
		});
		expect(text).toContain(
			'The Monte Carlo simulations of “May 2021 projection” have not finished, so this forward look gives no probability of breaching the cap.'
		);
		expect(text).not.toContain(P_BREACH_CAVEAT);
		expect(text).toContain(
			'The sensitivity analysis of “May 2021 projection” has not finished, so the largest drivers are not given.'
		);
	});

	it('gives P(breach) of the focus scenario with the likeliest first year and its calibration caveat', () => {
		const text = forwardLook({
			results: [plan, breaching],
			focusId: 'may',
			simulations: { may: summary(breaching, 0.28, [0.12, 0.45, 0.15]) },
			drivers: null
		});
		const p = text.split('\n\n')[1];
		expect(p).toBe(
			`In 1,000 simulations of “May 2021 projection”, the cumulative deficit goes over the cap in at least one year to 2023/24 in 72% of them (P(breach)). The likeliest first year of breach is 2022/23 (45%). ${P_BREACH_CAVEAT}`
		);
		expect(P_BREACH_CAVEAT).toMatch(/calibrated/);
	});

	it('names the three largest drivers in words, largest first, low to high', () => {
		const text = forwardLook({
			results: [plan, breaching],
			focusId: 'may',
			simulations: {},
			drivers
		});
		expect(text.split('\n\n')[2]).toBe(
			'The 3 inputs that move the 2023/24 cumulative deficit of “May 2021 projection” most, each 10% lower and higher, are: unit costs of placements, by £6.0m (£30.0m to £36.0m); HNB allocation, by £5.0m (£30.5m to £35.5m); and new plans, by £4.0m (£31.0m to £35.0m).'
		);
		expect(text).not.toContain('savings delivered');
	});

	it('ignores a sensitivity of another scenario than the focus', () => {
		const text = forwardLook({
			results: [plan, breaching],
			focusId: 'plan',
			simulations: {},
			drivers
		});
		expect(text).toContain('The sensitivity analysis of “SVA plan” has not finished');
	});

	it('does not read a deficit that is not computable against the cap', () => {
		const broken = result('x', 'Broken', [28e6, Number.NaN, 29e6], CAP);
		const text = forwardLook({ results: [broken], focusId: 'x', simulations: {}, drivers: null });
		expect(text).toContain('“Broken” cannot be read against the cap');
		expect(text).not.toContain('NaN');
	});

	it('refuses no results, and a focus that is not among them, naming it', () => {
		expect(() =>
			forwardLook({ results: [], focusId: null, simulations: {}, drivers: null })
		).toThrow(/forwardLook: needs at least one/);
		expect(() =>
			forwardLook({ results: [plan], focusId: 'gone', simulations: {}, drivers: null })
		).toThrow(/"gone" is not among the 1 results/);
	});
});
