/**
 * A savings line's optional timing and quarterly actuals (docs/model.md §3.5, §6.1) survive a
 * scenario set export and import unchanged, byte for byte; a file without them still loads.
 */
import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { parseScenarioSet, serialiseScenarioSet } from '$lib/io/scenario-set/format';
import { actualFigure } from '$lib/model/actuals';

const meta = {
	createdAt: '2026-01-01T00:00:00.000Z',
	app: { name: 'SEND Workbench', version: 't' }
};

describe('savings timing and actuals in a scenario set', () => {
	it('round-trips quarterShares and actuals byte for byte', () => {
		const dataset = kingstonDataset();
		dataset.finance.savings[0].quarterShares = [0.1, 0.2, 0.3, 0.4];
		dataset.finance.savings[0].actuals = { '2021-Q2': actualFigure(1234.5) };
		const text = serialiseScenarioSet(dataset, kingstonScenarios(), meta);
		const read = parseScenarioSet(text, 'set.json');
		if (!read.ok) throw new Error(read.errors.map((e) => e.message).join('\n'));
		expect(read.dataset.finance.savings[0].quarterShares).toEqual([0.1, 0.2, 0.3, 0.4]);
		expect(read.dataset.finance.savings[0].actuals?.['2021-Q2'].value).toBe(1234.5);
		expect(serialiseScenarioSet(read.dataset, read.scenarios, meta)).toBe(text);
	});

	it('loads lines without them, and writes no such keys for them', () => {
		const text = serialiseScenarioSet(kingstonDataset(), kingstonScenarios(), meta);
		expect(text).not.toContain('"quarterShares"');
		const read = parseScenarioSet(text, 'set.json');
		if (!read.ok) throw new Error(read.errors.map((e) => e.message).join('\n'));
		for (const line of read.dataset.finance.savings) {
			expect('quarterShares' in line).toBe(false);
			expect('actuals' in line).toBe(false);
		}
	});
});
