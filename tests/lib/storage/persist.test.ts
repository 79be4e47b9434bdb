import { describe, expect, it } from 'vitest';
import { requestPersistence, storageEstimate } from '$lib/storage/persist';

describe('requestPersistence', () => {
	it("returns the browser's answer", async () => {
		const granting = { persist: async () => true, estimate: async () => ({}) };
		const refusing = { persist: async () => false, estimate: async () => ({}) };
		expect(await requestPersistence(granting)).toBe(true);
		expect(await requestPersistence(refusing)).toBe(false);
	});

	it('does not ask again when storage is already persistent', async () => {
		let asked = false;
		const storage = {
			persisted: async () => true,
			persist: async () => ((asked = true), true),
			estimate: async () => ({})
		};
		expect(await requestPersistence(storage)).toBe(true);
		expect(asked).toBe(false);
	});

	it('answers false where there is no StorageManager, or it throws', async () => {
		expect(await requestPersistence(undefined)).toBe(false);
		expect(await requestPersistence({})).toBe(false);
		const throwing = {
			persist: async () => {
				throw new Error('no');
			}
		};
		expect(await requestPersistence(throwing)).toBe(false);
	});
});

describe('storageEstimate', () => {
	it('returns usage and quota in bytes', async () => {
		const storage = { estimate: async () => ({ usage: 1_234_567, quota: 2_000_000_000 }) };
		expect(await storageEstimate(storage)).toEqual({ usage: 1_234_567, quota: 2_000_000_000 });
	});

	it('returns null where the browser cannot say', async () => {
		expect(await storageEstimate(undefined)).toBeNull();
		expect(await storageEstimate({})).toBeNull();
		expect(await storageEstimate({ estimate: async () => ({}) })).toBeNull();
	});
});
