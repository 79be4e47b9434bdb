import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import DataTable from '$lib/charts/DataTable.svelte';
import { formatMillions } from '$lib/model/format';
import type { Series } from '$lib/charts/types';

const series: Series[] = [
	{
		id: 'plan',
		label: 'SVA plan',
		data: [
			{ x: '2021/22', y: 25_125_000 },
			{ x: '2022/23', y: 26_000_000 },
			{ x: '2023/24', y: 26_500_000 }
		]
	},
	{
		id: 'may',
		label: 'May projection',
		data: [
			{ x: '2021/22', y: 24_401_000 },
			{ x: '2022/23', y: null },
			{ x: '2023/24', y: -400 }
		]
	}
];

const cells = (table: HTMLTableElement) =>
	[...table.rows].map((r) => [...r.cells].map((c) => c.textContent?.trim()));

describe('DataTable', () => {
	it('shows every value of every series, one row per x and one column per series', async () => {
		const { container } = await render(DataTable, {
			caption: 'Cumulative deficit',
			xLabel: 'Financial year',
			series,
			format: (v) => formatMillions(v)
		});
		const table = container.querySelector('table')!;
		expect(cells(table)).toEqual([
			['Financial year', 'SVA plan', 'May projection'],
			['2021/22', '£25.125m', '£24.401m'],
			['2022/23', '£26.000m', '–'],
			['2023/24', '£26.500m', '£0.000m']
		]);
	});

	it('has a caption and scoped column and row headers', async () => {
		const { container } = await render(DataTable, {
			caption: 'Cumulative deficit',
			xLabel: 'Financial year',
			series
		});
		const table = container.querySelector('table')!;
		expect(table.caption?.textContent).toBe('Cumulative deficit');
		const colHeaders = [...table.querySelectorAll('thead th')];
		expect(colHeaders.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
		const rowHeaders = [...table.querySelectorAll('tbody th')];
		expect(rowHeaders).toHaveLength(3);
		expect(rowHeaders.every((th) => th.getAttribute('scope') === 'row')).toBe(true);
		await expect
			.element(page.getByRole('table', { name: 'Cumulative deficit' }))
			.toBeInTheDocument();
	});

	it('prints missing values with the default formatter as an en dash, never zero', async () => {
		const { container } = await render(DataTable, { caption: 'c', xLabel: 'x', series });
		expect(cells(container.querySelector('table')!)[2]).toEqual(['2022/23', '26,000,000', '–']);
	});

	it('follows the given row order and shows a row for an x no series has', async () => {
		const { container } = await render(DataTable, {
			caption: 'c',
			xLabel: 'Financial year',
			series,
			xValues: ['2023/24', '2024/25']
		});
		const rows = cells(container.querySelector('table')!).slice(1);
		expect(rows).toEqual([
			['2023/24', '26,500,000', '−400'],
			['2024/25', '–', '–']
		]);
	});

	it('wraps itself in a details element when given a summary', async () => {
		const { container } = await render(DataTable, {
			caption: 'c',
			xLabel: 'x',
			series,
			summary: 'Show data table'
		});
		const details = container.querySelector('details');
		expect(details?.querySelector('summary')?.textContent).toBe('Show data table');
		expect(details?.open).toBe(false);
		expect(details?.querySelector('table')).not.toBeNull();
	});
});
