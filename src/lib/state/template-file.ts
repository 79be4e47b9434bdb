/**
 * Importing one CSV template (finance lines, savings, Safety Valve, unit costs, actuals; docs/model.md
 * §6) from a file the user picked: the bytes must be UTF-8, then the caller's reader applies the
 * text or refuses it whole. What happened comes back in words for the template's component
 * (ui/data/TemplateFile.svelte), which holds no file handling of its own.
 */
import { readUtf8File } from '../io/csv/utf8';
import { TemplateImportError } from '../io/templates';

/** What an import said: what was read (status), or every problem when it was refused. */
export interface TemplateImportOutcome {
	status: string;
	problems: string[];
}

/**
 * Reads a picked file and hands its text to `read`, which applies it and says what it read, or
 * throws (a TemplateImportError listing each problem) to refuse it; nothing is applied then.
 * @example await importTemplateFile(file, (text, name) => applyFinance(text, name))
 * // { status: 'Read 12 figures …', problems: [] }
 */
export async function importTemplateFile(
	file: File,
	read: (text: string, fileName: string) => string
): Promise<TemplateImportOutcome> {
	try {
		const text = await readUtf8File(file); // bytes that are not UTF-8 are refused
		return { status: read(text, file.name), problems: [] };
	} catch (err) {
		const problems =
			err instanceof TemplateImportError
				? [`${file.name}: nothing was imported.`, ...err.problems.map((p) => p.message)]
				: [`${file.name}: nothing was imported. ${(err as Error).message}`];
		return { status: '', problems };
	}
}
