/**
 * The page that `bench/browser.ts` drives: it times the app's worker pool (src/lib/client/pool.ts,
 * the same code the app runs) on real module workers, and how long the page's own thread was
 * ever blocked meanwhile (the longest gap between 10 ms timer ticks).
 */
import { createSimulationWorker, SimulationPool } from '../../src/lib/client/pool';
import { simulate } from '../../src/lib/engine/simulate';
import { compile, prepareDataset } from '../../src/lib/engine/workbench';
import type { Dataset } from '../../src/lib/model/dataset';
import type { Scenario } from '../../src/lib/model/scenario';

export interface PoolBenchRequest {
	dataset: Dataset;
	scenarios: Scenario[];
	simulations: number;
	seed: number;
	/** Workers; default the pool's own (navigator.hardwareConcurrency). */
	size?: number;
	/** Simulations of an untimed run first (workers started, dataset prepared, code warm). */
	warmUp: number;
	/** Timed repetitions; the figures are of the fastest. */
	repeats: number;
}

export interface PoolBenchResult {
	workers: number;
	hardwareConcurrency: number;
	/** Request to summaries in hand, ms. */
	totalMs: number;
	/** Request to the last simulation back, ms. */
	simulateMs: number;
	/** Putting the blocks together and summarising every metric and year, ms. */
	summariseMs: number;
	/** Longest the page's thread went without running a 10 ms timer, ms. */
	longestBlockMs: number;
	/** Mean of the last projected year's EHCP total, to check the run. */
	lastTotalMean: number;
}

async function benchPool(request: PoolBenchRequest): Promise<PoolBenchResult> {
	const pool = new SimulationPool({ createWorker: createSimulationWorker, size: request.size });
	try {
		pool.prepare(request.dataset);
		await pool.run({ scenarios: request.scenarios, simulations: request.warmUp, seed: 1 });
		let best: PoolBenchResult | null = null;
		for (let r = 0; r < request.repeats; r++) {
			let last = performance.now();
			let longest = 0;
			const ticker = setInterval(() => {
				const now = performance.now();
				longest = Math.max(longest, now - last);
				last = now;
			}, 10);
			const start = performance.now();
			let simulated = start;
			const { summaries } = await pool.run(
				{ scenarios: request.scenarios, simulations: request.simulations, seed: request.seed },
				{ onProgress: (f) => f === 1 && (simulated = performance.now()) }
			);
			const end = performance.now();
			clearInterval(ticker);
			longest = Math.max(longest, end - last);
			const s = summaries[0];
			const H = s.censuses.length;
			const row = s.metrics.findIndex((m) => m.name === 'ehcp_total');
			const result: PoolBenchResult = {
				workers: pool.size,
				hardwareConcurrency: navigator.hardwareConcurrency,
				totalMs: end - start,
				simulateMs: simulated - start,
				summariseMs: end - simulated,
				longestBlockMs: longest,
				lastTotalMean: s.statistics.mean[row * H + H - 1]
			};
			if (!best || result.totalMs < best.totalMs) best = result;
		}
		return best!;
	} finally {
		pool.dispose();
	}
}

/**
 * N simulations in the page's own thread, no pool and no worker (fastest of `repeats`, after a
 * warm-up): Chromium's speed per simulation, to set beside Node's.
 */
function benchThread(dataset: Dataset, scenario: Scenario, simulations: number, repeats: number) {
	const c = compile(prepareDataset(dataset), scenario);
	simulate(c, 0, 400, 1);
	let best = Infinity;
	for (let r = 0; r < repeats; r++) {
		const start = performance.now();
		simulate(c, 0, simulations, 50);
		best = Math.min(best, performance.now() - start);
	}
	return best;
}

Object.assign(window, { benchPool, benchThread });
document.body.dataset.ready = 'true';
