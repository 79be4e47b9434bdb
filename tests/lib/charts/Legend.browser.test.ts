import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import Legend from '$lib/charts/Legend.svelte';
import LegendFixture from './fixtures/LegendFixture.svelte';
import type { LegendItem } from '$lib/charts/types';

const items: LegendItem[] = [
	{ id: 'plan', label: 'SVA plan', colour: '#0072B2' },
	{ id: 'may', label: 'May projection', colour: '#E69F00', dash: '6 3' },
	{ id: 'p5p95', label: '5th–95th percentile', colour: '#0072B2', symbol: 'band' }
];

describe('Legend', () => {
	it('lists each series by name in a labelled list', async () => {
		await render(Legend, { items, label: 'Scenarios' });
		const list = page.getByRole('list', { name: 'Scenarios' });
		await expect.element(list).toBeInTheDocument();
		expect(
			list
				.getByRole('listitem')
				.elements()
				.map((li) => li.textContent?.trim())
		).toEqual(['SVA plan', 'May projection', '5th–95th percentile']);
		expect(list.getByRole('button').elements()).toHaveLength(0);
	});

	it('hides its swatches from assistive technology', async () => {
		const { container } = await render(Legend, { items });
		const swatches = [...container.querySelectorAll('svg.swatch')];
		expect(swatches).toHaveLength(3);
		expect(swatches.every((s) => s.getAttribute('aria-hidden') === 'true')).toBe(true);
	});

	it('shows and hides a series from the keyboard when toggleable', async () => {
		const ontoggle = vi.fn();
		await render(LegendFixture, { items, ontoggle });
		const may = page.getByRole('button', { name: 'May projection' });
		await expect.element(may).toHaveAttribute('aria-pressed', 'true');

		await userEvent.keyboard('{Tab}{Tab}');
		expect(document.activeElement).toBe(may.element());
		await userEvent.keyboard('{Enter}');
		await expect.element(may).toHaveAttribute('aria-pressed', 'false');
		await expect.element(page.getByTestId('hidden')).toHaveTextContent('may');
		expect(ontoggle).toHaveBeenLastCalledWith('may', false);

		await userEvent.keyboard(' ');
		await expect.element(may).toHaveAttribute('aria-pressed', 'true');
		await expect.element(page.getByTestId('hidden')).toHaveTextContent('');
		expect(ontoggle).toHaveBeenLastCalledWith('may', true);
	});
});
