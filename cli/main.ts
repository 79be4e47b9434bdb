/**
 * The command line over the same engine as the app (`npm run -s forecast -- <verb> …`), for batch
 * runs, exports and benchmarks.
 *
 *   forecast scenarios [--dataset FILE]
 *   forecast run --scenario NAME [--dataset FILE] [--format csv|json] [--sims [N] [--seed S]]
 *   forecast backtest [--dataset FILE] [--holdout K] [--sims N] [--seed S] [--format table|csv]
 *   forecast witan <input dir> [--sims N] [--seed S] --out DIR
 *   forecast export --out FILE [--dataset FILE]
 *   forecast sen2 <dir> --authority NAME --out FILE
 *   forecast england <dir> [--origin YEAR] [--horizon H] [--sims N] [--seed S] [--format csv|summary] --out FILE
 *   forecast export-table <monitoring|kpis|dsg-grid> --format csv|xlsx --out FILE [--dataset FILE]
 *       [--plan NAME] [--projection NAME] [--scenario NAME] [--year YEAR]
 *
 * Each verb takes only its own options and arguments (cli/args.ts); any other is a UsageError.
 *
 * `--dataset` reads a scenario set file (docs/model.md §6); without it the built-in Kingston dataset
 * and its scenarios are used. Errors go to stderr with exit code 2.
 *
 * `run --sims N` adds the Monte Carlo statistics rows (docs/model.md §6) after the expected rows: N
 * simulations (1,000 when `--sims` has no number) with seed S (default 50), in this thread. The
 * same N and seed always print the same rows.
 */
import { kingstonDataset } from '../src/lib/data/kingston';
import { kingstonScenarios } from '../src/lib/data/kingston-scenarios';
import type { BacktestSummary } from '../src/lib/engine/backtest';
import { backtestWithBands } from '../src/lib/engine/backtest-bands';
import { maxOf, pushAll } from '../src/lib/model/extent';
import { runMonteCarlo, summariseMonteCarlo } from '../src/lib/engine/monte-carlo';
import { compile, prepareDataset, resultOf } from '../src/lib/engine/workbench';
import { projectExpected } from '../src/lib/engine/project';
import { toCsv } from '../src/lib/io/csv/write';
import { expectedRows, longCsv, simulationRows } from '../src/lib/io/long-csv';
import type { Dataset } from '../src/lib/model/dataset';
import type { Scenario } from '../src/lib/model/scenario';
import { formatNumber } from '../src/lib/model/format';
import { parseScenarioSet } from '../src/lib/io/scenario-set/format';
import { exportCommand } from './export';
import { EXPORT_TABLES, exportTableCommand, type ExportTableName } from './export-table';
import { CliFileError, readTextFile, type Note } from './files';
import { WitanInputError, witanCommand } from './witan';
import { englandVerb, sen2Verb } from './sen2-verbs';
import { demandRows, noFinanceNote } from './no-finance';
import { DEFAULT_SIMULATIONS, UsageError, parseCommand } from './args';
import { inWords } from './messages';
import { hasNoFinance } from '../src/lib/model/stand-in-finance';

export { UsageError };

const USAGE = `Usage: npm run -s forecast -- <verb> [options]

Verbs:
  scenarios [--dataset FILE]                         list the scenarios' names
  run --scenario NAME [--dataset FILE]
      [--format csv|json]                            results as the long CSV (docs/model.md §6) or JSON
      [--sims [N]] [--seed S]                        … with Monte Carlo statistics after the
                                                     expected rows (N default 1000, S default 50)
  backtest [--dataset FILE] [--holdout K]
      [--sims N] [--seed S] [--format table|csv]     error by horizon per estimator, with the
                                                     simulated p5–p95 band; marks the best
  witan <input dir> [--sims N] [--seed S] --out DIR  runs witan.send inputs (transitions.csv,
                                                     population.csv, costs.csv, valid-states.csv)
                                                     and writes Output_Count/Cost/AY/Need/Setting.csv
  export --out FILE [--dataset FILE]                 the built-in dataset (or the file's) and its
                                                     scenarios as a scenario set file (for
                                                     run --dataset FILE)
  export-table <monitoring|kpis|dsg-grid>
      --format csv|xlsx --out FILE [--dataset FILE]  a table as CSV or XLSX; monitoring needs a
      [--plan NAME] [--projection NAME]              dataset with finance
      [--scenario NAME] [--year YEAR]
  sen2 <dir> --authority NAME --out FILE             one authority's dataset from the DfE SEN2
                                                     files under <dir> (name, new or old LA code),
                                                     as the Data page builds it, as a scenario set
  england <dir> [--origin YEAR] [--horizon H]
      [--sims N] [--seed S] [--format csv|summary]
      --out FILE                                     every authority of the SEN2 files forecast
                                                     from January YEAR (default: the latest), H
                                                     years ahead (4): workbench and naive methods
                                                     per authority × year; summary: accuracy

Options:
  --dataset FILE   a scenario set file (.json) exported from the workbench; default: Kingston
  --format FORMAT  csv (default) or json for run; table (default) or csv for backtest
  --sims N         Monte Carlo simulations (run: 1000 when N is left out; backtest: 1000)
  --seed S         seed of the simulations, a whole number from 0 to 4294967295 (default 50)
  --holdout K      census years held out by backtest (default: the dataset's, 3 for Kingston)
  --out PATH       the file (export, export-table, sen2, england) or directory (witan) to write
  --authority A    sen2: the authority, by full name, new or former code (E09000021) or old
                   code (314)
  --origin YEAR    england: the January census forecast from (default: the latest in the files)
  --horizon H      england: years ahead, 1 to 10 (default 4)
  --workers W      england: worker threads (default: one per core)
  --plan NAME      export-table: the financial plan scenario (default: the one with role plan)
  --projection NAME
                   export-table: the projection scenario (default: the one with role projection)
  --scenario NAME  run: the scenario; export-table dsg-grid: its scenario (default: the projection)
  --year YEAR      export-table: the financial year, such as 2022/23 (default: the first)
  --help           this text

Each verb takes only its own options; any other is an error. Relative paths are from the folder
the command is run in.
`;

const DEFAULT_SEED = 50;

interface Loaded {
	dataset: Dataset;
	scenarios: Scenario[];
}

/**
 * The dataset file's dataset and scenarios, or Kingston's without a file. The warnings the app
 * shows on import (a duplicated history year added together, keys named `__proto__` dropped, a
 * migrated version…) go to `note`, one line each (stderr in the command line).
 */
export function loadDataset(file: string | undefined, note: Note = () => {}): Loaded {
	if (!file) return { dataset: kingstonDataset(), scenarios: kingstonScenarios() };
	let text: string;
	try {
		text = readTextFile(file, 'the dataset file');
	} catch (e) {
		if (e instanceof CliFileError) throw new UsageError(e.message);
		throw e;
	}
	const parsed = parseScenarioSet(text, file);
	for (const w of parsed.warnings) note(`warning: ${w.message}`);
	if (!parsed.ok) {
		throw new UsageError(
			`${file} is not a usable scenario set:\n` +
				parsed.errors.map((e) => `  - ${e.message}`).join('\n')
		);
	}
	return { dataset: parsed.dataset, scenarios: parsed.scenarios };
}

function findScenario(loaded: Loaded, name: string | undefined): Scenario {
	if (!name)
		throw new UsageError('run needs --scenario NAME (see `forecast scenarios` for the names).');
	const s = loaded.scenarios.find((x) => x.name === name);
	if (!s) {
		throw new UsageError(
			loaded.scenarios.length === 0
				? `No scenario named "${name}": the dataset "${loaded.dataset.name}" has no scenarios.`
				: `No scenario named "${name}". The scenarios are:\n` +
						loaded.scenarios.map((x) => `  ${x.name}`).join('\n')
		);
	}
	return s;
}

/** A whole number option within [min, max], or a UsageError naming the option. */
function wholeOption(
	name: string,
	raw: string | undefined,
	fallback: number,
	min: number,
	max: number
): number {
	if (raw === undefined) return fallback;
	const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
	if (!(Number.isInteger(n) && n >= min && n <= max)) {
		throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
	}
	return n;
}

/**
 * Runs one command: results to `out` (stdout), warnings, notes and the usage after a bad call to
 * `err` (stderr). Returns the exit code, or a promise of it for verbs that write files
 * asynchronously (export-table). Throws UsageError for anything the user should fix.
 */
export function main(
	argv: string[],
	out: (s: string) => void,
	err: (s: string) => void = (s) => process.stderr.write(s)
): number | Promise<number> {
	const note: Note = (line) => err(line + '\n');
	const { verb, args, values, help } = parseCommand(argv);
	if (help) {
		out(USAGE);
		return 0;
	}
	if (!verb) {
		err(USAGE);
		return 2;
	}
	switch (verb) {
		case 'backtest':
			return backtestVerb(values, out, note);
		case 'witan':
			return witanVerb(args[0], values, out, note);
		case 'export': {
			if (!values.out?.trim()) {
				throw new UsageError('export needs --out FILE, the scenario set file to write.');
			}
			// The dataset file given, or the built-in one: never the built-in one in its place.
			const from = values.dataset ? loadDataset(values.dataset, note) : undefined;
			try {
				return exportCommand({ out: values.out ?? '', from }, out, note);
			} catch (e) {
				throw new UsageError((e as Error).message);
			}
		}
		case 'export-table':
			return exportTableVerb(args[0], values, out, note);
		case 'sen2':
			return sen2Verb(args[0], values, out, note);
		case 'england':
			return englandVerb(args[0], values, out, note);
		case 'scenarios': {
			const loaded = loadDataset(values.dataset, note);
			out(loaded.scenarios.map((s) => s.name).join('\n') + '\n');
			return 0;
		}
		case 'run': {
			values.format ??= 'csv';
			if (values.format !== 'csv' && values.format !== 'json') {
				throw new UsageError(`--format must be csv or json for run, got "${values.format}".`);
			}
			const loaded = loadDataset(values.dataset, note);
			const scenario = findScenario(loaded, values.scenario);
			if (values.seed !== undefined && values.sims === undefined) {
				throw new UsageError('--seed applies to a Monte Carlo run: give --sims N as well.');
			}
			let compiled: ReturnType<typeof compile>;
			try {
				compiled = compile(prepareDataset(loaded.dataset), scenario);
			} catch (e) {
				// Estimation from the dataset's history failed: say so in words (decision 0033).
				throw new UsageError(
					`Cannot project "${scenario.name}" of ${values.dataset ?? loaded.dataset.name}: ${inWords((e as Error).message)}.`
				);
			}
			const expected = projectExpected(compiled);
			const result = resultOf(compiled, expected.values, expected.firstBreach);
			let rows = expectedRows(result);
			if (values.sims !== undefined) {
				const n = wholeOption('sims', values.sims, DEFAULT_SIMULATIONS, 1, 1_000_000);
				const seed = wholeOption('seed', values.seed, DEFAULT_SEED, 0, 0xffffffff);
				const [run] = runMonteCarlo([compiled], n, seed);
				pushAll(rows, simulationRows(summariseMonteCarlo(run)));
			}
			if (hasNoFinance(loaded.dataset)) {
				// As the dashboard: a stand-in ledger's deficit, cap and costs mean nothing.
				rows = demandRows(rows, result.metrics);
				note(noFinanceNote(values.dataset, loaded.dataset));
			}
			out(values.format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : longCsv(rows));
			for (const w of result.warnings) note(`warning: ${w}`);
			return 0;
		}
	}
}

type Values = {
	dataset?: string;
	scenario?: string;
	format?: string;
	sims?: string;
	seed?: string;
	holdout?: string;
	out?: string;
	plan?: string;
	projection?: string;
	year?: string;
};

function witanVerb(
	inputDir: string | undefined,
	values: Values,
	out: (s: string) => void,
	note: Note
): number {
	if (!inputDir)
		throw new UsageError('witan needs the input directory: forecast witan <dir> --out DIR');
	if (!values.out)
		throw new UsageError('witan needs --out DIR, the directory to write the Output files to.');
	const sims = wholeOption('sims', values.sims, DEFAULT_SIMULATIONS, 1, 1_000_000);
	const seed = wholeOption('seed', values.seed, DEFAULT_SEED, 0, 0xffffffff);
	try {
		witanCommand({ inputDir, sims, seed, outDir: values.out }, (line) => out(line + '\n'), note);
	} catch (e) {
		if (e instanceof WitanInputError) throw new UsageError(e.message);
		throw e;
	}
	return 0;
}

async function exportTableVerb(
	table: string | undefined,
	values: Values,
	out: (s: string) => void,
	note: Note
): Promise<number> {
	if (!table || !(EXPORT_TABLES as readonly string[]).includes(table)) {
		throw new UsageError(
			`export-table needs the table: one of ${EXPORT_TABLES.join(', ')}${table ? `, got "${table}"` : ''}.`
		);
	}
	if (values.format !== 'csv' && values.format !== 'xlsx') {
		throw new UsageError(`export-table needs --format csv or xlsx, got "${values.format ?? ''}".`);
	}
	if (!values.out) throw new UsageError('export-table needs --out FILE, the file to write.');
	try {
		await exportTableCommand(
			{
				table: table as ExportTableName,
				format: values.format,
				out: values.out,
				dataset: values.dataset,
				plan: values.plan,
				projection: values.projection,
				scenario: values.scenario,
				year: values.year
			},
			(line) => out(line.endsWith('\n') ? line : line + '\n'),
			note
		);
	} catch (e) {
		throw new UsageError((e as Error).message);
	}
	return 0;
}

const BACKTEST_CSV_HEADER = [
	'estimator',
	'best',
	'from_census',
	'census',
	'horizon',
	'projected',
	'actual',
	'error',
	'percent_error',
	'p5',
	'p95',
	'inside_p5_p95'
] as const;

function backtestVerb(values: Values, out: (s: string) => void, note: Note): number {
	const format = values.format ?? 'table';
	if (format !== 'table' && format !== 'csv') {
		throw new UsageError(`--format must be table or csv for backtest, got "${format}".`);
	}
	const loaded = loadDataset(values.dataset, note);
	const holdout = wholeOption(
		'holdout',
		values.holdout,
		loaded.dataset.estimation.backtestHoldout,
		1,
		50
	);
	const simulations = wholeOption('sims', values.sims, DEFAULT_SIMULATIONS, 1, 1_000_000);
	const seed = wholeOption('seed', values.seed, DEFAULT_SEED, 0, 0xffffffff);
	let summary: BacktestSummary;
	try {
		summary = backtestWithBands(loaded.dataset, holdout, { simulations, seed });
	} catch (e) {
		throw new UsageError(
			`Cannot back-test ${loaded.dataset.name}: ${inWords((e as Error).message)}`
		);
	}
	if (format === 'csv') {
		const rows = summary.results.flatMap((r) =>
			r.points.map((p) => [
				r.estimator,
				r.estimator === summary.best,
				r.fromCensus,
				p.census,
				p.horizon,
				round(p.projected, 1),
				p.actual,
				round(p.error, 1),
				round(p.percentError, 4),
				p.p5 === null ? null : round(p.p5, 1),
				p.p95 === null ? null : round(p.p95, 1),
				p.inBand
			])
		);
		out(toCsv(BACKTEST_CSV_HEADER, rows));
		return 0;
	}
	out(backtestTable(loaded.dataset.name, summary, simulations, seed));
	return 0;
}

function round(v: number, places: number): number {
	const f = 10 ** places;
	const r = Math.round(v * f) / f;
	return Object.is(r, -0) ? 0 : r;
}

// Numbers as the app prints them (model/format.ts: en-GB, the real minus sign; its ICU formats
// are made on first use, so the command line starts as fast as before).
const whole = { format: (v: number) => formatNumber(v, 0) };
const one = { format: (v: number) => formatNumber(v, 1) };
const signed = (v: number) => formatNumber(v, 1, { signed: true });

/** The back-test as a plain-text table per estimator, the best marked. */
export function backtestTable(
	datasetName: string,
	summary: BacktestSummary,
	simulations: number,
	seed: number
): string {
	const from = summary.results[0]?.fromCensus;
	const lines = [
		`Back-test of ${datasetName}: the last ${summary.holdout === 1 ? 'census year' : `${summary.holdout} census years`} held out, projected from January ${from}.`,
		`Band: p5–p95 of ${whole.format(simulations)} simulations (seed ${seed}).`,
		''
	];
	const head = ['census', 'horizon', 'projected', 'actual', 'error', '% error', 'inside p5–p95'];
	for (const r of summary.results) {
		const best = r.estimator === summary.best;
		lines.push(
			`${best ? '* ' : '  '}${r.estimator}: mean absolute % error ${one.format(r.mape * 100)}%${best ? '  (best)' : ''}`
		);
		const body = r.points.map((p) => [
			String(p.census),
			String(p.horizon),
			one.format(p.projected),
			whole.format(p.actual),
			signed(p.error),
			Number.isFinite(p.percentError) ? signed(p.percentError * 100) + '%' : 'n/a',
			p.inBand === null
				? 'not simulated'
				: `${p.inBand ? 'yes' : 'no'} (${whole.format(p.p5!)}–${whole.format(p.p95!)})`
		]);
		const widths = head.map((h, c) =>
			Math.max(
				h.length,
				maxOf(body, (row) => row[c].length)
			)
		);
		const line = (cells: string[]) =>
			'    ' +
			cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padStart(widths[c]))).join('  ');
		lines.push(line(head));
		pushAll(lines, body.map(line));
		lines.push('');
	}
	lines.push(`* best: ${summary.best} (smallest mean absolute % error).`);
	return lines.join('\n') + '\n';
}
