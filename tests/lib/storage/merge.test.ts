import { describe, expect, it } from 'vitest';
import { deepEqual, describeDifferences, describePath, mergeThreeWay } from '$lib/storage/merge';

const kpi = (ref: string, patch: Record<string, unknown> = {}) => ({
	ref,
	name: `KPI ${ref}`,
	comment: '',
	override: null,
	actuals: [] as { period: string; value: number }[],
	...patch
});

describe('three-way merge of two edits of one record', () => {
	it('keeps both sides’ edits of different fields', () => {
		const base = { a: 1, b: 1, c: 1 };
		const r = mergeThreeWay(base, { ...base, a: 2 }, { ...base, b: 3 });
		expect(r.value).toEqual({ a: 2, b: 3, c: 1 });
		expect(r.conflicts).toEqual([]);
	});

	it('keeps a KPI actual added in one tab and another KPI’s comment changed in the other', () => {
		const base = { kpis: [kpi('1'), kpi('2')] };
		const mine = { kpis: [kpi('1'), kpi('2', { comment: 'mine' })] };
		const theirs = {
			kpis: [kpi('1', { actuals: [{ period: '2021-09', value: 1500 }] }), kpi('2')]
		};
		const r = mergeThreeWay(base, mine, theirs);
		expect(r.conflicts).toEqual([]);
		expect(r.value.kpis[0].actuals).toEqual([{ period: '2021-09', value: 1500 }]);
		expect(r.value.kpis[1].comment).toBe('mine');
	});

	it('merges actuals of one KPI added for different periods in each tab', () => {
		const base = { actuals: [{ period: '2021-05', value: 1 }] };
		const mine = { actuals: [...base.actuals, { period: '2021-06', value: 2 }] };
		const theirs = { actuals: [...base.actuals, { period: '2021-09', value: 3 }] };
		const r = mergeThreeWay(base, mine, theirs);
		expect(r.conflicts).toEqual([]);
		expect(r.value.actuals.map((a) => a.period)).toEqual(['2021-05', '2021-06', '2021-09']);
	});

	it('reports the same field changed differently in both as a conflict, named in words', () => {
		const base = { kpis: [kpi('6a')] };
		const r = mergeThreeWay(
			base,
			{ kpis: [kpi('6a', { comment: 'mine' })] },
			{ kpis: [kpi('6a', { comment: 'theirs' })] }
		);
		expect(r.conflicts).toHaveLength(1);
		expect(r.conflicts[0]).toMatchObject({
			label: 'KPI 6a: comment',
			base: '',
			mine: 'mine',
			theirs: 'theirs'
		});
		expect(r.value.kpis[0].comment).toBe('mine');
		expect(
			mergeThreeWay(
				base,
				{ kpis: [kpi('6a', { comment: 'mine' })] },
				{ kpis: [kpi('6a', { comment: 'theirs' })] },
				'theirs'
			).value.kpis[0].comment
		).toBe('theirs');
	});

	it('takes the same change made in both tabs without a conflict', () => {
		const r = mergeThreeWay({ a: 1 }, { a: 2 }, { a: 2 });
		expect(r).toEqual({ value: { a: 2 }, conflicts: [] });
	});

	it('removes an item one side deleted and the other left alone', () => {
		const base = {
			reports: [
				{ id: 'q1', summary: '' },
				{ id: 'q2', summary: '' }
			]
		};
		const mine = {
			reports: [
				{ id: 'q1', summary: 'edited' },
				{ id: 'q2', summary: '' }
			]
		};
		const theirs = { reports: [{ id: 'q1', summary: '' }] };
		const r = mergeThreeWay(base, mine, theirs);
		expect(r.conflicts).toEqual([]);
		expect(r.value.reports).toEqual([{ id: 'q1', summary: 'edited' }]);
	});

	it('makes an item deleted in one tab and changed in the other a conflict', () => {
		const base = { reports: [{ id: 'q2', summary: '' }] };
		const r = mergeThreeWay(base, { reports: [] }, { reports: [{ id: 'q2', summary: 'theirs' }] });
		expect(r.conflicts).toHaveLength(1);
		expect(r.conflicts[0].label).toMatch(/deleted in this tab, changed in the other/);
		expect(r.value.reports).toEqual([]);
		expect(
			mergeThreeWay(base, { reports: [] }, { reports: [{ id: 'q2', summary: 'theirs' }] }, 'theirs')
				.value.reports
		).toEqual([{ id: 'q2', summary: 'theirs' }]);
	});

	it('adds items new in either tab, in order', () => {
		const base = { reports: [{ id: 'q1' }] };
		// Not in order of id, so the order is mine with theirs after the item it followed.
		const r = mergeThreeWay(
			base,
			{ reports: [{ id: 'q1' }, { id: 'mine' }] },
			{ reports: [{ id: 'q1' }, { id: 'a-theirs' }] }
		);
		expect(r.value.reports.map((x) => x.id)).toEqual(['q1', 'a-theirs', 'mine']);
	});

	it('treats a list without identities as one value', () => {
		const r = mergeThreeWay({ needs: ['a'] }, { needs: ['a', 'b'] }, { needs: ['c'] });
		expect(r.conflicts.map((c) => c.path)).toEqual([['needs']]);
	});

	it('treats a list with a repeated identity as one value rather than pairing wrongly', () => {
		const twice = [
			{ id: 'x', v: 1 },
			{ id: 'x', v: 2 }
		];
		const r = mergeThreeWay({ l: twice }, { l: [{ id: 'x', v: 3 }] }, { l: [{ id: 'x', v: 4 }] });
		expect(r.conflicts).toHaveLength(1);
	});
});

describe('deep equality and differences in words', () => {
	it('ignores key order and undefined keys', () => {
		expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
		expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
		expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
	});

	it('lists what differs between a saved record and an incoming one', () => {
		const saved = { description: 'saved', kpis: [kpi('1'), kpi('2')] };
		const incoming = { description: 'file', kpis: [kpi('1', { comment: 'x' }), kpi('3')] };
		expect(describeDifferences(saved, incoming)).toEqual([
			'description',
			'KPI 1: comment',
			'KPI 2 (only in the saved version)',
			'KPI 3 (only in the file)'
		]);
	});

	it('caps the list, saying how many more there are', () => {
		const saved = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 0]));
		const incoming = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 1]));
		const out = describeDifferences(saved, incoming, 5);
		expect(out).toHaveLength(5);
		expect(out[4]).toBe('… and 16 more');
	});

	it('says a path in words', () => {
		expect(describePath(['KPIs', 'KPI 6a', 'comment'])).toBe('KPI 6a: comment');
		expect(describePath(['finance', 'ledger', 'hnb_allocation', '2022/23'])).toBe(
			'finance › ledger › hnb_allocation: 2022/23'
		);
		expect(describePath([])).toBe('the whole record');
	});
});
