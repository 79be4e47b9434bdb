/**
 * Entering a savings line's timing and its actual savings by quarter (docs/model.md §3.5).
 */
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import type { SavingsLine } from '$lib/model/dataset';
import { assumption } from '$lib/model/provenance';
import { isActualSource } from '$lib/model/actuals';
import SavingsQuarters from '$lib/ui/data/SavingsQuarters.svelte';

const line: SavingsLine = {
	id: 'post_16_offer',
	name: 'Post-16 offer',
	targets: { '2021/22': assumption(120_000, 't') },
	delivery: { '2021/22': assumption(1, 'd') },
	structuralLeverId: null
};

async function fill(label: string, text: string) {
	const input = page.getByRole('textbox', { name: label });
	await userEvent.clear(input);
	await userEvent.fill(input, text);
	await userEvent.tab();
}

describe('SavingsQuarters', () => {
	it('records an actual £ for a quarter as an actual, and removes it when cleared', async () => {
		const changes: SavingsLine[] = [];
		await render(SavingsQuarters, {
			line,
			years: ['2021/22', '2022/23'],
			onchange: (next: SavingsLine) => changes.push(next)
		});
		await fill('Post-16 offer: actual savings delivered in Q2 (Jul–Sep), 2021/22 (£)', '£24,500');
		expect(changes.at(-1)!.actuals!['2021-Q2'].value).toBe(24_500);
		expect(isActualSource(changes.at(-1)!.actuals!['2021-Q2'].source)).toBe(true);
		await fill('Post-16 offer: actual savings delivered in Q2 (Jul–Sep), 2021/22 (£)', '');
		expect(changes.at(-1)!.actuals).toBeUndefined();
	});

	it('refuses an amount it cannot read, saying what it expected', async () => {
		const changes: SavingsLine[] = [];
		await render(SavingsQuarters, {
			line,
			years: ['2021/22'],
			onchange: (next: SavingsLine) => changes.push(next)
		});
		await fill('Post-16 offer: actual savings delivered in Q1 (Apr–Jun), 2021/22 (£)', 'lots');
		await expect.element(page.getByText('Expected an amount of £0 or more.')).toBeVisible();
		expect(changes).toHaveLength(0);
	});

	it('keeps a timing only once the four quarters add up to 100%', async () => {
		const changes: SavingsLine[] = [];
		await render(SavingsQuarters, {
			line,
			years: ['2021/22'],
			onchange: (next: SavingsLine) => changes.push(next)
		});
		const share = (q: string) => `Post-16 offer: share of the year’s savings in ${q}`;
		await fill(share('Q1 (Apr–Jun)'), '0%');
		await expect.element(page.getByRole('alert')).toHaveTextContent(/add up to 1 \(100%\)/);
		expect(changes).toHaveLength(0);
		await fill(share('Q4 (Jan–Mar)'), '50%');
		expect(changes.at(-1)!.quarterShares).toEqual([0, 0.25, 0.25, 0.5]);
	});
});
