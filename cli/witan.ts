/**
 * `forecast witan <input dir> --sims N --seed S --out DIR`: reads witan.send's four input files
 * from a folder, runs N simulations of the cohort model as witan.send does (MODEL.md §2, §6) and
 * writes the five witan.send output files (Output_Count.csv, Output_Cost.csv, Output_AY.csv,
 * Output_Need.csv, Output_Setting.csv) into DIR, made if needed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { witanDataset } from '../src/lib/engine/witan-dataset';
import { runWitan, type WitanRunResult } from '../src/lib/engine/witan-run';
import type { WitanFile } from '../src/lib/io/witan/csv';
import { WITAN_INPUT_FILES } from '../src/lib/io/witan/format';
import { writeWitanOutputs } from '../src/lib/io/witan/outputs';
import { parseWitanInputs } from '../src/lib/io/witan/parse-inputs';
import { witanStatistics } from '../src/lib/engine/summary';

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
 * Runs the witan command; `log` receives progress lines (warnings, a summary of Output_Count and
 * the time taken). Throws a WitanInputError naming the file, row and column of bad input.
 * @example witanCommand({ inputDir: 'demo', sims: 1000, seed: 50, outDir: 'out' }, console.log)
 */
export function witanCommand(
	args: WitanCommandArgs,
	log: (line: string) => void
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
			return { name, text: readFileSync(path, 'utf8') };
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
			throw new WitanInputError(
				`Cannot read ${path} (${code}): the input folder must hold ${WITAN_INPUT_FILES.join(', ')}.`
			);
		}
	});
	const parsed = parseWitanInputs(files);
	for (const w of parsed.warnings) {
		const at = [w.file, w.row === null ? null : `row ${w.row}`, w.column && `column "${w.column}"`]
			.filter(Boolean)
			.join(', ');
		log(`warning: ${at}: ${w.message}`);
	}
	if (!parsed.ok) {
		const more = parsed.errorCount > parsed.errors.length;
		throw new WitanInputError(
			`The witan.send inputs in ${inputDir} cannot be used (${parsed.errorCount} error${parsed.errorCount === 1 ? '' : 's'}${more ? `, the first ${parsed.errors.length} shown` : ''}):\n` +
				parsed.errors.map((e) => `  - ${e.message}`).join('\n')
		);
	}
	const dataset = witanDataset(parsed.inputs, { source: inputDir });
	const started = performance.now();
	const run = runWitan(dataset, { sims, seed });
	const outputs = writeWitanOutputs(run.outputs);
	const seconds = (performance.now() - started) / 1000;
	for (const w of run.warnings) log(`warning: ${w}`);
	mkdirSync(outDir, { recursive: true });
	const written = outputs.map((f) => {
		const path = join(outDir, f.name);
		writeFileSync(path, f.text);
		return path;
	});
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
