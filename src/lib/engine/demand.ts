/**
 * The estimated demand model: what estimation (from aggregates or from transitions) hands to the
 * scenario compiler. Pooled parameters per state, plus per-estimator trend multipliers per step.
 */
import type { EstimatorId } from '../model/dataset';
import type { Destinations } from './params';
import type { StateSpace } from './space';
import type { PooledEstimates } from './pooled-england';
import type { PersistentUncertainty } from './uncertainty';

/** Joiners at one NCY before trends and levers. */
export type JoinerTemplate =
	| {
			ncy: number;
			kind: 'rate';
			alpha: number;
			beta: number;
			/** General population at this NCY by census year. */
			populationByCensus: ReadonlyMap<number, number>;
			dest: Destinations;
	  }
	| { ncy: number; kind: 'count'; mean: number; shape: number; dest: Destinations };

/** Per projected step, a multiplier per NCY (index = NCY − space.minNcy). */
export interface TrendMultipliers {
	joiners: Float64Array[];
	leavers: Float64Array[];
}

export interface DemandModel {
	method: 'aggregates' | 'transitions';
	space: StateSpace;
	baseCensus: number;
	/** Whole children per state at the base census. */
	base: Float64Array;
	leaverAlpha: Float64Array;
	leaverBeta: Float64Array;
	moverAlpha: Float64Array;
	moverBeta: Float64Array;
	moverDest: (Destinations | null)[];
	joiners: JoinerTemplate[];
	/** Census years that end each projected step. */
	censuses: number[];
	trends: Record<EstimatorId, TrendMultipliers>;
	/** How each part was estimated, in words, for the Methodology page. */
	notes: string[];
	warnings: string[];
	/** How the authority was pooled with England (aggregates with a reference), else null. */
	pooled: PooledEstimates | null;
	/**
	 * Persistent deviations each Monte Carlo simulation draws (uncertainty.ts), or null for
	 * process noise only (witan.send-compatible runs).
	 */
	uncertainty: PersistentUncertainty | null;
}

/** Multipliers of 1 for every step and NCY (the pooled estimator). */
export function flatTrend(space: StateSpace, steps: number): TrendMultipliers {
	const width = space.maxNcy - space.minNcy + 1;
	const ones = () => Array.from({ length: steps }, () => new Float64Array(width).fill(1));
	return { joiners: ones(), leavers: ones() };
}
