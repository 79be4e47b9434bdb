/**
 * `forecast england <dir> [--origin YEAR] [--horizon H] [--sims N] [--seed S]
 * [--format csv|summary] --out FILE`: every local authority of the DfE SEN2 files under a folder,
 * each forecast from the January census `origin` (default: the latest in the files) using only
 * what the files held at that census, H years ahead (default 4), by the workbench (the app's
 * default forecast, with N Monte Carlo simulations, seed S) and by the naive baselines.
 *
 * The CSV has one row per authority × year × method, columns `FORECAST_COLUMNS`
 * (src/lib/engine/authority-forecast.ts); `actual` is the census total when the files hold it.
 * `--format summary` prints the accuracy by method and horizon instead (MAPE, median APE, bias,
 * the workbench's p5–p95 coverage); with `--out` the CSV is written as well.
 *
 * Speed: the files are parsed and their rows grouped by authority once, in this thread; the
 * authorities are then handed one at a time to worker threads (one per core), which build and
 * forecast them. Authorities that cannot be built are listed on stderr with the reason.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { accuracyTable, type AccuracyRow } from '../src/lib/engine/accuracy';
import { FORECAST_COLUMNS, type AuthorityForecastRow } from '../src/lib/engine/authority-forecast';
import { ImportError } from '../src/lib/io/csv/errors';
import { toCsv } from '../src/lib/io/csv/write';
import { describeAuthority } from '../src/lib/io/sen2/authorities';
import {
	censusYears,
	groupByAuthority,
	readSen2England,
	type AuthorityRows
} from '../src/lib/io/sen2/england';
import type { EnglandReply, EnglandTask } from './england-protocol';
import { CliFileError, prepareOutFile, writeFileWhole } from './files';
import { formatPercent } from '../src/lib/model/format';
import { inWords } from './messages';
import { Sen2InputError, findSen2Files, readSen2Texts } from './sen2';

export interface EnglandCommandArgs {
	dir: string;
	/** January census to forecast from; default the latest in the files. */
	origin?: number;
	/** Years ahead, 1–10. */
	horizon: number;
	/** Monte Carlo simulations per authority (0: no percentiles). */
	sims: number;
	seed: number;
	format: 'csv' | 'summary';
	/** The CSV file to write (needed for csv; optional for summary). */
	out?: string;
	/** Worker threads; default one per core. */
	workers?: number;
}

export interface EnglandCommandResult {
	origin: number;
	rows: AuthorityForecastRow[];
	failures: { authority: string; reason: string }[];
	authorities: number;
	seconds: { read: number; forecast: number; total: number };
}

/** Largest horizon: the wizard projects at most 10 years. */
export const MAX_ENGLAND_HORIZON = 10;

/**
 * Where the worker's module is: next to this one, with the same extension (`.ts` run by tsx,
 * `.js` when built), so a bundled command line ships `england-worker.js` beside itself.
 */
function workerUrl(): URL {
	const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
	return new URL(`./england-worker${ext}`, import.meta.url);
}

/**
 * Starts a worker thread on the worker module. A `.ts` module is loaded through tsx's API (a
 * worker does not inherit the tsx loader of the thread that starts it).
 */
function startWorker(): Worker {
	const url = workerUrl();
	if (!url.pathname.endsWith('.ts')) return new Worker(url);
	const api = import.meta.resolve('tsx/esm/api');
	const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(import.meta.url)}))`;
	return new Worker(boot, { eval: true });
}

/** Worker threads started ahead of the work, so that they load while the files are read. */
interface Pool {
	/** Runs the tasks, one at a time per worker; replies in task order. */
	run(
		tasks: EnglandTask[],
		onReply: (reply: EnglandReply, done: number) => void
	): Promise<EnglandReply[]>;
	close(): void;
}

function startPool(count: number): Pool {
	const workers = Array.from({ length: count }, startWorker);
	let failed: Error | null = null;
	let fail: (e: Error) => void = (e) => (failed ??= e);
	for (const w of workers) {
		w.on('error', (e) => fail(new Error(`forecast england: a worker thread failed: ${e.message}`)));
		w.on('exit', (code) => {
			if (code !== 0)
				fail(new Error(`forecast england: a worker thread stopped (exit code ${code})`));
		});
	}
	let closed = false;
	return {
		close() {
			closed = true;
			fail = () => {};
			for (const w of workers) void w.terminate();
		},
		run(tasks, onReply) {
			const replies: EnglandReply[] = new Array(tasks.length);
			let next = 0;
			let done = 0;
			return new Promise((resolve, reject) => {
				if (failed) return reject(failed);
				if (closed) return reject(new Error('forecast england: the worker threads are closed'));
				if (tasks.length === 0) return resolve(replies);
				fail = (e) => {
					fail = () => {};
					reject(e);
				};
				const feed = (w: Worker) => {
					if (next < tasks.length) w.postMessage(tasks[next++]);
				};
				for (const w of workers) {
					w.on('message', (reply: EnglandReply) => {
						replies[reply.index] = reply;
						done++;
						onReply(reply, done);
						if (done === tasks.length) resolve(replies);
						else feed(w);
					});
					feed(w);
				}
			});
		}
	};
}

function round(v: number | null, places = 3): number | null {
	if (v === null) return null;
	const f = 10 ** places;
	const r = Math.round(v * f) / f;
	return Object.is(r, -0) ? 0 : r;
}

/**
 * The forecast rows as CSV, columns `FORECAST_COLUMNS`, figures to 3 decimals, empty when null.
 * @example englandCsv(rows).split('\n')[0] // 'authority,la_code,new_la_code,origin,year,…,actual'
 */
export function englandCsv(rows: readonly AuthorityForecastRow[]): string {
	return toCsv(
		FORECAST_COLUMNS,
		rows.map((r) =>
			FORECAST_COLUMNS.map((c) => {
				const v = r[c];
				return typeof v === 'number' && c !== 'origin' && c !== 'year' && c !== 'horizon'
					? round(v)
					: v;
			})
		)
	);
}

const pct = (v: number, signed = false) => formatPercent(v, 1, { signed });

/**
 * The accuracy table as text: per method and horizon, points scored, MAPE, median APE, bias and
 * (workbench) the share of actuals inside p5–p95.
 */
export function englandSummary(
	result: Pick<EnglandCommandResult, 'origin' | 'rows' | 'failures' | 'authorities'>,
	args: Pick<EnglandCommandArgs, 'sims' | 'seed'>
): string {
	const table: AccuracyRow[] = accuracyTable(result.rows);
	const built = result.authorities - result.failures.length;
	const lines = [
		`Forecasts of the EHC plan total from January ${result.origin}: ${built} of ${result.authorities} authorities` +
			(args.sims > 0
				? `, workbench band p5–p95 of ${args.sims.toLocaleString('en-GB')} simulations (seed ${args.seed}).`
				: '.'),
		'APE: absolute percentage error; bias: mean signed percentage error (+ over-forecasts).',
		''
	];
	if (table.length === 0) {
		lines.push(
			`No actual census figure after January ${result.origin} in the files: nothing to score (choose an earlier --origin).`
		);
		return lines.join('\n') + '\n';
	}
	const head = ['method', 'horizon', 'year', 'n', 'MAPE', 'median APE', 'bias', 'p5–p95 coverage'];
	const body = table.map((r) => [
		r.method,
		String(r.horizon),
		String(result.origin + r.horizon),
		String(r.n),
		pct(r.mape),
		pct(r.medianApe),
		pct(r.bias, true),
		r.coverage === null ? '' : `${pct(r.coverage)} of ${r.banded}`
	]);
	const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
			.join('  ')
			.trimEnd();
	lines.push(line(head), ...body.map(line));
	return lines.join('\n') + '\n';
}

/**
 * Runs `forecast england`. `log` gets the summary (stdout, `--format summary`) and the closing
 * line; `note` the progress and the authorities that could not be built (stderr). Throws a
 * Sen2InputError for anything the user should fix; nothing is written then.
 */
export async function englandCommand(
	args: EnglandCommandArgs,
	log: (text: string) => void,
	note: (line: string) => void
): Promise<EnglandCommandResult> {
	const start = performance.now();
	if (args.format === 'csv' && !args.out?.trim()) {
		throw new Sen2InputError('england needs --out FILE, the CSV file to write.');
	}
	// Before the run (minutes for every authority): a bad --out fails at once.
	if (args.out?.trim()) {
		try {
			prepareOutFile(args.out);
		} catch (e) {
			if (e instanceof CliFileError) throw new Sen2InputError(e.message);
			throw e;
		}
	}
	// Workers load the engine while this thread reads the files.
	const pool = startPool(Math.max(1, args.workers ?? availableParallelism()));
	let replies: EnglandReply[];
	let groups: AuthorityRows[];
	let origin: number;
	let read: number;
	try {
		const files = readSen2Texts(findSen2Files(args.dir, note));
		try {
			const england = readSen2England(files);
			const years = censusYears(england);
			if (years.length === 0) {
				throw new Sen2InputError(
					`No January census in the SEN2 files under ${args.dir}: forecast england needs a caseload file (sen2_age_caseload.csv, sen2_estab_caseload.csv or caseload.csv).`
				);
			}
			for (let i = 1; i < years.length; i++) {
				const [before, after] = [years[i - 1], years[i]];
				if (after - before > 1) {
					note(
						`warning: the January censuses of the files jump from ${before} to ${after}: no caseload for ` +
							(after - before === 2 ? `${before + 1}` : `${before + 1}–${after - 1}`) +
							(i === years.length - 1 && args.origin === undefined
								? `; ${after}, the latest, is the origin: check the files' time_period or give --origin`
								: '')
					);
				}
			}
			origin = args.origin ?? years[years.length - 1];
			if (!years.includes(origin)) {
				throw new Sen2InputError(
					`--origin ${origin} is not a January census of the files: they hold ${years[0]}–${years[years.length - 1]}${years.length < years[years.length - 1] - years[0] + 1 ? ` (${years.join(', ')})` : ''}.`
				);
			}
			groups = groupByAuthority(england);
		} catch (e) {
			if (e instanceof ImportError) throw new Sen2InputError(e.message);
			throw e;
		}
		read = (performance.now() - start) / 1000;
		const workers = Math.max(1, args.workers ?? availableParallelism());
		note(
			`forecast england: ${groups.length} authorities from January ${origin}, ${args.horizon} years ahead, ` +
				`${args.sims.toLocaleString('en-GB')} simulations each (seed ${args.seed}), on ${workers} worker thread${workers === 1 ? '' : 's'} ` +
				`(files read in ${read.toFixed(1)} s)`
		);
		const tasks: EnglandTask[] = groups.map((rows, index) => ({
			index,
			rows,
			origin,
			horizon: args.horizon,
			simulations: args.sims,
			seed: args.seed
		}));
		const step = Math.max(1, Math.ceil(groups.length / 10));
		replies = await pool.run(tasks, (_, done) => {
			if (done % step === 0 || done === groups.length) {
				note(
					`  ${done}/${groups.length} authorities (${((performance.now() - start) / 1000).toFixed(1)} s)`
				);
			}
		});
	} finally {
		pool.close();
	}
	const rows: AuthorityForecastRow[] = [];
	const failures: EnglandCommandResult['failures'] = [];
	replies.forEach((reply, i) => {
		const who = describeAuthority(groups[i].authority);
		for (const n of reply.notes) note(`note: ${who}: ${n}`);
		if (reply.ok)
			for (const row of reply.rows) rows.push(row); // no spread over data
		else failures.push({ authority: who, reason: inWords(reply.reason) });
	});
	if (failures.length > 0) {
		note(
			`${failures.length} authorit${failures.length === 1 ? 'y' : 'ies'} could not be built from January ${origin}:`
		);
		for (const f of failures) note(`  ${f.authority}: ${f.reason}`);
	}
	if (args.out?.trim()) {
		try {
			writeFileWhole(args.out, englandCsv(rows), note);
		} catch (e) {
			if (e instanceof CliFileError) throw new Sen2InputError(e.message);
			throw e;
		}
	}
	const total = (performance.now() - start) / 1000;
	const result: EnglandCommandResult = {
		origin,
		rows,
		failures,
		authorities: groups.length,
		seconds: { read, forecast: total - read, total }
	};
	if (args.format === 'summary') log(englandSummary(result, args));
	const forecast = `${groups.length - failures.length} of ${groups.length} authorities forecast in ${total.toFixed(1)} s.`;
	// What was written goes to stdout, as every other verb's "Wrote"; the timing alone to stderr.
	if (args.out?.trim()) {
		log(`Wrote ${args.out}: ${rows.length.toLocaleString('en-GB')} rows, ${forecast}\n`);
	} else {
		note(forecast);
	}
	return result;
}
