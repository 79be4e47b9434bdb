import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import TornadoChart from './fixtures/TornadoChart.svelte';

/** Every tick label's box in the SVG's own coordinates, with its text. */
function labelBoxes(svg: SVGSVGElement, axis: 'x' | 'y') {
	const s = svg.getBoundingClientRect();
	return [...svg.querySelectorAll(`.axis-${axis} .tick text`)].map((t) => {
		const r = t.getBoundingClientRect();
		return { text: t.textContent ?? '', left: r.left - s.left, right: r.right - s.left, r };
	});
}

describe('axis labels (issue 11 item 10)', () => {
	it('wrap a long category label inside the chart instead of cutting it off', async () => {
		const data = [
			{ label: 'New plans', low: 25e6, high: 33e6 },
			{
				label: '“Improved commissioning practice including annual reviews” delivered',
				low: 27e6,
				high: 31e6
			},
			{ label: 'Safety Valve funding received (cumulative)', low: 28e6, high: 30e6 }
		];
		const { container } = await render(TornadoChart, { data, centre: 29e6, xDomain: [25e6, 33e6] });
		const svg = container.querySelector('svg')!;
		const labels = labelBoxes(svg, 'y');
		expect(labels.map((l) => l.text)).toEqual(data.map((d) => d.label));
		for (const l of labels) {
			expect(l.left, l.text).toBeGreaterThanOrEqual(0);
			expect(l.right, l.text).toBeLessThanOrEqual(120);
		}
		// The long one takes several lines.
		const long = svg.querySelectorAll('.axis-y .tick text')[1];
		expect(long.querySelectorAll('tspan').length).toBeGreaterThan(2);
	});

	it('never overlap along the value axis, the last value always labelled', async () => {
		// £8m over 220 px: a label a £1m would be 27.5 px apart, narrower than "£25m".
		const data = [{ label: 'New plans', low: 25e6, high: 33e6 }];
		const { container } = await render(TornadoChart, { data, centre: 29e6, xDomain: [25e6, 33e6] });
		const labels = labelBoxes(container.querySelector('svg')!, 'x');
		expect(labels.length).toBeGreaterThan(2);
		expect(labels.at(-1)!.text).toBe('£33m');
		for (let i = 1; i < labels.length; i++) {
			expect(labels[i].left, `${labels[i - 1].text} | ${labels[i].text}`).toBeGreaterThan(
				labels[i - 1].right
			);
		}
	});
});
