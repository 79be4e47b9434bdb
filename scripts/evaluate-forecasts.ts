/**
 * The rolling-origin evaluation behind the default forecast and its bands (docs/model.md §8.2,
 * decision 0019), on the public DfE SEN2 files:
 *
 *   npx tsx scripts/evaluate-forecasts.ts <SEN2 folder> [--sims 200] [--seed 50]
 *       [--origins 2015,2016,2017,2018] [--horizon 4] [--out src/lib/data/forecast-evaluation.json]
 *
 * It prints MAPE, median APE, bias and (for the workbench) p5–p95 coverage by method and horizon,
 * and with --out writes the table the Methodology page shows. A test runs the same evaluation on
 * the same files and checks that it reproduces the file.
 */
import { writeFileSync } from 'node:fs';
import { findSen2Files, readSen2Texts } from '../cli/sen2';
import { readSen2England } from '../src/lib/io/sen2/england';
import { evaluationSummary, rollingOriginEvaluation } from '../src/lib/io/sen2/rolling-origin';
import { option } from './options';

function main(argv: string[]): void {
	const dir = argv[0];
	if (!dir || dir.startsWith('--')) {
		console.error(
			'Usage: npx tsx scripts/evaluate-forecasts.ts <SEN2 folder> [--sims N] [--seed S] [--origins Y,Y] [--horizon H] [--out FILE]'
		);
		process.exit(2);
	}
	const sims = Number(option(argv, '--sims', '200'));
	const seed = Number(option(argv, '--seed', '50'));
	const horizon = Number(option(argv, '--horizon', '4'));
	const origins = option(argv, '--origins', '2015,2016,2017,2018').split(',').map(Number);
	const out = option(argv, '--out', '');
	const started = performance.now();
	const england = readSen2England(readSen2Texts(findSen2Files(dir, (line) => console.error(line))));
	const evaluation = rollingOriginEvaluation(england, {
		origins,
		horizon,
		simulations: sims,
		seed,
		onProgress: (done, total) => {
			if (done % 50 === 0 || done === total) process.stderr.write(`\r${done}/${total} authorities`);
		}
	});
	process.stderr.write('\n');
	const summary = evaluationSummary(evaluation);
	for (const r of summary.table) {
		console.log(
			`${r.method.padEnd(10)} h${r.horizon} n=${String(r.n).padStart(3)} MAPE ${(r.mape * 100).toFixed(2).padStart(5)}%  median ${(r.medianApe * 100).toFixed(2).padStart(5)}%  bias ${(r.bias * 100).toFixed(2).padStart(6)}%` +
				(r.coverage === null ? '' : `  p5–p95 coverage ${(r.coverage * 100).toFixed(1)}%`)
		);
	}
	for (const f of evaluation.failures) console.error(`${f.origin} ${f.authority}: ${f.reason}`);
	console.error(`${((performance.now() - started) / 1000).toFixed(1)} s`);
	if (out) writeFileSync(out, JSON.stringify(summary, null, '\t') + '\n');
}

main(process.argv.slice(2));
