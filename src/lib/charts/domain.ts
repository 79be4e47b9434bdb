/**
 * Domains for a Frame's scales, computed from the data the layers will draw.
 */
import { isPresent, type MaybeNumber } from '$lib/model/format';

/**
 * The smallest and largest present value among any number of value lists; null, undefined and
 * NaN are skipped (missing, not zero). With no present value at all the extent is [0, 1], so an
 * empty chart still gets a usable axis.
 * @example valueExtent([3, null, 7], [5, NaN]) // [3, 7]
 */
export function valueExtent(...lists: readonly Iterable<MaybeNumber>[]): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (const list of lists) {
		for (const v of list) {
			if (!isPresent(v)) continue;
			if (v < lo) lo = v;
			if (v > hi) hi = v;
		}
	}
	return lo <= hi ? [lo, hi] : [0, 1];
}

/**
 * The distinct categories of several lists in first-seen order (for a band or point domain).
 * @example categoriesOf(['2021/22', '2022/23'], ['2022/23', '2023/24']) // ['2021/22', '2022/23', '2023/24']
 */
export function categoriesOf(...lists: readonly Iterable<string | number>[]): string[] {
	const seen = new Set<string>();
	for (const list of lists) for (const v of list) seen.add(String(v));
	return [...seen];
}
