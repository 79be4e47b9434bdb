/**
 * The savings tracker in £ (docs/model.md §3.5): each savings line's target, expected delivery and
 * actual delivery by quarter and by financial year, plan against actual.
 *
 * - **Target** (the plan): the line's £ target for the year (`SavingsLine.targets`).
 * - **Expected**: what the scenario expects to be delivered — target × delivery, the scenario's
 *   `savings:<line id>` row (so a scenario's delivery or a `savings_delivery` lever counts; a
 *   structural line shows what its placement lever saves).
 * - **Timing**: both are spread over the year's quarters by the line's `quarterShares`, evenly
 *   (a quarter in each) when it has none.
 * - **Actual**: the £ delivered in a quarter as recorded (`SavingsLine.actuals`), or none.
 * - **Variance** = actual − target, only where an actual exists; a year's variance compares the
 *   actuals recorded so far with the target of the same quarters (to date), never a full year's
 *   target with part of a year's actuals.
 *
 * Pure (model layer): the Report's table and its export read this.
 */
import type { SavingsLine } from './dataset';
import type { ScenarioResult } from './results';
import { metricValues } from './results';
import type { FinancialYear } from './years';
import { isFinancialYear } from './years';

/** A quarter of a financial year, `2021-Q1` (April–June 2021) … `2021-Q4` (January–March 2022). */
export type QuarterId = string;

/** Quarters of the financial year that starts in April of the year: `2021-Q1`. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The timing of a line without `quarterShares`: evenly over the year. */
export const EVEN_QUARTERS: readonly [number, number, number, number] = [0.25, 0.25, 0.25, 0.25];

/**
 * The four quarters of a financial year.
 * @example quartersOf('2021/22') // ['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4']
 */
export function quartersOf(fy: FinancialYear): QuarterId[] {
	if (!isFinancialYear(fy)) {
		throw new Error(`quartersOf: "${fy}" is not a financial year like 2021/22`);
	}
	const start = fy.slice(0, 4);
	return [1, 2, 3, 4].map((q) => `${start}-Q${q}`);
}

/**
 * The financial year of a quarter, or null when the text is not a quarter like 2021-Q1.
 * @example financialYearOfQuarter('2021-Q4') // '2021/22'
 */
export function financialYearOfQuarter(q: string): FinancialYear | null {
	const m = QUARTER_PATTERN.exec(q);
	if (!m) return null;
	const start = Number(m[1]);
	return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * What is wrong with a line's quarterly shares, or null: four fractions from 0 to 1 adding up to
 * 1 (to within a millionth, so that 33.3333% ×3 + 0% is accepted).
 * @example quarterSharesProblem([0.5, 0.5, 0, 0]) // null
 */
export function quarterSharesProblem(shares: readonly number[]): string | null {
	if (shares.length !== 4) return `give four quarterly shares (Q1 to Q4), got ${shares.length}`;
	if (shares.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) {
		return `each quarterly share must be a fraction from 0 to 1, got ${shares.join(', ')}`;
	}
	const sum = shares.reduce((a, b) => a + b, 0);
	if (Math.abs(sum - 1) > 1e-6) {
		return `the quarterly shares must add up to 1 (100%), got ${Number(sum.toFixed(6))}`;
	}
	return null;
}

/** One period's figures, £: a quarter or a whole financial year. */
export interface TrackerCell {
	/** `2021-Q1`, or the financial year `2021/22` for a year. */
	period: string;
	target: number;
	expected: number;
	/** Delivered as recorded (a year: the sum of its recorded quarters), or null when none. */
	actual: number | null;
	/** actual − target of the quarters with an actual; null when none. */
	variance: number | null;
	/** Quarters with an actual (4 for a quarter that has one, 0–4 for a year). */
	quartersRecorded: number;
}

/** One financial year of a line: its four quarters and the year. */
export interface TrackerYear {
	year: FinancialYear;
	quarters: TrackerCell[];
	total: TrackerCell;
}

export interface TrackerLine {
	id: string;
	name: string;
	structural: boolean;
	/** The shares used: the line's own, or evenly. */
	shares: readonly number[];
	/** Whether the line gives its own timing. */
	ownTiming: boolean;
	years: TrackerYear[];
}

export interface SavingsTracker {
	scenarioName: string;
	years: FinancialYear[];
	lines: TrackerLine[];
	/** All lines together, year by year (structural lines included: they are savings too). */
	total: TrackerYear[];
}

function cell(
	period: string,
	target: number,
	expected: number,
	actual: number | null,
	targetOfRecorded: number,
	quartersRecorded: number
): TrackerCell {
	return {
		period,
		target,
		expected,
		actual,
		variance: actual === null ? null : actual - targetOfRecorded,
		quartersRecorded
	};
}

/** Sums cells of the same period (lines into a total, quarters into a year). */
function sumCells(period: string, cells: readonly TrackerCell[]): TrackerCell {
	const recorded = cells.filter((c) => c.actual !== null);
	return {
		period,
		target: cells.reduce((a, c) => a + c.target, 0),
		expected: cells.reduce((a, c) => a + c.expected, 0),
		actual: recorded.length ? recorded.reduce((a, c) => a + c.actual!, 0) : null,
		variance: recorded.length ? recorded.reduce((a, c) => a + c.variance!, 0) : null,
		quartersRecorded: Math.max(0, ...cells.map((c) => c.quartersRecorded))
	};
}

/**
 * The tracker of a dataset's savings lines for a scenario's result (its expected delivery).
 * Throws naming the line when the result has no `savings:<id>` row for it.
 * @example savingsTracker(dataset.finance.savings, result).lines[0].years[0].quarters[0].target
 */
export function savingsTracker(
	lines: readonly SavingsLine[],
	result: ScenarioResult
): SavingsTracker {
	const names = new Set(result.metrics.map((m) => m.name));
	const tracked = lines.map((line): TrackerLine => {
		const metric = `savings:${line.id}`;
		if (!names.has(metric)) {
			throw new Error(
				`savingsTracker: the result of "${result.scenarioName}" has no ${metric}; project it again with this dataset`
			);
		}
		const expectedByYear = metricValues(result, metric);
		const shares = line.quarterShares ?? EVEN_QUARTERS;
		const years = result.years.map((fy, k): TrackerYear => {
			const target = line.targets[fy]?.value ?? 0;
			const quarters = quartersOf(fy).map((q, i) => {
				const actual = line.actuals?.[q]?.value ?? null;
				const t = target * shares[i];
				return cell(q, t, expectedByYear[k] * shares[i], actual, t, actual === null ? 0 : 1);
			});
			const recorded = quarters.filter((c) => c.actual !== null);
			const total = cell(
				fy,
				target,
				expectedByYear[k],
				recorded.length ? recorded.reduce((a, c) => a + c.actual!, 0) : null,
				recorded.reduce((a, c) => a + c.target, 0),
				recorded.length
			);
			return { year: fy, quarters, total };
		});
		return {
			id: line.id,
			name: line.name,
			structural: line.structuralLeverId !== null,
			shares,
			ownTiming: line.quarterShares !== undefined,
			years
		};
	});
	const total = result.years.map((fy, k): TrackerYear => {
		const quarters = quartersOf(fy).map((q, i) =>
			sumCells(
				q,
				tracked.map((l) => l.years[k].quarters[i])
			)
		);
		return {
			year: fy,
			quarters,
			total: sumCells(
				fy,
				tracked.map((l) => l.years[k].total)
			)
		};
	});
	return { scenarioName: result.scenarioName, years: result.years, lines: tracked, total };
}
