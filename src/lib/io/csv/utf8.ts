/**
 * Reading a file's bytes as UTF-8 text, refusing bytes that are not UTF-8 (issue 13). A lenient
 * decoder turns them into U+FFFD silently: a Windows-1252 file's "£1,200" or "Bromley – North"
 * would import as "�1,200" (then refused as not a number, without the reason) or as a name with
 * a � in it (kept). Readers of a user's file (CSV, scenario sets, witan.send inputs; app and
 * CLI) go through here, so such a file gets one message naming the file, the line and the byte,
 * and how to fix it.
 *
 * A UTF-8 byte-order mark is dropped, as the browser's `Blob.text()` does.
 */
import { ImportError } from './errors';

/** What {@link readUtf8File} reads: a browser File, or anything with a name and its bytes or text. */
export interface ReadableFile {
	name: string;
	/** The bytes (a browser File has this): decoded strictly. */
	arrayBuffer?: () => Promise<ArrayBuffer>;
	/** The text, used only when the bytes cannot be had (it cannot tell bad bytes apart). */
	text?: () => Promise<string>;
}

const FIX = 'UTF-8 text (save it as "CSV UTF-8" or with UTF-8 encoding)';
/** A JSON file (a scenario set) is not saved from a spreadsheet: CSV advice would mislead. */
const FIX_JSON = 'UTF-8 text (a JSON file, as the workbench exports a scenario set)';
const isJson = (file: string) => /\.json$/i.test(file);

/**
 * The bytes as text, or an ImportError naming the file, line and byte of the first byte
 * sequence that is not UTF-8.
 * @example decodeUtf8(new TextEncoder().encode('ref,period'), 'a.csv') // 'ref,period'
 * @example decodeUtf8(Uint8Array.of(0x41, 0x96, 0x42), 'a.csv')
 * // throws: a.csv, row 1: expected UTF-8 text (…), got a byte that is not UTF-8 (0x96 at byte 2)
 */
export function decodeUtf8(bytes: Uint8Array | ArrayBuffer, file: string): string {
	const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(view);
	} catch (e) {
		if (!(e instanceof TypeError)) throw e;
		throw notUtf8(view, file);
	}
}

/**
 * Reads a file as UTF-8 text: its bytes decoded strictly when it has them (a browser File, a
 * Node Buffer wrapper), else its `text()`.
 * @example const text = await readUtf8File(input.files[0]);
 */
export async function readUtf8File(file: ReadableFile): Promise<string> {
	if (file.arrayBuffer) return decodeUtf8(await file.arrayBuffer(), file.name);
	if (file.text) return file.text();
	throw new Error(`readUtf8File: ${file.name} has neither arrayBuffer() nor text()`);
}

/**
 * An error for the first invalid sequence of `bytes`: where it is, as a line (counted by line
 * feeds before it) and a byte offset from 1. `start` places `bytes` in a file read in chunks: the
 * offset of its first byte and the line it starts on.
 * @example notUtf8(Uint8Array.of(0x0a, 0xff), 'a.csv').message
 * // 'a.csv, row 2: expected UTF-8 text (…), got a byte that is not UTF-8 (0xFF at byte 2)'
 */
export function notUtf8(
	bytes: Uint8Array,
	file: string,
	start: { byte: number; line: number } = { byte: 0, line: 1 }
): ImportError {
	if (start.byte === 0 && looksBinary(bytes)) {
		return new ImportError(
			file,
			null,
			null,
			'a text file',
			isJson(file)
				? 'binary content (an image, a spreadsheet or a PDF?), not JSON: choose the scenario set file (.json) the workbench exported'
				: 'binary content (a spreadsheet or a PDF? save it as CSV UTF-8)'
		);
	}
	const at = Math.max(0, firstInvalidUtf8(bytes));
	let line = start.line;
	for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
	const hex = `0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
	return new ImportError(
		file,
		line,
		null,
		isJson(file) ? FIX_JSON : FIX,
		`a byte that is not UTF-8 (${hex} at byte ${start.byte + at + 1})`
	);
}

/**
 * Index of the first byte that starts an invalid UTF-8 sequence (WHATWG rules: no overlong
 * forms, no surrogates, nothing above U+10FFFF; a sequence cut off at the end is invalid from
 * its first byte), or −1 when every byte is valid.
 */
function firstInvalidUtf8(b: Uint8Array): number {
	let i = 0;
	while (i < b.length) {
		const c = b[i];
		let n: number;
		let lo = 0x80;
		let hi = 0xbf;
		if (c < 0x80) n = 0;
		else if (c >= 0xc2 && c <= 0xdf) n = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			if (c === 0xe0) lo = 0xa0;
			if (c === 0xed) hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			if (c === 0xf0) lo = 0x90;
			if (c === 0xf4) hi = 0x8f;
		} else return i;
		for (let k = 1; k <= n; k++) {
			const d = b[i + k];
			if (d === undefined) return i;
			if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return i;
		}
		i += n + 1;
	}
	return -1;
}

/** Zip (xlsx, docx), PDF, or a NUL byte early on: not a text file at all. */
function looksBinary(b: Uint8Array): boolean {
	const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
	if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x25, 0x50, 0x44, 0x46)) return true;
	return b.subarray(0, 4096).includes(0);
}
