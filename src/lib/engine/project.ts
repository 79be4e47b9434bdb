/**
 * Runs a compiled scenario: one trajectory of the cohort model followed by costs and the finance
 * roll-forward, every metric of docs/model.md §6 written into a metric × step matrix. The same code
 * serves the expected-value projection (expectedSampler) and each Monte Carlo simulation (a
 * seeded random sampler), so every roll-up — totals, costs, deficit, breach — is computed inside
 * each simulation.
 */
import { AGE_BANDS, ageBandOfNcy } from '../model/categories';
import type { AgeBandId } from '../model/categories';
import { rollForward } from './finance';
import { metricRow } from './metrics';
import type { StepFlows } from './population';
import { createScratch, createStepFlows, stepPopulation } from './population';
import type { Sampler } from './sampler';
import { assertFiniteResult } from './non-finite';
import { expectedSampler } from './sampler';
import type { CompiledScenario } from './scenario';
import { deviateSteps, type DeviatedSteps, type Deviations } from './uncertainty';

/** Buffers reused across trajectories of one compiled scenario. */
export interface Workspace {
	stock: Float64Array;
	flows: StepFlows;
	scratch: Float64Array;
	placement: Float64Array;
	/** Band row offset per state (index into AGE_BANDS). */
	bandOfState: Int8Array;
	/** Caseload by setting index and by age band of the step being rolled up. */
	bySetting: Float64Array;
	byBand: Float64Array;
	/** Placement cost by setting index of the step being rolled up, £. */
	costBySetting: Float64Array;
	/** Step parameters with a simulation's persistent deviations (uncertainty.ts), made on use. */
	deviated: DeviatedSteps | null;
}

export function createWorkspace(c: CompiledScenario): Workspace {
	const bandIds: AgeBandId[] = AGE_BANDS.map((b) => b.id);
	const bandOfState = new Int8Array(c.space.size);
	for (let s = 0; s < c.space.size; s++) {
		// witan.send data may hold NCYs outside ages 0–25; they count in no age band.
		try {
			bandOfState[s] = bandIds.indexOf(ageBandOfNcy(c.space.ncy[s]));
		} catch {
			bandOfState[s] = -1;
		}
	}
	return {
		stock: new Float64Array(c.space.size),
		flows: createStepFlows(c.space.size),
		scratch: createScratch(c.space),
		placement: new Float64Array(c.steps.length),
		bandOfState,
		bySetting: new Float64Array(c.space.settings.length),
		byBand: new Float64Array(AGE_BANDS.length),
		costBySetting: new Float64Array(c.space.settings.length),
		deviated: null
	};
}

export interface TrajectoryObserver {
	/** Called after each step with the step index and its flows (flows.next = the new stock). */
	step(k: number, flows: StepFlows): void;
}

/**
 * Runs one trajectory and writes every metric into `values` at `offset` (row-major: metric row ×
 * steps + step). A Monte Carlo simulation passes its persistent `deviations` (uncertainty.ts). Returns the index of the first step whose cumulative deficit breaches its cap,
 * or −1.
 * @example
 * const values = new Float64Array(c.layout.defs.length * c.steps.length);
 * runTrajectory(c, expectedSampler, values, 0, createWorkspace(c));
 */
export function runTrajectory(
	c: CompiledScenario,
	sampler: Sampler,
	values: Float64Array,
	offset: number,
	ws: Workspace,
	observer?: TrajectoryObserver,
	deviations?: Deviations
): number {
	const H = c.steps.length;
	const L = c.layout;
	const put = (row: number, k: number, v: number) => {
		values[offset + row * H + k] = v;
	};
	const rTotal = metricRow(L, 'ehcp_total');
	const rJoin = metricRow(L, 'ehcp_joiners');
	const rLeave = metricRow(L, 'ehcp_leavers');
	const rMove = metricRow(L, 'ehcp_movers');
	const { settingRows, bandRows, costSettingRows } = L;
	const { setting } = c.space;
	const { bandOfState, bySetting, byBand, costBySetting } = ws;
	ws.stock.set(c.base);
	let steps = c.steps;
	if (deviations) {
		ws.deviated = deviateSteps(c.steps, deviations, ws.deviated);
		steps = ws.deviated.steps;
	}
	for (let k = 0; k < H; k++) {
		stepPopulation(c.space, steps[k], ws.stock, sampler, ws.flows, ws.scratch, k > 0);
		const { next, joiners, leavers, moversOut, touched, touchedCount } = ws.flows;
		ws.stock.set(next);
		// One pass over the touched states (every state with a non-zero flow, ascending) for every
		// census roll-up. Each sum adds them in index order from 0, as total() and placementCost()
		// add every state (the others add zeros), so the values are the same bit for bit.
		const unitCost = c.unitCosts[k];
		let stock = 0;
		let joined = 0;
		let left = 0;
		let moved = 0;
		let cost = 0;
		bySetting.fill(0);
		byBand.fill(0);
		costBySetting.fill(0);
		for (let i = 0; i < touchedCount; i++) {
			const s = touched[i];
			const n = next[s];
			stock += n;
			joined += joiners[s];
			left += leavers[s];
			moved += moversOut[s];
			const spend = n * unitCost[s];
			cost += spend;
			if (n === 0) continue;
			bySetting[setting[s]] += n;
			// The same terms as `cost`, grouped by setting: the rows add up to placement_cost
			// (to floating-point rounding, far below a penny).
			costBySetting[setting[s]] += spend;
			const b = bandOfState[s];
			if (b >= 0) byBand[b] += n;
		}
		put(rTotal, k, stock);
		put(rJoin, k, joined);
		put(rLeave, k, left);
		put(rMove, k, moved);
		for (let i = 0; i < settingRows.length; i++) put(settingRows[i], k, bySetting[i]);
		for (let b = 0; b < bandRows.length; b++) put(bandRows[b], k, byBand[b]);
		for (let i = 0; i < costSettingRows.length; i++) put(costSettingRows[i], k, costBySetting[i]);
		ws.placement[k] = cost;
		observer?.step(k, ws.flows);
	}
	return rollFinance(c, ws.placement, values, offset);
}

/** The finance roll-forward of one trajectory; returns the first breach step or −1. */
function rollFinance(
	c: CompiledScenario,
	placement: Float64Array,
	values: Float64Array,
	offset: number
): number {
	const H = c.steps.length;
	const L = c.layout;
	const f = c.finance;
	const row = (name: string) => offset + metricRow(L, name) * H;
	const r = {
		placement: row('placement_cost'),
		alloc: row('hnb_allocation'),
		transfers: row('block_transfers'),
		budget: row('total_budget'),
		before: row('hnb_expenditure_before_savings'),
		savings: row('savings_total'),
		after: row('hnb_expenditure_after_savings'),
		net: row('net_hnb_deficit'),
		other: row('other_blocks_variance'),
		gf: row('general_fund_contribution'),
		inYear: row('in_year_dsg_deficit'),
		cumBefore: row('cumulative_deficit_before_sv'),
		sv: row('sv_funding_cumulative'),
		cumAfter: row('cumulative_deficit_after_sv'),
		cap: row('deficit_cap'),
		headroom: row('headroom'),
		breached: row('cap_breached')
	};
	let cumulative = f.opening;
	let sv = 0;
	let svAgreedBefore = 0;
	let breachedBefore = false;
	let firstBreach = -1;
	const delivered = new Array<number>(f.savings.length);
	for (let k = 0; k < H; k++) {
		const expenditure = f.pinned[k]
			? f.pinnedExpenditure[k]
			: placement[k] + f.otherSpend[k] + f.oneOff[k];
		for (let i = 0; i < f.savings.length; i++) delivered[i] = f.structural[i] ? 0 : f.savings[i][k];
		// Withholding: after a breach, the next instalment (the rise in agreed funding) is not paid.
		const agreed = f.svFundingCumulative[k];
		const instalment = agreed - (k === 0 ? agreed : svAgreedBefore);
		sv = k === 0 ? agreed : sv + (f.svWithholding && breachedBefore ? 0 : instalment);
		svAgreedBefore = agreed;
		const y = rollForward(
			cumulative,
			{
				hnbAllocation: f.hnbAllocation[k],
				blockTransfers: f.blockTransfers[k],
				expenditureBeforeSavings: expenditure,
				savings: delivered,
				otherBlocksVariance: f.otherBlocksVariance[k],
				generalFund: f.generalFund[k],
				svFundingCumulative: sv,
				cap: f.cap[k]
			},
			sv
		);
		cumulative = y.cumulativeBeforeSv;
		breachedBefore = y.breached;
		if (y.breached && firstBreach < 0) firstBreach = k;
		values[r.placement + k] = placement[k];
		values[r.alloc + k] = f.hnbAllocation[k];
		values[r.transfers + k] = f.blockTransfers[k];
		values[r.budget + k] = y.totalBudget;
		values[r.before + k] = expenditure;
		values[r.savings + k] = y.savingsTotal;
		for (let i = 0; i < f.savings.length; i++) {
			values[offset + c.layout.savingsRows[i] * H + k] = f.savings[i][k];
		}
		values[r.after + k] = y.expenditureAfterSavings;
		values[r.net + k] = y.netHnbDeficit;
		values[r.other + k] = f.otherBlocksVariance[k];
		values[r.gf + k] = f.generalFund[k];
		values[r.inYear + k] = y.inYearDsgDeficit;
		values[r.cumBefore + k] = y.cumulativeBeforeSv;
		values[r.sv + k] = y.svFundingCumulative;
		values[r.cumAfter + k] = y.cumulativeAfterSv;
		values[r.cap + k] = f.cap[k];
		values[r.headroom + k] = y.headroom;
		values[r.breached + k] = y.breached ? 1 : 0;
	}
	return firstBreach;
}

/** The expected-value projection of a compiled scenario, with stocks and flows kept per step. */
export interface ExpectedProjection {
	values: Float64Array;
	firstBreach: number;
	/** Stock by state at the base census and after each step. */
	stocks: Float64Array[];
	flows: {
		joiners: Float64Array;
		leavers: Float64Array;
		moversOut: Float64Array;
		moversIn: Float64Array;
	}[];
}

/**
 * The expected-value projection (docs/model.md §2): the recursion with every draw replaced by its
 * mean. This is what a slider drag recomputes. Throws a NonFiniteResultError (non-finite.ts)
 * naming the metric and year when a value is NaN or ±Infinity.
 * @example const p = projectExpected(compiled); p.values // metric × step
 */
export function projectExpected(c: CompiledScenario): ExpectedProjection {
	const values = new Float64Array(c.layout.defs.length * c.steps.length);
	const stocks: Float64Array[] = [Float64Array.from(c.base)];
	const flows: ExpectedProjection['flows'] = [];
	const firstBreach = runTrajectory(c, expectedSampler, values, 0, createWorkspace(c), {
		step(_k, f) {
			stocks.push(Float64Array.from(f.next));
			flows.push({
				joiners: Float64Array.from(f.joiners),
				leavers: Float64Array.from(f.leavers),
				moversOut: Float64Array.from(f.moversOut),
				moversIn: Float64Array.from(f.moversIn)
			});
		}
	});
	// A NaN deficit compares false with the cap and would read as "under the cap": refuse it.
	assertFiniteResult(c, values);
	return { values, firstBreach, stocks, flows };
}

/** One metric's values per step from a result matrix. */
export function metricSeries(
	c: CompiledScenario,
	values: Float64Array,
	name: string,
	offset = 0
): number[] {
	const H = c.steps.length;
	const row = metricRow(c.layout, name);
	return Array.from(values.subarray(offset + row * H, offset + (row + 1) * H));
}
