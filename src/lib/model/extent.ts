/**
 * Smallest and largest of a list of numbers by a plain loop.
 *
 * Why not `Math.min(...values)`: a spread passes every value as an argument on the call stack,
 * and engines refuse a call with more than about 100,000 arguments ("Maximum call stack size
 * exceeded"), so a spread over data (a witan `transitions.csv` of 125,000 rows) fails on big
 * but valid files. These loops take any length. The same goes for `list.push(...items)`: use
 * `pushAll`.
 */

/**
 * The smallest number of `values` (optionally of `of(value)`), or `empty` when there are none
 * (Infinity, like `Math.min()`, unless given). NaN when a value is NaN, as `Math.min` gives.
 * @example minOf([2021, 2019, 2020]) // 2019
 * @example minOf(settings, (s) => s.minNcy) // the lowest NCY any setting takes
 */
export function minOf<T = number>(
	values: Iterable<T>,
	of?: (value: T) => number,
	empty: number = Infinity
): number {
	let lo = Infinity;
	let any = false;
	for (const value of values) {
		const v = of ? of(value) : (value as unknown as number);
		if (v !== v) return NaN;
		if (v < lo) lo = v;
		any = true;
	}
	return any ? lo : empty;
}

/**
 * The largest number of `values` (optionally of `of(value)`), or `empty` when there are none
 * (−Infinity, like `Math.max()`, unless given). NaN when a value is NaN, as `Math.max` gives.
 * @example maxOf([2021, 2019, 2020]) // 2021
 * @example maxOf(population, (p) => p.year) // the last census of the population file
 */
export function maxOf<T = number>(
	values: Iterable<T>,
	of?: (value: T) => number,
	empty: number = -Infinity
): number {
	let hi = -Infinity;
	let any = false;
	for (const value of values) {
		const v = of ? of(value) : (value as unknown as number);
		if (v !== v) return NaN;
		if (v > hi) hi = v;
		any = true;
	}
	return any ? hi : empty;
}

/**
 * Appends every item of `items` to `target` one by one (unlike `target.push(...items)`, which
 * fails past about 100,000 items) and returns `target`.
 * @example pushAll(rows, simulationRows(summary))
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
	for (const item of items) target.push(item);
	return target;
}
