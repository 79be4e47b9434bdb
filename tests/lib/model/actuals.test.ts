import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import {
	ACTUALS_PAGE,
	ACTUAL_PREFIX,
	actualFigure,
	caseloadActualTotal,
	checkActuals,
	isActualSource,
	mergeActuals,
	readActuals,
	setCaseloadActual,
	setSpendActual,
	withActuals,
	type Actuals,
	type CaseloadActual
} from '$lib/model/actuals';
import { seed } from '$lib/model/provenance';
import { validateDataset } from '$lib/model/validate-dataset';

const kingston = kingstonDataset();
const settingIds = kingston.settings.map((s) => s.id);
const census = (c: number, total: number | null, extra: Partial<CaseloadActual> = {}) => ({
	census: c,
	total: total === null ? null : actualFigure(total),
	byAgeBand: {},
	bySetting: {},
	...extra
});
const none: Actuals = { caseload: [], spend: [] };

describe('actual figures', () => {
	it('are imports whose file says they are actuals', () => {
		expect(actualFigure(1550).source).toEqual({
			kind: 'import',
			file: `${ACTUAL_PREFIX}${ACTUALS_PAGE}`
		});
		expect(isActualSource(actualFigure(1, 'caseload.csv', 2).source)).toBe(true);
		expect(isActualSource(seed(1, 'KPI 1').source)).toBe(false);
	});
});

describe('readActuals', () => {
	it('finds none in the default dataset: its history ends at the base census', () => {
		expect(readActuals(kingston)).toEqual(none);
	});

	it('reads back what withActuals wrote', () => {
		const actuals: Actuals = {
			caseload: [
				census(2022, 1550, { byAgeBand: { age_5_10: actualFigure(520) } }),
				census(2023, null, { bySetting: { mainstream: actualFigure(600) } })
			],
			spend: [{ year: '2021/22', value: actualFigure(32_000_000) }]
		};
		expect(readActuals(withActuals(kingston, actuals))).toEqual(actuals);
	});
});

describe('withActuals', () => {
	it('keeps the history up to the base census and the dataset valid', () => {
		const ds = withActuals(kingston, { caseload: [census(2022, 1550)], spend: [] });
		expect(ds.history.caseloadTotal.filter((r) => r.year <= 2021)).toEqual(
			kingston.history.caseloadTotal
		);
		expect(ds.history.caseloadTotal.at(-1)).toEqual({ year: 2022, count: actualFigure(1550) });
		expect(validateDataset(ds).ok).toBe(true);
	});

	it('pins a year’s HNB expenditure with the actual, and removing it leaves the year without', () => {
		const ds = withActuals(kingston, {
			caseload: [],
			spend: [{ year: '2022/23', value: actualFigure(34_000_000) }]
		});
		expect(Object.keys(ds.finance.lines.hnb_expenditure_before_savings!)).toEqual([
			'2021/22',
			'2022/23'
		]);
		const back = withActuals(ds, none);
		expect(back.finance.lines.hnb_expenditure_before_savings).toEqual(
			kingston.finance.lines.hnb_expenditure_before_savings
		);
	});

	it('refuses actuals that do not fit the dataset, listing the problems', () => {
		expect(() => withActuals(kingston, { caseload: [census(2021, 1436)], spend: [] })).toThrow(
			'withActuals: the actuals are not valid: Caseload actual for January 2021: the census must be after the base census (January 2021) and no later than January 2026.'
		);
	});
});

describe('checkActuals', () => {
	it('names the census or year and what is wrong', () => {
		expect(
			checkActuals(kingston, {
				caseload: [
					census(2027, 1),
					census(2022, 1.5),
					census(2023, null, { bySetting: { special: actualFigure(1) } }),
					census(2024, null)
				],
				spend: [
					{ year: '2020/21', value: actualFigure(1) },
					{ year: '2022/23', value: actualFigure(-1) }
				]
			})
		).toEqual([
			'Caseload actual for January 2027: the census must be no later than the horizon (January 2026).',
			'Caseload actual for January 2022, total: expected a whole number ≥ 0, got 1.5.',
			'Caseload actual for January 2023: "special" is not one of the dataset\'s settings (mainstream, resourced_provision, maintained_special, independent_special, alternative_provision, post_16_fe, other).',
			'Caseload actual for January 2024: no figure is given.',
			'Spend actual for 2020/21: the year must be one of the projection, 2021/22 to 2025/26.',
			'Spend actual for 2022/23: expected an amount of £0 or more, got -1.'
		]);
	});
});

describe('caseloadActualTotal', () => {
	it('is the total, else the sum of every age band, else of every setting, else unknown', () => {
		const bands = {
			age_under_5: actualFigure(40),
			age_5_10: actualFigure(500),
			age_11_15: actualFigure(560),
			age_16_19: actualFigure(300),
			age_20_25: actualFigure(100)
		};
		expect(caseloadActualTotal(census(2022, 1550, { byAgeBand: bands }), settingIds)).toBe(1550);
		expect(caseloadActualTotal(census(2022, null, { byAgeBand: bands }), settingIds)).toBe(1500);
		const bySetting = Object.fromEntries(settingIds.map((id) => [id, actualFigure(10)]));
		expect(caseloadActualTotal(census(2022, null, { bySetting }), settingIds)).toBe(70);
		expect(
			caseloadActualTotal(
				census(2022, null, { byAgeBand: { age_5_10: actualFigure(500) } }),
				settingIds
			)
		).toBeNull();
	});
});

describe('setting and merging actuals', () => {
	it('replaces the same census or year and keeps them in order', () => {
		let a = setCaseloadActual(none, census(2023, 1600));
		a = setCaseloadActual(a, census(2022, 1550));
		a = setCaseloadActual(a, census(2022, 1551));
		expect(a.caseload.map((c) => [c.census, c.total?.value])).toEqual([
			[2022, 1551],
			[2023, 1600]
		]);
		a = setSpendActual(a, { year: '2022/23', value: actualFigure(2) });
		a = mergeActuals(a, { caseload: [], spend: [{ year: '2021/22', value: actualFigure(1) }] });
		expect(a.spend.map((s) => s.year)).toEqual(['2021/22', '2022/23']);
	});
});
