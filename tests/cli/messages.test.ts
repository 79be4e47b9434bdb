import { describe, expect, it } from 'vitest';
import { inWords } from '../../cli/messages';

describe('inWords', () => {
	it('says what an engine failure means and what to do, without the function’s name', () => {
		const ipf = inWords(
			'ipf: did not converge; the structural zeros may make the margins impossible'
		);
		expect(ipf).toMatch(/^its base caseload by placement and by age band could not be fitted/);
		expect(ipf).toMatch(/start from another census$/);
		expect(inWords('estimateFromAggregates: no caseload by age band for January 2018')).toBe(
			'the files have no caseload by age band for January 2018: add sen2_age_caseload.csv or caseload.csv with that census, or start from another census'
		);
		expect(inWords('estimateFromAggregates: no caseload by setting in the history')).toMatch(
			/^the files have no caseload by placement for it: add sen2_estab_caseload\.csv/
		);
	});

	it('drops the function’s name from a message it does not know', () => {
		expect(
			inWords(
				'buildSen2Dataset: the SEN2 history has no caseload by placement category; import sen2_estab_caseload.csv or caseload.csv'
			)
		).toBe(
			'the SEN2 history has no caseload by placement category; import sen2_estab_caseload.csv or caseload.csv'
		);
	});

	it('leaves a message that starts with a file name, or plain words, as it is', () => {
		for (const m of [
			'kent.json: a key named __proto__ was ignored',
			'sen2_mi.csv, row 3, column "InreqEHC": expected a whole number',
			'no rows in the files up to January 2018 (its first figures are later)'
		]) {
			expect(inWords(m)).toBe(m);
		}
	});
});
