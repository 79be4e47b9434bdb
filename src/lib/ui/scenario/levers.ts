/**
 * The editor's view of levers (docs/model.md §2): how they are grouped, what a new one of each kind
 * starts at, and checking an edited scenario with the model's validator before it is applied,
 * so that an invalid value is explained and never saved.
 */
import type { Dataset, LedgerLineId } from '../../model/dataset';
import type { Lever, LeverKind, Scenario } from '../../model/scenario';
import { freeLeverId } from '../../model/scenario';
import type { ValidationIssue } from '../../model/validate';
import { validateScenario } from '../../model/validate-scenario';
import { projectionYears } from '../../model/validate-dataset';
import type { FinancialYear } from '../../model/years';
import { maxOf } from '../../model/extent';

export interface LeverGroup {
	id: 'demand' | 'placements' | 'costs' | 'savings' | 'funding';
	title: string;
	/** What the group is for, in a sentence. */
	hint: string;
	kinds: LeverKind[];
}

export const LEVER_GROUPS: readonly LeverGroup[] = [
	{
		id: 'demand',
		title: 'Demand',
		hint: 'New plans and ceased plans, overall or by age band; total EHC plans growing by a % a year; a number of new plans a year.',
		kinds: ['joiners', 'leavers', 'total_growth', 'new_plans']
	},
	{
		id: 'placements',
		title: 'Placements',
		hint: 'Redirect new placements or moves to another setting; move children already placed; cap a setting’s places.',
		kinds: ['redirect', 'move_placements', 'capacity']
	},
	{
		id: 'costs',
		title: 'Costs',
		hint: 'Unit cost inflation by setting, and one-off changes to HNB spend.',
		kinds: ['unit_cost_inflation', 'one_off_cost']
	},
	{
		id: 'savings',
		title: 'Savings',
		hint: 'How much of each savings line is delivered, and when.',
		kinds: ['savings_delivery']
	},
	{
		id: 'funding',
		title: 'Funding',
		hint: 'Allocation growth, block transfers, General Fund, other blocks, Safety Valve payments and caps.',
		kinds: ['allocation_growth', 'ledger', 'sv_withholding']
	}
];

export const KIND_LABELS: Record<LeverKind, string> = {
	joiners: 'New plans',
	leavers: 'Ceased plans',
	redirect: 'Placement redirect',
	capacity: 'Capacity cap',
	unit_cost_inflation: 'Unit cost inflation',
	one_off_cost: 'One-off cost',
	allocation_growth: 'Allocation growth',
	ledger: 'Funding line',
	savings_delivery: 'Savings delivery',
	sv_withholding: 'Safety Valve withholding',
	total_growth: 'Total EHC plans grow',
	new_plans: 'New plans a year',
	move_placements: 'Move existing placements'
};

/** Ledger lines a funding lever may set, in the order the editor offers them. */
export const LEDGER_LEVER_LINES: readonly Exclude<
	LedgerLineId,
	'hnb_expenditure_before_savings'
>[] = [
	'block_transfers',
	'general_fund_contribution',
	'other_blocks_variance',
	'sv_funding_cumulative',
	'deficit_cap',
	'hnb_allocation',
	'other_spend_inflation',
	'unit_cost_inflation'
];

/** Whether a financial year is pinned (its HNB expenditure given by the scenario or dataset). */
export function isPinned(dataset: Dataset, scenario: Scenario, fy: FinancialYear): boolean {
	const line = 'hnb_expenditure_before_savings';
	return (
		scenario.ledger[line]?.[fy] !== undefined || dataset.finance.lines[line]?.[fy] !== undefined
	);
}

/** The first projected year that is not pinned (levers start there by default), or the first. */
export function firstFreeYearOf(dataset: Dataset, scenario: Scenario): FinancialYear | null {
	const years = projectionYears(dataset);
	return years.find((fy) => !isPinned(dataset, scenario, fy)) ?? years[0] ?? null;
}

/** Base caseload by setting id. */
function caseloadBySetting(dataset: Dataset): Map<string, number> {
	const m = new Map<string, number>();
	for (const c of dataset.baseCaseload) m.set(c.setting, (m.get(c.setting) ?? 0) + c.count.value);
	return m;
}

/** Settings from the dearest placement to the cheapest. */
function byCost(dataset: Dataset): string[] {
	const cost = (id: string) =>
		Math.max(
			0,
			maxOf(
				dataset.unitCosts.filter((u) => u.setting === id),
				(u) => u.cost.value
			)
		);
	return dataset.settings.map((s) => s.id).sort((a, b) => cost(b) - cost(a));
}

function ledgerAt(
	dataset: Dataset,
	scenario: Scenario,
	line: LedgerLineId,
	fy: FinancialYear | null
) {
	if (!fy) return undefined;
	return scenario.ledger[line]?.[fy]?.value ?? dataset.finance.lines[line]?.[fy]?.value;
}

/**
 * A new lever of a kind, set so that it changes nothing yet (or the least), from the first year
 * that is not pinned: the user then moves it.
 * @example newLever('joiners', kingston, baseline) // { kind: 'joiners', multiplier: 1, from: '2022/23', … }
 */
export function newLever(kind: LeverKind, dataset: Dataset, scenario: Scenario): Lever {
	const from = firstFreeYearOf(dataset, scenario);
	const id = freeLeverId(scenario, kind.replace(/_/g, '-'));
	const base = { id, label: '', from, until: null };
	const dear = byCost(dataset);
	switch (kind) {
		case 'joiners':
		case 'leavers':
			return { ...base, kind, multiplier: 1, band: null };
		case 'redirect':
			return {
				...base,
				kind,
				fromSetting: dear[0],
				toSetting: dear[1] ?? dear[0],
				share: 0,
				joiners: true,
				movers: false
			};
		case 'capacity': {
			const setting = dear[1] ?? dear[0];
			const overflow = dear[0] === setting ? (dear[1] ?? setting) : dear[0];
			return {
				...base,
				kind,
				setting,
				capacity: Math.round((caseloadBySetting(dataset).get(setting) ?? 0) * 1.5),
				overflowSetting: overflow
			};
		}
		case 'unit_cost_inflation':
			return {
				...base,
				kind,
				setting: null,
				rate: ledgerAt(dataset, scenario, 'unit_cost_inflation', from) ?? 0.03
			};
		case 'one_off_cost':
			return { ...base, kind, amount: 0, until: from };
		case 'allocation_growth': {
			// The ledger's own average growth over the window, so that the last year's allocation is
			// unchanged when the lever is added.
			const years = projectionYears(dataset);
			const k = from ? years.indexOf(from) : -1;
			const start = k > 0 ? ledgerAt(dataset, scenario, 'hnb_allocation', years[k - 1]) : undefined;
			const end = ledgerAt(dataset, scenario, 'hnb_allocation', years[years.length - 1]);
			const n = years.length - k;
			const rate = start && end && n > 0 ? Number(((end / start) ** (1 / n) - 1).toFixed(4)) : 0;
			return { ...base, kind, rate };
		}
		case 'ledger':
			return {
				...base,
				kind,
				line: 'general_fund_contribution',
				amount: ledgerAt(dataset, scenario, 'general_fund_contribution', from) ?? 0
			};
		case 'savings_delivery':
			return { ...base, kind, line: null, delivery: 1 };
		case 'sv_withholding':
			return { ...base, kind };
		case 'total_growth':
			return { ...base, kind, rate: lastGrowth(dataset) };
		case 'new_plans': {
			const last = lastNewPlans(dataset);
			return last === null
				? { ...base, kind, basis: 'change', value: 0 }
				: { ...base, kind, basis: 'count', value: last };
		}
		case 'move_placements':
			return {
				...base,
				kind,
				fromSetting: dear[0],
				toSetting: dear[1] ?? dear[0],
				share: 0,
				phaseTransferOnly: false,
				until: from
			};
	}
}

/** The growth of the January total over the dataset's last two censuses (0 when unknown), to 0.1%. */
function lastGrowth(dataset: Dataset): number {
	const totals = [...dataset.history.caseloadTotal].sort((a, b) => a.year - b.year);
	const [a, b] = totals.slice(-2);
	if (!a || !b || !(a.count.value > 0) || b.year !== a.year + 1) return 0;
	return Number((b.count.value / a.count.value - 1).toFixed(3));
}

/** New plans the dataset observed in its latest calendar year, or null when it has none. */
export function lastNewPlans(dataset: Dataset): number | null {
	const rows = dataset.history.newPlansByAgeBand;
	if (rows.length === 0) return null;
	const year = Math.max(...rows.map((r) => r.year));
	return Math.round(rows.filter((r) => r.year === year).reduce((t, r) => t + r.count.value, 0));
}

/** The value a funding line has in the first year a lever would set it: its starting amount. */
export function ledgerStart(
	dataset: Dataset,
	scenario: Scenario,
	line: LedgerLineId,
	from: FinancialYear | null
): number {
	return ledgerAt(dataset, scenario, line, from ?? firstFreeYearOf(dataset, scenario)) ?? 0;
}

export type CheckResult =
	{ ok: true; scenario: Scenario } | { ok: false; errors: ValidationIssue[] };

/**
 * Checks an edited scenario against its dataset with the model's validator.
 * @example const r = checkEdit(candidate, dataset); if (r.ok) workbench.edit(r.scenario);
 */
export function checkEdit(candidate: Scenario, dataset: Dataset): CheckResult {
	const r = validateScenario(candidate, dataset);
	return r.ok ? { ok: true, scenario: r.value } : { ok: false, errors: r.errors };
}

/** The errors about a part of the scenario (a path prefix such as ['levers', 2]). */
export function errorsUnder(
	errors: readonly ValidationIssue[],
	prefix: (string | number)[]
): ValidationIssue[] {
	return errors.filter((e) => prefix.every((k, i) => e.path[i] === k));
}
