/**
 * The new dataset wizard's workflow (Data › New dataset): the SEN2 statistics imported, the
 * dataset's name, base census, horizon and flow years, the council's finance typed or read from
 * the CSV templates, then the dataset built, validated and created with its two default
 * scenarios (`Financial plan`, role `plan`; `Baseline (trend)`, role `projection`;
 * docs/model.md §6, decision 0026). The same build as `forecast sen2` (io/sen2/new-dataset.ts).
 *
 * The page composes this with its components (and moves the focus between steps).
 *
 * @example
 * const wizard = new NewDatasetWizard(getWorkbench());
 * wizard.imported(sen2Result); wizard.readFinance(csvText, 'finance.csv');
 * if (await wizard.create()) await goto('/');
 */
import type { Sen2ImportResult } from '../io/sen2/build';
import { describeWarning } from '../io/csv/errors';
import { describeAuthority } from '../io/sen2/authorities';
import {
	TEMPLATE_FILES,
	financeTemplateCsv,
	readFinanceTemplate,
	readNumberCell,
	readSafetyValveTemplate,
	readSavingsTemplate,
	readUnitCostsTemplate,
	safetyValveTemplateCsv,
	savingsTemplateCsv,
	unitCostsTemplateCsv
} from '../io/templates';
import {
	DEFAULT_HORIZON_YEARS,
	baseCensusOptions,
	buildSen2Dataset,
	defaultFirstFlowYear,
	defaultLedgerLines,
	defaultUnitCosts,
	newDatasetScenarios,
	newDatasetSettings,
	sen2HistoryProblems
} from '../io/sen2/new-dataset';
import { flowYearOptions as flowYearsOf, wizardFirstFlowYear } from '../io/sen2/defaults';
import { projectionYears, typed } from '../model/dataset-defaults';
import type {
	Dataset,
	DemandHistory,
	LedgerLineId,
	SavingsLine,
	UnitCost,
	YearFigures
} from '../model/dataset';
import type { Figure } from '../model/provenance';
import { slugify } from '../model/categories';
import { HISTORY_LABELS, validateDataset } from '../model/validate-dataset';
import type { ValidationIssue } from '../model/validate';
import type { FinancialYear } from '../model/years';
import type { WorkbenchState } from './workbench.svelte';

/** Asked before leaving the wizard with something entered (browser Back from its first step, a link). */
export const WIZARD_LEAVE_WARNING =
	'Leave the new dataset? What you have entered is not saved and will be lost.';

export const WIZARD_STEPS = [
	'SEN2 statistics',
	'The dataset',
	'Finance',
	'Check and create'
] as const;

/** The template files' names, for the download buttons. */
export const WIZARD_TEMPLATE_FILES = {
	finance: TEMPLATE_FILES.finance,
	safetyValve: TEMPLATE_FILES.safetyValve,
	savings: TEMPLATE_FILES.savings,
	unitCosts: TEMPLATE_FILES.unitCosts
} as const;

/** The years of a series: "2019" or "2015–2021". */
export const yearSpan = (years: readonly number[]): string =>
	years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;

type Lines = Partial<Record<LedgerLineId, YearFigures>>;

/**
 * The ledger lines for `years`: each figure typed (or read) where there is one, else the wizard's
 * default, so typed figures survive a change of years and new years get defaults.
 * @example fitLines({ hnb_allocation: { '2022/23': typed(1) } }, defaults, ['2022/23']).hnb_allocation // { '2022/23': typed(1) }
 */
export function fitLines(
	typedLines: Lines,
	defaults: Lines,
	years: readonly FinancialYear[]
): Lines {
	const next: Lines = {};
	const ids = [...Object.keys(typedLines), ...Object.keys(defaults)] as LedgerLineId[];
	for (const line of ids.filter((id, k) => ids.indexOf(id) === k)) {
		const figures: YearFigures = {};
		for (const fy of years) {
			const f = typedLines[line]?.[fy] ?? defaults[line]?.[fy];
			if (f) figures[fy] = f;
		}
		if (Object.keys(figures).length) next[line] = figures;
	}
	return next;
}

const countFigures = (more: Partial<Record<string, YearFigures>>) =>
	Object.values(more).reduce((a, f) => a + Object.keys(f ?? {}).length, 0);

export class NewDatasetWizard {
	readonly workbench: WorkbenchState;
	/** The placement settings of a SEN2 dataset (the DSG categories). */
	readonly settings = newDatasetSettings();

	/** The step shown (0 … 3). */
	step = $state(0);

	// Step 1: SEN2
	sen2 = $state.raw<Sen2ImportResult | null>(null);
	/** Why the imported history cannot make a dataset (each a sentence); empty when it can. */
	readonly historyProblems = $derived.by(() =>
		this.sen2 ? sen2HistoryProblems(this.sen2.history) : []
	);
	/** Each SEN2 series imported, with its years. */
	readonly seriesSummary = $derived.by(() => {
		const sen2 = this.sen2;
		if (!sen2) return [];
		return (Object.keys(HISTORY_LABELS) as (keyof DemandHistory)[])
			.map((key) => {
				const all = (sen2.history[key] ?? []).map((r) => r.year);
				const years = all.filter((y, k) => all.indexOf(y) === k).sort((a, b) => a - b);
				return { key, label: HISTORY_LABELS[key], years };
			})
			.filter((s) => s.years.length > 0);
	});
	/** The authority imported, in words. */
	readonly authority = $derived.by(() => (this.sen2 ? describeAuthority(this.sen2.authority) : ''));
	/** The import's warnings, in words. */
	readonly sen2Warnings = $derived.by(() => (this.sen2?.warnings ?? []).map(describeWarning));

	// Step 2: the dataset
	name = $state('');
	baseCensus = $state<number | null>(null);
	horizonYears = $state(DEFAULT_HORIZON_YEARS);
	// The figures describe the base census unless the user says otherwise (finance typed later
	// may be more recent: the user then moves the date on).
	dataDateTyped = $state<string | null>(null);
	readonly dataDate = $derived.by(
		() => this.dataDateTyped ?? (this.baseCensus === null ? '' : `${this.baseCensus}-01-31`)
	);
	readonly baseOptions = $derived.by(() => (this.sen2 ? baseCensusOptions(this.sen2.history) : []));
	readonly flowYearOptions = $derived.by(() =>
		!this.sen2 || this.baseCensus === null ? [] : flowYearsOf(this.sen2.history, this.baseCensus)
	);
	readonly years = $derived.by(() =>
		this.baseCensus === null
			? []
			: projectionYears(this.baseCensus, this.baseCensus + this.horizonYears)
	);
	readonly defaultName = $derived.by(() =>
		this.sen2 && this.baseCensus !== null
			? `${this.sen2.authority.name} — SEN2 to January ${this.baseCensus}`
			: ''
	);
	#firstFlowYear = $state<number | null>(null);

	// Step 3: finance
	#lines = $state.raw<Lines>({});
	readonly #fittedLines = $derived.by(() =>
		fitLines(this.#lines, defaultLedgerLines(this.years), this.years)
	);
	opening = $state.raw<Figure | null>(null);
	savings = $state.raw<SavingsLine[]>([]);
	unitCosts = $state.raw<UnitCost[]>([]);
	/** Why a typed unit cost was refused, by setting id. */
	unitErrors = $state<Record<string, string>>({});

	// Step 4
	creating = $state(false);
	createError = $state<string | null>(null);
	/** The dataset was created: nothing is left to lose on leaving. */
	created = $state(false);

	/**
	 * Something was entered that leaving the wizard would lose (SEN2 statistics imported, and all
	 * that follows them), and the dataset is not created yet.
	 */
	readonly unsaved = $derived.by(() => this.sen2 !== null && !this.created);

	/**
	 * The step to show for one the browser's history asks for (Back and Forward move between
	 * steps): a step past the first only once SEN2 statistics are imported that can start a
	 * projection, as the Next buttons allow.
	 */
	stepFor(requested: number | undefined): number {
		const n = Math.max(0, Math.min(WIZARD_STEPS.length - 1, Math.trunc(requested ?? 0)));
		return this.sen2 && this.historyProblems.length === 0 ? n : 0;
	}

	constructor(workbench: WorkbenchState) {
		this.workbench = workbench;
		this.unitCosts = defaultUnitCosts(this.settings);
	}

	/**
	 * The first year of flows estimated from: the one chosen while it is offered, else the same
	 * default `forecast sen2` takes (io/sen2/defaults.ts).
	 */
	get firstFlowYear(): number | null {
		const sen2 = this.sen2;
		if (!sen2 || this.baseCensus === null || this.flowYearOptions.length === 0) {
			return this.#firstFlowYear;
		}
		return wizardFirstFlowYear(sen2.history, this.baseCensus, this.#firstFlowYear);
	}
	set firstFlowYear(y: number | null) {
		this.#firstFlowYear = y;
	}

	/** The ledger lines for the projection's years: typed figures, else the defaults. */
	get lines(): Lines {
		return this.#fittedLines;
	}
	set lines(next: Lines) {
		this.#lines = next;
	}

	/** Takes a SEN2 import: the latest census as the base, its default first flow year. */
	imported(result: Sen2ImportResult): void {
		this.sen2 = result;
		const options = baseCensusOptions(result.history);
		this.baseCensus = options[options.length - 1] ?? null;
		this.#firstFlowYear = this.baseCensus === null ? null : defaultFirstFlowYear(this.baseCensus);
		this.name = '';
	}

	#mergeLines(more: Lines) {
		const next = { ...this.lines };
		for (const [line, figures] of Object.entries(more) as [LedgerLineId, YearFigures][]) {
			next[line] = { ...(next[line] ?? {}), ...figures };
		}
		this.lines = next;
	}

	// The CSV templates, filled with what is entered so far, and their readers (each throws,
	// naming the file, row and column, when the file cannot be read; returns what was read).
	financeTemplate = (): string => financeTemplateCsv(this.years, this.lines, this.opening);
	safetyValveTemplate = (): string => safetyValveTemplateCsv(this.years, this.lines);
	savingsTemplate = (): string => savingsTemplateCsv(this.years, this.savings);
	unitCostsTemplate = (): string => unitCostsTemplateCsv(this.settings, this.unitCosts);

	readFinance = (text: string, file: string): string => {
		const r = readFinanceTemplate(text, file, this.years);
		this.#mergeLines(r.lines);
		if (r.opening) this.opening = r.opening;
		return `Read ${countFigures(r.lines)} figures${r.opening ? ' and the opening deficit' : ''} from ${file}.`;
	};
	readSavings = (text: string, file: string): string => {
		const r = readSavingsTemplate(text, file, this.years);
		this.savings = r;
		return `Read ${r.length} savings line${r.length === 1 ? '' : 's'} from ${file}.`;
	};
	readSafetyValve = (text: string, file: string): string => {
		const r = readSafetyValveTemplate(text, file, this.years);
		this.#mergeLines(r);
		return `Read ${countFigures(r)} caps and funding figures from ${file}.`;
	};
	readUnitCosts = (text: string, file: string): string => {
		const r = readUnitCostsTemplate(text, file, this.settings);
		this.unitCosts = this.unitCosts.map((u) => r.find((x) => x.setting === u.setting) ?? u);
		return `Read ${r.length} unit cost${r.length === 1 ? '' : 's'} from ${file}.`;
	};

	/** Sets a setting's unit cost from typed text; a refusal is kept in `unitErrors`. */
	setUnitCost(setting: string, raw: string): void {
		const v = readNumberCell(raw);
		if (v === undefined || v === null || v < 0) {
			this.unitErrors[setting] = 'a cost of £0 or more a year';
			return;
		}
		delete this.unitErrors[setting];
		this.unitCosts = this.unitCosts.map((u) =>
			u.setting === setting ? { ...u, cost: typed(v) } : u
		);
	}

	/** The dataset as entered so far, or why it cannot be built. */
	readonly built = $derived.by((): { dataset: Dataset | null; error: string | null } => {
		const sen2 = this.sen2;
		const baseCensus = this.baseCensus;
		if (!sen2 || baseCensus === null) return { dataset: null, error: null };
		try {
			const dataset = buildSen2Dataset({
				id: 'draft',
				name: this.name,
				dataDate: this.dataDate,
				sen2,
				baseCensus,
				horizonCensus: baseCensus + this.horizonYears,
				firstFlowYear: this.firstFlowYear ?? undefined,
				finance: {
					// A missing opening deficit is reported by `validation`; 0 stands in so that the
					// other checks still run (structural problems are reported alone).
					openingCumulativeDeficit: this.opening ?? typed(0),
					lines: this.lines,
					savings: this.savings
				},
				unitCosts: this.unitCosts,
				settings: this.settings
			});
			return { dataset, error: null };
		} catch (e) {
			return { dataset: null, error: (e as Error).message };
		}
	});

	/** The built dataset's validation, with the missing opening deficit as the first error. */
	readonly validation = $derived.by(
		(): { errors: ValidationIssue[]; warnings: ValidationIssue[] } => {
			const dataset = this.built.dataset;
			if (!dataset) return { errors: [], warnings: [] };
			const v = validateDataset(dataset);
			const errors = v.ok ? [] : [...v.errors];
			if (!this.opening) {
				errors.unshift({
					path: ['finance', 'openingCumulativeDeficit'],
					message: `Finance: the opening cumulative deficit (at 31 March before ${this.years[0]}) is missing; enter it, 0 if there is none.`
				});
			}
			return { errors, warnings: v.warnings };
		}
	);

	/** The dataset can be created: built, and no validation error. */
	readonly ready = $derived.by(
		() => this.built.dataset !== null && this.validation.errors.length === 0
	);

	/**
	 * Creates the dataset (a new id) with its default scenarios and opens it. Returns true when it
	 * was created; a failure is kept in `createError` and nothing is saved.
	 */
	async create(newId: () => string = () => crypto.randomUUID().slice(0, 8)): Promise<boolean> {
		const built = this.built.dataset;
		if (!built || this.validation.errors.length || !this.sen2) return false;
		this.creating = true;
		this.createError = null;
		try {
			const slug = slugify(this.sen2.authority.name).replace(/_/g, '-');
			const dataset: Dataset = { ...built, id: `sen2-${slug}-${this.baseCensus}-${newId()}` };
			await this.workbench.addDataset(dataset, newDatasetScenarios(dataset));
			this.created = true;
			return true;
		} catch (e) {
			this.createError = `${(e as Error).message} Nothing was saved.`;
			return false;
		} finally {
			this.creating = false;
		}
	}
}
