import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import type { Dataset } from '$lib/model/dataset';
import type { Scenario } from '$lib/model/scenario';
import {
	exportableScenarios,
	importScenarioSetFile,
	scenarioSetFileName,
	scenarioSetText
} from '$lib/io/scenario-set/file';

const dataset = kingstonDataset();
const scenarios = kingstonScenarios();
const file = (name: string, text: string) => ({ name, text: async () => text });

function recorder() {
	const calls: { dataset: Dataset; scenarios: Scenario[] }[] = [];
	return {
		calls,
		add: async (d: Dataset, s: Scenario[]) => {
			calls.push({ dataset: d, scenarios: s });
		}
	};
}

describe('scenario set files in the browser', () => {
	it('exports then imports losslessly: the same dataset and scenarios', async () => {
		const text = scenarioSetText(dataset, scenarios, '2021-06-30T12:00:00.000Z');
		const r = recorder();
		const outcome = await importScenarioSetFile(file('kingston.json', text), r.add);
		expect(outcome.ok).toBe(true);
		expect(r.calls).toHaveLength(1);
		expect(r.calls[0].dataset).toEqual(dataset);
		expect(r.calls[0].scenarios).toEqual(scenarios);
		// export → import → export: the same bytes apart from the time of writing.
		expect(
			scenarioSetText(r.calls[0].dataset, r.calls[0].scenarios, '2021-06-30T12:00:00.000Z')
		).toBe(text);
	});

	it('refuses a newer file with a clear message and adds nothing', async () => {
		const newer = JSON.parse(scenarioSetText(dataset, scenarios, '2021-06-30T12:00:00.000Z'));
		newer.version = 99;
		const r = recorder();
		const outcome = await importScenarioSetFile(file('future.json', JSON.stringify(newer)), r.add);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.errors[0]).toMatch(
			/"future\.json" was made by a newer version of the workbench/
		);
		expect(r.calls).toEqual([]);
	});

	it('refuses a foreign file and adds nothing', async () => {
		const r = recorder();
		const outcome = await importScenarioSetFile(
			file('budget.json', JSON.stringify({ format: 'something-else', version: 1 })),
			r.add
		);
		expect(outcome).toMatchObject({ ok: false });
		if (!outcome.ok) expect(outcome.errors[0]).toMatch(/"budget\.json" is not a scenario set/);
		expect(r.calls).toEqual([]);
	});

	it('refuses a file whose bytes are not UTF-8, naming the line and byte, and adds nothing', async () => {
		const r = recorder();
		const text = scenarioSetText(dataset, scenarios, '2021-06-01T00:00:00.000Z');
		const at = text.indexOf('Kingston');
		// A Windows-1252 "é" (0xE9) inside a name: a lenient read would keep "K\uFFFDngston".
		const bytes = new TextEncoder().encode(text);
		bytes[new TextEncoder().encode(text.slice(0, at + 1)).length] = 0xe9;
		const outcome = await importScenarioSetFile(new File([bytes], 'latin.json'), r.add);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) {
			expect(outcome.errors).toEqual([
				expect.stringMatching(
					/^latin\.json, row \d+: expected UTF-8 text .*got a byte that is not UTF-8 \(0xE9 at byte \d+\); nothing was imported\.$/
				)
			]);
		}
		expect(r.calls).toEqual([]);
	});

	it('reports a save that fails, saying nothing was imported', async () => {
		const text = scenarioSetText(dataset, scenarios, '2021-06-30T12:00:00.000Z');
		const outcome = await importScenarioSetFile(file('kingston.json', text), async () => {
			throw new Error('Your browser’s storage for this site is full.');
		});
		expect(outcome.ok).toBe(false);
		if (!outcome.ok)
			expect(outcome.errors[0]).toMatch(/nothing was imported: Your browser’s storage/);
	});

	it('writes a scenario whose parent was deleted without a parent', () => {
		const orphan = { ...scenarios[2], parentId: 'deleted' };
		expect(exportableScenarios([orphan])[0].parentId).toBeNull();
		expect(() => scenarioSetText(dataset, [orphan], '2021-06-30T12:00:00.000Z')).not.toThrow();
	});

	it('names the file after the authority and the date', () => {
		expect(scenarioSetFileName(dataset, '2021-06-30')).toBe(
			'kingston-upon-thames-scenarios-2021-06-30.json'
		);
	});
});
