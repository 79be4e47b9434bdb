import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import DeficitChart from './fixtures/DeficitChart.svelte';
import { svgToPngBlob, svgToString } from '$lib/charts/export';

async function chartSvg(): Promise<SVGSVGElement> {
	const { container } = await render(DeficitChart);
	const svg = container.querySelector('svg');
	if (!svg) throw new Error('no <svg> rendered');
	return svg;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('svgToString', () => {
	it('gives a standalone SVG document that parses as XML', async () => {
		const text = svgToString(await chartSvg());
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		expect(doc.querySelector('parsererror')).toBeNull();
		const root = doc.documentElement;
		expect(root.localName).toBe('svg');
		expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
		expect(text).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(text.match(/xmlns="/g)).toHaveLength(1);
		expect(root.getAttribute('width')).toBe('400');
		expect(root.getAttribute('height')).toBe('240');
		expect(root.getAttribute('viewBox')).toBe('0 0 400 240');
	});

	it('keeps the title and description, so the file stays accessible', async () => {
		const doc = new DOMParser().parseFromString(svgToString(await chartSvg()), 'image/svg+xml');
		expect(doc.querySelector('title')?.textContent).toBe('Cumulative deficit against the cap');
		expect(doc.querySelector('desc')).not.toBeNull();
	});

	it('inlines computed styles, resolving currentColor and the page font', async () => {
		const svg = await chartSvg();
		svg.parentElement!.style.color = 'rgb(10, 20, 30)';
		svg.parentElement!.style.fontFamily = 'Arial, sans-serif';
		const doc = new DOMParser().parseFromString(svgToString(svg), 'image/svg+xml');
		const root = doc.documentElement as unknown as SVGSVGElement;
		expect(root.style.fontFamily).toBe('Arial, sans-serif');
		const label = doc.querySelector('.axis-label-x') as SVGTextElement;
		expect(label.style.fill).toBe('rgb(10, 20, 30)');
		const line = doc.querySelector('.line path') as SVGPathElement;
		expect(line.style.stroke).toBe('rgb(0, 114, 178)');
		expect(line.style.fill).toBe('none');
	});

	it('leaves the chart on the page untouched', async () => {
		const svg = await chartSvg();
		const before = svg.outerHTML;
		svgToString(svg, { background: '#ffffff' });
		expect(svg.outerHTML).toBe(before);
	});

	it('paints a background behind the chart when asked', async () => {
		const doc = new DOMParser().parseFromString(
			svgToString(await chartSvg(), { background: '#ffffff' }),
			'image/svg+xml'
		);
		const first = [...doc.documentElement.children].find((c) => c.localName === 'rect');
		expect(first?.getAttribute('fill')).toBe('#ffffff');
		expect(first?.nextElementSibling?.getAttribute('class')).toBe('plot');
	});

	it('refuses something that is not an <svg> element', () => {
		expect(() => svgToString(document.createElement('div') as unknown as SVGSVGElement)).toThrow(
			/svgToString: expected an <svg> element/
		);
	});
});

describe('svgToPngBlob', () => {
	it('draws the chart to a PNG at twice its size by default', async () => {
		const blob = await svgToPngBlob(await chartSvg());
		expect(blob.type).toBe('image/png');
		const bytes = new Uint8Array(await blob.arrayBuffer());
		expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
		// The IHDR chunk holds width and height as big-endian 32-bit integers at bytes 16–23.
		const view = new DataView(bytes.buffer);
		expect(view.getUint32(16)).toBe(800);
		expect(view.getUint32(20)).toBe(480);
	});

	it('draws the chart itself, not a blank image', async () => {
		const blob = await svgToPngBlob(await chartSvg(), 1);
		const bitmap = await createImageBitmap(blob);
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(bitmap, 0, 0);
		const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
		let blueish = 0;
		for (let i = 0; i < data.length; i += 4) {
			if (data[i + 2] > 150 && data[i] < 60) blueish++;
		}
		// The expected line (#0072B2, 2 px wide, ~240 px long) must be there.
		expect(blueish).toBeGreaterThan(200);
	});

	it('draws at the given scale', async () => {
		const blob = await svgToPngBlob(await chartSvg(), 1);
		const view = new DataView(await blob.arrayBuffer());
		expect([view.getUint32(16), view.getUint32(20)]).toEqual([400, 240]);
	});

	it('refuses a scale that is not a positive number', async () => {
		await expect(svgToPngBlob(await chartSvg(), 0)).rejects.toThrow(
			/svgToPngBlob: scale must be a number > 0, got 0/
		);
	});
});

describe('exported charts stand alone (a caption)', () => {
	const caption = {
		legend: [
			{ id: 'expected', label: 'Expected', colour: '#0072B2', symbol: 'line' as const },
			{ id: 'cap', label: 'Cap', colour: '#8C0A0A', symbol: 'line' as const, dash: '10 5' }
		],
		units: '£ million',
		authority: 'Kingston upon Thames',
		dataset: 'Kingston 2021/22',
		dataDate: '2021-05-31'
	};
	const textsOf = (doc: Document) => [...doc.querySelectorAll('text')].map((t) => t.textContent);

	it('draws the title, authority and units, legend and source line around the chart', async () => {
		const doc = new DOMParser().parseFromString(
			svgToString(await chartSvg(), { caption }),
			'image/svg+xml'
		);
		expect(doc.querySelector('parsererror')).toBeNull();
		const texts = textsOf(doc);
		expect(texts).toContain('Cumulative deficit against the cap');
		expect(texts).toContain('Kingston upon Thames · £ million');
		expect(texts).toContain('Expected');
		expect(texts).toContain('Cap');
		expect(texts).toContain('Source: SEND Workbench, Kingston 2021/22, data as at 31 May 2021');
		// The chart itself is inside, below the title and legend.
		const chart = doc.documentElement.querySelector('svg');
		expect(Number(chart?.getAttribute('y'))).toBeGreaterThan(40);
		expect(chart?.querySelector('.line path')).not.toBeNull();
	});

	it('keeps the chart’s width and grows its height to hold the caption', async () => {
		const root = new DOMParser().parseFromString(
			svgToString(await chartSvg(), { caption }),
			'image/svg+xml'
		).documentElement;
		expect(root.getAttribute('width')).toBe('400');
		expect(Number(root.getAttribute('height'))).toBeGreaterThan(240 + 60);
		const blob = await svgToPngBlob(await chartSvg(), 2, { caption });
		const view = new DataView(await blob.arrayBuffer());
		expect(view.getUint32(16)).toBe(800);
		expect(view.getUint32(20)).toBe(2 * Number(root.getAttribute('height')));
	});

	it('reads the legend and units the chart keeps (Frame’s legend and units) when not given', async () => {
		const svg = await chartSvg();
		svg.setAttribute('data-legend', JSON.stringify(caption.legend));
		svg.setAttribute('data-units', 'EHC plans');
		const doc = new DOMParser().parseFromString(
			svgToString(svg, { caption: { authority: 'Hull' } }),
			'image/svg+xml'
		);
		const texts = textsOf(doc);
		expect(texts).toContain('Hull · EHC plans');
		expect(texts).toContain('Expected');
		expect(texts).toContain('Source: SEND Workbench');
	});

	it('wraps a title too long for one line', async () => {
		const title = 'A very long chart title '.repeat(4).trim();
		const doc = new DOMParser().parseFromString(
			svgToString(await chartSvg(), { caption: { title } }),
			'image/svg+xml'
		);
		const lines = [...doc.querySelectorAll('text.export-title')].map((t) => t.textContent);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.join(' ')).toBe(title);
	});
});
