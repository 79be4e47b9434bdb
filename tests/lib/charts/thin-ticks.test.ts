import { formatMillions } from '$lib/model/format';
import { describe, expect, it } from 'vitest';
import {
	estimateTextWidth,
	thinTicks,
	wrapLabel,
	wrapLabelParts,
	distinctDecimals
} from '$lib/charts/thin-ticks';

const years = Array.from({ length: 12 }, (_, i) => String(2015 + i));
/** Positions of `values` spread evenly over `width` px, first at 0 and last at `width`. */
const spread = (values: readonly string[], width: number) => (v: string) =>
	(values.indexOf(v) / (values.length - 1)) * width;

describe('thinTicks', () => {
	it('keeps every tick when the labels have room', () => {
		expect(thinTicks(years, spread(years, 1100), () => 40)).toEqual(years);
	});

	it('keeps every k-th tick, counted back from the last, so that neighbours are a gap apart', () => {
		// 11 intervals over 330 px: 30 px apart; labels of 40 px plus a 6 px gap need 46: every 2nd.
		const kept = thinTicks(years, spread(years, 330), () => 40);
		expect(kept).toEqual(['2016', '2018', '2020', '2022', '2024', '2026']);
		// Labels of 70 px need 76: every 3rd.
		expect(thinTicks(years, spread(years, 330), () => 70)).toEqual([
			'2017',
			'2020',
			'2023',
			'2026'
		]);
	});

	it('never lets two kept labels overlap, whatever the width', () => {
		for (let width = 20; width <= 800; width += 7) {
			const at = spread(years, width);
			const kept = thinTicks(years, at, () => 44);
			expect(kept.at(-1)).toBe('2026');
			for (let i = 1; i < kept.length; i++) {
				expect(at(kept[i]) - at(kept[i - 1])).toBeGreaterThanOrEqual(44 + 6 - 1e-9);
			}
		}
	});

	it('drops values with no position and copes with one or none', () => {
		const at = (v: string) => (v === 'x' ? NaN : Number(v));
		expect(thinTicks(['1', 'x', '200'], at, () => 10)).toEqual(['1', '200']);
		expect(thinTicks(['x'], at, () => 10)).toEqual([]);
		expect(thinTicks([], at, () => 10)).toEqual([]);
	});
});

describe('estimateTextWidth', () => {
	it('grows with the text and the font size', () => {
		expect(estimateTextWidth('2021/22', 12)).toBeCloseTo(7 * 0.62 * 12);
		expect(estimateTextWidth('£30m', 24)).toBe(2 * estimateTextWidth('£30m', 12));
	});
});

describe('wrapLabel', () => {
	it('breaks a label at spaces into lines no wider than the room', () => {
		// 100 px at 12 px: 13 characters a line.
		expect(wrapLabel('Unit cost inflation (all settings)', 100, 12)).toEqual([
			'Unit cost',
			'inflation',
			'(all',
			'settings)'
		]);
		expect(wrapLabel('New plans', 100, 12)).toEqual(['New plans']);
	});

	it('never loses a character: a word wider than a line is split inside it', () => {
		const text = '“Improved commissioning practice including annual reviews” delivery';
		for (const width of [30, 60, 90, 150, 400]) {
			const lines = wrapLabel(text, width, 12);
			const perLine = Math.floor(width / (0.62 * 12));
			for (const l of lines) expect([...l].length).toBeLessThanOrEqual(Math.max(1, perLine));
			expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
		}
	});
});

describe('wrapLabelParts', () => {
	it('marks which lines a space stood before, so the lines read the label exactly', () => {
		const text = 'Safety Valve funding received (cumulative)';
		const parts = wrapLabelParts(text, 60, 12);
		expect(parts.length).toBeGreaterThan(3);
		expect(parts.map((p) => (p.space ? ' ' : '') + p.line).join('')).toBe(text);
		expect(parts[0].space).toBe(false);
	});
});

describe('tick label decimals', () => {
	const millions = (v: number, dp: number) => formatMillions(v, { dp });

	it('adds decimals until neighbouring labels differ, so a small chart never reads £1m, £1m', () => {
		expect(distinctDecimals([0, 5e5, 1e6, 1.5e6, 2e6], millions)).toBe(1);
		expect(distinctDecimals([0, 1e7, 2e7, 3e7], millions)).toBe(0);
		expect(distinctDecimals([0, 2e4, 4e4], millions)).toBe(2);
	});

	it('stops at the most decimals allowed', () => {
		expect(distinctDecimals([0, 1, 2], millions)).toBe(3);
		expect(distinctDecimals([], millions)).toBe(0);
	});
});
