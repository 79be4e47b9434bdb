/**
 * The chart context: a Frame owns the d3 scales and shares them with its layers, in the manner of
 * Layer Cake. The object's properties are getters over the Frame's `$derived` state, so a layer
 * that reads them in its template or a `$derived` re-renders when the Frame's size, domains or
 * scales change.
 */
import { getContext, hasContext, setContext } from 'svelte';
import type { ScaleBand, ScaleLinear, ScalePoint } from 'd3';
import type { AxisValue } from './types';

export type { AxisValue, BandDatum, Datum, LegendItem, Series, TornadoDatum } from './types';

/** Space around the plot area for axes and their labels, in pixels. */
export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** 'band' for bars by category, 'point' for lines over categories (years as strings), 'linear' for numbers. */
export type XScaleType = 'band' | 'point' | 'linear';
/** 'linear' for values, 'band' for categories down the side (a tornado chart). */
export type YScaleType = 'linear' | 'band';

export type CategoryScale = ScaleBand<string> | ScalePoint<string>;
export type AnyScale = ScaleBand<string> | ScalePoint<string> | ScaleLinear<number, number>;

export interface ChartContext {
	/** Width and height of the whole SVG, in pixels. */
	readonly width: number;
	readonly height: number;
	readonly margins: Margins;
	/** Width and height of the plot area inside the margins, in pixels. */
	readonly innerWidth: number;
	readonly innerHeight: number;
	readonly xType: XScaleType;
	readonly yType: YScaleType;
	/** The d3 scales, ranges in plot-area pixels (y runs down, so a linear y range is [innerHeight, 0]). */
	readonly xScale: AnyScale;
	readonly yScale: AnyScale;
	/** The domains after `nice` and `zero` were applied. */
	readonly xDomain: readonly AxisValue[];
	readonly yDomain: readonly AxisValue[];
	/**
	 * Pixel position of a value: the centre of its band on a band scale, NaN for a category not
	 * in the domain or a value that is not a finite number (so callers can treat it as missing).
	 */
	readonly xPos: (v: AxisValue) => number;
	readonly yPos: (v: AxisValue) => number;
	/** Band width in pixels (0 for point and linear scales). */
	readonly xBandwidth: number;
	readonly yBandwidth: number;
	/** Distance between neighbouring categories in pixels (0 for a linear scale). */
	readonly xStep: number;
	readonly yStep: number;
	/** A prefix for element ids that is unique to this Frame (for clip paths, gradients…). */
	readonly id: string;
}

const KEY = Symbol('send-workbench/chart');

/** Called by Frame. */
export function setChartContext(ctx: ChartContext): ChartContext {
	return setContext(KEY, ctx);
}

/**
 * The scales and dimensions of the enclosing Frame. Call it during a layer's initialisation.
 * @example const chart = getChartContext(); const px = $derived(chart.xPos('2022/23'));
 */
export function getChartContext(): ChartContext {
	if (!hasContext(KEY)) {
		throw new Error('getChartContext: a chart layer must be placed inside a <Frame>');
	}
	return getContext<ChartContext>(KEY);
}

/**
 * A pixel coordinate rounded to 3 decimals, as d3-shape rounds path data: finer than any screen
 * resolves, and it keeps SVG attributes short and free of floating-point noise.
 * @example roundPx(49.763999999999996) // 49.764
 */
export function roundPx(v: number): number {
	return Math.round(v * 1000) / 1000;
}

/** Pixel position of `v` on any of the three scale kinds (rounded by `roundPx`); NaN when it has none. */
export function positionOn(scale: AnyScale, type: XScaleType | YScaleType, v: AxisValue): number {
	if (type === 'linear') {
		const n = typeof v === 'number' ? v : Number(v);
		if (!Number.isFinite(n)) return NaN;
		return roundPx((scale as ScaleLinear<number, number>)(n));
	}
	const cat = scale as CategoryScale;
	const p = cat(String(v));
	if (p === undefined) return NaN;
	return roundPx(type === 'band' ? p + (cat as ScaleBand<string>).bandwidth() / 2 : p);
}
