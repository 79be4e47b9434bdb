/**
 * Errors across a worker boundary as plain data: structured cloning would keep an Error's message
 * but drop an ImportError's file, row and column. The worker settles each call's outcome into
 * data (`settle`); the page turns it back into a value or the error it was (`unsettle`). Kept
 * apart from the import API so that the page's client imports this alone, not the importer.
 */
import { CsvError, ImportError } from '../src/lib/io/csv/errors';

/** An error as data, to cross a worker boundary. */
export interface SerialisedError {
	name: string;
	message: string;
	file?: string;
	row?: number | null;
	column?: string | null;
	expected?: string;
	got?: string | null;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: SerialisedError };

/**
 * Waits for a promise and returns its value or its error as data.
 * @example await settle(Promise.reject(new ImportError('x.csv', 2, 'a', 'a number')))
 * // { ok: false, error: { name: 'ImportError', file: 'x.csv', row: 2, … } }
 */
export async function settle<T>(p: Promise<T>): Promise<Settled<T>> {
	try {
		return { ok: true, value: await p };
	} catch (e) {
		if (e instanceof ImportError) {
			const { name, message, file, row, column, expected, got } = e;
			return { ok: false, error: { name, message, file, row, column, expected, got } };
		}
		const err = e instanceof Error ? e : new Error(String(e));
		return { ok: false, error: { name: err.name, message: err.message } };
	}
}

/**
 * The value of a settled call, or its error thrown again as the class it was (ImportError and
 * CsvError keep their file, row and column).
 */
export function unsettle<T>(s: Settled<T>): T {
	if (s.ok) return s.value;
	const e = s.error;
	if (e.file !== undefined && e.expected !== undefined) {
		const Cls = e.name === 'CsvError' ? CsvError : ImportError;
		throw new Cls(e.file, e.row ?? null, e.column ?? null, e.expected, e.got ?? null);
	}
	const err = new Error(e.message);
	err.name = e.name;
	throw err;
}
