/**
 * Browser benchmark of the Monte Carlo worker pool: 10,000 simulations in Chromium with
 * `src/lib/client/pool.ts` on real module workers (target < 5 s on 2 cores).
 *
 * It builds nothing: a Vite dev server, started in this process with its own settings (no
 * SvelteKit, no project config), serves `bench/browser-page/`, whose module imports the pool
 * from the source tree; Debian's Chromium (scripts/chromium.mjs) loads it through Playwright.
 * Both are closed before the script ends, whatever happens. Each case first runs untimed (workers
 * started, dataset prepared, code warm), then the fastest of a few timed repeats is reported.
 *
 * Run: npx tsx bench/browser.ts   (or as part of npm run bench)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import type { PoolBenchRequest, PoolBenchResult } from './browser-page/page';
import { kingston, REPO_ROOT, witanDemo, type BenchDataset } from './datasets';

export interface BrowserCase {
	label: string;
	data: BenchDataset;
	simulations: number;
	/** Workers; default navigator.hardwareConcurrency. */
	size?: number;
	/** `thread`: in the page's own thread without the pool (Chromium's speed beside Node's). */
	mode?: 'pool' | 'thread';
}

export interface BrowserCaseResult extends PoolBenchResult {
	label: string;
	simulations: number;
	scenarios: number;
}

/** Why the browser benchmark cannot run here, or null. */
export function browserUnavailable(): string | null {
	return existsSync(chromiumPath()) ? null : `no Chromium at ${chromiumPath()}`;
}

/** Runs the cases in one Chromium page; returns one result per case. */
export async function runBrowserCases(
	cases: BrowserCase[],
	log: (line: string) => void = () => {}
): Promise<BrowserCaseResult[]> {
	const server = await createServer({
		configFile: false,
		root: join(REPO_ROOT, 'bench', 'browser-page'),
		cacheDir: join(REPO_ROOT, 'node_modules', '.vite-bench'),
		logLevel: 'warn',
		clearScreen: false,
		// No file watching and no HMR: files edited meanwhile must not reload the page mid-run.
		server: {
			host: '127.0.0.1',
			port: 4190,
			strictPort: false,
			fs: { allow: [REPO_ROOT] },
			hmr: false,
			watch: null
		},
		worker: { format: 'es' },
		optimizeDeps: { include: ['comlink'], noDiscovery: true }
	});
	let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
	try {
		await server.listen();
		const url = server.resolvedUrls?.local[0];
		if (!url) throw new Error('bench/browser: the Vite server did not report its address');
		browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
		const page = await browser.newPage();
		page.on('pageerror', (e) => log(`page error: ${e.message}`));
		await page.goto(url);
		await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
		const results: BrowserCaseResult[] = [];
		for (const c of cases) {
			if (c.mode === 'thread') {
				const ms = await page.evaluate(
					([dataset, scenario, n]) =>
						(
							window as unknown as {
								benchThread: (d: unknown, s: unknown, n: number, r: number) => number;
							}
						).benchThread(dataset, scenario, n, 3),
					[c.data.dataset, c.data.scenarios[0], c.simulations] as const
				);
				const result: BrowserCaseResult = {
					label: c.label,
					simulations: c.simulations,
					scenarios: 1,
					workers: 0,
					hardwareConcurrency: 0,
					totalMs: ms,
					simulateMs: ms,
					summariseMs: 0,
					longestBlockMs: ms,
					lastTotalMean: NaN
				};
				log(formatBrowserResult(result));
				results.push(result);
				continue;
			}
			const request: PoolBenchRequest = {
				dataset: c.data.dataset,
				scenarios: c.data.scenarios,
				simulations: c.simulations,
				seed: 50,
				size: c.size,
				warmUp: 400,
				repeats: 3
			};
			const r = await page.evaluate(
				(req) =>
					(
						window as unknown as {
							benchPool: (r: PoolBenchRequest) => Promise<PoolBenchResult>;
						}
					).benchPool(req),
				request
			);
			const result = {
				label: c.label,
				simulations: c.simulations,
				scenarios: c.data.scenarios.length,
				...r
			};
			log(formatBrowserResult(result));
			results.push(result);
		}
		return results;
	} finally {
		await browser?.close();
		await server.close();
	}
}

export function formatBrowserResult(r: BrowserCaseResult): string {
	const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	if (r.workers === 0) {
		return `${r.label.padEnd(46)} no pool    ${s(r.totalMs).padStart(7)} (${Math.round((r.totalMs / r.simulations) * 1000)} µs per simulation)`;
	}
	return (
		`${r.label.padEnd(46)} ${String(r.workers).padStart(2)} workers  ` +
		`${s(r.totalMs).padStart(7)} (simulate ${s(r.simulateMs)}, summarise ${s(r.summariseMs)}), ` +
		`page blocked ≤ ${Math.round(r.longestBlockMs)} ms`
	);
}

/** The cases of the report: the witan.send demo when present, and Kingston. */
export function defaultBrowserCases(): BrowserCase[] {
	const demo = witanDemo();
	const k = kingston();
	const cases: BrowserCase[] = [];
	if (demo) {
		cases.push(
			{ label: 'witan.send demo, 10,000 sims, pool default', data: demo, simulations: 10_000 },
			{ label: 'witan.send demo, 10,000 sims, 1 worker', data: demo, simulations: 10_000, size: 1 },
			{
				label: "witan.send demo, 1,000 sims, page's thread",
				data: demo,
				simulations: 1000,
				mode: 'thread'
			}
		);
	}
	cases.push(
		{
			label: 'Kingston Baseline (trend), 10,000 sims',
			data: { ...k, scenarios: k.scenarios.slice(2) },
			simulations: 10_000
		},
		{ label: 'Kingston, all 3 scenarios, 10,000 sims', data: k, simulations: 10_000 }
	);
	return cases;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const why = browserUnavailable();
	if (why) {
		console.log(`Browser benchmark skipped: ${why}.`);
	} else {
		console.log('Monte Carlo in Chromium with the worker pool (fastest of 3)\n');
		await runBrowserCases(defaultBrowserCases(), (l) => console.log(l));
	}
}
