/**
 * SEN2 age labels as DSG management plan age bands (docs/model.md §1). SEN2's age is age at 31 August,
 * as the model's, and its bands are the plan's: "Under 5" → age_under_5, "Age 5 to 10" →
 * age_5_10, "Age 11 to 15" → age_11_15, "Age 16 to 19" → age_16_19, "Age 20 to 25" → age_20_25.
 */
import { AGE_BANDS, type AgeBandId } from '../../model/categories';

/**
 * The age band a SEN2 age label names, `total` for the all-ages row, or null for anything else.
 * Tolerates case, spacing, "Aged", and a dash for "to".
 * @example sen2AgeBand('Age 5 to 10') // 'age_5_10'
 * @example sen2AgeBand('Total') // 'total'
 */
export function sen2AgeBand(label: string): AgeBandId | 'total' | null {
	const s = label
		.trim()
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/^aged? /, '');
	if (s === 'total' || s === 'all' || s === 'all ages') return 'total';
	const under = /^under ?(\d+)$/.exec(s);
	if (under) return bandOf(0, Number(under[1]) - 1);
	const range = /^(\d+) ?(?:to|-|–) ?(\d+)$/.exec(s);
	if (range) return bandOf(Number(range[1]), Number(range[2]));
	return null;
}

function bandOf(minAge: number, maxAge: number): AgeBandId | null {
	return AGE_BANDS.find((b) => b.minAge === minAge && b.maxAge === maxAge)?.id ?? null;
}
