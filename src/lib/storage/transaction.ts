/**
 * One transaction around a piece of work, so that writes touching several records land whole or
 * not at all, and every failure comes out as a StorageError.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { StorageError, toStorageError } from './errors';
import type { WorkbenchDB, WorkbenchStoreName } from './schema';

export type WorkbenchDatabase = IDBPDatabase<WorkbenchDB>;

/**
 * Runs `work` inside one transaction over `stores` and resolves with its result once the
 * transaction has committed. If `work` throws or rejects, or a request or the commit fails, the
 * transaction is aborted — nothing it wrote is kept — and the error is rethrown as a StorageError
 * (a StorageError that `work` threw, such as a conflict, passes through unchanged).
 *
 * `work` must await only requests of `tx`: awaiting anything else (a fetch, a timer) lets the
 * transaction commit early, and its next request then fails.
 *
 * @param action what is being done, in words, for the error (`save scenario "s1"`)
 * @example
 * await inTransaction(db, ['datasets', 'scenarios'], 'readwrite', 'import', async (tx) => {
 * 	await tx.objectStore('datasets').put(dataset);
 * 	await tx.objectStore('scenarios').put(record);
 * });
 */
export async function inTransaction<
	Name extends WorkbenchStoreName,
	Mode extends IDBTransactionMode,
	T
>(
	db: WorkbenchDatabase,
	stores: Name[],
	mode: Mode,
	action: string,
	work: (tx: IDBPTransaction<WorkbenchDB, Name[], Mode>) => Promise<T>
): Promise<T> {
	let tx: IDBPTransaction<WorkbenchDB, Name[], Mode>;
	try {
		tx = db.transaction(stores, mode);
	} catch (error) {
		throw toStorageError(error, action);
	}
	// Settles on commit or abort; observed here so an abort is never an unhandled rejection.
	const done = tx.done.then(
		() => null,
		(error: unknown) => error ?? new DOMException('Transaction aborted', 'AbortError')
	);
	let result: T;
	try {
		result = await work(tx);
	} catch (error) {
		abortQuietly(tx);
		const txError = await done;
		throw toStorageError(preferCause(error, txError), action);
	}
	const commitError = await done;
	if (commitError !== null) throw toStorageError(commitError, action);
	return result;
}

function abortQuietly(tx: { abort(): void }) {
	try {
		tx.abort();
	} catch {
		// Already committed or aborted: nothing left to undo.
	}
}

/**
 * A request that failed because its transaction aborted reports AbortError; the transaction's
 * own error (QuotaExceededError, say) is the one that tells the user what to do.
 */
function preferCause(error: unknown, txError: unknown): unknown {
	if (error instanceof StorageError) return error;
	const name = (error as { name?: unknown } | null)?.name;
	if (name === 'AbortError' && txError !== null && txError !== undefined) return txError;
	return error;
}

/** The current time as stored in records (ISO 8601, UTC). */
export function nowIso(): string {
	return new Date().toISOString();
}
