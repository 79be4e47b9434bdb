/**
 * Plain words for the model's terms (issue 11 item 10; decision 0016): what a strategy lead reads
 * instead of an internal id or unexplained jargon. Ids (`loglinear`, `independent_special`,
 * `unit_cost_inflation`) stay in files and metric names; the screen shows these.
 */
import type { Dataset, EstimatorId } from './dataset';
import { ESTIMATOR_LABELS } from './dataset';

/**
 * One line on what each trend (estimator, docs/model.md §8) does, for new or ceased plans alike,
 * shown beside its name (`ESTIMATOR_LABELS`).
 * @example ESTIMATOR_EXPLANATIONS.loglinear // 'the authority’s past growth continued at the same percentage each year'
 */
export const ESTIMATOR_EXPLANATIONS: Record<EstimatorId, string> = {
	england:
		'rates per plan held: the authority’s own, pulled towards England’s where its own history is short or noisy',
	pooled: 'the authority’s average of past years, held level',
	linear: 'a straight line through the authority’s past years, continued',
	loglinear: 'the authority’s past growth continued at the same percentage each year'
};

/**
 * An estimator's plain name and what it does, in one line.
 * @example estimatorInWords('linear') // 'Linear trend — a straight line through the authority’s past years, continued'
 */
export function estimatorInWords(e: EstimatorId): string {
	return `${ESTIMATOR_LABELS[e]} — ${ESTIMATOR_EXPLANATIONS[e]}`;
}

/**
 * Whether estimation pools the authority with England (decision 0019; engine/estimate.ts): a
 * dataset of aggregates does unless its pooling is switched off; witan.send transitions never do.
 */
export function poolsWithEngland(dataset: Pick<Dataset, 'estimation' | 'transitions'>): boolean {
	const transitions = dataset.transitions?.length ?? 0;
	return transitions === 0 && (dataset.estimation.pooling ?? 'england') === 'england';
}

/** Which flow a trend is chosen for. */
export type TrendOf = 'new plans' | 'ceased plans';

/**
 * What a trend really computes depends on pooling (engine/aggregates.ts): pooled with England, the
 * pooled mean of ceased plans is the England-pooled rate (not the authority's own average); not
 * pooled, the England trend is the authority's own pooled mean. The name and line for the screen,
 * true to what is computed; the numbers are the engine's either way.
 */
function trendWords(e: EstimatorId, of: TrendOf, pooled: boolean): [string, string] {
	if (e === 'pooled' && of === 'ceased plans' && pooled) {
		return [
			'Pooled mean, pooled with England',
			'leaving per plan held: the authority’s own rate pulled towards England’s (mostly England’s, as authorities’ yearly figures are noisy), held level'
		];
	}
	if (e === 'england' && !pooled) {
		return [
			'Pooled with England (off for this dataset: the pooled mean of history)',
			ESTIMATOR_EXPLANATIONS.pooled
		];
	}
	return [ESTIMATOR_LABELS[e], ESTIMATOR_EXPLANATIONS[e]];
}

/**
 * A trend's name as the screen shows it for new or ceased plans, given whether the dataset pools
 * with England (`poolsWithEngland`).
 * @example trendLabel('pooled', 'ceased plans', true) // 'Pooled mean, pooled with England'
 * @example trendLabel('pooled', 'new plans', true) // 'Pooled mean of history (as witan.send)'
 */
export function trendLabel(e: EstimatorId, of: TrendOf, pooled: boolean): string {
	return trendWords(e, of, pooled)[0];
}

/** What a trend does for new or ceased plans, in one line (`trendLabel`'s companion). */
export function trendExplanation(e: EstimatorId, of: TrendOf, pooled: boolean): string {
	return trendWords(e, of, pooled)[1];
}

/**
 * A trend's name and what it does for new or ceased plans, in one line.
 * @example trendInWords('pooled', 'ceased plans', false) // 'Pooled mean of history (as witan.send) — the authority’s average of past years, held level'
 */
export function trendInWords(e: EstimatorId, of: TrendOf, pooled: boolean): string {
	const [label, explanation] = trendWords(e, of, pooled);
	return `${label} — ${explanation}`;
}

/** The national curriculum year as the screen names it first: "school year (NCY)". */
export const SCHOOL_YEAR_NCY = 'school year (NCY)';
