/**
 * The Mastodon C comparison page's workflow (Compare › Mastodon C): this workbench's simulations
 * of a scenario the witan.send way (`WitanRunner`), Mastodon C's `Output_*.csv` files read in the
 * import worker and kept in this tab's memory (`mastodon`), and the comparison of the two by
 * table, key and January census, with where the two models differ (children moved on past their
 * setting's last year).
 *
 * The page composes this with its components; it holds no logic of its own.
 *
 * @example
 * const flow = new MastodonComparison(getWorkbench());
 * await flow.pick([...input.files]); // their files, then our run
 * flow.rows; // ours against theirs, by census
 */
import type { WitanProblem } from '../client/witan';
import { formatCount, formatMillions } from '../model/format';
import {
	compareWitanRows,
	mastodon,
	movedOnSummary,
	readPickedFiles,
	WITAN_OUTPUT_KINDS,
	witanKeys,
	type WitanOutputKind
} from './witan-compare.svelte';
import { WitanRunner } from './witan-runner.svelte';
import type { WorkbenchState } from './workbench.svelte';

/** Each witan.send output's name on the page. */
export const WITAN_OUTPUT_LABELS: Record<WitanOutputKind, string> = {
	count: 'EHCPs in all (Output_Count)',
	cost: 'Placement cost (Output_Cost)',
	ay: 'EHCPs by academic year (Output_AY)',
	need: 'EHCPs by need (Output_Need)',
	setting: 'EHCPs by setting (Output_Setting)'
};

/** Most simulations a run may ask for. */
export const MAX_WITAN_SIMS = 100_000;

export class MastodonComparison {
	readonly workbench: WorkbenchState;
	readonly runner = new WitanRunner();

	constructor(workbench: WorkbenchState) {
		this.workbench = workbench;
	}

	/** Stops the runner's worker (the page is left). */
	dispose(): void {
		this.runner.dispose();
	}

	// --- Our simulations

	readonly dataset = $derived.by(() => this.workbench.dataset);
	readonly scenarios = $derived.by(() => this.workbench.scenarios.map((r) => r.scenario));
	/** The scenario chosen; '' (or one deleted): the first. */
	scenarioId = $state('');
	readonly scenario = $derived.by(
		() => this.scenarios.find((s) => s.id === this.scenarioId) ?? this.scenarios[0]
	);
	sims = $state(1000);
	readonly simsOk = $derived.by(
		() => Number.isInteger(this.sims) && this.sims >= 1 && this.sims <= MAX_WITAN_SIMS
	);
	/** What our last run was of, so that a run is not repeated for nothing. */
	#ranFor = $state<string | null>(null);
	readonly #wanted = $derived.by(() => {
		const { dataset, scenario } = this;
		return dataset && scenario
			? JSON.stringify([dataset.id, scenario.id, scenario.monteCarlo.seed, this.sims])
			: null;
	});
	/** Our run's outputs, when it is of the scenario, seed and simulations chosen now. */
	readonly ours = $derived.by(() =>
		this.#ranFor !== null && this.#ranFor === this.#wanted ? this.runner.result : null
	);

	/** Runs our simulations of the chosen scenario (the witan.send way). */
	async runOurs(): Promise<void> {
		const { dataset, scenario } = this;
		const key = this.#wanted;
		if (!dataset || !scenario || !this.simsOk || key === null) return;
		const r = await this.runner.run($state.snapshot(dataset), $state.snapshot(scenario), {
			sims: this.sims,
			seed: scenario.monteCarlo.seed
		});
		if (r) this.#ranFor = key;
	}

	/** Runs ours once their files are here (kept from an earlier visit in this tab). */
	async start(): Promise<void> {
		if (mastodon.imported) await this.runOurs();
	}

	/** After another scenario is chosen: our run follows when their files are here. */
	async scenarioChanged(): Promise<void> {
		if (mastodon.imported) await this.runOurs();
	}

	// --- Their files

	reading = $state(false);
	refused = $state.raw<{ errors: WitanProblem[]; errorCount: number } | null>(null);
	readWarnings = $state.raw<string[]>([]);

	/**
	 * Reads their output files (checked in the import worker). Refused files leave what was read
	 * before as it was; read ones replace it, and our run follows if there is none yet.
	 */
	async pick(files: File[]): Promise<void> {
		if (files.length === 0) return;
		this.reading = true;
		this.refused = null;
		this.readWarnings = [];
		try {
			const read = await this.runner.client.readOutputs(await readPickedFiles(files));
			this.readWarnings = read.warnings;
			if (!read.ok) {
				this.refused = { errors: read.errors, errorCount: read.errorCount };
				return;
			}
			mastodon.imported = { outputs: read.outputs, files: read.files, warnings: read.warnings };
			this.kind = null;
			this.key = null;
		} catch (err) {
			this.refused = {
				errors: [{ file: '(files)', row: null, column: null, message: (err as Error).message }],
				errorCount: 1
			};
		} finally {
			this.reading = false;
		}
		if (mastodon.imported && !this.ours) await this.runOurs();
	}

	/** Forgets their files. */
	forget(): void {
		mastodon.imported = null;
		this.refused = null;
		this.readWarnings = [];
	}

	// --- The comparison

	readonly theirs = $derived.by(() => mastodon.imported?.outputs ?? null);
	/** The outputs both sides can be compared on: those of their files. */
	readonly kinds = $derived.by(() => {
		const theirs = this.theirs;
		return theirs ? WITAN_OUTPUT_KINDS.filter((k) => theirs[k]) : [];
	});
	/** The table chosen; null (or one not read): the first. */
	kind = $state<WitanOutputKind | null>(null);
	readonly shownKind = $derived.by(() =>
		this.kind && this.kinds.includes(this.kind) ? this.kind : (this.kinds[0] ?? null)
	);
	readonly keys = $derived.by(() =>
		this.shownKind && this.theirs ? witanKeys(this.theirs[this.shownKind]!) : []
	);
	/** The academic year, need or setting chosen; null (or one not there): the first. */
	key = $state<string | number | null>(null);
	readonly shownKey = $derived.by(() =>
		this.keys.length ? (this.keys.includes(this.key!) ? this.key : this.keys[0]) : null
	);
	readonly rows = $derived.by(() => {
		const { theirs, ours, shownKind } = this;
		return theirs && ours && shownKind
			? compareWitanRows(ours.outputs[shownKind], theirs[shownKind]!, {
					key: this.shownKey,
					shift: mastodon.shift
				})
			: [];
	});
	readonly isCost = $derived.by(() => this.shownKind === 'cost');
	/** What the chart and table show, in words. */
	readonly what = $derived.by(() => {
		const kind = this.shownKind;
		if (!kind) return '';
		const key = this.shownKey;
		const keyLabel =
			key === null ? '' : kind === 'ay' ? `, academic year ${key}` : `, ${kind} ${key}`;
		return `${WITAN_OUTPUT_LABELS[kind]}${keyLabel}`;
	});

	/** A figure of the table shown: £m for costs; children, with one decimal when between two. */
	value(v: number | null | undefined): string {
		if (this.isCost) return formatMillions(v);
		const between = v !== null && v !== undefined && !Number.isInteger(Math.round(v * 10) / 10);
		return formatCount(v, { dp: between ? 1 : 0 });
	}

	/** A difference, signed; '–' when one side has no figure. */
	signed(v: number | null): string {
		if (v === null) return '–';
		return `${v > 0 ? '+' : ''}${this.isCost ? formatMillions(v) : this.value(v)}`;
	}

	/** What a year's label needs beside it: their own label when shifted, our observed base. */
	notes(r: { year: number; theirYear: number | null }): string[] {
		return [
			...(r.theirYear !== null && r.theirYear !== r.year ? [`their ${r.theirYear}`] : []),
			...(this.ours && r.year === this.ours.censuses[0] ? ['our base, observed'] : [])
		];
	}

	// --- Where the two models differ: children past their setting's last year

	readonly movedOn = $derived.by(() => (this.ours ? movedOnSummary(this.ours.movedOn) : null));

	/** Our mean EHCPs at a census, to put the children moved on in proportion. */
	ourMean(census: number): number | null {
		return this.ours?.outputs.count.find((r) => r.calendarYear === census)?.stats.mean ?? null;
	}
}
