import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import DeficitChart from './fixtures/DeficitChart.svelte';

const years = ['2021/22', '2022/23', '2023/24', '2024/25', '2025/26'];
const series = (ys: (number | null | undefined)[]) => ys.map((y, i) => ({ x: years[i], y }));

async function linePath(ys: (number | null | undefined)[]) {
	const { container } = await render(DeficitChart, { years, line: series(ys), band: [] });
	return {
		d: container.querySelector('.line path')?.getAttribute('d') ?? null,
		dots: container.querySelectorAll('.line circle.isolated').length
	};
}

const segments = (d: string | null) => (d ?? '').match(/M/g)?.length ?? 0;

describe('Line', () => {
	it('draws present values as one unbroken line', async () => {
		const { d } = await linePath([21e6, 22e6, 23e6, 24e6, 25e6]);
		expect(segments(d)).toBe(1);
		expect(d?.match(/L/g)).toHaveLength(4);
	});

	it('breaks the line into two segments at a null value', async () => {
		const { d, dots } = await linePath([21e6, 22e6, null, 24e6, 25e6]);
		expect(segments(d)).toBe(2);
		expect(dots).toBe(0);
	});

	it('treats NaN and undefined as missing too', async () => {
		expect(segments((await linePath([21e6, 22e6, Number.NaN, 24e6, 25e6])).d)).toBe(2);
		expect(segments((await linePath([21e6, 22e6, undefined, 24e6, 25e6])).d)).toBe(2);
	});

	it('draws a value with no present neighbour as a dot', async () => {
		const { dots } = await linePath([21e6, null, 23e6, null, 25e6]);
		expect(dots).toBe(3);
	});

	it('draws nothing for a series with no present value', async () => {
		const { d, dots } = await linePath([null, null, null, null, null]);
		expect(d).toBeNull();
		expect(dots).toBe(0);
	});

	it('leaves out an x that is not in the domain rather than drawing it at zero', async () => {
		const { container } = await render(DeficitChart, {
			years,
			line: [
				{ x: years[0], y: 21e6 },
				{ x: years[1], y: 22e6 },
				{ x: '1999/00', y: 23e6 },
				{ x: years[3], y: 24e6 },
				{ x: years[4], y: 25e6 }
			],
			band: []
		});
		const d = container.querySelector('.line path')?.getAttribute('d');
		expect(segments(d ?? null)).toBe(2);
	});
});

describe('Band', () => {
	it('breaks where either bound is missing', async () => {
		const { container } = await render(DeficitChart, {
			years,
			band: [
				{ x: years[0], low: 21e6, high: 22e6 },
				{ x: years[1], low: 21e6, high: 23e6 },
				{ x: years[2], low: null, high: 24e6 },
				{ x: years[3], low: 22e6, high: 25e6 },
				{ x: years[4], low: 22e6, high: 26e6 }
			]
		});
		const d = container.querySelector('.band path')?.getAttribute('d');
		expect(segments(d ?? null)).toBe(2);
	});
});
