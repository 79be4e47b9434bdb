import { describe, expect, it } from 'vitest';
import { CappedList } from '$lib/model/problems';

describe('CappedList', () => {
	it('keeps the first items up to its cap and counts them all', () => {
		const p = new CappedList<string>(2);
		for (const x of ['a', 'b', 'c', 'd']) p.add(x);
		expect(p.listed).toEqual(['a', 'b']);
		expect(p.count).toBe(4);
		expect(p.unlisted).toBe(2);
		expect(p.full).toBe(true);
	});

	it('is not full, and lists everything, below its cap', () => {
		const p = new CappedList<number>(3);
		p.add(1);
		expect([p.listed, p.count, p.unlisted, p.full]).toEqual([[1], 1, 0, false]);
	});

	it('refuses a cap that is not a whole number of at least 1, naming itself', () => {
		expect(() => new CappedList(0)).toThrow(
			/CappedList: the cap must be a whole number of at least 1, got 0/
		);
		expect(() => new CappedList(2.5)).toThrow(/got 2\.5/);
	});
});
