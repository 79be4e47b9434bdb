/**
 * A scenario: what to assume on top of a dataset (docs/model.md §2 levers, §3 pins, §4 finance).
 * Everything a scenario does is here, so export → import reproduces it exactly.
 */
import type { AgeBandId } from './categories';
import type { EstimatorId, LedgerLineId, YearFigures } from './dataset';
import type { Figure } from './provenance';
import type { ScenarioRole } from './scenario-role';
import type { FinancialYear } from './years';

/** Every lever may apply from / until a financial year (inclusive; null = open). */
export interface LeverWindow {
	from: FinancialYear | null;
	until: FinancialYear | null;
}

interface LeverBase extends LeverWindow {
	/** Stable id, referenced by structural savings lines. */
	id: string;
	/** A user's label; the UI describes the lever in words when empty. */
	label: string;
}

/** Multiplies the new-plan (joiner) rate or count, overall or for one age band. */
export interface JoinersLever extends LeverBase {
	kind: 'joiners';
	multiplier: number;
	band: AgeBandId | null;
}

/** Multiplies the ceased-plan (leaver) rate, overall or for one age band. */
export interface LeaversLever extends LeverBase {
	kind: 'leavers';
	multiplier: number;
	band: AgeBandId | null;
}

/** Redirects a share of joiners and/or movers bound for setting A to setting B. */
export interface RedirectLever extends LeverBase {
	kind: 'redirect';
	fromSetting: string;
	toSetting: string;
	share: number;
	joiners: boolean;
	movers: boolean;
}

/** Caps a setting's caseload; children over the cap go to the overflow setting. */
export interface CapacityLever extends LeverBase {
	kind: 'capacity';
	setting: string;
	capacity: number;
	overflowSetting: string;
}

/** Unit cost inflation for one setting (or all, when null), per year, replacing the ledger's. */
export interface UnitCostInflationLever extends LeverBase {
	kind: 'unit_cost_inflation';
	setting: string | null;
	rate: number;
}

/** A one-off change to HNB expenditure in each year of the window, £ (positive = more spend). */
export interface OneOffCostLever extends LeverBase {
	kind: 'one_off_cost';
	amount: number;
}

/** Grows the HNB allocation by a rate each year of the window, from the year before it. */
export interface AllocationGrowthLever extends LeverBase {
	kind: 'allocation_growth';
	rate: number;
}

/** Sets a ledger line (block transfers, general fund, other blocks, SV funding, cap) per year. */
export interface LedgerLever extends LeverBase {
	kind: 'ledger';
	line: Exclude<LedgerLineId, 'hnb_expenditure_before_savings'>;
	amount: number;
}

/** Sets a savings line's delivery (fraction of target) in the window. */
export interface SavingsDeliveryLever extends LeverBase {
	kind: 'savings_delivery';
	/** A savings line id, or null for every line. */
	line: string | null;
	delivery: number;
}

/**
 * The agreement makes Safety Valve payments conditional: after a year that breaches its cap,
 * the next year's instalment (the rise in cumulative funding) is withheld.
 */
export interface SvWithholdingLever extends LeverBase {
	kind: 'sv_withholding';
}

/**
 * Total EHC plans grow by `rate` a year (the plan's "7% a year"): in each step of the window the
 * new plans are solved from the projected ceased plans so that the expected January total is
 * (1 + rate) × the previous January's (docs/model.md §2.7, decision 0027).
 */
export interface TotalGrowthLever extends LeverBase {
	kind: 'total_growth';
	/** Growth of the January total a year, a fraction (0.07 is 7%; negative shrinks). */
	rate: number;
}

/**
 * A number of new plans a year (`basis` 'count': `value` plans), or a change on last year's new
 * plans (`basis` 'change': `value` a fraction, 0.1 is +10% a year, compounding through the window).
 * Sets the expected new plans of each step of the window, spread as the model spreads them.
 */
export interface NewPlansLever extends LeverBase {
	kind: 'new_plans';
	basis: 'count' | 'change';
	value: number;
}

/**
 * Moves a share of the children already placed in one setting to another in each step of the
 * window (optionally only those moving on at phase transfer, NCY 6→7 and 11→12); they are costed
 * at the destination's unit cost from the census they arrive (docs/model.md §2.7).
 */
export interface MovePlacementsLever extends LeverBase {
	kind: 'move_placements';
	fromSetting: string;
	toSetting: string;
	/** Fraction of the children who stay in `fromSetting` through the step (0.2 is 20%). */
	share: number;
	/** Only children at phase transfer (NCY 6→7 and 11→12) move. */
	phaseTransferOnly: boolean;
}

export type Lever =
	| JoinersLever
	| LeaversLever
	| RedirectLever
	| CapacityLever
	| UnitCostInflationLever
	| OneOffCostLever
	| AllocationGrowthLever
	| LedgerLever
	| SavingsDeliveryLever
	| SvWithholdingLever
	| TotalGrowthLever
	| NewPlansLever
	| MovePlacementsLever;

/** Every lever kind, once: the type, the schema's variants and the editor's lists follow it. */
export const LEVER_KINDS = [
	'joiners',
	'leavers',
	'total_growth',
	'new_plans',
	'redirect',
	'move_placements',
	'capacity',
	'unit_cost_inflation',
	'one_off_cost',
	'allocation_growth',
	'ledger',
	'savings_delivery',
	'sv_withholding'
] as const;

export type LeverKind = (typeof LEVER_KINDS)[number];

// Compile-time agreement: the list names every kind of the union, and nothing else.
type _KindsOfUnion = Lever['kind'] extends LeverKind ? true : never;
type _UnionOfKinds = LeverKind extends Lever['kind'] ? true : never;
const _leverKindsAgree: [_KindsOfUnion, _UnionOfKinds] = [true, true];

/** Phase transfers (NCY before → after) at which a `move_placements` lever may move children. */
export const PHASE_TRANSFERS: readonly (readonly [number, number])[] = [
	[6, 7],
	[11, 12]
];

/**
 * Calibrates one census step so that its expected flows equal the given totals (the plan's
 * "172 new, 71 ceased"). Monte Carlo varies around them. Leavers include age-outs.
 */
export interface FlowTarget {
	/** The census that ends the step (2022 = the step January 2021 → January 2022). */
	census: number;
	joiners: Figure | null;
	leavers: Figure | null;
}

export interface DemandSettings {
	/** Trend of new plans (joiners); 'default' follows the dataset's best back-testing estimator. */
	estimator: EstimatorId | 'default';
	/**
	 * Trend of ceased plans (leaver rates). Pooled by default: yearly leaver rates from aggregates
	 * are residuals (caseload + new − next caseload) and too noisy to extrapolate safely.
	 */
	leaverEstimator: EstimatorId;
	flowTargets: FlowTarget[];
}

export interface MonteCarloSettings {
	simulations: number;
	seed: number;
}

export interface Scenario {
	id: string;
	name: string;
	/** The scenario this one was made from, for "how it differs" in words. */
	parentId: string | null;
	/**
	 * What it is for in its dataset: the financial plan, the reference projection, or neither
	 * (model/scenario-role.ts; at most one plan and one projection per dataset). Required from
	 * file format version 2; older files and databases get it from the scenario's name once.
	 */
	role: ScenarioRole;
	description: string;
	/** Overrides the dataset's opening cumulative deficit. */
	openingCumulativeDeficit: Figure | null;
	/** Pinned ledger values per year, overriding the dataset's. */
	ledger: Partial<Record<LedgerLineId, YearFigures>>;
	/** Savings delivery per line per year, overriding the dataset's. */
	savingsDelivery: Record<string, YearFigures>;
	demand: DemandSettings;
	levers: Lever[];
	monteCarlo: MonteCarloSettings;
	/**
	 * The scenario's colour on every chart and export, `#RRGGBB` from the scenario palette
	 * (model/colours.ts). Absent (files and databases from before it existed): assigned on load
	 * to the first palette colour unused in its dataset, then saved (docs/model.md §6.1).
	 */
	colour?: string;
}

/**
 * A lever id not yet used by the scenario: `wanted`, else `wanted-2`, `wanted-3`, …
 * @example freeLeverId(scenario, 'goal-seek-total-growth') // 'goal-seek-total-growth-2' when taken
 */
export function freeLeverId(scenario: Pick<Scenario, 'levers'>, wanted: string): string {
	const ids = new Set(scenario.levers.map((l) => l.id));
	if (!ids.has(wanted)) return wanted;
	for (let i = 2; ; i++) if (!ids.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

export const DEFAULT_MONTE_CARLO: MonteCarloSettings = { simulations: 1000, seed: 50 };
