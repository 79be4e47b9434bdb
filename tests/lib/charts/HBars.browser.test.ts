import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { markup } from './markup';
import TornadoChart from './fixtures/TornadoChart.svelte';

const data = [
	{ label: 'New plans', low: 25e6, high: 33e6 },
	{ label: 'Independent placements', low: 27e6, high: 31e6 },
	{ label: 'Unit cost inflation', low: null, high: 29.5e6 }
];

describe('HBars (tornado)', () => {
	it('draws the same SVG for the same data and size', async () => {
		const { container } = await render(TornadoChart, { data, centre: 29e6, xDomain: [25e6, 33e6] });
		expect(markup(container.querySelector('svg'))).toMatchSnapshot();
	});

	it('draws bars from the centre to the low and the high outcome of each input', async () => {
		const { container } = await render(TornadoChart, { data, centre: 29e6, xDomain: [25e6, 33e6] });
		// Plot area 400 − 120 − 60 = 220 wide for £8m: 27.5 px per £1m, centre at 110.
		const row = container.querySelector('[data-label="New plans"]');
		const low = row?.querySelector('rect.low');
		const high = row?.querySelector('rect.high');
		expect(low?.getAttribute('x')).toBe('0');
		expect(low?.getAttribute('width')).toBe('110');
		expect(high?.getAttribute('x')).toBe('110');
		expect(high?.getAttribute('width')).toBe('110');
		expect(container.querySelector('line.centre')?.getAttribute('x1')).toBe('110');
	});

	it('labels each bar end with its value, outside the bar', async () => {
		const { container } = await render(TornadoChart, { data, centre: 29e6, xDomain: [25e6, 33e6] });
		const texts = [...container.querySelectorAll('[data-label="Independent placements"] text')];
		expect(texts.map((t) => [t.textContent, t.getAttribute('text-anchor')])).toEqual([
			['£27.0m', 'end'],
			['£31.0m', 'start']
		]);
	});

	it('prints the placeholder for a missing outcome and draws no bar for it', async () => {
		const { container } = await render(TornadoChart, { data, centre: 29e6, xDomain: [25e6, 33e6] });
		const row = container.querySelector('[data-label="Unit cost inflation"]');
		expect(row?.querySelector('rect.low')).toBeNull();
		expect(row?.querySelector('text.low')?.textContent).toBe('–');
		expect(row?.querySelector('text.high')?.textContent).toBe('£29.5m');
	});

	it('lists the inputs down the y axis in the given order', async () => {
		const { container } = await render(TornadoChart, { data, centre: 29e6, xDomain: [25e6, 33e6] });
		const labels = [...container.querySelectorAll('.axis-y .tick text')].map((t) => t.textContent);
		expect(labels).toEqual(['New plans', 'Independent placements', 'Unit cost inflation']);
	});
});
