/**
 * Browser benchmark of the scenario editor's instant recompute: from a slider's input event to
 * the deficit chart redrawn with the new projection (target: under 50 ms with the default
 * dataset). Runs the built app (`vite build`, honouring KIT_OUT_DIR and BUILD_DIR as the build
 * did) under Vite's preview server, in this process, and drives Debian's Chromium with
 * Playwright.
 *
 * What is timed, in the page, for each of `changes` slider moves on the "Baseline (trend)"
 * editor with a new-plans lever added:
 * - `update`: from dispatching the slider's `input` event to the chart's line of the scenario
 *   changing in the DOM (validation, the state's edit, the worker's expected projection of
 *   every scenario of the dataset, and Svelte's update);
 * - `frame`: to the first animation frame after that update, i.e. when the browser can paint it.
 * Each move goes to another value than the last. The page is warmed up first and its background
 * Monte Carlo (started on load) left to finish; during the moves the Monte Carlo and the
 * sensitivity chart wait for edits to pause, as they do while a user drags a slider.
 *
 * Run: npx tsx bench/latency.ts [--changes 50] [--port 4177]
 * (after KIT_OUT_DIR=… BUILD_DIR=… npx vite build, with the same variables)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

export interface LatencyOptions {
	/** Slider moves timed (after warm-up). Default 50. */
	changes?: number;
	/** Port of the preview server. Default 4177. */
	port?: number;
	log?: (line: string) => void;
}

export interface LatencyStats {
	n: number;
	median: number;
	p95: number;
	max: number;
	mean: number;
}

export interface LatencyResult {
	/** Input event → chart line changed in the DOM, ms. */
	update: LatencyStats;
	/** Input event → first animation frame after the change, ms. */
	frame: LatencyStats;
	/** Logical cores Chromium reported. */
	cores: number;
}

function quantile(sorted: number[], p: number): number {
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (h - lo);
}

/** Median, 95th percentile (type 7), max and mean of timings in ms. */
export function latencyStats(ms: number[]): LatencyStats {
	if (ms.length === 0) throw new Error('latencyStats: no timings');
	const s = [...ms].sort((a, b) => a - b);
	const round = (x: number) => Math.round(x * 10) / 10;
	return {
		n: s.length,
		median: round(quantile(s, 0.5)),
		p95: round(quantile(s, 0.95)),
		max: round(s[s.length - 1]),
		mean: round(s.reduce((a, b) => a + b, 0) / s.length)
	};
}

const SCENARIO = 'Baseline (trend)';

/** Runs the benchmark against the build in KIT_OUT_DIR / BUILD_DIR. */
export async function runLatency(options: LatencyOptions = {}): Promise<LatencyResult> {
	const changes = options.changes ?? 50;
	const port = options.port ?? 4177;
	const log = options.log ?? (() => {});
	const out = join(process.env.KIT_OUT_DIR ?? '.svelte-kit', 'output', 'prerendered');
	if (!existsSync(out)) {
		throw new Error(
			`bench/latency: no build in ${out}; run \`vite build\` first (with the same KIT_OUT_DIR and BUILD_DIR)`
		);
	}
	const server = await preview({
		logLevel: 'warn',
		preview: { port, strictPort: true, host: '127.0.0.1' }
	});
	let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
	try {
		const base = `http://127.0.0.1:${port}`;
		browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		page.on('pageerror', (e) => log(`page error: ${e.message}`));
		await page.goto(`${base}/scenarios/edit/?id=baseline-trend`);
		await page.getByRole('heading', { level: 1, name: SCENARIO }).waitFor();
		await page.getByLabel('Kind of demand lever to add').selectOption({ label: 'New plans' });
		await page.getByRole('button', { name: 'Add demand lever' }).click();
		await page.getByRole('slider', { name: 'Change in new plans (slider)' }).waitFor();
		// Let the Monte Carlo started on load finish, so it does not share the CPU with the timing.
		await page
			.getByTestId('simulation-status')
			.getByText(/simulations, seed/)
			.waitFor({ timeout: 60_000 });
		const cores = await page.evaluate(() => navigator.hardwareConcurrency);

		const move = (value: number) =>
			page.evaluate(
				async ([value, series]) => {
					const slider = document.querySelector<HTMLInputElement>(
						'input[type="range"][aria-label="Change in new plans (slider)"]'
					)!;
					const line = document.querySelector(`g.line[data-series="${series}"]`)!;
					const changed = new Promise<number>((resolve) => {
						const observer = new MutationObserver(() => {
							observer.disconnect();
							resolve(performance.now());
						});
						observer.observe(line, { attributes: true, childList: true, subtree: true });
					});
					const t0 = performance.now();
					slider.value = String(value);
					slider.dispatchEvent(new Event('input', { bubbles: true }));
					const t1 = await changed;
					const t2 = await new Promise<number>((r) =>
						requestAnimationFrame(() => r(performance.now()))
					);
					slider.dispatchEvent(new Event('change', { bubbles: true }));
					return [t1 - t0, t2 - t0];
				},
				[value, SCENARIO] as const
			);
		// Values from −40% to +90% in steps of 2.5 points, never the same twice in a row.
		const valueAt = (i: number) => -40 + ((i * 7) % 53) * 2.5;
		for (let i = 0; i < 10; i++) await move(valueAt(i + 100));
		const update: number[] = [];
		const frame: number[] = [];
		for (let i = 0; i < changes; i++) {
			const [u, f] = await move(valueAt(i));
			update.push(u);
			frame.push(f);
		}
		return { update: latencyStats(update), frame: latencyStats(frame), cores };
	} finally {
		await browser?.close();
		await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { values } = parseArgs({
		options: {
			changes: { type: 'string', default: '50' },
			port: { type: 'string', default: '4177' }
		}
	});
	runLatency({
		changes: Number(values.changes),
		port: Number(values.port),
		log: (l) => console.error(l)
	})
		.then((r) => {
			const line = (name: string, s: LatencyStats) =>
				`${name.padEnd(28)} median ${s.median} ms   p95 ${s.p95} ms   max ${s.max} ms   (n = ${s.n})`;
			console.log(`Scenario editor latency, slider input → chart (Kingston, ${r.cores} cores)`);
			console.log(line('input → chart updated', r.update));
			console.log(line('input → next frame', r.frame));
			console.log(`target < 50 ms: ${r.frame.p95 < 50 ? 'met' : 'NOT met'} (p95 to next frame)`);
		})
		.catch((e) => {
			console.error(e instanceof Error ? e.message : e);
			process.exitCode = 1;
		});
}
