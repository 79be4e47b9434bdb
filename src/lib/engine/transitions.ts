/**
 * Estimation from witan.send transitions (MODEL.md §2 "From transitions"). Placeholder module
 * boundary: implemented in the projection engine issue.
 */
import type { Dataset } from '../model/dataset';
import type { DemandModel } from './demand';
import type { StateSpace } from './space';

export function estimateFromTransitions(
	_dataset: Dataset,
	_space: StateSpace,
	_options: { baseCensus: number; lastFlowYear?: number; steps: number }
): DemandModel {
	throw new Error('estimateFromTransitions: estimation from transitions is not available yet');
}
