/**
 * The default dataset's scenarios, read from kingston.scenario-set.json (names are contracts:
 * keep them exactly):
 * - `SVA financial model 2021/22`: the agreement's plan, the dataset's own ledger, and the plan's
 *   EHCP flows for 2021/22 (172 new, 71 ceased, giving 1,537 in January 2022).
 * - `May 2021 projection`: the Quarter One projection, 2021/22 pinned from the report.
 * - `Baseline (trend)`: the May projection's 2021/22 ledger and opening balance, demand projected
 *   from the January 2021 census by the dataset's default estimator with no census figure
 *   pinned, and no savings delivered after 2021/22: the unmitigated forecast.
 */
import type { Scenario } from '../model/scenario';
import { kingstonScenarioSet } from './kingston';

export const SVA_PLAN = 'SVA financial model 2021/22';
export const MAY_PROJECTION = 'May 2021 projection';
export const BASELINE_TREND = 'Baseline (trend)';

/**
 * The three scenarios, in the order above (fresh copies each call).
 * @example kingstonScenarios().map((s) => s.name) // [SVA_PLAN, MAY_PROJECTION, BASELINE_TREND]
 */
export function kingstonScenarios(): Scenario[] {
	return kingstonScenarioSet().scenarios;
}
