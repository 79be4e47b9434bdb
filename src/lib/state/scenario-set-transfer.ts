/**
 * Moving a whole scenario set in and out of the browser (Scenarios → Import / Export,
 * docs/model.md §6): export writes the open dataset and its scenarios as a scenario-set file
 * to the downloads; import reads a file (size, strict UTF-8, format version and validation by the
 * io reader), asks before replacing saved work, and saves it through the workbench. Each returns
 * what to tell the user; the page holds no file handling of its own (decision 0025).
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import { importScenarioSetFile, scenarioSetFile, type TextFile } from '../io/scenario-set/file';
import { saveText } from '../client/download';
import type { ImportReplacement } from '../storage';
import type { ImportChoice, WorkbenchState } from './workbench.svelte';

/** What the workbench saved from an import (or the user's cancel). */
type Added = { choice: ImportChoice | 'new'; dataset: Dataset; scenarios: Scenario[] };

/** What an import came to, for the page. */
export interface ScenarioSetImportResult {
	/** What happened, in words, when the file was read (imported or cancelled); else null. */
	notice: string | null;
	/** Why nothing was imported (empty when the file was read). */
	errors: string[];
	warnings: string[];
}

/**
 * Imports a scenario-set file into the workbench; saved work it would replace is shown through
 * `confirm` and replaced only if the user says so.
 * @example const r = await importScenarioSet(workbench, file, (r) => dialog.ask(r)); r.notice
 */
export async function importScenarioSet(
	workbench: Pick<WorkbenchState, 'addDataset'>,
	file: TextFile,
	confirm: (replacements: ImportReplacement[]) => Promise<ImportChoice>
): Promise<ScenarioSetImportResult> {
	let added: Added | null = null;
	const outcome = await importScenarioSetFile(file, async (d, s) => {
		added = await workbench.addDataset(d, s, confirm);
	});
	if (!outcome.ok) return { notice: null, errors: outcome.errors, warnings: outcome.warnings };
	// TypeScript cannot see that `add` ran: the reader calls it before resolving ok.
	const a = added as Added | null;
	if (!a || a.choice === 'cancel') {
		return {
			notice: `Import of ${file.name} cancelled: nothing was changed.`,
			errors: [],
			warnings: outcome.warnings
		};
	}
	const n = a.scenarios.length;
	return {
		notice: `Imported “${a.dataset.name}” with ${n} scenario${n === 1 ? '' : 's'} from ${file.name}${a.choice === 'copy' ? ', kept beside the saved work under new names' : ''}.`,
		errors: [],
		warnings: outcome.warnings
	};
}

/**
 * Saves the open dataset and `scenarios` as a scenario-set file to the downloads (edits waiting
 * to be saved are saved first). Resolves with what to tell the user; throws with the
 * validator's message when the set could not be read back, and then nothing is saved.
 * @example notice = await exportScenarioSet(workbench, scenarios) // 'Saved kingston-….json …'
 */
export async function exportScenarioSet(
	workbench: Pick<WorkbenchState, 'flush'> & { dataset: Dataset | null },
	scenarios: readonly Scenario[]
): Promise<string | null> {
	if (!workbench.dataset) return null;
	await workbench.flush();
	const file = scenarioSetFile(workbench.dataset, scenarios, new Date());
	saveText(file.text, file.fileName, file.type);
	return `Saved ${file.fileName} to your downloads.`;
}
