/**
 * SEN2 test files: the small real-layout extracts under tests/fixtures/sen2/, and helpers to
 * write the files those extracts lack.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../../../src/lib/io/csv/parse';
import { toCsv } from '../../../../src/lib/io/csv/write';
import type { Sen2TextFile } from '../../../../src/lib/io/sen2/import';

const root = new URL('../../../fixtures/sen2/', import.meta.url);

/** A fixture file by its path under tests/fixtures/sen2/, named as DfE names it. */
export function fixture(path: string): Sen2TextFile {
	return { name: path.split('/').pop()!, text: readFileSync(new URL(path, root), 'utf8') };
}

export const AGE_CASELOAD = '2022-release/sen2_age_caseload.csv';
export const ESTAB_CASELOAD = '2022-release/sen2_estab_caseload.csv';
export const AGE_NEW_PLANS = '2022-release/sen2_age_new_plans.csv';
export const MI = '2022-release/sen2_mi.csv';
export const CASELOAD = '2025-release/caseload.csv';
export const NEWPLANS = '2025-release/newplans.csv';

export const RELEASE_2022 = [AGE_CASELOAD, ESTAB_CASELOAD, AGE_NEW_PLANS, MI];
export const RELEASE_2025 = [CASELOAD, NEWPLANS];

/**
 * A copy of a file with one cell changed in every row that `where` picks (by column name).
 * @example withCell(f, (r) => r.characteristic_age === 'Total', 'Total_all', 'abc')
 */
export function withCell(
	file: Sen2TextFile,
	where: (row: Record<string, string>) => boolean,
	column: string,
	value: string
): Sen2TextFile {
	const parsed = parseCsv(file.text, file.name);
	const col = parsed.header.indexOf(column);
	if (col < 0) throw new Error(`withCell: ${file.name} has no column ${column}`);
	let changed = 0;
	const rows = parsed.rows.map((r) => {
		const named = Object.fromEntries(parsed.header.map((h, i) => [h, r.cells[i]]));
		if (!where(named)) return r.cells;
		changed++;
		return r.cells.map((c, i) => (i === col ? value : c));
	});
	if (changed === 0) throw new Error(`withCell: no row of ${file.name} matched`);
	return { name: file.name, text: toCsv(parsed.header, rows) };
}

/** The line number (header = 1) of the first row `where` picks. */
export function lineOf(
	file: Sen2TextFile,
	where: (row: Record<string, string>) => boolean
): number {
	const parsed = parseCsv(file.text, file.name);
	const r = parsed.rows.find((r) =>
		where(Object.fromEntries(parsed.header.map((h, i) => [h, r.cells[i]])))
	);
	if (!r) throw new Error(`lineOf: no row of ${file.name} matched`);
	return r.line;
}

const PLACE_2025 = {
	geographic_level: 'Local authority',
	country_code: 'E92000001',
	country_name: 'England',
	region_code: 'E12000007',
	region_name: 'London',
	new_la_code: 'E09000021',
	old_la_code: '314',
	la_name: 'Kingston upon Thames'
};

/**
 * A 2023+ release file for Kingston written from rows of named values (location columns filled
 * in), with the release's own column order for the location.
 */
export function release2025File(
	name: string,
	columns: string[],
	rows: Record<string, string | number>[]
): Sen2TextFile {
	const header = [
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
		'breakdown',
		...columns
	];
	const full = rows.map((r) => ({ ...PLACE_2025, ...r }) as Record<string, string | number>);
	return {
		name,
		text: toCsv(
			header,
			full.map((r) => header.map((h) => r[h] ?? ''))
		)
	};
}

/** The columns `ceased_plans.csv` has after `breakdown` (shared/peer/sen2/README.md). */
export const CEASED_COLUMNS = [
	'max_age',
	'needs_met',
	'he',
	'employ',
	'transfer',
	'no_engage',
	'moved_outside_eng',
	'deceased',
	'not_rec',
	'other',
	'total_ceased'
];
