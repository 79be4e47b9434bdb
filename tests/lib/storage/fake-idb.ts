/**
 * A fresh fake IndexedDB (fake-indexeddb) per test, so that Node tests share nothing. Importing
 * this installs fake-indexeddb's globals (IDBRequest, IDBCursor, …), which idb's wrappers need.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openWorkbenchDb } from '$lib/storage/db';
import type { WorkbenchDatabase } from '$lib/storage/transaction';

/** A new, empty IndexedDB. */
export function freshFactory(): IDBFactory {
	return new IDBFactory();
}

/** Opens the workbench database in a fresh fake IndexedDB. */
export async function openFresh(): Promise<{ db: WorkbenchDatabase; factory: IDBFactory }> {
	const factory = freshFactory();
	return { db: await openWorkbenchDb(factory), factory };
}
