/** Small hand-made datasets and state spaces for engine tests. */
import type { SettingDef } from '$lib/model/dataset';
import { createStateSpace } from '$lib/engine/space';
import type { StepParams, Destinations } from '$lib/engine/params';
import type { StateSpace } from '$lib/engine/space';

export const setting = (
	id: string,
	minNcy: number,
	maxNcy: number,
	extra: Partial<SettingDef> = {}
): SettingDef => ({
	id,
	name: id,
	group: 'other',
	minNcy,
	maxNcy,
	needs: null,
	destinations: null,
	...extra
});

/** Two settings over NCY 0–3: "school" (0–2) and "college" (2–3). */
export function tinySpace(): StateSpace {
	return createStateSpace(['ALL'], [setting('school', 0, 2), setting('college', 2, 3)], 0, 3);
}

/** Step parameters with no flows at all. */
export function quietStep(space: StateSpace, census = 2022): StepParams {
	return {
		census,
		leaverAlpha: new Float64Array(space.size),
		leaverBeta: new Float64Array(space.size).fill(1),
		moverAlpha: new Float64Array(space.size),
		moverBeta: new Float64Array(space.size).fill(1),
		moverDest: new Array<Destinations | null>(space.size).fill(null),
		joiners: [],
		capacity: []
	};
}
