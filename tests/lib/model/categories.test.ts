import { describe, expect, it } from 'vitest';
import { DSG_CATEGORIES } from '$lib/model/categories';
import { DSG_PLACEMENT_SETTINGS } from '$lib/model/dataset-defaults';

describe('the DSG placement categories', () => {
	it('are named as the default setting of each is, "Other (…)" included, so one place never reads two ways', () => {
		for (const category of DSG_CATEGORIES) {
			const settings = DSG_PLACEMENT_SETTINGS.filter((s) => s.group === category.id);
			expect(settings.map((s) => s.name)).toEqual([category.label]);
		}
	});
});
