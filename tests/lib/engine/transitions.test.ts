import { describe, expect, it } from 'vitest';
import { datasetStateSpace, estimateDemand } from '../../../src/lib/engine/estimate';
import type { DemandModel } from '../../../src/lib/engine/demand';
import { stateIndex } from '../../../src/lib/engine/space';
import {
	EMPTY_JOINER_YEAR_ALPHA,
	estimateFromTransitions,
	ncyPrior,
	transitionCaseload
} from '../../../src/lib/engine/transitions';
import { witanDataset } from '../../../src/lib/io/witan/dataset';
import type { Dataset } from '../../../src/lib/model/dataset';
import { THREE, TINY, files, parsed } from '../../fixtures/witan-model/inputs';

/*
 * The tiny fixture by hand (rows numbered as in tests/fixtures/witan-model/inputs.ts).
 *
 * States before ageing, and what their rows did:
 *   (0, A, MS): rows 1 and 10 stay, row 2 moves to SP      → 0 leavers, 3 non-leavers, 1 mover
 *   (0, B, MS): row 3 leaves, row 9 stays                  → 1 leaver, 1 non-leaver, 0 movers
 *   (1, A, MS): row 7 moves to SP                          → 0 leavers, 1 non-leaver, 1 mover
 *   (1, A, SP): rows 4 and 8 stay                          → 0 leavers, 2 non-leavers
 *   (2, A, SP): row 11 leaves                              → 1 leaver
 * NCY-wide: NCY 0 has L = 1, S = 4 (movers 1, stayers 3); NCY 1 has L = 0, S = 3 (movers 1,
 * stayers 2); NCY 2 has L = 1, S = 0.
 *
 * Leaver priors: NCY 0: α0 = 1.5/6 = 0.25, β0 = 4.5/6 = 0.75; NCY 1: α0 = 0.5/4 = 0.125,
 * β0 = 3.5/4 = 0.875; NCY 2: α0 = 1.5/2 = 0.75, β0 = 0.5/2 = 0.25.
 * Mover priors: NCY 0: α0 = 1.5/5 = 0.3, β0 = 3.5/5 = 0.7; NCY 1: α0 = 1.5/4 = 0.375,
 * β0 = 2.5/4 = 0.625.
 *
 * Joiners (n = 2 years; P(2019) = 100, 110, 120 and P(2020) = 200, 210, 220 at NCY 0, 1, 2):
 *   NCY 0: one in each year (rows 5, 12): α = 2/2 = 1, β = (99 + 199)/2 = 149.
 *   NCY 1: one in 2019 (row 6), none in 2020: α = 1/2 + 0.001 = 0.501, β = (109 + 210)/2 = 159.5.
 *   NCY 2: none: α = 0.002, β = (120 + 220)/2 = 170.
 * Joiner destinations, uniform 1/3 over NCY 0's states (A·MS, A·SP, B·MS) plus counts
 * (row 5 → A·MS, row 12 → B·MS): 4/3, 1/3, 4/3; at NCY 1 (row 6 → A·SP): 1/3, 4/3, 1/3.
 */
describe('estimateFromTransitions on the tiny fixture, by hand', () => {
	const dataset = witanDataset(parsed(files(TINY)));
	const space = datasetStateSpace(dataset);
	const model = estimateFromTransitions(dataset, space, { baseCensus: 2021, steps: 2 });
	const need = (id: string) => space.needIndex.get(id)!;
	const setting = (id: string) => space.settingIndex.get(id)!;
	const s = (ncy: number, n: string, k: string) => stateIndex(space, ncy, need(n), setting(k));

	it('has the seven valid states of the two settings', () => {
		expect(space.size).toBe(7);
		expect([s(0, 'B', 'SP'), s(2, 'A', 'MS'), s(2, 'B', 'SP')]).toEqual([-1, -1, -1]);
	});

	it('gives each state its leavers plus its NCY prior', () => {
		const leaver = (i: number) => [model.leaverAlpha[i], model.leaverBeta[i]];
		expect(leaver(s(0, 'A', 'MS'))).toEqual([0.25, 3.75]);
		expect(leaver(s(0, 'A', 'SP'))).toEqual([0.25, 0.75]);
		expect(leaver(s(0, 'B', 'MS'))).toEqual([1.25, 1.75]);
		expect(leaver(s(1, 'A', 'MS'))).toEqual([0.125, 1.875]);
		expect(leaver(s(1, 'A', 'SP'))).toEqual([0.125, 2.875]);
		expect(leaver(s(1, 'B', 'MS'))).toEqual([0.125, 0.875]);
		expect(leaver(s(2, 'A', 'SP'))).toEqual([1.75, 0.25]);
	});

	it('gives mover parameters only to states with another setting open at the next NCY', () => {
		const mover = (i: number) => [model.moverAlpha[i], model.moverBeta[i]];
		expect(mover(s(0, 'A', 'MS'))).toEqual([1.3, 2.7]); // 1 mover, 2 stayers
		expect(mover(s(0, 'A', 'SP'))).toEqual([0.3, 0.7]); // no data: the NCY prior
		expect(mover(s(1, 'A', 'MS'))[0]).toBeCloseTo(1.375, 15); // 1 mover, 0 stayers
		expect(mover(s(1, 'A', 'MS'))[1]).toBeCloseTo(0.625, 15);
		// SP takes need A only and MS ends at NCY 1: these have nowhere else to go.
		for (const i of [s(0, 'B', 'MS'), s(1, 'A', 'SP'), s(1, 'B', 'MS'), s(2, 'A', 'SP')]) {
			expect(model.moverAlpha[i]).toBe(0);
			expect(model.moverDest[i]).toBeNull();
		}
	});

	it('sends movers to the one other setting, prior mass 1 plus their own moves', () => {
		const dest = (i: number) => {
			const d = model.moverDest[i]!;
			return { to: [...d.to], alpha: [...d.alpha] };
		};
		expect(dest(s(0, 'A', 'MS'))).toEqual({ to: [s(1, 'A', 'SP')], alpha: [2] });
		expect(dest(s(0, 'A', 'SP'))).toEqual({ to: [s(1, 'A', 'MS')], alpha: [1] });
		// MS ends at NCY 1: (1, A, MS) moves on to SP even when no mover is drawn.
		expect(dest(s(1, 'A', 'MS'))).toEqual({ to: [s(2, 'A', 'SP')], alpha: [2] });
	});

	it('makes joiners a rate of the population, averaged over the years', () => {
		const byNcy = new Map(model.joiners.map((j) => [j.ncy, j]));
		const rate = (ncy: number) => {
			const j = byNcy.get(ncy)!;
			if (j.kind !== 'rate') throw new Error('expected a rate');
			return j;
		};
		expect([rate(0).alpha, rate(0).beta]).toEqual([1, 149]);
		expect(rate(1).alpha).toBeCloseTo(0.5 + EMPTY_JOINER_YEAR_ALPHA, 15);
		expect(rate(1).beta).toBe(159.5);
		expect(rate(2).alpha).toBeCloseTo(2 * EMPTY_JOINER_YEAR_ALPHA, 15);
		expect(rate(2).beta).toBe(170);
	});

	it('places joiners by past joiners plus a uniform prior of mass 1', () => {
		const byNcy = new Map(model.joiners.map((j) => [j.ncy, j]));
		const at0 = byNcy.get(0)!.dest;
		expect([...at0.to]).toEqual([s(0, 'A', 'MS'), s(0, 'A', 'SP'), s(0, 'B', 'MS')]);
		expect([...at0.alpha].map((a) => a * 3)).toEqual([4, 1, 4].map((x) => expect.closeTo(x, 12)));
		const at1 = byNcy.get(1)!.dest;
		expect([...at1.alpha].map((a) => a * 3)).toEqual([1, 4, 1].map((x) => expect.closeTo(x, 12)));
		expect([...byNcy.get(2)!.dest.alpha]).toEqual([1]);
	});

	it('draws the step ending at census c from the population of year c, the projected year', () => {
		const j = model.joiners.find((x) => x.ncy === 1)!;
		if (j.kind !== 'rate') throw new Error('expected a rate');
		expect([...j.populationByCensus]).toEqual([
			[2019, 110],
			[2020, 210],
			[2021, 310],
			[2022, 410],
			[2023, 510]
		]);
	});

	it('starts from the last year’s setting-2 side', () => {
		expect(model.censuses).toEqual([2022, 2023]);
		const expected = new Float64Array(space.size);
		expected[s(2, 'A', 'SP')] = 2; // rows 7, 8
		expected[s(1, 'B', 'MS')] = 1; // row 9
		expected[s(1, 'A', 'MS')] = 1; // row 10
		expected[s(0, 'B', 'MS')] = 1; // row 12
		expect(model.base).toEqual(expected);
	});

	it('holds the pooled estimator at multipliers of 1', () => {
		for (const m of [...model.trends.pooled.joiners, ...model.trends.pooled.leavers]) {
			expect([...m].every((x) => x === 1)).toBe(true);
		}
	});

	it('extrapolates the yearly leaver rate for the linear estimator', () => {
		// Leaver rates: 2019 1/4 (rows 1–4), 2020 1/5 (rows 7–11); pooled (weighted) 2/9. The line
		// through them gives 0.15 in 2021 and 0.10 in 2022, the flow years of the two steps.
		const [m2022, m2023] = model.trends.linear.leavers.map((a) => a[0]);
		expect(m2022).toBeCloseTo(0.15 / (2 / 9), 12);
		expect(m2023).toBeCloseTo(0.1 / (2 / 9), 12);
		// Joiner rates 2/330 then 1/630 fall steeply: the line is below 0 by 2021, held at 0.
		expect(model.trends.linear.joiners[0][0]).toBe(0);
	});
});

describe('mover destinations with three settings', () => {
	// One year: at NCY 0, X→Y twice, Y→Z once, X stays once; at NCY 1, X stays once.
	const dataset = witanDataset(parsed(files(THREE)));
	const space = datasetStateSpace(dataset);
	const model = estimateFromTransitions(dataset, space, { baseCensus: 2020, steps: 1 });
	const s = (ncy: number, k: string) => stateIndex(space, ncy, 0, space.settingIndex.get(k)!);
	const dest = (i: number) => {
		const d = model.moverDest[i]!;
		return {
			to: [...d.to].map((t) => space.settings[space.setting[t]].id),
			alpha: [...d.alpha]
		};
	};

	it('adds the NCY’s moves to a uniform prior, normalises, then adds the state’s own', () => {
		// (0, X): ½ + 2 to Y, ½ + 1 to Z → 2.5/4, 1.5/4; plus its own two moves to Y.
		expect(dest(s(0, 'X'))).toEqual({ to: ['Y', 'Z'], alpha: [0.625 + 2, 0.375] });
	});

	it('drops moves into the origin’s own setting from the NCY’s counts', () => {
		// (0, Y): X ½ + 0, Z ½ + 1 (the two moves into Y are its own setting) → ¼, ¾; plus Y→Z.
		expect(dest(s(0, 'Y'))).toEqual({ to: ['X', 'Z'], alpha: [0.25, 0.75 + 1] });
	});

	it('borrows the nearest lower NCY’s moves when an NCY has none', () => {
		// NCY 1 and 2 have no movers: both use NCY 0's counts.
		expect(dest(s(1, 'X'))).toEqual({ to: ['Y', 'Z'], alpha: [0.625, 0.375] });
		expect(dest(s(2, 'Z'))).toEqual({ to: ['X', 'Y'], alpha: [0.5 / 3, 2.5 / 3] });
	});

	it('is uniform below every NCY with movers', () => {
		expect(dest(s(-1, 'X'))).toEqual({ to: ['Y', 'Z'], alpha: [0.5, 0.5] });
	});

	it('uses a {1, 1} mover prior and a {½, ½} leaver prior where an NCY has no data', () => {
		expect([model.moverAlpha[s(2, 'X')], model.moverBeta[s(2, 'X')]]).toEqual([1, 1]);
		expect([model.leaverAlpha[s(2, 'X')], model.leaverBeta[s(2, 'X')]]).toEqual([0.5, 0.5]);
		// NCY 1 has a stayer and no mover: a prior from the data, not {1, 1}.
		expect([model.moverAlpha[s(1, 'X')], model.moverBeta[s(1, 'X')]]).toEqual([0.25, 1.75]);
	});

	it('leaves a state at the last NCY anyone has with nowhere to go', () => {
		expect(model.moverDest[s(3, 'X')]).toBeNull();
	});
});

describe('estimateFromTransitions options and edge cases', () => {
	const base = witanDataset(parsed(files(TINY)));

	it('estimates only from flow years up to the last one given, and projects from any census', () => {
		// Back-testing from census 2020 uses the 2019 transitions alone, and the setting-1 side of 2020.
		const model = estimateDemand(base, { baseCensus: 2020, lastFlowYear: 2019, steps: 1 });
		const space = model.space;
		const i = stateIndex(space, 2, 0, space.settingIndex.get('SP')!);
		// In 2019 NCY 2 has no data, so (2, A, SP) has the {½, ½} prior only.
		expect([model.leaverAlpha[i], model.leaverBeta[i]]).toEqual([0.5, 0.5]);
		expect(model.base.reduce((a, b) => a + b, 0)).toBe(5); // rows 7–11 start in a setting
	});

	it('respects the dataset’s first flow year', () => {
		const d: Dataset = { ...base, estimation: { ...base.estimation, firstFlowYear: 2020 } };
		const model = estimateDemand(d);
		const j = model.joiners.find((x) => x.ncy === 0)!;
		if (j.kind !== 'rate') throw new Error('expected a rate');
		expect([j.alpha, j.beta]).toEqual([1, 199]); // 2020 only: one joiner of 200
	});

	it('falls back to an expected count per NCY when no population is loaded', () => {
		const d: Dataset = { ...base, population: null };
		const model: DemandModel = estimateDemand(d);
		const j = model.joiners.find((x) => x.ncy === 0)!;
		expect(j).toMatchObject({ kind: 'count', mean: 1, shape: 2 });
	});

	it('refuses a range of flow years without transitions, naming the years', () => {
		const d: Dataset = { ...base, estimation: { ...base.estimation, firstFlowYear: 2025 } };
		expect(() => estimateDemand(d)).toThrow(
			'estimateFromTransitions: no transitions with calendar-year from 2025 up to 2020'
		);
	});

	it('counts a census from the setting-2 side when no step starts there', () => {
		const space = datasetStateSpace(base);
		const c = transitionCaseload(space, base.transitions!, 2021);
		expect(c.reduce((a, b) => a + b, 0)).toBe(5);
		expect(() => transitionCaseload(space, base.transitions!, 2030)).toThrow(
			'transitionCaseload: no transitions start at 2030'
		);
	});

	it('computes the NCY prior with half a pseudo-count each side', () => {
		expect(ncyPrior(3, 5, 0.5)).toEqual({ alpha: 3.5 / 9, beta: 5.5 / 9 });
		expect(ncyPrior(0, 0, 1)).toEqual({ alpha: 1, beta: 1 });
	});
});
