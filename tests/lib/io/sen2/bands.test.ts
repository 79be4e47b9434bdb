import { describe, expect, it } from 'vitest';
import { sen2AgeBand } from '../../../../src/lib/io/sen2/bands';

describe('sen2AgeBand', () => {
	it('maps the SEN2 age labels to the DSG age bands', () => {
		expect(
			['Under 5', 'Age 5 to 10', 'Age 11 to 15', 'Age 16 to 19', 'Age 20 to 25'].map(sen2AgeBand)
		).toEqual(['age_under_5', 'age_5_10', 'age_11_15', 'age_16_19', 'age_20_25']);
	});

	it('reads the all-ages row as the total', () => {
		expect(sen2AgeBand('Total')).toBe('total');
		expect(sen2AgeBand('All ages')).toBe('total');
	});

	it('tolerates case, spacing, "Aged" and a dash', () => {
		expect(sen2AgeBand('  aged 5-10 ')).toBe('age_5_10');
		expect(sen2AgeBand('AGE 16 TO 19')).toBe('age_16_19');
		expect(sen2AgeBand('0 to 4')).toBe('age_under_5');
	});

	it('refuses ages that are not a DSG band', () => {
		expect(sen2AgeBand('Age 5 to 9')).toBeNull();
		expect(sen2AgeBand('Autistic spectrum disorder')).toBeNull();
	});
});
