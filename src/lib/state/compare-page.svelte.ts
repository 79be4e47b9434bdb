/**
 * The Compare page's workflow: which scenarios are compared (at most `MAX_SHOWN`, the first ones
 * by default) and which is the reference; named selections saved per dataset; the Monte Carlo
 * asked for the scenarios shown; and the figures compared (docs/model.md §4) with their bands once
 * simulated.
 *
 * The selection is kept by the page in its address (`?ids=a,b&ref=a`), so that a reload or a
 * shared link keeps it: the workflow starts from it and calls `remember` on every change.
 *
 * @example
 * const flow = new CompareWorkflow(getWorkbench(), getSimulation(), { ids: [], ref: '' }, save);
 * $effect(() => flow.request());
 * flow.tables; // the comparison tables of the scenarios shown
 */
import { metricValues, statisticSeries } from '../model/results';
import { compareTables, type CompareInput } from './compare-data';
import { loadSets, removeSet, saveSet, type ScenarioSetRecord } from './saved-sets';
import { shownIds, shownNote, toggleShown } from './shown';
import { requestSimulations, type SimulationState } from './simulation.svelte';
import type { WorkbenchState } from './workbench.svelte';

/** The selection as the page's address keeps it. */
export interface CompareSelection {
	/** The ids ticked; null: none chosen yet, so the first `MAX_SHOWN`; []: every one unticked. */
	ids: string[] | null;
	/** The reference scenario's id; '' for the first shown. */
	ref: string;
}

/**
 * The selection an address holds: no `ids` means none chosen yet (the default), an empty `ids=`
 * means every scenario unticked, which is shown as such and not as the default.
 * @example selectionFromAddress(new URLSearchParams('ids=')) // { ids: [], ref: '' }
 */
export function selectionFromAddress(params: URLSearchParams): CompareSelection {
	const ids = params.get('ids');
	return {
		ids: ids === null ? null : ids.split(',').filter(Boolean),
		ref: params.get('ref') ?? ''
	};
}

/**
 * The address's query (after the '?') for a selection (the inverse of `selectionFromAddress`).
 * @example selectionQuery({ ids: ['a', 'b'], ref: 'a' }) // 'ids=a,b&ref=a'
 */
export function selectionQuery({ ids, ref }: CompareSelection): string {
	const parts = [
		...(ids === null ? [] : [`ids=${ids.map(encodeURIComponent).join(',')}`]),
		...(ref ? [`ref=${encodeURIComponent(ref)}`] : [])
	];
	return parts.join('&');
}

export class CompareWorkflow {
	readonly workbench: WorkbenchState;
	readonly sim: SimulationState;
	readonly #remember: (selection: CompareSelection) => void;

	/** The ids ticked; null: none chosen yet, so the first `MAX_SHOWN`; empty: none shown. */
	chosen = $state<string[] | null>(null);
	/** The reference chosen; '' (or one not shown): the first shown. */
	reference = $state('');

	constructor(
		workbench: WorkbenchState,
		sim: SimulationState,
		initial: CompareSelection,
		remember: (selection: CompareSelection) => void
	) {
		this.workbench = workbench;
		this.sim = sim;
		this.chosen = initial.ids;
		this.reference = initial.ref;
		this.#remember = remember;
	}

	readonly dataset = $derived.by(() => this.workbench.dataset);
	readonly all = $derived.by(() => this.workbench.scenarios.map((r) => r.scenario));
	/** The ids shown, in the dataset's order. */
	readonly selectedIds = $derived.by(() =>
		shownIds(
			this.all.map((s) => s.id),
			this.chosen
		)
	);
	readonly selected = $derived.by(() => this.all.filter((s) => this.selectedIds.includes(s.id)));
	/** Says how many of how many are shown, when not all are. */
	readonly note = $derived.by(() => shownNote(this.selected.length, this.all.length));
	readonly referenceId = $derived.by(() =>
		this.selected.some((s) => s.id === this.reference)
			? this.reference
			: (this.selected[0]?.id ?? '')
	);
	/** The scenarios shown use different seeds or simulation counts (no common random numbers). */
	readonly mixedSeeds = $derived.by(() => {
		const runs = this.selected.map((s) => `${s.monteCarlo.seed}|${s.monteCarlo.simulations}`);
		return runs.some((r) => r !== runs[0]);
	});

	/** Ticks (`on`) or unticks a scenario; ticking past `MAX_SHOWN` changes nothing. */
	toggle(id: string, on: boolean): void {
		this.chosen = toggleShown(
			this.selected.map((s) => s.id),
			id,
			on
		);
		this.#save();
	}

	setReference(id: string): void {
		this.reference = id;
		this.#save();
	}

	#save(): void {
		this.#remember({ ids: this.chosen, ref: this.reference });
	}

	// --- Saved sets (named selections), per dataset

	sets = $state.raw<ScenarioSetRecord[]>([]);
	setName = $state('');
	setMessage = $state<string | null>(null);
	setError = $state<string | null>(null);
	/** The saved set picked; '' for none. */
	pickedSet = $state('');

	/** Reads the open dataset's saved sets (call in an `$effect`: it follows the dataset). */
	loadSets(): void {
		const id = this.dataset?.id;
		if (id) void loadSets(id).then((list) => (this.sets = list));
	}

	/** Shows a saved set's scenarios (those that still exist). */
	useSet(id: string): void {
		this.pickedSet = id;
		const set = this.sets.find((x) => x.id === id);
		if (!set) return;
		this.chosen = set.scenarioIds.filter((sid) => this.all.some((s) => s.id === sid));
		this.setMessage = `Showing the set “${set.name}”.`;
		this.#save();
	}

	/** Nothing is ticked, so there is nothing to save as a set. */
	readonly nothingToSave = $derived.by(() => this.selected.length === 0);

	/**
	 * Saves the scenarios shown (exactly those ticked) under `setName`; a refusal (empty or taken
	 * name, or none ticked) goes to setError.
	 */
	async saveSelection(): Promise<void> {
		const dataset = this.dataset;
		if (!dataset) return;
		this.setError = null;
		try {
			const ids = this.selected.map((s) => s.id);
			const saved = await saveSet(dataset.id, this.setName, ids, this.sets);
			this.sets = await loadSets(dataset.id);
			this.pickedSet = saved.id;
			this.setMessage = `Saved the set “${saved.name}” (${ids.length} scenario${ids.length === 1 ? '' : 's'}).`;
			this.setName = '';
		} catch (err) {
			this.setError = (err as Error).message;
		}
	}

	/** Deletes the saved set picked; its scenarios are kept. */
	async deleteSet(): Promise<void> {
		const set = this.sets.find((x) => x.id === this.pickedSet);
		const dataset = this.dataset;
		if (!set || !dataset) return;
		await removeSet(set.id);
		this.sets = await loadSets(dataset.id);
		this.pickedSet = '';
		this.setMessage = `Deleted the set “${set.name}”; its scenarios are kept.`;
	}

	// --- The figures compared

	/** Asks for the Monte Carlo of the scenarios shown (call in an `$effect`). */
	request(): void {
		requestSimulations(this.sim, this.dataset, this.selected);
	}

	readonly inputs = $derived.by((): CompareInput[] => {
		const dataset = this.dataset;
		return this.selected
			.filter((s) => this.workbench.results[s.id])
			.map((s) => ({
				scenario: s,
				result: this.workbench.results[s.id],
				entry: dataset ? this.sim.current(dataset, s) : undefined
			}));
	});
	readonly tables = $derived.by(() => compareTables(this.inputs, this.referenceId));
	readonly years = $derived.by(() => this.inputs[0]?.result.years ?? []);
	readonly cap = $derived.by(() =>
		this.inputs[0] ? metricValues(this.inputs[0].result, 'deficit_cap') : []
	);
	/** The deficit chart's lines, each with its p5–p95 band once simulated. */
	readonly series = $derived.by(() =>
		this.inputs.map((i) => {
			const s = i.entry?.status === 'done' ? i.entry.summary : null;
			return {
				id: i.scenario.id,
				colour: i.scenario.colour,
				label: i.scenario.name,
				values: metricValues(i.result, 'cumulative_deficit_before_sv'),
				band: s
					? {
							low: statisticSeries(s, 'cumulative_deficit_before_sv', 'p5'),
							high: statisticSeries(s, 'cumulative_deficit_before_sv', 'p95')
						}
					: null
			};
		})
	);
}
