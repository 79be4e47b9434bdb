import { describe, expect, it } from 'vitest';
import { MAX_SHOWN, shownIds, shownNote, toggleShown } from '$lib/state/shown';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);

describe('the scenarios a chart shows at once', () => {
	it('shows the first eight of thousands by default, and all of a few', () => {
		expect(shownIds(ids(3000), null)).toEqual(ids(MAX_SHOWN));
		expect(shownIds(ids(3), null)).toEqual(ids(3));
	});

	it('keeps the chosen ones that still exist, in the dataset’s order, at most eight', () => {
		expect(shownIds(ids(5), ['s3', 'gone', 's1'])).toEqual(['s1', 's3']);
		expect(shownIds(ids(3000), ids(3000).reverse())).toEqual(ids(MAX_SHOWN));
	});

	it('adds a ticked one until eight are shown, then adds no more', () => {
		expect(toggleShown(['s0'], 's1', true)).toEqual(['s0', 's1']);
		expect(toggleShown(ids(MAX_SHOWN), 'more', true)).toEqual(ids(MAX_SHOWN));
		expect(toggleShown(['s0', 's1'], 's0', false)).toEqual(['s1']);
	});

	it('says how many are shown only when some are not', () => {
		expect(shownNote(3, 3)).toBeNull();
		expect(shownNote(8, 3000)).toBe(
			'Showing 8 of 3,000 scenarios; at most 8 at once: untick one to show another.'
		);
		expect(shownNote(2, 10)).toBe('Showing 2 of 10 scenarios.');
	});
});
