/**
 * Structural schemas (valibot) of the dataset and scenario shapes: types, finite numbers,
 * required keys, no unknown keys. They say nothing about ranges or cross-references; those are
 * checked by code in validate-dataset.ts and validate-scenario.ts, with messages that name the
 * row and the year.
 *
 * Why these choices:
 * - Every object is strict: an unknown key is refused rather than dropped, because a scenario set
 *   must be lossless (an export that silently loses a field the user typed is worse than an
 *   error that names it).
 * - Money and rates must be finite; NaN fails the number type itself.
 * - Records keyed by financial year, census year or savings line come out with their keys in
 *   sorted order, so that a validated value always serialises the same way (scenario-set.ts
 *   relies on this for byte-identical round trips).
 * - The output types are checked against the model types at compile time (bottom of the file):
 *   a schema that drifts from dataset.ts or scenario.ts does not compile.
 */
import * as v from 'valibot';
import { AGE_BAND_IDS, DSG_CATEGORY_IDS } from './categories';
import { isHexColour } from './colours';
import type { Dataset } from './dataset';
import { ESTIMATOR_IDS, LEVER_LEDGER_LINES } from './dataset';
import { KPI_CATEGORIES, KPI_DERIVATIONS, KPI_FORMULA_IDS } from './kpi';
import type { Scenario } from './scenario';
import { SCENARIO_ROLES } from './scenario-role';

/** A number that is not NaN, Infinity or −Infinity. */
export const finiteNumber = v.pipe(v.number(), v.finite());

const text = v.string();

/** The text a provenance must carry: not empty, not only spaces. */
const provenanceText = v.pipe(
	v.string(),
	v.check((s) => s.trim() !== '', 'must not be empty')
);

export const ProvenanceSchema = v.variant('kind', [
	v.strictObject({ kind: v.literal('seed'), ref: provenanceText }),
	v.strictObject({ kind: v.literal('derived'), formula: provenanceText }),
	v.strictObject({ kind: v.literal('sen2'), ref: provenanceText }),
	v.strictObject({
		kind: v.literal('import'),
		file: provenanceText,
		row: v.optional(finiteNumber)
	}),
	v.strictObject({ kind: v.literal('assumption'), note: provenanceText })
]);

const isPlainRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** A number with its provenance: `{ "value": 1436, "source": { "kind": "seed", … } }`. */
export const FigureSchema = v.pipe(
	v.custom<Record<string, unknown>>(
		isPlainRecord,
		'a figure ({ "value": …, "source": { "kind": … } })'
	),
	v.strictObject({ value: finiteNumber, source: ProvenanceSchema })
);

const nullableFigure = v.nullable(FigureSchema);

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
	const out: Record<string, T> = {};
	for (const key of Object.keys(record).sort()) out[key] = record[key];
	return out;
}

/**
 * An object used as a map (`{ "2021/22": figure, … }`), never an array, with its keys sorted.
 * valibot's record alone would take an array as an object with keys "0", "1", ….
 */
export function recordOf<const T extends v.GenericSchema>(value: T, expected: string) {
	return v.pipe(
		v.custom<Record<string, unknown>>(isPlainRecord, expected),
		v.record(v.string(), value),
		v.transform((record: Record<string, v.InferOutput<T>>) => sortedKeys(record))
	);
}

/** Figures by financial year (`2021/22`); the key format is checked by code. */
export const YearFiguresSchema = recordOf(FigureSchema, 'an object of figures by financial year');

const yearCount = v.strictObject({ year: finiteNumber, count: FigureSchema });
const bandCount = v.strictObject({
	year: finiteNumber,
	band: v.picklist(AGE_BAND_IDS),
	count: FigureSchema
});
const settingCount = v.strictObject({ year: finiteNumber, setting: text, count: FigureSchema });

export const SettingDefSchema = v.strictObject({
	id: text,
	name: text,
	group: v.picklist(DSG_CATEGORY_IDS),
	minNcy: finiteNumber,
	maxNcy: finiteNumber,
	needs: v.nullable(v.array(text)),
	destinations: v.nullable(v.array(text))
});

export const CaseloadCellSchema = v.strictObject({
	ncy: finiteNumber,
	need: text,
	setting: text,
	count: FigureSchema
});

export const TransitionRowSchema = v.strictObject({
	calendarYear: finiteNumber,
	setting1: text,
	need1: text,
	ncy1: finiteNumber,
	setting2: text,
	need2: text,
	ncy2: finiteNumber
});

export const DemandHistorySchema = v.strictObject({
	caseloadTotal: v.array(yearCount),
	caseloadByAgeBand: v.array(bandCount),
	caseloadBySetting: v.array(settingCount),
	newPlansByAgeBand: v.array(bandCount),
	newPlansBySetting: v.array(settingCount),
	ceasedPlans: v.array(yearCount),
	movesMainstreamToSpecial: v.array(yearCount),
	movesSpecialToMainstream: v.array(yearCount),
	requests: v.array(yearCount),
	refusals: v.array(yearCount)
});

export const PopulationCellSchema = v.strictObject({
	year: finiteNumber,
	ncy: finiteNumber,
	population: FigureSchema
});

export const ReferencePopulationSchema = v.strictObject({
	id: v.picklist(['aged_0_25', 'aged_2_18']),
	label: text,
	byYear: recordOf(FigureSchema, 'an object of figures by census year')
});

export const EstimationSettingsSchema = v.strictObject({
	firstFlowYear: v.nullable(finiteNumber),
	lastFlowYear: v.nullable(finiteNumber),
	defaultEstimator: v.picklist(['auto', ...ESTIMATOR_IDS]),
	backtestHoldout: finiteNumber,
	pooling: v.optional(v.picklist(['england', 'none']))
});

export const UnitCostSchema = v.strictObject({
	setting: text,
	need: v.nullable(text),
	cost: FigureSchema
});

/** Ledger lines by id; an unknown line id is an unknown key. */
export const LedgerLinesSchema = v.strictObject({
	hnb_allocation: v.optional(YearFiguresSchema),
	block_transfers: v.optional(YearFiguresSchema),
	hnb_expenditure_before_savings: v.optional(YearFiguresSchema),
	other_blocks_variance: v.optional(YearFiguresSchema),
	general_fund_contribution: v.optional(YearFiguresSchema),
	sv_funding_cumulative: v.optional(YearFiguresSchema),
	deficit_cap: v.optional(YearFiguresSchema),
	other_spend_inflation: v.optional(YearFiguresSchema),
	unit_cost_inflation: v.optional(YearFiguresSchema)
});

export const SavingsLineSchema = v.strictObject({
	id: text,
	name: text,
	targets: YearFiguresSchema,
	delivery: YearFiguresSchema,
	structuralLeverId: v.nullable(text),
	quarterShares: v.optional(v.tuple([finiteNumber, finiteNumber, finiteNumber, finiteNumber])),
	actuals: v.optional(recordOf(FigureSchema, 'an object of savings delivered by quarter (2021-Q1)'))
});

export const FinanceLedgerSchema = v.strictObject({
	openingCumulativeDeficit: FigureSchema,
	lines: LedgerLinesSchema,
	savings: v.array(SavingsLineSchema)
});

export const KpiSchema = v.strictObject({
	ref: text,
	name: text,
	unit: v.picklist(['count', 'percent', 'gbp', 'gbp_per_head']),
	category: v.picklist(KPI_CATEGORIES),
	derivation: v.picklist(KPI_DERIVATIONS),
	measure: v.picklist(['level', 'flow']),
	basis: v.picklist(['year to date', 'full year']),
	baseline: nullableFigure,
	annualTarget: nullableFigure,
	projection: nullableFigure,
	monthsElapsed: finiteNumber,
	rule: v.strictObject({
		direction: v.nullable(v.picklist(['higher', 'lower'])),
		amberTolerance: finiteNumber,
		redTolerance: v.nullable(finiteNumber)
	}),
	override: v.nullable(v.strictObject({ rating: v.picklist(['G', 'A', 'R']), comment: text })),
	comment: text,
	formula: v.nullable(v.picklist(KPI_FORMULA_IDS)),
	actuals: v.array(v.strictObject({ period: text, value: FigureSchema }))
});

export const ConditionSchema = v.strictObject({
	id: text,
	title: text,
	assurance: v.picklist(['Good', 'Medium', 'Low']),
	progress: text
});

/** A colour as stored (model/colours.ts): `#RRGGBB`. */
const hexColour = v.pipe(
	text,
	v.check((s: string) => isHexColour(s), 'must be a colour written #RRGGBB, like #0072B2')
);

const ReportSeriesSchema = v.strictObject({
	id: text,
	label: text,
	values: v.array(v.nullable(finiteNumber)),
	// Optional: absent in snapshots taken before colours were frozen.
	colour: v.optional(hexColour)
});

const TrackerCellSchema = v.strictObject({
	period: text,
	target: finiteNumber,
	expected: finiteNumber,
	actual: v.nullable(finiteNumber),
	variance: v.nullable(finiteNumber),
	quartersRecorded: finiteNumber
});

const TrackerYearSchema = v.strictObject({
	year: text,
	quarters: v.array(TrackerCellSchema),
	total: TrackerCellSchema
});

/** The savings tracker of a signed-off report (model/savings-tracker.ts SavingsTracker). */
const SavingsTrackerSchema = v.strictObject({
	scenarioName: text,
	years: v.array(text),
	lines: v.array(
		v.strictObject({
			id: text,
			name: text,
			structural: v.boolean(),
			shares: v.pipe(v.array(finiteNumber), v.readonly()),
			ownTiming: v.boolean(),
			years: v.array(TrackerYearSchema)
		})
	),
	total: v.array(TrackerYearSchema)
});

const PlacementSeriesSchema = v.strictObject({
	scenarioId: text,
	scenarioName: text,
	censuses: v.array(finiteNumber),
	categories: v.array(
		v.strictObject({
			id: v.picklist(DSG_CATEGORY_IDS),
			label: text,
			values: v.array(finiteNumber)
		})
	)
});

const ComparisonSchema = v.strictObject({
	years: v.array(text),
	lastCensus: v.nullable(finiteNumber),
	rows: v.array(
		v.strictObject({
			id: text,
			name: text,
			colour: v.optional(hexColour),
			deficit: v.nullable(finiteNumber),
			headroom: v.nullable(finiteNumber),
			ehcps: v.nullable(finiteNumber),
			firstBreach: v.nullable(text),
			headroomByYear: v.array(v.nullable(finiteNumber))
		})
	)
});

/** The figures of a signed-off report (dataset.ts ReportSnapshot). */
export const ReportSnapshotSchema = v.strictObject({
	year: text,
	planName: text,
	projectionName: text,
	kpis: v.array(KpiSchema),
	modelValues: recordOf(v.nullable(finiteNumber), 'an object of model values by KPI ref'),
	monitoring: v.nullable(
		v.strictObject({
			year: text,
			planName: text,
			projectionName: text,
			rows: v.array(
				v.strictObject({
					id: text,
					label: text,
					emphasis: v.boolean(),
					plan: finiteNumber,
					projection: finiteNumber,
					planShown: finiteNumber,
					projectionShown: finiteNumber,
					varianceShown: finiteNumber,
					better: v.picklist(['higher', 'lower']),
					rag: v.picklist(['G', 'A', 'R'])
				})
			)
		})
	),
	deficit: v.nullable(
		v.strictObject({
			years: v.array(text),
			cap: v.array(v.nullable(finiteNumber)),
			series: v.array(ReportSeriesSchema),
			shown: v.array(text)
		})
	),
	keyMessages: v.array(text),
	savings: v.optional(v.nullable(SavingsTrackerSchema)),
	// Optional: absent in snapshots taken before the slides were frozen (decision 0031).
	placements: v.optional(v.array(PlacementSeriesSchema)),
	comparison: v.optional(ComparisonSchema)
});

export const QuarterlyReportSchema = v.strictObject({
	id: text,
	title: text,
	quarter: text,
	dateSubmitted: text,
	dataDate: text,
	signOffs: v.array(v.strictObject({ role: text, name: text })),
	summary: text,
	risks: text,
	// Issue 11 item 7: all optional, so reports written before still load (absent → draft).
	status: v.optional(v.picklist(['draft', 'signed_off'])),
	signedOffAt: v.optional(text),
	signedOffBy: v.optional(v.array(text)),
	conditions: v.optional(v.array(ConditionSchema)),
	forwardLook: v.optional(text),
	snapshot: v.optional(ReportSnapshotSchema)
});

export const DatasetSchema = v.strictObject({
	id: text,
	name: text,
	authority: v.strictObject({ name: text, code: v.nullable(text), laCode: v.nullable(text) }),
	dataDate: text,
	description: text,
	baseCensus: finiteNumber,
	horizonCensus: finiteNumber,
	needs: v.array(text),
	settings: v.array(SettingDefSchema),
	baseCaseload: v.array(CaseloadCellSchema),
	history: DemandHistorySchema,
	transitions: v.nullable(v.array(TransitionRowSchema)),
	population: v.nullable(v.array(PopulationCellSchema)),
	referencePopulations: v.array(ReferencePopulationSchema),
	estimation: EstimationSettingsSchema,
	unitCosts: v.array(UnitCostSchema),
	finance: FinanceLedgerSchema,
	kpis: v.array(KpiSchema),
	conditions: v.array(ConditionSchema),
	reports: v.array(QuarterlyReportSchema)
});

// ── Scenario ─────────────────────────────────────────────────────────────────────────────────

const yearOrNull = v.nullable(text);
const band = v.nullable(v.picklist(AGE_BAND_IDS));

/** A lever's object: id, label and kind first, its own values, then its window. */
function lever<const K extends string, const E extends v.ObjectEntries>(kind: K, entries: E) {
	return v.strictObject({
		id: text,
		label: text,
		kind: v.literal(kind),
		...entries,
		from: yearOrNull,
		until: yearOrNull
	});
}

export const LeverSchema = v.variant('kind', [
	lever('joiners', { multiplier: finiteNumber, band }),
	lever('leavers', { multiplier: finiteNumber, band }),
	lever('redirect', {
		fromSetting: text,
		toSetting: text,
		share: finiteNumber,
		joiners: v.boolean(),
		movers: v.boolean()
	}),
	lever('capacity', { setting: text, capacity: finiteNumber, overflowSetting: text }),
	lever('unit_cost_inflation', { setting: v.nullable(text), rate: finiteNumber }),
	lever('one_off_cost', { amount: finiteNumber }),
	lever('allocation_growth', { rate: finiteNumber }),
	lever('ledger', {
		line: v.picklist(LEVER_LEDGER_LINES),
		amount: finiteNumber
	}),
	lever('savings_delivery', { line: v.nullable(text), delivery: finiteNumber }),
	lever('sv_withholding', {}),
	lever('total_growth', { rate: finiteNumber }),
	lever('new_plans', { basis: v.picklist(['count', 'change']), value: finiteNumber }),
	lever('move_placements', {
		fromSetting: text,
		toSetting: text,
		share: finiteNumber,
		phaseTransferOnly: v.boolean()
	})
]);

export const FlowTargetSchema = v.strictObject({
	census: finiteNumber,
	joiners: nullableFigure,
	leavers: nullableFigure
});

export const ScenarioSchema = v.strictObject({
	id: text,
	name: text,
	parentId: v.nullable(text),
	role: v.picklist(SCENARIO_ROLES),
	description: text,
	openingCumulativeDeficit: nullableFigure,
	ledger: LedgerLinesSchema,
	savingsDelivery: recordOf(YearFiguresSchema, 'an object of delivery by savings line id'),
	demand: v.strictObject({
		estimator: v.picklist(['default', ...ESTIMATOR_IDS]),
		leaverEstimator: v.picklist(ESTIMATOR_IDS),
		flowTargets: v.array(FlowTargetSchema)
	}),
	levers: v.array(LeverSchema),
	monteCarlo: v.strictObject({ simulations: finiteNumber, seed: finiteNumber }),
	// Optional: absent in files written before it existed (assigned on load, model/colours.ts).
	colour: v.optional(hexColour)
});

// ── Compile-time agreement with the model types ─────────────────────────────────────────────
// Each direction must compile: the schema's output is a Dataset / Scenario, and every Dataset /
// Scenario is an output the schema can produce (so no field of the type is missing from it).
type DatasetOut = v.InferOutput<typeof DatasetSchema>;
type ScenarioOut = v.InferOutput<typeof ScenarioSchema>;
const _datasetOut = (x: DatasetOut): Dataset => x;
const _datasetIn = (x: Dataset): DatasetOut => x;
const _scenarioOut = (x: ScenarioOut): Scenario => x;
const _scenarioIn = (x: Scenario): ScenarioOut => x;
