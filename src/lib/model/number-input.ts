/**
 * Numbers as people type them into a grid cell or a template cell: one rule for both, so a figure
 * that imports from a CSV template can also be typed on the Data page (docs/model.md §6).
 */

const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * Reads an amount or a rate from a template cell: blank is null; `£` and thousands separators
 * are allowed; `%` divides by 100 where `percent` allows it. Undefined when the cell is none of
 * these.
 * @example readNumberCell('£1,200,000') // 1200000
 * @example readNumberCell('2.5%', true) // 0.025
 */
export function readNumberCell(raw: string, percent = false): number | null | undefined {
	let s = raw.trim().replace(/\s+/g, '');
	if (s === '') return null;
	let scale = 1;
	if (percent && s.endsWith('%')) {
		s = s.slice(0, -1);
		scale = 0.01;
	}
	if (/^\(.*\)$/.test(s)) s = `-${s.slice(1, -1)}`; // accountants' negatives: (750,000)
	s = s.replace(/^(-?)£/, '$1');
	if (!NUMBER.test(s)) return undefined;
	const n = Number(s.replace(/,/g, ''));
	return Number.isFinite(n) ? n * scale : undefined;
}
