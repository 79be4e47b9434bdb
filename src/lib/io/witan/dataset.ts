/**
 * A complete `Dataset` from parsed witan.send inputs (docs/model.md §6), so the engine and the app can
 * run them like any other dataset, and the way back to the four input files.
 *
 * What comes from the files: settings and needs (valid-states.csv), transitions, the general
 * population, need-specific unit costs (costs.csv), the base caseload (the setting-2 side of the
 * last year's transitions) and the base and horizon censuses. The caseload total at each census
 * is derived from the transitions as history. witan.send's own assumption, the pooled mean of
 * history, is the default estimator.
 *
 * witan.send inputs carry no finance, so the ledger is a stand-in, every figure marked:
 * allocation, transfers, other blocks, general fund, Safety Valve funding and inflation are
 * assumed 0 and the cap is a sum that is never reached; the first year's HNB expenditure is set
 * to its expected placement cost, so that non-placement spend is 0 and HNB spend is placement
 * cost at costs.csv prices throughout.
 */
import type { WitanInputs } from './parse-inputs';
import type { WitanInputsToWrite } from './write-inputs';
import type { Scenario } from '../../model/scenario';
import { DEFAULT_MONTE_CARLO } from '../../model/scenario';
import type {
	Dataset,
	FinanceLedger,
	LedgerLineId,
	YearCount,
	YearFigures
} from '../../model/dataset';
import { NONSEND, REQUIRED_LEDGER_LINES } from '../../model/dataset';
import { assumption, derived } from '../../model/provenance';
import { financialYearOfCensus } from '../../model/years';
import { countOf } from '../../model/format';
import { baseUnitCosts, placementCost } from '../../engine/costs';
import { estimateDemand } from '../../engine/estimate';
import { createScratch, createStepFlows, stepPopulation } from '../../engine/population';
import { expectedSampler } from '../../engine/sampler';
import { buildSteps } from '../../engine/scenario';
import { WITAN_NO_FINANCE_CAP, hasNoFinance } from '../../model/stand-in-finance';

export interface WitanDatasetOptions {
	/** Dataset id; default `witan-send-<base census>`. */
	id?: string;
	/** Dataset name; default "witan.send inputs (base January <base census>)". */
	name?: string;
	/** The authority's name; default "Not given (witan.send inputs)". */
	authority?: string;
	/** ISO date the figures describe; default 1 January of the base census year. */
	dataDate?: string;
	/** Where the files came from, for the description (e.g. a folder name). */
	source?: string;
}

export { WITAN_NO_FINANCE_CAP, hasNoFinance };

const NO_FINANCE = 'witan.send inputs carry no finance';

/**
 * Census totals counted from transitions, each derived: children in a setting at the start of
 * each step, and at the end of the last step.
 */
function caseloadTotals(inputs: WitanInputs): YearCount[] {
	const counts = new Map<number, number>();
	let last = -Infinity;
	for (const t of inputs.transitions) {
		last = Math.max(last, t.calendarYear);
		if (t.setting1 !== NONSEND) counts.set(t.calendarYear, (counts.get(t.calendarYear) ?? 0) + 1);
	}
	let end = 0;
	for (const t of inputs.transitions) if (t.calendarYear === last && t.setting2 !== NONSEND) end++;
	counts.set(last + 1, end);
	return [...counts]
		.sort((a, b) => a[0] - b[0])
		.map(([year, n]) => ({
			year,
			count: derived(
				n,
				year === last + 1
					? `children in a setting at the end of the calendar-year ${last} transitions`
					: `children in a setting at the start of the calendar-year ${year} transitions`
			)
		}));
}

/** The stand-in ledger (see the file's docblock), without the first year's expenditure. */
function standInLedger(baseCensus: number, horizonCensus: number): FinanceLedger {
	const notes: Record<Exclude<LedgerLineId, 'hnb_expenditure_before_savings'>, string> = {
		hnb_allocation: `${NO_FINANCE}: no allocation is assumed`,
		block_transfers: `${NO_FINANCE}: no block transfers are assumed`,
		other_blocks_variance: `${NO_FINANCE}: no variance in other blocks is assumed`,
		general_fund_contribution: `${NO_FINANCE}: no general fund contribution is assumed`,
		sv_funding_cumulative: `${NO_FINANCE}: no Safety Valve funding is assumed`,
		deficit_cap: `${NO_FINANCE}: no Safety Valve agreement, so a cap that is never reached`,
		other_spend_inflation: `${NO_FINANCE}: no inflation of non-placement spend is assumed`,
		unit_cost_inflation: `${NO_FINANCE} and witan.send applies none: costs stay at costs.csv prices`
	};
	const lines: Partial<Record<LedgerLineId, YearFigures>> = {};
	for (const line of REQUIRED_LEDGER_LINES) {
		const figures: YearFigures = {};
		for (let c = baseCensus + 1; c <= horizonCensus; c++) {
			const value = line === 'deficit_cap' ? WITAN_NO_FINANCE_CAP : 0;
			figures[financialYearOfCensus(c)] = assumption(value, notes[line as keyof typeof notes]);
		}
		lines[line] = figures;
	}
	return {
		openingCumulativeDeficit: assumption(0, `${NO_FINANCE}: no opening deficit is assumed`),
		lines,
		savings: []
	};
}

/**
 * Builds a complete dataset from parsed witan.send inputs (see the file's docblock).
 * @example
 * const parsed = parseWitanInputs(files);
 * if (parsed.ok) witanDataset(parsed.inputs).baseCensus; // 2017 for the demo
 */
export function witanDataset(inputs: WitanInputs, options: WitanDatasetOptions = {}): Dataset {
	if (inputs.transitions.length === 0) {
		throw new Error('witanDataset: the inputs hold no transitions; at least one row is needed');
	}
	const { baseCensus, horizonCensus } = inputs;
	if (!(horizonCensus > baseCensus)) {
		throw new Error(
			`witanDataset: the horizon (January ${horizonCensus}) must be after the base census (January ${baseCensus})`
		);
	}
	const years = [...new Set(inputs.transitions.map((t) => t.calendarYear))].sort((a, b) => a - b);
	const source = options.source ? ` from ${options.source}` : '';
	const dataset: Dataset = {
		id: options.id ?? `witan-send-${baseCensus}`,
		name: options.name ?? `witan.send inputs (base January ${baseCensus})`,
		authority: {
			name: options.authority ?? 'Not given (witan.send inputs)',
			code: null,
			laCode: null
		},
		dataDate: options.dataDate ?? `${baseCensus}-01-01`,
		description:
			`witan.send inputs${source}: ${countOf(inputs.transitions.length, 'transition')} of calendar-years ${years[0]}–${years[years.length - 1]}, ` +
			`${countOf(inputs.settings.length, 'setting')}, ${countOf(inputs.needs.length, 'need')}, general population to ${horizonCensus}. ` +
			'They carry no finance: every ledger figure is a marked assumption, and HNB spend is placement cost at costs.csv prices.',
		baseCensus,
		horizonCensus,
		needs: [...inputs.needs],
		settings: inputs.settings.map((s) => ({
			...s,
			needs: s.needs ? [...s.needs] : null,
			destinations: s.destinations ? [...s.destinations] : null
		})),
		baseCaseload: inputs.baseCaseload.map((c) => ({ ...c })),
		history: {
			caseloadTotal: caseloadTotals(inputs),
			caseloadByAgeBand: [],
			caseloadBySetting: [],
			newPlansByAgeBand: [],
			newPlansBySetting: [],
			ceasedPlans: [],
			movesMainstreamToSpecial: [],
			movesSpecialToMainstream: [],
			requests: [],
			refusals: []
		},
		transitions: inputs.transitions.map((t) => ({ ...t })),
		population: inputs.population.map((p) => ({ ...p })),
		referencePopulations: [],
		estimation: {
			firstFlowYear: null,
			lastFlowYear: null,
			defaultEstimator: 'pooled',
			backtestHoldout: 1
		},
		unitCosts: inputs.unitCosts.map((c) => ({ ...c })),
		finance: standInLedger(baseCensus, horizonCensus),
		kpis: [],
		conditions: [],
		reports: []
	};
	// The first year's spend calibrates non-placement spend (docs/model.md §3): pin it to the expected
	// placement cost so that non-placement spend is 0.
	const first = baseCensus + 1;
	const fy = financialYearOfCensus(first);
	const demand = estimateDemand(dataset, { steps: 1 });
	const [step] = buildSteps(demand, { joiners: 'pooled', leavers: 'pooled' }, [], []);
	const flows = createStepFlows(demand.space.size);
	stepPopulation(
		demand.space,
		step,
		demand.base,
		expectedSampler,
		flows,
		createScratch(demand.space)
	);
	const cost = placementCost(flows.next, baseUnitCosts(demand.space, dataset.unitCosts));
	dataset.finance.lines.hnb_expenditure_before_savings = {
		[fy]: derived(
			cost,
			`expected placement cost at the January ${first} census (costs.csv prices, pooled estimate), so that non-placement spend is 0: ${NO_FINANCE}`
		)
	};
	return dataset;
}

/**
 * What `writeWitanInputs` needs to write a dataset back as the four witan.send input files.
 * witan's free-text setting-group is not kept in a dataset: give `settingGroups` (as
 * `parseWitanInputs` returns them) to write the originals, else each setting's DSG category is
 * written.
 * @example writeWitanInputs(witanInputsOfDataset(dataset, parsed.inputs.settingGroups))
 */
export function witanInputsOfDataset(
	dataset: Dataset,
	settingGroups?: Record<string, string>
): WitanInputsToWrite {
	if (!dataset.transitions || dataset.transitions.length === 0) {
		throw new Error(
			`witanInputsOfDataset: dataset "${dataset.name}" has no transitions, so it cannot be written as witan.send inputs`
		);
	}
	if (!dataset.population || dataset.population.length === 0) {
		throw new Error(
			`witanInputsOfDataset: dataset "${dataset.name}" has no general population, so it cannot be written as witan.send inputs`
		);
	}
	return {
		settings: dataset.settings,
		settingGroups,
		needs: dataset.needs,
		transitions: dataset.transitions,
		population: dataset.population,
		unitCosts: dataset.unitCosts
	};
}

/** The name of the scenario a witan.send import comes with. */
export const WITAN_BASELINE = 'Baseline (pooled, as witan.send)';

/**
 * The scenario a witan.send import starts with: witan.send's own assumption (pooled mean of the
 * history for new and ceased plans), no levers, 1,000 simulations with seed 50; it is the
 * dataset's reference projection (role `projection`).
 * @example addDataset(dataset, [witanBaselineScenario(dataset)])
 */
export function witanBaselineScenario(dataset: Dataset): Scenario {
	return {
		id: `${dataset.id}--baseline-pooled`,
		name: WITAN_BASELINE,
		parentId: null,
		role: 'projection',
		description:
			'witan.send’s own assumption: rates of new plans, ceased plans and moves at the pooled mean of the history, no levers. ' +
			'witan.send inputs carry no finance, so every ledger figure is a stand-in assumption.',
		openingCumulativeDeficit: null,
		ledger: {},
		savingsDelivery: {},
		demand: { estimator: 'pooled', leaverEstimator: 'pooled', flowTargets: [] },
		levers: [],
		monteCarlo: { ...DEFAULT_MONTE_CARLO }
	};
}
