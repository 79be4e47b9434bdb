/**
 * Which scenarios the Dashboard and Compare draw at once. A dataset may hold up to
 * `MAX_SCENARIOS` scenarios (io/scenario-set/format.ts), but a chart of hundreds of lines is unreadable
 * and each one drawn, simulated and tabulated costs the page time (docs/decisions/0017): the pages
 * show a chosen subset, the first `MAX_SHOWN` by default, and the user picks others.
 */

/** Most scenarios drawn on one chart and listed in one table at once. */
export const MAX_SHOWN = 8;

/**
 * The ids shown: the chosen ones that still exist (in the dataset's order, at most `MAX_SHOWN`),
 * or the first `MAX_SHOWN` when none is chosen.
 * @example shownIds(['a', 'b', 'c'], null) // ['a', 'b', 'c']
 * @example shownIds(['a', 'b', 'c'], ['c']) // ['c']
 */
export function shownIds(all: readonly string[], chosen: readonly string[] | null): string[] {
	if (chosen === null) return all.slice(0, MAX_SHOWN);
	const wanted = new Set(chosen);
	return all.filter((id) => wanted.has(id)).slice(0, MAX_SHOWN);
}

/**
 * The ids shown after ticking (`on`) or unticking one: ticking past `MAX_SHOWN` changes nothing.
 * @example toggleShown(['a'], 'b', true) // ['a', 'b']
 */
export function toggleShown(shown: readonly string[], id: string, on: boolean): string[] {
	if (!on) return shown.filter((x) => x !== id);
	if (shown.includes(id) || shown.length >= MAX_SHOWN) return [...shown];
	return [...shown, id];
}

/**
 * A sentence on how many are shown, when not all of them are: "Showing 8 of 240 scenarios; at
 * most 8 at once: untick one to show another." Null when every scenario is shown.
 */
export function shownNote(shown: number, total: number): string | null {
	if (shown >= total) return null;
	const full = shown >= MAX_SHOWN;
	return `Showing ${shown} of ${total.toLocaleString('en-GB')} scenarios${full ? `; at most ${MAX_SHOWN} at once: untick one to show another` : ''}.`;
}
