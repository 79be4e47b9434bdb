import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';

const FIXTURES = fileURLToPath(new URL('../fixtures/sen2/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'cli-no-finance-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs a command, keeping stdout and stderr apart; a promise for the asynchronous verbs. */
async function runBoth(...argv: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await main(
		argv,
		(s) => (stdout += s),
		(s) => (stderr += s)
	);
	return { code, stdout, stderr };
}

// A dataset as `forecast sen2` writes it: SEN2 history, stand-in finance (decision 0022).
const kingston = join(root, 'kingston-sen2.json');
await runBoth('sen2', FIXTURES, '--authority', '314', '--out', kingston);

describe('a dataset without finance on the command line', { timeout: 60_000 }, () => {
	it('run prints its EHC plan numbers only, and says on stderr that it has no finance lines', async () => {
		const r = await runBoth('run', '--dataset', kingston, '--scenario', 'Baseline (trend)');
		expect(r.code).toBe(0);
		const metrics = new Set(
			r.stdout
				.trimEnd()
				.split('\n')
				.slice(1)
				.map((l) => l.split(',')[2])
		);
		expect(metrics).toContain('ehcp_total');
		expect([...metrics].every((m) => m.startsWith('ehcp_'))).toBe(true);
		expect(r.stdout).not.toMatch(/deficit|deficit_cap|headroom|first_breach_year/);
		expect(r.stderr).toContain(
			`note: ${kingston} ("Kingston upon Thames — SEN2 to January 2021") has no finance lines`
		);
		expect(r.stderr).toMatch(/new dataset wizard.*HNB allocation, deficit cap/);
	});

	it('run leaves the finance out of the Monte Carlo rows and the JSON too', async () => {
		const base = ['run', '--dataset', kingston, '--scenario', 'Baseline (trend)'];
		const sims = await runBoth(...base, '--sims', '20');
		expect(sims.stdout).toMatch(/,ehcp_total,p95,/);
		expect(sims.stdout).not.toMatch(/cap_breached|first_breach_year|placement_cost/);
		const json = JSON.parse((await runBoth(...base, '--format', 'json')).stdout) as {
			metric: string;
		}[];
		expect(json.every((row) => row.metric.startsWith('ehcp_'))).toBe(true);
	});

	it('export-table monitoring refuses it, naming the file and what to add, and writes nothing', async () => {
		const out = join(root, 'monitoring.csv');
		await expect(
			runBoth('export-table', 'monitoring', '--format', 'csv', '--dataset', kingston, '--out', out)
		).rejects.toThrow(
			`Cannot write the monitoring table: ${kingston} ("Kingston upon Thames — SEN2 to January 2021") has no finance lines`
		);
		expect(existsSync(out)).toBe(false);
	});

	it('still prints every finance metric for a dataset with finance (the built-in one)', async () => {
		const r = await runBoth('run', '--scenario', 'Baseline (trend)');
		expect(r.stdout).toMatch(/,cumulative_deficit_before_sv,expected,/);
		expect(r.stderr).toBe('');
	});
});
