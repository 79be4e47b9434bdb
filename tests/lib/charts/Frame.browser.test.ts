import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { markup } from './markup';
import { page } from 'vitest/browser';
import { createRawSnippet } from 'svelte';
import Frame from '$lib/charts/Frame.svelte';
import DeficitChart from './fixtures/DeficitChart.svelte';
import ResponsiveChart from './fixtures/ResponsiveChart.svelte';

function svgOf(container: HTMLElement): SVGSVGElement {
	const svg = container.querySelector('svg');
	if (!svg) throw new Error('no <svg> rendered');
	return svg;
}

describe('Frame with Band, Line, RuleY and axes', () => {
	it('draws the same SVG for the same data and size', async () => {
		const { container } = await render(DeficitChart);
		expect(markup(svgOf(container))).toMatchSnapshot();
	});

	it('draws the expected line, band and cap through the point scale', async () => {
		const { container } = await render(DeficitChart);
		const svg = svgOf(container);
		// Plot area 400 − 72 − 16 = 312 wide, 4 points padded by half a step: step 78, first at 39.
		// y domain 20m–32m over 240 − 16 − 48 = 176 px.
		// y(v) = 176 − (v − 20m) / 12m × 176, e.g. y(24.401m) = 111.452.
		expect(svg.querySelector('.line path')?.getAttribute('d')).toBe(
			'M39,111.452L117,86.533L195,60.133L273,39.6'
		);
		expect(svg.querySelector('.band path')?.getAttribute('d')).toMatch(/^M39,.*Z$/);
		const rule = svg.querySelector('.rule-y');
		// 176 − 8.607 / 12 × 176
		expect(rule?.getAttribute('transform')).toBe('translate(0,49.764)');
		expect(rule?.textContent).toBe('Cap');
	});

	it('labels both axes and formats the y ticks', async () => {
		const { container } = await render(DeficitChart);
		const svg = svgOf(container);
		expect(svg.querySelector('.axis-label-x')?.textContent).toBe('Financial year');
		expect(svg.querySelector('.axis-label-y')?.textContent).toBe('Cumulative deficit');
		const xTicks = [...svg.querySelectorAll('.axis-x .tick text')].map((t) => t.textContent);
		expect(xTicks).toEqual(['2021/22', '2022/23', '2023/24', '2024/25']);
		const yTicks = [...svg.querySelectorAll('.axis-y .tick text')].map((t) => t.textContent);
		expect(yTicks).toEqual(['£20m', '£22m', '£24m', '£26m', '£28m', '£30m', '£32m']);
	});

	it('is an image named by its title and described by its desc via aria-labelledby', async () => {
		const { container } = await render(DeficitChart);
		const svg = svgOf(container);
		expect(svg.getAttribute('role')).toBe('img');
		const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
		expect(ids).toHaveLength(2);
		const [title, desc] = ids.map((id) => document.getElementById(id));
		expect(title?.localName).toBe('title');
		expect(title?.textContent).toBe('Cumulative deficit against the cap');
		expect(desc?.localName).toBe('desc');
		expect(desc?.textContent).toMatch(/^Projected cumulative DSG deficit/);
		expect(title?.parentElement).toBe(svg);
		await expect
			.element(page.getByRole('img', { name: /^Cumulative deficit against the cap/ }))
			.toBeInTheDocument();
	});

	it('is named by its title alone when it has no description', async () => {
		const { container } = await render(DeficitChart, { description: '' });
		const svg = svgOf(container);
		expect(svg.getAttribute('aria-labelledby')).toBe('deficit-title');
		expect(svg.querySelector('desc')).toBeNull();
	});

	it('moves a layer when its data changes', async () => {
		const { container, rerender } = await render(DeficitChart);
		const before = svgOf(container).querySelector('.rule-y')?.getAttribute('transform');
		await rerender({ cap: 30_000_000 });
		const after = svgOf(container).querySelector('.rule-y')?.getAttribute('transform');
		expect(after).not.toBe(before);
		expect(after).toBe('translate(0,29.333)');
	});

	it('rescales every layer when the x domain changes', async () => {
		const { container, rerender } = await render(DeficitChart, { band: [] });
		const d = () => svgOf(container).querySelector('.line path')?.getAttribute('d');
		expect(d()).toMatch(/^M39,/);
		await rerender({ years: ['2021/22', '2022/23', '2023/24', '2024/25', '2025/26'] });
		// Five points over 312 px: a step of 62.4, the first half a step in.
		expect(d()).toMatch(/^M31\.2,111\.452L93\.6,/);
		expect(svgOf(container).querySelectorAll('.axis-x .tick')).toHaveLength(5);
	});

	it('refuses to draw a chart without a title', async () => {
		const children = createRawSnippet(() => ({ render: () => '<g></g>' }));
		await expect(
			render(Frame, { title: ' ', xDomain: ['a'], yDomain: [0, 1], children })
		).rejects.toThrow('Frame: title is required');
	});

	it('draws no cap when the cap is missing or off the scale', async () => {
		const { container, rerender } = await render(DeficitChart, { cap: null });
		expect(svgOf(container).querySelector('.rule-y')).toBeNull();
		await rerender({ cap: 40_000_000 });
		expect(svgOf(container).querySelector('.rule-y')).toBeNull();
	});

	it('takes the width of its container when given none', async () => {
		const { container, rerender } = await render(ResponsiveChart, { containerWidth: 500 });
		const svg = svgOf(container);
		await expect.poll(() => svg.getAttribute('width')).toBe('500');
		// Default margins 72 + 16.
		expect(svg.querySelector('.probe')?.getAttribute('width')).toBe('412');
		await rerender({ containerWidth: 300 });
		await expect.poll(() => svg.getAttribute('width')).toBe('300');
	});
});
