import { describe, expect, it } from 'vitest';
import { sen2Year } from '../../../../src/lib/io/sen2/periods';

describe('sen2Year', () => {
	it('reads a 2022-release caseload year as that January’s census', () => {
		expect(sen2Year('2021', 'census', 'sen2_age_caseload.csv', 2)).toBe(2021);
	});

	it('reads a 2023+ academic year as the census in its January', () => {
		expect(sen2Year('202021', 'census', 'caseload.csv', 2)).toBe(2021);
		expect(sen2Year('199900', 'census', 'caseload.csv', 2)).toBe(2000);
	});

	it('reads a calendar year as itself', () => {
		expect(sen2Year('2020', 'calendar', 'newplans.csv', 2)).toBe(2020);
	});

	it('refuses an academic year for a flow, and anything else, naming file, row and column', () => {
		expect(() => sen2Year('202021', 'calendar', 'newplans.csv', 5)).toThrow(
			'newplans.csv, row 5, column "time_period": expected a calendar year such as 2021, got "202021"'
		);
		expect(() => sen2Year('202022', 'census', 'caseload.csv', 3)).toThrow(
			'caseload.csv, row 3, column "time_period": expected a census year such as 2021, or an academic year such as 202021, got "202022"'
		);
		expect(() => sen2Year('2021/22', 'census', 'caseload.csv', 3)).toThrow(/got "2021\/22"$/);
	});
});

describe('SEN2 years outside a plausible range', () => {
	const years = { first: 2000, last: 2036 };

	it('refuses a year before 2000 or more than 10 years after the current one, naming the column', () => {
		expect(() => sen2Year('1921', 'calendar', 'newplans.csv', 4, years)).toThrow(
			'newplans.csv, row 4, column "time_period": expected a year from 2000 to 2036, got "1921"'
		);
		expect(() => sen2Year('203637', 'census', 'caseload.csv', 7, years)).toThrow(
			'caseload.csv, row 7, column "time_period": expected a year from 2000 to 2036, got "203637"'
		);
	});

	it('accepts the years at either end', () => {
		expect(sen2Year('2000', 'calendar', 'newplans.csv', 2, years)).toBe(2000);
		expect(sen2Year('203536', 'census', 'caseload.csv', 2, years)).toBe(2036);
	});
});
