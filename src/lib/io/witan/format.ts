/**
 * The witan.send (Mastodon C) input file format (docs/model.md §6): file names and exact headers.
 */

export const TRANSITIONS_FILE = 'transitions.csv';
export const POPULATION_FILE = 'population.csv';
export const COSTS_FILE = 'costs.csv';
export const VALID_STATES_FILE = 'valid-states.csv';

/** The four input files, in the order the writer returns them. */
export const WITAN_INPUT_FILES = [
	TRANSITIONS_FILE,
	POPULATION_FILE,
	COSTS_FILE,
	VALID_STATES_FILE
] as const;

export type WitanInputFileName = (typeof WITAN_INPUT_FILES)[number];

export const TRANSITIONS_COLUMNS = [
	'calendar-year',
	'setting-1',
	'need-1',
	'academic-year-1',
	'setting-2',
	'need-2',
	'academic-year-2'
] as const;

export const POPULATION_COLUMNS = ['calendar-year', 'academic-year', 'population'] as const;

export const COSTS_COLUMNS = ['need', 'setting', 'cost'] as const;

export const VALID_STATES_COLUMNS = [
	'setting',
	'setting-group',
	'min-academic-year',
	'max-academic-year',
	'needs',
	'setting->setting'
] as const;

/** witan.send's range of academic years (NCY): age −1 to 29 at 31 August. */
export const WITAN_MIN_NCY = -5;
export const WITAN_MAX_NCY = 25;

/** Census years accepted, to catch a shifted column rather than to limit history. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
