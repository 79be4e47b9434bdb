/**
 * Datasets without finance on the command line (decision 0022, decision 0033): a dataset built
 * from SEN2 files (`forecast sen2`) or from witan.send inputs has a stand-in ledger — no
 * allocation, a cap never reached, costs at illustrative unit costs — so, as the app's dashboard
 * does (`hasNoFinance`), the command line shows its EHC plan numbers only and refuses the tables
 * that are about money, saying which dataset it is and what to add.
 */
import type { LongRow } from '../src/lib/io/long-csv';
import type { Dataset } from '../src/lib/model/dataset';
import type { MetricDef } from '../src/lib/model/results';

/** The dataset in words for a message: its file (or "the built-in dataset") and its name. */
function which(file: string | undefined, dataset: Dataset): string {
	return file ? `${file} ("${dataset.name}")` : `the dataset "${dataset.name}"`;
}

/** What to do to give a dataset its finance, for the messages below. */
export const ADD_FINANCE =
	"To forecast the deficit, add the council's finance: build the dataset in the app's new " +
	'dataset wizard (Data › New dataset) with its HNB allocation, deficit cap, opening cumulative ' +
	'deficit and first year’s HNB expenditure, then export the scenario set (Scenarios › Export) ' +
	'and give that file to --dataset.';

/**
 * The note `run` prints on stderr for a dataset without finance.
 * @example noFinanceNote('kent.json', dataset) // 'note: kent.json ("Kent — …") has no finance lines: …'
 */
export function noFinanceNote(file: string | undefined, dataset: Dataset): string {
	return (
		`note: ${which(file, dataset)} has no finance lines (its allocation, cap and deficit are ` +
		'stand-ins: it was built from SEN2 files or witan.send inputs), so only the EHC plan ' +
		`numbers are printed. ${ADD_FINANCE}`
	);
}

/**
 * The message refusing a finance table (`what`, such as "the monitoring table") for a dataset
 * without finance.
 */
export function noFinanceRefusal(what: string, file: string | undefined, dataset: Dataset): string {
	return (
		`Cannot write ${what}: ${which(file, dataset)} has no finance lines (its allocation, cap ` +
		'and deficit are stand-ins: it was built from SEN2 files or witan.send inputs). ' +
		ADD_FINANCE
	);
}

/**
 * The rows of census metrics only (EHC plan numbers: totals, joiners, leavers, movers, by
 * placement and age band), leaving out every finance metric and the first breach year.
 * @example demandRows(expectedRows(result), result.metrics).every((r) => r.metric.startsWith('ehcp_')) // true
 */
export function demandRows(rows: readonly LongRow[], metrics: readonly MetricDef[]): LongRow[] {
	const census = new Set(metrics.filter((m) => m.kind === 'census').map((m) => m.name));
	return rows.filter((r) => census.has(r.metric));
}
