import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WitanInputError, witanCommand } from '../../cli/witan';
import { files, synthetic } from '../fixtures/witan-model/inputs';
import { largeInputs } from '../fixtures/witan-model/large';

const STATS = 'mean,std-dev,iqr,min,low-95pc-bound,q1,median,q3,high-95pc-bound,max,low-ci,high-ci';

const root = mkdtempSync(join(tmpdir(), 'witan-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function inputDir(
	name: string,
	replace: Record<string, string | Uint8Array | null> = {},
	texts = synthetic()
): string {
	const dir = join(root, name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const f of files(texts)) {
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
			/^Cannot read the input file .*costs\.csv: no such file or folder \(ENOENT\): the input folder must hold transitions\.csv, population\.csv, costs\.csv, valid-states\.csv\.$/
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

describe('witanCommand and its files', () => {
	const dir = inputDir('files');
	const OUTPUTS = [
		'Output_AY.csv',
		'Output_Cost.csv',
		'Output_Count.csv',
		'Output_Need.csv',
		'Output_Setting.csv'
	];

	it('writes all five files or none: a clash with a folder leaves the target as it was', () => {
		const outDir = join(root, 'clash');
		mkdirSync(join(outDir, 'Output_Need.csv'), { recursive: true });
		writeFileSync(join(outDir, 'Output_Count.csv'), 'old\n');
		expect(() => witanCommand({ inputDir: dir, sims: 2, seed: 1, outDir }, () => {})).toThrow(
			`Cannot write ${join(outDir, 'Output_Need.csv')}: it is not a file (a folder?); nothing was written.`
		);
		expect(readdirSync(outDir).sort()).toEqual(['Output_Count.csv', 'Output_Need.csv']);
		expect(readFileSync(join(outDir, 'Output_Count.csv'), 'utf8')).toBe('old\n');
		expect(readdirSync(root).filter((n) => n.includes('partial'))).toEqual([]);
	});

	it('says on stderr which files it replaced, keeping progress on stdout', () => {
		const outDir = join(root, 'again');
		const first = { log: [] as string[], note: [] as string[] };
		witanCommand(
			{ inputDir: dir, sims: 2, seed: 1, outDir },
			(l) => first.log.push(l),
			(l) => first.note.push(l)
		);
		expect(first.note).toEqual([]);
		const second = { log: [] as string[], note: [] as string[] };
		witanCommand(
			{ inputDir: dir, sims: 2, seed: 1, outDir },
			(l) => second.log.push(l),
			(l) => second.note.push(l)
		);
		expect(second.note).toEqual([
			`note: replaced Output_Count.csv, Output_Cost.csv, Output_AY.csv, Output_Need.csv, Output_Setting.csv in ${outDir}, which existed.`
		]);
		expect(second.log.at(-1)).toMatch(/^Wrote .*Output_Count\.csv/);
		expect(readdirSync(outDir).sort()).toEqual(OUTPUTS);
	});

	it('fails at once, before simulating, for an --out that cannot be made', () => {
		const file = join(root, 'a-file');
		writeFileSync(file, '');
		const log: string[] = [];
		// A million simulations would take minutes: the check comes first.
		expect(() =>
			witanCommand({ inputDir: dir, sims: 1_000_000, seed: 1, outDir: join(file, 'out') }, (l) =>
				log.push(l)
			)
		).toThrow(
			/^Cannot write .*a-file.out: cannot make .*a-file: (it is a file, not a folder|.*ENOTDIR.*)\.$/
		);
		expect(() =>
			witanCommand({ inputDir: dir, sims: 1_000_000, seed: 1, outDir: file }, () => {})
		).toThrow(`Cannot write ${file}: it is a file, not a folder.`);
		expect(log).toEqual([]);
	});

	it('refuses an input file that is not UTF-8, naming it, the line and the byte', () => {
		const costs = Buffer.concat([
			Buffer.from('need,setting,cost\nASD,MAIN,'),
			Buffer.from([0xa3]),
			Buffer.from('5000\n')
		]);
		const bad = inputDir('latin', { 'costs.csv': costs });
		expect(() =>
			witanCommand({ inputDir: bad, sims: 1, seed: 1, outDir: join(root, 'latin-out') }, () => {})
		).toThrow(
			`${join(bad, 'costs.csv')}, row 2: expected UTF-8 text (save it as "CSV UTF-8" or with UTF-8 encoding), got a byte that is not UTF-8 (0xA3 at byte 28).`
		);
	});

	// Past about 125,000 rows, Math.min(...years) overflowed the call stack (issue 13).
	it('runs inputs with 200,000 transitions rows', () => {
		const big = inputDir('large', {}, largeInputs(200_000));
		const outDir = join(root, 'large-out');
		const log: string[] = [];
		const r = witanCommand({ inputDir: big, sims: 2, seed: 1, outDir }, (l) => log.push(l));
		expect(log[0]).toMatch(/^200000 transitions; base January 2021; 2 simulations/);
		expect(r.files).toHaveLength(5);
		expect(readdirSync(outDir).sort()).toEqual(OUTPUTS);
	}, 60_000);
});
