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

/**
 * A label broken into lines no wider than `maxWidth` px (estimated), at spaces where it can be,
 * inside a word where one word alone is wider: nothing is ever cut off or shortened.
 * @example wrapLabel('Unit cost inflation (all settings)', 100, 12) // ['Unit cost', 'inflation (all', 'settings)']
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number): string[] {
	const perLine = Math.max(1, Math.floor(maxWidth / (CHAR_WIDTH_EM * fontSize)));
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		let rest = word;
		// A word longer than a line is split across lines.
		while ([...rest].length > perLine) {
			if (line) {
				lines.push(line);
				line = '';
			}
			const chars = [...rest];
			lines.push(chars.slice(0, perLine).join(''));
			rest = chars.slice(perLine).join('');
		}
		if (!rest) continue;
		const candidate = line ? `${line} ${rest}` : rest;
		if ([...candidate].length <= perLine) line = candidate;
		else {
			lines.push(line);
			line = rest;
		}
	}
	if (line) lines.push(line);
	return lines.length ? lines : [''];
}

/**
 * `wrapLabel`'s lines, each marked with whether a space stood before it in the label (false for
 * the first line and for the rest of a word split across lines), so the lines put together read
 * the label exactly (an SVG `<text>`'s text content, for screen readers and tests).
 * @example wrapLabelParts('Unit costs', 40, 12) // [{ line: 'Unit', space: false }, { line: 'costs', space: true }]
 */
export function wrapLabelParts(
	text: string,
	maxWidth: number,
	fontSize: number
): { line: string; space: boolean }[] {
	const normal = text.split(/\s+/).filter(Boolean).join(' ');
	let at = 0;
	return wrapLabel(text, maxWidth, fontSize).map((line, i) => {
		const space = i > 0 && normal[at] === ' ';
		if (space) at++;
		at += line.length;
		return { line, space };
	});
}

/**
 * The fewest decimals (0 … `max`) at which neighbouring tick labels all differ, so that a small
 * chart never reads "£1m, £1m" (ticks 0.5 apart at 0 decimals). At `max` when none does.
 * @param format a tick's label at `dp` decimals
 * @example distinctDecimals([0, 5e5, 1e6, 1.5e6], (v, dp) => formatMillions(v, { dp })) // 1
 */
export function distinctDecimals(
	values: readonly number[],
	format: (v: number, dp: number) => string,
	max = 3
): number {
	for (let dp = 0; dp < max; dp++) {
		const labels = values.map((v) => format(v, dp));
		if (labels.every((l, i) => i === 0 || l !== labels[i - 1])) return dp;
	}
	return max;
}
