/**
 * The board pack's forward look as the Report page generates it (docs/model.md §5.5): the
 * results it reads are gathered here — the expected projections at hand, the Monte Carlo of the
 * report's two scenarios (the shared background simulation, in its worker pool) and the
 * sensitivity of the projection (the projection worker, as the scenario editor's tornado) — and
 * model/forward-look.ts writes the words. Nothing heavy runs on the page's thread.
 *
 * @example
 * const pack = new BoardPackSource(getWorkbench(), getSimulation());
 * $effect(() => pack.follow(dataset, plan, projection));
 * pack.generated(results, projection.id); // the text, updated as runs finish
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import type { ScenarioResult } from '../model/results';
import { forwardLook, type ForwardLookDrivers } from '../model/forward-look';
import type { SimulationState } from './simulation.svelte';
import type { WorkbenchState } from './workbench.svelte';

/** The relative change the forward look's drivers are measured at (±10%, the tornado's default). */
export const DRIVER_CHANGE = 0.1;

/** How long edits must pause before the sensitivity reruns, ms. */
const SETTLE_MS = 400;

export class BoardPackSource {
	/** The projection's sensitivity, or null while it runs (or when it failed: see `error`). */
	drivers = $state.raw<ForwardLookDrivers | null>(null);
	error = $state<string | null>(null);

	#workbench: WorkbenchState;
	#simulation: SimulationState;
	#dataset: Dataset | null = null;
	#ticket = 0;

	constructor(workbench: WorkbenchState, simulation: SimulationState) {
		this.#workbench = workbench;
		this.#simulation = simulation;
	}

	/**
	 * Asks for what the forward look reads of the report's scenarios: their Monte Carlo and the
	 * projection's sensitivity. Call from an effect; the returned function cancels a pending run.
	 */
	follow(
		dataset: Dataset | null,
		plan: Scenario | undefined,
		projection: Scenario | undefined
	): () => void {
		this.#dataset = dataset;
		if (!dataset || !projection) return () => {};
		const wanted = [plan, projection].filter(
			(s, i, a): s is Scenario => s !== undefined && a.indexOf(s) === i
		);
		this.#simulation.request(dataset, wanted);
		const scenario = $state.snapshot(projection) as Scenario;
		const mine = ++this.#ticket;
		const timer = setTimeout(async () => {
			try {
				const r = await this.#workbench.sensitivity(scenario, { change: DRIVER_CHANGE });
				if (mine === this.#ticket) {
					this.drivers = r;
					this.error = null;
				}
			} catch (e) {
				if (mine === this.#ticket) {
					this.drivers = null;
					this.error = e instanceof Error ? e.message : String(e);
				}
			}
		}, SETTLE_MS);
		return () => clearTimeout(timer);
	}

	/**
	 * The forward look of these results, about the scenario `focusId`, from what has finished:
	 * sentences for runs still going say so.
	 */
	generated(
		results: readonly ScenarioResult[],
		scenarios: readonly Scenario[],
		focusId: string | null
	): string {
		if (results.length === 0) return '';
		const simulations = Object.fromEntries(
			scenarios.map((s) => [s.id, this.#simulation.summary(this.#dataset, s)])
		);
		const focus = results.some((r) => r.scenarioId === focusId) ? focusId : null;
		return forwardLook({ results, focusId: focus, simulations, drivers: this.drivers });
	}
}
