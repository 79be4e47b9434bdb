/**
 * The default dataset: the Royal Borough of Kingston upon Thames as its Safety Valve Quarter One
 * 2021/22 report describes it (data date 31 May 2021), with the DfE SEN2 statistics the council
 * had at that date. Every figure carries its provenance (docs/model.md §1): `seed` (the report),
 * `derived` (formula given), `sen2` (DfE statistics, OGL v3.0) or `assumption` (illustrative,
 * editable, shown as such). Sources: the council's Safety Valve Quarter One 2021/22 Summary
 * Update Report and the figures derived from it (decision 0005). SEN2 flows of calendar year 2021 were returned in January 2022, after the
 * data date: they are kept as history for back-testing but not used to estimate
 * (`estimation.lastFlowYear` = 2020).
 */
import type { AgeBandId } from '../model/categories';
import type {
	BandCount,
	CaseloadCell,
	Condition,
	Dataset,
	SavingsLine,
	SettingCount,
	SettingDef,
	YearCount,
	YearFigures
} from '../model/dataset';
import type {
	Kpi,
	KpiCategory,
	KpiDerivation,
	KpiFormulaId,
	KpiUnit,
	RagOverride
} from '../model/kpi';
import type { Figure } from '../model/provenance';
import { assumption, derived, seed, sen2 } from '../model/provenance';
import { datasetStateSpace } from '../engine/estimate';
import { deriveBaseCaseload } from '../engine/aggregates';
import { largestRemainder } from '../engine/rounding';
import { KINGSTON_REPORT_TEXT } from './kingston-report';

export const KINGSTON_DATASET_ID = 'kingston-upon-thames-sva-q1-2021-22';

const FY = ['2021/22', '2022/23', '2023/24', '2024/25', '2025/26'] as const;

export const KINGSTON_SETTINGS: SettingDef[] = [
	{
		id: 'mainstream',
		name: 'Mainstream schools or academies',
		group: 'mainstream',
		minNcy: -2,
		maxNcy: 13,
		needs: null,
		destinations: null
	},
	{
		id: 'resourced_provision',
		name: 'Resourced provision or SEN units',
		group: 'resourced_provision',
		minNcy: -1,
		maxNcy: 13,
		needs: null,
		destinations: null
	},
	{
		id: 'maintained_special',
		name: 'Maintained special schools or special academies',
		group: 'maintained_special',
		minNcy: -2,
		maxNcy: 14,
		needs: null,
		destinations: null
	},
	{
		id: 'independent_special',
		name: 'NMSS or independent schools',
		group: 'independent_special',
		minNcy: -2,
		maxNcy: 14,
		needs: null,
		destinations: null
	},
	{
		id: 'alternative_provision',
		name: 'Hospital schools or alternative provision',
		group: 'alternative_provision',
		minNcy: 0,
		maxNcy: 13,
		needs: null,
		destinations: null
	},
	{
		id: 'post_16_fe',
		name: 'Post-16 and further education',
		group: 'post_16_fe',
		minNcy: 12,
		maxNcy: 21,
		needs: null,
		destinations: null
	},
	{
		id: 'other',
		name: 'Other (NEET, educated elsewhere, early years, direct payments)',
		group: 'other',
		minNcy: -4,
		maxNcy: 21,
		needs: null,
		destinations: null
	}
];

const S2 = {
	age: 'sen2_age_caseload.csv',
	estab: 'sen2_estab_caseload.csv',
	newAge: 'sen2_age_new_plans.csv',
	mi: 'sen2_mi.csv',
	newPlacement: 'newplans.csv (2025 release)'
};

const BANDS: AgeBandId[] = ['age_under_5', 'age_5_10', 'age_11_15', 'age_16_19', 'age_20_25'];

const CASELOAD_TOTAL: [number, number][] = [
	[2010, 641],
	[2011, 653],
	[2012, 680],
	[2013, 728],
	[2014, 770],
	[2015, 803],
	[2016, 899],
	[2017, 958],
	[2018, 1042],
	[2019, 1161],
	[2020, 1314],
	[2021, 1424]
];

const CASELOAD_BY_BAND: Record<number, number[]> = {
	2015: [21, 348, 342, 92, 0],
	2016: [29, 356, 360, 153, 1],
	2017: [16, 357, 369, 203, 13],
	2018: [30, 366, 406, 213, 27],
	2019: [24, 388, 445, 247, 57],
	2020: [31, 432, 505, 262, 84],
	2021: [38, 477, 538, 276, 95]
};

const NEW_PLANS_BY_BAND: Record<number, number[]> = {
	2015: [23, 68, 23, 3, 0],
	2016: [12, 71, 28, 3, 0],
	2017: [26, 80, 27, 2, 1],
	2018: [18, 79, 22, 5, 2],
	2019: [28, 117, 35, 6, 0],
	2020: [30, 124, 45, 8, 3],
	2021: [29, 112, 30, 6, 3]
};

/**
 * January 2021 caseload by placement category, from SEN2's establishment types: mainstream =
 * LA maintained 249 + academy 179 + free school 30; resourced provision = SEN units 53 + 78 + 9
 * and resourced provision 12 + 4; maintained special = LA maintained 23 + academy/free 328;
 * independent = independent special 121 + non-maintained 28 + independent mainstream 24; AP 9;
 * post-16 = general FE 141 + other FE 42 + specialist post-16 30; other = NEET 36 + educated
 * elsewhere 26 + non-maintained early years 2.
 */
const CASELOAD_BY_SETTING_2021: Record<string, [number, string]> = {
	mainstream: [458, 'LA maintained 249 + academy 179 + free school 30'],
	resourced_provision: [156, 'SEN units 53 + 78 + 9, resourced provision 12 + 4'],
	maintained_special: [351, 'special LA maintained 23 + academy/free 328'],
	independent_special: [
		173,
		'special independent 121 + non-maintained 28 + mainstream independent 24'
	],
	alternative_provision: [9, 'AP/PRU 9'],
	post_16_fe: [213, 'general FE 141 + other FE 42 + specialist post-16 30'],
	other: [64, 'NEET 36 + educated elsewhere 26 + non-maintained early years 2']
};

/** New plans by placement category, calendar years 2019–2021 (2025 release, mapped). */
const NEW_PLANS_BY_SETTING: Record<number, Record<string, number>> = {
	2019: {
		mainstream: 107,
		resourced_provision: 30,
		maintained_special: 33,
		independent_special: 8,
		alternative_provision: 2,
		post_16_fe: 2,
		other: 4
	},
	2020: {
		mainstream: 127,
		resourced_provision: 26,
		maintained_special: 34,
		independent_special: 11,
		alternative_provision: 2,
		post_16_fe: 5,
		other: 5
	},
	2021: {
		mainstream: 127,
		resourced_provision: 18,
		maintained_special: 13,
		independent_special: 7,
		alternative_provision: 0,
		post_16_fe: 7,
		other: 8
	}
};

const yc = (year: number, value: number, ref: string): YearCount => ({
	year,
	count: sen2(value, ref)
});

/** One row per year and age band of a table of counts in AGE_BANDS order. */
function bandRows(table: Record<number, number[]>, ref: (year: string) => string): BandCount[] {
	return Object.entries(table).flatMap(([year, counts]) =>
		counts.map((c, i) => ({ year: Number(year), band: BANDS[i], count: sen2(c, ref(year)) }))
	);
}

function history(): Dataset['history'] {
	const caseloadByAgeBand = bandRows(
		CASELOAD_BY_BAND,
		(y) => `${S2.age}, ${y}, Total_ehc by characteristic_age`
	);
	const newPlansByAgeBand = bandRows(
		NEW_PLANS_BY_BAND,
		(y) => `${S2.newAge}, ${y}, Total_new_ehc by characteristic_age`
	);
	const caseloadBySetting: SettingCount[] = Object.entries(CASELOAD_BY_SETTING_2021).map(
		([setting, [c, how]]) => ({
			year: 2021,
			setting,
			count: sen2(c, `${S2.estab}, 2021, Total_ehc: ${how}`)
		})
	);
	const newPlansBySetting: SettingCount[] = [];
	for (const [year, m] of Object.entries(NEW_PLANS_BY_SETTING)) {
		for (const [setting, c] of Object.entries(m)) {
			newPlansBySetting.push({
				year: Number(year),
				setting,
				count: sen2(c, `${S2.newPlacement}, ${year}, placement columns mapped to ${setting}`)
			});
		}
	}
	return {
		caseloadTotal: CASELOAD_TOTAL.map(([y, c]) => yc(y, c, `${S2.age}, ${y}, Total_ehc (Total)`)),
		caseloadByAgeBand,
		caseloadBySetting,
		newPlansByAgeBand,
		newPlansBySetting,
		// Discontinued plans as returned before 2022 (moved LA + needs met + other + left
		// education); they undercount ceasing because age-outs were not returned.
		ceasedPlans: [
			yc(2019, 42, `${S2.mi}, 2019, DisleaEHC 22 + DismetEHC 3 + DisothEHC 1 + DisleftEHC 16`),
			yc(2020, 18, `${S2.mi}, 2020, DisleaEHC 16 + DismetEHC 2 + DisothEHC 0 + DisleftEHC 0`),
			yc(2021, 29, `${S2.mi}, 2021, DisleaEHC 23 + DismetEHC 0 + DisothEHC 2 + DisleftEHC 4`)
		],
		movesMainstreamToSpecial: [
			[2017, 27],
			[2018, 23],
			[2019, 59],
			[2020, 43],
			[2021, 47]
		].map(([y, c]) => yc(y, c, `${S2.mi}, ${y}, MtosiEHC`)),
		movesSpecialToMainstream: [
			[2017, 13],
			[2018, 11],
			[2019, 35],
			[2020, 35],
			[2021, 33]
		].map(([y, c]) => yc(y, c, `${S2.mi}, ${y}, SitomEHC`)),
		requests: [
			[2016, 136],
			[2017, 171],
			[2018, 190],
			[2019, 242],
			[2020, 229],
			[2021, 240]
		].map(([y, c]) => yc(y, c, `${S2.mi}, ${y}, InreqEHC`)),
		refusals: [
			[2016, 25],
			[2017, 24],
			[2018, 37],
			[2019, 38],
			[2020, 44],
			[2021, 52]
		].map(([y, c]) => yc(y, c, `${S2.mi}, ${y}, AssRefusedEHC`))
	};
}

/**
 * The January 2021 base caseload by NCY and setting: SEN2's grid (1,424) scaled to the council's
 * own count of 1,436 by largest remainder on each margin, filled by IPF with structural zeros,
 * rounded keeping both margins and spread evenly over each band's NCYs (decision 0003).
 */
function baseCaseload(): CaseloadCell[] {
	const councilCount = 1436;
	const bandsScaled = largestRemainder(CASELOAD_BY_BAND[2021], councilCount);
	const settingIds = Object.keys(CASELOAD_BY_SETTING_2021);
	const settingsScaled = largestRemainder(
		settingIds.map((id) => CASELOAD_BY_SETTING_2021[id][0]),
		councilCount
	);
	const space = datasetStateSpace({
		needs: ['ALL'],
		settings: KINGSTON_SETTINGS
	} as Dataset);
	const base = deriveBaseCaseload(
		space,
		new Map(BANDS.map((b, i) => [b, bandsScaled[i]])),
		new Map(settingIds.map((id, i) => [id, settingsScaled[i]]))
	);
	const formula =
		`SEN2 January 2021 grid (1,424) scaled to the council's 1,436 by largest remainder ` +
		`(age bands ${bandsScaled.join('/')}; settings ${settingIds.map((id, i) => `${id} ${settingsScaled[i]}`).join(', ')}), ` +
		'age band × setting filled by iterative proportional fitting with structural zeros, rounded keeping both margins, spread evenly over NCYs';
	const cells: CaseloadCell[] = [];
	for (let s = 0; s < space.size; s++) {
		if (base[s] === 0) continue;
		cells.push({
			ncy: space.ncy[s],
			need: 'ALL',
			setting: space.settings[space.setting[s]].id,
			count: derived(base[s], formula)
		});
	}
	return cells;
}

/** Figures for 2021/22, 2022/23, … in order. */
const byFy = (values: readonly Figure[]): YearFigures =>
	Object.fromEntries(values.map((v, i) => [FY[i], v]));

/** 2022/23 onwards are not in the seed: illustrative assumptions, editable. */
const ALLOCATION_GROWTH = [0.12, 0.1, 0.04, 0.04];

function financeLedger(): Dataset['finance'] {
	const allocation: Figure[] = [
		seed(25_897_000, 'Financial model monitoring: HNB allocation; KPI 18 target')
	];
	let a = 25_897_000;
	ALLOCATION_GROWTH.forEach((g, i) => {
		a = Math.round((a * (1 + g)) / 1000) * 1000;
		allocation.push(
			assumption(
				a,
				`${(g * 100).toFixed(0)}% growth on ${FY[i]}, in line with national high needs funding settlements, to the nearest £1k`
			)
		);
	});
	const savings: SavingsLine[] = [
		['srp_places', 'Increased places in Specialist Resource Provisions (SRP)', 71_000],
		['srp_vacant_place_funding', 'Review of SRP vacant place funding', 73_000],
		['special_school_places', 'Increased special school places', 47_000],
		['post_16_offer', 'Development of post 16 offer', 120_000],
		['commissioning_practice', 'Improved commissioning practice including annual reviews', 351_000],
		['partner_contributions', 'Contributions from other partners (health & social care)', 599_000]
	].map(([id, name, target]) => ({
		id: id as string,
		name: name as string,
		targets: byFy(
			FY.map((_, i) =>
				i === 0
					? seed(target as number, `Financial model monitoring: ${name}, financial model`)
					: assumption(
							target as number,
							'the 2021/22 saving recurs at the same level (full-year effect)'
						)
			)
		),
		delivery: byFy(
			FY.map((_, i) =>
				i === 0
					? seed(1, 'the financial model assumes every saving is delivered in full')
					: assumption(1, 'delivered in full, as the plan assumes')
			)
		),
		structuralLeverId: null
	}));
	const fixed = (first: Figure, later: number, note: string) => [
		first,
		...FY.slice(1).map(() => assumption(later, note))
	];
	return {
		openingCumulativeDeficit: derived(
			25_125_000,
			'cumulative deficit before SV at 31 March 2022 (28.607m) − in-year deficit 2021/22 (3.482m)'
		),
		lines: {
			hnb_allocation: byFy(allocation),
			block_transfers: byFy(
				fixed(
					seed(462_000, 'Condition 3.8: £462k block transfers; KPI 19 target'),
					462_000,
					'the 2021/22 transfer from the schools block continues'
				)
			),
			hnb_expenditure_before_savings: {
				'2021/22': seed(33_052_000, 'Financial model monitoring: HNB expenditure before savings')
			},
			other_blocks_variance: byFy(
				fixed(
					seed(-750_000, 'Financial model monitoring: variance in other DSG blocks; KPI 17 target'),
					0,
					'other DSG blocks balance'
				)
			),
			general_fund_contribution: byFy(
				fixed(
					seed(1_200_000, 'Condition 3.8: £1.2m general fund contribution; KPI 20 target'),
					1_200_000,
					'the council continues its £1.2m contribution each year of the agreement'
				)
			),
			sv_funding_cumulative: byFy([
				derived(
					17_000_000,
					'28.607m − 11.607m (cumulative deficit before and after Safety Valve funding)'
				),
				...[20_000_000, 23_000_000, 26_000_000, 29_000_000].map((v) =>
					assumption(v, 'further Safety Valve instalments of £3m a year')
				)
			]),
			deficit_cap: byFy([
				seed(28_607_000, 'KPI 14 target; Condition 2 (£28.6m)'),
				...KINGSTON_CAPS.map((v) =>
					assumption(
						v,
						'the agreement’s later deficit profile is not in the report: assumed to be the SVA financial model’s own projection rounded up to £0.1m (in-year balance from 2023/24)'
					)
				)
			]),
			other_spend_inflation: byFy(
				FY.map((fy, i) =>
					i === 0
						? assumption(
								0,
								'calibration year: non-placement spend is fitted to the pinned 2021/22 ledger'
							)
						: assumption(
								0.02,
								'non-placement spend (central services, place funding) grows 2% a year'
							)
				)
			),
			unit_cost_inflation: byFy(
				FY.map((fy, i) =>
					i === 0
						? assumption(0, 'unit costs are in 2021/22 prices')
						: assumption(i === 1 ? 0.03 : 0.02, 'placement fee uplifts')
				)
			)
		},
		savings
	};
}

/** Assumed caps for 2022/23–2025/26 (see deficit_cap provenance). */
const KINGSTON_CAPS = [30_800_000, 30_700_000, 30_100_000, 28_800_000];

const kpiFigure = (value: number | null, ref: string, column: string): Figure | null =>
	value === null ? null : seed(value, `KPI ${ref}, ${column}`);

interface KpiRow {
	ref: string;
	name: string;
	unit: KpiUnit;
	baseline: number | null;
	target: number | null;
	may: number | null;
	rag: 'G' | 'A' | null;
	comment: string;
	derivation: KpiDerivation;
	category: KpiCategory;
	direction: 'higher' | 'lower' | null;
	formula?: KpiFormulaId;
	measure?: 'level' | 'flow';
	basis?: 'year to date' | 'full year';
	override?: RagOverride;
}

const KPI_ROWS: KpiRow[] = [
	{
		ref: '1',
		name: 'Actual EHCPs',
		unit: 'count',
		baseline: 1429,
		target: 1537,
		may: 1447,
		rag: 'G',
		comment: '1,537 full year target, 1,447 for 2 months',
		derivation: 'pro rata',
		category: 'demand management',
		direction: 'lower',
		measure: 'level',
		basis: 'year to date'
	},
	{
		ref: '2',
		name: '% increase in EHCPs',
		unit: 'percent',
		baseline: 0.0672,
		target: 0.07,
		may: 0.0126,
		rag: 'A',
		comment: '7% full year target, 1.33% for 2 months',
		derivation: 'pro rata',
		category: 'demand management',
		direction: 'lower',
		measure: 'flow',
		basis: 'year to date'
	},
	{
		ref: '3',
		name: 'Net EHCPs @ Jan Projected',
		unit: 'count',
		baseline: 1436,
		target: 1537,
		may: 1550,
		rag: 'A',
		comment: '',
		derivation: 'annual – in plan',
		category: 'demand management',
		direction: 'lower',
		formula: 'ehcp_total'
	},
	{
		ref: '4',
		name: '% increase',
		unit: 'percent',
		baseline: 0.0929,
		target: 0.07,
		may: 0.0847,
		rag: 'A',
		comment: '',
		derivation: 'annual – in plan',
		category: 'demand management',
		direction: 'lower'
	},
	{
		ref: '5',
		name: 'New EHCPs',
		unit: 'count',
		baseline: null,
		target: 172,
		may: 24,
		rag: 'G',
		comment: '',
		derivation: 'annual – in plan',
		category: 'demand management',
		direction: 'lower',
		formula: 'ehcp_joiners',
		measure: 'flow',
		basis: 'year to date'
	},
	{
		ref: '6',
		name: 'Ceased EHCPs',
		unit: 'count',
		baseline: null,
		target: -72,
		may: -7,
		rag: 'A',
		comment:
			'Ceased plan profile increases over summer as CYP increase in age / no longer need plans',
		derivation: 'annual – in plan',
		category: 'demand management',
		direction: 'lower',
		measure: 'flow',
		basis: 'year to date'
	},
	{
		ref: '6a',
		name: 'Movers',
		unit: 'count',
		baseline: null,
		target: null,
		may: 1,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'demand management',
		direction: null,
		measure: 'flow',
		basis: 'year to date',
		override: { rating: 'G', comment: 'No target: rated by judgement in the seed report' }
	},
	{
		ref: '7',
		name: '% of EHCP per head of population',
		unit: 'percent',
		baseline: 0.022,
		target: 0.022,
		may: 0.0225,
		rag: 'A',
		comment: '2.65% is national average, amber as increased',
		derivation: 'annual',
		category: 'demand management',
		direction: 'lower'
	},
	{
		ref: '8',
		name: '% of pupils with SEN Support',
		unit: 'percent',
		baseline: 0.094,
		target: 0.094,
		may: 0.094,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'demand management',
		direction: 'lower'
	},
	{
		ref: '9',
		name: 'HNB Surplus / Deficit',
		unit: 'gbp',
		baseline: 6_564_065,
		target: 5_432_000,
		may: 5_120_000,
		rag: 'G',
		comment: 'Excludes £1.2m GF contribution',
		derivation: 'annual – in plan',
		category: 'financial control',
		direction: 'lower',
		formula: 'net_hnb_deficit'
	},
	{
		ref: '10',
		name: 'HNB Spend',
		unit: 'gbp',
		baseline: 30_270_400,
		target: 31_791_000,
		may: 31_680_146,
		rag: 'G',
		comment: '',
		derivation: 'annual – in plan',
		category: 'financial control',
		direction: 'lower',
		formula: 'hnb_expenditure_after_savings'
	},
	{
		ref: '11',
		name: 'HNB Spend - direct (includes recoupment and future demand)',
		unit: 'gbp',
		baseline: 28_793_720,
		target: 29_912_412,
		may: 29_813_462,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'financial control',
		direction: 'lower'
	},
	{
		ref: '12',
		name: 'HNB Spend - central',
		unit: 'gbp',
		baseline: 1_476_680,
		target: 1_878_588,
		may: 1_866_684,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'financial control',
		direction: 'lower'
	},
	{
		ref: '13',
		name: 'In Year DSG Surplus/Deficit',
		unit: 'gbp',
		baseline: 5_149_967,
		target: 3_482_000,
		may: 3_485_000,
		rag: 'G',
		comment: 'Includes £1.2m Gf contribution',
		derivation: 'annual – in plan',
		category: 'financial control',
		direction: 'lower',
		formula: 'in_year_dsg_deficit'
	},
	{
		ref: '14',
		name: 'Cumulative DSG Surplus/Deficit - before safety valve funding',
		unit: 'gbp',
		baseline: 24_401_000,
		target: 28_607_000,
		may: 27_886_000,
		rag: 'G',
		comment: '',
		derivation: 'annual – in plan',
		category: 'financial control',
		direction: 'lower',
		formula: 'cumulative_deficit_before_sv'
	},
	{
		ref: '15',
		name: 'Cumulative DSG Surplus/Deficit - after safety valve funding',
		unit: 'gbp',
		baseline: 12_401_000,
		target: 11_607_000,
		may: 10_886_000,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'financial control',
		direction: 'lower',
		formula: 'cumulative_deficit_after_sv'
	},
	{
		ref: '16',
		name: 'Funding gap as % of HNB allocation',
		unit: 'percent',
		baseline: -0.3009,
		target: -0.2276,
		may: -0.2233,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'financial control',
		direction: 'higher',
		formula: 'funding_gap_pct'
	},
	{
		ref: '17',
		name: 'Early Years outturn',
		unit: 'gbp',
		baseline: -871_000,
		target: -750_000,
		may: -436_000,
		rag: 'A',
		comment: 'Projection based on historic trends, census data not yet available',
		derivation: 'annual – in plan',
		category: 'financial control',
		direction: 'lower'
	},
	{
		ref: '18',
		name: 'HNB DSG allocation',
		unit: 'gbp',
		baseline: 23_268_514,
		target: 25_897_000,
		may: 25_896_881,
		rag: 'G',
		comment: '',
		derivation: 'annual – in plan',
		category: 'financial control',
		direction: 'higher',
		formula: 'hnb_allocation'
	},
	{
		ref: '19',
		name: 'Block transfers',
		unit: 'gbp',
		baseline: 437_800,
		target: 462_000,
		may: 662_800,
		rag: 'G',
		comment: '',
		derivation: 'annual – in plan',
		category: 'financial control',
		direction: 'higher',
		formula: 'block_transfers'
	},
	{
		ref: '20',
		name: 'General Fund',
		unit: 'gbp',
		baseline: 0,
		target: 1_200_000,
		may: 1_200_000,
		rag: 'G',
		comment: '',
		derivation: 'annual – in plan',
		category: 'financial control',
		direction: 'higher',
		formula: 'general_fund_contribution'
	},
	{
		ref: '21',
		name: 'Savings / mitigation < 16 HNB only',
		unit: 'gbp',
		baseline: null,
		target: 666_000,
		may: 309_967,
		rag: 'A',
		comment: 'Further savings expected in new academic year',
		derivation: 'annual – in plan',
		category: 'financial control',
		direction: 'higher',
		basis: 'year to date'
	},
	{
		ref: '22',
		name: 'Savings / mitigation > 16 HNB only',
		unit: 'gbp',
		baseline: null,
		target: 595_000,
		may: 217_459,
		rag: 'A',
		comment: 'Further savings expected in new academic year',
		derivation: 'annual – in plan',
		category: 'financial control',
		direction: 'higher',
		basis: 'year to date'
	},
	{
		ref: '23',
		name: 'Average cost - all HNB 2 - 18',
		unit: 'gbp_per_head',
		baseline: 789,
		target: 841,
		may: 838,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '24',
		name: 'Savings / mitigation - HNB only',
		unit: 'gbp',
		baseline: null,
		target: 1_261_000,
		may: 527_426,
		rag: 'A',
		comment: 'Further savings expected in new academic year',
		derivation: 'annual – in plan',
		category: 'value for money',
		direction: 'higher',
		formula: 'savings_total',
		basis: 'year to date'
	},
	{
		ref: '25',
		name: 'Average placement cost < 16s',
		unit: 'gbp',
		baseline: 18_778,
		target: 16_483,
		may: 16_797,
		rag: 'A',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '26',
		name: 'Average placement cost > 16s',
		unit: 'gbp',
		baseline: 13_206,
		target: 11_877,
		may: 11_778,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '27',
		name: 'Average cost of an independent < 16',
		unit: 'gbp',
		baseline: 38_140,
		target: 33_313,
		may: 33_657,
		rag: 'A',
		comment:
			'Will be reviewed once new academic year cohort costs known. Focus for commissioning and local provision workstream',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '28',
		name: 'Average cost of maintained / academy special school - in borough',
		unit: 'gbp',
		baseline: 29_683,
		target: 28_650,
		may: 28_547,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '29',
		name: 'Average cost of maintained / academy special school - out borough',
		unit: 'gbp',
		baseline: 30_204,
		target: 27_473,
		may: 29_189,
		rag: 'A',
		comment:
			'Will be reviewed once new academic year cohort costs known. Focus for commissioning and local provision workstream',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '30',
		name: 'Average cost of an independent > 16',
		unit: 'gbp',
		baseline: 32_658,
		target: 34_051,
		may: 33_837,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '31',
		name: 'Average cost of FE colleges > 16',
		unit: 'gbp',
		baseline: 2_495,
		target: 2_711,
		may: 2_691,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '32',
		name: 'Average cost of ISP > 16',
		unit: 'gbp',
		baseline: 39_088,
		target: 29_202,
		may: 29_172,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '33',
		name: 'Average cost of in borough special school > 16',
		unit: 'gbp',
		baseline: 30_606,
		target: 24_949,
		may: 24_766,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '34',
		name: 'Average placement cost - alternative provision',
		unit: 'gbp',
		baseline: 17_695,
		target: 17_171,
		may: 16_768,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	},
	{
		ref: '35',
		name: 'Savings / mitigation - alternative provision',
		unit: 'gbp',
		baseline: 133_000,
		target: 0,
		may: 0,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'higher'
	},
	{
		ref: '36',
		name: 'Annual Review Savings / mitigation all age',
		unit: 'gbp',
		baseline: null,
		target: null,
		may: null,
		rag: null,
		comment: 'Report being developed',
		derivation: 'annual',
		category: 'value for money',
		direction: null
	},
	{
		ref: '37',
		name: 'Average cost of an Education, Health and Care Plan (EHCP)',
		unit: 'gbp',
		baseline: 21_183,
		target: 20_684,
		may: 20_009,
		rag: 'G',
		comment: '',
		derivation: 'annual – in plan',
		category: 'value for money',
		direction: 'lower',
		formula: 'average_cost_ehcp'
	},
	{
		ref: '38',
		name: '% of spend in: the independent, non-maintained special school and independent college sector',
		unit: 'percent',
		baseline: 0.2845,
		target: 0.266,
		may: 0.2637,
		rag: 'G',
		comment: '',
		derivation: 'annual',
		category: 'value for money',
		direction: 'lower'
	}
];

/** The seed's ratings, kept for checking that the default rules reproduce them. */
export const KINGSTON_SEED_RAG: Record<string, 'G' | 'A' | null> = Object.fromEntries(
	KPI_ROWS.map((r) => [r.ref, r.rag])
);

function kpis(): Kpi[] {
	return KPI_ROWS.map((r) => ({
		ref: r.ref,
		name: r.name,
		unit: r.unit,
		category: r.category,
		derivation: r.derivation,
		measure: r.measure ?? 'level',
		basis: r.basis ?? 'full year',
		baseline: kpiFigure(r.baseline, r.ref, 'baseline 31 March 2021'),
		annualTarget: kpiFigure(
			r.target,
			r.ref,
			r.derivation === 'pro rata' ? 'full-year target (comment)' : 'target 2021/22'
		),
		projection: kpiFigure(r.may, r.ref, '2021/22 May'),
		monthsElapsed: 2,
		rule: { direction: r.direction, amberTolerance: 0.005, redTolerance: null },
		override: r.override ?? null,
		comment: r.comment,
		formula: r.formula ?? null,
		actuals: []
	}));
}

const CONDITIONS: Condition[] = [
	{
		id: 'condition_2',
		title: 'Condition 2: Maximum Forecast DSG Deficit Profile at year end £28.6m',
		assurance: 'Good',
		progress: KINGSTON_REPORT_TEXT.condition2
	},
	{
		id: 'condition_3_1',
		title:
			'Condition 3.1: Improve support available in schools to manage demand more effectively and reduce escalation of need.',
		assurance: 'Good',
		progress: KINGSTON_REPORT_TEXT.condition3_1
	},
	{
		id: 'condition_3_2',
		title:
			'Condition 3.2: Expand specialist provision to avoid placements in more expensive Non Maintained Special Schools and independent special schools.',
		assurance: 'Good',
		progress: KINGSTON_REPORT_TEXT.condition3_2
	},
	{
		id: 'condition_3_3',
		title:
			'Condition 3.3: Manage demand for Education Health and Care Plans (EHCP) by scrutinising provision at each annual review and continuing to work with consultants Mastodon C to forecast and manage EHCP growth during 2021-22.',
		assurance: 'Good',
		progress: KINGSTON_REPORT_TEXT.condition3_3
	},
	{
		id: 'condition_3_4',
		title: 'Condition 3.4: Improve efficiency of commissioning services to drive down cost.',
		assurance: 'Medium',
		progress: KINGSTON_REPORT_TEXT.condition3_4
	},
	{
		id: 'condition_3_5',
		title: 'Condition 3.5: Increase contributions from health and social care.',
		assurance: 'Medium',
		progress: KINGSTON_REPORT_TEXT.condition3_5
	},
	{
		id: 'condition_3_6',
		title:
			'Condition 3.6: Commission a Local Government Association (LGA) peer review and implement any recommendations arising from it which drive sustainability in their high needs system.',
		assurance: 'Good',
		progress: KINGSTON_REPORT_TEXT.condition3_6
	},
	{
		id: 'condition_3_7',
		title:
			"Condition 3.7: Reforming of the authority's post-16 offer, including but not limited to development of new provision.",
		assurance: 'Good',
		progress: KINGSTON_REPORT_TEXT.condition3_7
	},
	{
		id: 'condition_3_8',
		title:
			'Condition 3.8: Contribute to the reduction of the cumulative deficit via alternative council funding sources in each financial year covered by this agreement.',
		assurance: 'Good',
		progress: KINGSTON_REPORT_TEXT.condition3_8
	}
];

/**
 * Unit costs in 2021/22 prices (£ per placement per year). Seed figures are the 2021/22 plan
 * targets of KPIs 27, 28, 31, 32 and 34; where the seed has none the cost is an assumption.
 */
function unitCosts(): Dataset['unitCosts'] {
	const fe = (183 * 2_711 + 30 * 29_202) / 213;
	return [
		{
			setting: 'mainstream',
			need: null,
			cost: assumption(
				6_500,
				'typical element 3 top-up for an EHCP in a mainstream school; not in the seed'
			)
		},
		{
			setting: 'resourced_provision',
			need: null,
			cost: assumption(13_000, '£6,000 place funding plus a top-up; not in the seed')
		},
		{
			setting: 'maintained_special',
			need: null,
			cost: seed(28_650, 'KPI 28 target (in-borough special, under 16)')
		},
		{
			setting: 'independent_special',
			need: null,
			cost: seed(33_313, 'KPI 27 target (independent, under 16)')
		},
		{ setting: 'alternative_provision', need: null, cost: seed(17_171, 'KPI 34 target') },
		{
			setting: 'post_16_fe',
			need: null,
			cost: derived(
				fe,
				'(183 × £2,711 FE colleges (KPI 31) + 30 × £29,202 specialist post-16 (KPI 32)) / 213, weighted by SEN2 January 2021 FE placements'
			)
		},
		{
			setting: 'other',
			need: null,
			cost: assumption(
				6_000,
				'education otherwise, direct payments and early years packages; not in the seed'
			)
		}
	];
}

/** Builds the default dataset (deterministic: the same object every time). */
export function kingstonDataset(): Dataset {
	return {
		id: KINGSTON_DATASET_ID,
		name: 'Kingston upon Thames — Safety Valve Q1 2021/22',
		authority: { name: 'Kingston upon Thames', code: 'E09000021', laCode: '314' },
		dataDate: '2021-05-31',
		description:
			"The Royal Borough of Kingston upon Thames's position as its Safety Valve Quarter One 2021/22 report describes it (data date 31 May 2021), with DfE SEN2 statistics to January 2021. Figures after 2021/22 are illustrative assumptions.",
		baseCensus: 2021,
		horizonCensus: 2026,
		needs: ['ALL'],
		settings: KINGSTON_SETTINGS,
		baseCaseload: baseCaseload(),
		history: history(),
		transitions: null,
		population: null,
		referencePopulations: [
			{
				id: 'aged_0_25',
				label: 'Population aged 0–25',
				byYear: { '2021': derived(64_950, '1,429 EHCPs / 2.20% (KPI 7 baseline), ≈ 64,950') }
			},
			{
				id: 'aged_2_18',
				label: 'Population aged 2–18',
				byYear: {
					'2021': derived(
						38_366,
						'£30,270,400 HNB spend / £789 per head (KPI 23 baseline), ≈ 38,366'
					)
				}
			}
		],
		estimation: {
			firstFlowYear: 2015,
			lastFlowYear: 2020,
			defaultEstimator: 'auto',
			backtestHoldout: 3
		},
		unitCosts: unitCosts(),
		finance: financeLedger(),
		kpis: kpis(),
		conditions: CONDITIONS,
		reports: [
			{
				id: 'q1-2021-22',
				title: 'Quarter One 2021/22 Summary Update Report',
				quarter: 'Q1 2021/22',
				dateSubmitted: '2021-06-18',
				dataDate: '2021-05-31',
				signOffs: [
					{ role: 'S151 Officer', name: 'Sarah Ireland' },
					{ role: 'Director of Children’s Services', name: 'Ian Dodds' }
				],
				summary: KINGSTON_REPORT_TEXT.summary,
				risks: KINGSTON_REPORT_TEXT.risks
			}
		]
	};
}
