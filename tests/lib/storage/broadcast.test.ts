import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	CHANNEL_NAME,
	isWorkbenchMessage,
	openWorkbenchChannel,
	type WorkbenchChannel,
	type WorkbenchMessage
} from '$lib/storage/broadcast';

const opened: WorkbenchChannel[] = [];
const open = (...args: Parameters<typeof openWorkbenchChannel>) => {
	const channel = openWorkbenchChannel(...args);
	opened.push(channel);
	return channel;
};

afterEach(() => {
	for (const channel of opened.splice(0)) channel.close();
});

function nextMessage(channel: WorkbenchChannel): Promise<WorkbenchMessage> {
	return new Promise((resolve) => {
		const stop = channel.subscribe((message) => {
			stop();
			resolve(message);
		});
	});
}

describe('openWorkbenchChannel', () => {
	it('tells another tab that a scenario was saved, with its revision', async () => {
		const tabA = open();
		const tabB = open();
		expect(tabA.connected).toBe(true);
		const received = nextMessage(tabB);
		tabA.post({ type: 'scenario-saved', id: 'baseline', revision: 3 });
		expect(await received).toEqual({ type: 'scenario-saved', id: 'baseline', revision: 3 });
	});

	it('drops messages it does not understand (another version of the app)', async () => {
		const tabB = open();
		const listener = vi.fn();
		tabB.subscribe(listener);
		const received = nextMessage(tabB);
		const raw = new BroadcastChannel(CHANNEL_NAME);
		raw.postMessage({ type: 'something-new', id: 'x' });
		raw.postMessage('not even an object');
		raw.postMessage({ type: 'scenario-deleted', id: 'x' });
		expect(await received).toEqual({ type: 'scenario-deleted', id: 'x' });
		expect(listener).toHaveBeenCalledExactlyOnceWith({ type: 'scenario-deleted', id: 'x' });
		raw.close();
	});

	it('does nothing, without failing, where BroadcastChannel is missing', () => {
		vi.stubGlobal('BroadcastChannel', undefined);
		const channel = open();
		vi.unstubAllGlobals();
		expect(channel.connected).toBe(false);
		expect(() => channel.post({ type: 'dataset-saved', id: 'k' })).not.toThrow();
		const stop = channel.subscribe(() => {});
		expect(() => stop()).not.toThrow();
	});

	it('recognises the messages it sends', () => {
		expect(isWorkbenchMessage({ type: 'imported', datasetId: 'k', scenarioIds: [] })).toBe(true);
		expect(isWorkbenchMessage({ type: 'other' })).toBe(false);
		expect(isWorkbenchMessage(null)).toBe(false);
	});
});
