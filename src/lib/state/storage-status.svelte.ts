/**
 * The storage panel's workflow: ask the browser once to keep the workbench's data
 * (navigator.storage.persist), read how much room it uses, and after refused saves are tried
 * again read the room once more. The panel (ui/StoragePanel.svelte) only shows `status`.
 */
import { requestPersistence, storageEstimate } from '../storage/persist';
import type { WorkbenchState } from './workbench.svelte';

/** What the browser said about keeping the workbench's data. */
export interface StorageStatus {
	/** Whether the browser agreed to keep the data (null: not asked yet). */
	persisted: boolean | null;
	/** Bytes used and allowed, or null where the browser cannot say. */
	estimate: { usage: number; quota: number } | null;
}

/**
 * The panel's storage status, a runes store.
 * @example const s = new StorageStatusState(workbench); void s.start(); s.status.persisted
 */
export class StorageStatusState {
	status = $state<StorageStatus>({ persisted: null, estimate: null });
	readonly #workbench: Pick<WorkbenchState, 'retryFailed'>;

	constructor(workbench: Pick<WorkbenchState, 'retryFailed'>) {
		this.#workbench = workbench;
	}

	/** Asks the browser to keep the data (once, on mount), then reads the room used. */
	async start(): Promise<void> {
		const persisted = await requestPersistence();
		this.status = { persisted, estimate: await storageEstimate() };
	}

	/** Tries refused saves again (space may have been freed), then reads the room used. */
	async refresh(): Promise<void> {
		await this.#workbench.retryFailed();
		this.status = { ...this.status, estimate: await storageEstimate() };
	}
}
