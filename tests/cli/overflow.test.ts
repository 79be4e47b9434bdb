import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';

/** Runs the real entry point as `npm run -s forecast -- …` does (through tsx). */
function forecast(...args: string[]) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'cli/forecast.ts', ...args], {
		encoding: 'utf8'
	});
}

const dir = mkdtempSync(join(tmpdir(), 'forecast-overflow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built-in scenario set, changed by `edit`, written to a file; returns its path. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setFile(name: string, edit: (set: any) => void): string {
	main(['export', '--out', join(dir, 'kingston.json')], () => {});
	const text = readFileSync(join(dir, 'kingston.json'), 'utf8');
	const set = JSON.parse(text);
	edit(set);
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify(set));
	return path;
}

const RUN = ['run', '--scenario', 'Baseline (trend)', '--format', 'json'];

// Each case starts a Node process through tsx: seconds on a busy machine.
describe('forecast run on finite inputs that would overflow', { timeout: 60_000 }, () => {
	it('exits 2 naming the unit cost row for a unit cost of 1e308, printing nothing', () => {
		const file = setFile('cost.json', (s) => (s.dataset.unitCosts[0].cost.value = 1e308));
		const r = forecast(...RUN, '--dataset', file);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(
			'Unit cost row 1 (setting "mainstream"): the cost must be from £0 to £2,000,000 a year, got 1e+308.'
		);
	});

	it('exits 2 naming the base caseload row for a caseload of 1e308', () => {
		const file = setFile('caseload.json', (s) => (s.dataset.baseCaseload[0].count.value = 1e308));
		const r = forecast(...RUN, '--dataset', file);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('Base caseload row 1 (NCY -4, setting "other")');
	});

	it('exits 2 for 300 in-range +1000% levers stacked, naming the scenario and year', () => {
		const file = setFile('levers.json', (s) => {
			const baseline = s.scenarios.find((x: { name: string }) => x.name === 'Baseline (trend)');
			for (let i = 0; i < 300; i++) {
				baseline.levers.push({
					id: `j${i}`,
					label: `+1000% ${i}`,
					kind: 'joiners',
					multiplier: 11,
					band: null,
					from: null,
					until: null
				});
			}
		});
		const r = forecast(...RUN, '--dataset', file);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(
			'Scenario "Baseline (trend)": in 2021/22 its 300 levers on new plans multiply them by about 10^312 together'
		);
	});
});
