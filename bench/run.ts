/**
 * `npm run bench`: the projection benchmarks of BENCHMARKS.md, printed as tables.
 *
 * 1. The expected-value projection (what a slider drag recomputes) on the witan.send demo and
 *    on Kingston — target < 5 ms.
 * 2. 1,000 Monte Carlo simulations on one Node thread — target < 1 s.
 * 3. How time grows with simulations, states, years and children (synthetic datasets, bench/
 *    synthetic.ts).
 * 3a. `forecast witan` on 100× the witan.send demo (targets 1,000 simulations < 10 s and < 1 GB)
 *    and the command line's start-up (target < 0.3 s), in child processes (bench/scale.ts).
 * 3b. `forecast england`: every authority of the DfE SEN2 files × 1,000 simulations on one worker
 *    thread per core (bench/england.ts) — target < 30 s on 2 cores.
 * 4. 10,000 simulations in Chromium with the worker pool (bench/browser.ts) — target < 5 s on
 *    2 cores. Skipped with `--node-only`, or when there is no Chromium.
 * 5. The built app (skipped with `--node-only`): it is built into build-bench/, then the initial
 *    JavaScript of a first load is measured (bench/bundle.ts, budget < 150 kB gzipped) and the
 *    time from a slider input to the redrawn chart (bench/latency.ts, target < 50 ms).
 *
 * Each figure is the median of several timed runs after untimed warm-up runs. The machine is
 * shared with whatever else runs on it: the load average is printed with the figures.
 *
 * Run: npm run bench [-- --node-only]
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { projectExpected } from '../src/lib/engine/project';
import { runMonteCarlo, summariseMonteCarlo } from '../src/lib/engine/monte-carlo';
import { simulate } from '../src/lib/engine/simulate';
import { compile, prepareDataset, runExpected } from '../src/lib/engine/workbench';
import type { Dataset } from '../src/lib/model/dataset';
import type { Scenario } from '../src/lib/model/scenario';
import {
	browserUnavailable,
	defaultBrowserCases,
	formatBrowserResult,
	runBrowserCases
} from './browser';
import { kingston, witanDemo, type BenchDataset } from './datasets';
import { englandBenchmark } from './england';
import { cliStartupBenchmark, witanScaleBenchmark } from './scale';
import { plainScenario, syntheticDataset, type SyntheticShape } from './synthetic';

/** Median wall time of `fn` in ms over `runs` timed runs, after `warm` untimed ones. */
function time(fn: () => unknown, runs = 5, warm = 2): number {
	for (let i = 0; i < warm; i++) fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		fn();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)) + ' ms';
const verdict = (v: number, target: number) => (v < target ? 'met' : 'NOT met');

function table(head: string[], rows: string[][]): void {
	const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
			.join('  ');
	console.log(line(head));
	console.log(widths.map((w) => '─'.repeat(w)).join('  '));
	for (const r of rows) console.log(line(r));
	console.log('');
}

interface Compiled {
	label: string;
	dataset: Dataset;
	scenario: Scenario;
}

function headline(cases: Compiled[]): void {
	console.log(
		'Expected-value projection (target < 5 ms) and 1,000 simulations on one thread (target < 1 s)\n'
	);
	const rows: string[][] = [];
	for (const { label, dataset, scenario } of cases) {
		const prepared = prepareDataset(dataset);
		const c = compile(prepared, scenario);
		const states = c.space.size;
		const children = Math.round(c.base.reduce((a, b) => a + b, 0));
		const expectedRun = time(() => runExpected(prepared, scenario), 20, 10);
		const projection = time(() => projectExpected(c), 50, 20);
		const sims = time(() => simulate(c, 0, 1000, 50), 5, 1);
		const run = runMonteCarlo([c], 1000, 50)[0];
		const summarise = time(() => summariseMonteCarlo(run), 5, 1);
		rows.push([
			label,
			String(states),
			String(children),
			String(c.steps.length),
			ms(expectedRun),
			ms(projection),
			verdict(expectedRun, 5),
			ms(sims),
			ms(summarise),
			verdict(sims + summarise, 1000)
		]);
	}
	table(
		[
			'dataset / scenario',
			'states',
			'children',
			'years',
			'expected (compile+project)',
			'project only',
			'< 5 ms',
			'1,000 sims',
			'summarise',
			'< 1 s'
		],
		rows
	);
}

function scaling(demo: BenchDataset | null): void {
	console.log('How time grows (one Node thread)\n');
	if (demo) {
		const c = compile(prepareDataset(demo.dataset), demo.scenarios[0]);
		const rows = [100, 1000, 10_000].map((n) => {
			const t = time(() => simulate(c, 0, n, 50), n > 1000 ? 1 : 3, 1);
			return [n.toLocaleString('en-GB'), ms(t), `${((t / n) * 1000).toFixed(0)} µs`];
		});
		console.log('Simulations (witan.send demo):');
		table(['simulations', 'time', 'per simulation'], rows);
	}
	const shapes: [string, SyntheticShape][] = [
		['states 50', { settings: 2, needs: 1, children: 2000, years: 5 }],
		['states 300', { settings: 4, needs: 3, children: 2000, years: 5 }],
		['states 1,200', { settings: 8, needs: 6, children: 2000, years: 5 }],
		['states 2,400', { settings: 16, needs: 6, children: 2000, years: 5 }],
		['years 10', { settings: 4, needs: 3, children: 2000, years: 10 }],
		['years 20', { settings: 4, needs: 3, children: 2000, years: 20 }],
		['children 1,000', { settings: 4, needs: 3, children: 1000, years: 5 }],
		['children 8,000', { settings: 4, needs: 3, children: 8000, years: 5 }]
	];
	const rows = shapes.map(([label, shape]) => {
		const prepared = prepareDataset(syntheticDataset(shape));
		const scenario = plainScenario();
		const c = compile(prepared, scenario);
		const expected = time(() => runExpected(prepared, scenario), 10, 5);
		const sims = time(() => simulate(c, 0, 1000, 50), 3, 1);
		const children = Math.round(c.base.reduce((a, b) => a + b, 0));
		return [
			label,
			String(c.space.size),
			String(c.steps.length),
			children.toLocaleString('en-GB'),
			ms(expected),
			ms(sims)
		];
	});
	console.log('States, years and children (synthetic datasets, 1,000 simulations):');
	table(['varied', 'states', 'years', 'children', 'expected', '1,000 sims'], rows);
}

async function browser(): Promise<void> {
	const why = browserUnavailable();
	if (why) {
		console.log(`Browser benchmark skipped: ${why}.\n`);
		return;
	}
	console.log(
		'10,000 simulations in Chromium with the worker pool (target < 5 s on 2 cores; fastest of 3)\n'
	);
	const results = await runBrowserCases(defaultBrowserCases());
	for (const r of results) {
		// The target is for one scenario's 10,000 simulations on the pool's 2+ workers.
		const judged = r.workers >= 2 && r.scenarios === 1 && r.simulations === 10_000;
		const target = judged ? `  ${verdict(r.totalMs, 5000)}` : '';
		console.log(formatBrowserResult(r) + target);
	}
	console.log('');
}

/** Builds the app apart from the developer's build, then runs the bundle and latency benchmarks. */
function builtApp(): void {
	const env = { ...process.env, KIT_OUT_DIR: '.svelte-kit-bench', BUILD_DIR: 'build-bench' };
	const run = (command: string) => spawnSync(command, { shell: true, stdio: 'inherit', env });
	console.log('Building the app for the bundle and latency benchmarks…');
	if (run('npx vite build --logLevel error').status !== 0) {
		console.log('The build failed: bundle and latency skipped.\n');
		return;
	}
	run('npx tsx bench/bundle.ts build-bench');
	run('npx tsx bench/latency.ts --changes 50 --port 4199');
	rmSync('build-bench', { recursive: true, force: true });
	rmSync('.svelte-kit-bench', { recursive: true, force: true });
}

const cpu = cpus()[0]?.model ?? 'unknown';
console.log(
	`Machine: ${cpus().length} logical cores, ${cpu}; Node ${process.version}; load average ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}\n`
);
const demo = witanDemo();
if (!demo) console.log('The witan.send demo inputs were not found: its rows are skipped.\n');
const k = kingston();
headline([
	...(demo
		? [{ label: 'witan.send demo', dataset: demo.dataset, scenario: demo.scenarios[0] }]
		: []),
	...k.scenarios.map((s) => ({ label: `Kingston: ${s.name}`, dataset: k.dataset, scenario: s }))
]);
scaling(demo);
witanScaleBenchmark();
cliStartupBenchmark();
await englandBenchmark();
if (!process.argv.includes('--node-only')) {
	await browser();
	builtApp();
}
console.log(
	`Load average after: ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);
