/**
 * Quarterly governance of the Safety Valve report (docs/model.md §5.4, decision 0030): each
 * quarter's report is a draft until it is signed off, then frozen — its text, its condition
 * assessments, its KPI ratings and the figures it showed (a snapshot) never change again, whatever
 * later quarters, KPI edits or new results do. A draft quarter may be edited or deleted.
 *
 * Plain functions from a dataset to the next dataset (the page saves what they return); they
 * throw, naming the quarter, rather than change a signed-off report. The time of a sign-off comes
 * from the caller's clock (the app's), never from here.
 */
import type {
	Condition,
	Dataset,
	QuarterlyReport,
	ReportComparison,
	ReportPlacements,
	ReportSeries,
	ReportSnapshot
} from '../model/dataset';
import type { Kpi, RagRating } from '../model/kpi';
import { finiteOrNull } from '../model/format';
import type { ScenarioResult } from '../model/results';
import type { SavingsTracker } from '../model/savings-tracker';
import { metricValues } from '../model/results';
import { ReportSnapshotSchema } from '../model/schemas';
import * as v from 'valibot';
import { kpiAsAt, reportQuarter } from '../engine/kpi-history';
import { rateKpi } from '../engine/kpi';

/** Whether a report is signed off (frozen); a report without a status is a draft. */
export function isSignedOff(report: QuarterlyReport): boolean {
	return report.status === 'signed_off';
}

/**
 * The conditions as a quarter assessed them: its own, or (a report written before quarters had
 * their own) the dataset's current ones.
 */
export function reportConditions(dataset: Dataset, report: QuarterlyReport): Condition[] {
	return report.conditions ?? dataset.conditions;
}

/** The dataset's KPIs as at a report's quarter (the live figures of a draft). */
export function kpisAsAtReport(dataset: Dataset, report: QuarterlyReport): Kpi[] {
	const q = reportQuarter(report.quarter);
	return q ? dataset.kpis.map((k) => kpiAsAt(k, q, dataset.baseCensus)) : dataset.kpis;
}

function named(report: QuarterlyReport): string {
	return `the ${report.quarter} report ("${report.id}")`;
}

function find(fn: string, dataset: Dataset, id: string): QuarterlyReport {
	const r = dataset.reports.find((x) => x.id === id);
	if (!r) throw new Error(`${fn}: there is no report "${id}" in dataset "${dataset.name}"`);
	return r;
}

/**
 * Every report with its own copy of the condition assessments, so that a later change of the
 * dataset's current conditions cannot reach an earlier quarter.
 */
function ownConditions(dataset: Dataset): QuarterlyReport[] {
	return dataset.reports.map((r) =>
		r.conditions ? r : { ...r, conditions: structuredClone(dataset.conditions) }
	);
}

/** The dataset's current conditions: those of its latest report (the last), when it has its own. */
function withCurrentConditions(dataset: Dataset, reports: QuarterlyReport[]): Dataset {
	const latest = reports.at(-1);
	return {
		...dataset,
		reports,
		conditions: latest?.conditions ? structuredClone(latest.conditions) : dataset.conditions
	};
}

/**
 * Saves a draft's edited text and condition assessments.
 * @throws Error when the report is signed off or not in the dataset
 * @example saveDraft(dataset, { ...q2, summary: 'On track.' }, conditions).reports[1].summary // 'On track.'
 */
export function saveDraft(
	dataset: Dataset,
	report: QuarterlyReport,
	conditions: Condition[]
): Dataset {
	const before = find('saveDraft', dataset, report.id);
	if (isSignedOff(before)) {
		throw new Error(`saveDraft: ${named(before)} is signed off and cannot change`);
	}
	// A draft carries no sign-off: whatever the caller passed, only the text is taken.
	const { status: _s, signedOffAt: _a, signedOffBy: _b, snapshot: _n, ...text } = report;
	const next: QuarterlyReport = { ...text, conditions: structuredClone(conditions) };
	const reports = ownConditions(dataset).map((r) => (r.id === next.id ? next : r));
	return withCurrentConditions(dataset, reports);
}

/**
 * Adds the next quarter's report (from `nextReport` of the last): a draft, starting from the last
 * quarter's text and condition assessments, with no sign-off, snapshot or forward look of its own.
 * @throws Error when its id is already used
 */
export function addQuarter(dataset: Dataset, next: QuarterlyReport): Dataset {
	if (dataset.reports.some((r) => r.id === next.id)) {
		throw new Error(`addQuarter: the report id "${next.id}" is already used`);
	}
	const reports = ownConditions(dataset);
	const last = reports.at(-1);
	const {
		status: _s,
		signedOffAt: _a,
		signedOffBy: _b,
		snapshot: _n,
		forwardLook: _f,
		...text
	} = next;
	const draft: QuarterlyReport = {
		...structuredClone(text),
		conditions: structuredClone(last?.conditions ?? dataset.conditions)
	};
	return withCurrentConditions(dataset, [...reports, draft]);
}

/**
 * Deletes a draft quarter's report.
 * @throws Error when it is signed off (a signed-off quarter is never deleted) or not there
 */
export function deleteDraft(dataset: Dataset, id: string): Dataset {
	const r = find('deleteDraft', dataset, id);
	if (isSignedOff(r)) {
		throw new Error(`deleteDraft: ${named(r)} is signed off and cannot be deleted`);
	}
	const reports = ownConditions(dataset).filter((x) => x.id !== id);
	return withCurrentConditions(dataset, reports);
}

/** The names of a report's sign-offs that are filled in. */
export function signOffNames(report: QuarterlyReport): string[] {
	return report.signOffs.map((s) => s.name.trim()).filter((n) => n !== '');
}

/**
 * Signs a draft off: freezes its text, its condition assessments, the forward look as shown and
 * the figures as shown (`snapshot`), recording who (the names of its sign-offs) and when (`now`,
 * the app's clock).
 * @throws Error when it is already signed off, names no one, or the snapshot is not storable
 * @example signOff(dataset, 'q1-2021', { snapshot, forwardLook }, new Date()).reports[0].status // 'signed_off'
 */
export function signOff(
	dataset: Dataset,
	id: string,
	frozen: { snapshot: ReportSnapshot; forwardLook: string },
	now: Date
): Dataset {
	const r = find('signOff', dataset, id);
	if (isSignedOff(r)) throw new Error(`signOff: ${named(r)} is already signed off`);
	const names = signOffNames(r);
	if (names.length === 0) {
		throw new Error(
			`signOff: ${named(r)} names no one under “Signed off by”; fill in at least one name first`
		);
	}
	if (Number.isNaN(now.getTime())) throw new Error('signOff: the clock gave an invalid date');
	const parsed = v.safeParse(ReportSnapshotSchema, frozen.snapshot);
	if (!parsed.success) {
		const where = v.getDotPath(parsed.issues[0]) ?? 'the snapshot';
		throw new Error(
			`signOff: the figures of ${named(r)} cannot be stored (${where}: ${parsed.issues[0].message}); a figure may not be computable`
		);
	}
	const reports = ownConditions(dataset).map((x) =>
		x.id === id
			? {
					...x,
					status: 'signed_off' as const,
					signedOffAt: now.toISOString(),
					signedOffBy: names,
					forwardLook: frozen.forwardLook,
					snapshot: structuredClone(parsed.output)
				}
			: x
	);
	return withCurrentConditions(dataset, reports);
}

/** What a report shows today: the figures of the results and KPIs at hand (for a draft). */
export interface LiveFigures {
	year: string;
	plan: ScenarioResult | undefined;
	projection: ScenarioResult | undefined;
	/** Every scenario's results, for the slides. */
	results: readonly ScenarioResult[];
	kpis: Kpi[];
	modelValues: Record<string, number | null>;
	monitoring: ReportSnapshot['monitoring'];
	keyMessages: string[];
	/** The savings tracker shown, or null for none (absent: not part of the figures). */
	savings?: SavingsTracker | null;
	/** Each scenario's stored colour by scenario id (frozen with the deficit lines). */
	colours?: Readonly<Record<string, string | undefined>>;
	/** The slides' placements of every scenario and their comparison (absent: not frozen). */
	placements?: ReportPlacements[];
	comparison?: ReportComparison;
}

function series(r: ScenarioResult, colours: LiveFigures['colours'] = {}): ReportSeries {
	const colour = colours[r.scenarioId];
	return {
		id: r.scenarioId,
		label: r.scenarioName,
		values: metricValues(r, 'cumulative_deficit_before_sv').map(finiteOrNull),
		...(colour ? { colour } : {})
	};
}

/**
 * The figures a report shows, in the shape they are frozen in: a draft's come from here, a
 * signed-off report's from its snapshot (`shownFigures`).
 */
export function reportFigures(live: LiveFigures): ReportSnapshot {
	const { plan, projection } = live;
	const all = live.results.length
		? live.results
		: [plan, projection].filter((r) => r !== undefined);
	const shown = [plan, projection]
		.filter((r): r is ScenarioResult => r !== undefined)
		.map((r) => r.scenarioId)
		.filter((id, i, a) => a.indexOf(id) === i);
	const capFrom = projection ?? plan;
	return {
		year: live.year,
		planName: plan?.scenarioName ?? '',
		projectionName: projection?.scenarioName ?? '',
		kpis: structuredClone(live.kpis),
		modelValues: Object.fromEntries(
			Object.entries(live.modelValues).map(([k, x]) => [k, finiteOrNull(x)])
		),
		monitoring: live.monitoring ? structuredClone(live.monitoring) : null,
		deficit: capFrom
			? {
					years: [...capFrom.years],
					cap: metricValues(capFrom, 'deficit_cap').map(finiteOrNull),
					series: all.map((r) => series(r, live.colours)),
					shown
				}
			: null,
		keyMessages: [...live.keyMessages],
		...(live.savings === undefined ? {} : { savings: structuredClone(live.savings) }),
		...(live.placements === undefined ? {} : { placements: structuredClone(live.placements) }),
		...(live.comparison === undefined ? {} : { comparison: structuredClone(live.comparison) })
	};
}

/** A signed-off report's frozen figures, or the live ones of a draft. */
export function shownFigures(report: QuarterlyReport, live: () => ReportSnapshot): ReportSnapshot {
	return isSignedOff(report) && report.snapshot ? report.snapshot : live();
}

/** One KPI over the quarters: its reported value and rating in each report. */
export interface KpiTrend {
	ref: string;
	name: string;
	unit: Kpi['unit'];
	points: {
		reportId: string;
		quarter: string;
		signedOff: boolean;
		value: number | null;
		rating: RagRating | null;
	}[];
}

/**
 * Each KPI's value and rating across the quarters' reports, in report order: a signed-off
 * quarter's from its snapshot, a draft's as at its quarter today.
 * @example kpiTrends(dataset)[0].points.map((p) => p.value) // [1447, 1502]
 */
export function kpiTrends(dataset: Dataset): KpiTrend[] {
	const perReport = dataset.reports.map((r) => {
		const kpis = isSignedOff(r) && r.snapshot ? r.snapshot.kpis : kpisAsAtReport(dataset, r);
		return { r, byRef: new Map(kpis.map((k) => [k.ref, k])) };
	});
	return dataset.kpis.map((k) => ({
		ref: k.ref,
		name: k.name,
		unit: k.unit,
		points: perReport.map(({ r, byRef }) => {
			const at = byRef.get(k.ref);
			const value = at?.projection?.value ?? null;
			return {
				reportId: r.id,
				quarter: r.quarter,
				signedOff: isSignedOff(r),
				value: finiteOrNull(value),
				rating: at ? rateKpi(at).rating : null
			};
		})
	}));
}
