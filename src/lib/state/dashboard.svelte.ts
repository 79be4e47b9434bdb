/**
 * The dashboard's workflow: which scenarios are shown (at most `MAX_SHOWN`, the first ones by
 * default), the Monte Carlo asked for them, and each one's deficit, cap, headroom, first breach
 * and — once simulated — band and chance of a breach (docs/model.md §4).
 *
 * The page composes this with its components; it holds no logic of its own.
 *
 * @example
 * const board = new Dashboard(getWorkbench(), getSimulation());
 * $effect(() => board.request());
 * board.rows[0].firstBreach; // '2022/23', or null
 */
import { hasNoFinance } from '../model/stand-in-finance';
import { metricValues, statisticSeries } from '../model/results';
import { shownIds, shownNote, toggleShown } from './shown';
import { requestSimulations, type SimulationState } from './simulation.svelte';
import type { WorkbenchState } from './workbench.svelte';

export class Dashboard {
	readonly workbench: WorkbenchState;
	readonly sim: SimulationState;

	/** The ids ticked; null: the first `MAX_SHOWN`. */
	chosen = $state<string[] | null>(null);

	constructor(workbench: WorkbenchState, sim: SimulationState) {
		this.workbench = workbench;
		this.sim = sim;
	}

	readonly dataset = $derived.by(() => this.workbench.dataset);
	readonly authority = $derived.by(() => this.dataset?.authority.name ?? '');
	/** witan.send inputs carry no finance: their deficit and cap are stand-ins, not worth a chart. */
	readonly noFinance = $derived.by(() => (this.dataset ? hasNoFinance(this.dataset) : false));
	/** The scenarios with results, in the dataset's order. */
	readonly all = $derived.by(() =>
		this.workbench.scenarios.map((r) => r.scenario).filter((s) => this.workbench.results[s.id])
	);
	readonly shownIds = $derived.by(() =>
		shownIds(
			this.all.map((s) => s.id),
			this.chosen
		)
	);
	readonly shown = $derived.by(() => this.all.filter((s) => this.shownIds.includes(s.id)));
	/** Says how many of how many are shown, when not all are. */
	readonly note = $derived.by(() => shownNote(this.shown.length, this.all.length));
	readonly first = $derived.by(() =>
		this.all.length ? this.workbench.results[this.all[0].id] : null
	);
	readonly years = $derived.by(() => this.first?.years ?? []);

	/** Ticks (`on`) or unticks a scenario; ticking past `MAX_SHOWN` changes nothing. */
	toggle(id: string, on: boolean): void {
		this.chosen = toggleShown(
			this.shown.map((s) => s.id),
			id,
			on
		);
	}

	/** Asks for the Monte Carlo of the scenarios shown (call in an `$effect`). */
	request(): void {
		requestSimulations(this.sim, this.dataset, this.shown);
	}

	/** Each scenario shown: its figures by financial year, first breach and simulation. */
	readonly rows = $derived.by(() =>
		this.shown.map((s) => {
			const r = this.workbench.results[s.id];
			const summary = this.dataset ? this.sim.summary(this.dataset, s) : undefined;
			const headroom = metricValues(r, 'headroom');
			return {
				scenario: s,
				deficit: metricValues(r, 'cumulative_deficit_before_sv'),
				cap: metricValues(r, 'deficit_cap'),
				headroom,
				// The engine refuses non-finite results (engine/non-finite.ts); should one get here
				// all the same, no verdict is drawn from it: NaN compares false with the cap.
				computable: headroom.every(Number.isFinite),
				ehcps: metricValues(r, 'ehcp_total'),
				firstBreach: r.firstBreach >= 0 ? r.years[r.firstBreach] : null,
				summary,
				band: summary
					? {
							low: statisticSeries(summary, 'cumulative_deficit_before_sv', 'p5'),
							high: statisticSeries(summary, 'cumulative_deficit_before_sv', 'p95')
						}
					: null
			};
		})
	);
	readonly cap = $derived.by(
		() => this.rows[0]?.cap ?? (this.first ? metricValues(this.first, 'deficit_cap') : [])
	);
	/** The deficit chart's lines, each with its band once simulated. */
	readonly chartSeries = $derived.by(() =>
		this.rows.map((r) => ({
			id: r.scenario.id,
			label: r.scenario.name,
			colour: r.scenario.colour,
			values: r.deficit,
			band: r.band
		}))
	);
	/** Some scenario shown has been simulated (the P(breach) column appears). */
	readonly simulated = $derived.by(() => this.rows.some((r) => r.summary));
}
