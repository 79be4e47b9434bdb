import { describe, expect, it } from 'vitest';
import {
	STORAGE_MESSAGES,
	StorageError,
	isStorageError,
	notFoundError,
	toStorageError
} from '$lib/storage/errors';

describe('toStorageError', () => {
	it.each([
		['QuotaExceededError', 'quota'],
		['VersionError', 'version'],
		['InvalidStateError', 'unavailable'],
		['SecurityError', 'unavailable'],
		['ConstraintError', 'conflict'],
		['UnknownError', 'failed'],
		['DataCloneError', 'failed'],
		['AbortError', 'failed'],
		['SomethingNew', 'failed']
	])('maps a DOMException named %s to kind %s', (name, kind) => {
		const cause = new DOMException('browser text', name);
		const error = toStorageError(cause, 'save scenario "x"');
		expect(error).toBeInstanceOf(StorageError);
		expect(error.kind).toBe(kind);
		expect(error.action).toBe('save scenario "x"');
		expect(error.cause).toBe(cause);
	});

	it('gives the quota message an analyst can act on', () => {
		expect(toStorageError(new DOMException('x', 'QuotaExceededError')).message).toBe(
			"Your browser's storage for this site is full: the last change was not saved. Export your " +
				'scenarios (Scenarios → Export) and free space, then try again.'
		);
	});

	it('says an unknown browser error may have lost the last change and what to do', () => {
		const message = toStorageError(new DOMException('x', 'UnknownError')).message;
		expect(message).toMatch(/may not have been saved/);
		expect(message).toMatch(/Reload the page/);
	});

	it('passes a StorageError through unchanged', () => {
		const error = new StorageError('conflict');
		expect(toStorageError(error)).toBe(error);
	});

	it("treats something that is not an exception as 'failed'", () => {
		expect(toStorageError('boom').kind).toBe('failed');
		expect(toStorageError(undefined).message).toBe(STORAGE_MESSAGES.failed);
	});
});

describe('StorageError', () => {
	it('has a default message for every kind', () => {
		for (const kind of [
			'unavailable',
			'quota',
			'blocked',
			'conflict',
			'version',
			'failed'
		] as const) {
			expect(new StorageError(kind).message).toBe(STORAGE_MESSAGES[kind]);
		}
		expect(new StorageError('not-found').message).toBe(STORAGE_MESSAGES.notFound);
	});

	it('is recognised by kind', () => {
		const error = notFoundError('Scenario "Baseline"');
		expect(isStorageError(error, 'not-found')).toBe(true);
		expect(isStorageError(error, 'conflict')).toBe(false);
		expect(isStorageError(new Error('x'))).toBe(false);
		expect(error.message).toBe(
			'Scenario "Baseline" is no longer saved in this browser: it may have been deleted in ' +
				'another tab or window. Nothing was changed.'
		);
	});
});
