/**
 * A KPI's values and ratings over the reporting periods of a year (docs/model.md §5): the figure the
 * seed reports (its `projection`, at the months elapsed it was reported for) and the actuals a
 * user enters by month or quarter, each rated against its period target.
 *
 * Periods: a calendar month `2021-05`, or a quarter of the financial year `2021-Q1`, which is
 * April–June 2021 (Safety Valve reports count quarters from April: "Quarter One 2021/22"). A month
 * ends `monthsElapsed` months into its financial year (May = 2); a quarter ends 3 × n months in.
 *
 * Targets: a KPI holds one annual target, for its reporting year (the financial year starting in
 * April of `fyStart`). A value from another year has no target there and is not rated.
 *
 * Overrides: a KPI holds one override, the judgement on its current figure. It applies to the
 * latest period with a value; earlier periods show the rule's suggestion.
 */
import type { Figure } from '../model/provenance';
import type { Kpi, KpiActual, RagRating } from '../model/kpi';
import { periodTarget, suggestRag } from './kpi';

export interface Period {
	text: string;
	kind: 'month' | 'quarter';
	/** The calendar year in which its financial year starts (April). */
	fyStart: number;
	/** Months of the financial year elapsed at the end of the period, 1–12. */
	monthsElapsed: number;
	/** The quarter of the financial year it falls in, 1–4. */
	quarter: number;
}

const PERIOD = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

/**
 * Reads a period: `YYYY-MM` (a calendar month) or `YYYY-Qn` (quarter n of the financial year
 * starting April YYYY).
 * @example parsePeriod('2021-05') // { kind: 'month', fyStart: 2021, monthsElapsed: 2, quarter: 1, … }
 * @example parsePeriod('2022-02') // { kind: 'month', fyStart: 2021, monthsElapsed: 11, quarter: 4, … }
 * @example parsePeriod('2021-Q3') // { kind: 'quarter', fyStart: 2021, monthsElapsed: 9, quarter: 3, … }
 */
export function parsePeriod(text: string): Period {
	const m = PERIOD.exec(text);
	if (!m) {
		throw new Error(
			`parsePeriod: a period must be a month like 2021-05 or a quarter like 2021-Q1, got ${JSON.stringify(text)}`
		);
	}
	const year = Number(m[1]);
	if (m[3]) {
		const quarter = Number(m[3]);
		return { text, kind: 'quarter', fyStart: year, monthsElapsed: quarter * 3, quarter };
	}
	const month = Number(m[2]);
	const fyStart = month >= 4 ? year : year - 1;
	const monthsElapsed = month >= 4 ? month - 3 : month + 9;
	return { text, kind: 'month', fyStart, monthsElapsed, quarter: Math.ceil(monthsElapsed / 3) };
}

/** Whether text is a period `parsePeriod` reads. */
export function isPeriod(text: string): boolean {
	return PERIOD.test(text);
}

/**
 * The financial year starting in April of `fyStart`, as written in reports.
 * @example financialYearLabel(2021) // '2021/22'
 */
export function financialYearLabel(fyStart: number): string {
	return `${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')}`;
}

/**
 * The quarter period of a financial year.
 * @example quarterPeriod(2021, 1) // '2021-Q1'
 */
export function quarterPeriod(fyStart: number, quarter: number): string {
	if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
		throw new Error(`quarterPeriod: the quarter must be 1, 2, 3 or 4, got ${quarter}`);
	}
	return `${fyStart}-Q${quarter}`;
}

/**
 * A quarter as a report names it.
 * @example quarterLabel('2021-Q1') // 'Q1 2021/22'
 */
export function quarterLabel(period: string): string {
	const p = parsePeriod(period);
	return `Q${p.quarter} ${financialYearLabel(p.fyStart)}`;
}

/**
 * The quarter period a report's quarter names (`Q1 2021/22`, `Quarter 1 2021/22`), or null when
 * it names none.
 * @example reportQuarter('Q1 2021/22') // '2021-Q1'
 */
export function reportQuarter(label: string): string | null {
	const m = /Q(?:uarter)?\s*([1-4])\s+(\d{4})\s*\/\s*(\d{2})/i.exec(label);
	if (!m) return null;
	const start = Number(m[2]);
	if ((start + 1) % 100 !== Number(m[3])) return null;
	return quarterPeriod(start, Number(m[1]));
}

/**
 * The quarter after a quarter period.
 * @example nextQuarter('2021-Q4') // '2022-Q1'
 */
export function nextQuarter(period: string): string {
	const p = parsePeriod(period);
	return p.quarter === 4
		? quarterPeriod(p.fyStart + 1, 1)
		: quarterPeriod(p.fyStart, p.quarter + 1);
}

/**
 * Orders periods by when they end; at the same end a month comes before its quarter (a quarter
 * figure is the fuller account of the same time).
 * @example ['2021-Q1', '2021-06', '2021-05'].sort(comparePeriods) // ['2021-05', '2021-06', '2021-Q1']
 */
export function comparePeriods(a: string, b: string): number {
	const p = parsePeriod(a);
	const q = parsePeriod(b);
	return (
		p.fyStart - q.fyStart ||
		p.monthsElapsed - q.monthsElapsed ||
		(p.kind === q.kind ? 0 : p.kind === 'month' ? -1 : 1)
	);
}

/**
 * The month a KPI's reported figure (`projection`) is for: `monthsElapsed` months into the
 * financial year starting April `fyStart` (at least one month, so that it falls inside the year).
 * @example reportedPeriod(kpi1, 2021) // '2021-05' (2 months elapsed)
 */
export function reportedPeriod(kpi: Pick<Kpi, 'monthsElapsed'>, fyStart: number): string {
	const m = Math.min(12, Math.max(1, Math.round(kpi.monthsElapsed)));
	const calendarMonth = ((m + 2) % 12) + 1;
	const year = calendarMonth >= 4 ? fyStart : fyStart + 1;
	return `${year}-${String(calendarMonth).padStart(2, '0')}`;
}

/** One value of a KPI with its target and rating. */
export interface KpiPoint {
	period: string;
	/** The quarter the period falls in (`2021-Q1`). */
	quarter: string;
	monthsElapsed: number;
	/** `reported`: the KPI's own reported figure; `actual`: a figure a user entered or imported. */
	source: 'reported' | 'actual';
	figure: Figure;
	value: number;
	/** The target for the period, or null outside the KPI's year or without a target. */
	target: number | null;
	suggested: RagRating | null;
	/** The rating shown: the override on the latest point, else the suggestion. */
	rating: RagRating | null;
	overridden: boolean;
}

/**
 * Every value of a KPI in period order: its reported figure and its actuals (an actual for the
 * reported figure's own period replaces it), each rated by the KPI's rule against its period
 * target; the override, if any, on the latest.
 * @example kpiPoints(kpi1, 2021) // [{ period: '2021-05', value: 1447, target: 1447, rating: 'G', … }]
 */
export function kpiPoints(kpi: Kpi, fyStart: number): KpiPoint[] {
	const byPeriod = new Map<string, { figure: Figure; source: KpiPoint['source'] }>();
	if (kpi.projection) {
		byPeriod.set(reportedPeriod(kpi, fyStart), { figure: kpi.projection, source: 'reported' });
	}
	for (const a of kpi.actuals) byPeriod.set(a.period, { figure: a.value, source: 'actual' });
	const periods = [...byPeriod.keys()].sort(comparePeriods);
	return periods.map((period, i): KpiPoint => {
		const { figure, source } = byPeriod.get(period)!;
		const p = parsePeriod(period);
		const target =
			p.fyStart === fyStart ? periodTarget({ ...kpi, monthsElapsed: p.monthsElapsed }) : null;
		const suggested = suggestRag(figure.value, target, kpi.rule);
		const overridden = kpi.override !== null && i === periods.length - 1;
		return {
			period,
			quarter: quarterPeriod(p.fyStart, p.quarter),
			monthsElapsed: p.monthsElapsed,
			source,
			figure,
			value: figure.value,
			target,
			suggested,
			rating: overridden ? kpi.override!.rating : suggested,
			overridden
		};
	});
}

/** A KPI at the end of a quarter: the last value inside it. */
export interface KpiQuarter {
	quarter: string;
	label: string;
	point: KpiPoint;
}

/**
 * A KPI's history by quarter: for each quarter with a value, the last value inside it (a
 * quarter's own figure wins over its months), oldest first.
 * @example kpiHistory(kpi1, 2021).map((q) => q.label) // ['Q1 2021/22']
 */
export function kpiHistory(kpi: Kpi, fyStart: number): KpiQuarter[] {
	const last = new Map<string, KpiPoint>();
	for (const point of kpiPoints(kpi, fyStart)) last.set(point.quarter, point);
	return [...last.entries()].map(([quarter, point]) => ({
		quarter,
		label: quarterLabel(quarter),
		point
	}));
}

/**
 * The KPI as a report for `quarter` shows it: its reported figure becomes the last value at or
 * before the end of that quarter (null when there is none) with that period's months elapsed;
 * the override only applies when that value is the KPI's latest; a value from another year than
 * the KPI's has no target. For a quarter holding the KPI's own reported figure and no later
 * actual, the KPI is returned as it is.
 * @example kpiAsAt(kpi1, '2021-Q1', 2021).projection?.value // 1447
 */
export function kpiAsAt(kpi: Kpi, quarter: string, fyStart: number): Kpi {
	const points = kpiPoints(kpi, fyStart);
	const end = parsePeriod(quarter);
	let index = -1;
	points.forEach((p, i) => {
		const q = parsePeriod(p.period);
		if (
			q.fyStart < end.fyStart ||
			(q.fyStart === end.fyStart && q.monthsElapsed <= end.monthsElapsed)
		) {
			index = i;
		}
	});
	if (points.length === 0) return kpi;
	if (index < 0) return { ...kpi, projection: null, override: null };
	const point = points[index];
	const latest = index === points.length - 1;
	if (latest && point.source === 'reported') return kpi;
	const inYear = parsePeriod(point.period).fyStart === fyStart;
	return {
		...kpi,
		projection: point.figure,
		monthsElapsed: point.monthsElapsed,
		annualTarget: inYear ? kpi.annualTarget : null,
		override: latest ? kpi.override : null
	};
}

/**
 * The KPI with an actual for a period added, or replacing the one it had for that period;
 * actuals are kept in period order.
 * @example withActual(kpi, { period: '2021-06', value: figure }).actuals.length
 */
export function withActual(kpi: Kpi, actual: KpiActual): Kpi {
	parsePeriod(actual.period);
	if (!Number.isFinite(actual.value.value)) {
		throw new Error(`withActual: the value must be a finite number, got ${actual.value.value}`);
	}
	const actuals = [...kpi.actuals.filter((a) => a.period !== actual.period), actual].sort((a, b) =>
		comparePeriods(a.period, b.period)
	);
	return { ...kpi, actuals };
}

/**
 * The KPI without its actual for a period (unchanged when it has none).
 * @example withoutActual(kpi, '2021-06')
 */
export function withoutActual(kpi: Kpi, period: string): Kpi {
	return { ...kpi, actuals: kpi.actuals.filter((a) => a.period !== period) };
}
