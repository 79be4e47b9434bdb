/**
 * The DfE SEN2 statistics files the importer reads (docs/model.md §6), and how to tell them apart.
 *
 * Files are recognised by their columns, never by their name or column order: a user may rename
 * a download, and the 2025 release swaps `old_la_code` and `new_la_code`. The name is used only
 * to say what a file that matches nothing seems to be missing.
 */
import { ImportError, quote } from '../csv/errors';
import { requireHeader } from '../csv/parse';

export type Sen2FileKind =
	| 'age_caseload'
	| 'estab_caseload'
	| 'age_new_plans'
	| 'mi'
	| 'caseload'
	| 'newplans'
	| 'ceased_plans';

/**
 * What a file's `time_period` means: `census` a January count (2022 release `2021` = January
 * 2021; 2023+ release `202021` = the January 2021 census of academic year 2020/21), `calendar` a
 * flow over a calendar year (`2021` = January to December 2021).
 */
export type Sen2PeriodBasis = 'census' | 'calendar';

export interface Sen2FileSpec {
	kind: Sen2FileKind;
	/** The file's name as DfE publishes it. */
	fileName: string;
	/** `2022`: the aggregate collection (to January 2022); `2023+`: the person-level collection. */
	release: '2022' | '2023+';
	label: string;
	period: Sen2PeriodBasis;
	/** Columns that only this kind of file has. */
	signature: readonly string[];
	/** Every column the importer reads. */
	required: readonly string[];
	/**
	 * Precedence when two files give the same figure for the same year: the higher wins (the
	 * person-level release revises the aggregate one; the age table is the published caseload
	 * total, the establishment table can lag it — Kingston January 2018: 1,042 vs 1,016).
	 */
	rank: number;
}

/** Where-and-when columns every SEN2 file has. */
export const SEN2_LOCATION_COLUMNS = [
	'time_period',
	'geographic_level',
	'la_name',
	'new_la_code',
	'old_la_code'
] as const;

/** Columns of the 2023+ files that describe a row rather than count children. */
export const SEN2_DESCRIPTIVE_COLUMNS: readonly string[] = [
	'time_period',
	'time_identifier',
	'geographic_level',
	'country_code',
	'country_name',
	'region_code',
	'region_name',
	'new_la_code',
	'old_la_code',
	'la_name',
	'breakdown_topic',
	'breakdown'
];

function spec(s: Omit<Sen2FileSpec, 'required'> & { extra?: readonly string[] }): Sen2FileSpec {
	const { extra = [], ...rest } = s;
	return { ...rest, required: [...SEN2_LOCATION_COLUMNS, ...rest.signature, ...extra] };
}

export const SEN2_FILES: Readonly<Record<Sen2FileKind, Sen2FileSpec>> = {
	age_caseload: spec({
		kind: 'age_caseload',
		fileName: 'sen2_age_caseload.csv',
		release: '2022',
		label: 'EHC plans by age band (January census)',
		period: 'census',
		signature: ['characteristic_age', 'Total_all'],
		rank: 2
	}),
	estab_caseload: spec({
		kind: 'estab_caseload',
		fileName: 'sen2_estab_caseload.csv',
		release: '2022',
		label: 'EHC plans by establishment type (January census)',
		period: 'census',
		signature: ['establishment_type', 'Total_all'],
		extra: ['establishment_group'],
		rank: 1
	}),
	age_new_plans: spec({
		kind: 'age_new_plans',
		fileName: 'sen2_age_new_plans.csv',
		release: '2022',
		label: 'New EHC plans by age band (calendar year)',
		period: 'calendar',
		signature: ['characteristic_age', 'Total_new_all'],
		rank: 2
	}),
	mi: spec({
		kind: 'mi',
		fileName: 'sen2_mi.csv',
		release: '2022',
		label: 'Requests, refusals and moves (calendar year)',
		period: 'calendar',
		signature: ['InreqEHC'],
		extra: ['AssRefusedEHC', 'MtosiEHC', 'SitomEHC'],
		rank: 2
	}),
	caseload: spec({
		kind: 'caseload',
		fileName: 'caseload.csv',
		release: '2023+',
		label: 'EHC plans by placement (January census)',
		period: 'census',
		signature: ['breakdown_topic', 'ehcplans'],
		extra: ['breakdown'],
		rank: 3
	}),
	newplans: spec({
		kind: 'newplans',
		fileName: 'newplans.csv',
		release: '2023+',
		label: 'New EHC plans by placement (calendar year)',
		period: 'calendar',
		signature: ['breakdown_topic', 'new_ehc_plans'],
		extra: ['breakdown'],
		rank: 3
	}),
	ceased_plans: spec({
		kind: 'ceased_plans',
		fileName: 'ceased_plans.csv',
		release: '2023+',
		label: 'Ceased EHC plans by reason (calendar year)',
		period: 'calendar',
		signature: ['breakdown_topic', 'total_ceased'],
		extra: ['breakdown'],
		rank: 3
	})
};

export const SEN2_FILE_KINDS = Object.keys(SEN2_FILES) as Sen2FileKind[];

/**
 * Which SEN2 file a header belongs to. Throws an ImportError naming the file and what was
 * expected when the header matches no kind, or matches one but lacks a column the importer reads.
 * @example detectSen2File(['time_period', …, 'characteristic_age', 'Total_all'], 'ages.csv').kind // 'age_caseload'
 */
export function detectSen2File(header: readonly string[], fileName: string): Sen2FileSpec {
	const has = new Set(header);
	const matches = SEN2_FILE_KINDS.map((k) => SEN2_FILES[k]).filter((s) =>
		s.signature.every((c) => has.has(c))
	);
	const base = baseName(fileName).toLowerCase();
	const byName = SEN2_FILE_KINDS.map((k) => SEN2_FILES[k]).find(
		(s) => s.fileName.toLowerCase() === base
	);
	const found = matches.find((s) => s === byName) ?? matches[0];
	if (found) {
		requireHeader({ file: fileName, header }, found.required);
		return found;
	}
	if (byName) {
		// Named like a SEN2 file but without its columns: say which ones.
		requireHeader({ file: fileName, header }, byName.required);
	}
	const kinds = SEN2_FILE_KINDS.map((k) => {
		const s = SEN2_FILES[k];
		return `${s.fileName} (columns ${s.signature.join(', ')})`;
	});
	throw new ImportError(
		fileName,
		1,
		null,
		`a DfE SEN2 statistics file: one of ${kinds.join('; ')}`,
		`a header starting ${quote(header.slice(0, 6).join(','))}`
	);
}

/** The last path segment of a file name: `2022/sen2_mi.csv` → `sen2_mi.csv`. */
export function baseName(name: string): string {
	const parts = name.split(/[\\/]/);
	return parts[parts.length - 1];
}
