import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the real entry point as `npm run -s forecast -- …` does (through tsx). */
function forecast(...args: string[]) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'cli/forecast.ts', ...args], {
		encoding: 'utf8'
	});
}

// Each case starts Node and tsx: seconds on a busy machine.
describe('the forecast command', { timeout: 60_000 }, () => {
	it('exits 0 and prints the long CSV for a known scenario', () => {
		const r = forecast('run', '--scenario', 'Baseline (trend)', '--format', 'csv');
		expect(r.status).toBe(0);
		expect(r.stdout.split('\n')[0]).toBe('scenario,year,metric,statistic,value');
	});

	it('exits 2 with a message on stderr for an unknown scenario', () => {
		const r = forecast('run', '--scenario', 'Nope');
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/^No scenario named "Nope"/);
	});

	it('exits 2 with a message on stderr for a bad dataset file', () => {
		const r = forecast('run', '--scenario', 'x', '--dataset', 'package.json');
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/package.json is not a usable scenario set/);
	});

	it('exits 2 with the usage on stderr, not stdout, when called without a verb', () => {
		const r = forecast();
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/^Usage: npm run -s forecast -- <verb> \[options\]/);
	});

	it('exits 2, naming the file, for an --out that cannot be created', () => {
		const r = forecast(
			'export-table',
			'monitoring',
			'--format',
			'xlsx',
			'--out',
			'/nonexistent/m.xlsx'
		);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe(
			'Cannot write /nonexistent/m.xlsx: the folder /nonexistent: no such file or folder (ENOENT).\n'
		);
	});
});
