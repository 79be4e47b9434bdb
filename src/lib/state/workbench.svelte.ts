/**
 * The app's state: which dataset is open, its scenarios and their projections, and the editing of
 * scenarios (autosave, undo/redo, conflicts with other tabs). Pages read it and call its methods;
 * they hold no business logic. Storage is IndexedDB (src/lib/storage); when it is unavailable or
 * fails the work carries on in memory, stays exportable, and the page says so.
 */
import { getContext, setContext } from 'svelte';
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import type { ScenarioResult } from '../engine/workbench';
import type { GoalSeekOptions, GoalSeekTarget } from '../engine/goal-seek';
import type { SensitivityOptions } from '../engine/sensitivity';
import { kingstonScenarios } from '../data/kingston-scenarios';
import { ProjectionClient, createProjectionWorker } from '../client/projection';
import type { PreparedSummary } from '../../../workers/projection-api';
import { History } from './history';
import {
	createScenario as storeCreateScenario,
	deleteDataset as storeDeleteDataset,
	deleteScenario as storeDeleteScenario,
	getDataset,
	getMeta,
	getScenario,
	importScenarioSet,
	isStorageError,
	listDatasets,
	listScenarios,
	newScenarioId,
	openWorkbenchChannel,
	openWorkbenchDb,
	putDataset,
	saveScenario,
	seedBuiltInDataset,
	setMeta,
	toStorageError,
	type ScenarioRecord,
	type WorkbenchChannel,
	type WorkbenchDatabase
} from '../storage';

/** Bumped when the built-in dataset changes in a way that should reach existing browsers. */
export const BUILT_IN_VERSION = 1;

/** How long after the last edit a scenario is saved. */
export const AUTOSAVE_MS = 400;

export interface SaveStatus {
	/** Edited since the last successful save. */
	dirty: boolean;
	saving: boolean;
	/** The last save failed (storage full, unavailable…): the edit is kept in memory. */
	error: string | null;
	/** Another tab saved this scenario since we loaded it. */
	conflict: { message: string; theirs: ScenarioRecord | null } | null;
}

const CLEAN: SaveStatus = { dirty: false, saving: false, error: null, conflict: null };

export class WorkbenchState {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	/** A fatal problem, shown instead of the page. */
	error = $state<string | null>(null);
	/** Storage is unavailable or failed: work goes on in memory. */
	storageProblem = $state<string | null>(null);
	/** The projection worker failed and was replaced. */
	workerProblem = $state<string | null>(null);
	/** A passing notice ("updated in another tab"). */
	notice = $state<string | null>(null);
	datasets = $state.raw<Dataset[]>([]);
	dataset = $state.raw<Dataset | null>(null);
	scenarios = $state.raw<ScenarioRecord[]>([]);
	prepared = $state.raw<PreparedSummary | null>(null);
	/** Expected projections by scenario id. */
	results = $state.raw<Record<string, ScenarioResult>>({});
	/** Save state by scenario id. */
	saves = $state<Record<string, SaveStatus>>({});
	computing = $state(false);
	/**
	 * The projection failed (the worker crashed, or threw) and a good one has not come back yet:
	 * `results` still holds the last good projection, to be shown marked as out of date.
	 */
	stale = $state(false);
	/** Bumped on every undo-history change so that canUndo/canRedo re-read. */
	historyVersion = $state(0);

	#db: WorkbenchDatabase | null = null;
	#client: ProjectionClient;
	#channel: WorkbenchChannel | null = null;
	// Bookkeeping, not state to render: plain Maps on purpose (historyVersion signals changes).
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#histories = new Map<string, History<Scenario>>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#timers = new Map<string, ReturnType<typeof setTimeout>>();
	/** The storage banner set by a failed save, cleared by the next save that works. */
	#saveProblem: string | null = null;

	/** `worker`: use a projection worker (a factory makes a given one, for tests). */
	constructor(options: { worker?: boolean | (() => Worker); db?: WorkbenchDatabase | null } = {}) {
		const useWorker = options.worker ?? typeof Worker !== 'undefined';
		this.#client = new ProjectionClient({
			createWorker:
				typeof useWorker === 'function' ? useWorker : useWorker ? createProjectionWorker : null,
			onWorkerError: (m) => {
				this.workerProblem = m;
				// A crash mid-run: what is on screen predates the edit until the rerun answers.
				if (this.computing) this.stale = true;
			}
		});
		if (options.db !== undefined) this.#db = options.db;
	}

	get persistent(): boolean {
		return this.#db !== null;
	}

	/** Opens storage (seeding Kingston on first run), the last dataset, and projects it. */
	async init(): Promise<void> {
		try {
			let dataset: Dataset | null = null;
			let records: ScenarioRecord[] = [];
			try {
				this.#db ??= await openWorkbenchDb(undefined, {
					onBlocking: () =>
						(this.storageProblem =
							'A newer version of the workbench was opened in another tab. Reload this page to keep saving.')
				});
				await seedBuiltInDataset(this.#db, {
					dataset: await builtInDataset(),
					scenarios: kingstonScenarios(),
					version: BUILT_IN_VERSION
				});
				this.datasets = await listDatasets(this.#db);
				const last = await getMeta(this.#db, 'lastOpened');
				dataset =
					(last && (await getDataset(this.#db, last.datasetId))) ?? this.datasets[0] ?? null;
				if (dataset) records = await listScenarios(this.#db, dataset.id);
				this.#listen();
			} catch (e) {
				this.#db = null;
				this.storageProblem =
					toStorageError(e, 'open this browser’s saved work').message +
					' You can keep working: changes stay in this page until you close it, and can be exported.';
			}
			if (!dataset) {
				dataset = await builtInDataset();
				records = inMemoryRecords(dataset.id, kingstonScenarios());
				this.datasets = [dataset];
			}
			await this.#open(dataset, records);
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	#listen() {
		this.#channel = openWorkbenchChannel();
		this.#channel.subscribe((m) => {
			if (m.type === 'scenario-saved') {
				this.#theirSave(m.id, m.revision).catch(
					(e) => (this.storageProblem = toStorageError(e, 'read a change from another tab').message)
				);
			} else if (m.type === 'scenario-deleted' && this.scenarios.some((r) => r.id === m.id)) {
				this.notice = 'A scenario was deleted in another tab.';
				this.scenarios = this.scenarios.filter((r) => r.id !== m.id);
				void this.recompute();
			} else if (
				m.type === 'imported' ||
				m.type === 'dataset-saved' ||
				m.type === 'dataset-deleted'
			) {
				void this.#refreshDatasets();
			}
		});
	}

	async #refreshDatasets() {
		if (this.#db) this.datasets = await listDatasets(this.#db);
	}

	/** Another tab saved a scenario: take it if we have no unsaved edit, else flag a conflict. */
	async #theirSave(id: string, revision: number) {
		const mine = this.scenarios.find((r) => r.id === id);
		if (!mine || !this.#db || revision <= mine.revision) return;
		const theirs = (await getScenario(this.#db, id)) ?? null;
		if (!theirs) return;
		if (this.saves[id]?.dirty) {
			this.#status(id, {
				conflict: {
					message: `“${mine.scenario.name}” was changed in another tab while you were editing it here.`,
					theirs
				}
			});
			return;
		}
		this.#replace(theirs);
		this.notice = `“${theirs.scenario.name}” was updated in another tab; this page now shows that version.`;
		await this.recompute();
	}

	/** Makes a dataset current and projects its scenarios. */
	async #open(dataset: Dataset, records: ScenarioRecord[]): Promise<void> {
		this.dataset = dataset;
		this.scenarios = records;
		this.saves = Object.fromEntries(records.map((r) => [r.id, { ...CLEAN }]));
		this.#histories.clear();
		this.prepared = await this.#client.prepare(dataset);
		await this.recompute();
		if (this.#db) {
			try {
				await setMeta(this.#db, 'lastOpened', { datasetId: dataset.id, scenarioId: null });
			} catch (e) {
				this.storageProblem = toStorageError(e, 'remember the open dataset').message;
			}
		}
	}

	/** Opens a saved dataset by id. */
	async openDataset(id: string): Promise<void> {
		await this.flush();
		if (!this.#db) {
			const ds = this.datasets.find((d) => d.id === id);
			if (ds) await this.#open(ds, inMemoryRecords(ds.id, []));
			return;
		}
		const dataset = await getDataset(this.#db, id);
		if (!dataset) throw new Error(`No dataset with id "${id}" is saved in this browser.`);
		await this.#open(dataset, await listScenarios(this.#db, id));
	}

	/**
	 * Adds a dataset with its scenarios (an import or the new dataset wizard) in one transaction,
	 * then opens it. Nothing is saved if any part fails.
	 */
	async addDataset(dataset: Dataset, scenarios: Scenario[]): Promise<void> {
		await this.flush();
		let records = inMemoryRecords(dataset.id, scenarios);
		if (this.#db) {
			records = (await importScenarioSet(this.#db, dataset, scenarios)).scenarios;
			this.#channel?.post({
				type: 'imported',
				datasetId: dataset.id,
				scenarioIds: scenarios.map((s) => s.id)
			});
			await this.#refreshDatasets();
		} else {
			this.datasets = [...this.datasets.filter((d) => d.id !== dataset.id), dataset];
		}
		await this.#open(dataset, records);
	}

	/**
	 * Saves a changed dataset (KPI actuals and overrides, report text, ledger figures…). Pass
	 * `reproject: false` when nothing the projection reads has changed (KPIs, report text).
	 * The change is applied in memory first, so a storage failure loses nothing on screen.
	 */
	async updateDataset(next: Dataset, { reproject = true } = {}): Promise<void> {
		const plainNext = $state.snapshot(next) as Dataset;
		this.dataset = plainNext;
		this.datasets = this.datasets.map((d) => (d.id === plainNext.id ? plainNext : d));
		if (this.#db) {
			try {
				await putDataset(this.#db, plainNext);
				this.#channel?.post({ type: 'dataset-saved', id: plainNext.id });
			} catch (e) {
				this.storageProblem = toStorageError(e, `save “${plainNext.name}”`).message;
			}
		}
		if (reproject) {
			this.prepared = await this.#client.prepare(plainNext);
			await this.recompute();
		}
	}

	/** Deletes a dataset and its scenarios; opens another one (or Kingston) after. */
	async deleteDataset(id: string): Promise<void> {
		if (this.#db) {
			await storeDeleteDataset(this.#db, id);
			this.#channel?.post({ type: 'dataset-deleted', id });
			await this.#refreshDatasets();
		} else {
			this.datasets = this.datasets.filter((d) => d.id !== id);
		}
		if (this.dataset?.id === id) {
			const next = this.datasets[0];
			if (next) await this.openDataset(next.id);
			else await this.addDataset(await builtInDataset(), kingstonScenarios());
		}
	}

	/**
	 * Reruns the expected projection of every scenario of the open dataset. Never rejects: when
	 * the projection fails, the last good results stay, marked `stale`, and `workerProblem` says why.
	 */
	async recompute(): Promise<void> {
		this.computing = true;
		try {
			const list = this.scenarios.map((r) => r.scenario);
			const results = await this.#client.runExpected(list);
			this.results = Object.fromEntries(results.map((r) => [r.scenarioId, r]));
			this.stale = false;
		} catch (e) {
			this.stale = true;
			this.workerProblem = `The projection could not be recomputed (${e instanceof Error ? e.message : String(e)}). The figures shown are from the last good projection; change a value to try again.`;
		} finally {
			this.computing = false;
		}
	}

	/** Back-tests the open dataset's estimators (MODEL.md §8). */
	backtest(holdout: number) {
		return this.#client.backtest(holdout);
	}

	/** Goal seek on a scenario (engine/goal-seek.ts), in the projection worker. */
	goalSeek(scenario: Scenario, target: GoalSeekTarget, options: GoalSeekOptions) {
		return this.#client.goalSeek(scenario, target, options);
	}

	/** The sensitivity tornado of a scenario (engine/sensitivity.ts), in the projection worker. */
	sensitivity(scenario: Scenario, options: SensitivityOptions) {
		return this.#client.sensitivity(scenario, options);
	}

	/** The DSG management plan grid (EHCPs by category × age band × census) of an open scenario. */
	dsgGrid(id: string) {
		const scenario = this.scenario(id);
		if (!scenario) throw new Error(`dsgGrid: no open scenario with id "${id}"`);
		return this.#client.dsgGrid(scenario);
	}

	scenario(id: string): Scenario | undefined {
		return this.scenarios.find((r) => r.id === id)?.scenario;
	}

	scenarioByName(name: string): Scenario | undefined {
		return this.scenarios.find((r) => r.scenario.name === name)?.scenario;
	}

	resultByName(name: string): ScenarioResult | undefined {
		const s = this.scenarioByName(name);
		return s ? this.results[s.id] : undefined;
	}

	// ---- Editing ----

	#history(id: string): History<Scenario> {
		let h = this.#histories.get(id);
		if (!h) this.#histories.set(id, (h = new History<Scenario>()));
		return h;
	}

	#status(id: string, patch: Partial<SaveStatus>) {
		this.saves[id] = { ...(this.saves[id] ?? CLEAN), ...patch };
	}

	#replace(record: ScenarioRecord) {
		this.scenarios = this.scenarios.map((r) => (r.id === record.id ? record : r));
	}

	/**
	 * Applies an edited scenario at once (the projection reruns), records it for undo and saves it
	 * shortly after. The caller validates first: an invalid scenario is never passed here.
	 * `merge`: edits in a row with the same key (one slider drag, one field being typed in) make
	 * a single undo step.
	 */
	async edit(edited: Scenario, options: { merge?: string } = {}): Promise<void> {
		// A plain copy: Svelte state proxies from an editor cannot be stored or posted.
		const next = $state.snapshot(edited) as Scenario;
		const current = this.scenarios.find((r) => r.id === next.id);
		if (!current) throw new Error(`edit: no open scenario with id "${next.id}"`);
		const merge = options.merge;
		if (!merge || this.#lastMerge.get(next.id) !== merge || !this.#history(next.id).canUndo) {
			this.#history(next.id).record(current.scenario);
			this.historyVersion++;
		}
		if (merge) this.#lastMerge.set(next.id, merge);
		else this.#lastMerge.delete(next.id);
		await this.#apply(current, next);
	}

	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not state to render
	#lastMerge = new Map<string, string>();

	async #apply(current: ScenarioRecord, next: Scenario) {
		this.#replace({ ...current, scenario: next });
		this.#status(next.id, { dirty: true });
		this.#scheduleSave(next.id);
		await this.recompute();
	}

	canUndo(id: string): boolean {
		void this.historyVersion;
		return this.#histories.get(id)?.canUndo ?? false;
	}

	canRedo(id: string): boolean {
		void this.historyVersion;
		return this.#histories.get(id)?.canRedo ?? false;
	}

	async undo(id: string): Promise<void> {
		this.#lastMerge.delete(id);
		const current = this.scenarios.find((r) => r.id === id);
		const previous = current && this.#history(id).undo(current.scenario);
		this.historyVersion++;
		if (current && previous) await this.#apply(current, previous);
	}

	async redo(id: string): Promise<void> {
		this.#lastMerge.delete(id);
		const current = this.scenarios.find((r) => r.id === id);
		const next = current && this.#history(id).redo(current.scenario);
		this.historyVersion++;
		if (current && next) await this.#apply(current, next);
	}

	#scheduleSave(id: string) {
		clearTimeout(this.#timers.get(id));
		this.#timers.set(
			id,
			setTimeout(() => void this.save(id), AUTOSAVE_MS)
		);
	}

	/**
	 * Why reloading the page now would lose work (an edit not saved in this browser), or null.
	 * Call after flush(). Used before a reload into a new version of the app.
	 */
	unsavedWork(): string | null {
		const unsaved = this.scenarios.filter((r) => this.saves[r.id]?.dirty).length;
		if (unsaved === 0) return null;
		const what = unsaved === 1 ? 'One scenario has' : `${unsaved} scenarios have`;
		return `${what} changes not saved in this browser: reloading now would lose them. Export your scenarios first (Scenarios → Export).`;
	}

	/** Saves every pending edit now (before leaving a dataset, or on page hide). */
	async flush(): Promise<void> {
		// Edits whose save failed (storage full…) are pending too: try them again.
		const failed = Object.keys(this.saves).filter(
			(id) => this.saves[id].dirty && this.saves[id].error
		);
		const pending = [...this.#timers.keys(), ...failed.filter((id) => !this.#timers.has(id))];
		for (const id of pending) {
			clearTimeout(this.#timers.get(id));
			this.#timers.delete(id);
		}
		await Promise.all(pending.map((id) => this.save(id)));
	}

	/** Saves one scenario, refusing to overwrite another tab's newer save. */
	async save(id: string): Promise<void> {
		this.#timers.delete(id);
		const record = this.scenarios.find((r) => r.id === id);
		if (!record || !this.#db || !this.saves[id]?.dirty || this.saves[id]?.conflict) return;
		this.#status(id, { saving: true });
		try {
			const saved = await saveScenario(
				this.#db,
				{ id, scenario: record.scenario },
				record.revision
			);
			// Keep later edits made while saving; only the revision moves on.
			const now = this.scenarios.find((r) => r.id === id)!;
			this.#replace({ ...saved, scenario: now.scenario });
			this.#status(id, {
				saving: false,
				dirty: now.scenario !== record.scenario,
				error: null
			});
			if (this.storageProblem !== null && this.storageProblem === this.#saveProblem) {
				this.storageProblem = this.#saveProblem = null;
			}
			this.#channel?.post({ type: 'scenario-saved', id, revision: saved.revision });
			if (now.scenario !== record.scenario) this.#scheduleSave(id);
		} catch (e) {
			if (isStorageError(e, 'conflict')) {
				const theirs = (await getScenario(this.#db, id).catch(() => undefined)) ?? null;
				this.#status(id, { saving: false, conflict: { message: (e as Error).message, theirs } });
			} else {
				const message = toStorageError(e, 'save the scenario').message;
				this.#status(id, { saving: false, error: message });
				// Also in the page's banner: the edit is on screen but not on disk.
				this.#saveProblem = `${message} Your change is kept in this page meanwhile: it is saved with your next edit (or export your scenarios to keep a copy).`;
				this.storageProblem = this.#saveProblem;
			}
		}
	}

	/**
	 * Settles a conflict with another tab: keep this tab's version (saved over theirs), take
	 * theirs (this tab's edit is dropped, and can be redone from undo), or keep both (this tab's
	 * version is saved as a new scenario).
	 */
	async resolveConflict(id: string, choice: 'mine' | 'theirs' | 'copy'): Promise<void> {
		const status = this.saves[id];
		const mine = this.scenarios.find((r) => r.id === id);
		if (!status?.conflict || !mine || !this.#db) return;
		const theirs = status.conflict.theirs ?? (await getScenario(this.#db, id)) ?? null;
		if (choice === 'theirs' && theirs) {
			this.#history(id).record(mine.scenario);
			this.#replace(theirs);
			this.#status(id, { ...CLEAN });
		} else if (choice === 'mine' && theirs) {
			this.#replace({ ...theirs, scenario: mine.scenario });
			this.#status(id, { conflict: null, dirty: true });
			await this.save(id);
		} else if (choice === 'copy') {
			const copy: Scenario = {
				...mine.scenario,
				id: newScenarioId(),
				name: uniqueName(`${mine.scenario.name} (my version)`, this.scenarios),
				parentId: mine.scenario.parentId
			};
			if (theirs) this.#replace(theirs);
			this.#status(id, { ...CLEAN });
			await this.#insert(copy);
		}
		this.historyVersion++;
		await this.recompute();
	}

	async #insert(scenario: Scenario): Promise<ScenarioRecord> {
		let record: ScenarioRecord = {
			id: scenario.id,
			datasetId: this.dataset!.id,
			scenario,
			revision: 1,
			updatedAt: ''
		};
		if (this.#db) {
			try {
				record = await storeCreateScenario(this.#db, this.dataset!.id, scenario);
				this.#channel?.post({ type: 'scenario-saved', id: record.id, revision: record.revision });
			} catch (e) {
				this.storageProblem = toStorageError(e, `save “${scenario.name}”`).message;
			}
		}
		this.scenarios = [...this.scenarios, record];
		this.saves[record.id] = { ...CLEAN };
		return record;
	}

	/** A new scenario made from another (its parent), named uniquely. */
	async createScenario(fromId: string, name?: string): Promise<Scenario> {
		const parent = this.scenario(fromId);
		if (!parent) throw new Error(`createScenario: no scenario with id "${fromId}"`);
		const scenario: Scenario = {
			...($state.snapshot(parent) as Scenario),
			id: newScenarioId(),
			name: uniqueName(name ?? `${parent.name} — copy`, this.scenarios),
			parentId: parent.id,
			description: ''
		};
		await this.#insert(scenario);
		await this.recompute();
		return scenario;
	}

	/** Renames a scenario (names are unique within a dataset). */
	async rename(id: string, name: string): Promise<void> {
		const trimmed = name.trim();
		if (!trimmed) throw new Error('A scenario needs a name.');
		if (this.scenarios.some((r) => r.id !== id && r.scenario.name === trimmed)) {
			throw new Error(`There is already a scenario called “${trimmed}”.`);
		}
		const current = this.scenario(id);
		if (current) await this.edit({ ...current, name: trimmed });
	}

	/** Stops listening to other tabs and cancels pending saves (call flush() first to keep them). */
	dispose(): void {
		for (const t of this.#timers.values()) clearTimeout(t);
		this.#timers.clear();
		this.#channel?.close();
		this.#channel = null;
		this.#client.dispose();
	}

	/** Deletes a scenario (the page asks for confirmation first). */
	async deleteScenario(id: string): Promise<void> {
		clearTimeout(this.#timers.get(id));
		this.#timers.delete(id);
		if (this.#db) {
			await storeDeleteScenario(this.#db, id);
			this.#channel?.post({ type: 'scenario-deleted', id });
		}
		this.scenarios = this.scenarios.filter((r) => r.id !== id);
		delete this.saves[id];
		this.#histories.delete(id);
		await this.recompute();
	}
}

/**
 * The built-in Kingston dataset, loaded on demand: building it runs engine code (the base
 * caseload's IPF) that is otherwise only needed in the worker, so it stays out of the first load.
 */
async function builtInDataset(): Promise<Dataset> {
	return (await import('../data/kingston')).kingstonDataset();
}

export function uniqueName(wanted: string, records: readonly ScenarioRecord[]): string {
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
	const names = new Set(records.map((r) => r.scenario.name));
	if (!names.has(wanted)) return wanted;
	for (let i = 2; ; i++) if (!names.has(`${wanted} ${i}`)) return `${wanted} ${i}`;
}

function inMemoryRecords(datasetId: string, scenarios: Scenario[]): ScenarioRecord[] {
	return scenarios.map((scenario) => ({
		id: scenario.id,
		datasetId,
		scenario,
		revision: 1,
		updatedAt: ''
	}));
}

const KEY = Symbol('workbench');

export function setWorkbench(state: WorkbenchState): WorkbenchState {
	return setContext(KEY, state);
}

export function getWorkbench(): WorkbenchState {
	const state = getContext<WorkbenchState | undefined>(KEY);
	if (!state)
		throw new Error('getWorkbench: no workbench in context (is this inside the app layout?)');
	return state;
}
