import { describe, expect, it } from 'vitest';
import { describePending, describeStorage, formatBytes } from '$lib/ui/storage-status';

describe('formatBytes', () => {
	it('writes sizes in powers of 1,000 with at most one decimal', () => {
		expect(formatBytes(0)).toBe('0 B');
		expect(formatBytes(999)).toBe('999 B');
		expect(formatBytes(1_000)).toBe('1 kB');
		expect(formatBytes(1_234_567)).toBe('1.2 MB');
		expect(formatBytes(45_600_000)).toBe('46 MB');
		expect(formatBytes(2_147_483_648)).toBe('2.1 GB');
	});

	it('names the requirement when the size is not a number of bytes', () => {
		expect(() => formatBytes(-1)).toThrow('formatBytes: bytes must be a finite number ≥ 0, got -1');
		expect(() => formatBytes(Number.NaN)).toThrow(/got NaN/);
	});
});

describe('describeStorage', () => {
	it('says the data is kept when the browser granted persistent storage', () => {
		const text = describeStorage({ persisted: true, estimate: { usage: 2e6, quota: 3e9 } });
		expect(text.persistence).toMatch(/^Persistent storage granted/);
		expect(text.usage).toBe('Using 2 MB of the 3 GB this browser allows this site.');
	});

	it('advises exporting when the browser may clear the data', () => {
		const text = describeStorage({ persisted: false, estimate: null });
		expect(text.persistence).toMatch(/^Persistent storage not granted: .*export your scenarios/);
		expect(text.usage).toBe('This browser does not say how much space the workbench uses.');
	});

	it('says it is still checking before the browser has answered', () => {
		expect(describeStorage({ persisted: null, estimate: null }).persistence).toMatch(/^Checking/);
	});
});

describe('changes the browser refused to store', () => {
	it('says nothing when none wait', () => {
		expect(describePending(0, 15)).toBeNull();
	});

	it('says how many wait, that they are retried, and that they can be exported', () => {
		expect(describePending(1, 15)).toBe(
			'1 change is not saved yet: the browser refused to store it. It is kept on screen, tried ' +
				'again every 15 seconds and with your next edit, and can be exported meanwhile ' +
				'(Scenarios → Export).'
		);
		expect(describePending(3, 15)).toMatch(/^3 changes are not saved yet: .* They are kept/);
	});

	it('refuses a count that is not a whole number', () => {
		expect(() => describePending(-1, 15)).toThrow(
			'describePending: count must be a whole number ≥ 0, got -1'
		);
	});
});
