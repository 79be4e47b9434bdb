/**
 * `forecast export --out FILE [--dataset FILE]`: writes the built-in dataset (Kingston) and its
 * scenarios as a scenario-set file (docs/model.md §6), so that `forecast run --dataset FILE` gives
 * the same figures as the built-in run, and the file can be imported into the app, edited and
 * exported back. With `--dataset` it writes that file's dataset and scenarios instead, in the
 * current file version (an older file comes out updated, as the app's import updates it).
 */
import { kingstonDataset } from '../src/lib/data/kingston';
import { kingstonScenarios } from '../src/lib/data/kingston-scenarios';
import { scenarioSetText } from '../src/lib/io/scenario-set/file';
import type { Dataset } from '../src/lib/model/dataset';
import type { Scenario } from '../src/lib/model/scenario';
import { writeFileWhole, type Note } from './files';

/**
 * Writes the default dataset and its scenarios (or `args.from`'s, a dataset file read by the
 * caller) to `args.out` as scenario-set JSON (whole or not at all), says what it wrote through
 * `log` and, through `note`, when it replaced a file.
 * Returns the exit code (0). Throws, naming the file, when it cannot be written.
 * @example exportCommand({ out: 'kingston.json' }, (s) => process.stdout.write(s)) // 0
 */
export function exportCommand(
	args: { out: string; from?: { dataset: Dataset; scenarios: Scenario[] } },
	log: (s: string) => void,
	note: Note = (line) => log(line + '\n')
): number {
	if (!args.out || !args.out.trim()) {
		throw new Error('export needs --out FILE, the scenario set file to write.');
	}
	const dataset = args.from?.dataset ?? kingstonDataset();
	const scenarios = args.from?.scenarios ?? kingstonScenarios();
	const text = scenarioSetText(dataset, scenarios, new Date().toISOString());
	writeFileWhole(args.out, text, note);
	log(
		`Wrote ${args.out}: dataset "${dataset.name}" with ${scenarios.length} scenarios (${scenarios
			.map((s) => s.name)
			.join(', ')}).\n`
	);
	return 0;
}
