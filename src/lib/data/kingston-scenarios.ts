/**
 * The default dataset's scenarios (names are contracts: keep them exactly):
 * - `SVA financial model 2021/22`: the agreement's plan, the dataset's own ledger, and the plan's
 *   EHCP flows for 2021/22 (172 new, 71 ceased, giving 1,537 in January 2022).
 * - `May 2021 projection`: the Quarter One projection, 2021/22 pinned from the report.
 * - `Baseline (trend)`: the May projection's 2021/22 ledger and opening balance, demand projected
 *   from the January 2021 census by the dataset's default estimator with no census figure
 *   pinned, and no savings delivered after 2021/22: the unmitigated forecast.
 */
import type { Scenario } from '../model/scenario';
import { DEFAULT_MONTE_CARLO } from '../model/scenario';
import { assumption, derived, seed } from '../model/provenance';

export const SVA_PLAN = 'SVA financial model 2021/22';
export const MAY_PROJECTION = 'May 2021 projection';
export const BASELINE_TREND = 'Baseline (trend)';

const MAY_SAVINGS: [string, number, number][] = [
	['srp_places', 56_000, 71_000],
	['srp_vacant_place_funding', 41_000, 73_000],
	['special_school_places', 42_000, 47_000],
	['post_16_offer', 46_000, 120_000],
	['commissioning_practice', 107_000, 351_000],
	['partner_contributions', 235_426, 599_000]
];

function mayLedger(): Scenario['ledger'] {
	const fy = '2021/22';
	return {
		hnb_allocation: { [fy]: seed(25_896_881, 'KPI 18, 2021/22 May') },
		block_transfers: { [fy]: seed(662_800, 'KPI 19, 2021/22 May') },
		hnb_expenditure_before_savings: {
			[fy]: derived(
				32_207_572,
				'HNB spend £31,680,146 (KPI 10 May) + savings £527,426 (KPI 24 May)'
			)
		},
		other_blocks_variance: {
			[fy]: seed(-435_000, 'Financial model monitoring, May projection (KPI 17 shows −£436,000)')
		},
		general_fund_contribution: {
			[fy]: seed(1_200_000, 'Financial model monitoring, May projection')
		},
		sv_funding_cumulative: {
			[fy]: derived(
				17_000_000,
				'27.886m − 10.886m (cumulative deficit before and after Safety Valve funding)'
			)
		},
		deficit_cap: { [fy]: seed(28_607_000, 'KPI 14 target') }
	};
}

function maySavingsDelivery(): Scenario['savingsDelivery'] {
	return Object.fromEntries(
		MAY_SAVINGS.map(([id, projected, target]) => [
			id,
			{
				'2021/22':
					id === 'partner_contributions'
						? derived(
								projected / target,
								`£235,426 of £599,000: the table's £235k plus the £426 rounding residual of KPI 24's £527,426 put on the largest line`
							)
						: derived(
								projected / target,
								`May projection £${projected / 1000}k of £${target / 1000}k target (financial model monitoring)`
							)
			}
		])
	);
}

export function kingstonScenarios(): Scenario[] {
	const plan: Scenario = {
		id: 'sva-financial-model-2021-22',
		name: SVA_PLAN,
		parentId: null,
		description:
			'The Safety Valve agreement’s financial model: the plan’s 2021/22 ledger, every saving delivered in full, and the plan’s EHCP flows (172 new plans and 71 ceased in 2021/22, 1,537 at January 2022; new plans held at 172 a year after).',
		openingCumulativeDeficit: null,
		ledger: {},
		savingsDelivery: {},
		demand: {
			estimator: 'default',
			leaverEstimator: 'pooled',
			flowTargets: [
				{
					census: 2022,
					joiners: seed(172, 'KPI 5 target: 172 new EHCPs in 2021/22'),
					leavers: derived(
						71,
						'1,436 + 172 − 1,537: ceased plans that give the plan’s 7% growth (KPI 6 prints 72)'
					)
				},
				...[2023, 2024, 2025, 2026].map((census) => ({
					census,
					joiners: assumption(
						172,
						'the plan holds new plans at its 2021/22 level of 172 a year (its later years are not in the report)'
					),
					leavers: null
				}))
			]
		},
		levers: [],
		monteCarlo: { ...DEFAULT_MONTE_CARLO }
	};
	const may: Scenario = {
		id: 'may-2021-projection',
		name: MAY_PROJECTION,
		parentId: plan.id,
		description:
			'The Quarter One (May 2021) projection: actual opening deficit, the May ledger and savings forecasts for 2021/22, and 1,550 EHCPs projected for January 2022.',
		openingCumulativeDeficit: seed(
			24_401_000,
			'KPI 14 baseline: actual cumulative deficit at 31 March 2021'
		),
		ledger: mayLedger(),
		savingsDelivery: maySavingsDelivery(),
		demand: {
			estimator: 'default',
			leaverEstimator: 'pooled',
			flowTargets: [
				{
					census: 2022,
					joiners: derived(185, '1,550 (KPI 3 May) − 1,436 + 71 ceased'),
					leavers: derived(71, 'as the plan')
				}
			]
		},
		levers: [],
		monteCarlo: { ...DEFAULT_MONTE_CARLO }
	};
	const baseline: Scenario = {
		id: 'baseline-trend',
		name: BASELINE_TREND,
		parentId: may.id,
		description:
			'The unmitigated forecast: the May projection’s 2021/22 ledger and opening balance, EHCP demand projected from the January 2021 census by the dataset’s default estimator, and no savings delivered after 2021/22.',
		openingCumulativeDeficit: may.openingCumulativeDeficit,
		ledger: mayLedger(),
		savingsDelivery: maySavingsDelivery(),
		demand: { estimator: 'default', leaverEstimator: 'pooled', flowTargets: [] },
		levers: [
			{
				id: 'no-savings-after-2021-22',
				label: 'No savings delivered after 2021/22',
				kind: 'savings_delivery',
				line: null,
				delivery: 0,
				from: '2022/23',
				until: null
			}
		],
		monteCarlo: { ...DEFAULT_MONTE_CARLO }
	};
	return [plan, may, baseline];
}
