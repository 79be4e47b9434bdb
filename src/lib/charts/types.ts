/**
 * The data shapes chart layers, legends and data tables share. Missing values are null,
 * undefined or NaN, and are never drawn or printed as zero.
 */

/** A position on a category axis (a year such as '2022/23', a placement) or a numeric one. */
export type AxisValue = string | number;

/** One observation of a series. */
export interface Datum {
	x: AxisValue;
	y: number | null | undefined;
}

/** A named series: what Line, Bars, StackedBars, Legend and DataTable share. */
export interface Series {
	id: string;
	label: string;
	colour?: string;
	data: readonly Datum[];
}

/** The range at one x, e.g. p5 and p95 of a Monte Carlo projection. */
export interface BandDatum {
	x: AxisValue;
	low: number | null | undefined;
	high: number | null | undefined;
}

/**
 * One row of a tornado chart: the outcome when an input is set to its low value and to its high
 * value, drawn as bars from the central (base case) outcome.
 */
export interface TornadoDatum {
	/** The input varied, as shown on the y axis (a category of the Frame's band y scale). */
	label: string;
	low: number | null | undefined;
	high: number | null | undefined;
}

/** How a legend entry's swatch is drawn, matching the layer it stands for. */
export type LegendSymbol = 'line' | 'band' | 'rule' | 'point' | 'bar';

export interface LegendItem {
	id: string;
	label: string;
	colour: string;
	symbol?: LegendSymbol;
	/** Dash array of a line or rule, as on the chart. */
	dash?: string;
}
