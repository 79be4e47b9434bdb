import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { englandCommand, englandCsv, englandSummary } from '../../cli/england';
import { main } from '../../cli/main';
import { FORECAST_COLUMNS } from '$lib/engine/authority-forecast';
import { parseCsv } from '$lib/io/csv/parse';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/sen2/', import.meta.url));
/** The public DfE SEN2 files every authority's forecast is made from (SEN2_DIR to point elsewhere). */
const SEN2_DIR = process.env.SEN2_DIR ?? resolve(REPO, '..', 'shared', 'peer', 'sen2');
const root = mkdtempSync(join(tmpdir(), 'england-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const quiet = () => {};

/** Kingston upon Thames and Barking and Dagenham, January totals (sen2_age_caseload.csv, caseload.csv). */
const TOTALS: Record<string, Record<number, number>> = {
	'314': {
		2014: 770,
		2015: 803,
		2016: 899,
		2017: 958,
		2018: 1042,
		2019: 1161,
		2020: 1314,
		2021: 1424
	},
	'301': {
		2014: 1011,
		2015: 1025,
		2016: 1102,
		2017: 1232,
		2018: 1458,
		2019: 1548,
		2020: 1655,
		2021: 1733
	}
};

/** The naive forecasts worked by hand from origin 2018. */
function byHand(t: Record<number, number>, h: number): Record<string, number> {
	const ys = [t[2014], t[2015], t[2016], t[2017], t[2018]];
	const my = ys.reduce((a, b) => a + b, 0) / 5;
	// x = −4 … 0 (mean −2, Σ(x − x̄)² = 10)
	const slope = ys.reduce((a, y, i) => a + (i - 4 + 2) * (y - my), 0) / 10;
	return {
		last: t[2018],
		growth1: t[2018] * (t[2018] / t[2017]) ** h,
		cagr3: t[2018] * Math.pow(Math.pow(t[2018] / t[2015], 1 / 3), h),
		linear5: my + slope * (h + 2)
	};
}

describe.skipIf(!existsSync(SEN2_DIR))(
	`forecast england on the DfE SEN2 files (${SEN2_DIR})`,
	{ timeout: 600_000 },
	() => {
		const out = join(root, 'england.csv');
		const run = englandCommand(
			{
				dir: SEN2_DIR,
				origin: 2018,
				horizon: 4,
				sims: 20,
				seed: 50,
				format: 'csv',
				out,
				workers: 2
			},
			quiet,
			quiet
		);

		it('writes every column, for at least 145 authorities, one row per authority × year × method', async () => {
			const result = await run;
			const parsed = parseCsv(readFileSync(out, 'utf8'), out);
			expect(parsed.header).toEqual([...FORECAST_COLUMNS]);
			expect(parsed.header.join(',')).toBe(
				'authority,la_code,new_la_code,origin,year,horizon,method,expected,p5,p50,p95,actual'
			);
			const rows = parsed.rows.map((r) =>
				Object.fromEntries(parsed.header.map((h, i) => [h, r.cells[i]]))
			);
			const authorities = new Set(rows.map((r) => r.la_code));
			expect(authorities.size).toBeGreaterThanOrEqual(145);
			expect(authorities.size).toBe(result.authorities - result.failures.length);
			expect(rows.length).toBe(authorities.size * 4 * 5);
			expect(new Set(rows.map((r) => r.method))).toEqual(
				new Set(['workbench', 'last', 'growth1', 'cagr3', 'linear5'])
			);
			for (const r of rows) {
				expect(r.la_code).toMatch(/^\d{3}$/);
				expect(r.new_la_code).toMatch(/^E\d{8}$/);
				expect(r.origin).toBe('2018');
				expect(Number(r.year) - 2018).toBe(Number(r.horizon));
			}
			const work = rows.filter((r) => r.method === 'workbench');
			for (const r of work) {
				expect(Number(r.p5)).toBeLessThanOrEqual(Number(r.p50));
				expect(Number(r.p50)).toBeLessThanOrEqual(Number(r.p95));
				expect(Number(r.expected)).toBeGreaterThan(0);
			}
			expect(
				rows.filter((r) => r.method !== 'workbench').every((r) => r.p5 === '' && r.p95 === '')
			).toBe(true);
			// January 2022 is not in the files: no actual at horizon 4.
			expect(rows.filter((r) => r.horizon === '4').every((r) => r.actual === '')).toBe(true);
			expect(result.failures.length).toBeLessThan(12);
			for (const f of result.failures) expect(f.reason).not.toBe('');
		});

		it('gives the naive forecasts worked by hand and the census actuals for two authorities', async () => {
			const { rows } = await run;
			for (const code of ['314', '301']) {
				const t = TOTALS[code];
				for (let h = 1; h <= 4; h++) {
					const hand = byHand(t, h);
					for (const method of ['last', 'growth1', 'cagr3', 'linear5'] as const) {
						const row = rows.find(
							(r) => r.la_code === code && r.horizon === h && r.method === method
						)!;
						expect(row.expected, `${code} ${method} h=${h}`).toBeCloseTo(hand[method], 6);
						expect(row.actual).toBe(t[2018 + h] ?? null);
					}
				}
			}
			// Kingston, growth1 one year ahead: 1042 × 1042 / 958.
			const kingston = rows.find(
				(r) => r.la_code === '314' && r.horizon === 1 && r.method === 'growth1'
			)!;
			expect(kingston.expected).toBeCloseTo(1133.3653, 3);
			// The file says the same, to 3 decimals.
			const lines = readFileSync(out, 'utf8').split('\n');
			expect(lines).toContain(
				'Kingston upon Thames,314,E09000021,2018,2019,1,growth1,1133.365,,,,1161'
			);
			expect(lines).toContain('Barking and Dagenham,301,E09000002,2018,2020,2,last,1458,,,,1655');
		});

		it('summarises accuracy per method and horizon, with the workbench band’s coverage', async () => {
			const result = await run;
			const text = englandSummary(result, { sims: 20, seed: 50 });
			expect(text).toMatch(/^method +horizon +year +n +MAPE +median APE +bias +p5–p95 coverage$/m);
			expect(text).toMatch(/^workbench +1 +2019 +\d{3} +\d+\.\d% .*% of \d{3}$/m);
			for (const m of ['last', 'growth1', 'cagr3', 'linear5']) {
				expect(text).toMatch(new RegExp(`^${m} +3 +2021 +\\d{3} `, 'm'));
			}
			expect(text).not.toMatch(/^\w+ +4 +2022/m);
		});
	}
);

describe('forecast england: bad input', { timeout: 600_000 }, () => {
	const call = (...argv: string[]) => main(['england', ...argv], () => {});

	it('refuses a folder that cannot be read or holds no SEN2 file', async () => {
		await expect(call(join(root, 'nowhere'), '--out', join(root, 'x.csv'))).rejects.toThrow(
			/Cannot read the SEN2 folder .*nowhere: no such file or folder \(ENOENT\)\. Give the folder holding the DfE SEN2 CSV files\./
		);
		// --out is checked before the run: a folder that does not exist fails at once.
		await expect(call(REPO + 'docs', '--out', join(root, 'no', 'x.csv'))).rejects.toThrow(
			`Cannot write ${join(root, 'no', 'x.csv')}: the folder ${join(root, 'no')}: no such file or folder (ENOENT).`
		);
		await expect(call(REPO + 'docs', '--out', join(root, 'x.csv'))).rejects.toThrow(
			/No SEN2 file under/
		);
	});

	it.skipIf(!existsSync('/sys/kernel'))(
		'refuses an --out folder that exists but cannot be written to before reading any file',
		async () => {
			// The SEN2 folder does not exist either: the --out check must come first.
			await expect(call(join(root, 'nowhere'), '--out', '/sys/e.csv')).rejects.toThrow(
				'Cannot write /sys/e.csv: the folder /sys cannot be written to: permission denied (EACCES).'
			);
		}
	);

	it('warns, naming the years, when the files’ January censuses are not consecutive', async () => {
		const notes: string[] = [];
		await englandCommand(
			{ dir: FIXTURES, horizon: 1, sims: 0, seed: 50, format: 'csv', out: join(root, 'g.csv') },
			quiet,
			(l) => notes.push(l)
		);
		// The extracts hold the censuses of 2015, 2018, 2020 and 2021.
		expect(notes).toContain(
			'warning: the January censuses of the files jump from 2015 to 2018: no caseload for 2016–2017'
		);
		expect(notes).toContain(
			'warning: the January censuses of the files jump from 2018 to 2020: no caseload for 2019'
		);
	});

	it('refuses an origin that is not a census of the files, and bad options', async () => {
		await expect(call(FIXTURES, '--origin', '2016', '--out', join(root, 'x.csv'))).rejects.toThrow(
			/--origin 2016 is not a January census of the files: they hold 2015–2021 \(2015, 2018, 2020, 2021\)/
		);
		await expect(call(FIXTURES, '--horizon', '11', '--out', join(root, 'x.csv'))).rejects.toThrow(
			'--horizon must be a whole number from 1 to 10, got "11".'
		);
		await expect(call(FIXTURES, '--format', 'xlsx', '--out', join(root, 'x.csv'))).rejects.toThrow(
			'--format must be csv or summary for england, got "xlsx".'
		);
		await expect(call(FIXTURES)).rejects.toThrow(/england needs --out FILE/);
	});

	it('lists the authorities that cannot be built, with the reason, and still succeeds', async () => {
		const notes: string[] = [];
		const said: string[] = [];
		const result = await englandCommand(
			{ dir: FIXTURES, horizon: 1, sims: 5, seed: 50, format: 'csv', out: join(root, 'f.csv') },
			(t) => said.push(t),
			(l) => notes.push(l)
		);
		expect(result.failures).toEqual([
			{
				authority: 'Kingston upon Hull, City of (E06000010, 810)',
				// In words, without the name of the function that threw it (buildSen2Dataset: …).
				reason: expect.stringMatching(
					/^the SEN2 import cannot start a projection: no new plans by age band in 2015–2020/
				)
			}
		]);
		expect(notes.join('\n')).toMatch(
			/1 authority could not be built from January 2021:\n {2}Kingston upon Hull/
		);
		expect(result.rows.map((r) => r.method)).toEqual([
			'workbench',
			'last',
			'growth1',
			'cagr3',
			'linear5'
		]);
		// What was written on stdout, as every other verb says it (it was on stderr).
		expect(said.join('')).toMatch(
			/^Wrote .*f\.csv: 5 rows, 1 of 2 authorities forecast in [\d.]+ s\.\n$/
		);
		expect(notes.join('\n')).not.toMatch(/Wrote/);
	});

	it('is reproducible: the same seed gives the same rows on one or two threads', async () => {
		const args = { dir: FIXTURES, horizon: 3, sims: 30, seed: 9, format: 'summary' as const };
		const one = await englandCommand({ ...args, workers: 1 }, quiet, quiet);
		const two = await englandCommand({ ...args, workers: 2 }, quiet, quiet);
		expect(englandCsv(two.rows)).toBe(englandCsv(one.rows));
		expect(one.rows.find((r) => r.method === 'workbench')!.p5).not.toBeNull();
	});

	it('exits with code 2 and the message on stderr for a bad folder', () => {
		const r = spawnSync(
			process.execPath,
			[
				'--import',
				'tsx',
				'cli/forecast.ts',
				'england',
				join(root, 'nowhere'),
				'--out',
				join(root, 'z.csv')
			],
			{ cwd: REPO, encoding: 'utf8' }
		);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/Cannot read the SEN2 folder/);
	}, 60_000);
});
