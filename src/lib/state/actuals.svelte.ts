/**
 * The Actuals page's workflow (Data › Actuals): which scenario is the plan actuals are compared
 * with and which re-based projection is shown, the forms that record a census or a year's spend,
 * reading them from CSV templates, and recording — every change checked, then re-based in the
 * projection worker and saved as an edit of the open dataset (docs/model.md §3 re-basing, §6.1
 * scenario roles, decision 0026).
 *
 * The page composes this with its components; it holds no logic of its own.
 *
 * @example
 * const page = new ActualsWorkflow(getWorkbench());
 * page.totalText = '1,560'; page.census = 2022; await page.recordCaseload();
 */
import type { Dataset, SavingsLine } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import {
	actualFigure,
	checkActuals,
	mergeActuals,
	readActuals,
	setCaseloadActual,
	setSpendActual,
	type Actuals,
	type CaseloadActual
} from '../model/actuals';
import { AGE_BANDS, type AgeBandId } from '../model/categories';
import { describeProvenance, type Figure } from '../model/provenance';
import { scenarioWithRole } from '../model/scenario-role';
import type { FinancialYear } from '../model/years';
import { financialYearOfCensus } from '../model/years';
import { formatCount } from '../model/format';
import {
	TEMPLATE_FILES,
	caseloadActualsTemplateCsv,
	readCaseloadActuals,
	readNumberCell,
	readSpendActuals,
	spendActualsTemplateCsv
} from '../io/templates';
import { planVsActual } from './plan-vs-actual';
import type { WorkbenchState } from './workbench.svelte';

/** The template files' names, for the download buttons. */
export const ACTUALS_TEMPLATE_FILES = {
	caseload: TEMPLATE_FILES.caseloadActuals,
	spend: TEMPLATE_FILES.spendActuals
} as const;

/**
 * The projection re-based against actuals shown by default: the dataset's reference projection
 * (role `projection`) unless it is the plan compared with, else the first other scenario.
 * @example defaultProjectionId(kingstonScenarios(), 'sva-financial-model-2021-22') // 'may-2021-projection'
 */
export function defaultProjectionId(
	scenarios: readonly Scenario[],
	planId: string | null
): string | null {
	const byRole = scenarioWithRole(scenarios, 'projection');
	if (byRole && byRole.id !== planId) return byRole.id;
	return scenarios.find((s) => s.id !== planId)?.id ?? null;
}

/**
 * A recorded census actual in words: "total 1,560, 2 age bands, 1 placement".
 * @example caseloadParts({ census: 2022, total: actualFigure(1560), byAgeBand: {}, bySetting: {} }) // 'total 1,560'
 */
export function caseloadParts(a: CaseloadActual): string {
	const parts: string[] = [];
	if (a.total) parts.push(`total ${formatCount(a.total.value)}`);
	const bands = AGE_BANDS.filter((b) => a.byAgeBand[b.id]);
	if (bands.length) parts.push(`${bands.length} age band${bands.length === 1 ? '' : 's'}`);
	const settings = Object.keys(a.bySetting).length;
	if (settings) parts.push(`${settings} placement${settings === 1 ? '' : 's'}`);
	return parts.join(', ');
}

/** Where a recorded census actual came from (its first figure's provenance), in words. */
export function caseloadSource(a: CaseloadActual): string {
	const first = a.total ?? Object.values(a.byAgeBand)[0] ?? Object.values(a.bySetting)[0];
	return first ? describeProvenance(first.source) : '';
}

/** Where a figure came from, in words (the recorded spend's source column). */
export const figureSource = (f: Figure): string => describeProvenance(f.source);

export class ActualsWorkflow {
	readonly workbench: WorkbenchState;

	/** The open dataset (the page is shown only once one is open). */
	readonly dataset = $derived.by(() => this.workbench.dataset as Dataset);
	readonly scenarios = $derived.by(() => this.workbench.scenarios.map((r) => r.scenario));
	/** The actuals the dataset holds. */
	readonly actuals = $derived.by(() => readActuals(this.dataset));
	/** The censuses after the base an actual can be recorded for, and their financial years. */
	readonly censuses = $derived.by(() =>
		Array.from(
			{ length: this.dataset.horizonCensus - this.dataset.baseCensus },
			(_, i) => this.dataset.baseCensus + 1 + i
		)
	);
	readonly years = $derived.by((): FinancialYear[] => this.censuses.map(financialYearOfCensus));

	// undefined: not chosen yet (the default applies); null: "none" chosen.
	#planChoice = $state<string | null | undefined>(undefined);
	#projectionChoice = $state<string | null | undefined>(undefined);

	/**
	 * The scenario actuals are compared with (it keeps its own figures), or null for none: the
	 * one chosen while it exists, else the dataset's plan (role `plan`).
	 */
	get planId(): string | null {
		const c = this.#planChoice;
		if (c === null || (c !== undefined && this.scenarios.some((s) => s.id === c))) return c;
		return scenarioWithRole(this.scenarios, 'plan')?.id ?? null;
	}
	set planId(id: string | null) {
		this.#planChoice = id;
	}

	/** The re-based projection shown beside the plan: the one chosen, else `defaultProjectionId`. */
	get projectionId(): string | null {
		const c = this.#projectionChoice;
		const plan = this.planId;
		if (c && c !== plan && this.scenarios.some((s) => s.id === c)) return c;
		return defaultProjectionId(this.scenarios, plan);
	}
	set projectionId(id: string | null) {
		this.#projectionChoice = id;
	}

	readonly plan = $derived.by(() => this.scenarios.find((s) => s.id === this.planId) ?? null);
	readonly projection = $derived.by(
		() => this.scenarios.find((s) => s.id === this.projectionId) ?? null
	);
	/** The expected projections of the plan and the projection (null until computed). */
	readonly planResult = $derived.by(() =>
		this.plan ? (this.workbench.results[this.plan.id] ?? null) : null
	);
	readonly projectionResult = $derived.by(() =>
		this.projection ? (this.workbench.results[this.projection.id] ?? null) : null
	);

	/** Plan, re-based projection and actuals by census and by financial year, for the charts. */
	readonly rows = $derived.by(() =>
		planVsActual(this.dataset, this.actuals, this.planResult, this.projectionResult)
	);

	/** Recording and re-basing is under way. */
	busy = $state(false);
	/** Why the last change was refused (nothing was changed), one line each. */
	problems = $state<string[]>([]);
	/** What the last re-basing did, one line per scenario. */
	notes = $state<string[]>([]);
	/** Why the last savings line change was refused. */
	savingsProblem = $state<string | null>(null);

	// The census form: its census (the first by default) and typed figures.
	#census = $state<number | null>(null);
	totalText = $state('');
	bandText = $state<Record<string, string>>({});
	settingText = $state<Record<string, string>>({});
	// The spend form.
	#spendYear = $state<FinancialYear | null>(null);
	spendText = $state('');

	constructor(workbench: WorkbenchState) {
		this.workbench = workbench;
	}

	/** The census the form records (the one chosen while it is a census of the projection). */
	get census(): number | null {
		const c = this.#census;
		return c !== null && this.censuses.includes(c) ? c : (this.censuses[0] ?? null);
	}
	set census(c: number | null) {
		this.#census = c;
	}

	/** The financial year the spend form records. */
	get spendYear(): FinancialYear | null {
		const y = this.#spendYear;
		return y !== null && this.years.includes(y) ? y : (this.years[0] ?? null);
	}
	set spendYear(y: FinancialYear | null) {
		this.#spendYear = y;
	}

	/**
	 * Checks `next` against the dataset, re-bases every scenario but the plan on it in the
	 * projection worker, and saves the dataset with the re-based scenarios. A refusal or failure
	 * is kept in `problems` and changes nothing.
	 */
	async record(next: Actuals): Promise<void> {
		this.problems = checkActuals(this.dataset, next);
		if (this.problems.length) return;
		this.busy = true;
		this.notes = [];
		try {
			// Re-based in the projection worker: no estimation on the page's thread.
			const out = await this.workbench.applyActuals(
				this.scenarios.map((s) => $state.snapshot(s) as Scenario),
				this.planId,
				next
			);
			// An edit of the open dataset (merged with other tabs' edits, never a blind overwrite).
			await this.workbench.updateDataset(out.dataset, { scenarios: out.scenarios });
			this.notes = out.notes;
		} catch (e) {
			this.problems = [`${(e as Error).message} Nothing was changed.`];
		} finally {
			this.busy = false;
		}
	}

	/** Records the census form's figures (blank fields are left out), then clears the form. */
	async recordCaseload(): Promise<void> {
		const census = this.census;
		if (census === null) return;
		const bad: string[] = [];
		const a: CaseloadActual = {
			census,
			total: count(this.totalText, 'Total', bad),
			byAgeBand: {},
			bySetting: {}
		};
		for (const b of AGE_BANDS) {
			const f = count(this.bandText[b.id] ?? '', `Age ${b.label}`, bad);
			if (f) a.byAgeBand[b.id as AgeBandId] = f;
		}
		for (const s of this.dataset.settings) {
			const f = count(this.settingText[s.id] ?? '', s.name, bad);
			if (f) a.bySetting[s.id] = f;
		}
		if (bad.length) {
			this.problems = bad;
			return;
		}
		await this.record(setCaseloadActual(this.actuals, a));
		if (!this.problems.length) {
			this.totalText = '';
			this.bandText = {};
			this.settingText = {};
		}
	}

	/** Records the spend form's amount for its year, then clears the form. */
	async recordSpend(): Promise<void> {
		const year = this.spendYear;
		if (year === null) return;
		const v = readNumberCell(this.spendText);
		if (v === undefined || v === null || v < 0) {
			this.problems = [
				`Spend for ${year}: expected an amount of £0 or more, got "${this.spendText}".`
			];
			return;
		}
		await this.record(setSpendActual(this.actuals, { year, value: actualFigure(v) }));
		if (!this.problems.length) this.spendText = '';
	}

	removeCaseload(census: number): Promise<void> {
		return this.record({
			...this.actuals,
			caseload: this.actuals.caseload.filter((a) => a.census !== census)
		});
	}

	removeSpend(year: string): Promise<void> {
		return this.record({
			...this.actuals,
			spend: this.actuals.spend.filter((a) => a.year !== year)
		});
	}

	/** The caseload actuals template, filled with what is recorded. */
	caseloadTemplate(): string {
		return caseloadActualsTemplateCsv(
			this.censuses[0],
			this.dataset.settings,
			this.actuals.caseload
		);
	}

	/** The spend actuals template, filled with what is recorded. */
	spendTemplate(): string {
		return spendActualsTemplateCsv(this.years, this.actuals.spend);
	}

	/**
	 * Reads a filled caseload template (throws, naming the file, row and column, when it cannot)
	 * and records it merged with what is recorded; returns what was read, in words.
	 */
	readCaseloadFile(text: string, file: string): string {
		const ds = this.dataset;
		const read = readCaseloadActuals(text, file, ds.settings, ds.baseCensus, ds.horizonCensus);
		void this.record(mergeActuals(this.actuals, { caseload: read, spend: [] }));
		return `Read ${read.length} census${read.length === 1 ? '' : 'es'} from ${file}; recording…`;
	}

	/** Reads a filled spend template and records it; returns what was read, in words. */
	readSpendFile(text: string, file: string): string {
		const read = readSpendActuals(text, file, this.years);
		void this.record(mergeActuals(this.actuals, { caseload: [], spend: read }));
		return `Read ${read.length} year${read.length === 1 ? '' : 's'} from ${file}; recording…`;
	}

	/**
	 * Saves a savings line's timing and quarterly actuals (they feed the Report's savings tracker
	 * only: nothing to re-project). A refusal is kept in `savingsProblem`.
	 */
	async saveSavingsLine(next: SavingsLine): Promise<void> {
		this.savingsProblem = null;
		const ds = this.dataset;
		try {
			await this.workbench.updateDataset(
				{
					...ds,
					finance: {
						...ds.finance,
						savings: ds.finance.savings.map((l) => (l.id === next.id ? next : l))
					}
				},
				{ reproject: false }
			);
		} catch (e) {
			this.savingsProblem = `${(e as Error).message} Nothing was changed.`;
		}
	}
}

/** A typed count of EHCPs: blank is null; anything but a whole number ≥ 0 is a problem. */
function count(raw: string, what: string, out: string[]): Figure | null {
	const v = readNumberCell(raw);
	if (v === null) return null;
	if (v === undefined || !Number.isInteger(v) || v < 0) {
		out.push(`${what}: expected a whole number of EHCPs ≥ 0, got "${raw}".`);
		return null;
	}
	return actualFigure(v);
}
