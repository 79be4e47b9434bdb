import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { runMonteCarlo, summariseMonteCarlo } from '$lib/engine/monte-carlo';
import { compile, prepareDataset, runExpected } from '$lib/engine/workbench';
import { expectedRows, longCsv, simulationRows } from '$lib/io/long-csv';
import { importSen2 } from '$lib/io/sen2/import';
import { BASELINE_TREND, projectionYears, typed } from '$lib/model/dataset-defaults';
import {
	buildSen2Dataset,
	defaultLedgerLines,
	defaultUnitCosts,
	newDatasetScenarios,
	newDatasetSettings
} from '$lib/io/sen2/new-dataset';
import { parseScenarioSet } from '$lib/io/scenario-set/format';
import { metricValue } from '$lib/model/results';
import { wizardFirstFlowYear } from '$lib/io/sen2/defaults';
import { RELEASE_2022, RELEASE_2025, fixture } from '../lib/io/sen2/fixtures';

const FIXTURES = fileURLToPath(new URL('../fixtures/sen2/', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'sen2-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(...argv: string[]): string {
	let text = '';
	const code = main(argv, (s) => (text += s));
	expect(code).toBe(0);
	return text;
}

/**
 * What the Data page's import and the new dataset wizard build for Kingston when the user keeps
 * every default and types the four figures the wizard asks for.
 */
function inAppDataset() {
	const sen2 = importSen2([...RELEASE_2022, ...RELEASE_2025].map(fixture), 'Kingston upon Thames');
	const base = 2021;
	const years = projectionYears(base, base + 5);
	const settings = newDatasetSettings();
	const each = (v: number) => Object.fromEntries(years.map((fy) => [fy, typed(v)]));
	const dataset = buildSen2Dataset({
		id: 'in-app',
		name: '',
		dataDate: `${base}-01-31`,
		sen2,
		baseCensus: base,
		horizonCensus: base + 5,
		firstFlowYear: wizardFirstFlowYear(sen2.history, base) ?? undefined,
		finance: {
			openingCumulativeDeficit: typed(25_125_000),
			lines: {
				...defaultLedgerLines(years),
				hnb_allocation: each(20_000_000),
				deficit_cap: each(40_000_000),
				hnb_expenditure_before_savings: { [years[0]]: typed(30_000_000) }
			},
			savings: []
		},
		unitCosts: defaultUnitCosts(settings),
		settings
	});
	return { dataset, scenarios: newDatasetScenarios(dataset) };
}

/** The census metrics' rows (EHCPs) of a long CSV. */
const censusRows = (csv: string) =>
	csv
		.trimEnd()
		.split('\n')
		.filter((l) => /^[^,]*,\d{4},ehcp_/.test(l));

describe('forecast sen2', () => {
	const out = join(root, 'kingston.json');
	const said = run('sen2', FIXTURES, '--authority', '314', '--out', out);
	const text = readFileSync(out, 'utf8');

	it('writes a scenario set the app’s import and run --dataset accept, and says what it wrote', () => {
		const parsed = parseScenarioSet(text, out);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.scenarios.map((s) => s.name)).toEqual(['Financial plan', 'Baseline (trend)']);
		expect(parsed.dataset.baseCensus).toBe(2021);
		expect(parsed.dataset.authority).toEqual({
			name: 'Kingston upon Thames',
			code: 'E09000021',
			laCode: '314'
		});
		expect(said).toMatch(
			/Wrote .*kingston\.json: dataset "Kingston upon Thames — SEN2 to January 2021"/
		);
	});

	it('builds the dataset the in-app import builds: same history, base, estimation and caseload', () => {
		const parsed = parseScenarioSet(text, out);
		if (!parsed.ok) throw new Error('not read');
		const { dataset } = inAppDataset();
		for (const key of [
			'history',
			'baseCaseload',
			'estimation',
			'settings',
			'unitCosts',
			'baseCensus',
			'horizonCensus',
			'name'
		] as const) {
			expect(parsed.dataset[key], key).toEqual(dataset[key]);
		}
	});

	it('run --dataset gives the in-app projection of EHCPs, expected and simulated', () => {
		const { dataset, scenarios } = inAppDataset();
		const baseline = scenarios.find((s) => s.name === BASELINE_TREND)!;
		const prepared = prepareDataset(dataset);
		const expected = longCsv(expectedRows(runExpected(prepared, baseline)));
		const cli = run('run', '--dataset', out, '--scenario', BASELINE_TREND);
		expect(censusRows(cli)).toEqual(censusRows(expected));
		expect(censusRows(cli).length).toBeGreaterThan(20);

		const [mc] = runMonteCarlo([compile(prepared, baseline)], 200, 50);
		const simulated = longCsv(simulationRows(summariseMonteCarlo(mc)));
		const cliSims = run(
			'run',
			'--dataset',
			out,
			'--scenario',
			BASELINE_TREND,
			'--sims',
			'200',
			'--seed',
			'50'
		);
		const onlySims = (csv: string) => censusRows(csv).filter((l) => !l.includes(',expected,'));
		expect(onlySims(cliSims)).toEqual(onlySims(simulated));
	});

	it('has no finance of its own: a cap never reached, non-placement spend 0', () => {
		const parsed = parseScenarioSet(text, out);
		if (!parsed.ok) throw new Error('not read');
		const lines = parsed.dataset.finance.lines;
		expect(Object.values(lines.hnb_allocation!).every((f) => f.value === 0)).toBe(true);
		// `run --dataset` prints the EHCPs only of such a file (tests/cli/no-finance.test.ts): read
		// its ledger's projection from the engine.
		const baseline = parsed.scenarios.find((s) => s.name === BASELINE_TREND)!;
		const result = runExpected(prepareDataset(parsed.dataset), baseline);
		const value = (metric: string) => metricValue(result, metric, '2021/22');
		expect(value('hnb_expenditure_before_savings')).toBeCloseTo(value('placement_cost'), 0);
	});

	it('finds the files in sub-folders and skips CSV files that are not SEN2 files', () => {
		const dir = join(root, 'mixed');
		mkdirSync(join(dir, 'a', 'b'), { recursive: true });
		for (const f of RELEASE_2022) {
			writeFileSync(join(dir, 'a', 'b', f.split('/').pop()!), fixture(f).text);
		}
		writeFileSync(join(dir, 'notes.csv'), 'x,y\n1,2\n');
		const file = join(root, 'mixed.json');
		const stderr: string[] = [];
		const write = process.stderr.write.bind(process.stderr);
		process.stderr.write = ((s: string) => (stderr.push(s), true)) as typeof process.stderr.write;
		try {
			run('sen2', dir, '--authority', 'Kingston upon Thames', '--out', file);
		} finally {
			process.stderr.write = write;
		}
		expect(stderr.join('')).toMatch(/skipped notes\.csv/);
		// Each note of the import is printed, not only their number.
		expect(stderr.join('')).toMatch(
			/^note: sen2_mi\.csv, row \d+, column "InreqEHC": not applicable \("z"\) in 2015: no figure$/m
		);
		// A gap between censuses (the extract holds 2015, 2018, 2020, 2021) as a warning.
		expect(stderr.join('')).toMatch(
			/^warning: sen2_age_caseload\.csv, row \d+, column "time_period": the January censuses jump from 2015 to 2018: no caseload for 2016–2017$/m
		);
		expect(stderr.join('')).toMatch(
			/^\d+ notes on the files, above \(the Data page lists them too\)\.$/m
		);
		expect(parseScenarioSet(readFileSync(file, 'utf8'), file).ok).toBe(true);
	});

	it('refuses an unknown authority naming the closest, and a folder without SEN2 files', () => {
		expect(() =>
			run('sen2', FIXTURES, '--authority', 'Kingstn upon Thames', '--out', join(root, 'x.json'))
		).toThrow(/"Kingstn upon Thames"; closest: Kingston upon Thames \(E09000021, 314\)/);
		expect(() =>
			run('sen2', FIXTURES, '--authority', 'Kingston', '--out', join(root, 'x.json'))
		).toThrow(/matches Kingston upon Hull, City of .* and Kingston upon Thames/);
		// A part of one name is not taken silently (as "London" was for City of London).
		expect(() =>
			run('sen2', FIXTURES, '--authority', 'Hull', '--out', join(root, 'x.json'))
		).toThrow(
			`Cannot choose the authority in the SEN2 files under ${FIXTURES}: expected the full name of an authority or a code, got "Hull", a part of the name of Kingston upon Hull, City of (E06000010, 810). Give its full name, its new code (such as E09000021) or its old code (such as 314).`
		);
		expect(() =>
			run('sen2', join(root, 'nowhere'), '--authority', '314', '--out', join(root, 'x.json'))
		).toThrow(
			/Cannot read the SEN2 folder .*nowhere: no such file or folder \(ENOENT\)\. Give the folder holding the DfE SEN2 CSV files\./
		);
		// --out is checked first: a folder that does not exist fails before any file is read.
		expect(() =>
			run('sen2', FIXTURES, '--authority', '314', '--out', join(root, 'no', 'x.json'))
		).toThrow(
			`Cannot write ${join(root, 'no', 'x.json')}: the folder ${join(root, 'no')}: no such file or folder (ENOENT).`
		);
		const empty = join(root, 'empty');
		mkdirSync(empty, { recursive: true });
		expect(() => run('sen2', empty, '--authority', '314', '--out', join(root, 'x.json'))).toThrow(
			/No SEN2 file under/
		);
		expect(() => run('sen2', FIXTURES, '--out', join(root, 'x.json'))).toThrow(/--authority NAME/);
		expect(() => run('sen2', FIXTURES, '--authority', '314')).toThrow(/--out FILE/);
	});

	it.skipIf(!existsSync('/sys/kernel'))(
		'refuses an --out folder that exists but cannot be written to before reading any file',
		() => {
			expect(() =>
				run('sen2', join(root, 'nowhere'), '--authority', '314', '--out', '/sys/k.json')
			).toThrow(
				'Cannot write /sys/k.json: the folder /sys cannot be written to: permission denied (EACCES).'
			);
		}
	);

	it('exits with code 2 and the message on stderr for an unknown authority', () => {
		const r = spawnSync(
			process.execPath,
			[
				'--import',
				'tsx',
				'cli/forecast.ts',
				'sen2',
				FIXTURES,
				'--authority',
				'Atlantis',
				'--out',
				join(root, 'y.json')
			],
			{ cwd: REPO, encoding: 'utf8' }
		);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/got "Atlantis"/);
		expect(r.stderr).not.toMatch(/forecast failed/);
	}, 60_000);
});
