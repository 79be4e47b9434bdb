import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the real entry point as `npm run -s forecast -- …` does (through tsx). */
function forecast(...args: string[]) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'cli/forecast.ts', ...args], {
		encoding: 'utf8'
	});
}

describe('the forecast command', () => {
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
});
