/**
 * What the Methodology page shows of the rolling-origin evaluation across every English authority
 * (docs/model.md §8.2, decision 0019): the shipped evaluation table (made by
 * scripts/evaluate-forecasts.ts) and the methods it compares, by their plain names.
 */
import { NAIVE_LABELS, NAIVE_METHODS } from '../engine/naive';
import type { EvaluationSummary } from '../io/sen2/rolling-origin';
import forecastEvaluation from '../data/forecast-evaluation.json';

export type { EvaluationSummary };

/** The shipped rolling-origin evaluation. */
export const FORECAST_EVALUATION = forecastEvaluation as EvaluationSummary;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The methods of the evaluation table in display order: the workbench's default forecast, then
 * the four naive baselines.
 * @example EVALUATION_METHODS[1] // { id: 'last', label: 'The last census, held flat' }
 */
export const EVALUATION_METHODS: readonly { id: string; label: string }[] = [
	{ id: 'workbench', label: 'This workbench (pooled with England)' },
	...NAIVE_METHODS.map((id) => ({ id, label: capitalised(NAIVE_LABELS[id]) }))
];
