/**
 * `forecast sen2 <dir> --authority <name | old LA code | new LA code> --out FILE`: one
 * authority's dataset from the DfE SEN2 files under a folder, built as the Data page's SEN2
 * import and the new dataset wizard build it (same code, the wizard's defaults, base census the
 * latest in the files), written with its default scenarios as a scenario set file that
 * `forecast run --dataset FILE` and the app's import read (docs/model.md §6).
 *
 * The folder is searched recursively for the CSV files the Data page accepts (recognised by their
 * columns, `detectSen2File`); other CSV files are skipped with a note. The wizard asks the user
 * for four finance figures; here they are the stand-in of decision 0022 (no finance: the
 * dashboard shows EHCPs only), see src/lib/io/sen2/defaults.ts.
 */
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { runExpected, prepareDataset } from '../src/lib/engine/workbench';
import { metricValue } from '../src/lib/model/results';
import { ImportError, describeWarning } from '../src/lib/io/csv/errors';
import { parseCsv } from '../src/lib/io/csv/parse';
import { scenarioSetText } from '../src/lib/io/scenario-set/file';
import { importSen2, type Sen2TextFile } from '../src/lib/io/sen2/import';
import { detectSen2File, type Sen2FileSpec } from '../src/lib/io/sen2/kinds';
import type { Dataset } from '../src/lib/model/dataset';
import { projectionYears } from '../src/lib/model/dataset-defaults';
import { newDatasetScenarios } from '../src/lib/io/sen2/new-dataset';
import type { Scenario } from '../src/lib/model/scenario';
import { parseScenarioSet } from '../src/lib/io/scenario-set/format';
import { sen2DatasetWithDefaults, withCalibratedSpend } from '../src/lib/io/sen2/defaults';
import { describeAuthority } from '../src/lib/io/sen2/authorities';
import { CliFileError, prepareOutFile, readTextFile, reason, writeFileWhole } from './files';
import { inWords } from './messages';

/** A problem with the command's input (folder, files, authority) rather than a program fault. */
export class Sen2InputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'Sen2InputError';
	}
}

/** A SEN2 file found under the folder: its path, its kind, and its name as the Data page sees it. */
export interface FoundSen2File {
	path: string;
	spec: Sen2FileSpec;
}

/** The first line of a file (its CSV header), without reading the whole file. */
function firstLine(path: string): string {
	const fd = openSync(path, 'r');
	try {
		const buf = Buffer.alloc(64 * 1024);
		const n = readSync(fd, buf, 0, buf.length, 0);
		const text = buf.subarray(0, n).toString('utf8');
		const end = text.search(/\r?\n/);
		return end < 0 ? text : text.slice(0, end);
	} finally {
		closeSync(fd);
	}
}

function csvFilesUnder(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
			a.name.localeCompare(b.name)
		)) {
			const p = join(d, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.isFile() && /\.csv$/i.test(e.name)) out.push(p);
		}
	};
	walk(dir);
	return out;
}

/**
 * The SEN2 files under a folder (recursively), one of each kind, recognised by their header as
 * the Data page recognises them. `note` receives a line for each CSV file that is not a SEN2 file.
 * Throws a Sen2InputError when the folder cannot be read, holds no SEN2 file, or holds two files
 * of one kind.
 * @example findSen2Files('sen2', console.error).map((f) => f.spec.kind) // ['age_caseload', …]
 */
export function findSen2Files(dir: string, note: (line: string) => void): FoundSen2File[] {
	let stat;
	try {
		stat = statSync(dir);
	} catch (e) {
		throw new Sen2InputError(
			`Cannot read the SEN2 folder ${dir}: ${reason(e)}. Give the folder holding the DfE SEN2 CSV files.`
		);
	}
	if (!stat.isDirectory()) {
		throw new Sen2InputError(`${dir} is not a folder: give the folder holding the SEN2 CSV files.`);
	}
	const found: FoundSen2File[] = [];
	for (const path of csvFilesUnder(dir)) {
		let spec: Sen2FileSpec;
		try {
			const header = parseCsv(firstLine(path), basename(path)).header;
			spec = detectSen2File(header, basename(path));
		} catch (e) {
			note(`skipped ${relative(dir, path) || path}: ${(e as Error).message}`);
			continue;
		}
		const same = found.find((f) => f.spec.kind === spec.kind);
		if (same) {
			throw new Sen2InputError(
				`Two SEN2 files of one kind (${spec.label}) under ${dir}: ${same.path} and ${path}. Keep one.`
			);
		}
		found.push({ path, spec });
	}
	if (found.length === 0) {
		throw new Sen2InputError(
			`No SEN2 file under ${dir}: expected the DfE files the Data page imports (sen2_age_caseload.csv, sen2_estab_caseload.csv, sen2_age_new_plans.csv, sen2_mi.csv of the 2022 release, or caseload.csv, newplans.csv, ceased_plans.csv of the 2023+ releases).`
		);
	}
	return found;
}

/**
 * Reads the files found, named as the Data page names them (the file's own name), so that
 * provenance refers to them as an import in the app would.
 */
export function readSen2Texts(found: readonly FoundSen2File[]): Sen2TextFile[] {
	return found.map((f) => {
		try {
			// Strict UTF-8 (files.ts): bytes that are not UTF-8 are refused, naming line and byte.
			return { name: basename(f.path), text: readTextFile(f.path, 'the SEN2 file') };
		} catch (e) {
			if (e instanceof CliFileError) throw new Sen2InputError(e.message);
			throw e;
		}
	});
}

/**
 * The dataset and scenarios `forecast sen2` writes: the wizard's dataset with the stand-in
 * finance, its first year's HNB expenditure set to the expected placement cost of the Baseline
 * (trend) (so that non-placement spend is 0). Throws a Sen2InputError naming what is missing.
 * @example sen2Dataset(importSen2(files, '314')).dataset.baseCensus // 2021
 */
export function sen2Dataset(imported: Parameters<typeof sen2DatasetWithDefaults>[0]): {
	dataset: Dataset;
	scenarios: Scenario[];
} {
	const who = describeAuthority(imported.authority);
	const cannot = (e: unknown) =>
		new Sen2InputError(
			`Cannot build a dataset for ${who} from the SEN2 files: ${inWords((e as Error).message)}.`
		);
	let draft: Dataset;
	try {
		draft = sen2DatasetWithDefaults(imported);
	} catch (e) {
		throw cannot(e);
	}
	// The reference projection (Baseline (trend)), by role (docs/model.md §6.1).
	const baseline = newDatasetScenarios(draft).find((s) => s.role === 'projection')!;
	const firstYear = projectionYears(draft.baseCensus, draft.horizonCensus)[0];
	let cost: number;
	try {
		cost = metricValue(runExpected(prepareDataset(draft), baseline), 'placement_cost', firstYear);
	} catch (e) {
		throw cannot(e); // estimation from the files failed (docs/model.md §3)
	}
	const dataset = withCalibratedSpend(draft, cost);
	return { dataset, scenarios: newDatasetScenarios(dataset) };
}

export interface Sen2CommandArgs {
	dir: string;
	authority: string;
	out: string;
}

/**
 * Runs `forecast sen2`: finds and reads the files, imports the authority, builds the dataset and
 * writes the scenario set. `log` gets the summary (stdout), `note` the notes (stderr). Throws a
 * Sen2InputError for anything the user should fix; nothing is written then.
 */
export function sen2Command(
	args: Sen2CommandArgs,
	log: (line: string) => void,
	note: (line: string) => void
): { dataset: Dataset; scenarios: Scenario[] } {
	if (!args.out.trim())
		throw new Sen2InputError('sen2 needs --out FILE, the scenario set file to write.');
	if (!args.authority.trim()) {
		throw new Sen2InputError(
			'sen2 needs --authority NAME, the local authority by name, new code (such as E09000021) or old code (such as 314).'
		);
	}
	try {
		prepareOutFile(args.out); // before reading the files: a bad --out fails at once
	} catch (e) {
		if (e instanceof CliFileError) throw new Sen2InputError(e.message);
		throw e;
	}
	const files = readSen2Texts(findSen2Files(args.dir, note));
	let imported;
	try {
		// Exact: a part of a name is refused (nobody sees the choice before the file is written).
		imported = importSen2(files, args.authority, undefined, { exact: true });
	} catch (e) {
		if (e instanceof ImportError && e.column === 'la_name' && e.row === null) {
			// The authority could not be chosen: say so without the list of files and the column.
			throw new Sen2InputError(
				`Cannot choose the authority in the SEN2 files under ${args.dir}: expected ${e.expected}, got ${e.got}. ` +
					'Give its full name, its new code (such as E09000021) or its old code (such as 314).'
			);
		}
		if (e instanceof ImportError) throw new Sen2InputError(e.message);
		throw e;
	}
	const { dataset, scenarios } = sen2Dataset(imported);
	const text = scenarioSetText(dataset, scenarios, new Date().toISOString());
	const check = parseScenarioSet(text, args.out);
	if (!check.ok) {
		// The file must be one the app and `run --dataset` read back: say why not, write nothing.
		throw new Error(
			`sen2: the scenario set for ${dataset.name} does not read back: ${check.errors.map((e) => e.message).join('; ')}`
		);
	}
	try {
		writeFileWhole(args.out, text, note);
	} catch (e) {
		if (e instanceof CliFileError) throw new Sen2InputError(e.message);
		throw e;
	}
	// Every note of the import, as the Data page lists them; a gap between censuses as a warning.
	for (const w of imported.warnings) {
		const gap = w.column === 'time_period' && /^the January censuses jump /.test(w.message);
		note(`${gap ? 'warning' : 'note'}: ${describeWarning(w)}`);
	}
	if (imported.warnings.length > 0) {
		note(
			`${imported.warnings.length} note${imported.warnings.length === 1 ? '' : 's'} on the files, above (the Data page lists them too).`
		);
	}
	const total = dataset.history.caseloadTotal.find((r) => r.year === dataset.baseCensus);
	log(
		`Wrote ${args.out}: dataset "${dataset.name}" (${imported.files.map((f) => f.name).join(', ')}; ` +
			`base January ${dataset.baseCensus}${total ? `, ${total.count.value.toLocaleString('en-GB')} EHC plans` : ''}; ` +
			`projected to January ${dataset.horizonCensus}; new plans from ${dataset.estimation.firstFlowYear}) ` +
			`with ${scenarios.length} scenarios (${scenarios.map((s) => s.name).join(', ')}). ` +
			'No finance: the deficit and cap are stand-ins.'
	);
	return { dataset, scenarios };
}
