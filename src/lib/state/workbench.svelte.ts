/**
 * The app's state: which dataset is open, its scenarios and their projections, and the editing of
 * scenarios (autosave, undo/redo, conflicts with other tabs). Pages read it and call its methods;
 * they hold no business logic. Storage is IndexedDB (src/lib/storage); when it is unavailable or
 * fails the work carries on in memory, stays exportable, and the page says so.
 */
import { getContext, hasContext, setContext } from 'svelte';
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import type { ScenarioResult } from '../model/results';
import type { GoalSeekOptions, GoalSeekResult, GoalSeekTarget } from '../engine/goal-seek';
import type { SensitivityOptions, SensitivityResult } from '../engine/sensitivity';
import { ProjectionClient, createProjectionWorker } from '../client/projection';
import type { PreparedSummary } from '../client/projection';
import type { Actuals } from '../model/actuals';
import { assignScenarioColours, firstFreeColour } from '../model/colours';
import { scenarioWithRole, withRole, type ScenarioRole } from '../model/scenario-role';
import { History } from './history';
import {
	compareImport,
	deepEqual,
	createScenario as storeCreateScenario,
	deleteDataset as storeDeleteDataset,
	deleteScenario as storeDeleteScenario,
	getDatasetRecord,
	getMeta,
	getScenario,
	importScenarioSet,
	isStorageError,
	listDatasets,
	listScenarios,
	mergeThreeWay,
	newScenarioId,
	onConnectionEvent,
	openWorkbenchChannel,
	saveDatasetEdit,
	saveScenario,
	seedBuiltInDataset,
	setMeta,
	toStorageError,
	workbenchConnection,
	type DatasetRecord,
	type ImportReplacement,
	type ScenarioRecord,
	type WorkbenchChannel,
	type WorkbenchDatabase
} from '../storage';

/** What an import would replace, as the conflict dialog lists it (storage's record of it). */
export type { ImportReplacement };
/** What `goalSeek` and `sensitivity` below answer, as the editor's panels show them. */
export type { GoalSeekResult, GoalSeekTarget, SensitivityResult };
import {
	copyDatasetWithScenarios,
	copyScenariosAsNew,
	describeConflicts,
	needsReprojection,
	type DatasetConflict
} from './dataset-edits';
import { clearJournal, readJournals, writeJournal, type JournalEntry } from './journal';

/** Bumped when the built-in dataset changes in a way that should reach existing browsers. */
export const BUILT_IN_VERSION = 1;

/** How long after the last edit a scenario is saved. */
export const AUTOSAVE_MS = 400;

/** How often saves that failed (storage full…) are tried again while any is pending. */
export const RETRY_MS = 15_000;

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

/** Whether the open dataset's edits are saved (KPIs, report text, ledger, actuals…). */
export interface DatasetSaveStatus {
	dirty: boolean;
	saving: boolean;
	/** The last save failed: the edit is on screen, retried, and exportable meanwhile. */
	error: string | null;
	/** Another tab changed the same things differently: the user settles it. */
	conflict: DatasetConflict | null;
}

const DATASET_CLEAN: DatasetSaveStatus = {
	dirty: false,
	saving: false,
	error: null,
	conflict: null
};

/** What to do with an import that would replace saved work (the user's answer). */
export type ImportChoice = 'replace' | 'copy' | 'cancel';

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
	/** The projections of the scenarios in their order (those projected so far). */
	readonly resultsInOrder = $derived.by(() =>
		this.scenarios.map((r) => this.results[r.id]).filter((r) => r !== undefined)
	);
	/** Save state by scenario id. */
	saves = $state<Record<string, SaveStatus>>({});
	/** Save state of the open dataset. */
	datasetSave = $state<DatasetSaveStatus>({ ...DATASET_CLEAN });
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
	/** The open dataset as last read from or written to storage: the base of the next edit. */
	#datasetBase: DatasetRecord | null = null;
	#datasetRunning: Promise<void> | null = null;
	#datasetAgain = false;
	/** Scenarios created in this page that storage has not accepted yet (storage full…). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not state to render
	#unstored = new Set<string>();
	#retryTimer: ReturnType<typeof setInterval> | null = null;
	#stopPage: (() => void) | null = null;
	#stopConnection: (() => void) | null = null;

	#channelOption: WorkbenchChannel | undefined;

	/**
	 * `worker`: use a projection worker (a factory makes a given one, for tests). `db`: a database
	 * to use instead of the app's shared connection; `channel`: the channel to other tabs (tests
	 * pass their own).
	 */
	constructor(
		options: {
			worker?: boolean | (() => Worker);
			db?: WorkbenchDatabase | null;
			channel?: WorkbenchChannel;
		} = {}
	) {
		this.#channelOption = options.channel;
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
				if (this.#db === null) {
					this.#db = await workbenchConnection();
					// Saves after this fail, each saying so (the edit stays on screen, exportable).
					this.#stopConnection = onConnectionEvent((event) => {
						this.storageProblem = event.message;
					});
				}
				await seedBuiltInDataset(this.#db, {
					...(await builtInScenarioSet()),
					version: BUILT_IN_VERSION
				});
				this.notice = await this.#replayJournal(this.#db);
				this.datasets = await listDatasets(this.#db);
				const last = await getMeta(this.#db, 'lastOpened');
				const record =
					(last && (await getDatasetRecord(this.#db, last.datasetId))) ??
					(this.datasets[0] && (await getDatasetRecord(this.#db, this.datasets[0].id))) ??
					null;
				dataset = record?.dataset ?? null;
				this.#datasetBase = record;
				if (dataset) records = await listScenarios(this.#db, dataset.id);
				this.#listen();
			} catch (e) {
				this.#db = null;
				this.#datasetBase = null;
				this.storageProblem =
					toStorageError(e, 'open this browser’s saved work').message +
					' You can keep working: changes stay in this page until you close it, and can be exported.';
			}
			if (!dataset) {
				const builtIn = await builtInScenarioSet();
				dataset = builtIn.dataset;
				records = inMemoryRecords(dataset.id, builtIn.scenarios);
				this.datasets = [dataset];
			}
			await this.#open(dataset, records, this.#datasetBase);
			this.#listenToPage();
			this.status = 'ready';
		} catch (e) {
			this.error = (e as Error).message;
			this.status = 'error';
		}
	}

	#listen() {
		this.#channel = this.#channelOption ?? openWorkbenchChannel();
		this.#channel.subscribe((m) => {
			if (m.type === 'scenario-saved') {
				this.#theirSave(m.id, m.revision).catch(
					(e) => (this.storageProblem = toStorageError(e, 'read a change from another tab').message)
				);
			} else if (m.type === 'scenario-deleted' && this.scenarios.some((r) => r.id === m.id)) {
				this.notice = 'A scenario was deleted in another tab.';
				this.scenarios = this.scenarios.filter((r) => r.id !== m.id);
				void this.recompute();
			} else if (m.type === 'dataset-saved' || m.type === 'imported') {
				const id = m.type === 'imported' ? m.datasetId : m.id;
				void this.#refreshDatasets();
				if (id === this.dataset?.id) {
					this.#theirDatasetSave(m.type === 'imported' ? m.scenarioIds : []).catch(
						(e) =>
							(this.storageProblem = toStorageError(e, 'read a change from another tab').message)
					);
				}
			} else if (m.type === 'dataset-deleted') {
				void this.#refreshDatasets();
				if (m.id === this.dataset?.id) {
					this.notice =
						'This dataset was deleted in another tab: what is on screen is no longer saved (export it to keep it).';
					this.#datasetBase = null;
				}
			}
		});
	}

	/**
	 * Another tab saved the open dataset (or imported over it): show its version when this tab has
	 * no unsaved dataset edit; otherwise this tab's next save merges the two (saveDatasetEdit).
	 * Scenarios it imported are taken as other tabs' saves.
	 */
	async #theirDatasetSave(scenarioIds: string[]) {
		const db = this.#db;
		const open = this.dataset;
		if (!db || !open) return;
		const record = await getDatasetRecord(db, open.id);
		const base = this.#datasetBase;
		const busy = this.datasetSave.dirty || this.datasetSave.saving || this.datasetSave.conflict;
		if (record && base && record.revision > base.revision && !busy && this.dataset === open) {
			this.#datasetBase = record;
			this.#showDataset(record.dataset);
			this.notice = `“${record.dataset.name}” was updated in another tab; this page now shows that version.`;
			if (needsReprojection(open, record.dataset)) await this.#reproject();
		}
		for (const id of scenarioIds) {
			const theirs = await getScenario(db, id);
			if (!theirs || theirs.datasetId !== open.id) continue;
			if (this.scenarios.some((r) => r.id === id)) await this.#theirSave(id, theirs.revision);
			else {
				this.scenarios = [...this.scenarios, theirs];
				this.saves[id] = { ...CLEAN };
				await this.recompute();
			}
		}
	}

	/** Puts a dataset on screen (and in the list of datasets). */
	#showDataset(dataset: Dataset) {
		this.dataset = dataset;
		this.datasets = this.datasets.map((d) => (d.id === dataset.id ? dataset : d));
	}

	async #reproject() {
		if (!this.dataset) return;
		this.prepared = await this.#client.prepare(this.dataset);
		await this.recompute();
	}

	/**
	 * Keeps work safe when the page is hidden or closed: a field being typed in is committed (its
	 * change event), pending edits are saved, and what is still unsaved is written to a journal
	 * that the next load replays (journal.ts). When the page is shown again, saves that failed are
	 * tried again.
	 */
	#listenToPage() {
		if (typeof document === 'undefined' || typeof window === 'undefined') return;
		const hide = () => {
			commitActiveField();
			this.#writeJournal();
			void this.flush().then(() => this.#writeJournal());
		};
		const onVisibility = () => {
			if (document.visibilityState === 'hidden') hide();
			else void this.retryFailed();
		};
		document.addEventListener('visibilitychange', onVisibility);
		// pagehide, not beforeunload: a beforeunload listener keeps pages out of the back/forward
		// cache in some browsers, and pagehide fires on every unload that beforeunload would.
		window.addEventListener('pagehide', hide);
		this.#stopPage = () => {
			document.removeEventListener('visibilitychange', onVisibility);
			window.removeEventListener('pagehide', hide);
		};
	}

	/** Writes this page's unsaved scenario edits to the journal (or clears it when none are). */
	#writeJournal() {
		const entries: JournalEntry[] = this.scenarios
			.filter((r) => this.saves[r.id]?.dirty && !this.saves[r.id]?.conflict)
			.map((r) => ({
				id: r.id,
				datasetId: r.datasetId,
				revision: r.revision,
				stored: !this.#unstored.has(r.id),
				scenario: $state.snapshot(r.scenario) as Scenario
			}));
		writeJournal(entries);
	}

	/**
	 * Saves the edits a page left unsaved when it was closed (journal.ts): over the saved scenario
	 * when nobody saved it since, as a recovered copy when somebody did. Returns a notice, or null.
	 */
	async #replayJournal(db: WorkbenchDatabase): Promise<string | null> {
		const journals = readJournals();
		const recovered: string[] = [];
		for (const journal of journals) {
			for (const entry of journal.entries) {
				try {
					const stored = await getScenario(db, entry.id);
					// A journal written before scenarios had roles (docs/model.md §6.1): the stored role.
					const scenario: Scenario =
						typeof (entry.scenario as Partial<Scenario>).role === 'string'
							? entry.scenario
							: { ...entry.scenario, role: stored?.scenario.role ?? 'none' };
					if (!stored) {
						if (!entry.stored) {
							await storeCreateScenario(db, entry.datasetId, scenario);
						}
						continue;
					}
					if (JSON.stringify(stored.scenario) === JSON.stringify(scenario)) continue;
					if (stored.revision === entry.revision) {
						await saveScenario(db, { id: entry.id, scenario }, entry.revision);
					} else {
						const names = await listScenarios(db, stored.datasetId);
						const name = uniqueName(`${scenario.name} (recovered)`, names);
						await storeCreateScenario(db, stored.datasetId, {
							...scenario,
							id: newScenarioId(),
							name,
							role: 'none'
						});
						recovered.push(name);
					}
				} catch {
					// Left in the journal's place: nothing more can be done without storage.
					continue;
				}
			}
			clearJournal(journal.key);
		}
		return recovered.length
			? `An edit left unsaved when a page was closed clashed with a later save; it was kept as ${recovered.map((n) => `“${n}”`).join(', ')}.`
			: null;
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
		if (this.saves[id]?.dirty && !deepEqual(theirs.scenario, mine.scenario)) {
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
	async #open(
		dataset: Dataset,
		records: ScenarioRecord[],
		base: DatasetRecord | null = null
	): Promise<void> {
		this.dataset = dataset;
		this.#datasetBase = base;
		this.datasetSave = { ...DATASET_CLEAN };
		records = await this.#colour(records);
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

	/**
	 * Gives the scenarios without a colour (files and databases from before colours were stored)
	 * the first palette colour unused in their dataset, and saves them so that the colour stays
	 * (docs/model.md §6.1). A save that fails is no loss: the same colour is given next time.
	 */
	async #colour(records: ScenarioRecord[]): Promise<ScenarioRecord[]> {
		const { scenarios, assigned } = assignScenarioColours(records.map((r) => r.scenario));
		if (assigned.length === 0) return records;
		const out = records.map((r, i) =>
			scenarios[i] === r.scenario ? r : { ...r, scenario: scenarios[i] }
		);
		const db = this.#db;
		if (!db) return out;
		return Promise.all(
			out.map(async (r) => {
				if (!assigned.includes(r.id)) return r;
				try {
					const saved = await saveScenario(db, { id: r.id, scenario: r.scenario }, r.revision);
					this.#channel?.post({ type: 'scenario-saved', id: r.id, revision: saved.revision });
					return saved;
				} catch {
					return r;
				}
			})
		);
	}

	/**
	 * Sets a scenario's colour (one of the palette's, model/colours.ts), kept on every chart and
	 * export; undoable like any edit.
	 */
	async setColour(id: string, colour: string): Promise<void> {
		const current = this.scenario(id);
		if (!current) throw new Error(`setColour: no open scenario with id "${id}"`);
		if (current.colour !== colour) await this.edit({ ...current, colour });
	}

	/** Opens a saved dataset by id. */
	async openDataset(id: string): Promise<void> {
		await this.flush();
		if (!this.#db) {
			const ds = this.datasets.find((d) => d.id === id);
			if (ds) await this.#open(ds, inMemoryRecords(ds.id, []));
			return;
		}
		const record = await getDatasetRecord(this.#db, id);
		if (!record) throw new Error(`No dataset with id "${id}" is saved in this browser.`);
		await this.#open(record.dataset, await listScenarios(this.#db, id), record);
	}

	/**
	 * Adds a dataset with its scenarios (an import or the new dataset wizard) in one transaction,
	 * then opens it. Nothing is saved if any part fails, nor when the dataset or a scenario cannot
	 * be projected (the error names which and why).
	 *
	 * Saved work is never replaced silently: when the dataset or a scenario is already saved here
	 * with different content, `confirm` is shown what differs and answers 'replace', 'copy' (keep
	 * both: the file's versions are added under new ids, renamed) or 'cancel' (nothing changes).
	 * Without `confirm`, 'copy' is taken. Resolves with what was done.
	 */
	async addDataset(
		dataset: Dataset,
		scenarios: Scenario[],
		confirm?: (replacements: ImportReplacement[]) => Promise<ImportChoice>
	): Promise<{ choice: ImportChoice | 'new'; dataset: Dataset; scenarios: Scenario[] }> {
		await this.flush();
		// A dataset that cannot be projected is not saved (issue 13): try it first, in the worker.
		const problems = await this.#client.check(dataset, scenarios);
		if (problems.length > 0) {
			throw new Error(
				`“${dataset.name}” was not saved: it cannot be projected. ` +
					problems
						.map((p) => (p.scenario ? `Scenario “${p.scenario}”: ${p.message}` : p.message))
						.join(' ')
			);
		}
		if (!this.#db) {
			this.datasets = [...this.datasets.filter((d) => d.id !== dataset.id), dataset];
			await this.#open(dataset, inMemoryRecords(dataset.id, scenarios));
			return { choice: 'new', dataset, scenarios };
		}
		const replacements = await compareImport(this.#db, dataset, scenarios);
		let choice: ImportChoice | 'new' = 'new';
		if (replacements.length) {
			choice = confirm ? await confirm(replacements) : 'copy';
			if (choice === 'cancel') return { choice, dataset, scenarios };
			if (choice === 'copy') {
				const datasetReplaced = replacements.some((r) => r.kind === 'dataset');
				if (datasetReplaced) {
					const names = (await listDatasets(this.#db)).map((d) => d.name);
					({ dataset, scenarios } = copyDatasetWithScenarios(
						dataset,
						scenarios,
						`${dataset.name} (imported)`,
						names
					));
				} else {
					const existing = await listScenarios(this.#db, dataset.id);
					scenarios = copyScenariosAsNew(
						scenarios,
						replacements.map((r) => r.id),
						existing.map((r) => r.scenario.name),
						existing.map((r) => r.scenario.colour)
					);
				}
			}
		}
		await importScenarioSet(this.#db, dataset, scenarios);
		if (choice === 'copy' && !confirm) {
			this.notice = `Saved work in this browser differs from what was imported, so nothing was replaced: the import was added beside it (“${dataset.name}”; scenarios renamed “(imported)” where needed).`;
		}
		this.#channel?.post({
			type: 'imported',
			datasetId: dataset.id,
			scenarioIds: scenarios.map((s) => s.id)
		});
		await this.#refreshDatasets();
		const record = await getDatasetRecord(this.#db, dataset.id);
		await this.#open(dataset, await listScenarios(this.#db, dataset.id), record ?? null);
		return { choice, dataset, scenarios };
	}

	/**
	 * Saves a changed dataset (KPI actuals and overrides, report text, ledger figures, actuals…).
	 * Pass `reproject: false` when nothing the projection reads has changed (KPIs, report text).
	 * The change is applied in memory first, so a storage failure loses nothing on screen.
	 *
	 * The save names the revision this page last read: when another tab saved the dataset since,
	 * the two edits are merged (edits of different things both kept) and only two different edits
	 * of the same thing wait in `datasetSave.conflict` for the user (resolveDatasetConflict).
	 * `scenarios`: scenarios changed with it (re-basing on actuals), saved as edits of each.
	 */
	async updateDataset(
		next: Dataset,
		{ reproject = true, scenarios }: { reproject?: boolean; scenarios?: Scenario[] } = {}
	): Promise<void> {
		const plainNext = $state.snapshot(next) as Dataset;
		this.#showDataset(plainNext);
		this.datasetSave = { ...this.datasetSave, dirty: true };
		if (this.#db && this.#datasetBase) await this.#saveDataset();
		for (const s of scenarios ?? []) {
			const current = this.scenario(s.id);
			if (current && JSON.stringify(current) !== JSON.stringify(s)) await this.edit(s);
		}
		if (reproject) await this.#reproject();
	}

	/** Saves the open dataset's edit, one save at a time; resolves when no save is running. */
	#saveDataset(): Promise<void> {
		if (this.#datasetRunning) {
			this.#datasetAgain = true;
			return this.#datasetRunning;
		}
		this.#datasetRunning = (async () => {
			do {
				this.#datasetAgain = false;
				await this.#saveDatasetOnce();
			} while (this.#datasetAgain);
		})().finally(() => (this.#datasetRunning = null));
		return this.#datasetRunning;
	}

	async #saveDatasetOnce(): Promise<void> {
		const db = this.#db;
		const base = this.#datasetBase;
		const mine = this.dataset;
		const status = this.datasetSave;
		if (!db || !base || !mine || mine.id !== base.dataset.id) return;
		if (!status.dirty || status.conflict) return;
		this.datasetSave = { ...status, saving: true };
		try {
			const out = await saveDatasetEdit(db, {
				base: base.dataset,
				baseRevision: base.revision,
				next: mine
			});
			if (this.dataset?.id !== mine.id) return;
			if (out.kind === 'conflict') {
				this.datasetSave = {
					...this.datasetSave,
					saving: false,
					error: null,
					conflict: describeConflicts(mine, out.theirs, out.conflicts)
				};
				return;
			}
			this.#datasetBase = out.record;
			const editedMeanwhile = this.dataset !== mine;
			if (out.kind === 'merged') {
				// Edits made while saving are carried over onto the merged version.
				const shown = editedMeanwhile
					? mergeThreeWay(mine, this.dataset, out.record.dataset).value
					: out.record.dataset;
				this.#showDataset(shown);
				this.notice = `Your change to “${mine.name}” was saved together with changes made to it in another tab.`;
				if (needsReprojection(mine, out.record.dataset)) await this.#reproject();
			}
			this.datasetSave = { dirty: editedMeanwhile, saving: false, error: null, conflict: null };
			this.#clearSaveProblem();
			this.#channel?.post({ type: 'dataset-saved', id: mine.id, revision: out.record.revision });
			if (editedMeanwhile) this.#datasetAgain = true;
		} catch (e) {
			const message = toStorageError(e, `save “${mine.name}”`).message;
			this.datasetSave = { ...this.datasetSave, saving: false, error: message };
			this.#failed(message);
		}
	}

	/**
	 * Settles a dataset conflict with another tab. 'mine': this tab's version of each clashing
	 * item is saved; 'theirs': the other tab's is kept (this tab's other edits are still saved);
	 * 'copy' (keep both): the saved dataset keeps the other tab's version and this tab's whole
	 * version is saved as a new dataset, with copies of the scenarios.
	 */
	async resolveDatasetConflict(choice: 'mine' | 'theirs' | 'copy'): Promise<void> {
		const db = this.#db;
		const base = this.#datasetBase;
		const mine = this.dataset;
		if (!db || !base || !mine || !this.datasetSave.conflict) return;
		const theirs = (await getDatasetRecord(db, mine.id)) ?? this.datasetSave.conflict.theirs;
		let resolved: Dataset;
		if (choice === 'copy') {
			const names = this.datasets.map((d) => d.name);
			const copy = copyDatasetWithScenarios(
				mine,
				this.scenarios.map((r) => r.scenario),
				`${mine.name} (my version)`,
				names
			);
			await importScenarioSet(db, copy.dataset, copy.scenarios);
			this.#channel?.post({
				type: 'imported',
				datasetId: copy.dataset.id,
				scenarioIds: copy.scenarios.map((s) => s.id)
			});
			await this.#refreshDatasets();
			resolved = theirs.dataset;
			this.notice = `Your version was kept as the dataset “${copy.dataset.name}” (open it from the Data page); this page shows the other tab’s.`;
		} else {
			resolved = mergeThreeWay(base.dataset, mine, theirs.dataset, choice).value;
		}
		this.#datasetBase = theirs;
		this.#showDataset(resolved);
		this.datasetSave = { ...DATASET_CLEAN, dirty: true };
		await this.#saveDataset();
		if (needsReprojection(mine, resolved)) await this.#reproject();
	}

	/** A failed save: said in the banner, and tried again until storage takes it. */
	#failed(message: string) {
		this.#saveProblem = `${message} Your change is kept in this page meanwhile: it is tried again every few seconds and with your next edit (or export your scenarios to keep a copy).`;
		this.storageProblem = this.#saveProblem;
		if (this.#retryTimer === null && typeof setInterval === 'function') {
			this.#retryTimer = setInterval(() => void this.retryFailed(), RETRY_MS);
		}
	}

	#clearSaveProblem() {
		if (this.storageProblem !== null && this.storageProblem === this.#saveProblem) {
			this.storageProblem = this.#saveProblem = null;
		}
	}

	/** How many saves failed and wait to be tried again (the dataset counts as one). */
	get failedSaveCount(): number {
		const scenarios = Object.values(this.saves).filter((s) => s.dirty && s.error !== null).length;
		return scenarios + (this.datasetSave.error ? 1 : 0);
	}

	/** Whether any save failed and waits to be tried again. */
	get hasFailedSaves(): boolean {
		return this.failedSaveCount > 0;
	}

	/** Tries again every save that failed (storage full…); stops retrying once none is left. */
	async retryFailed(): Promise<void> {
		if (this.datasetSave.error && this.datasetSave.dirty) await this.#saveDataset();
		await this.flush();
		if (!this.hasFailedSaves && this.#retryTimer !== null) {
			clearInterval(this.#retryTimer);
			this.#retryTimer = null;
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
			else {
				const builtIn = await builtInScenarioSet();
				await this.addDataset(builtIn.dataset, builtIn.scenarios);
			}
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

	/**
	 * Records actuals in the open dataset and re-bases its scenarios (engine/rebase.ts), in the
	 * projection worker; nothing is saved (the caller adds the result with `addDataset`).
	 */
	applyActuals(scenarios: Scenario[], planId: string | null, actuals: Actuals) {
		if (!this.dataset) throw new Error('applyActuals: no dataset is open');
		return this.#client.applyActuals(this.dataset, scenarios, planId, actuals);
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

	/** The projection of the dataset's plan or reference projection (by role, docs/model.md §6.1). */
	resultWithRole(role: 'plan' | 'projection'): ScenarioResult | undefined {
		const s = scenarioWithRole(
			this.scenarios.map((r) => r.scenario),
			role
		);
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
		// At most one plan and one projection (docs/model.md §6.1): whichever scenario took a role
		// last (an edit, an undo or a redo) keeps it, and the one that held it gives it up.
		const others = withRole(
			this.scenarios.map((r) => r.scenario),
			next.id,
			next.role
		).slice(1);
		this.#replace({ ...current, scenario: next });
		this.#status(next.id, { dirty: true });
		this.#scheduleSave(next.id);
		for (const other of others) {
			const record = this.scenarios.find((r) => r.id === other.id)!;
			this.#replace({ ...record, scenario: other });
			this.#status(other.id, { dirty: true });
			this.#scheduleSave(other.id);
		}
		await this.recompute();
	}

	/**
	 * Makes scenario `id` the dataset's financial plan or reference projection, or neither
	 * (model/scenario-role.ts): an undoable edit; the scenario that held the role gives it up.
	 */
	async setRole(id: string, role: ScenarioRole): Promise<void> {
		const current = this.scenario(id);
		if (!current) throw new Error(`setRole: no open scenario with id "${id}"`);
		if (current.role !== role) await this.edit({ ...current, role });
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
			setTimeout(() => {
				void this.save(id);
				// An edit is also the moment to try again what storage refused before.
				if (this.hasFailedSaves) void this.retryFailed();
			}, AUTOSAVE_MS)
		);
	}

	/**
	 * Why reloading the page now would lose work (an edit not saved in this browser), or null.
	 * Call after flush(). Used before a reload into a new version of the app.
	 */
	unsavedWork(): string | null {
		const unsaved = this.scenarios.filter((r) => this.saves[r.id]?.dirty).length;
		if (unsaved === 0 && !this.datasetSave.dirty) return null;
		const what =
			unsaved === 0
				? 'The dataset has'
				: unsaved === 1
					? 'One scenario has'
					: `${unsaved} scenarios have`;
		return `${what} changes not saved in this browser: reloading now would lose them. Export your scenarios first (Scenarios → Export).`;
	}

	/** Saves every pending edit now (before leaving a dataset, or on page hide). */
	async flush(): Promise<void> {
		if (this.datasetSave.dirty && !this.datasetSave.conflict) await this.#saveDataset();
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
			// A scenario created while storage refused it is created now, not saved over.
			const saved = this.#unstored.has(id)
				? await storeCreateScenario(this.#db, record.datasetId, record.scenario)
				: await saveScenario(this.#db, { id, scenario: record.scenario }, record.revision);
			this.#unstored.delete(id);
			// Keep later edits made while saving; only the revision moves on.
			const now = this.scenarios.find((r) => r.id === id)!;
			this.#replace({ ...saved, scenario: now.scenario });
			this.#status(id, {
				saving: false,
				dirty: now.scenario !== record.scenario,
				error: null
			});
			this.#clearSaveProblem();
			this.#channel?.post({ type: 'scenario-saved', id, revision: saved.revision });
			if (now.scenario !== record.scenario) this.#scheduleSave(id);
		} catch (e) {
			if (isStorageError(e, 'conflict')) {
				const theirs = (await getScenario(this.#db, id).catch(() => undefined)) ?? null;
				const now = this.scenarios.find((r) => r.id === id);
				if (theirs && now && deepEqual(theirs.scenario, now.scenario)) {
					// The other save was this very edit (replayed from a journal): nothing clashes.
					this.#replace(theirs);
					this.#status(id, { ...CLEAN });
					return;
				}
				this.#status(id, { saving: false, conflict: { message: (e as Error).message, theirs } });
			} else {
				const message = toStorageError(e, 'save the scenario').message;
				this.#status(id, { saving: false, error: message });
				// Also in the page's banner: the edit is on screen but not on disk.
				this.#failed(message);
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
		// A new scenario (a copy keeps its parent's levers, not its colour): the first colour free.
		const colour = firstFreeColour(this.scenarios.map((r) => r.scenario.colour));
		// Nor its role: a copy of the plan is not a second plan (docs/model.md §6.1).
		scenario = { ...scenario, colour, role: 'none' };
		let record: ScenarioRecord = {
			id: scenario.id,
			datasetId: this.dataset!.id,
			scenario,
			revision: 1,
			updatedAt: ''
		};
		let status: SaveStatus = { ...CLEAN };
		if (this.#db) {
			try {
				record = await storeCreateScenario(this.#db, this.dataset!.id, scenario);
				this.#channel?.post({ type: 'scenario-saved', id: record.id, revision: record.revision });
			} catch (e) {
				// Never "Saved" when it was not: the scenario stays on screen, unsaved, and is
				// created when storage takes it (retried, and with the next edit).
				const message = toStorageError(e, `save “${scenario.name}”`).message;
				this.#unstored.add(record.id);
				status = { ...CLEAN, dirty: true, error: message };
				this.#failed(message);
			}
		}
		this.scenarios = [...this.scenarios, record];
		this.saves[record.id] = status;
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
		const record = await this.#insert(scenario);
		await this.recompute();
		return record.scenario;
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
		if (this.#retryTimer !== null) clearInterval(this.#retryTimer);
		this.#retryTimer = null;
		this.#stopPage?.();
		this.#stopPage = null;
		this.#stopConnection?.();
		this.#stopConnection = null;
		this.#channel?.close();
		this.#channel = null;
		this.#client.dispose();
	}

	/** Deletes a scenario (the page asks for confirmation first). */
	async deleteScenario(id: string): Promise<void> {
		clearTimeout(this.#timers.get(id));
		this.#timers.delete(id);
		if (this.#db && !this.#unstored.has(id)) {
			await storeDeleteScenario(this.#db, id);
			this.#channel?.post({ type: 'scenario-deleted', id });
		}
		this.#unstored.delete(id);
		this.scenarios = this.scenarios.filter((r) => r.id !== id);
		delete this.saves[id];
		this.#histories.delete(id);
		await this.recompute();
	}
}

/**
 * The built-in Kingston dataset and its scenarios (a scenario-set file, read and validated by
 * the import reader), loaded on demand so the file stays out of the first load.
 */
async function builtInScenarioSet(): Promise<{ dataset: Dataset; scenarios: Scenario[] }> {
	return (await import('../data/kingston')).kingstonScenarioSet();
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

/**
 * Commits the field being typed in (a description not yet blurred), by the change event its page
 * listens to, so that hiding or closing the page does not lose it.
 */
function commitActiveField() {
	const el = document.activeElement;
	const typed =
		el instanceof HTMLTextAreaElement ||
		(el instanceof HTMLInputElement && ['text', 'number', 'search', ''].includes(el.type));
	if (typed) el.dispatchEvent(new Event('change', { bubbles: true }));
}

const KEY = Symbol('workbench');

export function setWorkbench(state: WorkbenchState): WorkbenchState {
	return setContext(KEY, state);
}

/** The workbench in context, or null outside the app's layout (a component rendered alone). */
export function findWorkbench(): WorkbenchState | null {
	return hasContext(KEY) ? (getContext<WorkbenchState | undefined>(KEY) ?? null) : null;
}

export function getWorkbench(): WorkbenchState {
	const state = getContext<WorkbenchState | undefined>(KEY);
	if (!state)
		throw new Error('getWorkbench: no workbench in context (is this inside the app layout?)');
	return state;
}
