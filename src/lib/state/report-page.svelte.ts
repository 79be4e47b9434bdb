/**
 * The Report page's workflow: which quarter is shown (the latest by default) and which two
 * scenarios it compares, the figures it shows — a draft's from today's results, a signed-off
 * quarter's from its snapshot (docs/model.md §5.4, decisions 0030 and 0031) — the forward look
 * generated from the results (Monte Carlo and sensitivity in workers, `BoardPackSource`), and the
 * quarter's actions: edit and save the text, add the next quarter, sign off, delete a draft.
 *
 * The page composes this with its components; it holds no logic of its own.
 *
 * @example
 * const flow = new ReportWorkflow(getWorkbench(), getSimulation());
 * $effect(() => flow.follow());
 * flow.figures.monitoring; // the monitoring table shown
 */
import type { Condition, QuarterlyReport } from '../model/dataset';
import { BoardPackSource } from './board-pack.svelte';
import { monitoringTable } from './kpis';
import { comparisonSlide, keyMessages, placementSlides, ragSummary } from './present-messages';
import {
	addQuarter,
	deleteDraft,
	isSignedOff,
	kpiTrends,
	reportConditions,
	reportFigures,
	saveDraft,
	shownFigures,
	signOff
} from './report-governance';
import { kpisForReport, modelKpiValues, nextReport, reportYear } from './report-data';
import { ScenarioPair } from './scenario-pair.svelte';
import { savingsTrackerOf } from './savings-tracker';
import type { SimulationState } from './simulation.svelte';
import type { WorkbenchState } from './workbench.svelte';

export class ReportWorkflow {
	readonly workbench: WorkbenchState;
	readonly #pack: BoardPackSource;

	/** The quarter chosen; null: the latest. */
	reportId = $state<string | null>(null);
	/** The text editor is open. */
	editing = $state(false);

	constructor(workbench: WorkbenchState, simulation: SimulationState) {
		this.workbench = workbench;
		this.#pack = new BoardPackSource(workbench, simulation);
		this.pair = new ScenarioPair(workbench);
	}

	readonly dataset = $derived.by(() => this.workbench.dataset);
	readonly authority = $derived.by(() => this.dataset?.authority.name ?? '');
	readonly reports = $derived.by(() => this.dataset?.reports ?? []);
	readonly report = $derived.by(
		() =>
			this.reports.find((r) => r.id === this.reportId) ??
			this.reports[this.reports.length - 1] ??
			null
	);
	readonly signedOff = $derived.by(() => (this.report ? isSignedOff(this.report) : false));

	// --- The two scenarios compared, and today's figures

	/** The financial plan and the projection compared, by role until chosen. */
	readonly pair: ScenarioPair;
	readonly scenarios = $derived.by(() => this.pair.scenarios);
	readonly plan = $derived.by(() => this.pair.plan);
	readonly projection = $derived.by(() => this.pair.projection);
	readonly planResult = $derived.by(() => this.pair.planResult);
	readonly projectionResult = $derived.by(() => this.pair.projectionResult);
	readonly #allResults = $derived.by(() => this.workbench.resultsInOrder);
	/** The report's financial year (its quarter's), when the results have it; else their first. */
	readonly year = $derived.by(() => {
		const wanted = this.report ? reportYear(this.report) : null;
		const years = this.planResult?.years ?? [];
		return wanted && years.includes(wanted) ? wanted : (years[0] ?? '');
	});
	/** The savings tracker of today's projection. */
	readonly #liveTracker = $derived.by(() =>
		this.dataset ? savingsTrackerOf(this.dataset.finance.savings, this.projectionResult) : null
	);
	/** What a draft shows (and what signing off freezes): today's results, KPIs and table. */
	readonly live = $derived.by(() => {
		const { dataset, report, year, planResult, projectionResult } = this;
		const results = this.#allResults;
		const colours = Object.fromEntries(
			this.workbench.scenarios.map((r) => [r.scenario.id, r.scenario.colour])
		);
		const kpis = dataset && report ? kpisForReport(dataset, report) : [];
		const baseEhcps = dataset ? dataset.baseCaseload.reduce((a, c) => a + c.count.value, 0) : 0;
		return reportFigures({
			year,
			plan: planResult,
			projection: projectionResult,
			results,
			kpis,
			modelValues: dataset
				? modelKpiValues(dataset, projectionResult, projectionResult?.years.indexOf(year) ?? -1)
				: {},
			monitoring:
				planResult && projectionResult && dataset && year
					? monitoringTable(planResult, projectionResult, year, dataset.finance.savings)
					: null,
			savings: this.#liveTracker,
			colours,
			placements: dataset ? placementSlides(dataset, results) : undefined,
			comparison: comparisonSlide(results, colours),
			keyMessages: dataset
				? keyMessages(results, projectionResult, ragSummary(kpis), baseEhcps, dataset.baseCensus)
				: []
		});
	});

	// --- What the page shows

	/** A signed-off quarter's snapshot; a draft's live figures (docs/model.md §5.4). */
	readonly figures = $derived.by(() =>
		this.report ? shownFigures(this.report, () => this.live) : this.live
	);
	/** The projection's name beside the KPIs' model values. */
	readonly modelName = $derived.by(() =>
		this.signedOff ? this.figures.projectionName : (this.projection?.name ?? '')
	);
	/** The deficit chart: the two scenarios' lines and the cap, or null when there is none. */
	readonly chart = $derived.by(() => {
		const d = this.figures.deficit;
		if (!d || d.shown.length === 0) return null;
		const toNumbers = (xs: (number | null)[]) => xs.map((x) => x ?? Number.NaN);
		return {
			years: d.years,
			cap: toNumbers(d.cap),
			series: d.series
				.filter((s) => d.shown.includes(s.id))
				.map((s) => ({
					id: s.id,
					label: s.label,
					values: toNumbers(s.values),
					// Frozen with the snapshot; older snapshots have none: today's colour.
					colour: s.colour ?? this.workbench.scenario(s.id)?.colour
				}))
		};
	});
	readonly conditions = $derived.by(() =>
		this.dataset && this.report ? reportConditions(this.dataset, this.report) : []
	);
	/** A snapshot taken before the tracker was frozen has none: today's is shown (decision 0030). */
	readonly tracker = $derived.by(() =>
		this.figures.savings !== undefined ? this.figures.savings : this.#liveTracker
	);
	readonly trends = $derived.by(() => (this.dataset ? kpiTrends(this.dataset) : []));

	// --- The forward look

	/**
	 * Keeps the forward look's inputs running for today's pair (call in an `$effect`; returns its
	 * cleanup). A signed-off quarter's forward look is frozen: nothing runs.
	 */
	follow(): (() => void) | undefined {
		return this.signedOff ? undefined : this.#pack.follow(this.dataset, this.plan, this.projection);
	}
	readonly #generatedLook = $derived.by(() => {
		const { planResult, projectionResult } = this;
		if (this.signedOff || !planResult || !projectionResult) return '';
		const first = [planResult, projectionResult].filter((r, i, a) => a.indexOf(r) === i);
		const ordered = [...first, ...this.#allResults.filter((r) => !first.includes(r))];
		return this.#pack.generated(ordered, this.scenarios, projectionResult.scenarioId);
	});
	/** The forward look shown: as edited (or frozen), else generated from the results. */
	readonly forwardLook = $derived.by(() => this.report?.forwardLook ?? this.#generatedLook);

	// --- Actions

	/** Saves the draft's text and its conditions' assessments, and closes the editor. */
	async save(next: QuarterlyReport, conditions: Condition[]): Promise<void> {
		const dataset = this.dataset;
		if (!dataset) return;
		await this.workbench.updateDataset(saveDraft(dataset, next, conditions), { reproject: false });
		this.editing = false;
	}

	/** Saves the forward look as edited; undefined goes back to the generated text. */
	async saveForwardLook(text: string | undefined): Promise<void> {
		const { dataset, report } = this;
		if (!dataset || !report) return;
		const { forwardLook: _old, ...rest } = report;
		const next = text === undefined ? rest : { ...rest, forwardLook: text };
		await this.workbench.updateDataset(saveDraft(dataset, next, this.conditions), {
			reproject: false
		});
	}

	/** Adds the next quarter's draft, pre-filled from the last one, and opens it for editing. */
	async addNext(): Promise<void> {
		const { dataset, reports } = this;
		if (!dataset || !reports.length) return;
		const next = nextReport(reports[reports.length - 1], reports);
		await this.workbench.updateDataset(addQuarter(dataset, next), { reproject: false });
		this.reportId = next.id;
		this.editing = true;
	}

	/** Freezes the quarter as shown now; `now` is the app's clock. */
	async signOff(now: Date): Promise<void> {
		const { dataset, report } = this;
		if (!dataset || !report) return;
		const next = signOff(
			dataset,
			report.id,
			{ snapshot: this.live, forwardLook: this.forwardLook },
			now
		);
		this.editing = false;
		await this.workbench.updateDataset(next, { reproject: false });
	}

	/** Deletes the draft shown; the latest quarter is shown after. */
	async deleteDraft(): Promise<void> {
		const { dataset, report } = this;
		if (!dataset || !report) return;
		const next = deleteDraft(dataset, report.id);
		this.editing = false;
		this.reportId = null;
		await this.workbench.updateDataset(next, { reproject: false });
	}
}
