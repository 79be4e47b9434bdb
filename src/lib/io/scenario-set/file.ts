/**
 * Scenario set files (docs/model.md §6) in and out of the browser, and on the command line.
 *
 * Export: the open dataset and its scenarios written by `serialiseScenarioSet` with the time of
 * writing and this app's name and version. A scenario whose parent has been deleted is written
 * without a parent (the file format refuses a parent that is not in the file).
 *
 * Import: parse and validate the whole file (`parseScenarioSet`: size, syntax, format, version,
 * migrations, every scenario against the dataset), and only then add it (`add`, the state's
 * `addDataset`, one storage transaction). A file that is refused, or a save that fails, changes
 * nothing; the messages say which file, where and what was expected.
 */
import type { Dataset } from '../../model/dataset';
import type { Scenario } from '../../model/scenario';
import type { ScenarioSetApp } from './format';
import { MAX_SCENARIO_SET_BYTES, parseScenarioSet, serialiseScenarioSet } from './format';
import { slugify } from '../../model/categories';
import { ImportError } from '../csv/errors';
import { readUtf8File } from '../csv/utf8';

/** What writes the files (kept in step with package.json's version). */
export const APP_INFO: ScenarioSetApp = { name: 'SEND Workbench', version: '0.1.0' };

export const SCENARIO_SET_TYPE = 'application/json';

/**
 * The scenarios as the file writes them: parents not among them are dropped (null).
 * @example exportableScenarios([childOfDeleted])[0].parentId // null
 */
export function exportableScenarios(scenarios: readonly Scenario[]): Scenario[] {
	const ids = new Set(scenarios.map((s) => s.id));
	return scenarios.map((s) =>
		s.parentId !== null && !ids.has(s.parentId) ? { ...s, parentId: null } : s
	);
}

/**
 * The scenario-set JSON of a dataset and its scenarios.
 * @param createdAt when the file is written (ISO 8601); the caller reads the clock
 * @example scenarioSetText(kingston, scenarios, new Date().toISOString())
 */
export function scenarioSetText(
	dataset: Dataset,
	scenarios: readonly Scenario[],
	createdAt: string,
	app: ScenarioSetApp = APP_INFO
): string {
	return serialiseScenarioSet(dataset, exportableScenarios(scenarios), { createdAt, app });
}

/**
 * A file name for a dataset's scenario set on a date: `kingston-upon-thames-scenarios-2021-06-30.json`.
 * @example scenarioSetFileName(kingston, '2021-06-30')
 */
export function scenarioSetFileName(dataset: Dataset, date: string): string {
	const who = slugify(dataset.authority.name || dataset.name).replace(/_/g, '-');
	return `${who}-scenarios-${date}.json`;
}

/**
 * A dataset and its scenarios as a scenario-set file dated `now`, for the caller to save (io
 * does not touch the browser's downloads). Throws (with the validator's message) when the set
 * could not be read back.
 * @example const f = scenarioSetFile(dataset, scenarios, new Date()); saveText(f.text, f.fileName, f.type);
 */
export function scenarioSetFile(
	dataset: Dataset,
	scenarios: readonly Scenario[],
	now: Date
): { text: string; fileName: string; type: string } {
	const text = scenarioSetText(dataset, scenarios, now.toISOString());
	const pad = (n: number) => String(n).padStart(2, '0');
	const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
	return { text, fileName: scenarioSetFileName(dataset, date), type: SCENARIO_SET_TYPE };
}

export type ImportOutcome =
	| {
			ok: true;
			dataset: Dataset;
			scenarios: Scenario[];
			warnings: string[];
			/** The file's version when it was older and has been migrated. */
			migratedFrom?: number;
	  }
	| { ok: false; errors: string[]; warnings: string[] };

/** What an import reads: a browser File, or anything with a name and text. */
export interface TextFile {
	name: string;
	/** Bytes, when known (a browser File): checked before the file is read into memory. */
	size?: number;
	/** The bytes (a browser File): read strictly as UTF-8, refused when they are not. */
	arrayBuffer?(): Promise<ArrayBuffer>;
	text(): Promise<string>;
}

/**
 * Imports a scenario-set file: read, parse, validate, then `add` (the state's `addDataset`,
 * which saves the dataset and every scenario in one transaction). Resolves with what was added,
 * or with the reasons nothing was.
 * @example
 * const r = await importScenarioSetFile(file, (d, s) => workbench.addDataset(d, s));
 * if (!r.ok) show(r.errors);
 */
export async function importScenarioSetFile(
	file: TextFile,
	add: (dataset: Dataset, scenarios: Scenario[]) => Promise<void>
): Promise<ImportOutcome> {
	if (file.size !== undefined && file.size > MAX_SCENARIO_SET_BYTES) {
		const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
		return {
			ok: false,
			errors: [
				`"${file.name}" is ${mb(file.size)}; a scenario set can be at most ${mb(MAX_SCENARIO_SET_BYTES)}. Nothing was imported.`
			],
			warnings: []
		};
	}
	let text: string;
	try {
		text = await readUtf8File(file);
	} catch (e) {
		const why =
			e instanceof ImportError
				? e.message
				: `"${file.name}" could not be read (${(e as Error).message})`;
		return {
			ok: false,
			errors: [`${why}; nothing was imported.`],
			warnings: []
		};
	}
	const parsed = parseScenarioSet(text, file.name);
	const warnings = parsed.warnings.map((w) => w.message);
	if (!parsed.ok) {
		return { ok: false, errors: parsed.errors.map((e) => e.message), warnings };
	}
	try {
		await add(parsed.dataset, parsed.scenarios);
	} catch (e) {
		return {
			ok: false,
			errors: [
				`"${file.name}" could not be saved, so nothing was imported: ${(e as Error).message}`
			],
			warnings
		};
	}
	return {
		ok: true,
		dataset: parsed.dataset,
		scenarios: parsed.scenarios,
		warnings,
		...(parsed.migratedFrom !== undefined ? { migratedFrom: parsed.migratedFrom } : {})
	};
}
