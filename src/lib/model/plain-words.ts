/**
 * Plain words for the model's terms (issue 11 item 10; decision 0016): what a strategy lead reads
 * instead of an internal id or unexplained jargon. Ids (`loglinear`, `independent_special`,
 * `unit_cost_inflation`) stay in files and metric names; the screen shows these.
 */
import type { EstimatorId } from './dataset';
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

/** The national curriculum year as the screen names it first: "school year (NCY)". */
export const SCHOOL_YEAR_NCY = 'school year (NCY)';
