import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios, MAY_PROJECTION, SVA_PLAN } from '$lib/data/kingston-scenarios';
import { monitoringTable } from '$lib/engine/monitoring';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import type { DataTable } from '$lib/io/table';
import { sheetName, tablesToXlsx } from '$lib/io/xlsx';
import { expectedRows, longCsv } from '$lib/io/long-csv';
import {
	kpiExportTable,
	monitoringExportTable,
	scenarioComparisonTable
} from '$lib/io/export-tables';

async function open(bytes: Uint8Array) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes as unknown as ArrayBuffer);
	return wb;
}

/** Every cell of a sheet that holds a value, by address. */
function cells(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
	const out = new Map<string, ExcelJS.Cell>();
	ws.eachRow((row) => row.eachCell((cell) => out.set(cell.address, cell)));
	return out;
}

const dataset = kingstonDataset();
const prepared = prepareDataset(dataset);
const scenarios = kingstonScenarios();
const plan = runExpected(
	prepared,
	scenarios.find((s) => s.name === SVA_PLAN)!
);
const may = runExpected(
	prepared,
	scenarios.find((s) => s.name === MAY_PROJECTION)!
);

describe('XLSX workbooks', () => {
	it('open again with the monitoring table’s figures as numeric cells in £m', async () => {
		const table = monitoringExportTable(
			monitoringTable(plan, may, '2021/22', dataset.finance.savings),
			dataset.authority.name
		);
		const wb = await open(await tablesToXlsx([table]));
		const ws = wb.getWorksheet('Monitoring 2021 22')!;
		expect(ws).toBeDefined();
		expect(ws.getCell('A1').value).toBe(
			'Kingston upon Thames financial model monitoring, 2021/22 (£m)'
		);
		expect(ws.getRow(3).values).toEqual([
			undefined,
			'Line',
			'SVA financial model 2021/22 (£m)',
			'May 2021 projection (£m)',
			'Variance (£m)',
			'RAG'
		]);
		const row = (label: string) => {
			let found: ExcelJS.Row | undefined;
			ws.eachRow((r) => {
				if (r.getCell(1).value === label) found ??= r;
			});
			return found!;
		};
		const cumulative = row('Net DSG deficit - cumulative before safety valve');
		expect(cumulative.getCell(2).value).toBe(28.607);
		expect(cumulative.getCell(3).value).toBe(27.886);
		expect(cumulative.getCell(4).value).toBe(-0.721);
		expect(cumulative.getCell(4).type).toBe(ExcelJS.ValueType.Number);
		expect(cumulative.getCell(4).numFmt).toBe('0.000');
		expect(cumulative.getCell(5).value).toBe('G');
		expect(row('Development of post 16 offer').getCell(5).value).toBe('A');
		expect(row('HNB allocation').getCell(4).value).toBe(0);
	});

	it('keep each KPI’s unit as a number format: counts, pounds and percentages', async () => {
		const wb = await open(await tablesToXlsx([kpiExportTable(dataset.kpis)]));
		const ws = wb.getWorksheet('KPIs')!;
		const byRef = new Map<string, ExcelJS.Row>();
		ws.eachRow((r, n) => {
			if (n > 3 && n <= 3 + dataset.kpis.length) byRef.set(String(r.getCell(1).value), r);
		});
		expect(byRef.size).toBe(39);
		// Columns: ref, name, unit, baseline, target (period), annual target, reported, …
		expect(byRef.get('1')!.getCell(5).value).toBe(1447);
		expect(byRef.get('1')!.getCell(5).numFmt).toBe('#,##0');
		expect(byRef.get('2')!.getCell(7).value).toBe(0.0126);
		expect(byRef.get('2')!.getCell(7).numFmt).toBe('0.00%');
		expect(byRef.get('14')!.getCell(7).value).toBe(27_886_000);
		expect(byRef.get('14')!.getCell(7).numFmt).toMatch(/^£/);
		expect(byRef.get('24')!.getCell(9).value).toBe('A');
		expect(byRef.get('6a')!.getCell(10).value).toBe('yes');
		expect(byRef.get('36')!.getCell(4).value).toBeNull();
	});

	it('never write a formula: a scenario named =HYPERLINK("http://x") is plain text starting with a quote', async () => {
		const evil = runExpected(prepared, { ...scenarios[0], name: '=HYPERLINK("http://x")' });
		const table: DataTable = {
			...scenarioComparisonTable([evil, may]),
			title: '=HYPERLINK("http://title")',
			notes: ['@notes', '-1+2']
		};
		const wb = await open(await tablesToXlsx([table]));
		const ws = wb.worksheets[0];
		const all = [...cells(ws).values()];
		expect(all.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
		const texts = all.filter((c) => typeof c.value === 'string').map((c) => c.value as string);
		expect(texts).toContain('\'=HYPERLINK("http://x")');
		expect(texts).toContain('\'=HYPERLINK("http://title")');
		expect(texts).toContain("'@notes");
		expect(texts).toContain("'-1+2");
		expect(texts.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);
		// Figures stay numbers.
		const numbers = all.filter((c) => c.type === ExcelJS.ValueType.Number);
		expect(numbers.length).toBeGreaterThan(20);
	});

	it('give each table its own sheet, with valid, unique names', async () => {
		const t: DataTable = {
			name: 'A/B: [x]?',
			columns: [{ label: 'a', kind: 'number' }],
			rows: [[1]]
		};
		const wb = await open(await tablesToXlsx([t, t]));
		expect(wb.worksheets.map((w) => w.name)).toEqual(['A B   x', 'A B   x (2)']);
		expect(sheetName('x'.repeat(40), new Set())).toHaveLength(31);
	});

	it('refuse to write no table, or a malformed one', async () => {
		await expect(tablesToXlsx([])).rejects.toThrow(/tablesToXlsx: at least one table/);
		await expect(
			tablesToXlsx([{ name: 't', columns: [{ label: 'a', kind: 'text' }], rows: [['x', 'y']] }])
		).rejects.toThrow(/row 1 must have 1 cells/);
	});
});

describe('the long CSV', () => {
	it('writes a scenario named =HYPERLINK("http://x") as text, never as a formula', () => {
		const evil = runExpected(prepared, { ...scenarios[0], name: '=HYPERLINK("http://x")' });
		const lines = longCsv(expectedRows(evil)).split('\n');
		expect(lines[0]).toBe('scenario,year,metric,statistic,value');
		expect(lines[1].startsWith(`"'=HYPERLINK(""http://x"")",`)).toBe(true);
	});
});
