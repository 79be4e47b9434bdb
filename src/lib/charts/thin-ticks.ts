/**
 * Axis labels that never overlap (issue 11 item 10; decision 0016): on a narrow screen a chart
 * has less room than its labels need, so an axis shows every k-th tick, with k the smallest step
 * that leaves a gap between neighbouring labels. Label sizes are estimated from their text (no
 * DOM measuring), so the same ticks are drawn on screen, in an exported SVG and in tests.
 */

/** Average advance of a character of the tick font, in em (system UI font, tabular numerals). */
export const CHAR_WIDTH_EM = 0.62;

/** Height a tick label takes along a vertical axis, in em (one line with its leading). */
export const LINE_HEIGHT_EM = 1.3;

/** Smallest space between neighbouring labels, px. */
export const TICK_LABEL_GAP = 6;

/**
 * The width of a one-line label in px, estimated from its length.
 * @example estimateTextWidth('2021/22', 12) // ≈ 52
 */
export function estimateTextWidth(text: string, fontSize: number): number {
	return [...text].length * CHAR_WIDTH_EM * fontSize;
}

/**
 * Ticks whose labels fit: every k-th of `values` (in axis order), counted back from the last, so
 * that the latest year is always labelled. k is the smallest whole step at which the closest
 * neighbours kept are at least the largest label size plus `gap` apart. Values whose position is
 * not finite are left out.
 * @param position a tick's position along the axis, px
 * @param size a tick label's extent along the axis, px
 * @example
 * thinTicks(['2015', …, '2026'], (v) => x(v), () => 40) // every other year on a 300 px axis
 */
export function thinTicks<T>(
	values: readonly T[],
	position: (v: T) => number,
	size: (v: T) => number,
	gap = TICK_LABEL_GAP
): T[] {
	const placed = values.filter((v) => Number.isFinite(position(v)));
	if (placed.length < 2) return placed;
	let spacing = Infinity;
	for (let i = 1; i < placed.length; i++) {
		spacing = Math.min(spacing, Math.abs(position(placed[i]) - position(placed[i - 1])));
	}
	const need = Math.max(...placed.map(size)) + gap;
	if (!(spacing > 0)) return [placed[placed.length - 1]];
	const k = Math.max(1, Math.ceil(need / spacing - 1e-9));
	const last = placed.length - 1;
	return placed.filter((_, i) => (last - i) % k === 0);
}

/** The tick labels' font size, px (Frame.svelte draws charts at font-size 12). */
export const TICK_FONT_SIZE = 12;
