/**
 * Defaults shared by every dataset built from SEN2 and by the built-in dataset (docs/model.md §1,
 * §6): the placement settings, the default scenarios' names, and the provenance of a typed figure.
 * Pure constants and helpers, so any layer may use them.
 */
import type { SettingDef } from './dataset';
import type { Figure } from './provenance';
import { imported } from './provenance';
import type { FinancialYear } from './years';
import { financialYearsBetween } from './years';

/**
 * The seven DSG management plan placement categories with the NCY ranges of the default dataset
 * (Kingston's settings are exactly these): SEN2's placement mapping (io/sen2/mapping.ts) sums
 * SEN2's placements into them, so a history by placement needs no further mapping.
 * Read-only: copy before editing (`newDatasetSettings`).
 */
export const DSG_PLACEMENT_SETTINGS: readonly Readonly<SettingDef>[] = [
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

/** Where a figure typed in the wizard comes from (an `import` provenance names this "file"). */
export const WIZARD_SOURCE = 'the new dataset wizard (typed)';

/** Names of the default scenarios of a new dataset. */
export const FINANCIAL_PLAN = 'Financial plan';
export const BASELINE_TREND = 'Baseline (trend)';

/**
 * A figure typed in the wizard.
 * @example typed(1_200_000).source // { kind: 'import', … }
 */
export const typed = (value: number): Figure => imported(value, WIZARD_SOURCE);

/**
 * The financial years of a projection from `baseCensus` to `horizonCensus`: the first is the one
 * holding the census after the base.
 * @example projectionYears(2021, 2026) // ['2021/22', …, '2025/26']
 */
export function projectionYears(baseCensus: number, horizonCensus: number): FinancialYear[] {
	if (!(horizonCensus > baseCensus)) {
		throw new Error(
			`projectionYears: the horizon (January ${horizonCensus}) must be after the base census (January ${baseCensus})`
		);
	}
	return financialYearsBetween(baseCensus + 1, horizonCensus);
}
