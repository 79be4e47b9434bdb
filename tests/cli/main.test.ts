import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { STATISTIC_NAMES } from '$lib/engine/summary';
import { ESTIMATOR_IDS } from '$lib/model/dataset';
import { scenarioSetText } from '$lib/io/scenario-set/file';

const tmp = mkdtempSync(join(tmpdir(), 'cli-main-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs a command, keeping stdout and stderr apart. */
function runBoth(...argv: string[]): { code: number; stdout: string; stderr: string } {
	let stdout = '';
	let stderr = '';
	const code = main(
		argv,
		(s) => (stdout += s),
		(s) => (stderr += s)
	);
	if (typeof code !== 'number') throw new Error('expected a synchronous verb');
	return { code, stdout, stderr };
}

function run(...argv: string[]): string {
	let text = '';
	const code = main(argv, (s) => (text += s));
	expect(code).toBe(0);
	return text;
}

const BASELINE = ['run', '--scenario', 'Baseline (trend)'];

// Thousands of simulations in this thread: seconds on a busy machine.
describe('forecast run --sims', { timeout: 60_000 }, () => {
	const text = run(...BASELINE, '--sims', '200', '--seed', '7');
	const lines = text.trimEnd().split('\n');
	const stat = (line: string) => line.split(',')[3];

	it('prints rows for every statistic of the long CSV', () => {
		expect(new Set(lines.slice(1).map(stat))).toEqual(new Set(STATISTIC_NAMES));
	});

	it('puts the Monte Carlo rows after the expected rows', () => {
		const firstMc = lines.findIndex((l, i) => i > 0 && stat(l) !== 'expected');
		expect(firstMc).toBeGreaterThan(1);
		expect(lines.slice(firstMc).some((l) => stat(l) === 'expected')).toBe(false);
		expect(lines.slice(0, firstMc).join('\n') + '\n').toBe(run(...BASELINE));
	});

	it('is reproducible for a seed and N, and changes with the seed', () => {
		expect(run(...BASELINE, '--sims', '200', '--seed', '7')).toBe(text);
		expect(run(...BASELINE, '--sims', '200', '--seed', '8')).not.toBe(text);
	});

	it('runs 1,000 simulations with seed 50 when --sims has no number', () => {
		expect(run(...BASELINE, '--sims')).toBe(run(...BASELINE, '--sims', '1000', '--seed', '50'));
	});

	it('refuses a bad N or seed, or a seed without --sims, with a usage message', () => {
		expect(() => run(...BASELINE, '--sims', '0')).toThrow(
			'--sims must be a whole number from 1 to 1000000, got "0".'
		);
		expect(() => run(...BASELINE, '--sims', '10', '--seed', '4294967296')).toThrow(
			'--seed must be a whole number from 0 to 4294967295, got "4294967296".'
		);
		expect(() => run(...BASELINE, '--seed', '3')).toThrow(
			'--seed applies to a Monte Carlo run: give --sims N as well.'
		);
		// A negative number is a value to judge, not an option (Node's parseArgs said "ambiguous").
		expect(() => run(...BASELINE, '--sims', '-5')).toThrow(
			'--sims must be a whole number from 1 to 1000000, got "-5".'
		);
	});
});

describe('forecast backtest', () => {
	it('prints error by horizon for every estimator with the p5–p95 band, marking the best', () => {
		const text = run('backtest', '--holdout', '3', '--sims', '200');
		expect(text).toMatch(/the last 3 census years held out, projected from January 2018/);
		for (const e of ['pooled', 'linear', 'loglinear'])
			expect(text).toMatch(new RegExp(`${e}: mean absolute % error`));
		expect(text).toMatch(
			/census {2}horizon {2}projected {2}actual {3}error {2}% error {2}inside p5–p95/
		);
		expect(text.match(/\(best\)/g)).toHaveLength(1);
		expect(text).toMatch(/^\* best: \w+ \(smallest mean absolute % error\)\.$/m);
	});

	it('writes the same as CSV, one row per estimator and horizon', () => {
		const lines = run('backtest', '--holdout', '2', '--sims', '100', '--format', 'csv')
			.trimEnd()
			.split('\n');
		expect(lines[0]).toBe(
			'estimator,best,from_census,census,horizon,projected,actual,error,percent_error,p5,p95,inside_p5_p95'
		);
		expect(lines).toHaveLength(1 + ESTIMATOR_IDS.length * 2);
		expect(lines.filter((l) => l.split(',')[1] === 'true').length).toBe(2);
		// Every figure to at most 1 decimal (4 for the percentage error), the band too.
		for (const line of lines.slice(1)) {
			const cells = line.split(',');
			for (const c of [5, 7, 9, 10]) expect(cells[c], line).toMatch(/^-?\d+(\.\d)?$/);
			expect(cells[8], line).toMatch(/^-?\d+(\.\d{1,4})?$/);
		}
	});

	it('says "the last census year" for a holdout of one', () => {
		expect(run('backtest', '--holdout', '1', '--sims', '20')).toMatch(
			/: the last census year held out, projected from January 2020\./
		);
	});

	it('refuses a holdout that is not a whole number ≥ 1 and a format it does not write', () => {
		expect(() => run('backtest', '--holdout', '0')).toThrow(
			/--holdout must be a whole number from 1/
		);
		expect(() => run('backtest', '--format', 'json')).toThrow(
			'--format must be table or csv for backtest, got "json".'
		);
	});
});

describe('the other verbs', () => {
	it('lists the scenarios of the built-in dataset by their exact names', () => {
		expect(run('scenarios')).toBe(
			'SVA financial model 2021/22\nMay 2021 projection\nBaseline (trend)\n'
		);
	});

	it('prints every metric of docs/model.md §6 for every year of the horizon', () => {
		const lines = run('run', '--scenario', 'SVA financial model 2021/22').trimEnd().split('\n');
		expect(lines[0]).toBe('scenario,year,metric,statistic,value');
		const metrics = new Set(lines.slice(1).map((l) => l.split(',')[2]));
		for (const m of [
			'ehcp_total',
			'ehcp_joiners',
			'ehcp_leavers',
			'ehcp_movers',
			'ehcp_by_setting:independent_special',
			'ehcp_by_age_band:age_5_10',
			'placement_cost',
			'placement_cost_by_setting:independent_special',
			'hnb_allocation',
			'block_transfers',
			'total_budget',
			'hnb_expenditure_before_savings',
			'savings_total',
			'savings:post_16_offer',
			'hnb_expenditure_after_savings',
			'net_hnb_deficit',
			'other_blocks_variance',
			'general_fund_contribution',
			'in_year_dsg_deficit',
			'cumulative_deficit_before_sv',
			'sv_funding_cumulative',
			'cumulative_deficit_after_sv',
			'deficit_cap',
			'headroom',
			'cap_breached',
			'first_breach_year'
		]) {
			expect(metrics).toContain(m);
		}
		expect(lines).toContain('SVA financial model 2021/22,2022,ehcp_total,expected,1537');
		expect(lines).toContain(
			'SVA financial model 2021/22,2021/22,cumulative_deficit_before_sv,expected,28607000'
		);
		const years = new Set(
			lines.filter((l) => l.includes(',deficit_cap,')).map((l) => l.split(',')[1])
		);
		expect([...years]).toEqual(['2021/22', '2022/23', '2023/24', '2024/25', '2025/26']);
	});

	it('prints the same rows as JSON', () => {
		const rows = JSON.parse(run('run', '--scenario', 'May 2021 projection', '--format', 'json'));
		expect(rows[0]).toEqual({
			scenario: 'May 2021 projection',
			year: '2022',
			metric: 'ehcp_total',
			statistic: 'expected',
			value: 1550
		});
	});

	it('refuses an unknown scenario, naming the ones there are', () => {
		expect(() => run('run', '--scenario', 'Nope')).toThrow(
			/No scenario named "Nope". The scenarios are:\n {2}SVA financial model 2021\/22/
		);
	});

	it('says a dataset has no scenarios rather than listing none', () => {
		const file = JSON.parse(
			scenarioSetText(kingstonDataset(), kingstonScenarios(), '2021-06-01T00:00:00.000Z')
		);
		file.scenarios = [];
		const path = join(tmp, 'no-scenarios.json');
		writeFileSync(path, JSON.stringify(file));
		expect(() => run('run', '--dataset', path, '--scenario', 'Nope')).toThrow(
			/^No scenario named "Nope": the dataset "Kingston upon Thames — Safety Valve Q1 2021\/22" has no scenarios\.$/
		);
	});

	it('refuses an unreadable or malformed dataset file with a message naming it', () => {
		expect(() => run('scenarios', '--dataset', '/nonexistent/set.json')).toThrow(
			'Cannot read the dataset file /nonexistent/set.json: no such file or folder (ENOENT).'
		);
	});

	it('refuses an unknown verb, listing the verbs', () => {
		expect(() => run('frobnicate')).toThrow(
			/Unknown verb "frobnicate". The verbs are: scenarios, run,/
		);
	});

	it('refuses an option the verb does not take instead of ignoring it', () => {
		expect(() => run('run', '--scenario', 'Baseline (trend)', '--out', 'x.csv')).toThrow(
			/^run does not take --out\. run takes: --scenario NAME, --dataset FILE, /
		);
		expect(() => run('export', '--out', join(tmp, 'x.json'), '--horizon', '3')).toThrow(
			'export does not take --horizon. export takes: --out PATH, --dataset FILE.'
		);
		// --out is asked for before the dataset file is read.
		expect(() => run('export', '--dataset', join(tmp, 'missing.json'))).toThrow(
			'export needs --out FILE, the scenario set file to write.'
		);
	});
});

describe('files and messages', () => {
	/** Kingston as a scenario set file, changed by `edit` (text in, text out). */
	function datasetFile(name: string, edit: (text: string) => string | Uint8Array): string {
		const path = join(tmp, name);
		const text = scenarioSetText(
			kingstonDataset(),
			kingstonScenarios(),
			'2021-06-01T00:00:00.000Z'
		);
		writeFileSync(path, edit(text));
		return path;
	}

	it('prints on stderr the warnings the app shows on import: a history year given twice, keys named __proto__', () => {
		const path = datasetFile('warned.json', (text) => {
			const file = JSON.parse(text);
			const history = file.dataset.history as Record<string, unknown[]>;
			const series = Object.keys(history).find((k) => history[k].length > 0)!;
			history[series].push(history[series][0]);
			return JSON.stringify(file, null, 2).replace(
				'"dataset": {',
				'"dataset": {\n"__proto__": { "polluted": true },'
			);
		});
		const r = runBoth('scenarios', '--dataset', path);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe('SVA financial model 2021/22\nMay 2021 projection\nBaseline (trend)\n');
		const lines = r.stderr.trimEnd().split('\n');
		expect(lines).toContain(
			`warning: ${path}: a key named __proto__, constructor or prototype was ignored; such keys cannot hold data.`
		);
		expect(
			lines.some((l) =>
				/^warning: .*repeats row 1 of the same series; the two counts are added\.$/.test(l)
			)
		).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('prints no warnings for a clean file', () => {
		const path = datasetFile('clean.json', (text) => text);
		expect(runBoth('scenarios', '--dataset', path).stderr).toBe('');
	});

	it('refuses a dataset file that is not UTF-8, naming the file, line and byte', () => {
		const path = datasetFile('latin.json', (text) => {
			const bytes = new TextEncoder().encode(text.replace('Kingston', 'K?ngston'));
			bytes[bytes.indexOf(0x3f)] = 0xe9; // "é" in Windows-1252
			return bytes;
		});
		expect(() => runBoth('scenarios', '--dataset', path)).toThrow(
			new RegExp(
				`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, row \\d+: expected UTF-8 text .*got a byte that is not UTF-8 \\(0xE9 at byte \\d+\\)\\.$`
			)
		);
	});

	it('prints the usage on stderr with exit 2 when no verb is given, on stdout with --help', () => {
		const bad = runBoth();
		expect(bad.code).toBe(2);
		expect(bad.stdout).toBe('');
		expect(bad.stderr).toMatch(/^Usage: npm run -s forecast -- <verb> \[options\]/);
		const help = runBoth('--help');
		expect(help.code).toBe(0);
		expect(help.stderr).toBe('');
		expect(help.stdout).toBe(bad.stderr);
	});

	it('export says on stderr when it replaces a file, and refuses a folder that does not exist', () => {
		const out = join(tmp, 'kingston.json');
		const first = runBoth('export', '--out', out);
		expect(first.stderr).toBe('');
		expect(first.stdout).toMatch(/^Wrote .*kingston\.json: dataset/);
		const again = runBoth('export', '--out', out);
		expect(again.stderr).toBe(`note: replaced ${out}, which existed.\n`);
		expect(() => runBoth('export', '--out', join(tmp, 'no', 'k.json'))).toThrow(
			`Cannot write ${join(tmp, 'no', 'k.json')}: the folder ${join(tmp, 'no')}: no such file or folder (ENOENT).`
		);
	});
});
