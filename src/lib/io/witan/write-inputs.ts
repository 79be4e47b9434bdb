/**
 * Writes the four witan.send input files (docs/model.md §6) with their exact headers, so that
 * parse → write → parse gives identical data and write → parse → write identical bytes.
 */
import {
	NONSEND,
	type PopulationCell,
	type SettingDef,
	type TransitionRow,
	type UnitCost
} from '../../model/dataset';
import { csvCell, csvText, type WitanFile } from './csv';
import {
	COSTS_COLUMNS,
	COSTS_FILE,
	POPULATION_COLUMNS,
	POPULATION_FILE,
	TRANSITIONS_COLUMNS,
	TRANSITIONS_FILE,
	VALID_STATES_COLUMNS,
	VALID_STATES_FILE
} from './format';

/** What the writer needs: the pieces `parseWitanInputs` returns, or a dataset's. */
export interface WitanInputsToWrite {
	/** Setting ids are written as the witan setting codes. */
	settings: SettingDef[];
	/** witan setting-group per setting id; a setting without one is written with its DSG group. */
	settingGroups?: Record<string, string>;
	/** Every need; a setting whose `needs` is null allows all of them. */
	needs: string[];
	transitions: TransitionRow[];
	population: PopulationCell[];
	/** A cost whose need is null is written once per need its setting allows. */
	unitCosts: UnitCost[];
}

/**
 * The text of `transitions.csv`, `population.csv`, `costs.csv` and `valid-states.csv`, in that
 * order: rows in the order given, numbers plain (`-3`, `1000`, `9618.5`), `\n` line ends, the
 * valid-states comma lists always quoted. Text that a spreadsheet would read as a formula is
 * neutralised with a leading `'` (such codes are refused on import, so never round-trip).
 * @example
 * const files = writeWitanInputs(result.inputs); // [{ name: 'transitions.csv', text }, …]
 */
export function writeWitanInputs(inputs: WitanInputsToWrite): WitanFile[] {
	const settingIds = inputs.settings.map((s) => s.id);
	for (const id of settingIds) checkCode('setting', id);
	for (const need of inputs.needs) checkCode('need', need);

	const transitions = [
		[...TRANSITIONS_COLUMNS],
		...inputs.transitions.map((t) => [
			csvCell(t.calendarYear),
			csvCell(t.setting1),
			csvCell(t.need1),
			csvCell(t.ncy1),
			csvCell(t.setting2),
			csvCell(t.need2),
			csvCell(t.ncy2)
		])
	];

	const population = [
		[...POPULATION_COLUMNS],
		...inputs.population.map((p) => [csvCell(p.year), csvCell(p.ncy), csvCell(p.population.value)])
	];

	const byId = new Map(inputs.settings.map((s) => [s.id, s]));
	const costs: string[][] = [[...COSTS_COLUMNS]];
	for (const c of inputs.unitCosts) {
		const needs = c.need !== null ? [c.need] : (byId.get(c.setting)?.needs ?? inputs.needs);
		for (const need of needs)
			costs.push([csvCell(need), csvCell(c.setting), csvCell(c.cost.value)]);
	}

	const validStates = [
		[...VALID_STATES_COLUMNS],
		...inputs.settings.map((s) => [
			csvCell(s.id),
			csvCell(inputs.settingGroups?.[s.id] ?? s.group),
			csvCell(s.minNcy),
			csvCell(s.maxNcy),
			csvCell((s.needs ?? inputs.needs).join(','), true),
			csvCell((s.destinations ?? settingIds).join(','), true)
		])
	];

	return [
		{ name: TRANSITIONS_FILE, text: csvText(transitions) },
		{ name: POPULATION_FILE, text: csvText(population) },
		{ name: COSTS_FILE, text: csvText(costs) },
		{ name: VALID_STATES_FILE, text: csvText(validStates) }
	];
}

/** valid-states.csv holds codes in comma lists, and NONSEND means "not in SEND". */
function checkCode(kind: 'setting' | 'need', code: string): void {
	if (code === '' || code === NONSEND || code.includes(',')) {
		throw new Error(
			`writeWitanInputs: a ${kind} code must be non-empty, not ${NONSEND} and without commas, got ${JSON.stringify(code)}`
		);
	}
}
