/**
 * Reading CSV files (papaparse) into header + rows, each row with the line it starts on, so that
 * every later message can name the file, the line and the column.
 *
 * Both readers, whole text ({@link parseCsv}) and streamed Blob ({@link parseCsvStream}), go
 * through one row reader and so behave the same: a UTF-8 byte-order mark is dropped, CRLF and LF
 * line ends are both read, blank lines are skipped (but counted), header names are trimmed, and
 * malformed quoting, a repeated column name or a row with the wrong number of fields is a
 * {@link CsvError}. Cells are returned as written (not trimmed): readers of values trim.
 */
import Papa from 'papaparse';
import { CsvError, ImportError, quote } from './errors';
import { notUtf8 } from './utf8';

/** The largest file an import reads: 50 MB (the largest SEN2 file, estab caseload, is ~10 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** One data row: the line of the file it starts on (header = line 1) and its cells. */
export interface CsvRecord {
	line: number;
	cells: string[];
}

/** A whole CSV file: its name, header and data rows. */
export interface ParsedCsv {
	file: string;
	header: string[];
	rows: CsvRecord[];
}

export interface ParseCsvOptions {
	/** Field delimiter; `,` unless given (never guessed: a guess can be wrong on narrow files). */
	delimiter?: string;
	/** Refuse text longer than this many UTF-8 bytes; {@link MAX_IMPORT_BYTES} unless given. */
	maxBytes?: number;
	/**
	 * Refuse a file with more data rows than this (blank lines not counted), stopping at the
	 * first row over: an importer's cap on what it takes. No limit unless given.
	 */
	maxRows?: number;
}

export interface ParseCsvStreamOptions extends ParseCsvOptions {
	/** Name for messages; a File's own name unless given. */
	fileName?: string;
	/** Called once with the header before any row; throw (e.g. an ImportError) to stop reading. */
	onHeader?: (header: string[]) => void;
	/**
	 * Called after each chunk read with the bytes read so far and the file's size. A returned
	 * promise is awaited before the next chunk (a callback proxied from another thread keeps its
	 * order that way, and cannot be flooded).
	 */
	onProgress?: (bytesRead: number, totalBytes: number) => unknown;
}

/** What a streamed read returns: the rows went to `onRow`, so only their count is kept. */
export interface CsvStreamSummary {
	file: string;
	header: string[];
	rowCount: number;
}

/**
 * Throws an ImportError when a file is larger than the import limit, in MB with one decimal.
 * @example checkSize(62_300_000, 'big.csv')
 * // throws: big.csv: expected a file of at most 50.0 MB, got 59.4 MB
 */
export function checkSize(bytes: number, file: string, limit = MAX_IMPORT_BYTES): void {
	if (bytes > limit) {
		throw new ImportError(file, null, null, `a file of at most ${mb(limit)}`, mb(bytes));
	}
}

/**
 * Parses CSV text into its header and data rows, each row with its line number.
 * @example parseCsv('\uFEFFa,b\r\n1,2\r\n', 'x.csv')
 * // { file: 'x.csv', header: ['a', 'b'], rows: [{ line: 2, cells: ['1', '2'] }] }
 */
export function parseCsv(text: string, file: string, opts: ParseCsvOptions = {}): ParsedCsv {
	checkSize(utf8Length(text, opts.maxBytes ?? MAX_IMPORT_BYTES), file, opts.maxBytes);
	checkText(text, file);
	if (opts.maxRows !== undefined && !text.includes('"')) {
		// Without quotes every non-blank line is a row: count them (milliseconds) rather than
		// parse a file that will be refused (a tenth of a second or more per 20,000 rows).
		const rows = countNonBlankLines(text) - 1;
		if (rows > opts.maxRows) throw tooManyRows(file, opts.maxRows, rows);
	}
	const rows: CsvRecord[] = [];
	const reader = createRowReader(file, null, (r) => rows.push(r), opts.maxRows);
	Papa.parse<string[]>(text, {
		delimiter: opts.delimiter ?? ',',
		skipEmptyLines: false,
		step: reader.step
	});
	return { file, header: reader.finish(), rows };
}

/**
 * Streams a CSV Blob (a File from a picker) through papaparse, chunk by chunk, handing each data
 * row to `onRow` as it is read: a 10 MB file neither blocks a worker for long nor is held whole,
 * and the caller keeps only the rows it wants. Rejects with a CsvError (or whatever `onHeader` /
 * `onRow` threw) and stops reading at the first problem.
 * @example await parseCsvStream(file, (row, header) => keep(row), { onProgress: (r, n) => show(r / n) })
 */
export async function parseCsvStream(
	file: Blob,
	onRow: (row: CsvRecord, header: string[]) => void,
	opts: ParseCsvStreamOptions = {}
): Promise<CsvStreamSummary> {
	const name = opts.fileName ?? (file as Partial<File>).name ?? 'file';
	checkSize(file.size, name, opts.maxBytes);
	let rowCount = 0;
	let header: string[] = [];
	const reader = createRowReader(
		name,
		(h) => {
			header = h;
			opts.onHeader?.(h);
		},
		(row) => {
			rowCount++;
			onRow(row, header);
		},
		opts.maxRows
	);
	const source = new BlobTextSource(file, name, opts.onProgress);
	await new Promise<void>((resolve, reject) => {
		source.onFailure = reject;
		Papa.parse<string[]>(source as unknown as NodeJS.ReadableStream, {
			delimiter: opts.delimiter ?? ',',
			skipEmptyLines: false,
			step: (results, parser) => {
				reader.step(results, parser);
				if (reader.failed) {
					source.stop();
					reject(reader.failure);
				}
			},
			complete: () => resolve(),
			error: (e) => reject(e)
		});
		void source.pump();
	});
	return { file: name, header: reader.finish(), rowCount };
}

/**
 * Checks that a file's header has the expected columns, in any order, and returns where each
 * expected column is. With `exact`, columns beyond the expected ones are an error too.
 * @example requireHeader({ file: 'x.csv', header: ['b', 'a'] }, ['a', 'b']) // { a: 1, b: 0 }
 */
export function requireHeader(
	parsed: { file: string; header: readonly string[] },
	expected: readonly string[],
	opts: { exact?: boolean } = {}
): Record<string, number> {
	const index: Record<string, number> = {};
	parsed.header.forEach((name, i) => {
		if (!Object.hasOwn(index, name)) index[name] = i;
	});
	const missing = expected.filter((c) => !Object.hasOwn(index, c));
	const unexpected = opts.exact ? parsed.header.filter((c) => !expected.includes(c)) : [];
	if (missing.length > 0 || unexpected.length > 0) {
		const problems: string[] = [];
		if (missing.length > 0) problems.push(`no column ${listNames(missing)}`);
		if (unexpected.length > 0) problems.push(`the unexpected column ${listNames(unexpected)}`);
		const columns = opts.exact ? `exactly the columns` : `the columns`;
		throw new ImportError(
			parsed.file,
			1,
			null,
			`${columns} ${expected.join(',')}`,
			`a header with ${problems.join(' and ')}`
		);
	}
	const out: Record<string, number> = {};
	for (const c of expected) out[c] = index[c];
	return out;
}

/** Turns papaparse's step results into checked rows with line numbers. */
function createRowReader(
	file: string,
	onHeader: ((header: string[]) => void) | null,
	onRow: (row: CsvRecord) => void,
	maxRows = Infinity
) {
	let line = 1;
	let rows = 0;
	let header: string[] | null = null;
	let failure: unknown = null;

	function readRow(cells: string[], errors: Papa.ParseError[], start: number) {
		if (errors.length > 0) {
			const e = errors[0];
			const column = header?.[cells.length - 1] ?? null;
			throw new CsvError(
				file,
				start,
				column,
				e.type === 'Quotes'
					? 'a closed quoted value (a quote inside a value is written "")'
					: 'well-formed CSV',
				e.message.toLowerCase()
			);
		}
		if (cells.length === 1 && cells[0].trim() === '') return;
		if (header === null) {
			header = readHeader(cells, file);
			onHeader?.(header);
			return;
		}
		if (cells.length !== header.length) {
			const few = cells.length < header.length;
			throw new CsvError(
				file,
				start,
				few ? header[cells.length] : null,
				`${header.length} fields, one per column of the header`,
				`${cells.length}${few ? ` (the row stops before column ${JSON.stringify(header[cells.length])})` : ''}`
			);
		}
		if (++rows > maxRows) throw tooManyRows(file, maxRows);
		onRow({ line: start, cells });
	}

	return {
		step(results: Papa.ParseStepResult<string[]>, parser: Papa.Parser) {
			if (failure !== null) return;
			const start = line;
			line += 1 + countLineBreaks(results.data, results.meta.linebreak);
			try {
				readRow(results.data, results.errors, start);
			} catch (e) {
				failure = e;
				parser.abort();
			}
		},
		get failed() {
			return failure !== null;
		},
		get failure() {
			return failure;
		},
		/** The header, or the reason there is none; throws the first failure. */
		finish(): string[] {
			if (failure !== null) throw failure;
			if (header === null) throw new CsvError(file, null, null, 'a header row', 'an empty file');
			return header;
		}
	};
}

/**
 * The error for a file over an importer's row cap, with the number of rows when known.
 * @example tooManyRows('big.csv', 20000, 200000).message
 * // 'big.csv: expected at most 20,000 rows of data, got 200,000 (split the file, or keep the rows you need)'
 */
export function tooManyRows(file: string, maxRows: number, rows?: number): ImportError {
	const count = (n: number) => n.toLocaleString('en-GB');
	return new ImportError(
		file,
		null,
		null,
		`at most ${count(maxRows)} rows of data`,
		`${rows === undefined ? 'more' : count(rows)} (split the file, or keep the rows you need)`
	);
}

/** Lines holding something other than spaces and tabs (the rows, when nothing is quoted). */
function countNonBlankLines(text: string): number {
	let n = 0;
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		for (let i = start; i < end; i++) {
			const c = text.charCodeAt(i);
			// Blank as the row reader sees it: nothing but what String.trim removes.
			if (c > 32 && c < 127 ? true : !/\s|\uFEFF/.test(text[i])) {
				n++;
				break;
			}
		}
		start = end + 1;
	}
	return n;
}

function readHeader(cells: string[], file: string): string[] {
	const header = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
	const seen = new Map<string, number>();
	header.forEach((name, i) => {
		if (name === '') return;
		const first = seen.get(name);
		if (first !== undefined) {
			throw new CsvError(
				file,
				1,
				name,
				'each column name once',
				`a second column ${quote(name)} (columns ${first + 1} and ${i + 1})`
			);
		}
		seen.set(name, i);
	});
	return header;
}

/**
 * Line breaks inside quoted cells, so that the next row's line number stays right: `\n` (which
 * also ends a CRLF), or `\r` in a file whose lines end with a bare CR.
 */
function countLineBreaks(cells: string[], linebreak: string): number {
	const mark = linebreak === '\r' ? '\r' : '\n';
	let n = 0;
	for (const cell of cells) {
		for (let i = cell.indexOf(mark); i >= 0; i = cell.indexOf(mark, i + 1)) n++;
	}
	return n;
}

/** Spreadsheets and other binary files saved under a .csv name read as garbage: say so. */
function checkText(head: string, file: string): void {
	const start = head.slice(0, 4096);
	if (start.includes('\u0000') || start.startsWith('PK\u0003\u0004') || start.startsWith('%PDF')) {
		throw new CsvError(
			file,
			null,
			null,
			'a CSV text file',
			'binary content (a spreadsheet? save it as CSV)'
		);
	}
}

/** UTF-8 length of a text, computed only when the UTF-16 length leaves it in doubt. */
function utf8Length(text: string, limit: number): number {
	if (text.length > limit || text.length * 3 <= limit) return text.length;
	return new TextEncoder().encode(text).length;
}

function mb(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function listNames(names: string[]): string {
	return names.map((n) => JSON.stringify(n)).join(', ');
}

type Listener = (arg?: unknown) => void;

/**
 * A Blob read as text chunk by chunk, shaped as the Node readable stream papaparse streams from
 * (`readable`, `read`, `on`, `pause`, `resume`): papaparse's own File reader needs FileReader,
 * which Node lacks, and decodes byte slices separately, which can split a UTF-8 character. Here
 * a streaming TextDecoder carries split characters over and drops the byte-order mark.
 */
class BlobTextSource {
	readonly readable = true;
	onFailure: (e: unknown) => void = () => {};
	private readonly listeners = new Map<string, Listener[]>();
	private stopped = false;
	private paused = false;
	private resumeWaiter: (() => void) | null = null;

	constructor(
		private readonly blob: Blob,
		private readonly file: string,
		private readonly onProgress?: (bytesRead: number, totalBytes: number) => unknown
	) {}

	read(): null {
		return null;
	}

	on(event: string, fn: Listener): this {
		this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
		return this;
	}

	removeListener(event: string, fn: Listener): this {
		this.listeners.set(
			event,
			(this.listeners.get(event) ?? []).filter((f) => f !== fn)
		);
		return this;
	}

	pause(): void {
		this.paused = true;
	}

	resume(): void {
		this.paused = false;
		this.resumeWaiter?.();
		this.resumeWaiter = null;
	}

	stop(): void {
		this.stopped = true;
		this.resume();
	}

	/** Reads the Blob to its end (or until stopped), emitting text chunks. */
	async pump(): Promise<void> {
		// fatal: bytes that are not UTF-8 are refused (utf8.ts), never turned into U+FFFD.
		const decoder = new TextDecoder('utf-8', { fatal: true });
		const reader = this.blob.stream().getReader();
		let bytesRead = 0;
		let linesRead = 1;
		let first = true;
		try {
			for (;;) {
				if (this.paused && !this.stopped) {
					await new Promise<void>((r) => (this.resumeWaiter = r));
				}
				if (this.stopped) {
					await reader.cancel();
					return;
				}
				const { done, value } = await reader.read();
				if (done) break;
				let text: string;
				try {
					text = decoder.decode(value, { stream: true });
				} catch (e) {
					if (!(e instanceof TypeError)) throw e;
					throw notUtf8(value, this.file, { byte: bytesRead, line: linesRead });
				}
				bytesRead += value.byteLength;
				for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) linesRead++;
				if (first && text !== '') {
					text = text.replace(/^\uFEFF/, '');
					checkText(text, this.file);
					first = false;
				}
				// papaparse takes an empty chunk as the end of the stream.
				if (text !== '') this.emit('data', text);
				await this.onProgress?.(bytesRead, this.blob.size);
			}
			if (this.stopped) return;
			let rest: string;
			try {
				rest = decoder.decode();
			} catch (e) {
				if (!(e instanceof TypeError)) throw e;
				// A character cut off by the end of the file.
				throw new ImportError(
					this.file,
					linesRead,
					null,
					'UTF-8 text (save it as "CSV UTF-8" or with UTF-8 encoding)',
					`a character cut off at the end of the file (byte ${bytesRead})`
				);
			}
			if (rest !== '') this.emit('data', rest);
			this.emit('end');
		} catch (e) {
			this.stopped = true;
			this.onFailure(e);
		}
	}

	private emit(event: string, arg?: unknown): void {
		for (const fn of [...(this.listeners.get(event) ?? [])]) fn(arg);
	}
}
