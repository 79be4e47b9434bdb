import { describe, expect, it } from 'vitest';
import { compareWitanRows, witanKeys } from '../../../../src/lib/io/witan/compare';
import {
	WITAN_STATISTIC_NAMES,
	type WitanStatisticsRow
} from '../../../../src/lib/io/witan/outputs';

/** A row whose median is `median`, bounds median ∓ 10, every other statistic the median. */
function row(calendarYear: number, median: number, key: string | number | null = null) {
	const stats = Object.fromEntries(
		WITAN_STATISTIC_NAMES.map((n) => [n, median])
	) as WitanStatisticsRow['stats'];
	stats['low-95pc-bound'] = median - 10;
	stats['high-95pc-bound'] = median + 10;
	return { calendarYear, key, row: 2, stats } satisfies WitanStatisticsRow;
}

describe('compareWitanRows', () => {
	const ours = [row(2017, 100), row(2018, 110), row(2019, 121)];

	it('matches years as labelled, with the difference of medians and its share of theirs', () => {
		const theirs = [row(2018, 100), row(2019, 110)];
		expect(compareWitanRows(ours, theirs)).toEqual([
			{
				year: 2017,
				theirYear: null,
				ours: { median: 100, low: 90, high: 110 },
				theirs: null,
				difference: null,
				relative: null
			},
			{
				year: 2018,
				theirYear: 2018,
				ours: { median: 110, low: 100, high: 120 },
				theirs: { median: 100, low: 90, high: 110 },
				difference: 10,
				relative: 0.1
			},
			{
				year: 2019,
				theirYear: 2019,
				ours: { median: 121, low: 111, high: 131 },
				theirs: { median: 110, low: 100, high: 120 },
				difference: 11,
				relative: 0.1
			}
		]);
	});

	it('moves their years on by the shift when they label steps by the census they start from', () => {
		const theirs = [row(2017, 110), row(2018, 121), row(2019, 130)];
		const rows = compareWitanRows(ours, theirs, { shift: 1 });
		expect(rows.map((r) => [r.year, r.theirYear, r.difference])).toEqual([
			[2017, null, null],
			[2018, 2017, 0],
			[2019, 2018, 0],
			[2020, 2019, null]
		]);
		expect(rows[3].ours).toBeNull();
	});

	it('compares one key of a keyed table', () => {
		const mine = [row(2018, 5, 'A'), row(2018, 7, 'B')];
		const theirs = [row(2018, 4, 'A'), row(2018, 8, 'B')];
		expect(compareWitanRows(mine, theirs, { key: 'B' }).map((r) => r.difference)).toEqual([-1]);
		expect(compareWitanRows(mine, theirs, { key: 'A' }).map((r) => r.difference)).toEqual([1]);
		// Academic years are numbers on both sides (parseWitanOutputs reads them so).
		expect(compareWitanRows([row(2018, 3, 4)], [row(2018, 1, 4)], { key: 4 })[0].difference).toBe(
			2
		);
	});

	it('gives no share of a median of 0', () => {
		expect(compareWitanRows([row(2018, 3)], [row(2018, 0)])[0]).toMatchObject({
			difference: 3,
			relative: null
		});
	});

	it('refuses two rows for one year, and a shift that is not whole', () => {
		expect(() => compareWitanRows(ours, [row(2018, 1), row(2018, 2)])).toThrow(
			'compareWitanRows: theirs have two rows for 2018'
		);
		expect(() => compareWitanRows(ours, [], { shift: 0.5 })).toThrow(
			'compareWitanRows: shift must be a whole number of years, got 0.5'
		);
	});
});

describe('witanKeys', () => {
	it('lists each key once in order of first appearance, and none for Count', () => {
		const rows = [row(2017, 1, 'B'), row(2017, 1, 'A'), row(2018, 1, 'B'), row(2018, 1, 'A')];
		expect(witanKeys(rows)).toEqual(['B', 'A']);
		expect(witanKeys([row(2017, 1)])).toEqual([]);
	});
});
