/**
 * The long CSV of results (docs/model.md §6): `scenario,year,metric,statistic,value`, one row per
 * scenario, year, metric and statistic. `year` is the financial year (`2021/22`) for finance
 * metrics and the census year (`2022`) for census metrics; `first_breach_year` has year `all`
 * with the financial year (or `none`) as its value when expected, and under Monte Carlo one row
 * per financial year, and one with year `none`, each with its probability.
 */
import type { MonteCarloSummary } from '../model/results';
import { SUMMARY_STATISTICS } from '../model/results';
import type { ScenarioResult } from '../model/results';
import { toCsv } from './csv/write';

export const LONG_CSV_HEADER = ['scenario', 'year', 'metric', 'statistic', 'value'] as const;

export type Statistic =
	| 'expected'
	| 'mean'
	| 'sd'
	| 'min'
	| 'p2_5'
	| 'p5'
	| 'p25'
	| 'median'
	| 'p75'
	| 'p95'
	| 'p97_5'
	| 'max'
	| 'probability';

export interface LongRow {
	scenario: string;
	year: string;
	metric: string;
	statistic: Statistic;
	value: number | string;
}

/** Rounds away floating-point dust (values are pounds or children) without losing precision. */
export function tidy(v: number): number {
	const r = Math.round(v * 1e6) / 1e6;
	return Object.is(r, -0) ? 0 : r;
}

/**
 * Rows of an expected-value result.
 * @example expectedRows(result).find((r) => r.metric === 'ehcp_total')
 */
export function expectedRows(result: ScenarioResult): LongRow[] {
	const rows: LongRow[] = [];
	const H = result.censuses.length;
	result.metrics.forEach((m, i) => {
		for (let k = 0; k < H; k++) {
			rows.push({
				scenario: result.scenarioName,
				year: m.kind === 'census' ? String(result.censuses[k]) : result.years[k],
				metric: m.name,
				statistic: 'expected',
				value: tidy(result.values[i * H + k])
			});
		}
	});
	rows.push({
		scenario: result.scenarioName,
		year: 'all',
		metric: 'first_breach_year',
		statistic: 'expected',
		value: result.firstBreach >= 0 ? result.years[result.firstBreach] : 'none'
	});
	return rows;
}

/**
 * Rows of a Monte Carlo summary (docs/model.md §6), to follow the expected rows: for every metric and
 * year, `mean`, `sd`, `min`, `p2_5`, `p5`, `p25`, `median`, `p75`, `p95`, `p97_5`, `max` (in the
 * metric's units); `cap_breached` instead as one `probability` row per financial year
 * (P(cumulative deficit before Safety Valve funding > cap), a fraction); and `first_breach_year`
 * as one `probability` row per financial year plus one with year `none` (P(no breach in the
 * horizon)), which together sum to 1.
 * @example simulationRows(summary).filter((r) => r.metric === 'first_breach_year')
 * // [{ year: '2021/22', statistic: 'probability', value: 0 }, …, { year: 'none', … }]
 */
export function simulationRows(summary: MonteCarloSummary): LongRow[] {
	const rows: LongRow[] = [];
	const H = summary.censuses.length;
	const scenario = summary.scenarioName;
	summary.metrics.forEach((m, i) => {
		for (let k = 0; k < H; k++) {
			const year = m.kind === 'census' ? String(summary.censuses[k]) : summary.years[k];
			if (m.name === 'cap_breached') {
				const value = tidy(summary.breachProbability[k]);
				rows.push({ scenario, year, metric: m.name, statistic: 'probability', value });
				continue;
			}
			for (const statistic of SUMMARY_STATISTICS) {
				const v = summary.statistics[statistic][i * H + k];
				if (Number.isNaN(v)) {
					throw new Error(
						`simulationRows: ${m.name} ${year} of "${scenario}" has not been summarised (summariseRows)`
					);
				}
				rows.push({ scenario, year, metric: m.name, statistic, value: tidy(v) });
			}
		}
	});
	for (const { year, probability } of summary.firstBreach.byYear) {
		rows.push({
			scenario,
			year,
			metric: 'first_breach_year',
			statistic: 'probability',
			value: tidy(probability)
		});
	}
	rows.push({
		scenario,
		year: 'none',
		metric: 'first_breach_year',
		statistic: 'probability',
		value: tidy(summary.firstBreach.noBreach)
	});
	return rows;
}

/** The rows as CSV text (formula injection neutralised in every cell). */
export function longCsv(rows: readonly LongRow[]): string {
	return toCsv(
		LONG_CSV_HEADER,
		rows.map((r) => [r.scenario, r.year, r.metric, r.statistic, r.value])
	);
}
