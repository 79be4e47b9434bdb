import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios } from '$lib/data/kingston-scenarios';
import { runMonteCarlo, summariseMonteCarlo, startSummary } from '$lib/engine/monte-carlo';
import { STATISTIC_NAMES } from '$lib/engine/summary';
import { compile, prepareDataset, runExpected } from '$lib/engine/workbench';
import { expectedRows, longCsv, simulationRows } from '$lib/io/long-csv';

const prepared = prepareDataset(kingstonDataset());
const scenario = kingstonScenarios().find((s) => s.name === BASELINE_TREND)!;
const compiled = compile(prepared, scenario);
const run = runMonteCarlo([compiled], 200, 7)[0];
const summary = summariseMonteCarlo(run);
const rows = simulationRows(summary);
const H = compiled.steps.length;

describe('simulationRows', () => {
	it('writes mean, sd, min, p2_5 … p97_5, max for every metric and year, in that order', () => {
		const total2023 = rows.filter((r) => r.metric === 'ehcp_total' && r.year === '2023');
		expect(total2023.map((r) => r.statistic)).toEqual([
			'mean',
			'sd',
			'min',
			'p2_5',
			'p5',
			'p25',
			'median',
			'p75',
			'p95',
			'p97_5',
			'max'
		]);
		for (const m of compiled.layout.defs) {
			if (m.name === 'cap_breached') continue;
			expect(rows.filter((r) => r.metric === m.name)).toHaveLength(11 * H);
		}
	});

	it('uses only the statistic names of the long CSV', () => {
		const names = new Set<string>(STATISTIC_NAMES);
		for (const r of rows) expect(names.has(r.statistic)).toBe(true);
		expect(rows.some((r) => r.statistic === 'expected')).toBe(false);
	});

	it('keys census metrics by census year and finance metrics by financial year', () => {
		expect(new Set(rows.filter((r) => r.metric === 'ehcp_total').map((r) => r.year))).toEqual(
			new Set(compiled.censuses.map(String))
		);
		expect(new Set(rows.filter((r) => r.metric === 'placement_cost').map((r) => r.year))).toEqual(
			new Set(compiled.years)
		);
	});

	it('gives cap_breached as one probability per financial year', () => {
		const breach = rows.filter((r) => r.metric === 'cap_breached');
		expect(breach.map((r) => [r.year, r.statistic])).toEqual(
			compiled.years.map((y) => [y, 'probability'])
		);
		expect(breach.map((r) => r.value)).toEqual(Array.from(summary.breachProbability));
	});

	it('gives first_breach_year one probability row per year and one for none, summing to 1', () => {
		const first = rows.filter((r) => r.metric === 'first_breach_year');
		expect(first.map((r) => r.year)).toEqual([...compiled.years, 'none']);
		expect(first.every((r) => r.statistic === 'probability')).toBe(true);
		expect(first.reduce((a, r) => a + (r.value as number), 0)).toBeCloseTo(1, 9);
	});

	it('follows the expected rows in one CSV under the same header', () => {
		const text = longCsv([...expectedRows(runExpected(prepared, scenario)), ...rows]);
		const lines = text.trimEnd().split('\n');
		expect(lines[0]).toBe('scenario,year,metric,statistic,value');
		expect(lines.some((l) => l.startsWith('Baseline (trend),2023,ehcp_total,p97_5,'))).toBe(true);
		expect(
			lines.some((l) => l.startsWith('Baseline (trend),none,first_breach_year,probability,'))
		).toBe(true);
	});

	it('refuses a summary whose rows were not all summarised', () => {
		expect(() => simulationRows(startSummary(run))).toThrow(
			/^simulationRows: ehcp_total 2022 .* has not been summarised/
		);
	});
});

describe('placement_cost_by_setting in the long CSV', () => {
	const penny = 0.005;
	const bySetting = (metric: string) => metric.startsWith('placement_cost_by_setting:');

	it('has one row per setting of ehcp_by_setting, with the same ids, for every scenario', () => {
		for (const s of kingstonScenarios()) {
			const expected = expectedRows(runExpected(prepared, s));
			const ids = (prefix: string) => [
				...new Set(
					expected
						.filter((r) => r.metric.startsWith(prefix))
						.map((r) => r.metric.slice(prefix.length))
				)
			];
			expect(ids('placement_cost_by_setting:')).toEqual(ids('ehcp_by_setting:'));
			expect(ids('placement_cost_by_setting:')).toHaveLength(prepared.dataset.settings.length);
		}
	});

	it('sums to placement_cost to the penny in every year of every scenario (expected rows)', () => {
		for (const s of kingstonScenarios()) {
			const expected = expectedRows(runExpected(prepared, s));
			const years = [
				...new Set(expected.filter((r) => r.metric === 'placement_cost').map((r) => r.year))
			];
			expect(years).toHaveLength(H);
			for (const year of years) {
				const inYear = expected.filter((r) => r.year === year);
				const total = inYear.find((r) => r.metric === 'placement_cost')!.value as number;
				const parts = inYear.filter((r) => bySetting(r.metric)).map((r) => r.value as number);
				expect(total).toBeGreaterThan(1e6);
				expect(Math.abs(parts.reduce((a, b) => a + b, 0) - total)).toBeLessThan(penny);
			}
		}
	});

	it('sums to placement_cost to the penny in every simulation, and so do the Monte Carlo means', () => {
		const L = compiled.layout;
		const M = L.defs.length;
		const total = L.index.get('placement_cost')!;
		for (let i = 0; i < run.simulations; i++) {
			for (let k = 0; k < H; k++) {
				const at = (row: number) => run.values[(i * M + row) * H + k];
				const parts = L.costSettingRows.reduce((a, row) => a + at(row), 0);
				expect(Math.abs(parts - at(total))).toBeLessThan(penny);
			}
		}
		for (const year of compiled.years) {
			const means = rows.filter((r) => r.year === year && r.statistic === 'mean');
			const mean = means.find((r) => r.metric === 'placement_cost')!.value as number;
			const parts = means.filter((r) => bySetting(r.metric)).map((r) => r.value as number);
			expect(Math.abs(parts.reduce((a, b) => a + b, 0) - mean)).toBeLessThan(penny);
		}
	});

	it('leaves the names and order of the other metrics unchanged', () => {
		const names = compiled.layout.defs.map((d) => d.name).filter((n) => !bySetting(n));
		const i = names.indexOf('placement_cost');
		expect(names.slice(i, i + 6)).toEqual([
			'placement_cost',
			'hnb_allocation',
			'block_transfers',
			'total_budget',
			'hnb_expenditure_before_savings',
			'savings_total'
		]);
		expect(names[i - 1]).toMatch(/^ehcp_by_age_band:/);
	});
});
