/**
 * The Monitoring page's workflow: the financial model monitoring table of a plan against a
 * projection for a financial year, the KPIs with the projection's model values, a KPI's actuals
 * and rating edited or imported, and the downloads (the long CSV of every scenario, the DSG
 * management plan grid of one).
 *
 * The page composes this with its components; it holds no logic of its own (scrolling the KPI
 * editor into view stays in the page).
 *
 * @example
 * const page = new MonitoringWorkflow(getWorkbench());
 * page.year = '2022/23'; page.table; // the monitoring table for 2022/23
 */
import type { Kpi } from '../model/kpi';
import { downloadCsvText, fileNameFor, scenarioSetLongCsv } from './exports';
import { monitoringTable, nextQuarter } from './kpis';
import { currentKpis, kpiYearStart, modelKpiValues, quarterOf } from './report-data';
import { ScenarioPair } from './scenario-pair.svelte';
import type { WorkbenchState } from './workbench.svelte';

export class MonitoringWorkflow {
	readonly workbench: WorkbenchState;

	/** The financial year chosen; null: the plan's first. */
	year = $state<string | null>(null);
	/** The ref of the KPI being edited, or null. */
	editing = $state<string | null>(null);
	/** The scenario of the DSG grid download; null: the projection. */
	gridScenarioId = $state<string | null>(null);

	constructor(workbench: WorkbenchState) {
		this.workbench = workbench;
		this.pair = new ScenarioPair(workbench);
	}

	readonly dataset = $derived.by(() => this.workbench.dataset);
	readonly authority = $derived.by(() => this.dataset?.authority.name ?? '');
	/** The financial plan and the projection compared, by role until chosen. */
	readonly pair: ScenarioPair;
	readonly scenarios = $derived.by(() => this.pair.scenarios);
	readonly plan = $derived.by(() => this.pair.plan);
	readonly projection = $derived.by(() => this.pair.projection);
	readonly planResult = $derived.by(() => this.pair.planResult);
	readonly #projectionResult = $derived.by(() => this.pair.projectionResult);
	readonly shownYear = $derived.by(() => this.year ?? this.planResult?.years[0] ?? '');

	/** The monitoring table of the plan against the projection for the year shown. */
	readonly table = $derived.by(() => {
		const { planResult, dataset } = this;
		const projectionResult = this.#projectionResult;
		return planResult && projectionResult && dataset
			? monitoringTable(planResult, projectionResult, this.shownYear, dataset.finance.savings)
			: null;
	});
	/** The projection's value of each computable KPI in the year shown. */
	readonly modelValues = $derived.by(() => {
		const dataset = this.dataset;
		const r = this.#projectionResult;
		return dataset ? modelKpiValues(dataset, r, r?.years.indexOf(this.shownYear) ?? -1) : {};
	});
	readonly modelLabel = $derived.by(() =>
		this.projection ? `“${this.projection.name}” scenario` : 'model'
	);
	readonly kpis = $derived.by(() => (this.dataset ? currentKpis(this.dataset) : []));
	/** The calendar year the KPI financial year starts in. */
	readonly fyStart = $derived.by(() => (this.dataset ? kpiYearStart(this.dataset) : 0));
	/** The quarter after the latest report: what an actuals template is for. */
	readonly templatePeriod = $derived.by(() => {
		const reports = this.dataset?.reports ?? [];
		const q = reports.length ? quarterOf(reports[reports.length - 1]) : null;
		return q ? nextQuarter(q) : `${this.fyStart}-Q1`;
	});
	readonly editingKpi = $derived.by(
		() => this.dataset?.kpis.find((k) => k.ref === this.editing) ?? null
	);

	/** Saves the KPIs (an import of actuals) as an edit of the dataset. */
	async saveKpis(next: Kpi[]): Promise<void> {
		const ds = this.dataset;
		if (!ds) return;
		await this.workbench.updateDataset({ ...ds, kpis: next }, { reproject: false });
	}

	/** Saves one KPI's edit. */
	async saveKpi(next: Kpi): Promise<void> {
		const ds = this.dataset;
		if (!ds) return;
		await this.saveKpis(ds.kpis.map((k) => (k.ref === next.ref ? next : k)));
	}

	readonly gridScenario = $derived.by(
		() =>
			this.scenarios.find((s) => s.id === this.gridScenarioId) ??
			this.projection ??
			this.scenarios[0]
	);

	/** Downloads every scenario's results as the long CSV (docs/model.md §6). */
	downloadLongCsv(): void {
		downloadCsvText(
			scenarioSetLongCsv(this.workbench.resultsInOrder),
			fileNameFor(this.authority, 'results long', 'csv')
		);
	}
}
