/**
 * Financial years and census years (docs/model.md §1).
 *
 * Financial year `2021/22` runs 1 April 2021 – 31 March 2022. Census year `2022` is the January
 * 2022 count, which falls inside financial year 2021/22. The census step January Y → January Y+1
 * uses the flows of calendar year Y and is keyed by the census that ends it (Y+1).
 */

/** A financial year label such as `2021/22`. */
export type FinancialYear = string;

const FY_PATTERN = /^(\d{4})\/(\d{2})$/;

/**
 * The financial year that contains the January census of `census`.
 * @example financialYearOfCensus(2022) // '2021/22'
 */
export function financialYearOfCensus(census: number): FinancialYear {
	if (!Number.isInteger(census)) {
		throw new Error(`financialYearOfCensus: census must be a whole year, got ${census}`);
	}
	const start = census - 1;
	return `${start}/${String(census % 100).padStart(2, '0')}`;
}

/**
 * The census year (January count) inside a financial year.
 * @example censusOfFinancialYear('2021/22') // 2022
 */
export function censusOfFinancialYear(fy: FinancialYear): number {
	const m = FY_PATTERN.exec(fy);
	if (!m) throw new Error(`censusOfFinancialYear: expected a year like 2021/22, got "${fy}"`);
	const start = Number(m[1]);
	if ((start + 1) % 100 !== Number(m[2])) {
		throw new Error(`censusOfFinancialYear: "${fy}" is not two consecutive years`);
	}
	return start + 1;
}

/** Whether a string is a well-formed financial year label. */
export function isFinancialYear(s: unknown): s is FinancialYear {
	if (typeof s !== 'string') return false;
	const m = FY_PATTERN.exec(s);
	return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

/** Financial years from the one containing census `from` to the one containing census `to`. */
export function financialYearsBetween(fromCensus: number, toCensus: number): FinancialYear[] {
	const out: FinancialYear[] = [];
	for (let c = fromCensus; c <= toCensus; c++) out.push(financialYearOfCensus(c));
	return out;
}

/** Compares two financial years: negative when a is earlier. */
export function compareFinancialYears(a: FinancialYear, b: FinancialYear): number {
	return censusOfFinancialYear(a) - censusOfFinancialYear(b);
}

/** Whether `fy` falls within [from, until], either bound optional. */
export function withinYears(
	fy: FinancialYear,
	from: FinancialYear | null | undefined,
	until: FinancialYear | null | undefined
): boolean {
	const c = censusOfFinancialYear(fy);
	if (from && c < censusOfFinancialYear(from)) return false;
	if (until && c > censusOfFinancialYear(until)) return false;
	return true;
}
