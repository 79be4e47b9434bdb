/**
 * Sensitivity of the end-of-horizon cumulative deficit before Safety Valve funding to each input
 * of a scenario, for a tornado chart: the expected projection with the input X% lower and X%
 * higher, everything else as the scenario has it.
 *
 * The inputs, each varied in the years that are not pinned only (a pinned year is used as given,
 * docs/decisions/0002):
 * - new plans and ceased plans (a multiplier of 1 ± X on all ages);
 * - unit costs of placements, non-placement HNB spend, savings delivered, the HNB allocation,
 *   block transfers, the General Fund contribution and the variance in other blocks (each line
 *   scaled by 1 ± X);
 * - the value of each of the scenario's own levers (a multiplier, share, capacity, rate, amount
 *   or delivery scaled by 1 ± X, a share kept within 0…1 and a delivery within 0…2).
 * Rows are sorted by swing, largest first, as a tornado chart shows them.
 */
import type { Lever, Scenario } from '../model/scenario';
import type { FinancialYear } from '../model/years';
import type { DescribeContext } from '../model/describe-scenario';
import { leverTitle } from '../model/describe-scenario';
import { DELIVERY_BOUNDS } from '../model/validate-dataset';
import { firstFreeYear } from './goal-seek';
import { freeLeverId } from '../model/scenario';
import { metricRow } from './metrics';
import { createWorkspace, runTrajectory } from './project';
import { expectedSampler } from './sampler';
import type { CompiledFinance, CompiledScenario } from './scenario';
import type { PreparedDataset } from './workbench';
import { compile } from './workbench';

export interface SensitivityOptions {
	/** X, the relative change applied down and up, a fraction in (0, 1): 0.1 is ±10%. */
	change: number;
}

export interface SensitivityRow {
	/** Stable id: `new_plans`, `unit_costs`, … or `lever:<lever id>`. */
	id: string;
	label: string;
	/** End-of-horizon cumulative deficit before SV funding with the input at 1 − X and 1 + X, £. */
	low: number;
	high: number;
	/** |high − low|, £. */
	swing: number;
}

export interface SensitivityResult {
	scenarioId: string;
	/** The financial year whose cumulative deficit is shown (the last of the horizon). */
	year: FinancialYear;
	/** The scenario's own end-of-horizon cumulative deficit, £. */
	base: number;
	/** The cap in that year, £. */
	cap: number;
	change: number;
	/** The first year varied (the first not pinned), or null when every year is pinned. */
	from: FinancialYear | null;
	rows: SensitivityRow[];
}

/** The end-of-horizon cumulative deficit before SV funding of a compiled scenario, £. */
function endDeficit(c: CompiledScenario): number {
	const H = c.steps.length;
	const values = new Float64Array(c.layout.defs.length * H);
	runTrajectory(c, expectedSampler, values, 0, createWorkspace(c));
	return values[metricRow(c.layout, 'cumulative_deficit_before_sv') * H + H - 1];
}

type FinanceLine = 'hnbAllocation' | 'blockTransfers' | 'generalFund' | 'otherBlocksVariance';

/** A copy of a compiled scenario with some of its finance or unit costs scaled in free years. */
function scaled(
	c: CompiledScenario,
	what: 'unitCosts' | 'otherSpend' | 'savings' | FinanceLine,
	factor: number
): CompiledScenario {
	const free = c.finance.pinned.map((p) => !p);
	const scale = (a: Float64Array) => a.map((v, k) => (free[k] ? v * factor : v));
	if (what === 'unitCosts') {
		return { ...c, unitCosts: c.unitCosts.map((u, k) => (free[k] ? u.map((v) => v * factor) : u)) };
	}
	const finance: CompiledFinance = { ...c.finance };
	if (what === 'savings') finance.savings = c.finance.savings.map(scale);
	else finance[what] = scale(c.finance[what]);
	return { ...c, finance };
}

/** A scenario lever's value scaled by a factor, kept within its bounds; null when it has none. */
function scaleLever(lever: Lever, factor: number): Lever | null {
	switch (lever.kind) {
		case 'joiners':
		case 'leavers':
			return { ...lever, multiplier: lever.multiplier * factor };
		case 'redirect':
			return { ...lever, share: Math.min(1, Math.max(0, lever.share * factor)) };
		case 'capacity':
			return { ...lever, capacity: lever.capacity * factor };
		case 'unit_cost_inflation':
		case 'allocation_growth':
			return { ...lever, rate: lever.rate * factor };
		case 'one_off_cost':
		case 'ledger':
			return { ...lever, amount: lever.amount * factor };
		case 'savings_delivery': {
			const [lo, hi] = DELIVERY_BOUNDS;
			return { ...lever, delivery: Math.min(hi, Math.max(lo, lever.delivery * factor)) };
		}
		case 'sv_withholding':
			return null;
		case 'total_growth':
			return { ...lever, rate: lever.rate * factor };
		case 'new_plans':
			return { ...lever, value: lever.value * factor };
		case 'move_placements':
			return { ...lever, share: Math.min(1, Math.max(0, lever.share * factor)) };
	}
}

const FINANCE_INPUTS: { id: string; label: string; what: Parameters<typeof scaled>[1] }[] = [
	{ id: 'unit_costs', label: 'Unit costs of placements', what: 'unitCosts' },
	{ id: 'other_spend', label: 'Non-placement HNB spend', what: 'otherSpend' },
	{ id: 'savings', label: 'Savings delivered', what: 'savings' },
	{ id: 'hnb_allocation', label: 'HNB allocation', what: 'hnbAllocation' },
	{ id: 'block_transfers', label: 'Block transfers', what: 'blockTransfers' },
	{ id: 'general_fund', label: 'General Fund contribution', what: 'generalFund' },
	{ id: 'other_blocks', label: 'Variance in other DSG blocks', what: 'otherBlocksVariance' }
];

/**
 * The end-of-horizon cumulative deficit before Safety Valve funding with each input of a
 * scenario X% lower and X% higher (expected projection), largest swing first.
 *
 * @param prepared the dataset, prepared once
 * @param scenario the scenario varied
 * @param ctx names of settings and savings lines, for the levers' labels
 * @returns the base deficit and one row per input, in £
 * @example
 * const s = sensitivity(prepared, baseline, dataset, { change: 0.1 });
 * s.rows[0]; // { id: 'unit_costs', label: 'Unit costs of placements', low: 40.1e6, high: 48.6e6, swing: 8.5e6 }
 */
export function sensitivity(
	prepared: PreparedDataset,
	scenario: Scenario,
	ctx: DescribeContext,
	options: SensitivityOptions
): SensitivityResult {
	const x = options.change;
	if (!(x > 0 && x < 1)) {
		throw new Error(`sensitivity: change must be a fraction in (0, 1) (0.1 is ±10%), got ${x}`);
	}
	const base = compile(prepared, scenario);
	const H = base.steps.length;
	const from = firstFreeYear(base);
	const rows: SensitivityRow[] = [];
	const row = (id: string, label: string, low: number, high: number) =>
		rows.push({ id, label, low, high, swing: Math.abs(high - low) });
	const withLever = (make: (factor: number) => Lever) => (factor: number) =>
		endDeficit(compile(prepared, { ...scenario, levers: [...scenario.levers, make(factor)] }));

	if (from !== null) {
		for (const kind of ['joiners', 'leavers'] as const) {
			const at = withLever((factor): Lever => ({
				id: freeLeverId(scenario, `sensitivity-${kind}`),
				label: '',
				kind,
				multiplier: factor,
				band: null,
				from,
				until: null
			}));
			row(
				kind === 'joiners' ? 'new_plans' : 'ceased_plans',
				kind === 'joiners' ? 'New plans' : 'Ceased plans',
				at(1 - x),
				at(1 + x)
			);
		}
		for (const input of FINANCE_INPUTS) {
			row(
				input.id,
				input.label,
				endDeficit(scaled(base, input.what, 1 - x)),
				endDeficit(scaled(base, input.what, 1 + x))
			);
		}
	}
	const labels = new Set(rows.map((r) => r.label));
	scenario.levers.forEach((lever, i) => {
		const down = scaleLever(lever, 1 - x);
		const up = scaleLever(lever, 1 + x);
		if (!down || !up) return;
		const at = (l: Lever) =>
			endDeficit(
				compile(prepared, {
					...scenario,
					levers: scenario.levers.map((m, j) => (j === i ? l : m))
				})
			);
		// Labels name tornado rows, so they must differ.
		let label = leverTitle(lever, ctx);
		for (let n = 2; labels.has(label); n++) label = `${leverTitle(lever, ctx)} (${n})`;
		labels.add(label);
		row(`lever:${lever.id}`, label, at(down), at(up));
	});
	rows.sort((a, b) => b.swing - a.swing);
	const H1 = H - 1;
	const values = new Float64Array(base.layout.defs.length * H);
	runTrajectory(base, expectedSampler, values, 0, createWorkspace(base));
	return {
		scenarioId: scenario.id,
		year: base.years[H1],
		base: values[metricRow(base.layout, 'cumulative_deficit_before_sv') * H + H1],
		cap: values[metricRow(base.layout, 'deficit_cap') * H + H1],
		change: x,
		from,
		rows
	};
}
