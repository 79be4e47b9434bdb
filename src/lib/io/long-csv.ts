/**
 * The long CSV of results (MODEL.md §6): `scenario,year,metric,statistic,value`, one row per
 * scenario, year, metric and statistic. `year` is the financial year (`2021/22`) for finance
 * metrics and the census year (`2022`) for census metrics; `first_breach_year` has year `all`
 * with the financial year (or `none`) as its value when expected, and one row per year with its
 * probability under Monte Carlo.
 */
import type { ScenarioResult } from '../engine/workbench';
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

/** The rows as CSV text (formula injection neutralised in every cell). */
export function longCsv(rows: readonly LongRow[]): string {
	return toCsv(
		LONG_CSV_HEADER,
		rows.map((r) => [r.scenario, r.year, r.metric, r.statistic, r.value])
	);
}
