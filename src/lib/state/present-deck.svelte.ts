/**
 * The Present page's workflow: which quarter the slides are labelled with (the latest by
 * default), and each slide's figures — a signed-off quarter's from its snapshot (docs/model.md
 * §5.4, decisions 0030 and 0031), a draft's from today's results, with the Monte Carlo bands
 * wherever the simulations have run.
 *
 * The page composes this with its slide components; it holds no logic of its own.
 *
 * @example
 * const deck = new PresentDeck(getWorkbench(), getSimulation());
 * deck.kinds; // ['title', 'deficit', 'placements', 'comparison', 'rag', 'messages']
 */
import type { PlacementSeries } from '../model/dataset';
import { metricValues, statisticSeries } from '../model/results';
import type { DataTable } from '../io/table';
import { comparisonSlide, ehcpsByCategory, keyMessages, ragSummary } from './present-messages';
import { isSignedOff, kpisAsAtReport } from './report-governance';
import type { SimulationState } from './simulation.svelte';
import type { WorkbenchState } from './workbench.svelte';

/** The slides, in the order a deck shows them, with their titles. */
export const SLIDES = {
	title: 'Title',
	deficit: 'Deficit against the cap',
	placements: 'EHCP growth by placement',
	comparison: 'Scenarios compared',
	rag: 'KPI ratings',
	messages: 'Key messages'
} as const;
export type SlideKind = keyof typeof SLIDES;

/**
 * The placements slide as a table (EHCPs by category and census) for CSV and XLSX.
 * @example placementTable(deck.placements.data, 'May 2021 projection')
 */
export function placementTable(data: PlacementSeries, scenarioName: string): DataTable {
	return {
		name: 'EHCPs by placement',
		title: `EHCPs by placement category at the January census — ${scenarioName}`,
		columns: [
			{ label: 'Placement category', kind: 'text', width: 44 },
			...data.censuses.map((c) => ({ label: `Jan ${c}`, kind: 'number' as const, format: '#,##0' }))
		],
		rows: data.categories.map((c) => [c.label, ...c.values.map((v) => Math.round(v * 1e6) / 1e6)])
	};
}

export class PresentDeck {
	readonly workbench: WorkbenchState;
	readonly sim: SimulationState;

	/** The quarter chosen; null: the latest. */
	reportId = $state<string | null>(null);
	/** The scenario whose placements are shown; null: the projection's. */
	placementId = $state<string | null>(null);

	constructor(workbench: WorkbenchState, sim: SimulationState) {
		this.workbench = workbench;
		this.sim = sim;
	}

	readonly dataset = $derived.by(() => this.workbench.dataset);
	readonly authority = $derived.by(() => this.dataset?.authority.name ?? '');
	readonly report = $derived.by(
		() =>
			this.dataset?.reports.find((r) => r.id === this.reportId) ??
			this.dataset?.reports.at(-1) ??
			null
	);
	/** A signed-off quarter's snapshot, or null for a draft (which shows today's results). */
	readonly frozen = $derived.by(() =>
		this.report && isSignedOff(this.report) ? (this.report.snapshot ?? null) : null
	);
	readonly results = $derived.by(() => this.workbench.resultsInOrder);
	readonly projection = $derived.by(
		() => this.workbench.resultWithRole('projection') ?? this.results[1] ?? this.results[0]
	);
	readonly #colourOf = (id: string) => this.workbench.scenario(id)?.colour;

	// --- The deficit slide

	readonly years = $derived.by(() => this.frozen?.deficit?.years ?? this.results[0]?.years ?? []);
	readonly deficitSeries = $derived.by(() => {
		const frozen = this.frozen;
		if (frozen?.deficit) {
			return frozen.deficit.series.map((s) => ({
				id: s.id,
				label: s.label,
				values: s.values.map((x) => x ?? Number.NaN),
				// Frozen with the snapshot; older snapshots have none: today's colour.
				colour: s.colour ?? this.#colourOf(s.id)
			}));
		}
		return this.results.map((r) => ({
			id: r.scenarioId,
			label: r.scenarioName,
			values: metricValues(r, 'cumulative_deficit_before_sv'),
			colour: this.#colourOf(r.scenarioId)
		}));
	});
	readonly cap = $derived.by(() => {
		if (this.frozen?.deficit) return this.frozen.deficit.cap.map((x) => x ?? Number.NaN);
		return this.projection ? metricValues(this.projection, 'deficit_cap') : [];
	});
	/**
	 * p5–p95 bands by scenario id wherever the Monte Carlo has run (on the dashboard, Compare or a
	 * scenario page); a signed-off quarter's frozen figures have none.
	 */
	readonly bands = $derived.by(() => {
		const out: Record<string, { low: number[]; high: number[] }> = {};
		const dataset = this.dataset;
		if (this.frozen || !dataset) return out;
		for (const r of this.workbench.scenarios) {
			const summary = this.sim.summary(dataset, r.scenario);
			if (summary) {
				out[r.id] = {
					low: statisticSeries(summary, 'cumulative_deficit_before_sv', 'p5'),
					high: statisticSeries(summary, 'cumulative_deficit_before_sv', 'p95')
				};
			}
		}
		return out;
	});

	// --- The placements slide

	/** The scenarios the placements slide can show: a signed-off quarter's as frozen. */
	readonly placementChoices = $derived.by(() =>
		this.frozen
			? (this.frozen.placements ?? []).map((p) => ({ id: p.scenarioId, name: p.scenarioName }))
			: this.results.map((r) => ({ id: r.scenarioId, name: r.scenarioName }))
	);
	/** The placements shown: the one chosen, else the projection's (or the first). */
	readonly placements = $derived.by(
		(): { id: string; name: string; data: PlacementSeries } | null => {
			const frozen = this.frozen;
			if (frozen) {
				const all = frozen.placements ?? [];
				const p =
					all.find((x) => x.scenarioId === this.placementId) ??
					all.find((x) => x.scenarioName === frozen.projectionName) ??
					all[0];
				return p ? { id: p.scenarioId, name: p.scenarioName, data: p } : null;
			}
			const r = this.results.find((x) => x.scenarioId === this.placementId) ?? this.projection;
			const dataset = this.dataset;
			return dataset && r
				? { id: r.scenarioId, name: r.scenarioName, data: ehcpsByCategory(dataset, r) }
				: null;
		}
	);

	// --- The comparison slide

	readonly comparison = $derived.by(() => {
		if (this.frozen) return this.frozen.comparison ?? null;
		return comparisonSlide(
			this.results,
			Object.fromEntries(this.results.map((r) => [r.scenarioId, this.#colourOf(r.scenarioId)]))
		);
	});

	// --- KPI ratings and key messages

	readonly kpis = $derived.by(() => {
		if (this.frozen) return this.frozen.kpis;
		const { dataset, report } = this;
		return dataset && report ? kpisAsAtReport(dataset, report) : (dataset?.kpis ?? []);
	});
	readonly rag = $derived.by(() => ragSummary(this.kpis));
	readonly messages = $derived.by(() => {
		if (this.frozen) return this.frozen.keyMessages;
		const dataset = this.dataset;
		if (!dataset) return [];
		const baseEhcps = dataset.baseCaseload.reduce((a, c) => a + c.count.value, 0);
		return keyMessages(this.results, this.projection, this.rag, baseEhcps, dataset.baseCensus);
	});
	/** The report's summary's first paragraph, shown under the key messages. */
	readonly summaryLead = $derived.by(() => this.report?.summary.split(/\n\s*\n/)[0]?.trim() ?? '');

	// --- The deck

	/**
	 * The slides shown. A signed-off quarter shows every slide as frozen (decision 0031); one
	 * signed off before the placements and comparison were frozen has neither, and its deck leaves
	 * those two out rather than show today's results under a signed-off title.
	 */
	readonly kinds = $derived.by((): SlideKind[] => [
		'title',
		'deficit',
		...(this.placements ? (['placements'] as const) : []),
		...(this.comparison && this.comparison.rows.length ? (['comparison'] as const) : []),
		'rag',
		'messages'
	]);
	readonly titles = $derived.by(() => this.kinds.map((k) => SLIDES[k]));
}
