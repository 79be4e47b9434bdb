import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import BarsChart from './fixtures/BarsChart.svelte';
import type { Series } from '$lib/charts/types';

const rects = (container: HTMLElement, selector: string) =>
	[...container.querySelectorAll<SVGRectElement>(`${selector} rect`)].map((r) => ({
		series: r.dataset.series,
		x: Number(r.getAttribute('x')),
		y: Number(r.getAttribute('y')),
		width: Number(r.getAttribute('width')),
		height: Number(r.getAttribute('height')),
		title: r.querySelector('title')?.textContent ?? null
	}));

// Plot area 400 − 50 − 10 = 340 wide, 240 − 10 − 40 = 190 high; y 0–100 gives 1.9 px per unit.
const mainstream: Series = {
	id: 'mainstream',
	label: 'Mainstream',
	data: [
		{ x: 2021, y: 50 },
		{ x: 2022, y: 60 }
	]
};
const special: Series = {
	id: 'special',
	label: 'Special',
	data: [
		{ x: 2021, y: 30 },
		{ x: 2022, y: null }
	]
};

describe('Bars', () => {
	it('draws one bar per present value, growing from zero', async () => {
		const { container } = await render(BarsChart, { series: [mainstream], yDomain: [0, 100] });
		const bars = rects(container, '.bars');
		expect(bars).toHaveLength(2);
		expect(bars[0].height).toBeCloseTo(95, 6);
		expect(bars[0].y + bars[0].height).toBeCloseTo(190, 6);
		expect(bars[1].height).toBeCloseTo(114, 6);
	});

	it('sets grouped bars side by side within a category and leaves out missing values', async () => {
		const { container } = await render(BarsChart, {
			series: [mainstream, special],
			yDomain: [0, 100]
		});
		const bars = rects(container, '.bars');
		expect(bars.map((b) => b.series)).toEqual(['mainstream', 'mainstream', 'special']);
		const [m2021, , s2021] = bars;
		expect(s2021.x).toBeGreaterThanOrEqual(m2021.x + m2021.width);
		expect(s2021.width).toBeCloseTo(m2021.width, 6);
	});

	it('hangs negative values below the zero line', async () => {
		const { container } = await render(BarsChart, {
			series: [{ id: 'change', label: 'Change', data: [{ x: 2022, y: -20 }] }],
			yDomain: [-50, 50]
		});
		const [bar] = rects(container, '.bars');
		// Zero sits at 95 px; −20 reaches 38 px further down.
		expect(bar.y).toBeCloseTo(95, 6);
		expect(bar.height).toBeCloseTo(38, 6);
	});
});

describe('StackedBars', () => {
	it('stacks the series in order, the first at the bottom, to the category total', async () => {
		const { container } = await render(BarsChart, {
			series: [mainstream, special],
			stacked: true,
			yDomain: [0, 100]
		});
		const segs = rects(container, '.stacked-bars');
		expect(segs.map((s) => s.series)).toEqual(['mainstream', 'mainstream', 'special']);
		const [m2021, , s2021] = segs;
		expect(m2021.y + m2021.height).toBeCloseTo(190, 6);
		expect(s2021.y + s2021.height).toBeCloseTo(m2021.y, 6);
		expect(s2021.y).toBeCloseTo(190 - 80 * 1.9, 6);
	});

	it('draws no segment for a missing value and names each segment in its tooltip', async () => {
		const { container } = await render(BarsChart, {
			series: [mainstream, special],
			stacked: true,
			yDomain: [0, 100]
		});
		const titles = rects(container, '.stacked-bars').map((s) => s.title);
		expect(titles).toEqual(['Mainstream, 2021: 50', 'Mainstream, 2022: 60', 'Special, 2021: 30']);
	});
});
