import { describe, expect, it } from 'vitest';
import { betaMean } from '$lib/engine/params';
import { createRandomSampler } from '$lib/engine/random-sampler';
import { createRng } from '$lib/engine/rng';
import { expectedSampler } from '$lib/engine/sampler';
import { stateIndex } from '$lib/engine/space';
import { witanDataset } from '$lib/io/witan/dataset';
import { movedOnCounter, movedOnSummary } from '$lib/engine/witan-moved-on';
import { prepareWitanModel, runWitanModel, witanTrajectory } from '$lib/io/witan/run';
import { THREE, TINY, files, parsed, synthetic } from '../../fixtures/witan-model/inputs';

const tiny = prepareWitanModel(witanDataset(parsed(files(TINY))));
const { space } = tiny;
const at = (ncy: number, need: string, setting: string) =>
	stateIndex(space, ncy, space.needIndex.get(need)!, space.settingIndex.get(setting)!);

describe('movedOnCounter', () => {
	it('counts, in the expected projection, the children who stay past their setting’s last year and move on', () => {
		// MS ends after NCY 1: (1, A, MS) moves on to SP; (1, B, MS) has nowhere to go and leaves
		// in both models, so it does not count.
		const s = at(1, 'A', 'MS');
		const p = tiny.steps[0];
		const n = tiny.base[s];
		expect(n).toBeGreaterThan(0);
		const byHand =
			n *
			(1 - betaMean(p.leaverAlpha[s], p.leaverBeta[s])) *
			(1 - betaMean(p.moverAlpha[s], p.moverBeta[s]));
		const counter = movedOnCounter(tiny);
		witanTrajectory(tiny, expectedSampler, (k, before, flows) =>
			counter.visit(0, k, before, flows)
		);
		const [first] = counter.result();
		expect(first.census).toBe(tiny.censuses[0]);
		expect(first.children).toBeCloseTo(byHand, 10);
		expect(first.bySetting).toEqual([{ setting: 'MS', children: first.children }]);
	});

	it('averages over a run’s simulations, close to the expected figure', () => {
		const s = at(1, 'A', 'MS');
		const p = tiny.steps[0];
		const pM = betaMean(p.moverAlpha[s], p.moverBeta[s]);
		const counter = movedOnCounter(tiny);
		const perSim: number[] = [];
		const sims = 400;
		for (let sim = 0; sim < sims; sim++) {
			const sampler = createRandomSampler(createRng(9, sim));
			witanTrajectory(tiny, sampler, (k, before, flows) => {
				counter.visit(sim, k, before, flows);
				if (k === 0) perSim.push((before[s] - flows.leavers[s]) * (1 - pM));
			});
		}
		const mean = perSim.reduce((a, b) => a + b, 0) / sims;
		expect(counter.result()[0].children).toBeCloseTo(mean, 10);
		const expected = movedOnCounter(tiny);
		witanTrajectory(tiny, expectedSampler, (k, b, f) => expected.visit(0, k, b, f));
		const sd = Math.sqrt(perSim.reduce((a, v) => a + (v - mean) ** 2, 0) / (sims - 1));
		expect(Math.abs(mean - expected.result()[0].children)).toBeLessThan(4 * (sd / Math.sqrt(sims)));
	});

	it('gives a row per projected census, settings largest first, for a whole run', () => {
		const model = prepareWitanModel(witanDataset(parsed(files(synthetic()))));
		const counter = movedOnCounter(model);
		runWitanModel(model, { sims: 50, seed: 3, visit: counter.visit });
		const rows = counter.result();
		expect(rows.map((r) => r.census)).toEqual(model.censuses);
		expect(rows.some((r) => r.children > 0)).toBe(true);
		for (const r of rows) {
			const sum = r.bySetting.reduce((t, x) => t + x.children, 0);
			expect(r.children).toBeCloseTo(sum, 10);
			expect(
				r.bySetting.every((x, i) => i === 0 || x.children <= r.bySetting[i - 1].children)
			).toBe(true);
		}
	});

	it('counts nobody where no setting ends before the last NCY', () => {
		const model = prepareWitanModel(witanDataset(parsed(files(THREE))));
		const counter = movedOnCounter(model);
		runWitanModel(model, { sims: 20, seed: 1, visit: counter.visit });
		expect(counter.result().map((r) => r.children)).toEqual(model.censuses.map(() => 0));
	});
});

describe('movedOnSummary', () => {
	it('adds a run’s years up: total, per year, the least and the most, and settings left', () => {
		const rows = [
			{ census: 2018, children: 4, bySetting: [{ setting: 'MS', children: 4 }] },
			{
				census: 2019,
				children: 10,
				bySetting: [
					{ setting: 'SP', children: 7 },
					{ setting: 'MS', children: 3 }
				]
			},
			{ census: 2020, children: 1, bySetting: [{ setting: 'SP', children: 1 }] }
		];
		expect(movedOnSummary(rows)).toEqual({
			years: 3,
			total: 15,
			perYear: 5,
			least: rows[2],
			most: rows[1],
			bySetting: [
				{ setting: 'SP', children: 8 },
				{ setting: 'MS', children: 7 }
			]
		});
		expect(movedOnSummary([])).toBeNull();
	});
});
