/**
 * The two scenarios the Report and Monitoring pages compare: the financial plan and the
 * projection, by role until the user chooses others (`monitoringPair`, report-data.ts), with
 * their results.
 *
 * @example
 * const pair = new ScenarioPair(getWorkbench());
 * pair.projectionId = 'baseline-trend'; pair.projectionResult; // its projection
 */
import { monitoringPair } from './report-data';
import type { WorkbenchState } from './workbench.svelte';

export class ScenarioPair {
	readonly workbench: WorkbenchState;
	/** The scenarios chosen; null: by role. */
	planId = $state<string | null>(null);
	projectionId = $state<string | null>(null);

	constructor(workbench: WorkbenchState) {
		this.workbench = workbench;
	}

	readonly scenarios = $derived.by(() => this.workbench.scenarios.map((r) => r.scenario));
	readonly #pair = $derived.by(() =>
		monitoringPair(this.scenarios, this.planId, this.projectionId)
	);
	readonly plan = $derived.by(() => this.#pair.plan);
	readonly projection = $derived.by(() => this.#pair.projection);
	readonly planResult = $derived.by(() =>
		this.plan ? this.workbench.results[this.plan.id] : undefined
	);
	readonly projectionResult = $derived.by(() =>
		this.projection ? this.workbench.results[this.projection.id] : undefined
	);
}
