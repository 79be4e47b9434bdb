import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import type { GoalSeekResult } from '$lib/engine/goal-seek';
import { describeGoalSeek } from '$lib/ui/scenario/goal-seek-words';

const dataset = kingstonDataset();
const base: GoalSeekResult = {
	target: { kind: 'new_plan_growth' },
	mode: { kind: 'expected' },
	status: 'found',
	value: 0.573,
	from: '2022/23',
	lo: 0,
	hi: 3,
	step: 0.001,
	evaluations: 15,
	lever: null,
	levers: null,
	replaces: null,
	outcome: {
		tightestYear: '2025/26',
		tightestHeadroom: 8_231,
		firstBreach: null,
		probabilityUnderCap: null
	},
	flowTargetsFixNewPlans: false
};

describe('describeGoalSeek', () => {
	it('answers in growth terms: total growth of at most X% a year keeps every year under the cap', () => {
		const r: GoalSeekResult = {
			...base,
			target: { kind: 'total_growth' },
			value: 0.058,
			lo: -0.5,
			hi: 1
		};
		expect(describeGoalSeek(r, dataset)).toBe(
			'Total growth of at most 5.8% a year from 2022/23 keeps every year under its cap in expectation (to within 0.1%). The tightest year is then 2025/26, with £0.008m of headroom.'
		);
	});

	it('answers a number of new plans a year, and says when adding it replaces a lever', () => {
		const r: GoalSeekResult = {
			...base,
			target: { kind: 'new_plans' },
			value: 183,
			lo: 0,
			hi: 600,
			step: 1,
			replaces: 'n'
		};
		expect(describeGoalSeek(r, dataset)).toBe(
			'At most 183 new plans a year from 2022/23 keep every year under its cap in expectation (to within 1 new plan). The tightest year is then 2025/26, with £0.008m of headroom. Adding it replaces the scenario’s lever for the same thing.'
		);
	});

	it('says total growth cannot keep under the cap even at the bottom of the range', () => {
		const r: GoalSeekResult = {
			...base,
			target: { kind: 'total_growth' },
			status: 'never',
			value: null,
			lo: -0.5,
			hi: 1,
			outcome: { ...base.outcome!, firstBreach: '2023/24' }
		};
		expect(describeGoalSeek(r, dataset)).toBe(
			'No value keeps every year under its cap in expectation: even with total growth at −50% a year from 2022/23, a year breaches (first: 2023/24).'
		);
	});

	it('says the largest new-plan growth, from when, and how close it comes', () => {
		expect(describeGoalSeek(base, dataset)).toBe(
			'New plans can be at most ×0.573 (−42.7%) from 2022/23 for every year to stay under its cap in expectation (to within 0.1%). The tightest year is then 2025/26, with £0.008m of headroom.'
		);
	});

	it('says the smallest delivery of a named savings line at a probability', () => {
		const r: GoalSeekResult = {
			...base,
			target: { kind: 'savings_delivery', line: 'post_16_offer' },
			mode: { kind: 'probability', probability: 0.9, simulations: 500, seed: 50 },
			value: 1.25,
			outcome: { ...base.outcome!, probabilityUnderCap: 0.904 }
		};
		expect(describeGoalSeek(r, dataset)).toMatch(
			/^“Development of post 16 offer” must be delivered at 125% of target at least from 2022\/23 for every year to stay under its cap with at least a 90% chance \(500 simulations, seed 50\)/
		);
	});

	it('says when no value works, and when flow targets make new plans fixed', () => {
		expect(
			describeGoalSeek(
				{
					...base,
					target: { kind: 'savings_delivery', line: null },
					status: 'never',
					value: null,
					hi: 2
				},
				dataset
			)
		).toMatch(
			/^No value keeps every year under its cap in expectation: even with savings at 200% of target/
		);
		expect(
			describeGoalSeek(
				{ ...base, status: 'no_effect', value: null, flowTargetsFixNewPlans: true },
				dataset
			)
		).toMatch(/flow targets fix new plans/);
	});
});
