/**
 * The choices the new dataset wizard makes for a SEN2 import before the user changes anything,
 * in one place, so that the wizard (src/routes/data/new), `forecast sen2` and `forecast england`
 * build the same dataset from the same import and cannot drift apart.
 *
 * The wizard leaves four finance figures for the council to type (the HNB allocation, the cap,
 * the opening deficit and the first year's HNB expenditure). A dataset built without a user —
 * on the command line — gets the stand-in of decision 0022 for those: no allocation, no opening
 * deficit, a cap that is never reached (so `hasNoFinance` is true and pages say its deficit means
 * nothing) and the first year's expenditure equal to its expected placement cost (non-placement
 * spend 0). Every other figure is the wizard's own default. EHCP numbers do not depend on finance.
 */
import { WITAN_NO_FINANCE_CAP } from '../../model/stand-in-finance';
import { slugify } from '../../model/categories';
import type {
	Dataset,
	DemandHistory,
	FinanceLedger,
	LedgerLineId,
	YearFigures
} from '../../model/dataset';
import {
	DEFAULT_HORIZON_YEARS,
	baseCensusOptions,
	buildSen2Dataset,
	defaultFirstFlowYear,
	defaultLedgerLines,
	defaultUnitCosts,
	newDatasetSettings,
	type Sen2History
} from './new-dataset';
import { projectionYears } from '../../model/dataset-defaults';
import { assumption, derived } from '../../model/provenance';
import type { FinancialYear } from '../../model/years';

/** Why the stand-in finance figures are what they are (shown with each figure). */
export const NO_FINANCE_NOTE = 'built without finance (forecast sen2 / forecast england)';

/**
 * The calendar years of new plans the wizard offers as the first year of flows for a base census:
 * those with new plans by age band, before the base.
 * @example flowYearOptions(history, 2021) // [2010, …, 2020]
 */
export function flowYearOptions(history: Partial<DemandHistory>, baseCensus: number): number[] {
	return [...new Set((history.newPlansByAgeBand ?? []).map((r) => r.year))]
		.filter((y) => y < baseCensus)
		.sort((a, b) => a - b);
}

/**
 * The first calendar year of flows the wizard uses: `current` when it is one of the options,
 * else the default for the base (`defaultFirstFlowYear`) when that is an option, else the first
 * option; null when there is none.
 * @example wizardFirstFlowYear(history, 2021) // 2015
 */
export function wizardFirstFlowYear(
	history: Partial<DemandHistory>,
	baseCensus: number,
	current: number | null = null
): number | null {
	const options = flowYearOptions(history, baseCensus);
	if (options.length === 0) return null;
	if (current !== null && options.includes(current)) return current;
	const wanted = defaultFirstFlowYear(baseCensus);
	return options.includes(wanted) ? wanted : options[0];
}

/**
 * The base census the wizard starts on: the latest with caseload in every age band, or null.
 * @example wizardBaseCensus(history) // 2021
 */
export function wizardBaseCensus(history: Partial<DemandHistory>): number | null {
	const options = baseCensusOptions(history);
	return options[options.length - 1] ?? null;
}

/**
 * The stand-in ledger of a dataset built without finance (see the module notes): the wizard's
 * default lines, plus no allocation, a cap never reached and no opening deficit. The first year's
 * HNB expenditure is `firstYearSpend` (the expected placement cost), 0 while it is not known.
 * @example noFinanceLedger(['2021/22', '2022/23'], 1_000_000).lines.deficit_cap // { '2021/22': 1e12, … }
 */
export function noFinanceLedger(
	years: readonly FinancialYear[],
	firstYearSpend = 0
): FinanceLedger {
	const each = (value: number, note: string): YearFigures =>
		Object.fromEntries(years.map((fy) => [fy, assumption(value, `${NO_FINANCE_NOTE}: ${note}`)]));
	const lines: Partial<Record<LedgerLineId, YearFigures>> = {
		...defaultLedgerLines(years),
		hnb_allocation: each(0, 'no allocation is assumed'),
		deficit_cap: each(WITAN_NO_FINANCE_CAP, 'no Safety Valve agreement, a cap never reached')
	};
	if (years.length > 0) {
		lines.hnb_expenditure_before_savings = {
			[years[0]]: derived(
				firstYearSpend,
				`expected placement cost in ${years[0]} at the illustrative unit costs, so that non-placement spend is 0: ${NO_FINANCE_NOTE}`
			)
		};
	}
	return {
		openingCumulativeDeficit: assumption(0, `${NO_FINANCE_NOTE}: no opening deficit is assumed`),
		lines,
		savings: []
	};
}

export interface Sen2DefaultsOptions {
	/** Dataset id; default `sen2-<authority slug>-<base census>`. */
	id?: string;
	/** Base census; default the wizard's (the latest with caseload in every age band). */
	baseCensus?: number;
	/** Years projected; default the wizard's (5). */
	horizonYears?: number;
}

/**
 * The dataset the wizard builds from a SEN2 import when the user changes nothing, with the
 * stand-in finance (first year's spend 0: `withCalibratedSpend` sets it). Throws, as
 * `buildSen2Dataset`, naming what the import lacks.
 * @example sen2DatasetWithDefaults(importSen2(files, '314')).baseCensus // 2021
 */
export function sen2DatasetWithDefaults(
	sen2: Sen2History,
	options: Sen2DefaultsOptions = {}
): Dataset {
	const base = options.baseCensus ?? wizardBaseCensus(sen2.history);
	if (base === null) {
		// buildSen2Dataset names what is missing.
		return buildSen2Dataset({ id: 'sen2', dataDate: '', sen2, finance: noFinanceLedger([]) });
	}
	const horizonYears = options.horizonYears ?? DEFAULT_HORIZON_YEARS;
	const settings = newDatasetSettings();
	const slug = slugify(sen2.authority.name).replace(/_/g, '-');
	return buildSen2Dataset({
		id: options.id ?? `sen2-${slug}-${base}`,
		dataDate: `${base}-01-31`,
		sen2,
		baseCensus: base,
		horizonCensus: base + horizonYears,
		firstFlowYear: wizardFirstFlowYear(sen2.history, base) ?? undefined,
		finance: noFinanceLedger(projectionYears(base, base + horizonYears)),
		unitCosts: defaultUnitCosts(settings),
		settings
	});
}

/**
 * The dataset with its first year's HNB expenditure set to `placementCost` (the expected
 * placement cost of that year, from a projection of the dataset), a copy.
 * @example withCalibratedSpend(dataset, metricValue(result, 'placement_cost', '2021/22'))
 */
export function withCalibratedSpend(dataset: Dataset, placementCost: number): Dataset {
	const years = projectionYears(dataset.baseCensus, dataset.horizonCensus);
	const ledger = noFinanceLedger(years, placementCost);
	return {
		...dataset,
		finance: {
			...dataset.finance,
			lines: {
				...dataset.finance.lines,
				hnb_expenditure_before_savings: ledger.lines.hnb_expenditure_before_savings
			}
		}
	};
}
