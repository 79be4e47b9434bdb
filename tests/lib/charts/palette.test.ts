import { describe, expect, it } from 'vitest';
import {
	OKABE_ITO,
	PLACEMENT_COLOURS,
	RAG_COLOURS,
	SERIES_COLOURS,
	ragColour,
	ragLabel,
	ragTextColour,
	seriesColour,
	settingColours
} from '$lib/charts/palette';
import { kingstonDataset } from '$lib/data/kingston';
import { newDatasetSettings } from '$lib/io/sen2/new-dataset';
import { DSG_CATEGORY_IDS } from '$lib/model/categories';

/** WCAG 2 relative luminance of a #RRGGBB colour. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
};

describe('series colours', () => {
	it('are the eight Okabe–Ito colours, each once', () => {
		expect(new Set(SERIES_COLOURS)).toEqual(new Set(Object.values(OKABE_ITO)));
		expect(SERIES_COLOURS).toHaveLength(8);
	});

	it('start with blue and cycle after eight series', () => {
		expect(seriesColour(0)).toBe('#0072B2');
		expect(seriesColour(8)).toBe(seriesColour(0));
		expect(seriesColour(9)).toBe(seriesColour(1));
	});

	it('refuse an index that is not a whole number ≥ 0', () => {
		expect(() => seriesColour(-1)).toThrow(
			'seriesColour: index must be a whole number ≥ 0, got -1'
		);
		expect(() => seriesColour(1.5)).toThrow(/seriesColour/);
	});

	it('give every placement category its own colour', () => {
		const colours = DSG_CATEGORY_IDS.map((id) => PLACEMENT_COLOURS[id]);
		expect(colours.every(Boolean)).toBe(true);
		expect(new Set(colours).size).toBe(DSG_CATEGORY_IDS.length);
	});
});

describe('RAG colours', () => {
	it('come with the words for the rating', () => {
		expect(['G', 'A', 'R'].map((r) => ragLabel(r as 'G'))).toEqual(['Green', 'Amber', 'Red']);
		expect(ragLabel(null)).toBe('Not rated');
		expect(ragLabel(undefined)).toBe('Not rated');
	});

	it('differ for each rating and are grey when there is none', () => {
		expect(new Set([ragColour('G'), ragColour('A'), ragColour('R')]).size).toBe(3);
		expect(ragColour(null)).not.toBe(ragColour('A'));
	});

	it('have text on them with a contrast of at least 4.5:1', () => {
		for (const r of ['G', 'A', 'R'] as const) {
			expect(contrast(RAG_COLOURS[r], ragTextColour(r))).toBeGreaterThanOrEqual(4.5);
		}
		expect(contrast(ragColour(null), ragTextColour(null))).toBeGreaterThanOrEqual(4.5);
	});
});

describe('placement setting colours', () => {
	it('give every one of a dataset’s settings its own colour, shades of its category’s when several share it', () => {
		for (const settings of [kingstonDataset().settings, newDatasetSettings()]) {
			const colours = settingColours(settings.map((s) => s.group));
			expect(new Set(colours.map((c) => c.toUpperCase())).size).toBe(settings.length);
		}
		expect(settingColours(['mainstream', 'independent_special'])).toEqual([
			PLACEMENT_COLOURS.mainstream,
			PLACEMENT_COLOURS.independent_special
		]);
	});

	it('keeps several settings of one category, even black’s, distinct', () => {
		const colours = settingColours(['other', 'other', 'other']);
		expect(new Set(colours).size).toBe(3);
	});
});
