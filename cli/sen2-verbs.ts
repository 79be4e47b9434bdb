/**
 * The `sen2` and `england` verbs of the command line (cli/main.ts): their options checked and
 * turned into the commands' arguments (cli/sen2.ts, cli/england.ts); input problems become
 * UsageErrors (a message on stderr, exit code 2).
 */
import { DEFAULT_ENGLAND_HORIZON } from '../src/lib/io/sen2/england';
import { MAX_ENGLAND_HORIZON, englandCommand } from './england';
import { UsageError } from './main';
import { Sen2InputError, sen2Command } from './sen2';

/** The options main.ts parsed that these verbs read. */
export interface Sen2VerbValues {
	authority?: string;
	origin?: string;
	horizon?: string;
	sims?: string;
	seed?: string;
	format?: string;
	out?: string;
	workers?: string;
}

/** A whole-number option within [min, max], or a UsageError naming it. */
function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number) {
	if (raw === undefined) return fallback;
	const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
	if (!(Number.isInteger(n) && n >= min && n <= max)) {
		throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
	}
	return n;
}

/** A line on stderr (the default for notes and progress). */
function stderrLine(line: string): void {
	process.stderr.write(line.endsWith('\n') ? line : line + '\n');
}

function asUsage(e: unknown): never {
	if (e instanceof Sen2InputError) throw new UsageError(e.message);
	throw e;
}

/** `forecast sen2 <dir> --authority NAME --out FILE`. */
export function sen2Verb(
	dir: string | undefined,
	values: Sen2VerbValues,
	out: (s: string) => void,
	note: (line: string) => void = stderrLine
): number {
	if (!dir) {
		throw new UsageError(
			'sen2 needs the folder of SEN2 files: forecast sen2 <dir> --authority NAME --out FILE'
		);
	}
	try {
		sen2Command(
			{ dir, authority: values.authority ?? '', out: values.out ?? '' },
			(line) => out(line + '\n'),
			note
		);
	} catch (e) {
		asUsage(e);
	}
	return 0;
}

/** `forecast england <dir> [--origin YEAR] [--horizon H] [--sims N] [--seed S] [--format csv|summary] --out FILE`. */
export async function englandVerb(
	dir: string | undefined,
	values: Sen2VerbValues,
	out: (s: string) => void,
	note: (line: string) => void = stderrLine
): Promise<number> {
	if (!dir) {
		throw new UsageError(
			'england needs the folder of SEN2 files: forecast england <dir> [--origin YEAR] --out FILE'
		);
	}
	const format = values.format ?? 'csv';
	if (format !== 'csv' && format !== 'summary') {
		throw new UsageError(`--format must be csv or summary for england, got "${format}".`);
	}
	const args = {
		dir,
		origin: values.origin === undefined ? undefined : whole('origin', values.origin, 0, 1900, 2999),
		horizon: whole('horizon', values.horizon, DEFAULT_ENGLAND_HORIZON, 1, MAX_ENGLAND_HORIZON),
		sims: whole('sims', values.sims, 1000, 0, 1_000_000),
		seed: whole('seed', values.seed, 50, 0, 0xffffffff),
		format: format as 'csv' | 'summary',
		out: values.out,
		workers: values.workers === undefined ? undefined : whole('workers', values.workers, 1, 1, 64)
	};
	try {
		await englandCommand(args, out, note);
	} catch (e) {
		asUsage(e);
	}
	return 0;
}
