import { describe, expect, it } from 'vitest';
import {
	CAP_COLOUR,
	SCENARIO_COLOURS,
	assignScenarioColours,
	firstFreeColour,
	isHexColour,
	scenarioColour
} from '$lib/model/colours';

const [blue, orange, green, vermillion] = SCENARIO_COLOURS;

type Item = { id: string; colour?: string };
/** Scenarios without a colour, by id. */
const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));

describe('scenario colours', () => {
	it('give scenarios without a colour the first palette colours unused, in order', () => {
		const { scenarios, assigned } = assignScenarioColours(items('a', 'b', 'c'));
		expect(scenarios.map((s) => s.colour)).toEqual([blue, orange, green]);
		expect(assigned).toEqual(['a', 'b', 'c']);
	});

	it('keep a stored colour, and skip it when giving colours to the others', () => {
		const { scenarios, assigned } = assignScenarioColours<Item>([
			{ id: 'a' },
			{ id: 'b', colour: blue },
			{ id: 'c' }
		]);
		expect(scenarios.map((s) => s.colour)).toEqual([orange, blue, green]);
		expect(assigned).toEqual(['a', 'c']);
	});

	it('move no colour when a scenario is added, removed or the list reordered', () => {
		const first = assignScenarioColours(items('a', 'b', 'c')).scenarios;
		const before = Object.fromEntries(first.map((s) => [s.id, s.colour]));
		// Added at the front of the list: it takes the next free colour, the others keep theirs.
		const added = assignScenarioColours([...items('new'), ...first]).scenarios;
		expect(Object.fromEntries(added.map((s) => [s.id, s.colour]))).toEqual({
			...before,
			new: vermillion
		});
		// Removed and reordered: nothing changes for the rest.
		const removed = assignScenarioColours([first[2], first[0]]);
		expect(removed.assigned).toEqual([]);
		expect(removed.scenarios.map((s) => s.colour)).toEqual([before.c, before.a]);
		// A scenario added after one was removed takes the freed colour.
		expect(firstFreeColour(removed.scenarios.map((s) => s.colour))).toBe(before.b);
	});

	it('hand out the least used colour once all eight are taken', () => {
		const all = SCENARIO_COLOURS.map((colour, i) => ({ id: `s${i}`, colour }));
		expect(firstFreeColour([...all.map((s) => s.colour), blue])).toBe(orange);
		const { scenarios } = assignScenarioColours<Item>([...all, { id: 'ninth' }]);
		expect(scenarios.at(-1)?.colour).toBe(blue);
	});

	it('compare colours whatever their case', () => {
		expect(firstFreeColour([blue.toLowerCase()])).toBe(orange);
	});

	it('keep the cap’s colour out of the scenario palette', () => {
		expect(SCENARIO_COLOURS.map((c) => c.toUpperCase())).not.toContain(CAP_COLOUR.toUpperCase());
	});

	it('read a scenario’s colour, the first palette colour before one is assigned', () => {
		expect(scenarioColour({ colour: orange })).toBe(orange);
		expect(scenarioColour({})).toBe(blue);
		expect(isHexColour('#0072B2')).toBe(true);
		expect(isHexColour('blue')).toBe(false);
	});
});
