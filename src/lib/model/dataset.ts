/**
 * The dataset: everything a council knows (history, base caseload, costs, the finance ledger,
 * KPIs, Safety Valve conditions), each figure with its provenance. Scenarios (scenario.ts) say
 * what to assume on top of it. Types only; runtime validation is in validate-dataset.ts.
 */
import type { AgeBandId, DsgCategoryId } from './categories';
import type { Figure } from './provenance';
import type { FinancialYear } from './years';
import type { Kpi, RagRating } from './kpi';
import type { SavingsTracker } from './savings-tracker';

/** A placement setting of the state-transition model (docs/model.md §2). */
export interface SettingDef {
	/** Lower-case slug, used in metric names: `ehcp_by_setting:<id>`. */
	id: string;
	name: string;
	/** The DSG management plan category it rolls up to. */
	group: DsgCategoryId;
	/** Youngest and oldest NCY a child can be in this setting (inclusive). */
	minNcy: number;
	maxNcy: number;
	/** Needs a child in this setting may have; null means every need of the dataset. */
	needs: string[] | null;
	/** Settings a mover from here may go to; null means every setting. */
	destinations: string[] | null;
}

/** Children in one state (NCY, need, setting) at the base census. */
export interface CaseloadCell {
	ncy: number;
	need: string;
	setting: string;
	count: Figure;
}

/** One child's move between two January censuses (witan.send `transitions.csv`). */
export interface TransitionRow {
	/** The census year the step starts from. */
	calendarYear: number;
	setting1: string;
	need1: string;
	ncy1: number;
	setting2: string;
	need2: string;
	ncy2: number;
}

/** The marker witan.send uses for "not in the SEND population": joiners come from it, leavers go to it. */
export const NONSEND = 'NONSEND';

export interface YearCount {
	/** Census year for stocks, calendar year for flows. */
	year: number;
	count: Figure;
}

export interface BandCount extends YearCount {
	band: AgeBandId;
}

export interface SettingCount extends YearCount {
	setting: string;
}

/** Aggregate history, as SEN2 publishes it (docs/model.md §2 "From aggregates"). */
export interface DemandHistory {
	/** EHCPs at each January census. */
	caseloadTotal: YearCount[];
	caseloadByAgeBand: BandCount[];
	/** Caseload by the dataset's settings, where known. */
	caseloadBySetting: SettingCount[];
	/** New EHC plans by calendar year. */
	newPlansByAgeBand: BandCount[];
	newPlansBySetting: SettingCount[];
	/** Ceased plans by calendar year, where returned. */
	ceasedPlans: YearCount[];
	/** Moves between mainstream and special settings, by calendar year. */
	movesMainstreamToSpecial: YearCount[];
	movesSpecialToMainstream: YearCount[];
	requests: YearCount[];
	refusals: YearCount[];
}

/** General population by NCY (witan.send `population.csv`), for joiner rates. */
export interface PopulationCell {
	year: number;
	ncy: number;
	population: Figure;
}

/** Cost of a placement per year in the base financial year, in pounds. */
export interface UnitCost {
	setting: string;
	/** null: the same cost for every need. */
	need: string | null;
	cost: Figure;
}

/**
 * Ledger lines held per financial year (all £, except the inflation rates, held as fractions):
 * the one list of their ids; `LedgerLineId` and the schema's picklists derive from it.
 */
export const LEDGER_LINE_IDS = [
	'hnb_allocation',
	'block_transfers',
	'hnb_expenditure_before_savings',
	'other_blocks_variance',
	'general_fund_contribution',
	'sv_funding_cumulative',
	'deficit_cap',
	'other_spend_inflation',
	'unit_cost_inflation'
] as const;

export type LedgerLineId = (typeof LEDGER_LINE_IDS)[number];

/**
 * The lines a `ledger` lever may set: every line but HNB expenditure before savings, which is
 * the projection's own result.
 */
export const LEVER_LEDGER_LINES = LEDGER_LINE_IDS.filter(
	(l): l is Exclude<LedgerLineId, 'hnb_expenditure_before_savings'> =>
		l !== 'hnb_expenditure_before_savings'
);

/** Lines that must have a value for every financial year of the horizon. */
export const REQUIRED_LEDGER_LINES: readonly LedgerLineId[] = [
	'hnb_allocation',
	'block_transfers',
	'other_blocks_variance',
	'general_fund_contribution',
	'sv_funding_cumulative',
	'deficit_cap',
	'other_spend_inflation',
	'unit_cost_inflation'
];

export const LEDGER_LINE_LABELS: Record<LedgerLineId, string> = {
	hnb_allocation: 'HNB allocation',
	block_transfers: 'Budget additions (block transfers)',
	hnb_expenditure_before_savings: 'HNB expenditure before savings',
	other_blocks_variance: 'Variance in other DSG blocks',
	general_fund_contribution: 'General Fund contribution',
	sv_funding_cumulative: 'Safety Valve funding received (cumulative)',
	deficit_cap: 'Maximum cumulative deficit before Safety Valve funding (cap)',
	other_spend_inflation: 'Inflation of non-placement HNB spend',
	unit_cost_inflation: 'Unit cost inflation (all settings)'
};

/** Lines held as fractions rather than pounds. */
export const RATE_LEDGER_LINES: readonly LedgerLineId[] = [
	'other_spend_inflation',
	'unit_cost_inflation'
];

export type YearFigures = Record<FinancialYear, Figure>;

/** A savings / mitigation line (docs/model.md §4). */
export interface SavingsLine {
	/** Lower-case slug, used in `savings:<id>`. */
	id: string;
	name: string;
	/** Target saving per financial year, £. */
	targets: YearFigures;
	/** Expected delivery per financial year, as a fraction of target (1 = in full). */
	delivery: YearFigures;
	/**
	 * A structural line is delivered by a placement lever of the scenario (named by its id), so its
	 * £ is never also subtracted: the cost model already carries it (no double counting).
	 */
	structuralLeverId: string | null;
	/**
	 * Timing within the financial year: the share of each year's savings falling in its quarters
	 * Q1–Q4 (Q1 = April–June), fractions adding up to 1. Absent → evenly, a quarter in each
	 * (docs/model.md §3.4). Used by the savings tracker; the yearly roll-forward is unchanged.
	 */
	quarterShares?: [number, number, number, number];
	/**
	 * Savings actually delivered, £, by quarter of the financial year (`2021-Q1` = April–June
	 * 2021, docs/model.md §5.3), for the savings tracker's plan against actual. Absent or empty →
	 * no actuals recorded yet.
	 */
	actuals?: Record<string, Figure>;
}

/** The finance ledger: the base ("plan") position and assumptions for each financial year. */
export interface FinanceLedger {
	/** Cumulative DSG deficit before Safety Valve funding at 31 March before the first year, £. */
	openingCumulativeDeficit: Figure;
	lines: Partial<Record<LedgerLineId, YearFigures>>;
	savings: SavingsLine[];
}

export type AssuranceLevel = 'Good' | 'Medium' | 'Low';

/** A Safety Valve agreement condition with its assurance level (not a RAG rating). */
export interface Condition {
	id: string;
	title: string;
	assurance: AssuranceLevel;
	progress: string;
}

/** Whether a quarter's report may still change ('draft') or is frozen ('signed_off'). */
export type ReportStatus = 'draft' | 'signed_off';

/** A line of figures by financial year in a signed-off report's snapshot (one scenario). */
export interface ReportSeries {
	id: string;
	label: string;
	/** £, by the snapshot's `years`; null where the figure was not computable. */
	values: (number | null)[];
	/**
	 * The scenario's colour when the report was signed off (`#RRGGBB`), so that a frozen chart
	 * keeps its colours. Absent in snapshots taken before colours were frozen: today's is used.
	 */
	colour?: string;
}

/** EHCPs by DSG placement category at each January census (the placements slide). */
export interface PlacementSeries {
	/** January censuses: the base census, then the projected ones. */
	censuses: number[];
	categories: { id: DsgCategoryId; label: string; values: number[] }[];
}

/** One scenario's placements slide as a signed-off report froze it. */
export interface ReportPlacements extends PlacementSeries {
	scenarioId: string;
	scenarioName: string;
}

/** The "Scenarios compared" slide: where each scenario ends, and its headroom by year. */
export interface ReportComparison {
	years: FinancialYear[];
	/** The last projected January census (the EHCP column's), or null when there is none. */
	lastCensus: number | null;
	rows: {
		id: string;
		name: string;
		/** The scenario's colour (`#RRGGBB`), when it has one. */
		colour?: string;
		/** At the last financial year, £ (null: not computable). */
		deficit: number | null;
		headroom: number | null;
		/** EHCPs at the last census. */
		ehcps: number | null;
		/** The first financial year over the cap; null when none is. */
		firstBreach: FinancialYear | null;
		/** Headroom under the cap by financial year, £ (negative: over it). */
		headroomByYear: (number | null)[];
	}[];
}

/**
 * A row of the financial model monitoring table (engine/monitoring.ts computes it; a signed-off
 * report stores it as shown).
 */
export interface ReportMonitoringRow {
	id: string;
	label: string;
	/** Bold in the seed: a total or a key line. */
	emphasis: boolean;
	/** Value in £ as computed (signs as shown). */
	plan: number;
	projection: number;
	/** Shown values, £m rounded to 3 dp (never −0). */
	planShown: number;
	projectionShown: number;
	varianceShown: number;
	/** Which way is favourable for the shown value. */
	better: 'higher' | 'lower';
	rag: RagRating;
}

/**
 * The figures a quarter's report showed when it was signed off (docs/model.md §5.4), so that
 * later quarters, edits of the KPIs and new results never change it.
 */
export interface ReportSnapshot {
	/** The financial year of the KPI targets and the monitoring table (`2021/22`). */
	year: FinancialYear;
	/** The scenarios the report compared: the financial plan and the projection. */
	planName: string;
	projectionName: string;
	/** The KPIs as the report showed them (as at the quarter, with the ratings' overrides then). */
	kpis: Kpi[];
	/** The projection's model value of each computable KPI, by KPI ref. */
	modelValues: Record<string, number | null>;
	/** The financial model monitoring table, or null when it could not be computed. */
	monitoring: {
		year: FinancialYear;
		planName: string;
		projectionName: string;
		rows: ReportMonitoringRow[];
	} | null;
	/**
	 * The cumulative DSG deficit before Safety Valve funding of every scenario and the cap, £ by
	 * financial year (null: not computable, or no cap); `shown` lists the ids the report's chart
	 * draws (plan and projection), the slides draw them all.
	 */
	deficit: {
		years: FinancialYear[];
		cap: (number | null)[];
		series: ReportSeries[];
		shown: string[];
	} | null;
	/** The slides' key messages in words. */
	keyMessages: string[];
	/**
	 * The savings tracker in £ as the report showed it (model/savings-tracker.ts), or null when it
	 * showed none. Absent (a snapshot taken before the tracker was frozen) → the tracker of today's
	 * projection is shown.
	 */
	savings?: SavingsTracker | null;
	/**
	 * The placements slide of every scenario as signed off (decision 0031). Absent in snapshots
	 * taken before it was frozen: their deck leaves the slide out.
	 */
	placements?: ReportPlacements[];
	/** The scenario-comparison slide as signed off; absent in older snapshots (slide left out). */
	comparison?: ReportComparison;
}

/** The narrative of a quarterly Safety Valve report (issue 5 renders it). */
export interface QuarterlyReport {
	id: string;
	title: string;
	quarter: string;
	dateSubmitted: string;
	dataDate: string;
	signOffs: { role: string; name: string }[];
	summary: string;
	risks: string;
	/** Absent → 'draft' (reports written before issue 11). */
	status?: ReportStatus;
	/** When it was signed off (ISO 8601 date and time, the app's clock); absent in a draft. */
	signedOffAt?: string;
	/** Who signed it off: the names of `signOffs` at that moment; absent in a draft. */
	signedOffBy?: string[];
	/**
	 * The conditions' assessments in this quarter (title, assurance and progress). Absent → the
	 * dataset's `conditions` (its current values, those of the latest draft).
	 */
	conditions?: Condition[];
	/**
	 * The forward look as edited (or as frozen at sign-off). Absent → generated from the results
	 * when shown (a draft not edited yet).
	 */
	forwardLook?: string;
	/** The figures shown when it was signed off; absent in a draft (it shows today's results). */
	snapshot?: ReportSnapshot;
}

/** Reference populations for per-head KPIs, by census year. */
export interface ReferencePopulation {
	id: 'aged_0_25' | 'aged_2_18';
	label: string;
	byYear: Record<string, Figure>;
}

// The one list of estimator ids. Order matters: back-test ties go to the first (pooled,
// witan.send's assumption).
export const ESTIMATOR_IDS = ['pooled', 'linear', 'loglinear', 'england'] as const;

export type EstimatorId = (typeof ESTIMATOR_IDS)[number];

export const ESTIMATOR_LABELS: Record<EstimatorId, string> = {
	england: 'Pooled with England: new plans per plan held and ceased plans, partly England’s',
	pooled: 'Pooled mean of history (as witan.send)',
	linear: 'Linear trend',
	loglinear: 'Log-linear (constant growth) trend'
};

export interface EstimationSettings {
	/** First and last calendar years of flows used to estimate (later flows are for back-testing). */
	firstFlowYear: number | null;
	lastFlowYear: number | null;
	/**
	 * The estimator scenarios use by default: 'auto' picks the one that back-tests best on this
	 * dataset (docs/model.md §8); a user may fix one instead.
	 */
	defaultEstimator: EstimatorId | 'auto';
	/** Census years held out when back-testing. */
	backtestHoldout: number;
	/**
	 * Whether estimation from aggregates pools the authority with England (decision 0019):
	 * 'england' (the default when absent) or 'none' (the authority's own history alone).
	 */
	pooling?: 'england' | 'none';
}

export interface Dataset {
	id: string;
	name: string;
	authority: { name: string; code: string | null; laCode: string | null };
	/** The date the figures describe (ISO 8601 date). */
	dataDate: string;
	description: string;
	/** The January census the projection starts from. */
	baseCensus: number;
	/** The last January census projected (its financial year ends the horizon). */
	horizonCensus: number;
	needs: string[];
	settings: SettingDef[];
	baseCaseload: CaseloadCell[];
	history: DemandHistory;
	/** witan.send inputs, when the dataset was built from them. */
	transitions: TransitionRow[] | null;
	population: PopulationCell[] | null;
	referencePopulations: ReferencePopulation[];
	estimation: EstimationSettings;
	unitCosts: UnitCost[];
	finance: FinanceLedger;
	kpis: Kpi[];
	conditions: Condition[];
	reports: QuarterlyReport[];
}
