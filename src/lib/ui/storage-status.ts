/**
 * What the storage panel says about the workbench's browser storage: whether the browser agreed
 * to keep it (navigator.storage.persist) and how much it uses of what it may use.
 */
import type { StorageStatus } from '../state/storage-status.svelte';

/**
 * A size in bytes for people: B, kB, MB or GB (powers of 1,000, as browsers and disks report),
 * at most one decimal.
 * @example formatBytes(1_234_567) // '1.2 MB'
 */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) {
		throw new Error(`formatBytes: bytes must be a finite number ≥ 0, got ${bytes}`);
	}
	const units = ['B', 'kB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	const shown = unit === 0 ? String(Math.round(value)) : value.toFixed(value < 10 ? 1 : 0);
	return `${shown.replace(/\.0$/, '')} ${units[unit]}`;
}

/**
 * The panel's two sentences: is the data safe from eviction, and how much room is used.
 * @example describeStorage({ persisted: true, estimate: { usage: 2e6, quota: 3e9 } }).usage
 * // 'Using 2 MB of the 3 GB this browser allows this site.'
 */
export function describeStorage(status: StorageStatus): { persistence: string; usage: string } {
	const persistence =
		status.persisted === null
			? 'Checking whether this browser will keep the workbench’s data…'
			: status.persisted
				? 'Persistent storage granted: this browser will not clear the workbench’s data without asking you.'
				: 'Persistent storage not granted: this browser may clear the workbench’s data if the disk runs low, so export your scenarios now and then.';
	const usage = status.estimate
		? `Using ${formatBytes(status.estimate.usage)} of the ${formatBytes(status.estimate.quota)} this browser allows this site.`
		: 'This browser does not say how much space the workbench uses.';
	return { persistence, usage };
}

/**
 * What the panel says about changes storage refused (a full disk): how many wait, and that they
 * are tried again. Null when none do.
 * @param retrySeconds how often they are tried again
 * @example describePending(2, 15) // '2 changes are not saved yet: …'
 */
export function describePending(count: number, retrySeconds: number): string | null {
	if (!Number.isInteger(count) || count < 0) {
		throw new Error(`describePending: count must be a whole number ≥ 0, got ${count}`);
	}
	if (count === 0) return null;
	const what = count === 1 ? '1 change is' : `${count} changes are`;
	return (
		`${what} not saved yet: the browser refused to store ${count === 1 ? 'it' : 'them'}. ` +
		`${count === 1 ? 'It is' : 'They are'} kept on screen, tried again every ${retrySeconds} ` +
		'seconds and with your next edit, and can be exported meanwhile (Scenarios → Export).'
	);
}
