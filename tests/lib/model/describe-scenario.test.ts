import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, MAY_PROJECTION, kingstonScenarios } from '$lib/data/kingston-scenarios';
import {
	describeLeverInWords,
	describeScenario,
	describeWindow,
	leverTitle
} from '$lib/model/describe-scenario';
import type { Lever, Scenario } from '$lib/model/scenario';

const dataset = kingstonDataset();
const scenarios = kingstonScenarios();
const byName = (name: string) => structuredClone(scenarios.find((s) => s.name === name)!);

const open = { from: null, until: null, label: '' };
const joiners = (multiplier: number, extra: Partial<Lever> = {}): Lever =>
	({ id: 'j', kind: 'joiners', multiplier, band: null, ...open, ...extra }) as Lever;

function child(parent: Scenario, levers: Lever[]): Scenario {
	return { ...structuredClone(parent), id: 'child', name: 'Child', parentId: parent.id, levers };
}

describe('describeWindow', () => {
	it('says from, until, from…to, in, or nothing', () => {
		expect(describeWindow({ from: '2022/23', until: null })).toBe(' from 2022/23');
		expect(describeWindow({ from: null, until: '2023/24' })).toBe(' until 2023/24');
		expect(describeWindow({ from: '2022/23', until: '2024/25' })).toBe(' from 2022/23 to 2024/25');
		expect(describeWindow({ from: '2023/24', until: '2023/24' })).toBe(' in 2023/24');
		expect(describeWindow({ from: null, until: null })).toBe('');
	});
});

describe('describeLeverInWords', () => {
	it('gives a multiplier with the change it makes', () => {
		expect(describeLeverInWords(joiners(1.09, { from: '2022/23' }), dataset)).toBe(
			'new plans ×1.09 (+9%) from 2022/23'
		);
		expect(
			describeLeverInWords(
				{ id: 'l', kind: 'leavers', multiplier: 0.9, band: 'age_16_19', ...open },
				dataset
			)
		).toBe('ceased plans ×0.9 (−10%) for ages 16–19');
	});

	it('names settings as the dataset names them', () => {
		const words = describeLeverInWords(
			{
				id: 'r',
				kind: 'redirect',
				fromSetting: 'independent_special',
				toSetting: 'maintained_special',
				share: 0.2,
				joiners: true,
				movers: false,
				...open,
				from: '2022/23'
			},
			dataset
		);
		expect(words).toBe(
			'20% of new placements into NMSS or independent schools go to maintained special schools or special academies instead from 2022/23'
		);
	});

	it('reads "no savings after" the year before a delivery of nothing starts', () => {
		const baseline = byName(BASELINE_TREND);
		expect(describeLeverInWords(baseline.levers[0], dataset)).toBe('no savings after 2021/22');
	});

	it('describes one savings line by its name, capacity with its overflow, and money in pounds', () => {
		expect(
			describeLeverInWords(
				{ id: 's', kind: 'savings_delivery', line: 'post_16_offer', delivery: 0.5, ...open },
				dataset
			)
		).toBe('“Development of post 16 offer” delivered at 50% of target');
		expect(
			describeLeverInWords(
				{
					id: 'c',
					kind: 'capacity',
					setting: 'maintained_special',
					capacity: 420,
					overflowSetting: 'independent_special',
					...open
				},
				dataset
			)
		).toBe(
			'maintained special schools or special academies capped at 420 children, the rest going to NMSS or independent schools'
		);
		expect(
			describeLeverInWords({ id: 'o', kind: 'one_off_cost', amount: -250_000, ...open }, dataset)
		).toBe('HNB spend £250,000 lower each year');
	});

	it('prefers a lever’s label for its title', () => {
		expect(leverTitle(joiners(1.1, { label: 'Growth' }), dataset)).toBe('Growth');
		expect(leverTitle(joiners(1.1), dataset)).toBe('New plans ×1.1 (+10%)');
	});
});

describe('describeScenario', () => {
	it('says nothing for a copy of its parent', () => {
		const base = byName(BASELINE_TREND);
		expect(describeScenario(child(base, base.levers), base, dataset)).toEqual([]);
	});

	it('lists an added lever in words', () => {
		const base = byName(BASELINE_TREND);
		const s = child(base, [...base.levers, joiners(1.09, { from: '2022/23' })]);
		expect(describeScenario(s, base, dataset)).toEqual(['new plans ×1.09 (+9%) from 2022/23']);
	});

	it('reads a changed lever as one change, with what it was', () => {
		const base = child(byName(BASELINE_TREND), [joiners(1.09)]);
		const s = { ...base, id: 'grandchild', levers: [joiners(1.12)] };
		expect(describeScenario(s, base, dataset)).toEqual([
			'new plans ×1.12 (+12%) (was new plans ×1.09 (+9%))'
		]);
	});

	it('lists a removed lever', () => {
		const base = byName(BASELINE_TREND);
		const s = child(base, []);
		expect(describeScenario(s, base, dataset)).toEqual(['without no savings after 2021/22']);
	});

	it('tells the Baseline from the May projection: its demand and its savings', () => {
		const words = describeScenario(byName(BASELINE_TREND), byName(MAY_PROJECTION), dataset);
		expect(words).toContain('no flow target for the year to January 2022');
		expect(words).toContain('no savings after 2021/22');
	});

	it('reads a scenario without a parent against the dataset alone', () => {
		const may = { ...byName(MAY_PROJECTION), parentId: null };
		const words = describeScenario(may, null, dataset);
		expect(words[0]).toBe('opening cumulative deficit £24,401,000');
		expect(
			words.some((w) => w.startsWith('2021/22 ledger pinned: HNB allocation £25,896,881'))
		).toBe(true);
		expect(words).toContain(
			'flows in the year to January 2022 held at 185 new plans and 71 ceased'
		);
	});

	it('reports changed Monte Carlo settings', () => {
		const base = byName(BASELINE_TREND);
		const s = { ...child(base, base.levers), monteCarlo: { simulations: 500, seed: 7 } };
		expect(describeScenario(s, base, dataset)).toEqual(['Monte Carlo: 500 simulations, seed 7']);
	});
});
