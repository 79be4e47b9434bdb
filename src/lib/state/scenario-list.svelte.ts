/**
 * The Scenarios page's workflow: making a scenario from another (new or a duplicate), renaming
 * and deleting one after a confirmation (scenarios made from it are re-parented to its own
 * parent), and the scenario set file: exported, or imported with the user asked before saved work
 * is replaced.
 *
 * The page composes this with its components; it holds no logic of its own.
 *
 * @example
 * const list = new ScenarioList(getWorkbench());
 * list.newName = 'Growth 9%';
 * const id = await list.create(); // then open its page
 */
import type { TextFile } from '../io/scenario-set/file';
import type { Scenario } from '../model/scenario';
import type { ImportReplacement } from '../storage';
import { exportScenarioSet, importScenarioSet } from './scenario-set-transfer';
import type { ImportChoice, WorkbenchState } from './workbench.svelte';

export class ScenarioList {
	readonly workbench: WorkbenchState;

	constructor(workbench: WorkbenchState) {
		this.workbench = workbench;
	}

	readonly scenarios = $derived.by(() => this.workbench.scenarios.map((r) => r.scenario));

	/** The scenario of an id, if there is one (a parent, say). */
	byId(id: string | null): Scenario | undefined {
		return this.scenarios.find((s) => s.id === id);
	}

	/** What happened last, in words (created, renamed, deleted, imported, exported). */
	notice = $state<string | null>(null);

	// --- New scenario

	#parentChoice = $state('');
	/** The scenario a new one is made from: the one chosen while it exists, else the first. */
	get parentId(): string {
		const c = this.#parentChoice;
		return this.scenarios.some((s) => s.id === c) ? c : (this.scenarios[0]?.id ?? '');
	}
	set parentId(id: string) {
		this.#parentChoice = id;
	}
	newName = $state('');
	createError = $state<string | null>(null);

	/** Makes a scenario from the parent chosen; resolves with its id, or null when refused. */
	async create(): Promise<string | null> {
		this.createError = null;
		try {
			const s = await this.workbench.createScenario(
				this.parentId,
				this.newName.trim() || undefined
			);
			this.newName = '';
			return s.id;
		} catch (e) {
			this.createError = (e as Error).message;
			return null;
		}
	}

	async duplicate(s: Scenario): Promise<void> {
		const copy = await this.workbench.createScenario(s.id);
		this.notice = `“${copy.name}” was made from “${s.name}”.`;
	}

	// --- Rename

	renaming = $state<Scenario | null>(null);
	renameOpen = $state(false);
	renameText = $state('');
	renameError = $state<string | null>(null);

	startRename(s: Scenario): void {
		this.renaming = s;
		this.renameText = s.name;
		this.renameError = null;
		this.renameOpen = true;
	}

	/** Renames the scenario being renamed; a refused name (empty, taken) goes to renameError. */
	async saveRename(): Promise<void> {
		const s = this.renaming;
		if (!s) return;
		try {
			await this.workbench.rename(s.id, this.renameText);
			this.notice = `Renamed to “${this.renameText.trim()}”.`;
			this.renameOpen = false;
		} catch (err) {
			this.renameError = (err as Error).message;
		}
	}

	// --- Delete, after confirmation

	deleting = $state<Scenario | null>(null);
	deleteOpen = $state(false);
	/** The scenarios made from the one being deleted: they are re-parented to its parent. */
	readonly children = $derived.by(() => {
		const d = this.deleting;
		return d ? this.scenarios.filter((s) => s.parentId === d.id) : [];
	});

	startDelete(s: Scenario): void {
		this.deleting = s;
		this.deleteOpen = true;
	}

	async confirmDelete(): Promise<void> {
		const s = this.deleting;
		this.deleteOpen = false;
		if (!s) return;
		for (const child of this.scenarios.filter((c) => c.parentId === s.id)) {
			await this.workbench.edit({ ...child, parentId: s.parentId });
		}
		await this.workbench.deleteScenario(s.id);
		this.notice = `“${s.name}” was deleted.`;
	}

	// --- The scenario set file

	importing = $state(false);
	importErrors = $state<string[]>([]);
	importWarnings = $state<string[]>([]);
	exportError = $state<string | null>(null);

	/**
	 * Imports a scenario set file as a dataset; saved work it would replace is put to the user
	 * (`ask`) and replaced only if they say so. Problems go to importErrors, nothing changed.
	 */
	async importFile(
		file: TextFile,
		ask: (replacements: ImportReplacement[]) => Promise<ImportChoice>
	): Promise<void> {
		this.importing = true;
		this.importErrors = [];
		this.importWarnings = [];
		this.notice = null;
		const r = await importScenarioSet(this.workbench, file, ask);
		this.importing = false;
		this.importWarnings = r.warnings;
		this.importErrors = r.errors;
		this.notice = r.notice;
	}

	/** Downloads the open dataset and its scenarios as a scenario set file. */
	async exportSet(): Promise<void> {
		this.exportError = null;
		try {
			this.notice = (await exportScenarioSet(this.workbench, this.scenarios)) ?? this.notice;
		} catch (e) {
			this.exportError = (e as Error).message;
		}
	}
}
