/**
 * Colours for charts: the Okabe–Ito palette for series (distinguishable with the common forms of
 * colour-blindness) and RAG colours. Colour is never the only carrier of meaning: series also
 * get a legend and a data table, and a RAG colour is always shown with its label (`ragLabel`).
 */
import type { DsgCategoryId } from '$lib/model/categories';
import { RAG_LABELS, type RagRating } from '$lib/model/kpi';

/** The eight Okabe–Ito colours (Okabe & Ito, 2008), by name. */
export const OKABE_ITO = {
	black: '#000000',
	orange: '#E69F00',
	skyBlue: '#56B4E9',
	bluishGreen: '#009E73',
	yellow: '#F0E442',
	blue: '#0072B2',
	vermillion: '#D55E00',
	reddishPurple: '#CC79A7'
} as const;

/**
 * Series colours in the order they are handed out. Strong colours come first; yellow and sky
 * blue are last because thin lines in them are hard to see on white.
 */
export const SERIES_COLOURS: readonly string[] = [
	OKABE_ITO.blue,
	OKABE_ITO.orange,
	OKABE_ITO.bluishGreen,
	OKABE_ITO.vermillion,
	OKABE_ITO.reddishPurple,
	OKABE_ITO.skyBlue,
	OKABE_ITO.black,
	OKABE_ITO.yellow
];

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
