/**
 * The app's one connection to its IndexedDB database, shared by everything that reads or writes
 * it (the workbench state, the Monte Carlo cache, saved Compare sets). One connection means one
 * place that handles another tab upgrading the database (`versionchange`: this connection closes
 * at once so as not to block it, and the user is told to reload) and an upgrade held up by an
 * older tab (`blocked`: said so, rather than waiting for ever).
 */
import { openWorkbenchDb } from './db';
import { StorageError } from './errors';
import type { WorkbenchDatabase } from './transaction';

/** What happened to the shared connection, for the page to tell the user. */
export type ConnectionEvent =
	{ kind: 'blocking'; message: string } | { kind: 'terminated'; message: string };

export const CONNECTION_MESSAGES = {
	blocking:
		'A newer version of the workbench was opened in another tab, which needs this tab to let go ' +
		'of the saved data: this tab has stopped saving. Reload this page to keep saving (anything ' +
		'not saved yet is still on screen: export it first if you need it).',
	terminated:
		'The browser closed the workbench’s storage (site data cleared, or a disk error): recent ' +
		'changes may not be saved. Reload the page; export your scenarios first if you need them.'
} as const;

interface Shared {
	opening: Promise<WorkbenchDatabase> | null;
	closedBy: ConnectionEvent | null;
	listeners: Set<(event: ConnectionEvent) => void>;
}

/** One connection per IndexedDB factory (the browser has one; tests make fresh ones). */
const connections = new WeakMap<IDBFactory, Shared>();

function sharedOf(factory: IDBFactory): Shared {
	let shared = connections.get(factory);
	if (!shared) {
		shared = { opening: null, closedBy: null, listeners: new Set() };
		connections.set(factory, shared);
	}
	return shared;
}

/**
 * The shared connection, opened on first use. Rejects with a StorageError as openWorkbenchDb
 * does (unavailable, blocked, version, failed); after a failure the next call tries again.
 * Once another tab's upgrade has closed it, rejects with kind 'unavailable' saying to reload
 * (this tab's code is the older one).
 *
 * @param factory the IndexedDB factory; defaults to the browser's `indexedDB`
 * @example
 * const db = await workbenchConnection();
 */
export function workbenchConnection(
	factory: IDBFactory | undefined = defaultFactory()
): Promise<WorkbenchDatabase> {
	if (!factory) return openWorkbenchDb(undefined);
	const shared = sharedOf(factory);
	if (shared.closedBy?.kind === 'blocking') {
		return Promise.reject(
			new StorageError('unavailable', shared.closedBy.message, {
				action: 'open the workbench database'
			})
		);
	}
	if (!shared.opening) {
		const opening = openWorkbenchDb(factory, {
			onBlocking: () => tell(shared, { kind: 'blocking', message: CONNECTION_MESSAGES.blocking }),
			onTerminated: () => {
				if (shared.opening === opening) shared.opening = null;
				tell(shared, { kind: 'terminated', message: CONNECTION_MESSAGES.terminated });
			}
		});
		shared.opening = opening;
		opening.catch(() => {
			if (shared.opening === opening) shared.opening = null;
		});
	}
	return shared.opening;
}

/**
 * Calls `listener` when the shared connection is closed under the app (another tab's upgrade, or
 * the browser). Returns the unsubscribe function.
 */
export function onConnectionEvent(
	listener: (event: ConnectionEvent) => void,
	factory: IDBFactory | undefined = defaultFactory()
): () => void {
	if (!factory) return () => {};
	const shared = sharedOf(factory);
	shared.listeners.add(listener);
	if (shared.closedBy) listener(shared.closedBy);
	return () => shared.listeners.delete(listener);
}

function tell(shared: Shared, event: ConnectionEvent) {
	if (event.kind === 'blocking') shared.closedBy = event;
	for (const listener of shared.listeners) listener(event);
}

function defaultFactory(): IDBFactory | undefined {
	return typeof indexedDB === 'undefined' ? undefined : indexedDB;
}
