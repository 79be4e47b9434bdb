/**
 * witan.send inputs scaled up by a whole factor, for the scale benchmark (`npm run bench`, 100×
 * the demo) and the scale test of `forecast witan` (tests/cli/witan-scale.test.ts, 10×).
 *
 * Scaling by f repeats every transitions row f times and multiplies every population by f; costs
 * and valid states are kept. Each repeat is another child with the same history, so the base
 * caseload, the joiners, leavers and movers all grow f-fold while every estimated rate stays
 * what it was: the scaled dataset is the same authority f times over, and its projection is
 * about f times the original's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WitanFile } from '../src/lib/io/witan/csv';

/**
 * The four witan.send input files scaled by `factor` (see the file's docblock).
 * @param files the four input files (transitions.csv, population.csv, costs.csv, valid-states.csv)
 * @param factor a whole number ≥ 1
 * @example scaleWitanInputs(demoFiles, 100) // ≈ 835,000 transitions rows, population × 100
 */
export function scaleWitanInputs(files: readonly WitanFile[], factor: number): WitanFile[] {
	if (!(Number.isInteger(factor) && factor >= 1)) {
		throw new Error(`scaleWitanInputs: factor must be a whole number ≥ 1, got ${factor}`);
	}
	return files.map((f) => {
		if (f.name === 'transitions.csv') return { name: f.name, text: repeatRows(f.text, factor) };
		if (f.name === 'population.csv') return { name: f.name, text: scalePopulation(f.text, factor) };
		return { name: f.name, text: f.text };
	});
}

/** Writes the files into `dir` (made if needed) and returns `dir`. */
export function writeWitanFiles(dir: string, files: readonly WitanFile[]): string {
	mkdirSync(dir, { recursive: true });
	for (const f of files) writeFileSync(join(dir, f.name), f.text);
	return dir;
}

function dataLines(fn: string, text: string): { header: string; rows: string[] } {
	const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
	if (lines.length === 0) throw new Error(`scaleWitanInputs: ${fn} has no header line`);
	return { header: lines[0], rows: lines.slice(1) };
}

function repeatRows(text: string, factor: number): string {
	const { header, rows } = dataLines('transitions.csv', text);
	const out: string[] = [header];
	for (const row of rows) for (let i = 0; i < factor; i++) out.push(row);
	return out.join('\n') + '\n';
}

function scalePopulation(text: string, factor: number): string {
	const { header, rows } = dataLines('population.csv', text);
	const column = header.split(',').indexOf('population');
	if (column < 0) {
		throw new Error(`scaleWitanInputs: population.csv has no "population" column in "${header}"`);
	}
	const out = rows.map((row, i) => {
		const cells = row.split(',');
		const value = Number(cells[column]);
		if (!Number.isFinite(value)) {
			throw new Error(
				`scaleWitanInputs: population.csv row ${i + 2} has population "${cells[column]}", not a number`
			);
		}
		cells[column] = String(value * factor);
		return cells.join(',');
	});
	return [header, ...out].join('\n') + '\n';
}
