/**
 * Chart export as standalone SVG and PNG files. Browser only (needs the DOM, computed styles,
 * canvas). These make the files; the caller saves them (client/download.ts), so charts import
 * nothing from the app's layers (decision 0024). Nothing leaves the machine: the PNG is drawn from a `data:` URL, so no request is made
 * and the canvas is never tainted.
 */
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

export interface SvgExportOptions {
	/** A fill painted behind the chart, e.g. '#ffffff'; none by default for SVG. */
	background?: string;
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
	assertSvg('svgToString', svg);
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

	if (options.background) {
		const bg = document.createElementNS(SVG_NS, 'rect');
		bg.setAttribute('width', '100%');
		bg.setAttribute('height', '100%');
		bg.setAttribute('fill', options.background);
		const firstDrawn = [...clone.children].find((c) => !UNDRAWN.has(c.localName)) ?? null;
		clone.insertBefore(bg, firstDrawn);
	}

	return new XMLSerializer().serializeToString(clone);
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
	const { width, height } = sizeOf(svg);
	const text = svgToString(svg, { background: options.background ?? '#ffffff' });
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
