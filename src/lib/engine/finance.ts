/**
 * The DSG finance roll-forward for one financial year (docs/model.md §4), all in pounds:
 *
 *   total_budget          = hnb_allocation + block_transfers
 *   savings               = Σ target × delivery (structural lines excluded: the cost model carries them)
 *   hnb_exp_after_savings = E − savings
 *   net_hnb_deficit       = hnb_exp_after_savings − total_budget
 *   in_year_dsg_deficit   = net_hnb_deficit + other_blocks_variance − general_fund
 *   cumulative_before_sv  = previous cumulative_before_sv + in_year_dsg_deficit
 *   cumulative_after_sv   = cumulative_before_sv − sv_funding_cumulative
 *   headroom              = cap − cumulative_before_sv
 *   breach                = cumulative_before_sv > cap, compared in whole pounds
 *
 * A deficit is positive; savings and the general fund contribution are positive and reduce it;
 * an underspend in other blocks is negative.
 */

export interface FinanceYearInput {
	hnbAllocation: number;
	blockTransfers: number;
	/** E_t: HNB expenditure before savings. */
	expenditureBeforeSavings: number;
	/** Savings delivered per line (structural lines are 0 here). */
	savings: readonly number[];
	otherBlocksVariance: number;
	generalFund: number;
	/** Safety Valve funding received to the end of the year, as agreed. */
	svFundingCumulative: number;
	cap: number;
}

export interface FinanceYearResult {
	totalBudget: number;
	savingsTotal: number;
	expenditureAfterSavings: number;
	netHnbDeficit: number;
	inYearDsgDeficit: number;
	cumulativeBeforeSv: number;
	svFundingCumulative: number;
	cumulativeAfterSv: number;
	headroom: number;
	breached: boolean;
}

/**
 * Rolls the cumulative DSG deficit forward one financial year.
 * @example
 * rollForward(25_125_000, { hnbAllocation: 25_897_000, blockTransfers: 462_000,
 *   expenditureBeforeSavings: 33_052_000, savings: [1_261_000], otherBlocksVariance: -750_000,
 *   generalFund: 1_200_000, svFundingCumulative: 17_000_000, cap: 28_607_000 })
 *   .cumulativeBeforeSv // 28_607_000
 */
export function rollForward(
	cumulativeBefore: number,
	year: FinanceYearInput,
	svFundingCumulative: number = year.svFundingCumulative
): FinanceYearResult {
	const totalBudget = year.hnbAllocation + year.blockTransfers;
	let savingsTotal = 0;
	for (const s of year.savings) savingsTotal += s;
	const expenditureAfterSavings = year.expenditureBeforeSavings - savingsTotal;
	const netHnbDeficit = expenditureAfterSavings - totalBudget;
	const inYearDsgDeficit = netHnbDeficit + year.otherBlocksVariance - year.generalFund;
	const cumulativeBeforeSv = cumulativeBefore + inYearDsgDeficit;
	return {
		totalBudget,
		savingsTotal,
		expenditureAfterSavings,
		netHnbDeficit,
		inYearDsgDeficit,
		cumulativeBeforeSv,
		svFundingCumulative,
		cumulativeAfterSv: cumulativeBeforeSv - svFundingCumulative,
		headroom: year.cap - cumulativeBeforeSv,
		breached: exceedsCap(cumulativeBeforeSv, year.cap)
	};
}

/**
 * Whether a cumulative deficit is over its cap. The comparison is made in whole pounds so that
 * floating-point dust never turns a deficit exactly at the cap into a breach.
 * @example exceedsCap(28_607_000.0000001, 28_607_000) // false
 */
export function exceedsCap(cumulative: number, cap: number): boolean {
	return Math.round(cumulative) > Math.round(cap);
}
