/**
 * The datasets the benchmarks run on: Kingston (the default dataset and its three scenarios) and
 * the witan.send demo inputs, read from `../shared/peer/witan.send-demo/` beside the repository
 * (or $WITAN_DEMO_DIR), which the project does not copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kingstonDataset } from '../src/lib/data/kingston';
import { kingstonScenarios } from '../src/lib/data/kingston-scenarios';
import { witanDataset } from '../src/lib/io/witan/dataset';
import { parseWitanInputs } from '../src/lib/io/witan/parse-inputs';
import type { Dataset } from '../src/lib/model/dataset';
import type { Scenario } from '../src/lib/model/scenario';
import { plainScenario } from './synthetic';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchDataset {
	label: string;
	dataset: Dataset;
	scenarios: Scenario[];
}

export function kingston(): BenchDataset {
	return { label: 'Kingston', dataset: kingstonDataset(), scenarios: kingstonScenarios() };
}

const DEMO_FILES = ['transitions.csv', 'population.csv', 'costs.csv', 'valid-states.csv'];

/** The folder of the witan.send demo's four input files, or null when they are absent. */
export function witanDemoDir(): string | null {
	const dir =
		process.env.WITAN_DEMO_DIR ?? join(REPO_ROOT, '..', 'shared', 'peer', 'witan.send-demo');
	return DEMO_FILES.every((n) => existsSync(join(dir, n))) ? dir : null;
}

/** The witan.send demo as a dataset with one plain scenario, or null when its files are absent. */
export function witanDemo(): BenchDataset | null {
	const dir = witanDemoDir();
	const names = DEMO_FILES;
	if (dir === null) return null;
	const parsed = parseWitanInputs(
		names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }))
	);
	if (!parsed.ok) {
		throw new Error(
			`The witan.send demo in ${dir} does not parse:\n` +
				parsed.errors.map((e) => e.message).join('\n')
		);
	}
	return {
		label: 'witan.send demo',
		dataset: witanDataset(parsed.inputs, { source: 'the witan.send demo' }),
		scenarios: [plainScenario('witan-demo', 'witan.send demo (pooled)')]
	};
}
