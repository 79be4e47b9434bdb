/**
 * Telling other tabs of the workbench what this one saved, over BroadcastChannel('send-workbench'),
 * so that a tab showing a scenario can say "this scenario was changed in another tab" instead of
 * letting the user edit a stale copy (the save would then be refused as a conflict anyway).
 * Where BroadcastChannel is missing, posting does nothing and no message arrives.
 */

export const CHANNEL_NAME = 'send-workbench';

export type WorkbenchMessage =
	| { type: 'scenario-saved'; id: string; revision: number }
	| { type: 'scenario-deleted'; id: string }
	| { type: 'dataset-saved'; id: string; revision?: number }
	| { type: 'dataset-deleted'; id: string }
	| { type: 'scenario-set-saved'; id: string }
	| { type: 'scenario-set-deleted'; id: string }
	| { type: 'imported'; datasetId: string; scenarioIds: string[] }
	| { type: 'meta-saved'; key: string };

export type WorkbenchMessageType = WorkbenchMessage['type'];

const MESSAGE_TYPES: ReadonlySet<string> = new Set<WorkbenchMessageType>([
	'scenario-saved',
	'scenario-deleted',
	'dataset-saved',
	'dataset-deleted',
	'scenario-set-saved',
	'scenario-set-deleted',
	'imported',
	'meta-saved'
]);

export interface WorkbenchChannel {
	/** Whether messages really travel (false where BroadcastChannel is missing). */
	readonly connected: boolean;
	/** Tells the other tabs (never this one). */
	post(message: WorkbenchMessage): void;
	/** Calls `listener` with each message from another tab; returns the unsubscribe function. */
	subscribe(listener: (message: WorkbenchMessage) => void): () => void;
	close(): void;
}

/**
 * Opens the workbench's channel between tabs. Messages of a type this code does not know (sent by
 * a newer or older version of the app in another tab) are dropped.
 *
 * @param Channel the BroadcastChannel constructor; defaults to the global one, if any
 * @example
 * const channel = openWorkbenchChannel();
 * const stop = channel.subscribe((m) => {
 * 	if (m.type === 'scenario-saved' && m.id === open.id && m.revision > open.revision) warnStale();
 * });
 * channel.post({ type: 'scenario-saved', id: record.id, revision: record.revision });
 */
export function openWorkbenchChannel(
	Channel: typeof BroadcastChannel | undefined = globalThis.BroadcastChannel
): WorkbenchChannel {
	if (typeof Channel !== 'function') return disconnectedChannel();
	let channel: BroadcastChannel;
	try {
		channel = new Channel(CHANNEL_NAME);
	} catch {
		return disconnectedChannel();
	}
	const listeners = new Set<(message: WorkbenchMessage) => void>();
	let closed = false;
	channel.onmessage = (event: MessageEvent) => {
		if (!isWorkbenchMessage(event.data)) return;
		for (const listener of listeners) listener(event.data);
	};
	return {
		connected: true,
		post(message) {
			if (closed) return;
			try {
				channel.postMessage(message);
			} catch {
				// Telling other tabs is a courtesy: their saves are still guarded by revisions.
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		close() {
			if (closed) return;
			closed = true;
			listeners.clear();
			channel.close();
		}
	};
}

function disconnectedChannel(): WorkbenchChannel {
	return {
		connected: false,
		post() {},
		subscribe() {
			return () => {};
		},
		close() {}
	};
}

/** Whether a value received from another tab is a message this code understands. */
export function isWorkbenchMessage(value: unknown): value is WorkbenchMessage {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { type?: unknown }).type === 'string' &&
		MESSAGE_TYPES.has((value as { type: string }).type)
	);
}
