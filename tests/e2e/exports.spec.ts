import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { watch } from './helpers';

/**
 * Exports and KPI tracking from the browser: tables as CSV and XLSX (the XLSX library loaded
 * only then), charts as SVG and PNG, the long CSV and the DSG grid, formula injection
 * neutralised; KPI actuals entered, imported and rated, overrides with a comment.
 */

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
	const [d]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
	return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

const text = (bytes: Buffer) => bytes.toString('utf8').replace(/^\uFEFF/, '');

async function workbook(bytes: Buffer) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes as unknown as ArrayBuffer);
	return wb;
}

const DATE = '\\d{4}-\\d{2}-\\d{2}';

test.describe('exports', () => {
	test('the monitoring table downloads as CSV and as an XLSX file that opens with the figures', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		const scripts: string[] = [];
		page.on('response', (r) => {
			if (r.request().resourceType() === 'script') scripts.push(r.url());
		});
		await page.goto('/monitoring/');
		const menu = page.getByRole('group', { name: 'Export Financial model monitoring 2021/22' });
		const csv = await download(page, menu.getByRole('button', { name: /as CSV/ }));
		expect(csv.name).toMatch(
			new RegExp(`^kingston-upon-thames_financial-model-monitoring-2021-22_${DATE}\\.csv$`)
		);
		const lines = text(csv.bytes).split('\n');
		expect(lines[0]).toBe(
			'Line,SVA financial model 2021/22 (£m),May 2021 projection (£m),Variance (£m),RAG'
		);
		expect(lines).toContain(
			'Net DSG deficit - cumulative before safety valve,28.607,27.886,-0.721,G'
		);

		const before = scripts.length;
		const xlsx = await download(page, menu.getByRole('button', { name: /as XLSX/ }));
		expect(xlsx.name).toMatch(/\.xlsx$/);
		// The spreadsheet library came as chunks of its own, fetched only now.
		expect(scripts.length).toBeGreaterThan(before);
		const ws = (await workbook(xlsx.bytes)).worksheets[0];
		let found = false;
		ws.eachRow((r) => {
			if (r.getCell(1).value === 'Net DSG deficit - cumulative before safety valve') {
				found = true;
				expect([
					r.getCell(2).value,
					r.getCell(3).value,
					r.getCell(4).value,
					r.getCell(5).value
				]).toEqual([28.607, 27.886, -0.721, 'G']);
				expect(r.getCell(4).type).toBe(ExcelJS.ValueType.Number);
			}
		});
		expect(found).toBe(true);
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('the dashboard’s and Compare’s deficit charts download too, with the simulated band once it is drawn', async ({
		page
	}) => {
		await page.goto('/');
		const menu = page.getByRole('group', { name: 'Export Deficit against cap' });
		await expect(page.getByTestId('simulation-status').first()).toContainText('simulations', {
			timeout: 60_000
		});
		await expect(page.locator('g.band path').first()).toBeAttached({ timeout: 60_000 });
		const csv = await download(page, menu.getByRole('button', { name: /as CSV/ }));
		expect(csv.name).toMatch(
			new RegExp(`^kingston-upon-thames_deficit-against-cap_${DATE}\\.csv$`)
		);
		const [head, first] = text(csv.bytes).split('\n');
		// Each scenario's column (in the chart's order) is followed by its p5 and p95.
		const columns = head.split(',');
		expect(columns[0]).toBe('Financial year');
		expect(columns.at(-1)).toBe('Cap (maximum cumulative deficit)');
		const names = ['SVA financial model 2021/22', 'May 2021 projection', 'Baseline (trend)'];
		expect(columns).toHaveLength(2 + 3 * names.length);
		for (const name of names) {
			const at = columns.indexOf(name);
			expect(columns.slice(at, at + 3)).toEqual([name, `${name} p5`, `${name} p95`]);
		}
		expect(first.split(',')[0]).toBe('2021/22');
		const svg = await download(page, menu.getByRole('button', { name: /as SVG/ }));
		expect(text(svg.bytes)).toContain('Cumulative DSG deficit before Safety Valve funding');

		await page.goto('/compare/');
		const compared = page.getByRole('group', { name: 'Export Deficit against cap compared' });
		const compareCsv = await download(page, compared.getByRole('button', { name: /as CSV/ }));
		expect(compareCsv.name).toMatch(/deficit-against-cap-compared/);
		expect(text(compareCsv.bytes).split('\n')[0]).toMatch(
			/^Financial year,.+,Cap \(maximum cumulative deficit\)$/
		);
	});

	test('a scenario’s own deficit chart downloads with its parent and its band', async ({
		page
	}) => {
		await page.goto('/scenarios/edit/?id=baseline-trend');
		// Once simulated, the band is drawn and goes into the table.
		await expect(
			page.locator('g.scenario-band[data-scenario-id="baseline-trend"] path').first()
		).toBeAttached({
			timeout: 60_000
		});
		const menu = page.getByRole('group', { name: 'Export Deficit against cap Baseline (trend)' });
		const csv = await download(page, menu.getByRole('button', { name: /as CSV/ }));
		expect(csv.name).toMatch(/^kingston-upon-thames_deficit-against-cap-baseline-trend_.+\.csv$/);
		const columns = text(csv.bytes).split('\n')[0].split(',');
		expect(columns.slice(0, 4)).toEqual([
			'Financial year',
			'Baseline (trend)',
			'Baseline (trend) p5',
			'Baseline (trend) p95'
		]);
		expect(columns.at(-1)).toBe('Cap (maximum cumulative deficit)');
	});

	test('the report’s chart downloads as SVG and PNG, and its data as CSV', async ({ page }) => {
		await page.goto('/report/');
		const menu = page.getByRole('group', { name: 'Export Deficit against cap' });
		await page
			.getByRole('img', { name: /Cumulative DSG deficit/ })
			.locator('path')
			.first()
			.waitFor({ state: 'attached' });
		const svg = await download(page, menu.getByRole('button', { name: /as SVG/ }));
		expect(svg.name).toMatch(
			new RegExp(`^kingston-upon-thames_deficit-against-cap_${DATE}\\.svg$`)
		);
		expect(text(svg.bytes)).toMatch(
			/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/
		);
		expect(text(svg.bytes)).toContain('Cumulative DSG deficit before Safety Valve funding');
		// The file stands alone: title, authority and units, the legend, the cap's label and the
		// source line are SVG text in it (issue 11 item 5).
		const doc = text(svg.bytes);
		const texts = [...doc.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
		const chart = page.getByRole('img', { name: /Cumulative DSG deficit/ });
		const legend = await chart
			.locator('xpath=ancestor::figure[1]')
			.getByRole('list', { name: 'Series' })
			.locator('li')
			.allTextContents();
		expect(legend.length).toBeGreaterThan(2);
		for (const label of legend) expect(texts).toContain(label.trim().replace(/&/g, '&amp;'));
		expect(texts.some((t) => t.startsWith('Cumulative DSG deficit before Safety Valve'))).toBe(
			true
		);
		expect(texts).toContain('Kingston upon Thames · £ million');
		// Kingston's cap changes by year: its label names the year of the value shown.
		expect(texts.some((t) => /^Cap \d{4}\/\d{2}$/.test(t))).toBe(true);
		expect(texts.some((t) => /^£\d+\.\dm$/.test(t))).toBe(true);
		expect(
			texts.some((t) => /^Source: SEND Workbench, .+, data as at \d{1,2} \w+ \d{4}$/.test(t))
		).toBe(true);
		const png = await download(page, menu.getByRole('button', { name: /as PNG/ }));
		expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		// The PNG is drawn at twice the chart's size, and taller than the chart alone: the title,
		// legend and source are in it too.
		const box = await chart.evaluate((el) => ({
			width: Number(el.getAttribute('width')),
			height: Number(el.getAttribute('height'))
		}));
		expect(png.bytes.readUInt32BE(16)).toBe(Math.round(box.width * 2));
		expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(box.height * 2 + 100);
		const csv = await download(page, menu.getByRole('button', { name: /as CSV/ }));
		// Columns in the order the report draws its scenarios: read each by its header.
		const [head, first] = text(csv.bytes).split('\n');
		const row = Object.fromEntries(
			head.split(',').map((h, i) => [h.replace(/ \(£\)$/, ''), first.split(',')[i]])
		);
		expect(first.split(',')[0]).toBe('2021/22');
		expect(Object.values(row).slice(1).sort()).toEqual(['27886465', '28607000', '28607000']);
		expect(Object.entries(row).find(([h]) => /May 2021 projection/.test(h))?.[1]).toBe('27886465');
	});

	test('the DSG management plan grid and the long CSV of results download', async ({ page }) => {
		await page.goto('/monitoring/');
		await page
			.getByRole('combobox', { name: 'Scenario', exact: true })
			.selectOption({ label: 'SVA financial model 2021/22' });
		const grid = page.getByRole('group', { name: /Export DSG grid SVA financial model/ });
		const csv = await download(page, grid.getByRole('button', { name: /as CSV/ }));
		const lines = text(csv.bytes).trim().split('\n');
		expect(lines[0]).toBe(
			'Placement category,Age band,Jan 2021 (actual),Jan 2022,Jan 2023,Jan 2024,Jan 2025,Jan 2026'
		);
		// Children by category and age band, then placement cost (£) by category and in all.
		expect(lines).toHaveLength(1 + 7 * 6 + 1 + 7 + 1);
		expect(lines[1 + 7 * 6]).toMatch(/^All categories,All ages,1436,1537,/);
		expect(lines.at(-1)).toMatch(/^All categories,Placement cost \(£ in the financial year\),,\d/);
		const xlsx = await download(page, grid.getByRole('button', { name: /as XLSX/ }));
		const ws = (await workbook(xlsx.bytes)).worksheets[0];
		expect(ws.getCell('A4').value).toBe('Mainstream schools or academies');
		expect(ws.getCell('D46').value).toBe(1537);

		const long = await download(page, page.getByRole('button', { name: 'Download results CSV' }));
		expect(long.name).toMatch(new RegExp(`^kingston-upon-thames_results-long_${DATE}\\.csv$`));
		const rows = text(long.bytes).split('\n');
		expect(rows[0]).toBe('scenario,year,metric,statistic,value');
		expect(rows).toContain(
			'SVA financial model 2021/22,2021/22,cumulative_deficit_before_sv,expected,28607000'
		);
		expect(rows).toContain('May 2021 projection,2022,ehcp_total,expected,1550');
	});

	test('a scenario named =HYPERLINK("http://x") is exported as text, never as a formula', async ({
		page
	}) => {
		await page.goto('/present/');
		await expect(page.getByTestId('slide-counter')).toBeVisible();
		// Rename a saved scenario in the browser's storage, as an imported file could have named it.
		await page.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('send-workbench');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const db = open.result;
						const tx = db.transaction('scenarios', 'readwrite');
						const store = tx.objectStore('scenarios');
						const all = store.getAll();
						all.onsuccess = () => {
							const record = all.result.find(
								(r: { scenario: { name: string } }) => r.scenario.name === 'Baseline (trend)'
							);
							record.scenario.name = '=HYPERLINK("http://x")';
							store.put(record);
						};
						tx.oncomplete = () => {
							db.close();
							resolve();
						};
						tx.onerror = () => reject(tx.error);
					};
				})
		);
		await page.reload();
		await expect(page.getByTestId('slide-counter')).toHaveText('Slide 1 of 6');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('comparison-table')).toContainText('=HYPERLINK("http://x")');
		const menu = page.getByRole('group', { name: 'Export Scenario comparison' });
		const csv = await download(page, menu.getByRole('button', { name: /as CSV/ }));
		const evil = text(csv.bytes)
			.split('\n')
			.filter((l) => l.includes('HYPERLINK'));
		expect(evil.length).toBe(4);
		for (const l of evil) expect(l.startsWith(`"'=HYPERLINK(""http://x"")",`)).toBe(true);

		const xlsx = await download(page, menu.getByRole('button', { name: /as XLSX/ }));
		const ws = (await workbook(xlsx.bytes)).worksheets[0];
		const texts: string[] = [];
		ws.eachRow((r) =>
			r.eachCell((c) => {
				expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
				if (typeof c.value === 'string') texts.push(c.value);
			})
		);
		expect(texts).toContain('\'=HYPERLINK("http://x")');
		expect(texts.filter((t) => /^[=+\-@]/.test(t))).toEqual([]);

		await page.goto('/monitoring/');
		const long = await download(page, page.getByRole('button', { name: 'Download results CSV' }));
		const hyperlinkRows = text(long.bytes)
			.split('\n')
			.filter((l) => l.includes('HYPERLINK'));
		expect(hyperlinkRows.length).toBeGreaterThan(100);
		expect(hyperlinkRows.every((l) => l.startsWith(`"'=HYPERLINK(""http://x"")",`))).toBe(true);
	});
});

test.describe('KPI tracking', () => {
	test('enters an actual for a month, rates it against the pro-rata target, and keeps its history', async ({
		page
	}) => {
		await page.goto('/monitoring/');
		await page.getByRole('button', { name: 'Edit KPI 1', exact: true }).click();
		const editor = page.getByTestId('kpi-editor');
		await expect(editor.getByRole('heading', { name: 'KPI 1: Actual EHCPs' })).toBeFocused();
		await editor.getByLabel(/^Period/).fill('2021-13');
		await editor.getByLabel(/^Value/).fill('1500');
		await editor.getByRole('button', { name: 'Save actual' }).click();
		await expect(editor.getByRole('alert')).toContainText('Period: expected a month like 2021-06');

		// September: 6 months in, target 1,429 + 108 × 6/12 = 1,483; 1,500 is 1.1% over: Amber.
		await editor.getByLabel(/^Period/).fill('2021-09');
		await editor.getByLabel(/^Value/).fill('1,500');
		await editor.getByRole('button', { name: 'Save actual' }).click();
		const history = editor.getByTestId('kpi-history');
		await expect(history.locator('tbody tr')).toHaveCount(2);
		const q2 = history.locator('tbody tr').nth(1);
		await expect(q2).toContainText('Q2 2021/22');
		await expect(q2).toContainText('2021-09');
		await expect(q2).toContainText('1,483');
		await expect(q2.locator('[data-rag]')).toHaveAttribute('data-rag', 'A');
		await expect(history.locator('tbody tr').nth(0).locator('[data-rag]')).toHaveAttribute(
			'data-rag',
			'G'
		);
		// The KPI table now shows the latest figure.
		const row = page.getByTestId('kpi-table').locator('tr[data-kpi="1"]');
		await expect(row).toContainText('1,500');
		await expect(row.locator('[data-rag]')).toHaveAttribute('data-rag', 'A');

		// A red tolerance of 1% makes it Red.
		await editor.getByLabel(/^Red beyond/).fill('1');
		await editor.getByRole('button', { name: 'Save rule' }).click();
		await expect(row.locator('[data-rag]')).toHaveAttribute('data-rag', 'R');

		// An override needs a comment.
		await editor.getByRole('combobox', { name: 'Rating', exact: true }).selectOption('A');
		await editor.getByLabel(/^Comment/).fill('   ');
		await editor.getByRole('button', { name: 'Save override' }).click();
		await expect(editor.getByRole('alert')).toContainText('an override needs a comment');
		await editor.getByLabel(/^Comment/).fill('September intake higher than planned; reviewed');
		await editor.getByRole('button', { name: 'Save override' }).click();
		await expect(row.locator('[data-rag]')).toHaveAttribute('data-rag', 'A');
		await expect(row).toContainText('September intake higher than planned');
		await expect(row.locator('[data-rag]')).toHaveAttribute(
			'title',
			/overridden; the rule suggests Red/
		);

		await page.reload();
		const again = page.getByTestId('kpi-table').locator('tr[data-kpi="1"]');
		await expect(again).toContainText('1,500');
		await expect(again.locator('[data-rag]')).toHaveAttribute('title', /overridden/);
		await page.getByRole('button', { name: 'Edit KPI 1', exact: true }).click();
		await page.getByTestId('kpi-editor').getByRole('button', { name: 'Clear override' }).click();
		await expect(again.locator('[data-rag]')).toHaveAttribute('data-rag', 'R');
		await page.getByRole('button', { name: 'Remove the actual for 2021-09' }).click();
		await expect(again).toContainText('1,447');
	});

	test('imports actuals from CSV all or nothing, with a preview', async ({ page }) => {
		await page.goto('/monitoring/');
		const file = page.getByTestId('actuals-file');
		await file.setInputFiles({
			name: 'q2-bad.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('ref,period,value\n1,2021-Q2,1480\n99,2021-Q2,5\n2,2021-Q2,lots\n')
		});
		const errors = page.getByTestId('actuals-errors');
		await expect(errors).toContainText('q2-bad.csv was not imported; nothing has changed');
		await expect(errors).toContainText('q2-bad.csv, row 3, column "ref"');
		await expect(errors).toContainText('q2-bad.csv, row 4, column "value"');
		await expect(page.getByTestId('kpi-table').locator('tr[data-kpi="1"]')).toContainText('1,447');

		await file.setInputFiles({
			name: 'q2.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'ref,period,value\n1,2021-Q2,1480\n2,2021-Q2,3.2%\n14,2021-Q2,"£27,950,000"\n'
			)
		});
		const preview = page.getByTestId('actuals-preview');
		await expect(preview.locator('tbody tr')).toHaveCount(3);
		await expect(preview).toContainText('3.20%');
		await page.getByRole('button', { name: 'Import 3 actuals' }).click();
		await expect(page.getByText('Imported 3 actuals from q2.csv.')).toBeVisible();
		const kpis = page.getByTestId('kpi-table');
		await expect(kpis.locator('tr[data-kpi="1"]')).toContainText('1,480');
		await expect(kpis.locator('tr[data-kpi="2"]')).toContainText('3.20%');
		await expect(kpis.locator('tr[data-kpi="14"]')).toContainText('£27,950,000');

		// The Q1 report still shows the seed's May figures.
		await page.goto('/report/');
		await expect(page.getByTestId('kpi-table').locator('tr[data-kpi="1"]')).toContainText('1,447');
	});
});
