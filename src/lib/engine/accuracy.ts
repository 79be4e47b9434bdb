/**
 * Forecast accuracy by method and horizon (issue 10): the table `forecast england --format
 * summary` prints and the Methodology page shows — mean and median absolute percentage error,
 * bias, and the share of actual figures inside the p5–p95 band.
 *
 * Percentage errors are (forecast − actual) / actual, as fractions (0.05 = 5%): positive is an
 * over-forecast. Points without an actual figure, with an actual of 0 or without a forecast are
 * left out of every statistic (`n` counts the points used).
 */
import { quantile } from './summary';

/** One forecast of one authority's total at one horizon. */
export interface ForecastPoint {
	method: string;
	/** Years after the origin (1 = the next January census). */
	horizon: number;
	/** The forecast (expected value), children. */
	expected: number | null;
	/** The census figure, or null when not known. */
	actual: number | null;
	/** The band's bounds when the method has one. */
	p5?: number | null;
	p95?: number | null;
}

/** Accuracy of one method at one horizon. */
export interface AccuracyRow {
	method: string;
	horizon: number;
	/** Points scored (forecast and a non-zero actual). */
	n: number;
	/** Mean absolute percentage error, a fraction. */
	mape: number;
	/** Median absolute percentage error (type-7 quantile), a fraction. */
	medianApe: number;
	/** Mean signed percentage error, a fraction: > 0 over-forecasts. */
	bias: number;
	/** Share of the points with a band whose actual lies in [p5, p95]; null without bands. */
	coverage: number | null;
	/** Points with a band (the denominator of `coverage`). */
	banded: number;
}

/**
 * The signed percentage error of a forecast, a fraction, or null when it cannot be scored.
 * @example percentError(110, 100) // 0.1
 */
export function percentError(expected: number | null, actual: number | null): number | null {
	if (expected === null || actual === null || !Number.isFinite(expected)) return null;
	if (!Number.isFinite(actual) || actual === 0) return null;
	return (expected - actual) / actual;
}

/**
 * Accuracy per method and horizon: methods in the order they first appear, horizons ascending.
 * Groups with no scorable point are left out.
 * @example
 * accuracyTable([{ method: 'last', horizon: 1, expected: 110, actual: 100 }])
 * // [{ method: 'last', horizon: 1, n: 1, mape: 0.1, medianApe: 0.1, bias: 0.1, coverage: null, banded: 0 }]
 */
export function accuracyTable(points: Iterable<ForecastPoint>): AccuracyRow[] {
	const groups = new Map<string, Map<number, ForecastPoint[]>>();
	for (const p of points) {
		if (!(Number.isInteger(p.horizon) && p.horizon >= 0)) {
			throw new Error(
				`accuracyTable: a horizon must be a whole number of years ≥ 0, got ${p.horizon} (${p.method})`
			);
		}
		if (percentError(p.expected, p.actual) === null) continue;
		const byHorizon = groups.get(p.method) ?? new Map<number, ForecastPoint[]>();
		groups.set(p.method, byHorizon);
		const list = byHorizon.get(p.horizon) ?? [];
		byHorizon.set(p.horizon, list);
		list.push(p);
	}
	const rows: AccuracyRow[] = [];
	for (const [method, byHorizon] of groups) {
		for (const horizon of [...byHorizon.keys()].sort((a, b) => a - b)) {
			const list = byHorizon.get(horizon)!;
			const errors = list.map((p) => percentError(p.expected, p.actual)!);
			const abs = errors.map(Math.abs);
			const banded = list.filter(
				(p) => p.p5 !== null && p.p5 !== undefined && p.p95 !== null && p.p95 !== undefined
			);
			const inside = banded.filter((p) => p.actual! >= p.p5! && p.actual! <= p.p95!).length;
			rows.push({
				method,
				horizon,
				n: list.length,
				mape: mean(abs),
				medianApe: quantile(abs, 0.5),
				bias: mean(errors),
				coverage: banded.length > 0 ? inside / banded.length : null,
				banded: banded.length
			});
		}
	}
	return rows;
}

function mean(values: readonly number[]): number {
	return values.reduce((a, b) => a + b, 0) / values.length;
}
