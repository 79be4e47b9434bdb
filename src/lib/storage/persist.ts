/**
 * Asking the browser to keep the workbench's data (not to evict it under storage pressure), and
 * how much room it has. Both are guarded: some browsers and contexts have no StorageManager.
 */

type StorageManagerLike = Pick<StorageManager, 'persist' | 'estimate'> &
	Partial<Pick<StorageManager, 'persisted'>>;

function defaultStorage(): Partial<StorageManagerLike> | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Asks the browser to make this site's storage persistent (`navigator.storage.persist()`).
 * Resolves with its answer: true when the data will not be evicted without the user's say, false
 * when refused or when the browser has no such request.
 * @example
 * if (!(await requestPersistence())) showTip('Export your scenarios now and then.');
 */
export async function requestPersistence(
	storage: Partial<StorageManagerLike> | undefined = defaultStorage()
): Promise<boolean> {
	if (typeof storage?.persist !== 'function') return false;
	try {
		if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
		return await storage.persist();
	} catch {
		return false;
	}
}

/**
 * How much this site stores and may store, in bytes (`navigator.storage.estimate()`), or null
 * where the browser cannot say.
 * @example
 * const e = await storageEstimate(); // { usage: 1_234_567, quota: 2_000_000_000 }
 */
export async function storageEstimate(
	storage: Partial<StorageManagerLike> | undefined = defaultStorage()
): Promise<{ usage: number; quota: number } | null> {
	if (typeof storage?.estimate !== 'function') return null;
	try {
		const { usage, quota } = await storage.estimate();
		if (typeof usage !== 'number' || typeof quota !== 'number') return null;
		return { usage, quota };
	} catch {
		return null;
	}
}
