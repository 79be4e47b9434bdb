/**
 * `forecast witan <input dir> --sims N --seed S --out DIR`: reads witan.send's four input files
 * from a folder, runs N simulations of the cohort model as witan.send does (docs/model.md §2, §6) and
 * writes the five witan.send output files (Output_Count.csv, Output_Cost.csv, Output_AY.csv,
 * Output_Need.csv, Output_Setting.csv) into DIR, made if needed.
 *
 * The five files are written all or none (files.ts): into a temporary folder beside DIR, then
 * moved in. DIR is checked before the simulations run, so one that cannot be made fails at once.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { witanDataset } from '../src/lib/io/witan/dataset';
import { runWitan, type WitanRunResult } from '../src/lib/io/witan/run';
import type { WitanFile } from '../src/lib/io/witan/csv';
import { WITAN_INPUT_FILES } from '../src/lib/io/witan/format';
import { writeWitanOutputs } from '../src/lib/io/witan/outputs';
import { parseWitanInputs } from '../src/lib/io/witan/parse-inputs';
import { witanStatistics } from '../src/lib/engine/summary';
import { CliFileError, prepareOutFolder, readTextFile, type Note } from './files';

export interface WitanCommandArgs {
	/** Folder holding transitions.csv, population.csv, costs.csv and valid-states.csv. */
	inputDir: string;
	/** Number of simulations, a whole number ≥ 1. */
	sims: number;
	/** Seed, a whole number in [0, 2^32). */
	seed: number;
	/** Folder to write the Output_*.csv files into. */
	outDir: string;
}

/** A problem with the command's input (files, arguments) rather than a fault of the program. */
export class WitanInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WitanInputError';
	}
}

/**
 * Runs the witan command; `log` receives progress lines (a summary of Output_Count and the time
 * taken), `note` warnings and notes (stderr in the command line; `log` unless given). Throws a
 * WitanInputError naming the file, row and column of bad input, or the folder that cannot be
 * written.
 * @example witanCommand({ inputDir: 'demo', sims: 1000, seed: 50, outDir: 'out' }, console.log)
 */
export function witanCommand(
	args: WitanCommandArgs,
	log: (line: string) => void,
	note: Note = log
): { files: string[]; run: WitanRunResult; seconds: number } {
	const { inputDir, sims, seed, outDir } = args;
	if (!(Number.isInteger(sims) && sims >= 1)) {
		throw new WitanInputError(`--sims must be a whole number ≥ 1, got ${sims}.`);
	}
	if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
		throw new WitanInputError(`--seed must be a whole number from 0 to 4294967295, got ${seed}.`);
	}
	const files: WitanFile[] = WITAN_INPUT_FILES.map((name) => {
		const path = join(inputDir, name);
		try {
			return { name, text: readTextFile(path, 'the input file') };
		} catch (e) {
			if (!(e instanceof CliFileError)) throw e;
			const missing = !/UTF-8|text file/.test(e.message);
			throw new WitanInputError(
				missing
					? `${e.message.replace(/\.$/, '')}: the input folder must hold ${WITAN_INPUT_FILES.join(', ')}.`
					: e.message
			);
		}
	});
	const parsed = parseWitanInputs(files);
	for (const w of parsed.warnings) {
		const at = [w.file, w.row === null ? null : `row ${w.row}`, w.column && `column "${w.column}"`]
			.filter(Boolean)
			.join(', ');
		note(`warning: ${at}: ${w.message}`);
	}
	if (!parsed.ok) {
		const more = parsed.errorCount > parsed.errors.length;
		throw new WitanInputError(
			`The witan.send inputs in ${inputDir} cannot be used (${parsed.errorCount} error${parsed.errorCount === 1 ? '' : 's'}${more ? `, the first ${parsed.errors.length} shown` : ''}):\n` +
				parsed.errors.map((e) => `  - ${e.message}`).join('\n')
		);
	}
	let dataset;
	try {
		dataset = witanDataset(parsed.inputs, { source: inputDir });
	} catch (e) {
		throw new WitanInputError(
			`The witan.send inputs in ${inputDir} cannot be used: ${(e as Error).message}`
		);
	}
	let out;
	try {
		out = prepareOutFolder(outDir, note);
	} catch (e) {
		if (e instanceof CliFileError) throw new WitanInputError(e.message);
		throw e;
	}
	let run: WitanRunResult;
	let outputs;
	let seconds: number;
	try {
		const started = performance.now();
		run = runWitan(dataset, { sims, seed });
		outputs = writeWitanOutputs(run.outputs);
		seconds = (performance.now() - started) / 1000;
	} catch (e) {
		out.abandon();
		throw e;
	}
	for (const w of run.warnings) note(`warning: ${w}`);
	let written: string[];
	try {
		written = out.commit(outputs);
	} catch (e) {
		if (e instanceof CliFileError) throw new WitanInputError(e.message);
		throw e;
	}
	log(
		`${parsed.inputs.transitions.length} transitions; base January ${run.censuses[0]}; ` +
			`${sims} simulation${sims === 1 ? '' : 's'} (seed ${seed}, ${run.estimator} rates) to January ${run.censuses[run.censuses.length - 1]} in ${seconds.toFixed(2)} s.`
	);
	log('calendar-year  mean      median  (Output_Count)');
	for (const row of run.outputs.count) {
		const s = witanStatistics(row.values);
		log(
			`${row.calendarYear}           ${s.mean.toFixed(1).padStart(7)}  ${s.median.toFixed(1).padStart(7)}`
		);
	}
	log(`Wrote ${written.join(', ')}.`);
	return { files: written, run, seconds };
}
