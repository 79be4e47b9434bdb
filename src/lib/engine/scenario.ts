/**
 * Compiles a scenario over a dataset into the per-step parameters and finance inputs the
 * projection runs on (docs/model.md §2 levers, §3, §4). Everything a lever does happens here, so the
 * projection itself (project.ts) knows nothing about levers.
 *
 * Rules kept here:
 * - A financial year is pinned when its HNB expenditure before savings is given (by the dataset
 *   or the scenario). A pinned year's ledger is used as given: no lever changes it.
 * - Non-placement spend is calibrated in the last pinned year b: other = E_b − placement_cost_b
 *   (expected), then grows with `other_spend_inflation`.
 * - Unit costs are in the first year's prices; year t's inflation takes t−1's cost to t.
 * - Flow targets scale one step's joiner and leaver rates so that the expected flows equal them.
 * - The number of new plans of a step is set, in this order of precedence, by a flow target's
 *   joiners, else by the last active `total_growth` or `new_plans` lever in the scenario's order
 *   (decision 0027): the step's joiners are scaled to it as a flow target scales them, so the
 *   modelled spread over ages, needs and settings is kept. Leavers are settled first (the growth
 *   lever solves new plans from them).
 */
import type { AgeBandId } from '../model/categories';
import { ageBandOfNcy } from '../model/categories';
import type { Dataset, EstimatorId, LedgerLineId, YearFigures } from '../model/dataset';
import type { Figure } from '../model/provenance';
import type { Lever, Scenario } from '../model/scenario';
import { PHASE_TRANSFERS } from '../model/scenario';
import { isRebasedTarget } from '../model/rebase-marks';
import { isActualSource } from '../model/actuals';
import { describeLeverInWords } from '../model/describe-scenario';
import type { FinancialYear } from '../model/years';
import { financialYearOfCensus, withinYears } from '../model/years';
import type { DemandModel } from './demand';
import { expectedJoinerCount } from './joiners';
import type { MetricLayout } from './metrics';
import { metricLayout } from './metrics';
import type { CapacityRule, Destinations, JoinerSpec, StepParams, TransferRule } from './params';
import { leavingScaleLimit, scaleBeta, scaleBetas, solveLeaverScale } from './params';
import { createScratch, createStepFlows, stepPopulation, total } from './population';
import { expectedSampler } from './sampler';
import { baseUnitCosts, placementCost } from './costs';
import { stateIndex } from './space';
import type { StateSpace } from './space';
import type { PersistentUncertainty } from './uncertainty';

export interface CompiledFinance {
	opening: number;
	pinned: boolean[];
	hnbAllocation: Float64Array;
	blockTransfers: Float64Array;
	otherBlocksVariance: Float64Array;
	generalFund: Float64Array;
	svFundingCumulative: Float64Array;
	cap: Float64Array;
	/** E_t where pinned, NaN otherwise. */
	pinnedExpenditure: Float64Array;
	/** Non-placement spend per year where not pinned (calibrated, inflated), NaN where pinned. */
	otherSpend: Float64Array;
	/** One-off changes to spend per year (0 in pinned years). */
	oneOff: Float64Array;
	/** Delivered savings per line per year, £. Structural lines hold their modelled effect. */
	savings: Float64Array[];
	structural: boolean[];
	svWithholding: boolean;
}

export interface CompiledScenario {
	scenarioId: string;
	scenarioName: string;
	space: StateSpace;
	baseCensus: number;
	base: Float64Array;
	censuses: number[];
	years: FinancialYear[];
	steps: StepParams[];
	/** Unit cost per state in each step's financial year, £ per placement per year. */
	unitCosts: Float64Array[];
	finance: CompiledFinance;
	layout: MetricLayout;
	savingsLines: { id: string; name: string; structural: boolean }[];
	estimator: EstimatorId;
	/** Scale applied to each step's joiners and leavers to meet flow targets (1 = none). */
	calibration: { joiners: number[]; leavers: number[] };
	/**
	 * The expected placement cost (£) in the last pinned year that non-placement spend was
	 * calibrated on (§3.3; before re-basing, decision 0036); NaN when no year is pinned.
	 */
	calibrationPlacementCost: number;
	/** Persistent deviations each Monte Carlo simulation draws (the demand model's), or null. */
	uncertainty: PersistentUncertainty | null;
	warnings: string[];
}

export interface CompileOptions {
	/** The estimator that 'default' resolves to (the dataset's best back-tester). */
	defaultEstimator: EstimatorId;
	/** Internal: skip the structural-savings side runs (used by those runs themselves). */
	skipStructural?: boolean;
}

const active = (lever: Lever, fy: FinancialYear) => withinYears(fy, lever.from, lever.until);

/** A ledger line's figure in a year: the scenario's pin, else the dataset's. */
function ledgerFigure(
	dataset: Dataset,
	scenario: Scenario,
	line: LedgerLineId,
	fy: FinancialYear
): Figure | undefined {
	return scenario.ledger[line]?.[fy] ?? dataset.finance.lines[line]?.[fy];
}

/** The value of a ledger line in a year: the scenario's pin, else the dataset's. */
function ledgerValue(
	dataset: Dataset,
	scenario: Scenario,
	line: LedgerLineId,
	fy: FinancialYear
): number | undefined {
	return ledgerFigure(dataset, scenario, line, fy)?.value;
}

function requireLedger(
	dataset: Dataset,
	scenario: Scenario,
	line: LedgerLineId,
	fy: FinancialYear
): number {
	const v = ledgerValue(dataset, scenario, line, fy);
	if (v === undefined || !Number.isFinite(v)) {
		throw new Error(
			`compileScenario: "${scenario.name}" has no ${line} for ${fy}; the dataset must give it for every year of the horizon`
		);
	}
	return v;
}

/** Moves a share of destination weight from one setting to another at the same NCY and need. */
function redirect(
	space: StateSpace,
	dest: Destinations,
	from: number,
	to: number,
	share: number
): { dest: Destinations; blocked: boolean } {
	const alpha = Float64Array.from(dest.alpha);
	let blocked = false;
	for (let k = 0; k < dest.to.length; k++) {
		const s = dest.to[k];
		if (space.setting[s] !== from) continue;
		const target = stateIndex(space, space.ncy[s], space.need[s], to);
		const j = dest.to.indexOf(target);
		if (target < 0 || j < 0) {
			blocked = true;
			continue;
		}
		const moved = alpha[k] * share;
		alpha[k] -= moved;
		alpha[j] += moved;
	}
	return { dest: { to: dest.to, alpha }, blocked };
}

/**
 * Builds the projection inputs of one scenario.
 * @example const compiled = compileScenario(dataset, scenario, demandModel, { defaultEstimator: 'pooled' });
 */
export function compileScenario(
	dataset: Dataset,
	scenario: Scenario,
	demand: DemandModel,
	options: CompileOptions
): CompiledScenario {
	const warnings = [...demand.warnings];
	const { space } = demand;
	const censuses = demand.censuses;
	const years = censuses.map(financialYearOfCensus);
	const estimator =
		scenario.demand.estimator === 'default' ? options.defaultEstimator : scenario.demand.estimator;
	const pinned = years.map(
		(fy) => ledgerValue(dataset, scenario, 'hnb_expenditure_before_savings', fy) !== undefined
	);

	const steps = buildSteps(
		demand,
		{ joiners: estimator, leavers: scenario.demand.leaverEstimator },
		scenario.levers,
		warnings,
		(id) => dataset.settings.find((x) => x.id === id)?.name ?? id
	);

	// Flow targets: scale joiners and leavers of a step so the expected flows meet them.
	const calibration = { joiners: censuses.map(() => 1), leavers: censuses.map(() => 1) };
	const flows = createStepFlows(space.size);
	const scratch = createScratch(space);
	let stock = Float64Array.from(demand.base);
	const expectedPlacementCost: number[] = [];
	const unitBase = baseUnitCosts(space, dataset.unitCosts);
	const unitCosts = compileUnitCosts(dataset, scenario, space, unitBase, years, pinned);
	// Last year's new plans, for a `new_plans` lever's change: the observed ones before the first
	// step, then each step's expected new plans as projected.
	let lastNewPlans: number | null = observedNewPlans(dataset, demand.baseCensus - 1);
	for (let k = 0; k < steps.length; k++) {
		const census = censuses[k];
		const target = scenario.demand.flowTargets.find((f) => f.census === census);
		if (target?.leavers) {
			const c = calibrateLeavers(space, steps[k], stock, target.leavers.value, flows, scratch);
			calibration.leavers[k] = c.scale;
			if (!c.met) {
				warnings.push(
					`January ${census}: the leaver target of ${target.leavers.value} cannot be met (between ${Math.round(c.min)} and ${Math.round(c.max)} are possible); the nearest is used.`
				);
			}
		}
		const wanted = target?.joiners
			? { value: target.joiners.value, by: null }
			: newPlansByLever(scenario.levers, years[k], steps[k], stock, lastNewPlans, census, {
					dataset,
					space,
					flows,
					scratch,
					warnings
				});
		if (wanted) {
			const c = scaleJoinersTo(steps[k], wanted.value);
			if (c === null) {
				warnings.push(
					`January ${census}: no joiners are expected, so the ${wanted.by ? `new plans set by "${wanted.by}"` : 'joiner target'} cannot be met.`
				);
			} else calibration.joiners[k] = c;
		}
		stepPopulation(space, steps[k], stock, expectedSampler, flows, scratch);
		const joined = total(flows.joiners);
		if (wanted?.by && Math.abs(joined - wanted.value) > 0.5) {
			warnings.push(
				`January ${census}: "${wanted.by}" asks for ${Math.round(wanted.value)} new plans, but the model can place only ${Math.round(joined)}.`
			);
		}
		lastNewPlans = joined;
		stock = Float64Array.from(flows.next);
		expectedPlacementCost.push(placementCost(stock, unitCosts[k]));
	}

	const lastPinned = pinned.lastIndexOf(true);
	const costs = calibrationCosts(
		dataset,
		scenario,
		demand,
		options,
		expectedPlacementCost,
		lastPinned
	);
	const finance = compileFinance(dataset, scenario, years, pinned, costs, warnings);
	const savingsLines = dataset.finance.savings.map((s) => ({
		id: s.id,
		name: s.name,
		structural: s.structuralLeverId !== null
	}));
	const compiled: CompiledScenario = {
		scenarioId: scenario.id,
		scenarioName: scenario.name,
		space,
		baseCensus: demand.baseCensus,
		base: demand.base,
		censuses,
		years,
		steps,
		unitCosts,
		finance,
		layout: metricLayout(space, savingsLines),
		savingsLines,
		estimator,
		calibration,
		calibrationPlacementCost: lastPinned >= 0 ? costs[lastPinned] : NaN,
		uncertainty: demand.uncertainty,
		warnings
	};

	// Structural savings lines: their £ is the placement cost their lever saves (expected),
	// shown beside the others but never subtracted again.
	if (!options.skipStructural) {
		dataset.finance.savings.forEach((line, i) => {
			if (line.structuralLeverId === null) return;
			const lever = scenario.levers.find((l) => l.id === line.structuralLeverId);
			if (!lever) {
				warnings.push(
					`Savings line "${line.name}" is structural but its lever is not in this scenario: it saves nothing here.`
				);
				return;
			}
			const without = compileScenario(
				dataset,
				{ ...scenario, levers: scenario.levers.filter((l) => l !== lever) },
				demand,
				{ ...options, skipStructural: true }
			);
			const a = expectedCosts(without);
			const b = expectedCosts(compiled);
			finance.savings[i] = Float64Array.from(a.map((x, k) => x - b[k]));
		});
	}
	return compiled;
}

/**
 * Scales a step's joiners so that their expected total is `wanted` (the rate of a rate-kind
 * joiner capped just below 1, as `scaleBeta` caps it). Returns the scale, or null when no joiners
 * are expected at all.
 */
function scaleJoinersTo(step: StepParams, wanted: number): number | null {
	const expected = step.joiners.reduce((a, j) => a + expectedJoinerCount(j), 0);
	if (!(expected > 0)) return null;
	const c = wanted / expected;
	step.joiners = step.joiners.map((j) =>
		j.kind === 'count' ? { ...j, mean: j.mean * c } : { ...j, ...scaleBeta(j.alpha, j.beta, c) }
	);
	return c;
}

/** New plans the dataset observed in a calendar year (every age band), or null when it has none. */
function observedNewPlans(dataset: Dataset, year: number): number | null {
	const rows = dataset.history.newPlansByAgeBand.filter((r) => r.year === year);
	return rows.length ? rows.reduce((a, r) => a + r.count.value, 0) : null;
}

/** A lever's name for messages: its label, or what it does in words. */
const leverName = (l: Lever, d: Dataset) =>
	l.label.trim() ? l.label.trim() : describeLeverInWords(l, d);

/**
 * The expected new plans of one step set by the last active `total_growth` or `new_plans` lever,
 * or null when none is active (docs/model.md §2.7, decision 0027):
 * - total growth r: new = (1 + r)·T − T + L, with T the January total the step starts from and L
 *   its expected ceased plans (age-outs included) under the step's parameters — movers, moves and
 *   capacity overflow keep children, so the next January total is then (1 + r)·T. At least 0.
 * - a count N: N. A change x: (1 + x) × last year's new plans (the previous step's, as projected;
 *   before the first step, the dataset's observed new plans of the year before).
 */
function newPlansByLever(
	levers: readonly Lever[],
	fy: FinancialYear,
	step: StepParams,
	stock: Float64Array,
	lastNewPlans: number | null,
	census: number,
	ctx: {
		dataset: Dataset;
		space: StateSpace;
		flows: ReturnType<typeof createStepFlows>;
		scratch: Float64Array;
		warnings: string[];
	}
): { value: number; by: string } | null {
	let setter: Lever | null = null;
	for (const l of levers) {
		if ((l.kind === 'total_growth' || l.kind === 'new_plans') && active(l, fy)) setter = l;
	}
	if (setter === null) return null;
	const by = leverName(setter, ctx.dataset);
	if (setter.kind === 'total_growth') {
		stepPopulation(ctx.space, step, stock, expectedSampler, ctx.flows, ctx.scratch);
		const before = total(stock);
		const leavers = total(ctx.flows.leavers);
		const value = (1 + setter.rate) * before - before + leavers;
		if (value < 0) {
			ctx.warnings.push(
				`January ${census}: "${by}" would need fewer than no new plans (${Math.round(leavers)} plans cease); none are made, so the total falls less than asked.`
			);
		}
		return { value: Math.max(0, value), by };
	}
	if (setter.kind === 'new_plans') {
		if (setter.basis === 'count') return { value: setter.value, by };
		if (lastNewPlans === null) {
			const msg = `"${by}": the dataset has no new plans for the year before January ${census}, so the change applies to the model's own new plans that year.`;
			if (!ctx.warnings.includes(msg)) ctx.warnings.push(msg);
			const modelled = step.joiners.reduce((a, j) => a + expectedJoinerCount(j), 0);
			return { value: Math.max(0, (1 + setter.value) * modelled), by };
		}
		return { value: Math.max(0, (1 + setter.value) * lastNewPlans), by };
	}
	return null;
}

/** Expected placement cost per step of a compiled scenario. */
function expectedCosts(c: CompiledScenario): number[] {
	const flows = createStepFlows(c.space.size);
	const scratch = createScratch(c.space);
	let stock = Float64Array.from(c.base);
	return c.steps.map((p, k) => {
		stepPopulation(c.space, p, stock, expectedSampler, flows, scratch);
		stock = Float64Array.from(flows.next);
		return placementCost(stock, c.unitCosts[k]);
	});
}

/**
 * Finds the scale of leaver probabilities that makes a step's expected leavers (age-outs
 * included) equal `target`, by bisection on the expected step (leavers rise with the scale).
 */
function calibrateLeavers(
	space: StateSpace,
	params: StepParams,
	stock: Float64Array,
	target: number,
	flows: ReturnType<typeof createStepFlows>,
	scratch: Float64Array
): { scale: number; met: boolean; min: number; max: number } {
	const alpha0 = Float64Array.from(params.leaverAlpha);
	const beta0 = Float64Array.from(params.leaverBeta);
	const leaversAt = (scale: number) => {
		scaleBetas(alpha0, beta0, scale, params.leaverAlpha, params.leaverBeta);
		stepPopulation(space, params, stock, expectedSampler, flows, scratch);
		return total(flows.leavers);
	};
	const min = leaversAt(0);
	const limit = leavingScaleLimit(alpha0, beta0);
	const max = leaversAt(limit);
	let scale: number;
	let met = true;
	if (target <= min) {
		scale = 0;
		met = Math.abs(target - min) < 1e-9;
	} else if (target >= max) {
		scale = limit;
		met = Math.abs(target - max) < 1e-9;
	} else {
		scale = solveLeaverScale(leaversAt, alpha0, beta0, target, 200, 1e-15);
	}
	leaversAt(scale);
	return { scale, met, min, max };
}

/** Unit cost per state per step (first-year prices inflated year on year). */
function compileUnitCosts(
	dataset: Dataset,
	scenario: Scenario,
	space: StateSpace,
	base: Float64Array,
	years: FinancialYear[],
	pinned: boolean[]
): Float64Array[] {
	const out: Float64Array[] = [];
	let current = Float64Array.from(base);
	years.forEach((fy, k) => {
		if (k > 0) {
			const general = requireLedger(dataset, scenario, 'unit_cost_inflation', fy);
			const rate = new Float64Array(space.settings.length).fill(general);
			if (!pinned[k]) {
				for (const lever of scenario.levers) {
					if (lever.kind !== 'unit_cost_inflation' || !active(lever, fy)) continue;
					if (lever.setting === null) rate.fill(lever.rate);
					else {
						const i = space.settingIndex.get(lever.setting);
						if (i === undefined) {
							throw new Error(
								`compileScenario: unit cost inflation names unknown setting "${lever.setting}"`
							);
						}
						rate[i] = lever.rate;
					}
				}
			}
			current = current.map((c, s) => c * (1 + rate[space.setting[s]]));
		}
		out.push(Float64Array.from(current));
	});
	return out;
}

/**
 * The placement costs non-placement spend is calibrated on (§3.3): the expected projection's. A
 * census re-based on an actual (decision 0012) at or before the last pinned year changes that
 * year's caseload; unless that year's spend is an actual too, the pinned spend was set without
 * knowing it, so the calibration uses the projection before re-basing (decision 0036). Otherwise
 * more children than projected in January would be taken out of non-placement spend, and lower
 * every later year's deficit.
 */
function calibrationCosts(
	dataset: Dataset,
	scenario: Scenario,
	demand: DemandModel,
	options: CompileOptions,
	expectedPlacementCost: number[],
	b: number
): number[] {
	if (b < 0) return expectedPlacementCost;
	const census = demand.censuses[b];
	const targets = scenario.demand.flowTargets;
	if (!targets.some((t) => isRebasedTarget(t) && t.census <= census)) return expectedPlacementCost;
	const fy = financialYearOfCensus(census);
	const spend = ledgerFigure(dataset, scenario, 'hnb_expenditure_before_savings', fy);
	if (spend && isActualSource(spend.source)) return expectedPlacementCost;
	const before = compileScenario(
		dataset,
		{
			...scenario,
			demand: { ...scenario.demand, flowTargets: targets.filter((t) => !isRebasedTarget(t)) }
		},
		demand,
		{ ...options, skipStructural: true }
	);
	const costs = expectedPlacementCost.slice();
	costs[b] = before.calibrationPlacementCost;
	return costs;
}

function compileFinance(
	dataset: Dataset,
	scenario: Scenario,
	years: FinancialYear[],
	pinned: boolean[],
	expectedPlacementCost: number[],
	warnings: string[]
): CompiledFinance {
	const n = years.length;
	const arr = () => new Float64Array(n);
	const f: CompiledFinance = {
		opening: (scenario.openingCumulativeDeficit ?? dataset.finance.openingCumulativeDeficit).value,
		pinned,
		hnbAllocation: arr(),
		blockTransfers: arr(),
		otherBlocksVariance: arr(),
		generalFund: arr(),
		svFundingCumulative: arr(),
		cap: arr(),
		pinnedExpenditure: arr().fill(NaN),
		otherSpend: arr().fill(NaN),
		oneOff: arr(),
		savings: dataset.finance.savings.map(() => arr()),
		structural: dataset.finance.savings.map((s) => s.structuralLeverId !== null),
		svWithholding: scenario.levers.some((l) => l.kind === 'sv_withholding')
	};
	const lineArrays: [
		Exclude<
			LedgerLineId,
			'hnb_expenditure_before_savings' | 'other_spend_inflation' | 'unit_cost_inflation'
		>,
		Float64Array
	][] = [
		['hnb_allocation', f.hnbAllocation],
		['block_transfers', f.blockTransfers],
		['other_blocks_variance', f.otherBlocksVariance],
		['general_fund_contribution', f.generalFund],
		['sv_funding_cumulative', f.svFundingCumulative],
		['deficit_cap', f.cap]
	];
	years.forEach((fy, k) => {
		for (const [line, a] of lineArrays) a[k] = requireLedger(dataset, scenario, line, fy);
		if (pinned[k]) {
			f.pinnedExpenditure[k] = requireLedger(
				dataset,
				scenario,
				'hnb_expenditure_before_savings',
				fy
			);
			return;
		}
		for (const lever of scenario.levers) {
			if (!active(lever, fy)) continue;
			if (lever.kind === 'allocation_growth') {
				const prev = k > 0 ? f.hnbAllocation[k - 1] : f.hnbAllocation[k];
				f.hnbAllocation[k] = prev * (1 + lever.rate);
			} else if (lever.kind === 'ledger') {
				const target = lineArrays.find(([l]) => l === lever.line);
				if (target) target[1][k] = lever.amount;
			} else if (lever.kind === 'one_off_cost') {
				f.oneOff[k] += lever.amount;
			}
		}
	});
	// Non-placement spend, calibrated in the last pinned year.
	let b = -1;
	for (let k = 0; k < n; k++) if (pinned[k]) b = k;
	if (b < 0) {
		warnings.push(
			'No year has its HNB expenditure pinned, so non-placement spend cannot be calibrated: HNB expenditure is placement cost only.'
		);
	}
	const other = b >= 0 ? f.pinnedExpenditure[b] - expectedPlacementCost[b] : 0;
	let index = 1;
	for (let k = 0; k < n; k++) {
		if (pinned[k]) continue;
		if (k > b) index *= 1 + requireLedger(dataset, scenario, 'other_spend_inflation', years[k]);
		f.otherSpend[k] = other * (k > b ? index : 1);
	}

	// Savings delivered per line.
	dataset.finance.savings.forEach((line, i) => {
		years.forEach((fy, k) => {
			const target = line.targets[fy]?.value ?? 0;
			let delivery =
				scenarioDelivery(scenario.savingsDelivery[line.id], fy) ?? line.delivery[fy]?.value ?? 0;
			if (!pinned[k]) {
				for (const lever of scenario.levers) {
					if (
						lever.kind === 'savings_delivery' &&
						active(lever, fy) &&
						(lever.line === null || lever.line === line.id)
					) {
						delivery = lever.delivery;
					}
				}
			}
			f.savings[i][k] = line.structuralLeverId === null ? target * delivery : 0;
		});
	});
	return f;
}

function scenarioDelivery(figures: YearFigures | undefined, fy: FinancialYear): number | undefined {
	return figures?.[fy]?.value;
}

/**
 * Step parameters of a demand model under an estimator's trend and a scenario's demand levers
 * (new plans, ceased plans, redirects, capacity), before any flow target.
 * @example const steps = buildSteps(demand, { joiners: 'linear', leavers: 'pooled' }, [], []);
 */
export function buildSteps(
	demand: DemandModel,
	estimators: { joiners: EstimatorId; leavers: EstimatorId },
	levers: readonly Lever[],
	warnings: string[],
	/** A setting's name for warnings (default: its id). */
	settingName: (id: string) => string = (id) => id
): StepParams[] {
	const { space, censuses } = demand;
	const joinerTrend = demand.trends[estimators.joiners].joiners;
	const leaverTrend = demand.trends[estimators.leavers].leavers;
	const settingIdx = (id: string, what: string) => {
		const i = space.settingIndex.get(id);
		if (i === undefined) {
			throw new Error(
				`compileScenario: ${what} names setting "${id}", which the dataset does not have`
			);
		}
		return i;
	};
	return censuses.map((census, k) => {
		const fy = financialYearOfCensus(census);
		const joinerMult = new Float64Array(space.maxNcy - space.minNcy + 1).fill(1);
		const leaverMult = new Float64Array(space.maxNcy - space.minNcy + 1).fill(1);
		for (let y = space.minNcy; y <= space.maxNcy; y++) {
			joinerMult[y - space.minNcy] = joinerTrend[k][y - space.minNcy];
			leaverMult[y - space.minNcy] = leaverTrend[k][y - space.minNcy];
		}
		const inBand = (y: number, band: AgeBandId | null) => {
			if (band === null) return true;
			try {
				return ageBandOfNcy(y) === band;
			} catch {
				return false;
			}
		};
		const joinerDestEdits: ((d: Destinations) => Destinations)[] = [];
		const moverDestEdits: ((d: Destinations) => Destinations)[] = [];
		const capacity: CapacityRule[] = [];
		const transfers: TransferRule[] = [];
		for (const lever of levers) {
			if (!active(lever, fy)) continue;
			switch (lever.kind) {
				case 'joiners':
					for (let y = space.minNcy; y <= space.maxNcy; y++) {
						if (inBand(y, lever.band)) joinerMult[y - space.minNcy] *= lever.multiplier;
					}
					break;
				case 'leavers':
					for (let y = space.minNcy; y <= space.maxNcy; y++) {
						if (inBand(y, lever.band)) leaverMult[y - space.minNcy] *= lever.multiplier;
					}
					break;
				case 'redirect': {
					const from = settingIdx(lever.fromSetting, 'a placement redirect');
					const to = settingIdx(lever.toSetting, 'a placement redirect');
					const edit = (d: Destinations) => {
						const r = redirect(space, d, from, to, lever.share);
						if (r.blocked) {
							const msg = `Redirect ${lever.fromSetting} → ${lever.toSetting}: some NCYs cannot go to ${lever.toSetting}; those children are not redirected.`;
							if (!warnings.includes(msg)) warnings.push(msg);
						}
						return r.dest;
					};
					if (lever.joiners) joinerDestEdits.push(edit);
					if (lever.movers) moverDestEdits.push(edit);
					break;
				}
				case 'move_placements': {
					const rule = transferRule(
						space,
						settingIdx(lever.fromSetting, 'a move of placements'),
						settingIdx(lever.toSetting, 'a move of placements'),
						lever.share,
						lever.phaseTransferOnly
					);
					if (rule.blocked) {
						const msg = `Moving placements from ${settingName(lever.fromSetting)} to ${settingName(lever.toSetting)}: ${settingName(lever.toSetting)} does not take some of their school years or needs; those children stay.`;
						if (!warnings.includes(msg)) warnings.push(msg);
					}
					transfers.push(rule.rule);
					break;
				}
				case 'capacity':
					capacity.push({
						setting: settingIdx(lever.setting, 'a capacity cap'),
						capacity: lever.capacity,
						overflow: settingIdx(lever.overflowSetting, 'a capacity cap')
					});
					break;
				default:
					break;
			}
		}
		const leaverAlpha = new Float64Array(space.size);
		const leaverBeta = new Float64Array(space.size);
		for (let s = 0; s < space.size; s++) {
			const m = leaverMult[space.ncy[s] - space.minNcy];
			const b = scaleBeta(demand.leaverAlpha[s], demand.leaverBeta[s], m);
			leaverAlpha[s] = b.alpha;
			leaverBeta[s] = b.beta;
		}
		const edited = (edits: typeof joinerDestEdits, d: Destinations) =>
			edits.reduce((acc, edit) => edit(acc), d);
		const moverDest = moverDestEdits.length
			? demand.moverDest.map((d) => (d ? edited(moverDestEdits, d) : null))
			: demand.moverDest;
		const joiners: JoinerSpec[] = demand.joiners.map((t) => {
			const m = joinerMult[t.ncy - space.minNcy];
			const dest = edited(joinerDestEdits, t.dest);
			if (t.kind === 'count')
				return { ncy: t.ncy, kind: 'count', mean: t.mean * m, shape: t.shape, dest };
			let population = t.populationByCensus.get(census);
			if (population === undefined) {
				const known = [...t.populationByCensus.keys()]
					.filter((c) => c <= census)
					.sort((a, b) => b - a);
				population = known.length ? t.populationByCensus.get(known[0])! : 0;
				const msg = `No general population for January ${census}: the latest year loaded is used for joiner rates.`;
				if (!warnings.includes(msg)) warnings.push(msg);
			}
			const b = scaleBeta(t.alpha, t.beta, m);
			return { ncy: t.ncy, kind: 'rate', population, alpha: b.alpha, beta: b.beta, dest };
		});
		return {
			census,
			leaverAlpha,
			leaverBeta,
			moverAlpha: demand.moverAlpha,
			moverBeta: demand.moverBeta,
			moverDest,
			joiners,
			capacity,
			...(transfers.length ? { transfers } : {})
		};
	});
}

/**
 * The state pairs of a move of existing placements: every state of setting `from` (at phase
 * transfer only: at NCY 7 and 12, which children reach from 6 and 11) with the state of setting
 * `to` at the same NCY and need. `blocked` when some such state has no counterpart in `to`.
 */
function transferRule(
	space: StateSpace,
	from: number,
	to: number,
	share: number,
	phaseTransferOnly: boolean
): { rule: TransferRule; blocked: boolean } {
	const a: number[] = [];
	const b: number[] = [];
	let blocked = false;
	for (let s = 0; s < space.size; s++) {
		if (space.setting[s] !== from) continue;
		if (phaseTransferOnly && !PHASE_TRANSFERS.some(([, after]) => after === space.ncy[s])) continue;
		const target = stateIndex(space, space.ncy[s], space.need[s], to);
		if (target < 0) {
			blocked = true;
			continue;
		}
		a.push(s);
		b.push(target);
	}
	return { rule: { from: Int32Array.from(a), to: Int32Array.from(b), share }, blocked };
}
