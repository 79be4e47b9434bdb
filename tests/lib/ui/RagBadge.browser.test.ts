import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import RagBadge from '$lib/ui/RagBadge.svelte';

/** axe's violations inside an element, as "rule: html" lines. */
async function violations(element: Element): Promise<string[]> {
	const { violations } = await axe.run(element, { resultTypes: ['violations'] });
	return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`));
}

describe('RagBadge', () => {
	for (const rating of ['R', 'A', 'G', null] as const) {
		it(`writes the rating ${rating ?? '(none)'} in words, not by colour alone, with no axe violation`, async () => {
			const { container } = await render(RagBadge, { rating });
			const badge = container.querySelector('[data-rag]')!;
			const words = { R: 'Red', A: 'Amber', G: 'Green' } as const;
			expect(badge.textContent).toBe(`${rating ?? '–'} ${rating ? words[rating] : 'Not rated'}`);
			expect(await violations(container)).toEqual([]);
		});
	}

	it('says in words that a rating was overridden, and what the rule suggested', async () => {
		const { container } = await render(RagBadge, {
			rating: 'G',
			overridden: true,
			suggested: 'A'
		});
		const badge = container.querySelector('[data-rag]')!;
		expect(badge.textContent).toBe('G Green* (overridden; the rule suggests Amber)');
		// The asterisk is for the eye only; the words say it.
		expect(badge.querySelector('.override')?.getAttribute('aria-hidden')).toBe('true');
		expect(await violations(container)).toEqual([]);
	});
});
