/**
 * Colours for charts: the Okabe–Ito palette for series (distinguishable with the common forms of
 * colour-blindness) and RAG colours. Colour is never the only carrier of meaning: series also
 * get a legend and a data table, and a RAG colour is always shown with its label (`ragLabel`).
 */
import { hsl } from 'd3';
import type { DsgCategoryId } from '$lib/model/categories';
import { CAP_COLOUR, OKABE_ITO, SCENARIO_COLOURS } from '$lib/model/colours';
import { RAG_LABELS, type RagRating } from '$lib/model/kpi';

export { CAP_COLOUR, OKABE_ITO };

/**
 * Series colours in the order they are handed out: the scenario palette (model/colours.ts).
 * Scenarios carry their own colour (`Scenario.colour`); this order is for series that are not
 * scenarios (a back-test's estimators, plan against actual).
 */
export const SERIES_COLOURS: readonly string[] = SCENARIO_COLOURS;

/**
 * How the deficit cap is drawn on every chart: a colour no scenario uses, dashed, thicker than
 * any scenario line, and drawn above them (decision 0029).
 */
export const CAP_STYLE = { colour: CAP_COLOUR, dash: '10 5', strokeWidth: 3.5 } as const;

/**
 * The colour of the `index`-th series (0-based), cycling after eight. Past eight a chart needs
 * dashes or small multiples as well, since colours repeat.
 * @example seriesColour(0) // '#0072B2'
 */
export function seriesColour(index: number): string {
	if (!Number.isInteger(index) || index < 0) {
		throw new Error(`seriesColour: index must be a whole number ≥ 0, got ${index}`);
	}
	return SERIES_COLOURS[index % SERIES_COLOURS.length];
}

/**
 * A fixed colour per DSG placement category, so that a category looks the same in every chart.
 * Independent special (the costliest placements) takes vermillion; 'other' takes black.
 */
export const PLACEMENT_COLOURS: Readonly<Record<DsgCategoryId, string>> = {
	mainstream: OKABE_ITO.skyBlue,
	resourced_provision: OKABE_ITO.bluishGreen,
	maintained_special: OKABE_ITO.blue,
	independent_special: OKABE_ITO.vermillion,
	alternative_provision: OKABE_ITO.reddishPurple,
	post_16_fe: OKABE_ITO.orange,
	other: OKABE_ITO.black
};

/**
 * A colour for each placement setting, given its DSG category (in the chart's order): a category
 * with one setting takes the category's colour; settings sharing a category take shades of it,
 * darkest to lightest, so that no two settings look alike (19 settings no longer cycle through
 * 8 colours) and a category's settings still read as one family.
 * @example settingColours(['mainstream', 'independent_special']) // [PLACEMENT_COLOURS.mainstream, PLACEMENT_COLOURS.independent_special]
 */
export function settingColours(groups: readonly DsgCategoryId[]): string[] {
	const size = new Map<DsgCategoryId, number>();
	for (const g of groups) size.set(g, (size.get(g) ?? 0) + 1);
	const seen = new Map<DsgCategoryId, number>();
	return groups.map((g) => {
		const n = size.get(g)!;
		const k = seen.get(g) ?? 0;
		seen.set(g, k + 1);
		const base = PLACEMENT_COLOURS[g];
		if (n === 1) return base;
		const c = hsl(base);
		// Black has no hue to shade: greys instead. Lightness spread over 0.2 … 0.75.
		const light = 0.2 + (0.55 * k) / (n - 1);
		if (Number.isNaN(c.h)) c.s = 0;
		c.l = light;
		return c.formatHex().toUpperCase();
	});
}

/** Neutral colours for axes, gridlines, reference lines and unrated items. */
export const NEUTRAL = {
	axis: '#505a5f',
	grid: '#d8dde0',
	rule: '#0b0c0c',
	unrated: '#b1b4b6'
} as const;

/**
 * RAG fills (GOV.UK design system tones). With `ragTextColour` on top each has a contrast of at
 * least 4.5:1 (WCAG AA).
 */
export const RAG_COLOURS: Readonly<Record<RagRating, string>> = {
	G: '#00703C',
	A: '#F47738',
	R: '#D4351C'
};

const RAG_TEXT: Readonly<Record<RagRating, string>> = { G: '#FFFFFF', A: '#0B0C0C', R: '#FFFFFF' };

function isRag(r: unknown): r is RagRating {
	return r === 'G' || r === 'A' || r === 'R';
}

/**
 * The fill colour of a RAG rating; grey for no rating. Always show `ragLabel` with it.
 * @example ragColour('A') // '#F47738'
 */
export function ragColour(rating: RagRating | null | undefined): string {
	return isRag(rating) ? RAG_COLOURS[rating] : NEUTRAL.unrated;
}

/**
 * The text colour to put on a `ragColour` fill.
 * @example ragTextColour('G') // '#FFFFFF'
 */
export function ragTextColour(rating: RagRating | null | undefined): string {
	return isRag(rating) ? RAG_TEXT[rating] : '#0B0C0C';
}

/**
 * The words for a RAG rating, which must accompany its colour.
 * @example ragLabel('R') // 'Red'
 * @example ragLabel(null) // 'Not rated'
 */
export function ragLabel(rating: RagRating | null | undefined): string {
	return isRag(rating) ? RAG_LABELS[rating] : 'Not rated';
}
