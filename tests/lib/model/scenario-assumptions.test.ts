import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import {
	BASELINE_TREND,
	MAY_PROJECTION,
	SVA_PLAN,
	kingstonScenarios
} from '$lib/data/kingston-scenarios';
import type { Assumption, AssumptionSource } from '$lib/model/scenario-assumptions';
import { scenarioAssumptions } from '$lib/model/scenario-assumptions';
import type { Lever, Scenario } from '$lib/model/scenario';

const dataset = kingstonDataset();
const scenarios = kingstonScenarios();
const byName = (name: string) => structuredClone(scenarios.find((s) => s.name === name)!);
const TREND = { estimator: 'england' as const, reason: 'chosen for the test' };

const about = (list: Assumption[], topic: string, source?: AssumptionSource) =>
	list.filter((a) => a.topic === topic && (source === undefined || a.source === source));
const words = (list: Assumption[], topic: string, source?: AssumptionSource) =>
	about(list, topic, source).map((a) => a.words);

/** A scenario made from `parent` as the app makes one: a full copy with the parent's id. */
function madeFrom(parent: Scenario, change: (s: Scenario) => void = () => {}): Scenario {
	const s = { ...structuredClone(parent), id: 'child', name: 'Child', parentId: parent.id };
	change(s);
	return s;
}

const joiners = (id: string, multiplier: number): Lever => ({
	id,
	label: '',
	kind: 'joiners',
	multiplier,
	band: null,
	from: '2022/23',
	until: null
});

describe('scenarioAssumptions', () => {
	it('reads a scenario without a parent against the dataset: what it does not set is the dataset’s', () => {
		const plan = scenarioAssumptions(byName(SVA_PLAN), null, dataset, TREND);
		expect(plan.filter((a) => a.source === 'parent')).toEqual([]);
		expect(words(plan, 'Opening cumulative deficit', 'dataset')).toEqual(['£25,125,000']);
		expect(words(plan, 'General Fund contribution', 'dataset')).toEqual([
			'£1,200,000 each year in 2021/22 to 2025/26'
		]);
		expect(words(plan, 'Unit cost inflation', 'dataset')).toEqual([
			'0% in 2021/22, 3% in 2022/23, 2% a year in 2023/24 to 2025/26'
		]);
		expect(words(plan, 'HNB expenditure before savings', 'dataset')).toEqual([
			'£33,052,000 in 2021/22; modelled (placements × unit costs, plus other spend) in 2022/23 to 2025/26'
		]);
		expect(words(plan, 'Savings delivered', 'dataset')).toEqual([
			'every savings line (6): 100% of target in 2021/22 to 2025/26'
		]);
		expect(words(plan, 'Monte Carlo', 'dataset')).toEqual(['1,000 simulations, seed 50']);
	});

	it('names its own flow targets, consecutive years with the same target as one', () => {
		const plan = scenarioAssumptions(byName(SVA_PLAN), null, dataset, TREND);
		expect(words(plan, 'Flow target', 'own')).toEqual([
			'172 new plans and 71 ceased in the year to January 2022',
			'172 new plans a year in the years to January 2023 to January 2026'
		]);
	});

	it('says which trend the dataset’s default resolves to, in plain words with why', () => {
		const plan = scenarioAssumptions(byName(SVA_PLAN), null, dataset, TREND);
		const [newPlans] = about(plan, 'New plans');
		expect(newPlans.source).toBe('dataset');
		expect(newPlans.words).toMatch(/^the dataset’s default trend: Pooled with England/);
		expect(newPlans.words).toContain('(chosen for the test)');
		expect(newPlans.words).not.toMatch(/\bengland\b/);
		expect(words(plan, 'Pooling with England', 'dataset')[0]).toMatch(/^on: /);
		expect(words(scenarioAssumptions(byName(SVA_PLAN), null, dataset, null), 'New plans')[0]).toBe(
			'the dataset’s default trend (being worked out)'
		);
	});

	it('splits a ledger line by year: pinned by the scenario, inherited, or the dataset’s', () => {
		const may = byName(MAY_PROJECTION);
		const own = scenarioAssumptions(may, byName(SVA_PLAN), dataset, TREND);
		expect(words(own, 'HNB allocation', 'own')).toEqual(['pinned at £25,896,881 in 2021/22']);
		expect(words(own, 'HNB allocation', 'dataset')).toEqual([
			'£29,005,000 in 2022/23, £31,906,000 in 2023/24, £33,182,000 in 2024/25, £34,509,000 in 2025/26'
		]);
		expect(words(own, 'Opening cumulative deficit', 'own')).toEqual(['£24,401,000']);

		// The baseline was made from the May projection: the same pins are inherited.
		const baseline = scenarioAssumptions(byName(BASELINE_TREND), may, dataset, TREND);
		expect(words(baseline, 'HNB allocation', 'parent')).toEqual([
			'pinned at £25,896,881 in 2021/22'
		]);
		expect(words(baseline, 'Opening cumulative deficit', 'parent')).toEqual(['£24,401,000']);
		expect(about(baseline, 'HNB allocation', 'own')).toEqual([]);

		// A child that changes one year's pin owns that year only.
		const child = madeFrom(may, (s) => {
			s.ledger.hnb_allocation = {
				...s.ledger.hnb_allocation,
				'2021/22': { ...s.ledger.hnb_allocation!['2021/22'], value: 26_000_000 }
			};
		});
		const changed = scenarioAssumptions(child, may, dataset, TREND);
		expect(words(changed, 'HNB allocation', 'own')).toEqual(['pinned at £26,000,000 in 2021/22']);
		expect(words(changed, 'Budget additions (block transfers)', 'parent')).toEqual([
			'pinned at £662,800 in 2021/22'
		]);
	});

	it('gives the savings delivery the scenario pins, and notes where a lever changes the dataset’s', () => {
		const baseline = scenarioAssumptions(
			byName(BASELINE_TREND),
			byName(MAY_PROJECTION),
			dataset,
			TREND
		);
		expect(words(baseline, 'Savings delivered', 'parent')).toContain(
			'“Development of post 16 offer”: 38.3% of target in 2021/22'
		);
		expect(words(baseline, 'Savings delivered', 'dataset')).toEqual([
			'every savings line (6): 100% of target in 2022/23 to 2025/26; a lever of this scenario changes it from 2022/23'
		]);
		// Its lever is its own; the label says what the words say, so the words are given once.
		expect(words(baseline, 'Lever', 'own')).toEqual(['no savings after 2021/22']);
	});

	it('matches levers with the parent’s by id: unchanged is inherited, changed is its own', () => {
		const parent = madeFrom(byName(BASELINE_TREND), (s) => {
			s.id = 'parent';
			s.levers.push(joiners('growth', 1.09));
		});
		const same = scenarioAssumptions(madeFrom(parent), parent, dataset, TREND);
		expect(words(same, 'Lever', 'parent')).toEqual([
			'no savings after 2021/22',
			'new plans ×1.09 (+9%) from 2022/23'
		]);
		expect(about(same, 'Lever', 'own')).toEqual([]);

		const changed = madeFrom(parent, (s) => {
			s.levers[1] = { ...joiners('growth', 1.05), label: 'Faster growth' };
			s.monteCarlo = { simulations: 500, seed: 7 };
		});
		const list = scenarioAssumptions(changed, parent, dataset, TREND);
		expect(words(list, 'Lever', 'own')).toEqual([
			'Faster growth: new plans ×1.05 (+5%) from 2022/23'
		]);
		expect(words(list, 'Monte Carlo', 'own')).toEqual(['500 simulations, seed 7']);
	});

	it('names a trend a scenario chooses, inherited when the parent chose it too', () => {
		const parent = madeFrom(byName(BASELINE_TREND), (s) => {
			s.id = 'parent';
			s.demand.estimator = 'loglinear';
		});
		const same = scenarioAssumptions(madeFrom(parent), parent, dataset, TREND);
		expect(about(same, 'New plans')).toEqual([
			{
				topic: 'New plans',
				words:
					'Log-linear (constant growth) trend — the authority’s past growth continued at the same percentage each year',
				source: 'parent'
			}
		]);
		const own = scenarioAssumptions(
			madeFrom(parent, (s) => (s.demand.estimator = 'linear')),
			parent,
			dataset,
			TREND
		);
		expect(about(own, 'New plans')[0].source).toBe('own');
		expect(about(own, 'New plans')[0].words).toMatch(/^Linear trend — /);
	});

	it('says pooling with England is off when the dataset turns it off, and nothing of it for transitions', () => {
		const off = { ...dataset, estimation: { ...dataset.estimation, pooling: 'none' as const } };
		expect(
			words(scenarioAssumptions(byName(SVA_PLAN), null, off, TREND), 'Pooling with England')
		).toEqual(['off: the authority’s own history alone']);
		const transitions = {
			...dataset,
			transitions: [
				{
					calendarYear: 2020,
					setting1: 'mainstream',
					need1: 'ASD',
					ncy1: 3,
					setting2: 'mainstream',
					need2: 'ASD',
					ncy2: 4
				}
			]
		};
		expect(
			about(scenarioAssumptions(byName(SVA_PLAN), null, transitions, TREND), 'Pooling with England')
		).toEqual([]);
	});

	it('names every ledger line of the horizon and no internal id', () => {
		const list = scenarioAssumptions(
			byName(BASELINE_TREND),
			byName(MAY_PROJECTION),
			dataset,
			TREND
		);
		const text = list.map((a) => `${a.topic}: ${a.words}`).join('\n');
		expect(text).not.toMatch(/\b[a-z0-9]+(?:_[a-z0-9]+)+\b/);
		expect(text).not.toMatch(/\bloglinear\b/);
		for (const topic of [
			'HNB allocation',
			'Budget additions (block transfers)',
			'Variance in other DSG blocks',
			'General Fund contribution',
			'Safety Valve funding received (cumulative)',
			'Maximum cumulative deficit before Safety Valve funding (cap)',
			'Inflation of non-placement HNB spend',
			'Unit cost inflation'
		]) {
			const years = about(list, topic)
				.map((a) => a.words)
				.join(' ');
			for (const fy of ['2021/22', '2022/23', '2025/26']) {
				expect(years, `${topic} ${fy}`).toMatch(new RegExp(`${fy}|to ${fy}`));
			}
		}
	});
});

describe('the trend of ceased plans in "What drives this"', () => {
	it('says the pooled mean is pooled with England, as the pooling line does, when the dataset pools', () => {
		const list = scenarioAssumptions(byName(BASELINE_TREND), null, dataset, TREND);
		const [ceased] = words(list, 'Ceased plans');
		expect(ceased).toMatch(/^Pooled mean, pooled with England — /);
		expect(ceased).not.toContain('the authority’s average of past years');
		expect(words(list, 'Pooling with England')[0]).toMatch(/^on:/);
	});

	it('says it is the authority’s own average when pooling is off', () => {
		const own = { ...dataset, estimation: { ...dataset.estimation, pooling: 'none' as const } };
		const list = scenarioAssumptions(byName(BASELINE_TREND), null, own, TREND);
		expect(words(list, 'Ceased plans')[0]).toBe(
			'Pooled mean of history (as witan.send) — the authority’s average of past years, held level'
		);
	});
});
