/**
 * Where this workbench and witan.send part ways (docs/model.md §2, step 1): a child in the last
 * year of their setting (the setting has no state at the next NCY for their need) who neither
 * leaves nor moves **moves on** here — to the settings open to them at the next NCY, by the mover
 * mix — so that nobody vanishes unrecorded. witan.send has no such rule: such a child ages into a
 * state that is not valid and drops out of its projection. The two therefore differ, each year,
 * by the children this rule keeps (and, in later years, by what becomes of them).
 *
 * This module measures that difference in a run: for each projected census, the mean over the
 * run's simulations of the children moved on that way, in all and by the setting they left. In
 * a simulation, with n children in such a state at the start of the step and L of them leaving,
 * the movers among the n − L follow the state's mover rate pM, so the children moved on by the
 * rule number (n − L)(1 − pM) on average; this is averaged over simulations (n and L are the
 * simulation's own). With one simulation of the expected sampler it is the expected projection's
 * figure exactly.
 */
import { betaMean, type StepParams } from './params';
import type { StepFlows } from './population';
import type { StateSpace } from './space';

/** Children moved on past their setting's last year, in one projected step. */
export interface MovedOnYear {
	/** The census that ends the step (January). */
	census: number;
	/** Mean over simulations of the children moved on by the rule, in all. */
	children: number;
	/** The same by the setting they left, largest first (settings with none left out). */
	bySetting: { setting: string; children: number }[];
}

/** What a counter needs of a model: its space, its steps and the census ending each. */
export interface MovedOnModel {
	space: StateSpace;
	steps: StepParams[];
	censuses: number[];
}

export interface MovedOnCounter {
	/** Call after every step of every simulation (`WitanRunOptions.visit`). */
	visit(sim: number, step: number, before: Float64Array, flows: StepFlows): void;
	/** Means over the simulations visited, one row per projected census. */
	result(): MovedOnYear[];
}

/**
 * The states, per step, whose setting ends at the next NCY but which have somewhere to move on to
 * (the others leave, in both models), with each one's mover rate.
 */
function endingStates(model: MovedOnModel): { state: number; moverRate: number }[][] {
	const { space } = model;
	return model.steps.map((params) => {
		const out: { state: number; moverRate: number }[] = [];
		for (let s = 0; s < space.size; s++) {
			if (space.agedOn[s] >= 0 || params.moverDest[s] === null) continue;
			const a = params.moverAlpha[s];
			out.push({ state: s, moverRate: a > 0 ? betaMean(a, params.moverBeta[s]) : 0 });
		}
		return out;
	});
}

/**
 * A counter of the children moved on past their setting's last year, to pass to a witan run's
 * `visit` (see the module notes).
 * @example
 * const counter = movedOnCounter(model);
 * runWitanModel(model, { sims: 1000, seed: 50, visit: counter.visit });
 * counter.result()[0] // { census: 2018, children: 12.4, bySetting: [{ setting: 'MMSIB', children: 9.1 }, …] }
 */
export function movedOnCounter(model: MovedOnModel): MovedOnCounter {
	const { space, censuses } = model;
	if (censuses.length !== model.steps.length) {
		throw new Error(
			`movedOnCounter: expected one census per step, got ${censuses.length} censuses for ${model.steps.length} steps`
		);
	}
	const ending = endingStates(model);
	const S = space.settings.length;
	// Sums over simulations, by step and setting left.
	const sums = model.steps.map(() => new Float64Array(S));
	const seen = new Set<number>();
	return {
		visit(sim, step, before, flows) {
			seen.add(sim);
			const row = sums[step];
			for (const { state, moverRate } of ending[step]) {
				const n = before[state];
				if (n <= 0) continue;
				const stayers = Math.max(0, n - flows.leavers[state]);
				row[space.setting[state]] += stayers * (1 - moverRate);
			}
		},
		result() {
			const N = Math.max(1, seen.size);
			return censuses.map((census, k) => {
				const bySetting = space.settings
					.map((s, i) => ({ setting: s.id, children: sums[k][i] / N }))
					.filter((x) => x.children > 0)
					.sort((a, b) => b.children - a.children);
				return {
					census,
					children: bySetting.reduce((t, x) => t + x.children, 0),
					bySetting
				};
			});
		}
	};
}

/** The children moved on over a run, in a few figures for a sentence. */
export interface MovedOnSummary {
	/** Number of projected years. */
	years: number;
	/** Children moved on over all the years (means of the simulations, added up). */
	total: number;
	/** total / years. */
	perYear: number;
	/** The years with the fewest and the most. */
	least: MovedOnYear;
	most: MovedOnYear;
	/** Settings left, over all the years, largest first. */
	bySetting: { setting: string; children: number }[];
}

/**
 * A run's children moved on past their setting's last year, summed up; null when there are no
 * projected years.
 * @example movedOnSummary(run.movedOn)?.perYear // 11.8
 */
export function movedOnSummary(rows: readonly MovedOnYear[]): MovedOnSummary | null {
	if (rows.length === 0) return null;
	const total = rows.reduce((t, r) => t + r.children, 0);
	const settings = new Map<string, number>();
	for (const r of rows) {
		for (const x of r.bySetting)
			settings.set(x.setting, (settings.get(x.setting) ?? 0) + x.children);
	}
	return {
		years: rows.length,
		total,
		perYear: total / rows.length,
		least: rows.reduce((a, r) => (r.children < a.children ? r : a)),
		most: rows.reduce((a, r) => (r.children > a.children ? r : a)),
		bySetting: [...settings]
			.map(([setting, children]) => ({ setting, children }))
			.sort((a, b) => b.children - a.children)
	};
}
