/**
 * What the witan.send worker does (witan.worker.ts), kept apart from the worker entry and its
 * client so that it also runs in-process (tests in Node, a page without workers): read the four
 * input files into a dataset, write a dataset back as those files, run N simulations of a
 * scenario into the five output files, and read Mastodon C's output files.
 *
 * Results cross the worker boundary as plain data: structured cloning would keep an Error's
 * message but drop an ImportError's file, row and column, so problems travel as
 * `WitanProblem`s.
 */
import {
	witanBaselineScenario,
	witanDataset,
	witanInputsOfDataset
} from '../src/lib/io/witan/dataset';
import { runWitanScenario } from '../src/lib/io/witan/run';
import { movedOnCounter, type MovedOnYear } from '../src/lib/engine/witan-moved-on';
import { compile, prepareDataset, type PreparedDataset } from '../src/lib/engine/workbench';
import { describeWarning, type ImportError, type ImportWarning } from '../src/lib/io/csv/errors';
import type { WitanFile } from '../src/lib/io/witan/csv';
import {
	parseWitanOutputs,
	writeWitanOutputs,
	type WitanOutputKind,
	type WitanStatisticsRow
} from '../src/lib/io/witan/outputs';
import { parseWitanInputs } from '../src/lib/io/witan/parse-inputs';
import { writeWitanInputs } from '../src/lib/io/witan/write-inputs';
import type { Dataset, EstimatorId } from '../src/lib/model/dataset';
import type { Scenario } from '../src/lib/model/scenario';

export type { WitanFile };

/** A problem with a file, as data: where it is and the whole message (which names the place). */
export interface WitanProblem {
	file: string;
	row: number | null;
	column: string | null;
	message: string;
}

/** What reading files gives when they cannot be used: nothing else comes back. */
export interface WitanRefused {
	ok: false;
	/** At most 20 problems, each naming file, row and column. */
	errors: WitanProblem[];
	/** How many there were in all. */
	errorCount: number;
	warnings: string[];
}

export type WitanInputsRead =
	| {
			ok: true;
			dataset: Dataset;
			/** The scenario the dataset comes with (witan.send's pooled assumption). */
			scenario: Scenario;
			warnings: string[];
	  }
	| WitanRefused;

export type WitanOutputsRead =
	| {
			ok: true;
			outputs: Partial<Record<WitanOutputKind, WitanStatisticsRow[]>>;
			/** The names of the files read, in the order given. */
			files: string[];
			warnings: string[];
	  }
	| WitanRefused;

export interface WitanReadOptions {
	id?: string;
	/** Makes the id unique among imports of the same base census (a random string). */
	suffix?: string;
	source?: string;
}

export interface WitanRunRequest {
	/** Number of simulations, a whole number ≥ 1. */
	sims: number;
	/** Seed, a whole number in [0, 2^32). */
	seed: number;
}

export interface WitanOutputsRun {
	/** Output_Count.csv … Output_Setting.csv, ready to save. */
	files: WitanFile[];
	/** The statistics of those files, read back from them (what a download holds). */
	outputs: Record<WitanOutputKind, WitanStatisticsRow[]>;
	/** The base census, then each projected census. */
	censuses: number[];
	sims: number;
	seed: number;
	scenarioName: string;
	estimator: EstimatorId;
	/**
	 * Per projected census, the children (mean over the simulations) who stayed past their
	 * setting's last year and moved on to another setting — kept by this workbench, dropped by
	 * witan.send (engine/witan-moved-on.ts).
	 */
	movedOn: MovedOnYear[];
	notes: string[];
	warnings: string[];
}

export type { MovedOnYear };

/** Told how many simulations are done of how many; a returned promise is not awaited. */
export type WitanProgress = (done: number, sims: number) => unknown;

export interface WitanWorkerApi {
	/**
	 * Reads witan.send's four input files into a dataset (`witanDataset`) and its default
	 * scenario. The dataset's id is `id`, else `witan-send-<base census>-<suffix>`; `source` (a
	 * folder name) says where the files came from, in its name and description.
	 */
	readInputs(files: WitanFile[], options: WitanReadOptions): WitanInputsRead;
	/** The four input files of a dataset that has child-level transitions. */
	writeInputs(dataset: Dataset): WitanFile[];
	/** N simulations of a scenario over a dataset, as the five witan.send output files. */
	runOutputs(
		dataset: Dataset,
		scenario: Scenario,
		request: WitanRunRequest,
		onProgress?: WitanProgress
	): WitanOutputsRun;
	/** Reads witan.send output files (Output_Count.csv …) for comparison. */
	readOutputs(files: WitanFile[]): WitanOutputsRead;
}

const problem = (e: ImportError): WitanProblem => ({
	file: e.file,
	row: e.row,
	column: e.column,
	message: e.message
});

const warningText = (w: ImportWarning) =>
	describeWarning(w) + (w.count > 1 ? ` (${w.count} rows like this)` : '');

/** How many progress reports a run sends at most: enough for a smooth bar, few messages. */
const PROGRESS_STEPS = 50;

/**
 * The worker API, in-process. It keeps the last prepared dataset, so that running scenarios of
 * one dataset one after another estimates it once.
 * @example const api = createWitanWorkerApi(); api.readInputs(files, { id: 'witan-1' });
 */
export function createWitanWorkerApi(): WitanWorkerApi {
	let prepared: { json: string; p: PreparedDataset } | null = null;
	const prepare = (dataset: Dataset) => {
		const json = JSON.stringify(dataset);
		if (prepared?.json !== json) prepared = { json, p: prepareDataset(dataset) };
		return prepared.p;
	};
	return {
		readInputs(files, { id, suffix, source }) {
			const parsed = parseWitanInputs(files);
			const warnings = parsed.warnings.map(warningText);
			if (!parsed.ok) {
				return {
					ok: false,
					errors: parsed.errors.map(problem),
					errorCount: parsed.errorCount,
					warnings
				};
			}
			try {
				const base = parsed.inputs.baseCensus;
				const dataset = witanDataset(parsed.inputs, {
					id: id ?? `witan-send-${base}${suffix ? `-${suffix}` : ''}`,
					name: source ? `witan.send inputs from ${source} (base January ${base})` : undefined,
					source
				});
				return { ok: true, dataset, scenario: witanBaselineScenario(dataset), warnings };
			} catch (e) {
				const message = (e as Error).message;
				return {
					ok: false,
					errors: [{ file: '(files)', row: null, column: null, message }],
					errorCount: 1,
					warnings
				};
			}
		},
		writeInputs(dataset) {
			return writeWitanInputs(witanInputsOfDataset(dataset));
		},
		runOutputs(dataset, scenario, { sims, seed }, onProgress) {
			const c = compile(prepare(dataset), scenario);
			const every = Math.max(1, Math.ceil(sims / PROGRESS_STEPS));
			const movedOn = movedOnCounter(c);
			const run = runWitanScenario(c, {
				sims,
				seed,
				visit: movedOn.visit,
				progress: onProgress
					? (done, n) => {
							if (done === n || done % every === 0) void onProgress(done, n);
						}
					: undefined
			});
			const files = writeWitanOutputs(run.outputs);
			const back = parseWitanOutputs(files);
			if (!back.ok) {
				// Our own files always read back; if not, the writer and reader disagree.
				throw new Error(
					`runOutputs: the output files written could not be read back: ${back.errors[0]?.message}`
				);
			}
			return {
				files,
				outputs: back.outputs as Record<WitanOutputKind, WitanStatisticsRow[]>,
				censuses: run.censuses,
				sims,
				seed,
				scenarioName: scenario.name,
				estimator: run.estimator,
				movedOn: movedOn.result(),
				notes: run.notes,
				warnings: run.warnings
			};
		},
		readOutputs(files) {
			const parsed = parseWitanOutputs(files);
			const warnings = parsed.warnings.map(warningText);
			if (!parsed.ok) {
				return {
					ok: false,
					errors: parsed.errors.map(problem),
					errorCount: parsed.errorCount,
					warnings
				};
			}
			return { ok: true, outputs: parsed.outputs, files: files.map((f) => f.name), warnings };
		}
	};
}
