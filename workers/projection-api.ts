/**
 * The projection worker's API, kept apart from the worker entry point so it can be tested
 * in-process (Node, Vitest) exactly as the worker runs it. A thin layer over the engine: it
 * holds the prepared dataset between calls so a slider drag only recompiles the scenario, and
 * keeps compiled scenarios so that the worker pool's chunks of one Monte Carlo run compile once.
 */
import { transfer } from 'comlink';
import type { Actuals } from '../src/lib/model/actuals';
import type { Dataset, EstimatorId } from '../src/lib/model/dataset';
import type { Scenario } from '../src/lib/model/scenario';
import type { RunMeta } from '../src/lib/model/results';
import { runMeta } from '../src/lib/engine/monte-carlo';
import { createWorkspace, type Workspace } from '../src/lib/engine/project';
import type { CompiledScenario } from '../src/lib/engine/scenario';
import type { SimulationBlock } from '../src/lib/engine/simulate';
import { simulate } from '../src/lib/engine/simulate';
import type { PreparedDataset } from '../src/lib/engine/workbench';
import type { ScenarioResult } from '../src/lib/model/results';
import { compile, prepareDataset, runExpected } from '../src/lib/engine/workbench';
import type { DsgGrid } from '../src/lib/io/dsg-grid';
import { dsgGrid } from '../src/lib/io/dsg-grid';
import { projectExpected } from '../src/lib/engine/project';
import type { GoalSeekOptions, GoalSeekResult, GoalSeekTarget } from '../src/lib/engine/goal-seek';
import { goalSeek } from '../src/lib/engine/goal-seek';
import type { SensitivityOptions, SensitivityResult } from '../src/lib/engine/sensitivity';
import { sensitivity } from '../src/lib/engine/sensitivity';
import { applyActuals } from '../src/lib/engine/rebase';

export interface PreparedSummary {
	datasetId: string;
	defaultEstimator: EstimatorId;
	estimatorReason: string;
	method: 'aggregates' | 'transitions';
	notes: string[];
	warnings: string[];
	baseCensus: number;
	baseTotal: number;
}

/** A dataset with actuals recorded, and its scenarios re-based on them. */
export interface ActualsApplied {
	dataset: Dataset;
	scenarios: Scenario[];
	notes: string[];
}

/** Simulations [from, to) of one scenario, with what the run is of. */
export interface SimulatedScenario {
	meta: RunMeta;
	block: SimulationBlock;
}

/** Why a dataset or one of its scenarios cannot be projected (`check`). */
export interface ProjectionProblem {
	/** The scenario's name, or null when the dataset itself cannot be estimated. */
	scenario: string | null;
	message: string;
}

export interface ProjectionApi {
	/** Estimates the dataset's demand model; later calls reuse it until another dataset comes. */
	prepare(dataset: Dataset): PreparedSummary;
	/** Expected-value projections of scenarios over the prepared dataset, in the given order. */
	runExpected(scenarios: Scenario[]): ScenarioResult[];
	/**
	 * Records actuals in a dataset and re-bases its scenarios on them (engine/rebase.ts
	 * `applyActuals`): the dataset with the actuals, its scenarios re-based (the plan, `planId`,
	 * kept as it was) and notes saying what changed. The prepared dataset is reused when it is
	 * `dataset`; another dataset is estimated for this call alone.
	 */
	applyActuals(
		dataset: Dataset,
		scenarios: Scenario[],
		planId: string | null,
		actuals: Actuals
	): ActualsApplied;
	/**
	 * Whether a dataset and its scenarios can be projected, before they are saved (an import, the
	 * new dataset wizard): estimates the dataset apart from the one prepared and runs each
	 * scenario's expected projection. Returns what went wrong, scenario by scenario (empty: all
	 * can be projected); a dataset that cannot be estimated is one problem with no scenario.
	 */
	check(dataset: Dataset, scenarios: Scenario[]): ProjectionProblem[];
	/** The DSG management plan grid (EHCPs by category × age band × census) of a scenario. */
	dsgGrid(scenario: Scenario): DsgGrid;
	/** Goal seek (engine/goal-seek.ts) on a scenario over the prepared dataset. */
	goalSeek(scenario: Scenario, target: GoalSeekTarget, options: GoalSeekOptions): GoalSeekResult;
	/** The tornado of a scenario's end-of-horizon deficit (engine/sensitivity.ts). */
	sensitivity(scenario: Scenario, options: SensitivityOptions): SensitivityResult;
	/**
	 * Monte Carlo simulations [from, to) of each scenario with `seed` (simulate.ts: simulation i
	 * uses stream i, so any split gives the same values). A scenario is given whole, or by the id
	 * of one given earlier since the last `prepare`. The typed arrays are transferred, not copied,
	 * when called through comlink.
	 */
	simulate(
		scenarios: (Scenario | string)[],
		from: number,
		to: number,
		seed: number
	): SimulatedScenario[];
}

export function createProjectionApi(): ProjectionApi {
	let prepared: PreparedDataset | null = null;
	/** The prepared dataset as JSON, to tell whether a dataset given is the one prepared. */
	let preparedJson: string | null = null;
	const need = (what: string) => {
		if (!prepared) throw new Error(`${what}: no dataset is prepared; call prepare(dataset) first`);
		return prepared;
	};
	// Compiled scenarios by id, with the JSON they were compiled from: a changed scenario under
	// the same id is compiled again.
	const compiled = new Map<string, { json: string; c: CompiledScenario; ws: Workspace }>();
	const compiledFor = (p: PreparedDataset, s: Scenario | string) => {
		if (typeof s === 'string') {
			const hit = compiled.get(s);
			if (!hit) {
				throw new Error(
					`simulate: no scenario with id "${s}" has been given to this worker since the dataset was prepared; pass the scenario itself`
				);
			}
			return hit;
		}
		const json = JSON.stringify(s);
		const hit = compiled.get(s.id);
		if (hit && hit.json === json) return hit;
		const c = compile(p, s);
		const entry = { json, c, ws: createWorkspace(c) };
		compiled.set(s.id, entry);
		return entry;
	};
	return {
		prepare(dataset) {
			compiled.clear();
			prepared = prepareDataset(dataset);
			preparedJson = JSON.stringify(dataset);
			const d = prepared.demand;
			return {
				datasetId: dataset.id,
				defaultEstimator: prepared.defaultEstimator,
				estimatorReason: prepared.estimatorReason,
				method: d.method,
				notes: d.notes,
				warnings: d.warnings,
				baseCensus: d.baseCensus,
				baseTotal: d.base.reduce((a, b) => a + b, 0)
			};
		},
		runExpected(scenarios) {
			const p = need('runExpected');
			return scenarios.map((s) => runExpected(p, s));
		},
		applyActuals(dataset, scenarios, planId, actuals) {
			const p =
				prepared && preparedJson === JSON.stringify(dataset) ? prepared : prepareDataset(dataset);
			return applyActuals({ prepared: p, scenarios, planId, actuals });
		},
		goalSeek(scenario, target, options) {
			return goalSeek(need('goalSeek'), scenario, target, options);
		},
		sensitivity(scenario, options) {
			const p = need('sensitivity');
			return sensitivity(p, scenario, p.dataset, options);
		},
		check(dataset, scenarios) {
			let p: PreparedDataset;
			try {
				p = prepareDataset(dataset);
			} catch (e) {
				return [{ scenario: null, message: (e as Error).message }];
			}
			const problems: ProjectionProblem[] = [];
			for (const s of scenarios) {
				try {
					runExpected(p, s);
				} catch (e) {
					problems.push({ scenario: s.name, message: (e as Error).message });
				}
			}
			return problems;
		},
		dsgGrid(scenario) {
			const c = compile(need('dsgGrid'), scenario);
			return dsgGrid(c, projectExpected(c));
		},
		simulate(scenarios, from, to, seed) {
			const p = need('simulate');
			const out = scenarios.map((s) => {
				const { c, ws } = compiledFor(p, s);
				return { meta: runMeta(c), block: simulate(c, from, to, seed, { workspace: ws }) };
			});
			return transfer(
				out,
				out.flatMap((r) => [r.block.values.buffer, r.block.firstBreach.buffer])
			);
		}
	};
}
