/**
 * What the board slides say, derived from the results and KPIs: the RAG summary of the KPIs,
 * EHCPs by DSG placement category over the censuses, and key messages in words ("Baseline
 * (trend) first breaches the cap in 2022/23 …"). Plain functions; the slides only lay them out.
 */
import type {
	Dataset,
	PlacementSeries,
	ReportComparison,
	ReportPlacements
} from '$lib/model/dataset';
import type { Kpi, RagRating } from '$lib/model/kpi';
import { DSG_CATEGORIES, type DsgCategoryId } from '$lib/model/categories';
import type { ScenarioResult } from '$lib/model/results';
import { metricValues } from '$lib/model/results';
import { rateKpi } from './kpis';
import { finiteOrNull, formatBoardMillions, formatCount, formatPercent } from '$lib/model/format';

export interface RagSummary {
	counts: Record<RagRating | 'none', number>;
	/** Ratings that are a user's judgement rather than the rule's. */
	overridden: number;
	/** The Amber and Red KPIs, Red first, in ref order within each. */
	flagged: { ref: string; name: string; rating: RagRating; overridden: boolean; comment: string }[];
}

/**
 * Counts of KPIs by rating and the list of Amber and Red ones.
 * @example ragSummary(dataset.kpis).counts // { G: 24, A: 14, R: 0, none: 1 }
 */
export function ragSummary(kpis: readonly Kpi[]): RagSummary {
	const counts = { G: 0, A: 0, R: 0, none: 0 };
	let overridden = 0;
	const flagged: RagSummary['flagged'] = [];
	for (const kpi of kpis) {
		const r = rateKpi(kpi);
		counts[r.rating ?? 'none']++;
		if (r.overridden) overridden++;
		if (r.rating === 'A' || r.rating === 'R') {
			flagged.push({
				ref: kpi.ref,
				name: kpi.name,
				rating: r.rating,
				overridden: r.overridden,
				comment: r.comment
			});
		}
	}
	flagged.sort((a, b) => (a.rating === b.rating ? 0 : a.rating === 'R' ? -1 : 1));
	return { counts, overridden, flagged };
}

/**
 * The "Scenarios compared" slide's figures: where each scenario ends (deficit, headroom, EHCPs,
 * first year over the cap) and its headroom by year — what the slide draws and what a signed-off
 * report freezes (non-finite figures as null).
 * @example comparisonSlide(results, { plan: '#0072B2' }).rows[0].headroom // £ at the last year
 */
export function comparisonSlide(
	results: readonly ScenarioResult[],
	colours: Readonly<Record<string, string | undefined>> = {}
): ReportComparison {
	const first = results[0];
	return {
		years: first ? [...first.years] : [],
		lastCensus: first?.censuses.at(-1) ?? null,
		rows: results.map((r) => {
			const last = r.years.length - 1;
			const headroom = metricValues(r, 'headroom');
			const colour = colours[r.scenarioId];
			return {
				id: r.scenarioId,
				name: r.scenarioName,
				...(colour ? { colour } : {}),
				deficit: finiteOrNull(metricValues(r, 'cumulative_deficit_before_sv')[last]),
				headroom: finiteOrNull(headroom[last]),
				ehcps: finiteOrNull(metricValues(r, 'ehcp_total')[last]),
				firstBreach: r.firstBreach >= 0 ? r.years[r.firstBreach] : null,
				headroomByYear: headroom.map(finiteOrNull)
			};
		})
	};
}

/**
 * The placements slide of every scenario, as a signed-off report freezes it.
 * @example placementSlides(dataset, results)[0].categories[0].values // mainstream by census
 */
export function placementSlides(
	dataset: Dataset,
	results: readonly ScenarioResult[]
): ReportPlacements[] {
	return results.map((r) => ({
		scenarioId: r.scenarioId,
		scenarioName: r.scenarioName,
		...ehcpsByCategory(dataset, r)
	}));
}

/**
 * EHCPs by DSG placement category at the base census (the dataset's caseload) and at each
 * projected census (the result's EHCPs by setting, rolled up by each setting's category).
 * @example ehcpsByCategory(dataset, result).categories[0].values // mainstream, Jan 2021 …
 */
export function ehcpsByCategory(dataset: Dataset, result: ScenarioResult): PlacementSeries {
	const groupOf = new Map(dataset.settings.map((s) => [s.id, s.group]));
	const base = new Map<DsgCategoryId, number>();
	for (const cell of dataset.baseCaseload) {
		const g = groupOf.get(cell.setting);
		if (g) base.set(g, (base.get(g) ?? 0) + cell.count.value);
	}
	const categories = DSG_CATEGORIES.map((c) => {
		const settings = dataset.settings.filter((s) => s.group === c.id);
		const projected = result.censuses.map((_, k) =>
			settings.reduce((a, s) => a + (metricValues(result, `ehcp_by_setting:${s.id}`)[k] ?? 0), 0)
		);
		return { id: c.id, label: c.label, values: [base.get(c.id) ?? 0, ...projected] };
	});
	return { censuses: [dataset.baseCensus, ...result.censuses], categories };
}

/**
 * Key messages in words, one per line: each scenario against the cap, the projection's EHCP
 * growth, and the KPI ratings.
 * @example keyMessages(results, mayResult, rag, 1436)[0]
 * // 'SVA financial model 2021/22 stays under the cap to 2025/26; its headroom is lowest in 2021/22, £0.000m.'
 */
export function keyMessages(
	results: readonly ScenarioResult[],
	projection: ScenarioResult | undefined,
	rag: RagSummary,
	baseEhcps: number,
	baseCensus: number
): string[] {
	const out: string[] = [];
	for (const r of results) {
		const last = r.years[r.years.length - 1];
		const deficit = metricValues(r, 'cumulative_deficit_before_sv');
		const cap = metricValues(r, 'deficit_cap');
		if (r.firstBreach >= 0) {
			const k = r.firstBreach;
			out.push(
				`${r.scenarioName} first breaches the cap in ${r.years[k]}: a cumulative deficit of ${formatBoardMillions(deficit[k])} against a cap of ${formatBoardMillions(cap[k])}.`
			);
		} else {
			const headroom = metricValues(r, 'headroom');
			let k = 0;
			headroom.forEach((h, i) => {
				if (h < headroom[k]) k = i;
			});
			out.push(
				`${r.scenarioName} stays under the cap to ${last}; its headroom is lowest in ${r.years[k]}, ${formatBoardMillions(headroom[k])}.`
			);
		}
	}
	if (projection && baseEhcps > 0) {
		const totals = metricValues(projection, 'ehcp_total');
		const end = totals[totals.length - 1];
		const lastCensus = projection.censuses[projection.censuses.length - 1];
		out.push(
			`In “${projection.scenarioName}”, EHCPs go from ${formatCount(baseEhcps)} in January ${baseCensus} to ${formatCount(end)} in January ${lastCensus} (${end >= baseEhcps ? '+' : ''}${formatPercent(end / baseEhcps - 1, 0)}).`
		);
	}
	const rated = rag.counts.G + rag.counts.A + rag.counts.R;
	out.push(
		`Of ${rated} rated KPIs, ${rag.counts.G} are Green, ${rag.counts.A} Amber and ${rag.counts.R} Red` +
			(rag.overridden
				? `; ${rag.overridden} rating${rag.overridden === 1 ? ' is a judgement' : 's are judgements'} overriding the rule.`
				: '.')
	);
	return out;
}
