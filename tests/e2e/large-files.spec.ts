/**
 * Big but valid files work or are refused up front (issue 13): a KPI actuals CSV of 200,000 rows
 * is refused with a message within 2 s (it froze the tab for 94 s at 540,000 rows, drawing every
 * row); one within the cap previews a page of rows with a count and paging, within 2 s; witan.send
 * inputs with 200,000 transitions rows import (they overflowed the call stack past ~125,000). The
 * files are made by the test.
 */
import { expect, test, type Page } from '@playwright/test';
import { files } from '../fixtures/witan-model/inputs';
import { largeInputs } from '../fixtures/witan-model/large';
import { watch } from './helpers';

/** The references of the KPIs in the page's KPI table. */
async function kpiRefs(page: Page): Promise<string[]> {
	const rows = page.getByTestId('kpi-table').locator('tr[data-kpi]');
	await expect(rows.first()).toBeVisible({ timeout: 20_000 });
	return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kpi')!));
}

/**
 * A KPI actuals CSV of `rows` rows: each KPI in turn, months and quarters from 2015, each value
 * 1 (a count, £1, or 100% as a fraction: valid in every unit).
 */
function kpiCsv(refs: string[], rows: number): Buffer {
	const lines = ['ref,period,value'];
	for (let i = 0; lines.length <= rows; i++) {
		const p = Math.floor(i / refs.length);
		const [year, j] = [2015 + Math.floor(p / 16), p % 16];
		const period = j < 12 ? `${year}-${String(j + 1).padStart(2, '0')}` : `${year}-Q${j - 11}`;
		lines.push(`${refs[i % refs.length]},${period},1`);
	}
	return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

/**
 * Waits for the page to settle (no long main-thread task for 1 s, at most 20 s: the projections
 * and simulations a page starts on load are not the import's), then records the long tasks (ms)
 * from now on, for the figures in a failure.
 */
async function settleThenRecordLongTasks(page: Page): Promise<() => Promise<number[]>> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const w = window as unknown as { __longTasks: number[] };
				w.__longTasks = [];
				let last = performance.now();
				let settled = false;
				new PerformanceObserver((list) => {
					for (const e of list.getEntries()) {
						last = performance.now();
						if (settled) w.__longTasks.push(Math.round(e.duration));
					}
				}).observe({ type: 'longtask', buffered: true });
				const start = performance.now();
				const tick = () => {
					const now = performance.now();
					if (now - last > 1000 || now - start > 20_000) {
						settled = true;
						resolve();
					} else setTimeout(tick, 100);
				};
				tick();
			})
	);
	return () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}

/**
 * Times, in the page, from the moment the file input reports the chosen file (its `change`
 * event: what a user's pick triggers) to the moment `selector` is on the page. Playwright's own
 * delivery of the file (it builds the File in the page from base64) comes before the event and is
 * not the app's. Returns a reader of the milliseconds (null until both happened).
 */
async function timeFromPick(page: Page, selector: string): Promise<() => Promise<number | null>> {
	await page.getByTestId('actuals-file').evaluate((input, sel) => {
		const w = window as unknown as { __picked?: number; __shown?: number };
		delete w.__picked;
		delete w.__shown;
		input.addEventListener('change', () => (w.__picked = performance.now()), {
			capture: true,
			once: true
		});
		const seen = new MutationObserver(() => {
			if (w.__picked !== undefined && document.querySelector(sel)) {
				w.__shown = performance.now();
				seen.disconnect();
			}
		});
		seen.observe(document.body, { childList: true, subtree: true, characterData: true });
	}, selector);
	return () =>
		page.evaluate(() => {
			const w = window as unknown as { __picked?: number; __shown?: number };
			return w.__picked === undefined || w.__shown === undefined
				? null
				: Math.round(w.__shown - w.__picked);
		});
}

test.describe('large files', () => {
	test('a KPI actuals CSV of 200,000 rows is refused with a message within 2 s', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/monitoring/');
		const kpiRow = page.getByTestId('kpi-table').locator('tr[data-kpi="1"]');
		await expect(kpiRow).toContainText('1,447', { timeout: 20_000 });
		const buffer = kpiCsv(await kpiRefs(page), 200_000);
		const longTasks = await settleThenRecordLongTasks(page);
		const elapsed = await timeFromPick(page, '[data-testid="actuals-errors"]');
		const started = Date.now();
		await page
			.getByTestId('actuals-file')
			.setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer });
		const errors = page.getByTestId('actuals-errors');
		await expect(errors).toContainText('huge.csv was not imported; nothing has changed');
		const wall = (Date.now() - started) / 1000;
		await expect(errors).toContainText(
			'huge.csv: expected at most 20,000 rows of data, got 200,000 (split the file, or keep the rows you need)'
		);
		const ms = await elapsed();
		const figures = `refused ${ms} ms after the pick (${wall} s with Playwright's delivery); long tasks ${await longTasks()}`;
		console.log(figures);
		expect(ms, figures).not.toBeNull();
		expect(ms!, figures).toBeLessThan(2000);
		await expect(page.getByTestId('actuals-preview')).toHaveCount(0);
		await expect(kpiRow).toContainText('1,447');
		expect(w.errors).toEqual([]);
	});

	test('a KPI actuals CSV within the cap previews a page of 100 rows within 2 s, pages and imports', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/monitoring/');
		const buffer = kpiCsv(await kpiRefs(page), 5_000);
		const longTasks = await settleThenRecordLongTasks(page);
		const elapsed = await timeFromPick(page, '[data-testid="actuals-preview"]');
		const started = Date.now();
		await page
			.getByTestId('actuals-file')
			.setInputFiles({ name: 'years.csv', mimeType: 'text/csv', buffer });
		const preview = page.getByTestId('actuals-preview');
		await expect(preview.locator('caption')).toContainText('Preview: 5,000 actuals from years.csv');
		const wall = (Date.now() - started) / 1000;
		const ms = await elapsed();
		const figures = `previewed ${ms} ms after the pick (${wall} s with Playwright's delivery); long tasks ${await longTasks()}`;
		console.log(figures);
		expect(ms, figures).not.toBeNull();
		expect(ms!, figures).toBeLessThan(2000);
		await expect(preview.locator('tbody tr')).toHaveCount(100);
		await expect(preview.locator('caption')).toContainText('rows 1–100');
		await expect(page.getByTestId('actuals-page')).toHaveText('Page 1 of 50');
		await expect(preview.locator('tbody tr').first().locator('td').first()).toHaveText('2');

		await page.getByRole('button', { name: 'Next 100' }).click();
		await expect(page.getByTestId('actuals-page')).toHaveText('Page 2 of 50');
		await expect(preview.locator('tbody tr').first().locator('td').first()).toHaveText('102');
		await page.getByRole('button', { name: 'Previous 100' }).click();
		await expect(page.getByTestId('actuals-page')).toHaveText('Page 1 of 50');

		await page.getByRole('button', { name: 'Import 5,000 actuals' }).click();
		await expect(page.getByText('Imported 5000 actuals from years.csv.')).toBeVisible();
		await expect(preview).toHaveCount(0);
		expect(w.errors).toEqual([]);
	});

	test('a KPI actuals CSV that is not UTF-8 is refused, naming the line and byte', async ({
		page
	}) => {
		await page.goto('/monitoring/');
		const bytes = Buffer.concat([
			Buffer.from('ref,period,value\n14,2021-Q2,', 'utf8'),
			Buffer.from([0xa3]), // "£" in Windows-1252
			Buffer.from('27950000\n', 'utf8')
		]);
		await page
			.getByTestId('actuals-file')
			.setInputFiles({ name: 'ansi.csv', mimeType: 'text/csv', buffer: bytes });
		await expect(page.getByTestId('actuals-errors')).toContainText(
			'ansi.csv, row 2: expected UTF-8 text (save it as "CSV UTF-8" or with UTF-8 encoding), got a byte that is not UTF-8 (0xA3 at byte 29)'
		);
	});

	test('witan.send inputs with 200,000 transitions rows import as a dataset', async ({
		page,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/data/');
		await expect(page.getByTestId('witan-files')).toBeVisible({ timeout: 20_000 });
		await page.getByTestId('witan-input-files').setInputFiles(
			files(largeInputs(200_000)).map((f) => ({
				name: f.name,
				mimeType: 'text/csv',
				buffer: Buffer.from(f.text, 'utf8')
			}))
		);
		await expect(page.getByTestId('witan-imported')).toContainText(
			'200,000 transitions, base January 2021, projected to January 2025',
			{ timeout: 90_000 }
		);
		await expect(page.getByTestId('witan-import-problem')).toHaveCount(0);
		expect(w.errors).toEqual([]);
	});
});
