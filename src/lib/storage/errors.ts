/**
 * Errors of the browser persistence layer. Every failure of IndexedDB reaches the UI as a
 * `StorageError` whose `kind` the code can branch on and whose `message` a council analyst can act
 * on (what happened to their work, and what to do next).
 */

export type StorageErrorKind =
	'unavailable' | 'quota' | 'blocked' | 'conflict' | 'version' | 'not-found' | 'failed';

export const STORAGE_ERROR_KINDS: readonly StorageErrorKind[] = [
	'unavailable',
	'quota',
	'blocked',
	'conflict',
	'version',
	'not-found',
	'failed'
];

/** The default message of each kind; functions pass a more specific one where they know more. */
export const STORAGE_MESSAGES = {
	unavailable:
		'This browser is not letting the workbench save anything on this computer (browser storage ' +
		'is switched off, as in a private or incognito window or when site data is blocked). ' +
		'Anything you change will be lost when you close the tab: open the workbench in a normal ' +
		'window, or allow site data for this site, and reload.',
	connectionClosed:
		'The workbench lost its connection to the browser storage (another tab may have upgraded ' +
		'it, or the browser closed it): the last change was not saved. Reload the page and try again.',
	quota:
		"Your browser's storage for this site is full: the last change was not saved. Export your " +
		'scenarios (Scenarios → Export) and free space, then try again.',
	blocked:
		'The workbench is open in another tab or window that is still using an older version of its ' +
		'saved data, so this tab cannot upgrade it. Close or reload the other workbench tabs, then ' +
		'reload this page.',
	conflict:
		'This record was changed in another tab or window since you opened it: your change was not ' +
		'saved. Reload it to see the other change, then make yours again.',
	alreadyExists:
		'A record with this id is already saved in this browser: nothing was changed. Use a new ' +
		'id or name and try again.',
	version:
		'The data saved in this browser was written by a newer version of the workbench than this ' +
		'page. Reload the page (or clear the browser cache for this site) to get the newer version; ' +
		'nothing has been changed.',
	notFound:
		'The record was not found in this browser: it may have been deleted in another tab or window.',
	notStorable:
		'Some of the data could not be stored (it holds a value the browser cannot save): nothing ' +
		'was changed.',
	aborted: 'The change was cancelled before it was saved: nothing was changed. Try again.',
	unknown:
		'The browser reported an internal storage error (this can happen when the disk is full or ' +
		'the browser profile is damaged): the last change may not have been saved. Reload the page ' +
		'and try again; if it keeps happening, export your scenarios (Scenarios → Export) and ' +
		'restart the browser.',
	failed:
		'The browser could not read or write the workbench data: the last change may not have been ' +
		'saved. Reload the page and try again; if it keeps happening, export your scenarios ' +
		'(Scenarios → Export) to keep a copy.'
} as const;

/** A failure of the persistence layer, with a kind to branch on and a message to show. */
export class StorageError extends Error {
	readonly kind: StorageErrorKind;
	/** What the app was doing, e.g. `save scenario "Baseline (trend)"`; for logs and dialogs. */
	readonly action: string | null;

	constructor(
		kind: StorageErrorKind,
		message: string = defaultMessage(kind),
		options: { action?: string; cause?: unknown } = {}
	) {
		super(message, options.cause === undefined ? undefined : { cause: options.cause });
		this.name = 'StorageError';
		this.kind = kind;
		this.action = options.action ?? null;
	}
}

function defaultMessage(kind: StorageErrorKind): string {
	switch (kind) {
		case 'not-found':
			return STORAGE_MESSAGES.notFound;
		default:
			return STORAGE_MESSAGES[kind];
	}
}

/** Whether a value is a StorageError (of a given kind, when one is named). */
export function isStorageError(error: unknown, kind?: StorageErrorKind): error is StorageError {
	return error instanceof StorageError && (kind === undefined || error.kind === kind);
}

/**
 * Turns whatever IndexedDB threw or rejected with (a DOMException, usually) into a StorageError,
 * by the exception's `name`. A StorageError passes through unchanged.
 *
 * @param error what was thrown, or a transaction's `error`
 * @param action what the app was doing, kept on the error for logs
 * @example
 * toStorageError(new DOMException('full', 'QuotaExceededError')).kind // 'quota'
 */
export function toStorageError(error: unknown, action?: string): StorageError {
	if (error instanceof StorageError) return error;
	const name = errorName(error);
	const make = (kind: StorageErrorKind, message: string) =>
		new StorageError(kind, message, { action, cause: error });
	switch (name) {
		case 'QuotaExceededError':
			return make('quota', STORAGE_MESSAGES.quota);
		case 'VersionError':
			return make('version', STORAGE_MESSAGES.version);
		case 'InvalidStateError':
			// Raised when a transaction is opened on a connection that has closed (another tab
			// upgraded the database, or the browser dropped it), and by some browsers' private modes.
			return make('unavailable', STORAGE_MESSAGES.connectionClosed);
		case 'SecurityError':
			return make('unavailable', STORAGE_MESSAGES.unavailable);
		case 'ConstraintError':
			return make('conflict', STORAGE_MESSAGES.alreadyExists);
		case 'DataCloneError':
		case 'DataError':
			return make('failed', STORAGE_MESSAGES.notStorable);
		case 'AbortError':
			return make('failed', STORAGE_MESSAGES.aborted);
		case 'UnknownError':
			return make('failed', STORAGE_MESSAGES.unknown);
		default:
			return make('failed', STORAGE_MESSAGES.failed);
	}
}

/**
 * A 'not-found' error naming what is missing.
 * @example
 * notFoundError('Scenario "Baseline"', 'save scenario "Baseline"').message
 * // 'Scenario "Baseline" is no longer saved in this browser: it may have been deleted in another tab or window. Nothing was changed.'
 */
export function notFoundError(what: string, action?: string): StorageError {
	return new StorageError(
		'not-found',
		`${what} is no longer saved in this browser: it may have been deleted in another tab or ` +
			'window. Nothing was changed.',
		{ action }
	);
}

function errorName(error: unknown): string | null {
	if (typeof error === 'object' && error !== null && 'name' in error) {
		const name = (error as { name: unknown }).name;
		return typeof name === 'string' ? name : null;
	}
	return null;
}
