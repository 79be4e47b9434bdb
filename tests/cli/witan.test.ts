import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WitanInputError, witanCommand } from '../../cli/witan';
import { files, synthetic } from '../fixtures/witan-model/inputs';

const STATS = 'mean,std-dev,iqr,min,low-95pc-bound,q1,median,q3,high-95pc-bound,max,low-ci,high-ci';

const root = mkdtempSync(join(tmpdir(), 'witan-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function inputDir(name: string, replace: Record<string, string | null> = {}): string {
	const dir = join(root, name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const f of files(synthetic())) {
		const text = f.name in replace ? replace[f.name] : f.text;
		if (text !== null) writeFileSync(join(dir, f.name), text);
	}
	return dir;
}

describe('witanCommand', () => {
	const dir = inputDir('good');
	const outDir = join(root, 'out', 'nested');
	const lines: string[] = [];
	const result = witanCommand({ inputDir: dir, sims: 40, seed: 50, outDir }, (l) => lines.push(l));

	it('writes the five witan.send output files with their exact headers', () => {
		expect(readdirSync(outDir).sort()).toEqual([
			'Output_AY.csv',
			'Output_Cost.csv',
			'Output_Count.csv',
			'Output_Need.csv',
			'Output_Setting.csv'
		]);
		const header = (name: string) => readFileSync(join(outDir, name), 'utf8').split('\n')[0];
		expect(header('Output_Count.csv')).toBe(`calendar-year,${STATS}`);
		expect(header('Output_Cost.csv')).toBe(`calendar-year,${STATS}`);
		expect(header('Output_AY.csv')).toBe(`calendar-year,academic-year,${STATS}`);
		expect(header('Output_Need.csv')).toBe(`calendar-year,need,${STATS}`);
		expect(header('Output_Setting.csv')).toBe(`calendar-year,setting,${STATS}`);
	});

	it('writes a Count row per census, the observed base first with no spread', () => {
		const rows = readFileSync(join(outDir, 'Output_Count.csv'), 'utf8').trim().split('\n').slice(1);
		expect(rows.map((r) => r.split(',')[0])).toEqual(['2021', '2022', '2023', '2024', '2025']);
		const base = rows[0].split(',').map(Number);
		expect(base.slice(1)).toEqual([318, 0, 0, 318, 318, 318, 318, 318, 318, 318, 318, 318]);
	});

	it('writes a Setting row per census and setting', () => {
		const rows = readFileSync(join(outDir, 'Output_Setting.csv'), 'utf8').trim().split('\n');
		expect(rows.length - 1).toBe(5 * 4);
		expect(rows[1].startsWith('2021,MAIN,')).toBe(true);
	});

	it('says what it ran and returns the paths written', () => {
		expect(result.files).toHaveLength(5);
		expect(lines.some((l) => l.includes('40 simulations (seed 50, pooled rates)'))).toBe(true);
		expect(lines.some((l) => l.startsWith('2025 '))).toBe(true);
	});

	it('names a missing input file', () => {
		const bad = inputDir('missing', { 'costs.csv': null });
		expect(() => witanCommand({ inputDir: bad, sims: 1, seed: 1, outDir }, () => {})).toThrow(
			WitanInputError
		);
		expect(() => witanCommand({ inputDir: bad, sims: 1, seed: 1, outDir }, () => {})).toThrow(
			/Cannot read .*costs\.csv \(ENOENT\)/
		);
	});

	it('names the file, row and column of bad input', () => {
		const bad = inputDir('bad', {
			'costs.csv': 'need,setting,cost\nASD,MAIN,lots\n'
		});
		expect(() => witanCommand({ inputDir: bad, sims: 1, seed: 1, outDir }, () => {})).toThrow(
			/costs\.csv, row 2, column "cost"/
		);
	});

	it('refuses a number of simulations or a seed out of range', () => {
		expect(() => witanCommand({ inputDir: dir, sims: 1.5, seed: 1, outDir }, () => {})).toThrow(
			'--sims must be a whole number ≥ 1, got 1.5.'
		);
		expect(() => witanCommand({ inputDir: dir, sims: 1, seed: 2 ** 32, outDir }, () => {})).toThrow(
			'--seed must be a whole number from 0 to 4294967295'
		);
	});
});
