import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportTableCommand } from '../../cli/export-table';
import { kingstonDataset } from '../../src/lib/data/kingston';
import { kingstonScenarios } from '../../src/lib/data/kingston-scenarios';
import { serialiseScenarioSet } from '../../src/lib/io/scenario-set/format';

const serialiseKingston = () =>
	serialiseScenarioSet(kingstonDataset(), kingstonScenarios(), {
		createdAt: '2026-12-02T12:00:00.000Z',
		app: { name: 'SEND Workbench', version: 'test' }
	});

const dir = mkdtempSync(join(tmpdir(), 'export-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: Parameters<typeof exportTableCommand>[0]) {
	const log: string[] = [];
	await exportTableCommand(args, (l) => log.push(l));
	return log;
}

describe('forecast export-table --out', () => {
	it('refuses an XLSX file named .csv, and a CSV file named .xlsx, before any work', async () => {
		await expect(
			run({ table: 'monitoring', format: 'xlsx', out: join(dir, 'm.csv') })
		).rejects.toThrow(
			`export-table: --out ${join(dir, 'm.csv')} ends in .csv but --format is xlsx: name the file .xlsx, or give --format csv.`
		);
		await expect(
			run({ table: 'monitoring', format: 'csv', out: join(dir, 'm.XLSX') })
		).rejects.toThrow(/ends in \.xlsx but --format is csv/);
		expect(existsSync(join(dir, 'm.csv'))).toBe(false);
		// Any other name is the user's choice.
		await run({ table: 'monitoring', format: 'csv', out: join(dir, 'm.txt') });
		expect(existsSync(join(dir, 'm.txt'))).toBe(true);
	});
});

describe('forecast export-table', () => {
	it('writes the seed’s monitoring table as CSV, plan against the May projection', async () => {
		const out = join(dir, 'monitoring.csv');
		const log = await run({ table: 'monitoring', format: 'csv', out });
		expect(log).toEqual([`Wrote Monitoring 2021/22 (17 rows) as CSV to ${out}`]);
		const lines = readFileSync(out, 'utf8').split('\n');
		expect(lines[0]).toBe(
			'Line,SVA financial model 2021/22 (£m),May 2021 projection (£m),Variance (£m),RAG'
		);
		expect(lines).toContain(
			'Net DSG deficit - cumulative before safety valve,28.607,27.886,-0.721,G'
		);
		expect(lines).toContain('Development of post 16 offer,-0.12,-0.046,0.074,A');
	});

	it('writes the KPI table as an XLSX file that opens with 39 KPIs', async () => {
		const out = join(dir, 'kpis.xlsx');
		await run({ table: 'kpis', format: 'xlsx', out });
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(out);
		const ws = wb.getWorksheet('KPIs')!;
		expect(ws.getCell('A4').value).toBe('1');
		expect(ws.getCell('E4').value).toBe(1447);
		expect(ws.getCell('A42').value).toBe('38');
		// KPI 3 is computed by the May projection: 1,550 EHCPs in January 2022.
		expect(ws.getCell('O6').value).toBe(1550);
	});

	it('writes the DSG management plan grid as CSV and XLSX', async () => {
		const csv = join(dir, 'grid.csv');
		await run({ table: 'dsg-grid', format: 'csv', out: csv });
		const lines = readFileSync(csv, 'utf8').trim().split('\n');
		// Children by category and age band, then placement cost (£) by category and in all.
		expect(lines).toHaveLength(1 + 7 * 6 + 1 + 7 + 1);
		expect(lines[1 + 7 * 6]).toMatch(/^All categories,All ages,1436,1550,/);
		expect(lines.at(-1)).toMatch(/^All categories,Placement cost \(£ in the financial year\),,\d/);
		const xlsx = join(dir, 'grid.xlsx');
		await run({
			table: 'dsg-grid',
			format: 'xlsx',
			out: xlsx,
			scenario: 'SVA financial model 2021/22'
		});
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(xlsx);
		const ws = wb.worksheets[0];
		expect(ws.getCell('D46').value).toBe(1537);
	});

	it('finds the plan and projection by their roles, whatever they are called', async () => {
		const set = JSON.parse(serialiseKingston());
		set.scenarios[0].name = 'Our agreed plan';
		set.scenarios[1].name = 'Latest forecast';
		const file = join(dir, 'renamed.json');
		writeFileSync(file, JSON.stringify(set));
		const out = join(dir, 'renamed.csv');
		await run({ table: 'monitoring', format: 'csv', out, dataset: file });
		expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(
			'Line,Our agreed plan (£m),Latest forecast (£m),Variance (£m),RAG'
		);

		// Without a projection, the message says which flag names one.
		set.scenarios[1].role = 'none';
		writeFileSync(file, JSON.stringify(set));
		await expect(
			run({ table: 'monitoring', format: 'csv', out: join(dir, 'none.csv'), dataset: file })
		).rejects.toThrow(
			/no scenario has role "projection", so name the projection with --projection/
		);
	});

	it('refuses an unknown table, format or scenario with a message naming it', async () => {
		const out = join(dir, 'x.csv');
		await expect(run({ table: 'budget' as never, format: 'csv', out })).rejects.toThrow(
			/export-table: the table must be one of monitoring, kpis, dsg-grid, got "budget"/
		);
		await expect(run({ table: 'kpis', format: 'pdf' as never, out })).rejects.toThrow(
			/--format must be csv or xlsx, got "pdf"/
		);
		await expect(run({ table: 'monitoring', format: 'csv', out, plan: 'Nope' })).rejects.toThrow(
			/no scenario named "Nope" for the financial model\. The scenarios are:\n {2}SVA financial model 2021\/22/
		);
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, '{"format":"something else"}');
		await expect(run({ table: 'kpis', format: 'csv', out, dataset: bad })).rejects.toThrow(
			/is not a usable scenario set/
		);
	});
});
