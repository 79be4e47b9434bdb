/**
 * One authority's EHC plan total forecast from an origin census, by the workbench and by the
 * naive baselines (issue 10), as rows of `forecast england`'s CSV. Also what a rolling-origin
 * evaluation runs for each authority and origin.
 *
 * `workbench` is exactly the forecast the app shows by default for the dataset: its reference
 * projection (the scenario with role `projection`, a new dataset's "Baseline (trend)",
 * docs/model.md §6.1) compiled over `prepareDataset`, the expected projection for
 * `expected`, and `simulate` (seeded) for the p5 / p50 / p95 of `ehcp_total` (type-7 quantiles).
 * Whatever the estimation does underneath flows through unchanged.
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import { NAIVE_METHODS, censusTotals, naiveForecast } from './naive';
import { projectExpected } from './project';
import { simulate } from './simulate';
import { quantile } from './summary';
import type { PersistentUncertainty } from './uncertainty';
import { compile, prepareDataset } from './workbench';

/** The methods of a forecast row, in the order rows are written. */
export const FORECAST_METHODS = ['workbench', ...NAIVE_METHODS] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** The metric forecast. */
export const FORECAST_METRIC = 'ehcp_total';

/** One row of `forecast england`'s CSV (children; null = empty cell). */
export interface AuthorityForecastRow {
	authority: string;
	/** DfE three-digit (old LA) code. */
	la_code: string;
	/** ONS code. */
	new_la_code: string;
	/** The January census forecast from. */
	origin: number;
	/** The January census forecast. */
	year: number;
	/** year − origin. */
	horizon: number;
	method: ForecastMethod;
	expected: number | null;
	p5: number | null;
	p50: number | null;
	p95: number | null;
	/** The census total when known (held out), else null. */
	actual: number | null;
}

/** The CSV columns, in order (a contract: issue 10). */
export const FORECAST_COLUMNS = [
	'authority',
	'la_code',
	'new_la_code',
	'origin',
	'year',
	'horizon',
	'method',
	'expected',
	'p5',
	'p50',
	'p95',
	'actual'
] as const satisfies readonly (keyof AuthorityForecastRow)[];

export interface AuthorityForecastInput {
	authority: { name: string; oldCode: string; newCode: string };
	/** A dataset whose base census is the origin (`buildEnglandDatasets`). */
	dataset: Dataset;
	/** Its scenarios; the one with role `projection` is forecast. */
	scenarios: readonly Scenario[];
	/** Census totals after the origin, for the `actual` column. */
	actual: readonly { year: number; count: number }[];
}

export interface AuthorityForecastOptions {
	/** Years ahead (1 … the dataset's horizon). */
	horizon: number;
	/** Monte Carlo simulations; 0 leaves the percentiles empty. */
	simulations: number;
	/** Seed of the simulations. */
	seed: number;
	/**
	 * Replaces the persistent deviations the simulations draw (uncertainty.ts): calibration
	 * tries sizes with it (scripts/evaluate-forecasts.ts). Absent: the dataset's own.
	 */
	uncertainty?: PersistentUncertainty | null;
}

/**
 * Rows for years origin + 1 … origin + horizon, each by the workbench and the naive methods.
 * Throws when the dataset has no reference projection (role `projection`) or projects fewer years.
 * @example forecastAuthority(entry, { horizon: 4, simulations: 1000, seed: 50 }).length // 4 × 5
 */
export function forecastAuthority(
	input: AuthorityForecastInput,
	options: AuthorityForecastOptions
): AuthorityForecastRow[] {
	const { dataset, authority } = input;
	const origin = dataset.baseCensus;
	const { horizon, simulations, seed } = options;
	if (!(Number.isInteger(horizon) && horizon >= 1)) {
		throw new Error(`forecastAuthority: horizon must be a whole number ≥ 1, got ${horizon}`);
	}
	if (dataset.horizonCensus - origin < horizon) {
		throw new Error(
			`forecastAuthority: ${dataset.name} projects to January ${dataset.horizonCensus}, short of ${horizon} years after January ${origin}`
		);
	}
	const scenario = input.scenarios.find((s) => s.role === 'projection');
	if (!scenario) {
		throw new Error(
			`forecastAuthority: ${dataset.name} has no reference projection (a scenario with role "projection")`
		);
	}
	const compiled = compile(prepareDataset(dataset), scenario);
	if (options.uncertainty !== undefined) compiled.uncertainty = options.uncertainty;
	const row = compiled.layout.index.get(FORECAST_METRIC);
	if (row === undefined) throw new Error(`forecastAuthority: no metric ${FORECAST_METRIC}`);
	const steps = compiled.censuses.length;
	const expected = projectExpected(compiled).values;
	const block = simulations > 0 ? simulate(compiled, 0, simulations, seed) : null;
	const totals = censusTotals(
		dataset.history.caseloadTotal.map((r) => ({ year: r.year, count: r.count.value }))
	);
	const actual = new Map(input.actual.map((r) => [r.year, r.count]));
	const draws = new Float64Array(simulations);
	const rows: AuthorityForecastRow[] = [];
	for (let h = 1; h <= horizon; h++) {
		const year = origin + h;
		const k = compiled.censuses.indexOf(year);
		if (k < 0)
			throw new Error(`forecastAuthority: ${dataset.name} has no step ending January ${year}`);
		const base = {
			authority: authority.name,
			la_code: authority.oldCode,
			new_la_code: authority.newCode,
			origin,
			year,
			horizon: h,
			actual: actual.get(year) ?? null
		};
		let band: { p5: number; p50: number; p95: number } | null = null;
		if (block) {
			for (let i = 0; i < simulations; i++) {
				draws[i] = block.values[(i * block.metrics + row) * block.steps + k];
			}
			band = {
				p5: quantile(draws, 0.05),
				p50: quantile(draws, 0.5),
				p95: quantile(draws, 0.95)
			};
		}
		rows.push({
			...base,
			method: 'workbench',
			expected: expected[row * steps + k],
			p5: band?.p5 ?? null,
			p50: band?.p50 ?? null,
			p95: band?.p95 ?? null
		});
		for (const method of NAIVE_METHODS) {
			rows.push({
				...base,
				method,
				expected: naiveForecast(method, totals, origin, h),
				p5: null,
				p50: null,
				p95: null
			});
		}
	}
	return rows;
}
