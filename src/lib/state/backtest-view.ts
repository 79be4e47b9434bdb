/**
 * What the back-testing view shows (docs/model.md §8), computed from a back-test summary: per
 * estimator its error by horizon, mean absolute error in children and %, how many actuals fell in
 * the simulated p5–p95 band, whether it back-tests best and whether it is the one in use.
 */
import type { BacktestPoint, BacktestSummary } from '../engine/backtest';
import { actualTotals } from '../engine/backtest';
import { maxOf, minOf } from '../model/extent';
import type { Dataset, EstimatorId } from '../model/dataset';
import { ESTIMATOR_LABELS } from '../model/dataset';

export interface BacktestRow {
	estimator: EstimatorId;
	label: string;
	/** The estimator the dataset's scenarios use by default. */
	inUse: boolean;
	/** Smallest mean absolute percentage error. */
	best: boolean;
	fromCensus: number;
	points: BacktestPoint[];
	/** Mean absolute percentage error, a fraction. */
	mape: number;
	/** Mean absolute error, children. */
	meanAbsoluteError: number;
	/** Actuals inside the band, of those with a band. */
	covered: number;
	banded: number;
	/** covered / banded, or null without bands. */
	coverage: number | null;
}

/**
 * One row per estimator, in the summary's order.
 * @example backtestRows(summary, 'linear').find((r) => r.inUse)?.label // 'Linear trend'
 */
export function backtestRows(summary: BacktestSummary, inUse: EstimatorId): BacktestRow[] {
	return summary.results.map((r) => {
		const banded = r.points.filter((p) => p.inBand !== null);
		const covered = banded.filter((p) => p.inBand).length;
		const mae = r.points.length
			? r.points.reduce((a, p) => a + Math.abs(p.error), 0) / r.points.length
			: NaN;
		return {
			estimator: r.estimator,
			label: ESTIMATOR_LABELS[r.estimator],
			inUse: r.estimator === inUse,
			best: r.estimator === summary.best,
			fromCensus: r.fromCensus,
			points: r.points,
			mape: r.mape,
			meanAbsoluteError: mae,
			covered: covered,
			banded: banded.length,
			coverage: banded.length ? covered / banded.length : null
		};
	});
}

/**
 * The numbers of census years that can be held out: the census projected from needs caseload by
 * age band (or transitions) and at least one earlier year of new plans to estimate from.
 * @example holdoutOptions(kingstonDataset()) // [1, 2, 3, 4, 5]
 */
export function holdoutOptions(dataset: Dataset, max = 6): number[] {
	const actual = actualTotals(dataset);
	const years = [...actual.keys()];
	if (years.length === 0) return [];
	const last = Math.min(dataset.baseCensus, maxOf(years));
	const out: number[] = [];
	const transitions = (dataset.transitions?.length ?? 0) > 0;
	const bandYears = new Set(dataset.history.caseloadByAgeBand.map((r) => r.year));
	const first = dataset.estimation.firstFlowYear ?? -Infinity;
	const flowYears = transitions
		? [...new Set(dataset.transitions!.map((t) => t.calendarYear))]
		: [...new Set(dataset.history.newPlansByAgeBand.map((r) => r.year))];
	for (let k = 1; k <= max; k++) {
		const from = last - k;
		if (!actual.has(from)) break;
		if (!transitions && !bandYears.has(from)) break;
		if (!flowYears.some((y) => y >= first && y <= from - 1)) break;
		out.push(k);
	}
	return out;
}

/** The actual EHCP totals at each census from `from` to `to` (null where unknown), for a chart. */
export function actualSeries(
	dataset: Dataset,
	from: number,
	to: number
): { census: number; value: number | null }[] {
	const actual = actualTotals(dataset);
	const out: { census: number; value: number | null }[] = [];
	for (let c = from; c <= to; c++) out.push({ census: c, value: actual.get(c) ?? null });
	return out;
}

export type { BacktestSummary };

/**
 * The actual totals drawn behind a back-test: from four censuses before its first held-out
 * origin (or the earliest census held, if later) to its last projected census.
 * @example backtestActuals(dataset, summary) // [{ census: 2015, total: 1_003 }, …]
 */
export function backtestActuals(
	dataset: Dataset,
	backtest: BacktestSummary
): ReturnType<typeof actualSeries> {
	const from = Math.max(
		(backtest.results[0]?.fromCensus ?? dataset.baseCensus) - 4,
		Math.min(
			minOf(dataset.history.caseloadByAgeBand, (r) => r.year),
			dataset.baseCensus
		)
	);
	const to = maxOf(backtest.results[0]?.points ?? [], (p) => p.census, dataset.baseCensus);
	return actualSeries(dataset, from, to);
}
