import { describe, expect, it } from 'vitest';
import { categoriesOf, valueExtent } from '$lib/charts/domain';

describe('valueExtent', () => {
	it('spans the smallest to the largest value across lists', () => {
		expect(valueExtent([3, 7], [5, -2])).toEqual([-2, 7]);
	});

	it('skips missing values rather than counting them as zero', () => {
		expect(valueExtent([3, null, 7], [undefined, Number.NaN, Infinity])).toEqual([3, 7]);
	});

	it('gives [0, 1] when there is no value at all, so an empty chart still has an axis', () => {
		expect(valueExtent()).toEqual([0, 1]);
		expect(valueExtent([null, Number.NaN])).toEqual([0, 1]);
	});
});

describe('categoriesOf', () => {
	it('lists each category once, in order of first appearance, as strings', () => {
		expect(categoriesOf(['2021/22', '2022/23'], ['2022/23', '2023/24'])).toEqual([
			'2021/22',
			'2022/23',
			'2023/24'
		]);
		expect(categoriesOf([2022, 2021, 2022])).toEqual(['2022', '2021']);
	});
});
