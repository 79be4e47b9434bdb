/**
 * The scenario editor's two Monte Carlo fields (docs/model.md §8): the number of simulations and
 * the seed, as whole numbers within the validator's limits.
 *
 * @example <NumberField spec={SIMULATIONS_FIELD} … /> // typing 0 says "a whole number of simulations from 1 to 100,000"
 */
import { MAX_SEED, MAX_SIMULATIONS } from '../../model/validate-scenario';
import type { FieldSpec } from './fields';

/** The number of simulations: 1 … MAX_SIMULATIONS, shown as it is. */
export const SIMULATIONS_FIELD: FieldSpec = {
	unit: 'simulations',
	toDisplay: (v) => v,
	fromDisplay: (d) => d,
	sliderMin: 100,
	sliderMax: 5000,
	step: 100,
	min: 1,
	max: MAX_SIMULATIONS,
	whole: true,
	accepts: `a whole number of simulations from 1 to ${MAX_SIMULATIONS.toLocaleString('en-GB')}`,
	dp: 0
};

/** The seed: 0 … MAX_SEED. */
export const SEED_FIELD: FieldSpec = {
	unit: '',
	toDisplay: (v) => v,
	fromDisplay: (d) => d,
	sliderMin: 0,
	sliderMax: 1000,
	step: 1,
	min: 0,
	max: MAX_SEED,
	whole: true,
	accepts: `a whole number from 0 to ${MAX_SEED.toLocaleString('en-GB')}`,
	dp: 0
};
