/**
 * The Report's savings tracker (docs/model.md §3.5) on Kingston's May 2021 projection, with one
 * quarter's actual recorded: targets and expected delivery by quarter, the actual and its variance.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import { kingstonDataset } from '$lib/data/kingston';
import { MAY_PROJECTION, kingstonScenarios } from '$lib/data/kingston-scenarios';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { imported } from '$lib/model/provenance';
import { savingsTracker } from '$lib/state/savings-tracker';
import SavingsTracker from '$lib/ui/report/SavingsTracker.svelte';

const dataset = kingstonDataset();
const post16 = dataset.finance.savings.find((l) => l.id === 'post_16_offer')!;
post16.actuals = { '2021-Q1': imported(24_000, 'actual: test') };
const result = runExpected(
	prepareDataset(dataset),
	kingstonScenarios().find((s) => s.name === MAY_PROJECTION)!
);
const tracker = savingsTracker(dataset.finance.savings, result);

const rowText = (tbody: Element, measure: string) =>
	[...tbody.querySelectorAll('tr')]
		.find((tr) => tr.querySelector('th.measure')?.textContent === measure)!
		.querySelectorAll('td');

describe('SavingsTracker', () => {
	it('shows each line’s target, expected, actual and variance by quarter and for the year', async () => {
		const { container } = await render(SavingsTracker, {
			tracker,
			year: '2021/22',
			authority: dataset.authority.name
		});
		const line = container.querySelector('tbody[data-line="post_16_offer"]')!;
		expect(line.querySelector('th')!.textContent).toContain('Development of post 16 offer');
		// £120,000 a year, evenly: £30,000 a quarter.
		expect([...rowText(line, 'Target')].map((td) => td.textContent)).toEqual([
			'£30,000',
			'£30,000',
			'£30,000',
			'£30,000',
			'£120,000'
		]);
		expect([...rowText(line, 'Actual')].map((td) => td.textContent)).toEqual([
			'£24,000',
			'–',
			'–',
			'–',
			'£24,000'
		]);
		expect([...rowText(line, 'Variance')].map((td) => td.textContent)).toEqual([
			'−£6,000',
			'–',
			'–',
			'–',
			'−£6,000'
		]);
		const all = container.querySelector('tbody[data-line="all"]')!;
		const total = dataset.finance.savings.reduce((a, l) => a + l.targets['2021/22'].value, 0);
		expect(rowText(all, 'Target')[4].textContent).toBe(`£${total.toLocaleString('en-GB')}`);
	});

	it('switches to another financial year, where nothing is recorded', async () => {
		const { container } = await render(SavingsTracker, {
			tracker,
			year: '2021/22',
			authority: dataset.authority.name
		});
		await userEvent.selectOptions(
			page.getByRole('combobox', { name: 'Financial year' }),
			'2022/23'
		);
		await expect.element(page.getByText('Savings by quarter, 2022/23 (£)')).toBeVisible();
		expect(container.querySelector('[data-testid="no-savings-actuals"]')!.textContent).toContain(
			'2022/23'
		);
	});
});
