/**
 * SEN2 `time_period` values as the model's years (docs/model.md §1: census year for stocks, calendar
 * year for flows).
 *
 * - 2022 release, caseload files: `2021` is the January 2021 census → census year 2021.
 * - 2022 release, new plans and MI: `2021` is calendar year 2021 → 2021.
 * - 2023+ release, caseload: `202021` is academic year 2020/21, whose census is January 2021 →
 *   census year 2021 (a plain `2021` is read as the January 2021 census too).
 * - 2023+ release, new plans and ceased plans: `2021` is calendar year 2021 → 2021. An academic
 *   year there is refused rather than guessed at, since a flow over September–August cannot be
 *   placed on the model's January-to-January steps without splitting it.
 *
 * A year outside `years` (from 2000 to the current year + 10, validate-bounds.ts) is refused: it
 * is a shifted column or a typo, not a SEN2 figure.
 */
import { ImportError, quote } from '../csv/errors';
import { plausibleYears, systemClock, yearRangeProblem } from '../../model/validate-bounds';
import type { Sen2PeriodBasis } from './kinds';

const CALENDAR = /^(\d{4})$/;
const ACADEMIC = /^(\d{4})(\d{2})$/;

/**
 * The census year (for `census`) or calendar year (for `calendar`) of a SEN2 time_period, which
 * must fall within `years` (plausibleYears of a clock; the computer's clock by default).
 * @example sen2Year('202021', 'census', 'caseload.csv', 2, { first: 2000, last: 2036 }) // 2021
 * @example sen2Year('2021', 'calendar', 'newplans.csv', 2, { first: 2000, last: 2036 }) // 2021
 */
export function sen2Year(
	raw: string,
	basis: Sen2PeriodBasis,
	file: string,
	row: number,
	years: { first: number; last: number } = plausibleYears(systemClock)
): number {
	const s = raw.trim();
	const inRange = (y: number) => {
		if (yearRangeProblem(y, years) === null) return y;
		throw new ImportError(
			file,
			row,
			'time_period',
			`a year from ${years.first} to ${years.last}`,
			quote(raw)
		);
	};
	const cal = CALENDAR.exec(s);
	if (cal) return inRange(Number(cal[1]));
	const acad = ACADEMIC.exec(s);
	if (basis === 'census' && acad && (Number(acad[1]) + 1) % 100 === Number(acad[2])) {
		return inRange(Number(acad[1]) + 1);
	}
	const expected =
		basis === 'census'
			? 'a census year such as 2021, or an academic year such as 202021'
			: 'a calendar year such as 2021';
	throw new ImportError(file, row, 'time_period', expected, quote(raw));
}
