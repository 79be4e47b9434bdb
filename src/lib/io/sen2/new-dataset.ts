/**
 * A new dataset for a council other than Kingston (docs/model.md §1, §6): the history from an imported
 * SEN2 release, the finance the council enters in the new dataset wizard (or imports from the CSV
 * templates), and two default scenarios. Pure: the same inputs always give the same dataset.
 *
 * Decisions (why, for the record):
 * - Settings are the seven DSG management plan categories with the default dataset's NCY ranges
 *   (`DSG_PLACEMENT_SETTINGS`, dataset-defaults.ts): SEN2's placement mapping (`src/lib/io/sen2/mapping.ts`) sums SEN2's
 *   placements into exactly these, so the history by placement needs no further mapping.
 * - The base census is the latest January census with caseload by age band, unless chosen. The
 *   base caseload by NCY × setting is derived as for Kingston (IPF of age band × setting with
 *   structural zeros, controlled rounding, even spread over each band's NCYs), each cell a
 *   `derived` figure whose formula names the margins it was fitted to.
 * - Flows used to estimate are those of the six calendar years before the base census, and none
 *   before 2015: statements and EHC plans were counted together during the 2014–2018 transfer, so
 *   earlier new-plan counts measure something else. Three census years are held out for
 *   back-testing when the history allows (fewer when it does not, at least one).
 * - Every figure has provenance: history `sen2` (file, period, column), finance `import` (the
 *   template file and row, or the wizard when typed), and `assumption` where the wizard filled a
 *   default (no block transfers, 2% inflation, …) or the user marked a line as an assumption.
 * - Default scenarios: `Financial plan` (the ledger and savings as entered, demand by the
 *   dataset's default estimator) and `Baseline (trend)` (the same demand, no savings delivered
 *   after the first year: the unmitigated forecast, as for Kingston). Scenario ids start with the
 *   dataset id, because storage refuses a scenario id already saved under another dataset.
 */
import { deriveBaseCaseload } from '../../engine/aggregates';
import { datasetStateSpace } from '../../engine/estimate';
import {
	BASELINE_TREND,
	DSG_PLACEMENT_SETTINGS,
	FINANCIAL_PLAN,
	projectionYears
} from '../../model/dataset-defaults';
import type { Authority } from './authorities';
import type { AgeBandId } from '../../model/categories';
import { AGE_BANDS, AGE_BAND_IDS } from '../../model/categories';
import type {
	CaseloadCell,
	Dataset,
	DemandHistory,
	FinanceLedger,
	LedgerLineId,
	SettingDef,
	UnitCost,
	YearFigures
} from '../../model/dataset';
import type { Figure } from '../../model/provenance';
import { assumption, derived } from '../../model/provenance';
import type { Scenario } from '../../model/scenario';
import { DEFAULT_MONTE_CARLO } from '../../model/scenario';
import type { FinancialYear } from '../../model/years';

/** The earliest calendar year of new plans used to estimate (see the module notes). */
export const EARLIEST_FLOW_YEAR = 2015;
/** Calendar years of flows used to estimate, counting back from the year before the base. */
export const FLOW_YEARS = 6;
/** Projection length when none is chosen: five financial years, as the default dataset. */
export const DEFAULT_HORIZON_YEARS = 5;

/** What the wizard takes from a SEN2 import (`Sen2ImportResult` has these and more). */
export interface Sen2History {
	authority: Authority;
	files: readonly { name: string }[];
	history: Partial<DemandHistory>;
}

export interface NewDatasetInput {
	/** A new id, unique in this browser (the wizard makes one). */
	id: string;
	/** Defaults to "<authority> — SEN2 to January <base census>". */
	name?: string;
	/** ISO date the figures describe. */
	dataDate: string;
	description?: string;
	sen2: Sen2History;
	/** January census the projection starts from; default: the latest with caseload by age band. */
	baseCensus?: number;
	/** Last January census projected; default: base + 5. */
	horizonCensus?: number;
	/** First calendar year of flows used to estimate; default: see `defaultFirstFlowYear`. */
	firstFlowYear?: number;
	finance: FinanceLedger;
	/** Default: `defaultUnitCosts()`. */
	unitCosts?: UnitCost[];
	/** Default: the seven DSG categories (`newDatasetSettings()`). */
	settings?: SettingDef[];
}

/**
 * The settings of a new SEN2-based dataset: the seven DSG placement categories with the NCY
 * ranges of the default dataset (copies, safe to edit).
 * @example newDatasetSettings().map((s) => s.id) // ['mainstream', …, 'other']
 */
export function newDatasetSettings(): SettingDef[] {
	return DSG_PLACEMENT_SETTINGS.map((s) => ({
		...s,
		needs: s.needs && [...s.needs],
		destinations: s.destinations && [...s.destinations]
	}));
}

const fullHistory = (h: Partial<DemandHistory>): DemandHistory => ({
	caseloadTotal: h.caseloadTotal ?? [],
	caseloadByAgeBand: h.caseloadByAgeBand ?? [],
	caseloadBySetting: h.caseloadBySetting ?? [],
	newPlansByAgeBand: h.newPlansByAgeBand ?? [],
	newPlansBySetting: h.newPlansBySetting ?? [],
	ceasedPlans: h.ceasedPlans ?? [],
	movesMainstreamToSpecial: h.movesMainstreamToSpecial ?? [],
	movesSpecialToMainstream: h.movesSpecialToMainstream ?? [],
	requests: h.requests ?? [],
	refusals: h.refusals ?? []
});

/**
 * January censuses a projection can start from: those with caseload in every age band, oldest
 * first.
 * @example baseCensusOptions(hull.history) // [2015, …, 2021]
 */
export function baseCensusOptions(history: Partial<DemandHistory>): number[] {
	const bands = new Map<number, Set<AgeBandId>>();
	for (const r of history.caseloadByAgeBand ?? []) {
		if (!bands.has(r.year)) bands.set(r.year, new Set());
		bands.get(r.year)!.add(r.band);
	}
	return [...bands]
		.filter(([, s]) => AGE_BAND_IDS.every((b) => s.has(b)))
		.map(([y]) => y)
		.sort((a, b) => a - b);
}

/**
 * The first calendar year of flows used to estimate from a base census: six years back, never
 * before 2015, never after the year before the base.
 * @example defaultFirstFlowYear(2021) // 2015
 */
export function defaultFirstFlowYear(baseCensus: number): number {
	return Math.min(baseCensus - 1, Math.max(EARLIEST_FLOW_YEAR, baseCensus - FLOW_YEARS));
}

/**
 * What a SEN2 import lacks for a projection from `baseCensus` (empty when nothing): caseload in
 * every age band at the base, caseload by placement at some census, and new plans by age band in
 * at least one calendar year from the first flow year to the year before the base.
 * @example sen2HistoryProblems(ageOnly.history) // ['no caseload by placement category: …']
 */
export function sen2HistoryProblems(
	history: Partial<DemandHistory>,
	baseCensus?: number,
	firstFlowYear?: number
): string[] {
	const problems: string[] = [];
	const options = baseCensusOptions(history);
	const base = baseCensus ?? options[options.length - 1];
	if (base === undefined) {
		problems.push(
			'no January census has caseload in every age band: import sen2_age_caseload.csv (2022 release) or caseload.csv with its age breakdown (2023+ release)'
		);
	} else if (!options.includes(base)) {
		problems.push(
			`January ${base} has no caseload in every age band; choose one of ${options.join(', ')}`
		);
	}
	if ((history.caseloadBySetting ?? []).length === 0) {
		problems.push(
			'no caseload by placement category: import sen2_estab_caseload.csv (2022 release) or caseload.csv (2023+ release)'
		);
	}
	if (base !== undefined) {
		const first = firstFlowYear ?? defaultFirstFlowYear(base);
		const years = (history.newPlansByAgeBand ?? [])
			.map((r) => r.year)
			.filter((y) => y >= first && y <= base - 1);
		if (years.length === 0) {
			problems.push(
				`no new plans by age band in ${first === base - 1 ? first : `${first}–${base - 1}`}: import sen2_age_new_plans.csv (2022 release) or newplans.csv with its age breakdown (2023+ release)`
			);
		}
	}
	return problems;
}

/**
 * The ledger lines the wizard fills before the user types anything, every figure an assumption
 * the user can overwrite: no block transfers, other DSG blocks balanced, no General Fund
 * contribution, no Safety Valve funding, and 2% inflation of unit costs and non-placement spend
 * after the first (calibration) year. The HNB allocation, the first year's HNB expenditure, the
 * cap and the opening deficit are the council's own figures and are left for the user.
 * @example defaultLedgerLines(['2021/22', '2022/23']).unit_cost_inflation['2022/23'].value // 0.02
 */
export function defaultLedgerLines(
	years: readonly FinancialYear[]
): Partial<Record<LedgerLineId, YearFigures>> {
	const each = (f: (fy: FinancialYear, i: number) => Figure): YearFigures =>
		Object.fromEntries(years.map((fy, i) => [fy, f(fy, i)]));
	const zero = (note: string) => each(() => assumption(0, note));
	const inflation = (what: string) =>
		each((_, i) =>
			i === 0
				? assumption(0, `calibration year: ${what} are in ${years[0]} prices`)
				: assumption(0.02, `${what} grow 2% a year (the wizard's default; enter your own)`)
		);
	return {
		block_transfers: zero('no transfers into the high needs block (the wizard’s default)'),
		other_blocks_variance: zero('the other DSG blocks balance (the wizard’s default)'),
		general_fund_contribution: zero('no General Fund contribution (the wizard’s default)'),
		sv_funding_cumulative: zero('no Safety Valve funding (the wizard’s default)'),
		other_spend_inflation: inflation('non-placement high needs costs'),
		unit_cost_inflation: inflation('placement unit costs')
	};
}

/** Illustrative unit costs by DSG category, £ a placement a year (assumptions to replace). */
export const ILLUSTRATIVE_UNIT_COSTS: Readonly<Record<string, number>> = {
	mainstream: 7_000,
	resourced_provision: 14_000,
	maintained_special: 25_000,
	independent_special: 55_000,
	alternative_provision: 18_000,
	post_16_fe: 12_000,
	other: 6_000
};

/**
 * Unit costs for the settings, each an illustrative assumption (the wizard asks the user to
 * replace them with the council's own).
 * @example defaultUnitCosts(newDatasetSettings())[0] // { setting: 'mainstream', need: null, cost: assumption(7000, …) }
 */
export function defaultUnitCosts(settings: readonly SettingDef[]): UnitCost[] {
	return settings.map((s) => ({
		setting: s.id,
		need: null,
		cost: assumption(
			ILLUSTRATIVE_UNIT_COSTS[s.id] ?? ILLUSTRATIVE_UNIT_COSTS[s.group] ?? 10_000,
			'an illustrative cost of a placement of this kind; replace it with the council’s own'
		)
	}));
}

/** The history value of a band or setting at a census, summed. */
function sumAt<T extends { year: number; count: Figure }>(
	rows: readonly T[],
	year: number,
	key: (r: T) => string
): Map<string, number> {
	const out = new Map<string, number>();
	for (const r of rows) {
		if (r.year === year) out.set(key(r), (out.get(key(r)) ?? 0) + r.count.value);
	}
	return out;
}

/** The census nearest `year` with caseload by setting (later on a tie). */
function nearestSettingCensus(history: DemandHistory, year: number): number {
	const years = [...new Set(history.caseloadBySetting.map((r) => r.year))].sort(
		(a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a
	);
	if (years.length === 0) {
		throw new Error(
			'buildSen2Dataset: the SEN2 history has no caseload by placement category; import sen2_estab_caseload.csv or caseload.csv'
		);
	}
	return years[0];
}

function baseCaseload(
	dataset: Dataset,
	history: DemandHistory,
	baseCensus: number,
	authority: string
): CaseloadCell[] {
	const bands = sumAt(history.caseloadByAgeBand, baseCensus, (r) => r.band) as Map<
		AgeBandId,
		number
	>;
	const settingYear = nearestSettingCensus(history, baseCensus);
	const settings = sumAt(history.caseloadBySetting, settingYear, (r) => r.setting);
	const space = datasetStateSpace(dataset);
	const adjusted: string[] = [];
	const base = deriveBaseCaseload(space, bands, settings, adjusted);
	const bandText = AGE_BANDS.map((b) => `${b.label} ${bands.get(b.id) ?? 0}`).join(', ');
	const settingText = dataset.settings.map((s) => `${s.id} ${settings.get(s.id) ?? 0}`).join(', ');
	const scaled =
		settingYear === baseCensus
			? ''
			: ` (January ${settingYear}'s placement mix, the nearest census that has one, scaled to the January ${baseCensus} total)`;
	const formula =
		`${authority}'s SEN2 January ${baseCensus} caseload by age band (${bandText}) and by placement${scaled} (${settingText}), ` +
		'age band × setting filled by iterative proportional fitting with structural zeros, rounded keeping both margins, spread evenly over each band’s NCYs' +
		(adjusted.length ? `. ${adjusted.join(' ')}` : '');
	const cells: CaseloadCell[] = [];
	for (let s = 0; s < space.size; s++) {
		if (base[s] === 0) continue;
		cells.push({
			ncy: space.ncy[s],
			need: space.needs[space.need[s]],
			setting: space.settings[space.setting[s]].id,
			count: derived(base[s], formula)
		});
	}
	return cells;
}

/** "sen2_age_caseload.csv, sen2_mi.csv and caseload.csv". */
function fileList(files: readonly { name: string }[]): string {
	const names = files.map((f) => f.name);
	return names.length <= 1
		? (names[0] ?? 'no files')
		: `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Builds a dataset from a SEN2 import and the wizard's finance. Throws an Error naming what is
 * missing when the history cannot start a projection (see `sen2HistoryProblems`); the finance is
 * not checked here: run `validateDataset` on the result, whose messages name the field and year.
 * @example buildSen2Dataset({ id: 'hull-2021', dataDate: '2021-05-31', sen2: hull, finance }).baseCensus // 2021
 */
export function buildSen2Dataset(input: NewDatasetInput): Dataset {
	const history = fullHistory(input.sen2.history);
	const options = baseCensusOptions(history);
	const baseCensus = input.baseCensus ?? options[options.length - 1];
	const problems = sen2HistoryProblems(history, baseCensus, input.firstFlowYear);
	if (problems.length > 0) {
		throw new Error(
			`buildSen2Dataset: the SEN2 import cannot start a projection: ${problems.join('; ')}`
		);
	}
	const horizonCensus = input.horizonCensus ?? baseCensus + DEFAULT_HORIZON_YEARS;
	projectionYears(baseCensus, horizonCensus); // checks the order
	const firstFlowYear = input.firstFlowYear ?? defaultFirstFlowYear(baseCensus);
	const lastFlowYear = baseCensus - 1;
	const settings = input.settings ?? newDatasetSettings();
	const authority = input.sen2.authority;
	const flowSpan = Math.max(1, lastFlowYear - firstFlowYear + 1);
	const dataset: Dataset = {
		id: input.id,
		name: input.name?.trim() || `${authority.name} — SEN2 to January ${baseCensus}`,
		authority: {
			name: authority.name,
			code: authority.newCode || null,
			laCode: authority.oldCode || null
		},
		dataDate: input.dataDate,
		description:
			input.description?.trim() ||
			`${authority.name}: EHCP history from the DfE SEN2 statistics (${fileList(input.sen2.files)}) to January ${baseCensus}; finance entered in the new dataset wizard. Hatched figures are assumptions.`,
		baseCensus,
		horizonCensus,
		needs: ['ALL'],
		settings,
		baseCaseload: [],
		history,
		transitions: null,
		population: null,
		referencePopulations: [],
		estimation: {
			firstFlowYear,
			lastFlowYear,
			defaultEstimator: 'auto',
			backtestHoldout: Math.max(1, Math.min(3, flowSpan - 1))
		},
		unitCosts: input.unitCosts ?? defaultUnitCosts(settings),
		finance: input.finance,
		kpis: [],
		conditions: [],
		reports: []
	};
	dataset.baseCaseload = baseCaseload(dataset, history, baseCensus, authority.name);
	return dataset;
}

/**
 * The default scenarios of a new dataset: `Financial plan` (role `plan`) and `Baseline (trend)`
 * (role `projection`, the forecast) (see the module notes), with ids made from the dataset's.
 * @example newDatasetScenarios(dataset).map((s) => s.name) // ['Financial plan', 'Baseline (trend)']
 */
export function newDatasetScenarios(dataset: Dataset): Scenario[] {
	const years = projectionYears(dataset.baseCensus, dataset.horizonCensus);
	const plan: Scenario = {
		id: `${dataset.id}--financial-plan`,
		name: FINANCIAL_PLAN,
		parentId: null,
		role: 'plan',
		description:
			'The council’s financial plan as entered: the ledger and savings lines of the dataset, and EHCP demand projected from the base census by the dataset’s default estimator.',
		openingCumulativeDeficit: null,
		ledger: {},
		savingsDelivery: {},
		demand: { estimator: 'default', leaverEstimator: 'pooled', flowTargets: [] },
		levers: [],
		monteCarlo: { ...DEFAULT_MONTE_CARLO }
	};
	const baseline: Scenario = {
		...plan,
		id: `${dataset.id}--baseline-trend`,
		name: BASELINE_TREND,
		parentId: plan.id,
		role: 'projection',
		description: `The unmitigated forecast: demand projected from the January ${dataset.baseCensus} census by the dataset’s default estimator, and no savings delivered after ${years[0]}.`,
		demand: { estimator: 'default', leaverEstimator: 'pooled', flowTargets: [] },
		levers:
			years.length > 1
				? [
						{
							id: 'no-savings-after-first-year',
							label: `No savings delivered after ${years[0]}`,
							kind: 'savings_delivery',
							line: null,
							delivery: 0,
							from: years[1],
							until: null
						}
					]
				: [],
		monteCarlo: { ...DEFAULT_MONTE_CARLO }
	};
	return [plan, baseline];
}
