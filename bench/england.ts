/**
 * The `forecast england` benchmark (BENCHMARKS.md): every authority of the DfE SEN2 files, 1,000
 * simulations each (seed 50), on one worker thread per core — target < 30 s on 2 cores. The
 * files are read from `../shared/peer/sen2/` beside the repository (or $SEN2_DIR), which the
 * project does not copy; without them the benchmark is skipped.
 *
 * Run alone: npx tsx bench/england.ts [--origin YEAR]
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { englandCommand } from '../cli/england';
import { REPO_ROOT } from './datasets';

/** Where the SEN2 files are, or null when absent. */
export function sen2Dir(): string | null {
	const dir = process.env.SEN2_DIR ?? join(REPO_ROOT, '..', 'shared', 'peer', 'sen2');
	return existsSync(dir) ? dir : null;
}

/**
 * Runs `forecast england` on the SEN2 files once per origin and prints the time taken: reading
 * and grouping the files, building and forecasting every authority, and in all.
 */
export async function englandBenchmark(
	origins: (number | undefined)[] = [undefined]
): Promise<void> {
	const dir = sen2Dir();
	if (!dir) {
		console.log('forecast england skipped: the SEN2 files were not found (set SEN2_DIR).\n');
		return;
	}
	const workers = availableParallelism();
	console.log(
		`forecast england: every authority × 1,000 simulations (seed 50), 4 years ahead, ${workers} worker threads (target < 30 s)\n`
	);
	const head = [
		'origin',
		'authorities',
		'built',
		'read files',
		'forecast',
		'total',
		'< 30 s',
		'load before'
	];
	const rows: string[][] = [];
	for (const origin of origins) {
		const load = loadavg()[0].toFixed(2);
		const r = await englandCommand(
			{ dir, origin, horizon: 4, sims: 1000, seed: 50, format: 'summary' },
			() => {},
			() => {}
		);
		rows.push([
			String(r.origin),
			String(r.authorities),
			String(r.authorities - r.failures.length),
			`${r.seconds.read.toFixed(1)} s`,
			`${r.seconds.forecast.toFixed(1)} s`,
			`${r.seconds.total.toFixed(1)} s`,
			r.seconds.total < 30 ? 'met' : 'NOT met',
			load
		]);
	}
	const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
			.join('  ');
	console.log(line(head));
	console.log(widths.map((w) => '─'.repeat(w)).join('  '));
	for (const row of rows) console.log(line(row));
	console.log('');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const i = process.argv.indexOf('--origin');
	await englandBenchmark([i > 0 ? Number(process.argv[i + 1]) : undefined]);
}
