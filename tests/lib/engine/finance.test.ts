import { describe, expect, it } from 'vitest';
import { exceedsCap, rollForward } from '$lib/engine/finance';

const plan2021 = {
	hnbAllocation: 25_897_000,
	blockTransfers: 462_000,
	expenditureBeforeSavings: 33_052_000,
	savings: [71_000, 73_000, 47_000, 120_000, 351_000, 599_000],
	otherBlocksVariance: -750_000,
	generalFund: 1_200_000,
	svFundingCumulative: 17_000_000,
	cap: 28_607_000
};

describe('the finance roll-forward (docs/model.md §4)', () => {
	const y = rollForward(25_125_000, plan2021);

	it('adds transfers to the allocation for the total budget', () => {
		expect(y.totalBudget).toBe(26_359_000);
	});

	it('takes savings from spend, then the budget, for the net HNB deficit', () => {
		expect(y.savingsTotal).toBe(1_261_000);
		expect(y.expenditureAfterSavings).toBe(31_791_000);
		expect(y.netHnbDeficit).toBe(5_432_000);
	});

	it('adds other blocks’ variance and takes the general fund contribution for the in-year deficit', () => {
		expect(y.inYearDsgDeficit).toBe(3_482_000);
	});

	it('accumulates from the opening balance, before and after Safety Valve funding', () => {
		expect(y.cumulativeBeforeSv).toBe(28_607_000);
		expect(y.cumulativeAfterSv).toBe(11_607_000);
		expect(y.headroom).toBe(0);
	});

	it('is not in breach exactly at the cap, and is one pound over it', () => {
		expect(y.breached).toBe(false);
		expect(rollForward(25_125_001, plan2021).breached).toBe(true);
	});

	it('compares with the cap in whole pounds, ignoring floating-point dust', () => {
		expect(exceedsCap(28_607_000.0000001, 28_607_000)).toBe(false);
		expect(exceedsCap(28_607_000.6, 28_607_000)).toBe(true);
	});
});
