/**
 * KPI targets and RAG suggestions (docs/model.md §5).
 *
 * - Pro rata targets differ for a level and a flow: a level interpolates from the baseline
 *   (KPI 1: 1,429 + (1,537 − 1,429) × 2/12 = 1,447), a flow scales the annual target
 *   (KPI 2: 7% × 2/12 = 1.17%).
 * - The rule: Green at or better than target, or adverse by no more than the amber tolerance (a
 *   fraction of the target, 0.5% by default); Red when adverse by more than the red tolerance
 *   (if set); Amber otherwise. A user may override a rating with a comment.
 */
import type { Dataset } from '../model/dataset';
import type { Kpi, KpiFormulaId, RagRating, RagRule } from '../model/kpi';
import type { ScenarioResult } from '../model/results';
import { metricValues } from '../model/results';

/**
 * The target for the reporting period, in the KPI's unit.
 * @example periodTarget(kpi1) // 1447 (1,429 + 108 × 2/12)
 */
export function periodTarget(kpi: Kpi): number | null {
	const annual = kpi.annualTarget?.value;
	if (annual === undefined || annual === null) return null;
	if (kpi.derivation !== 'pro rata') return annual;
	const share = kpi.monthsElapsed / 12;
	if (kpi.measure === 'flow') return annual * share;
	const base = kpi.baseline?.value;
	if (base === undefined || base === null) return annual * share;
	return base + (annual - base) * share;
}

/**
 * The rating a rule suggests for a value against a target, or null when it cannot rate (no
 * direction, no target or no value).
 * @example suggestRag(1.26, 1.17, { direction: 'lower', amberTolerance: 0.005, redTolerance: null }) // 'A'
 */
export function suggestRag(
	value: number | null,
	target: number | null,
	rule: RagRule
): RagRating | null {
	if (rule.direction === null || value === null || target === null) return null;
	if (!Number.isFinite(value) || !Number.isFinite(target)) return null;
	const adverse = rule.direction === 'lower' ? value - target : target - value;
	if (adverse <= 0) return 'G';
	const relative = target !== 0 ? adverse / Math.abs(target) : Infinity;
	if (relative <= rule.amberTolerance + 1e-12) return 'G';
	if (rule.redTolerance !== null && relative > rule.redTolerance) return 'R';
	return 'A';
}

export interface KpiRating {
	/** The rating shown: the override when there is one, else the suggestion. */
	rating: RagRating | null;
	suggested: RagRating | null;
	overridden: boolean;
	comment: string;
}

/**
 * A KPI's rating for a value (default: its reported projection) against its period target.
 * @example rateKpi(kpi).rating // 'G'
 */
export function rateKpi(kpi: Kpi, value: number | null = kpi.projection?.value ?? null): KpiRating {
	const suggested = suggestRag(value, periodTarget(kpi), kpi.rule);
	if (kpi.override) {
		return {
			rating: kpi.override.rating,
			suggested,
			overridden: true,
			comment: kpi.override.comment
		};
	}
	return { rating: suggested, suggested, overridden: false, comment: kpi.comment };
}

/** The reference population in a census year (or the latest before it), or null. */
function population(
	dataset: Dataset,
	id: 'aged_0_25' | 'aged_2_18',
	census: number
): number | null {
	const byYear = dataset.referencePopulations.find((p) => p.id === id)?.byYear;
	if (!byYear) return null;
	const years = Object.keys(byYear)
		.map(Number)
		.filter((y) => y <= census)
		.sort((a, b) => b - a);
	return years.length ? byYear[String(years[0])].value : null;
}

/**
 * A KPI's value computed from a scenario's results in year index `k`, in the KPI's unit, or
 * null when the model cannot compute it (e.g. no reference population).
 * @example computeKpi('funding_gap_pct', result, 0, dataset) // (allocation − HNB spend) / allocation
 */
export function computeKpi(
	formula: KpiFormulaId,
	result: ScenarioResult,
	k: number,
	dataset: Dataset
): number | null {
	const m = (name: string) => metricValues(result, name)[k];
	const census = result.censuses[k];
	switch (formula) {
		case 'ehcp_total':
			return m('ehcp_total');
		case 'ehcp_growth': {
			const before = k === 0 ? result.baseTotal : metricValues(result, 'ehcp_total')[k - 1];
			return before > 0 ? m('ehcp_total') / before - 1 : null;
		}
		case 'ehcp_joiners':
			return m('ehcp_joiners');
		case 'ehcp_leavers_negative':
			return -m('ehcp_leavers');
		case 'ehcp_per_head_0_25': {
			const p = population(dataset, 'aged_0_25', census);
			return p ? m('ehcp_total') / p : null;
		}
		case 'hnb_spend_per_head_2_18': {
			const p = population(dataset, 'aged_2_18', census);
			return p ? m('hnb_expenditure_after_savings') / p : null;
		}
		case 'funding_gap_pct': {
			const a = m('hnb_allocation');
			return a !== 0 ? (a - m('hnb_expenditure_after_savings')) / a : null;
		}
		case 'average_cost_ehcp': {
			const n = m('ehcp_total');
			return n > 0 ? m('hnb_expenditure_after_savings') / n : null;
		}
		default:
			return m(formula);
	}
}
