/**
 * Chart export as standalone SVG and PNG files. Browser only (needs the DOM, computed styles,
 * canvas). These make the files; the caller saves them (client/download.ts), so charts import
 * nothing from the app's layers (decision 0024). Nothing leaves the machine: the PNG is drawn
 * from a `data:` URL, so no request is made and the canvas is never tainted.
 *
 * Exported charts stand alone (issue 11 item 5, decision 0029): with a `caption`, the file is the
 * chart with its title above, the authority and units, its legend drawn in SVG (the page's legend
 * is HTML, outside the chart), and a source line below ("Source: SEND Workbench, <dataset>, data
 * as at <date>"). The cap's label is drawn on the chart itself.
 */
import { formatLongDate } from '$lib/model/format';
import type { LegendItem } from './types';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/**
 * Properties copied from the page's computed styles onto each element, so the file looks the
 * same without the page's stylesheets (CSS classes, inherited font, `currentColor`).
 */
const STYLE_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'visibility'
] as const;

/** Elements that are not drawn and need no styles. */
const UNDRAWN = new Set(['title', 'desc', 'metadata', 'defs', 'style', 'script']);

/** What a chart needs around it to stand alone in a file. Absent parts are left out. */
export interface ChartCaption {
	/** Above the chart; default: the chart's `<title>`. */
	title?: string;
	/** Default: the chart's `data-legend` (Frame's `legend`). */
	legend?: readonly LegendItem[];
	/** E.g. "£ million"; default: the chart's `data-units` (Frame's `units`). */
	units?: string;
	/** The council, e.g. "Kingston upon Thames". */
	authority?: string;
	/** The dataset's name, for the source line. */
	dataset?: string;
	/** The date the figures describe (ISO 8601 date, or words). */
	dataDate?: string;
}

export interface SvgExportOptions {
	/** A fill painted behind the chart, e.g. '#ffffff'; none by default for SVG. */
	background?: string;
	/** Title, legend, units, authority and source drawn around the chart. */
	caption?: ChartCaption;
}

/** The chart's size in CSS pixels: its width and height attributes, else its rendered box. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
	const rect = svg.getBoundingClientRect();
	const attr = (name: string, fallback: number) => {
		const v = Number.parseFloat(svg.getAttribute(name) ?? '');
		return Number.isFinite(v) && v > 0 ? v : fallback;
	};
	const width = attr('width', rect.width);
	const height = attr('height', rect.height);
	if (!(width > 0) || !(height > 0)) {
		throw new Error(
			`svgToString: the SVG has no size (width ${width}, height ${height}); give it width and height attributes or render it first`
		);
	}
	return { width, height };
}

function assertSvg(fn: string, svg: unknown): asserts svg is SVGSVGElement {
	if (typeof SVGSVGElement === 'undefined') {
		throw new Error(`${fn}: needs a browser (SVGSVGElement is not defined)`);
	}
	if (!(svg instanceof SVGSVGElement)) {
		throw new Error(`${fn}: expected an <svg> element, got ${String(svg)}`);
	}
}

/**
 * The SVG as a standalone document string: computed styles inlined on every drawn element,
 * `xmlns`, pixel `width`/`height`, a `viewBox`, and the page's font family on the root. The
 * `<title>` and `<desc>` are kept, so the file stays accessible.
 * @example const text = svgToString(svgEl); // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export function svgToString(svg: SVGSVGElement, options: SvgExportOptions = {}): string {
	return new XMLSerializer().serializeToString(renderSvg('svgToString', svg, options).root);
}

/** The document of an export and its size: the styled chart, captioned when asked. */
function renderSvg(
	fn: string,
	svg: SVGSVGElement,
	options: SvgExportOptions
): { root: SVGSVGElement; width: number; height: number } {
	assertSvg(fn, svg);
	const { width, height } = sizeOf(svg);
	const clone = svg.cloneNode(true) as SVGSVGElement;

	const sources = [svg, ...svg.querySelectorAll('*')];
	const targets = [clone, ...clone.querySelectorAll('*')];
	sources.forEach((source, i) => {
		const target = targets[i];
		if (UNDRAWN.has(source.localName)) return;
		const computed = getComputedStyle(source);
		const inline = STYLE_PROPERTIES.map((p) => [p, computed.getPropertyValue(p)] as const)
			.filter(([, v]) => v !== '')
			.map(([p, v]) => `${p}:${v}`)
			.join(';');
		target.setAttribute('style', inline);
	});

	clone.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
	clone.setAttributeNS(XMLNS_NS, 'xmlns:xlink', XLINK_NS);
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
	// The page's max-width/height:auto make no sense in a file of fixed size.
	clone.style.removeProperty('max-width');
	clone.style.removeProperty('height');
	clone.style.setProperty('font-family', getComputedStyle(svg).fontFamily);

	if (options.caption) return captioned(svg, clone, width, height, options);

	if (options.background) {
		const bg = document.createElementNS(SVG_NS, 'rect');
		bg.setAttribute('width', '100%');
		bg.setAttribute('height', '100%');
		bg.setAttribute('fill', options.background);
		const firstDrawn = [...clone.children].find((c) => !UNDRAWN.has(c.localName)) ?? null;
		clone.insertBefore(bg, firstDrawn);
	}

	return { root: clone, width, height };
}

const PAD = 16;
const TEXT_COLOUR = '#0b0c0c';
const MUTED_COLOUR = '#505a5f';

/** Width of `text` in pixels at `size` in the chart's font (a canvas measures it). */
function textWidth(text: string, size: number, weight: string, family: string): number {
	const context = document.createElement('canvas').getContext('2d');
	if (!context) return text.length * size * 0.6;
	context.font = `${weight} ${size}px ${family}`;
	return context.measureText(text).width;
}

/** Words broken into lines no wider than `max` pixels. */
function wrap(text: string, max: number, measure: (t: string) => number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && measure(next) > max) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

function svgEl<K extends keyof SVGElementTagNameMap>(
	name: K,
	attributes: Record<string, string | number>,
	text?: string
): SVGElementTagNameMap[K] {
	const el = document.createElementNS(SVG_NS, name);
	for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
	if (text !== undefined) el.textContent = text;
	return el;
}

/** The legend stored on a chart by Frame (`data-legend`), or none. */
function storedLegend(svg: SVGSVGElement): LegendItem[] {
	const raw = svg.getAttribute('data-legend');
	if (!raw) return [];
	try {
		const parsed: unknown = JSON.parse(raw);
		return Array.isArray(parsed) ? (parsed as LegendItem[]) : [];
	} catch {
		return [];
	}
}

/** A legend swatch drawn as Legend.svelte draws it, 24 × 12 at (x, y). */
function swatch(item: LegendItem, x: number, y: number): SVGGElement {
	const g = svgEl('g', { transform: `translate(${x},${y})` });
	if (item.symbol === 'band') {
		g.append(
			svgEl('rect', { y: 1, width: 24, height: 10, fill: item.colour, 'fill-opacity': 0.25 })
		);
	} else if (item.symbol === 'bar') {
		g.append(svgEl('rect', { x: 4, width: 16, height: 12, fill: item.colour }));
	} else if (item.symbol === 'point') {
		g.append(svgEl('circle', { cx: 12, cy: 6, r: 4, fill: item.colour }));
	} else {
		const dash = item.dash ?? (item.symbol === 'rule' ? '6 4' : undefined);
		g.append(
			svgEl('line', {
				x2: 24,
				y1: 6,
				y2: 6,
				stroke: item.colour,
				'stroke-width': item.symbol === 'rule' ? 1.5 : 2.5,
				...(dash ? { 'stroke-dasharray': dash } : {})
			})
		);
	}
	return g;
}

/**
 * The chart inside a document of its own: title (wrapped), authority and units, the legend in
 * rows, the chart, and the source line. Its width is the chart's; its height grows to fit.
 */
function captioned(
	svg: SVGSVGElement,
	chart: SVGSVGElement,
	width: number,
	height: number,
	options: SvgExportOptions
): { root: SVGSVGElement; width: number; height: number } {
	const caption = options.caption!;
	const family = getComputedStyle(svg).fontFamily || 'sans-serif';
	const title = caption.title ?? svg.querySelector('title')?.textContent ?? '';
	const units = caption.units ?? svg.getAttribute('data-units') ?? '';
	const legend = caption.legend ?? storedLegend(svg);
	const inner = Math.max(120, width - 2 * PAD);

	const root = svgEl('svg', {});
	root.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
	root.setAttribute('role', 'img');
	root.style.setProperty('font-family', family);
	root.append(svgEl('title', {}, title));
	const desc = svg.querySelector('desc')?.textContent;
	if (desc) root.append(svgEl('desc', {}, desc));
	const background = svgEl('rect', {
		width: '100%',
		height: '100%',
		fill: options.background ?? '#ffffff'
	});
	root.append(background);

	let y = PAD;
	const text = (
		content: string,
		size: number,
		weight: 'bold' | 'normal',
		fill: string,
		cls: string
	) => {
		y += size * 1.25;
		root.append(
			svgEl(
				'text',
				{ x: PAD, y, 'font-size': size, 'font-weight': weight, fill, class: cls },
				content
			)
		);
	};
	for (const line of wrap(title, inner, (t) => textWidth(t, 16, 'bold', family))) {
		text(line, 16, 'bold', TEXT_COLOUR, 'export-title');
	}
	const subtitle = [caption.authority, units].filter((p) => p?.trim()).join(' · ');
	if (subtitle) text(subtitle, 12, 'normal', MUTED_COLOUR, 'export-subtitle');

	if (legend.length) {
		y += 8;
		const group = svgEl('g', { class: 'export-legend' });
		let x = PAD;
		for (const item of legend) {
			const w = 24 + 6 + textWidth(item.label, 12, 'normal', family);
			if (x > PAD && x + w > PAD + inner) {
				x = PAD;
				y += 18;
			}
			group.append(swatch(item, x, y));
			group.append(
				svgEl('text', { x: x + 30, y: y + 10, 'font-size': 12, fill: TEXT_COLOUR }, item.label)
			);
			x += w + 16;
		}
		root.append(group);
		y += 12;
	}

	y += 8;
	chart.setAttribute('x', '0');
	chart.setAttribute('y', String(y));
	chart.removeAttribute('role');
	chart.removeAttribute('aria-labelledby');
	root.append(chart);
	y += height + 4;

	const date = caption.dataDate?.trim() ? formatLongDate(caption.dataDate) : '';
	const source = [
		'Source: SEND Workbench',
		caption.dataset?.trim() ?? '',
		date ? `data as at ${date}` : ''
	]
		.filter(Boolean)
		.join(', ');
	for (const line of wrap(source, inner, (t) => textWidth(t, 11, 'normal', family))) {
		text(line, 11, 'normal', MUTED_COLOUR, 'export-source');
	}
	y += PAD;

	const total = Math.ceil(y);
	root.setAttribute('width', String(width));
	root.setAttribute('height', String(total));
	root.setAttribute('viewBox', `0 0 ${width} ${total}`);
	return { root, width, height: total };
}

/** A file name with the given extension, added when missing. */
function withExtension(fileName: string, ext: string): string {
	const name = fileName.trim() || 'chart';
	return name.toLowerCase().endsWith(ext) ? name : name + ext;
}

/** A file made from a chart, for the caller to save. */
export interface ChartFile {
	blob: Blob;
	fileName: string;
}

/**
 * The chart as an SVG file (`.svg` is added to the name when missing).
 * @example const f = svgFile(svgEl, 'cumulative-deficit'); saveBlob(f.blob, f.fileName);
 */
export function svgFile(
	svg: SVGSVGElement,
	fileName: string,
	options?: SvgExportOptions
): ChartFile {
	const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + svgToString(svg, options);
	return {
		blob: new Blob([text], { type: 'image/svg+xml;charset=utf-8' }),
		fileName: withExtension(fileName, '.svg')
	};
}

export interface PngExportOptions {
	/** Painted behind the chart; white by default, as a transparent PNG is unreadable on dark backgrounds. */
	background?: string;
	/** Title, legend, units, authority and source drawn around the chart. */
	caption?: ChartCaption;
}

/**
 * The chart drawn to a PNG at `scale` device pixels per CSS pixel (2 by default, sharp on
 * high-density screens and in print), via an Image of a `data:` URL and a canvas.
 * @example const png = await svgToPngBlob(svgEl); // Blob of type 'image/png'
 */
export async function svgToPngBlob(
	svg: SVGSVGElement,
	scale = 2,
	options: PngExportOptions = {}
): Promise<Blob> {
	assertSvg('svgToPngBlob', svg);
	if (!Number.isFinite(scale) || scale <= 0) {
		throw new Error(`svgToPngBlob: scale must be a number > 0, got ${scale}`);
	}
	const { root, width, height } = renderSvg('svgToPngBlob', svg, {
		background: options.background ?? '#ffffff',
		caption: options.caption
	});
	const text = new XMLSerializer().serializeToString(root);
	const image = new Image();
	await new Promise<void>((resolve, reject) => {
		image.onload = () => resolve();
		image.onerror = () =>
			reject(new Error('svgToPngBlob: the SVG could not be loaded as an image'));
		image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
	});

	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(width * scale));
	canvas.height = Math.max(1, Math.round(height * scale));
	const context = canvas.getContext('2d');
	if (!context) throw new Error('svgToPngBlob: this browser gave no 2D canvas context');
	context.drawImage(image, 0, 0, canvas.width, canvas.height);

	return new Promise<Blob>((resolve, reject) => {
		canvas.toBlob((blob) => {
			if (blob) resolve(blob);
			else reject(new Error('svgToPngBlob: the canvas could not be encoded as PNG'));
		}, 'image/png');
	});
}

/**
 * The chart as a PNG file (`.png` is added to the name when missing).
 * @example const f = await pngFile(svgEl, 'cumulative-deficit'); saveBlob(f.blob, f.fileName);
 */
export async function pngFile(
	svg: SVGSVGElement,
	fileName: string,
	scale = 2,
	options?: PngExportOptions
): Promise<ChartFile> {
	const blob = await svgToPngBlob(svg, scale, options);
	return { blob, fileName: withExtension(fileName, '.png') };
}
