import { describe, expect, it } from 'vitest';
import { FORECAST_COLUMNS, forecastAuthority } from '$lib/engine/authority-forecast';
import { runMonteCarlo, summariseMonteCarlo } from '$lib/engine/monte-carlo';
import { naiveForecast } from '$lib/engine/naive';
import { compile, prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import { buildEnglandDatasets } from '$lib/io/sen2/england';
import { BASELINE_TREND } from '$lib/model/dataset-defaults';
import { RELEASE_2022, RELEASE_2025, fixture } from '../io/sen2/fixtures';

const { entries } = buildEnglandDatasets([...RELEASE_2022, ...RELEASE_2025].map(fixture));
const kingston = entries.find((e) => e.authority.oldCode === '314');
if (!kingston?.ok) throw new Error('the Kingston fixture must build');

describe('one authority’s forecast by the workbench and the naive methods', () => {
	const rows = forecastAuthority(kingston, { horizon: 3, simulations: 200, seed: 11 });

	it('has a row per year and method, with the CSV’s columns', () => {
		expect(rows.map((r) => `${r.year} ${r.method}`)).toEqual(
			[2022, 2023, 2024].flatMap((y) =>
				['workbench', 'last', 'growth1', 'cagr3', 'linear5'].map((m) => `${y} ${m}`)
			)
		);
		for (const r of rows) expect(Object.keys(r).sort()).toEqual([...FORECAST_COLUMNS].sort());
		expect(rows[0]).toMatchObject({
			authority: 'Kingston upon Thames',
			la_code: '314',
			new_la_code: 'E09000021',
			origin: 2021,
			horizon: 1
		});
	});

	it('is the app’s Baseline (trend): its expected EHCPs and the p5 / median / p95 of its simulations', () => {
		const baseline = kingston.scenarios.find((s) => s.name === BASELINE_TREND)!;
		const prepared = prepareDataset(kingston.dataset);
		const expected = metricValues(runExpected(prepared, baseline), 'ehcp_total');
		const [run] = runMonteCarlo([compile(prepared, baseline)], 200, 11);
		const summary = summariseMonteCarlo(run);
		const row = summary.metrics.findIndex((m) => m.name === 'ehcp_total');
		const steps = summary.censuses.length;
		const stat = (name: 'p5' | 'median' | 'p95', k: number) =>
			summary.statistics[name][row * steps + k];
		const work = rows.filter((r) => r.method === 'workbench');
		work.forEach((r, k) => {
			expect(r.expected).toBe(expected[k]);
			expect(r.p5).toBe(stat('p5', k));
			expect(r.p50).toBe(stat('median', k));
			expect(r.p95).toBe(stat('p95', k));
		});
	});

	it('gives the naive methods from the dataset’s own census totals, without percentiles', () => {
		const totals = new Map(
			kingston.dataset.history.caseloadTotal.map((r) => [r.year, r.count.value])
		);
		for (const r of rows.filter((x) => x.method !== 'workbench')) {
			expect(r.expected).toBe(naiveForecast(r.method as 'last', totals, 2021, r.horizon));
			expect([r.p5, r.p50, r.p95]).toEqual([null, null, null]);
		}
		expect(rows.find((r) => r.method === 'last')!.expected).toBe(totals.get(2021));
	});

	it('leaves the percentiles empty without simulations, and refuses a horizon past the dataset’s', () => {
		const plain = forecastAuthority(kingston, { horizon: 1, simulations: 0, seed: 1 });
		expect(plain[0]).toMatchObject({ method: 'workbench', p5: null, p50: null, p95: null });
		expect(() => forecastAuthority(kingston, { horizon: 6, simulations: 0, seed: 1 })).toThrow(
			/projects to January 2026, short of 6 years after January 2021/
		);
	});
});
