/**
 * `forecast export-table <monitoring|kpis|dsg-grid> --format csv|xlsx --out FILE [--dataset FILE]`:
 * one of the report's tables as a file, from the same engine and table builders as the app.
 *
 * - `monitoring`: the financial model monitoring table, the dataset's financial plan against its
 *   reference projection (the scenarios with roles `plan` and `projection`, docs/model.md §6.1;
 *   Kingston's `SVA financial model 2021/22` and `May 2021 projection`), for the first financial
 *   year (or `--plan`, `--projection` naming scenarios, `--year`).
 * - `kpis`: the KPI table, with the projection scenario's computed values beside the reported ones.
 * - `dsg-grid`: the DSG management plan grid (7 placement categories × 5 age bands × January
 *   census) of the projection scenario (or `--scenario`).
 *
 * Every text cell is neutralised against formula injection; numbers stay numbers.
 */
import { extname } from 'node:path';
import { kingstonDataset } from '../src/lib/data/kingston';
import { kingstonScenarios } from '../src/lib/data/kingston-scenarios';
import { computeKpi } from '../src/lib/engine/kpi';
import { monitoringTable } from '../src/lib/engine/monitoring';
import { projectExpected } from '../src/lib/engine/project';
import type { PreparedDataset } from '../src/lib/engine/workbench';
import { compile, prepareDataset, runExpected } from '../src/lib/engine/workbench';
import { dsgGrid, dsgGridTable } from '../src/lib/io/dsg-grid';
import type { DataTable } from '../src/lib/io/table';
import { tableToCsv } from '../src/lib/io/table';
import { tablesToXlsx } from '../src/lib/io/xlsx';
import type { Dataset } from '../src/lib/model/dataset';
import type { Scenario } from '../src/lib/model/scenario';
import { parseScenarioSet } from '../src/lib/io/scenario-set/format';
import { kpiExportTable, monitoringExportTable } from '../src/lib/io/export-tables';
import { hasNoFinance } from '../src/lib/model/stand-in-finance';
import { noFinanceRefusal } from './no-finance';
import { prepareOutFile, readTextFile, writeFileWhole, type Note } from './files';

export const EXPORT_TABLES = ['monitoring', 'kpis', 'dsg-grid'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export interface ExportTableArgs {
	table: ExportTableName;
	format: 'csv' | 'xlsx';
	out: string;
	/** A scenario set file (.json); the built-in Kingston dataset when absent. */
	dataset?: string;
	/** Scenario names; defaults: the scenarios with roles `plan` and `projection`. */
	plan?: string;
	projection?: string;
	/** The scenario of the DSG grid; default: the projection scenario. */
	scenario?: string;
	/** Financial year of the monitoring table and the computed KPIs; default: the first. */
	year?: string;
}

/** The dataset file's dataset and scenarios (its warnings to `note`), or Kingston's. */
function load(
	file: string | undefined,
	note: Note = () => {}
): { dataset: Dataset; scenarios: Scenario[] } {
	if (!file) return { dataset: kingstonDataset(), scenarios: kingstonScenarios() };
	let text: string;
	try {
		text = readTextFile(file, 'the dataset file');
	} catch (e) {
		throw new Error(`export-table: ${(e as Error).message}`, { cause: e });
	}
	const parsed = parseScenarioSet(text, file);
	for (const w of parsed.warnings) note(`warning: ${w.message}`);
	if (!parsed.ok) {
		throw new Error(
			`export-table: ${file} is not a usable scenario set:\n` +
				parsed.errors.map((e) => `  - ${e.message}`).join('\n')
		);
	}
	return { dataset: parsed.dataset, scenarios: parsed.scenarios };
}

/** `The scenarios are: …` on lines of their own, or that there are none. */
function scenarioList(scenarios: Scenario[]): string {
	return scenarios.length === 0
		? 'The dataset has no scenarios.'
		: 'The scenarios are:\n' + scenarios.map((x) => `  ${x.name}`).join('\n');
}

function named(scenarios: Scenario[], name: string, what: string): Scenario {
	const s = scenarios.find((x) => x.name === name);
	if (!s) {
		throw new Error(
			`export-table: no scenario named "${name}" for the ${what}. ${scenarioList(scenarios)}`
		);
	}
	return s;
}

/**
 * The scenario named by `--plan` / `--projection`, else the one with that role (docs/model.md
 * §6.1). Throws, listing the scenarios, when there is none.
 */
function chosen(scenarios: Scenario[], name: string | undefined, role: 'plan' | 'projection') {
	const what = role === 'plan' ? 'financial model' : 'projection';
	if (name !== undefined) return named(scenarios, name, what);
	const s = scenarios.find((x) => x.role === role);
	if (!s) {
		throw new Error(
			`export-table: no scenario has role "${role}", so name the ${what} with --${role}. ${scenarioList(scenarios)}`
		);
	}
	return s;
}

/** Builds the table asked for. */
export function buildExportTable(
	args: Omit<ExportTableArgs, 'format' | 'out'>,
	loaded = load(args.dataset)
): DataTable {
	const { dataset, scenarios } = loaded;
	if (args.table === 'monitoring' && hasNoFinance(dataset)) {
		// The table is money only: a stand-in ledger would print as a real budget (decision 0033).
		throw new Error(noFinanceRefusal('the monitoring table', args.dataset, dataset));
	}
	const prepared: PreparedDataset = prepareDataset(dataset);
	const projectionScenario = chosen(scenarios, args.projection, 'projection');
	if (args.table === 'dsg-grid') {
		const scenario = args.scenario
			? named(scenarios, args.scenario, 'DSG grid')
			: projectionScenario;
		const c = compile(prepared, scenario);
		return dsgGridTable(dsgGrid(c, projectExpected(c)));
	}
	const projection = runExpected(prepared, projectionScenario);
	const year = args.year ?? projection.years[0];
	const k = projection.years.indexOf(year);
	if (k < 0) {
		throw new Error(
			`export-table: --year must be one of ${projection.years.join(', ')}, got "${year}".`
		);
	}
	if (args.table === 'monitoring') {
		const plan = runExpected(prepared, chosen(scenarios, args.plan, 'plan'));
		return monitoringExportTable(
			monitoringTable(plan, projection, year, dataset.finance.savings),
			dataset.authority.name
		);
	}
	if (args.table === 'kpis') {
		const modelValues: Record<string, number | null> = {};
		for (const kpi of dataset.kpis) {
			if (kpi.formula) modelValues[kpi.ref] = computeKpi(kpi.formula, projection, k, dataset);
		}
		return kpiExportTable(dataset.kpis, {
			modelValues,
			modelLabel: `${projection.scenarioName} (${year})`,
			title: `${dataset.authority.name}: key performance indicators`
		});
	}
	throw new Error(
		`export-table: the table must be one of ${EXPORT_TABLES.join(', ')}, got "${String(args.table)}".`
	);
}

/**
 * Writes the table to `out` as CSV or XLSX (whole or not at all) and logs what it wrote; the
 * dataset file's warnings and a note when `out` is replaced go to `note`. Rejects with a message
 * naming the problem (unknown table or format, missing scenario, unreadable dataset, a file that
 * cannot be written — checked before the table is built).
 * @example await exportTableCommand({ table: 'monitoring', format: 'xlsx', out: 'm.xlsx' }, console.log)
 */
export async function exportTableCommand(
	args: ExportTableArgs,
	log: (line: string) => void,
	note: Note = log
): Promise<void> {
	if (!(EXPORT_TABLES as readonly string[]).includes(args.table)) {
		throw new Error(
			`export-table: the table must be one of ${EXPORT_TABLES.join(', ')}, got "${String(args.table)}".`
		);
	}
	if (args.format !== 'csv' && args.format !== 'xlsx') {
		throw new Error(`export-table: --format must be csv or xlsx, got "${String(args.format)}".`);
	}
	if (!args.out) throw new Error('export-table: --out FILE is required.');
	// An XLSX file named .csv (or the reverse) opens as garbage: refuse it before any work.
	const ext = extname(args.out).toLowerCase();
	const other = args.format === 'csv' ? 'xlsx' : 'csv';
	if (ext === `.${other}`) {
		throw new Error(
			`export-table: --out ${args.out} ends in .${other} but --format is ${args.format}: ` +
				`name the file .${args.format}, or give --format ${other}.`
		);
	}
	prepareOutFile(args.out);
	const table = buildExportTable(args, load(args.dataset, note));
	const bytes =
		args.format === 'csv' ? Buffer.from(tableToCsv(table), 'utf8') : await tablesToXlsx([table]);
	writeFileWhole(args.out, bytes, note);
	log(
		`Wrote ${table.name} (${table.rows.length} rows) as ${args.format.toUpperCase()} to ${args.out}`
	);
}
