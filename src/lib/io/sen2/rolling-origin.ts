/**
 * Rolling-origin evaluation across every English authority (docs/model.md §8.2, decision 0019):
 * for each origin census, every authority's dataset is built from the SEN2 files cut at it (as
 * the Data page's import and the new dataset wizard build it), its `Baseline (trend)` is
 * forecast, and so are the naive methods; each forecast is scored against the censuses after the
 * origin that the files hold. This is how the default forecast was chosen and how its bands were
 * calibrated; the Methodology page shows the result (src/lib/data/forecast-evaluation.json).
 */
import { accuracyTable, type AccuracyRow, type ForecastPoint } from '../../engine/accuracy';
import { forecastAuthority } from '../../engine/authority-forecast';
import type { PersistentUncertainty } from '../../engine/uncertainty';
import { buildEnglandDatasets, type Sen2England } from './england';

/** One scored forecast: an authority, origin, year and method. */
export interface EvaluationPoint extends ForecastPoint {
	authority: string;
	laCode: string;
	origin: number;
	year: number;
}

/** What to evaluate. */
export interface EvaluationOptions {
	/** January censuses forecast from. */
	origins: readonly number[];
	/** Years ahead (1…horizon), scored where the files hold the census. */
	horizon: number;
	/** Monte Carlo simulations per authority and origin (0: no bands). */
	simulations: number;
	seed: number;
	/** Replaces the persistent deviations of the default forecast (calibration only). */
	uncertainty?: PersistentUncertainty | null;
	/** Called after each authority with the number done and the total. */
	onProgress?: (done: number, total: number) => void;
}

/** The evaluation's result. */
export interface Evaluation {
	origins: number[];
	horizon: number;
	simulations: number;
	seed: number;
	/** Authorities scored at each origin. */
	authorities: number[];
	/** Authorities that could not be built, with the reason, by origin. */
	failures: { origin: number; authority: string; reason: string }[];
	table: AccuracyRow[];
	points: EvaluationPoint[];
}

/**
 * Runs the rolling-origin evaluation on SEN2 files already read (`readSen2England`).
 * @example rollingOriginEvaluation(readSen2England(files), { origins: [2015, 2016, 2017, 2018], horizon: 4, simulations: 200, seed: 50 }).table
 */
export function rollingOriginEvaluation(
	england: Sen2England,
	options: EvaluationOptions
): Evaluation {
	const points: EvaluationPoint[] = [];
	const failures: Evaluation['failures'] = [];
	const authorities: number[] = [];
	const built = options.origins.map((origin) =>
		buildEnglandDatasets(england, { origin, horizon: options.horizon })
	);
	const total = built.reduce((a, b) => a + b.entries.length, 0);
	let done = 0;
	built.forEach(({ origin, entries }) => {
		let scored = 0;
		for (const entry of entries) {
			done++;
			if (!entry.ok) {
				failures.push({ origin, authority: entry.authority.name, reason: entry.reason });
				options.onProgress?.(done, total);
				continue;
			}
			let rows;
			try {
				rows = forecastAuthority(entry, {
					horizon: options.horizon,
					simulations: options.simulations,
					seed: options.seed,
					uncertainty: options.uncertainty
				});
			} catch (e) {
				failures.push({ origin, authority: entry.authority.name, reason: (e as Error).message });
				options.onProgress?.(done, total);
				continue;
			}
			scored++;
			for (const r of rows) {
				if (r.actual === null) continue;
				points.push({
					authority: r.authority,
					laCode: r.la_code,
					origin: r.origin,
					year: r.year,
					method: r.method,
					horizon: r.horizon,
					expected: r.expected,
					actual: r.actual,
					p5: r.p5,
					p95: r.p95
				});
			}
			options.onProgress?.(done, total);
		}
		authorities.push(scored);
	});
	return {
		origins: [...options.origins],
		horizon: options.horizon,
		simulations: options.simulations,
		seed: options.seed,
		authorities,
		failures,
		table: accuracyTable(points),
		points
	};
}

/** What the Methodology page shows of an evaluation (src/lib/data/forecast-evaluation.json). */
export interface EvaluationSummary {
	format: 'send-workbench/forecast-evaluation';
	version: 1;
	origins: number[];
	horizon: number;
	simulations: number;
	seed: number;
	/** Authorities scored at each origin. */
	authorities: number[];
	/** Method and horizon rows: MAPE, median APE, bias (fractions), coverage for the workbench. */
	table: AccuracyRow[];
}

/**
 * The summary of an evaluation the Methodology page shows (no per-authority points).
 * @example evaluationSummary(evaluation).table[0] // { method: 'workbench', horizon: 1, … }
 */
export function evaluationSummary(e: Evaluation): EvaluationSummary {
	return {
		format: 'send-workbench/forecast-evaluation',
		version: 1,
		origins: e.origins,
		horizon: e.horizon,
		simulations: e.simulations,
		seed: e.seed,
		authorities: e.authorities,
		table: e.table
	};
}
