/**
 * Colours that belong to the data rather than to one chart: the palette a scenario's colour is
 * chosen from, and how a scenario without one is given one (docs/model.md §6.1, decision 0029).
 *
 * A scenario keeps ONE colour everywhere (dashboard, compare, scenario page, report, slides,
 * exports), stored with it as `Scenario.colour`, so adding, removing or reordering scenarios
 * moves no colour. The palette is Okabe–Ito's (distinguishable with the common forms of colour
 * blindness). The cap's colour (`CAP_COLOUR`) is deliberately NOT in it: no scenario line can
 * be mistaken for the cap.
 */

/** The eight Okabe–Ito colours (Okabe & Ito, 2008), by name. */
export const OKABE_ITO = {
	black: '#000000',
	orange: '#E69F00',
	skyBlue: '#56B4E9',
	bluishGreen: '#009E73',
	yellow: '#F0E442',
	blue: '#0072B2',
	vermillion: '#D55E00',
	reddishPurple: '#CC79A7'
} as const;

/**
 * Scenario colours in the order they are handed out. Strong colours come first; yellow and sky
 * blue are last because thin lines in them are hard to see on white.
 */
export const SCENARIO_COLOURS: readonly string[] = [
	OKABE_ITO.blue,
	OKABE_ITO.orange,
	OKABE_ITO.bluishGreen,
	OKABE_ITO.vermillion,
	OKABE_ITO.reddishPurple,
	OKABE_ITO.skyBlue,
	OKABE_ITO.black,
	OKABE_ITO.yellow
];

/** Plain names of the scenario colours, for the picker and for screen readers. */
export const SCENARIO_COLOUR_NAMES: Readonly<Record<string, string>> = {
	[OKABE_ITO.blue]: 'Blue',
	[OKABE_ITO.orange]: 'Orange',
	[OKABE_ITO.bluishGreen]: 'Green',
	[OKABE_ITO.vermillion]: 'Vermillion',
	[OKABE_ITO.reddishPurple]: 'Pink',
	[OKABE_ITO.skyBlue]: 'Sky blue',
	[OKABE_ITO.black]: 'Black',
	[OKABE_ITO.yellow]: 'Yellow'
};

/**
 * The deficit cap's colour: a dark red that is in no scenario's palette (drawn dashed and
 * thicker than any scenario line, above them all).
 */
export const CAP_COLOUR = '#8C0A0A';

const HEX = /^#[0-9A-Fa-f]{6}$/;

/**
 * Whether `x` is a colour as stored: `#RRGGBB`.
 * @example isHexColour('#0072B2') // true
 * @example isHexColour('blue') // false
 */
export function isHexColour(x: unknown): x is string {
	return typeof x === 'string' && HEX.test(x);
}

/** A colour in the one spelling colours are compared in (upper-case hex). */
function key(colour: string): string {
	return colour.toUpperCase();
}

/**
 * The colour for a new scenario: the first palette colour no scenario in `used` has; when all
 * eight are taken, the least used (the earliest in the palette among those).
 * @example firstFreeColour(['#0072B2']) // '#E69F00'
 */
export function firstFreeColour(used: Iterable<string | null | undefined>): string {
	const counts = new Map<string, number>(SCENARIO_COLOURS.map((c) => [key(c), 0]));
	for (const c of used) {
		if (c && counts.has(key(c))) counts.set(key(c), counts.get(key(c))! + 1);
	}
	let best = SCENARIO_COLOURS[0];
	let fewest = Infinity;
	for (const c of SCENARIO_COLOURS) {
		const n = counts.get(key(c))!;
		if (n < fewest) {
			best = c;
			fewest = n;
		}
	}
	return best;
}

/**
 * Gives every scenario of one dataset that has no colour the first palette colour unused by the
 * others (in list order, counting colours given earlier in the same call). Scenarios that have
 * a colour keep it, so no colour moves. Returns the scenarios (new objects only for those
 * changed) and the ids of those given a colour (to be saved).
 * @example assignScenarioColours([{ id: 'a', colour: '#0072B2' }, { id: 'b' }]).assigned // ['b']
 */
export function assignScenarioColours<T extends { id: string; colour?: string }>(
	scenarios: readonly T[]
): { scenarios: T[]; assigned: string[] } {
	const used: string[] = scenarios.flatMap((s) => (isHexColour(s.colour) ? [s.colour] : []));
	const assigned: string[] = [];
	const out = scenarios.map((s) => {
		if (isHexColour(s.colour)) return s;
		const colour = firstFreeColour(used);
		used.push(colour);
		assigned.push(s.id);
		return { ...s, colour };
	});
	return { scenarios: out, assigned };
}

/**
 * A scenario's colour: its own, or (before one is assigned, e.g. in a test or the command line)
 * the first palette colour.
 * @example scenarioColour({ colour: '#E69F00' }) // '#E69F00'
 */
export function scenarioColour(scenario: { colour?: string } | null | undefined): string {
	return isHexColour(scenario?.colour) ? scenario.colour : SCENARIO_COLOURS[0];
}
