/**
 * The scenario editor's workflow (the Scenarios › edit page): which scenario is open, what it is
 * read against (its parent, the dataset), its projection and background Monte Carlo, and every
 * edit the page makes — each checked with the model's validator before it is applied, so that an
 * invalid value is explained and never saved (docs/model.md §2 levers, §6 the scenario format).
 *
 * The page composes this with its components; it holds no logic of its own.
 *
 * @example
 * const editor = new ScenarioEditor(getWorkbench(), getSimulation(), () => page.url.searchParams.get('id') ?? '');
 * const problem = await editor.apply({ ...editor.scenario!, description: 'Lower growth' });
 */
import type { Lever, Scenario } from '../model/scenario';
import { describeScenario } from '../model/describe-scenario';
import { projectionYears } from '../model/validate-dataset';
import { validateScenario } from '../model/validate-scenario';
import type { ValidationIssue } from '../model/validate';
import { UNIQUE_ROLES, type ScenarioRole } from '../model/scenario-role';
import type { WorkbenchState } from './workbench.svelte';
import type { SimulationState } from './simulation.svelte';

/** The key presses the editor answers to (a KeyboardEvent has these fields). */
export interface ShortcutKey {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	/** True when the key went to a field that has its own undo (a textarea, a name field). */
	nativeUndo: boolean;
	preventDefault(): void;
}

/** What each role is used for, in a sentence (docs/model.md §6.1). */
const ROLE_USES: Record<ScenarioRole, string> = {
	plan: 'Actuals are compared with it, and the monitoring table and the report read it as the plan.',
	projection: 'The monitoring table, the report and the slides read it as the projection.',
	none: 'It is one of the dataset’s other scenarios.'
};

export class ScenarioEditor {
	readonly workbench: WorkbenchState;
	readonly sim: SimulationState;
	readonly #id: () => string;

	/** The open scenario, or undefined when the id names none in the open dataset. */
	readonly scenario = $derived.by(
		() => this.workbench.scenarios.find((r) => r.id === this.#id())?.scenario
	);
	readonly dataset = $derived.by(() => this.workbench.dataset);
	/** Its expected projection (undefined until the first one comes back). */
	readonly result = $derived.by(() =>
		this.scenario ? this.workbench.results[this.scenario.id] : undefined
	);
	readonly parent = $derived.by(() =>
		this.scenario?.parentId ? this.workbench.scenario(this.scenario.parentId) : undefined
	);
	readonly parentResult = $derived.by(() =>
		this.parent ? this.workbench.results[this.parent.id] : undefined
	);
	/** How it differs from its parent (or the dataset), in words. */
	readonly differences = $derived.by(() =>
		this.scenario && this.dataset
			? describeScenario(this.scenario, this.parent ?? null, this.dataset)
			: []
	);
	/** The trend of new plans the dataset's default resolves to, and why (null until prepared). */
	readonly defaultTrend = $derived.by(() => {
		const p = this.workbench.prepared;
		return p ? { estimator: p.defaultEstimator, reason: p.estimatorReason } : null;
	});
	/** The financial years of the projection. */
	readonly years = $derived.by(() => (this.dataset ? projectionYears(this.dataset) : []));
	/** The validator's warnings on the scenario as it is (shown by the lever they are about). */
	readonly warnings = $derived.by(() =>
		this.scenario && this.dataset ? validateScenario(this.scenario, this.dataset).warnings : []
	);
	/** Its background Monte Carlo entry and summary for its current inputs. */
	readonly entry = $derived.by(() =>
		this.scenario && this.dataset ? this.sim.current(this.dataset, this.scenario) : undefined
	);
	readonly summary = $derived.by(() =>
		this.scenario && this.dataset ? this.sim.summary(this.dataset, this.scenario) : undefined
	);
	/** The fraction done of a Monte Carlo run of this scenario, or null when none runs. */
	readonly progress = $derived.by(() =>
		this.scenario && this.sim.active?.ids.includes(this.scenario.id)
			? this.sim.active.progress
			: null
	);

	/**
	 * What the role select says beside it: what the scenario's role is used for, and which other
	 * scenarios hold the plan and the projection (choosing one here takes it from them).
	 * @example 'The monitoring table, the report and the slides read it as the projection. The financial plan is “SVA financial model 2021/22”.'
	 */
	readonly roleNote = $derived.by(() => {
		const s = this.scenario;
		if (!s) return '';
		const words: string[] = [ROLE_USES[s.role]];
		for (const role of UNIQUE_ROLES) {
			if (role === s.role) continue;
			const holder = this.workbench.scenarios.find((r) => r.scenario.role === role);
			const what = role === 'plan' ? 'The financial plan' : 'The reference projection';
			words.push(
				holder
					? `${what} is “${holder.scenario.name}”; choosing it here takes it from that scenario.`
					: `No scenario is ${what.toLowerCase()}.`
			);
		}
		return words.join(' ');
	});

	/** Why the last rename was refused (null when it was not). */
	nameError = $state<string | null>(null);
	/** Why the last whole-page edit (adding or removing a lever) was refused. */
	pageError = $state<string | null>(null);

	/** `id`: reads the open scenario's id (the page's `?id=`), so the editor follows navigation. */
	constructor(workbench: WorkbenchState, sim: SimulationState, id: () => string) {
		this.workbench = workbench;
		this.sim = sim;
		this.#id = id;
	}

	/**
	 * Asks for the background Monte Carlo of the scenario as it now is (each edit supersedes the
	 * last request); the page calls it from an effect so that it re-runs on every edit.
	 */
	requestSimulation(): void {
		const { scenario, dataset } = this;
		if (scenario && dataset) this.sim.request(dataset, [$state.snapshot(scenario) as Scenario]);
	}

	/** Runs the Monte Carlo now (the status panel's button). */
	runSimulation(): void {
		const { scenario, dataset } = this;
		if (scenario && dataset) void this.sim.run(dataset, [$state.snapshot(scenario) as Scenario]);
	}

	/**
	 * Validates an edited scenario and applies it (`merge`: a key that merges the edit into the
	 * previous undo step, for a slider's drag). Returns the first error when it is refused — the
	 * edit is then not applied — or null.
	 */
	async apply(candidate: Scenario, merge?: string): Promise<ValidationIssue | null> {
		const dataset = this.dataset;
		if (!dataset) return { path: [], message: 'No dataset is open.' };
		const checked = validateScenario(candidate, dataset);
		if (!checked.ok) return checked.errors[0];
		await this.workbench.edit(checked.value, merge ? { merge } : {});
		return null;
	}

	/** Applies the open scenario with its lever `i` replaced (a lever card's edit). */
	updateLever(i: number, next: Lever, merge?: string): Promise<ValidationIssue | null> {
		const s = this.#open('updateLever');
		return this.apply({ ...s, levers: s.levers.map((l, j) => (j === i ? next : l)) }, merge);
	}

	/** Adds a lever to the open scenario; a refusal is kept in `pageError` (`message` shortens it). */
	async addLever(lever: Lever, message: (m: string) => string = (m) => m): Promise<void> {
		const s = this.#open('addLever');
		const issue = await this.apply({ ...s, levers: [...s.levers, lever] });
		this.pageError = issue ? message(issue.message) : null;
	}

	/** Removes the open scenario's lever `i`; a refusal is kept in `pageError`. */
	async removeLever(i: number, message: (m: string) => string = (m) => m): Promise<void> {
		const s = this.#open('removeLever');
		const issue = await this.apply({ ...s, levers: s.levers.filter((_, j) => j !== i) });
		this.pageError = issue ? message(issue.message) : null;
	}

	/** Renames the open scenario; a refusal (empty, or a name in use) is kept in `nameError`. */
	async rename(name: string): Promise<void> {
		const s = this.#open('rename');
		try {
			await this.workbench.rename(s.id, name);
			this.nameError = null;
		} catch (e) {
			this.nameError = (e as Error).message;
		}
	}

	/**
	 * Makes the open scenario the dataset's plan or projection, or neither; the scenario that held
	 * the role gives it up (an undoable edit).
	 */
	setRole(role: ScenarioRole): Promise<void> {
		return this.workbench.setRole(this.#open('setRole').id, role);
	}

	/**
	 * Ctrl/⌘+Z undoes the open scenario's last edit, Ctrl/⌘+Shift+Z or Ctrl/⌘+Y redoes it, except
	 * in fields with their own undo. Returns true when the key was taken.
	 */
	shortcut(e: ShortcutKey): boolean {
		const s = this.scenario;
		if (!s || !(e.ctrlKey || e.metaKey) || e.nativeUndo) return false;
		const key = e.key.toLowerCase();
		if (key === 'z' && !e.shiftKey) {
			e.preventDefault();
			void this.workbench.undo(s.id);
			return true;
		}
		if ((key === 'z' && e.shiftKey) || key === 'y') {
			e.preventDefault();
			void this.workbench.redo(s.id);
			return true;
		}
		return false;
	}

	#open(what: string): Scenario {
		const s = this.scenario;
		if (!s) throw new Error(`ScenarioEditor.${what}: no scenario is open (id "${this.#id()}")`);
		return s;
	}
}
