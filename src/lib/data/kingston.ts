/**
 * The default dataset: the Royal Borough of Kingston upon Thames as its Safety Valve Quarter One
 * 2021/22 report describes it (data date 31 May 2021), with the DfE SEN2 statistics the council
 * had at that date, and its three scenarios (kingston-scenarios.ts names them).
 *
 * It ships as a scenario-set file, `kingston.scenario-set.json` (docs/model.md §6), read here by
 * the same reader as any imported file (`parseScenarioSet`: migrations to the current version,
 * then validation), so the built-in data obeys the format every user's file does (decision 0023).
 * Every figure carries its provenance (docs/model.md §1): `seed` (the report), `derived` (formula
 * given), `sen2` (DfE statistics, OGL v3.0) or `assumption` (illustrative, editable, shown as
 * such). Sources: the council's Safety Valve Quarter One 2021/22 Summary Update Report and the
 * figures derived from it (decision 0005). SEN2 flows of calendar year 2021 were returned in
 * January 2022, after the data date: they are kept as history for back-testing but not used to
 * estimate (`estimation.lastFlowYear` = 2020).
 *
 * Layer: above io (it uses io's reader); the engine and model never import it.
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import { parseScenarioSet } from '../io/scenario-set/format';
import file from './kingston.scenario-set.json' with { type: 'json' };

export const KINGSTON_DATASET_ID = 'kingston-upon-thames-sva-q1-2021-22';

/** The file's name, as the reader's messages give it. */
export const KINGSTON_SCENARIO_SET_FILE = 'kingston.scenario-set.json';

let loaded: { dataset: Dataset; scenarios: Scenario[] } | null = null;

/**
 * The built-in scenario set, read and validated once, then copied for each caller (so a caller
 * may change what it gets). Throws, naming the file and its first problems, if the shipped file
 * is not a valid scenario set — a fault in the app, which its tests catch.
 * @example kingstonScenarioSet().scenarios.map((s) => s.name) // ['SVA financial model 2021/22', …]
 */
export function kingstonScenarioSet(): { dataset: Dataset; scenarios: Scenario[] } {
	if (loaded === null) {
		const parsed = parseScenarioSet(JSON.stringify(file), KINGSTON_SCENARIO_SET_FILE);
		if (!parsed.ok) {
			const first = parsed.errors.slice(0, 3).map((e) => e.message);
			throw new Error(
				`kingstonScenarioSet: the built-in ${KINGSTON_SCENARIO_SET_FILE} is not a valid scenario set: ${first.join(' ')}`
			);
		}
		loaded = { dataset: parsed.dataset, scenarios: parsed.scenarios };
	}
	return structuredClone(loaded);
}

/**
 * The default dataset (a fresh copy each call, equal every time).
 * @example kingstonDataset().baseCensus // 2021
 */
export function kingstonDataset(): Dataset {
	return kingstonScenarioSet().dataset;
}
