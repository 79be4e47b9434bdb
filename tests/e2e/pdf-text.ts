/**
 * The text a PDF draws, for end-to-end checks of what Chromium prints (page.pdf()). Chromium
 * writes text as glyph codes of embedded font subsets, in Flate-compressed content streams, with
 * a ToUnicode map per font: this reads the objects, inflates the streams, maps each font's codes
 * back to characters and follows the text operators (Tf, Tj, TJ) of every content stream.
 * Enough for Chromium's own output; not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
	dict: string;
	stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
	const text = pdf.toString('latin1');
	const objects = new Map<number, PdfObject>();
	const re = /(\d+) 0 obj\b/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text))) {
		const start = m.index + m[0].length;
		const end = text.indexOf('endobj', start);
		if (end < 0) break;
		const body = text.slice(start, end);
		const s = body.indexOf('stream');
		let dict = body;
		let stream: Buffer | null = null;
		if (s >= 0 && body.lastIndexOf('endstream') > s) {
			dict = body.slice(0, s);
			let from = s + 'stream'.length;
			if (body[from] === '\r') from++;
			if (body[from] === '\n') from++;
			const to = body.lastIndexOf('endstream');
			const raw = Buffer.from(body.slice(from, to), 'latin1');
			try {
				stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
			} catch {
				// A stream that is not well-formed zlib (trailing bytes): try without the last newline.
				try {
					stream = inflateSync(raw.subarray(0, raw.length - 1));
				} catch {
					stream = null;
				}
			}
		}
		objects.set(Number(m[1]), { dict, stream });
		re.lastIndex = end;
	}
	return objects;
}

interface CMap {
	width: number;
	map: Map<number, string>;
}

function utf16(hex: string): string {
	let s = '';
	for (let i = 0; i + 4 <= hex.length; i += 4)
		s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
	return s;
}

function readCMap(src: string): CMap {
	const map = new Map<number, string>();
	let width = 2;
	for (const block of src.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
			width = p[1].length / 2;
			map.set(parseInt(p[1], 16), utf16(p[2]));
		}
	}
	for (const block of src.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const p of block[1].matchAll(
			/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g
		)) {
			width = p[1].length / 2;
			const lo = parseInt(p[1], 16);
			const hi = parseInt(p[2], 16);
			if (p[3] !== undefined) {
				const base = parseInt(p[3], 16);
				for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(base + (c - lo)));
			} else {
				const list = [...p[4].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1]));
				for (let c = lo; c <= hi; c++) map.set(c, list[c - lo] ?? '');
			}
		}
	}
	return { width, map };
}

function decode(hex: string, cmap: CMap | undefined): string {
	const w = (cmap?.width ?? 1) * 2;
	let s = '';
	for (let i = 0; i + w <= hex.length; i += w) {
		const code = parseInt(hex.slice(i, i + w), 16);
		s += cmap?.map.get(code) ?? '';
	}
	return s;
}

/**
 * Every text a PDF draws, in drawing order, a space between text objects and after wide gaps.
 * @example (await pdfText(await page.pdf())).includes('Forward look')
 */
export function pdfText(pdf: Buffer): string {
	const objects = readObjects(pdf);
	// Font object → its ToUnicode map; font resource name → font object (names are per page in
	// general, but Chromium names each font once per document).
	const cmaps = new Map<number, CMap>();
	for (const [n, o] of objects) {
		const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(o.dict);
		const cmapStream = ref ? objects.get(Number(ref[1]))?.stream : null;
		if (cmapStream) cmaps.set(n, readCMap(cmapStream.toString('latin1')));
	}
	const fontNames = new Map<string, number>();
	for (const o of objects.values()) {
		for (const block of o.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
			for (const p of block[1].matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) {
				fontNames.set(p[1], Number(p[2]));
			}
		}
	}
	const out: string[] = [];
	for (const o of objects.values()) {
		if (!o.stream || /\/(Subtype|Type)\s*\/(Image|XObject|Font|FontFile)/.test(o.dict)) continue;
		const content = o.stream.toString('latin1');
		if (!/\bBT\b/.test(content)) continue;
		let cmap: CMap | undefined;
		const ops =
			/\/([^\s/<>[\]()]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\bET\b/g;
		let m: RegExpExecArray | null;
		while ((m = ops.exec(content))) {
			if (m[1] !== undefined) {
				const obj = fontNames.get(m[1]);
				cmap = obj === undefined ? undefined : cmaps.get(obj);
			} else if (m[2] !== undefined) {
				out.push(decode(m[2], cmap));
			} else if (m[3] !== undefined) {
				for (const part of m[3].matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)) {
					if (part[1] !== undefined) out.push(decode(part[1], cmap));
					else if (Number(part[2]) < -200) out.push(' ');
				}
			} else {
				out.push(' ');
			}
		}
	}
	return out.join('');
}

/** Text with every run of white space taken out, to compare what a PDF draws with a sentence. */
export function squeeze(text: string): string {
	return text.replace(/\s+/g, '');
}
