import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '../../../../src/lib/data/kingston';
import { kingstonScenarios } from '../../../../src/lib/data/kingston-scenarios';
import { parseScenarioSet } from '../../../../src/lib/io/scenario-set/format';
import { MAX_SCENARIOS } from '../../../../src/lib/model/validate-bounds';

/** A scenario set file holding `n` copies of Kingston's baseline, each with its own id and name. */
function setOf(n: number): string {
	const base = kingstonScenarios().find((s) => s.name === 'Baseline (trend)')!;
	const scenarios = Array.from({ length: n }, (_, i) => ({
		...structuredClone(base),
		id: `copy-${i}`,
		name: `Copy ${i}`,
		parentId: null
	}));
	return JSON.stringify({
		format: 'send-workbench/scenario-set',
		version: 1,
		createdAt: '2026-12-02T12:00:00.000Z',
		app: { name: 'SEND workbench', version: '0.1.0' },
		dataset: kingstonDataset(),
		scenarios
	});
}

describe('parseScenarioSet: how many scenarios a set may bring in', () => {
	it(`refuses a set of 3,000 scenarios, saying the limit of ${MAX_SCENARIOS}`, () => {
		const r = parseScenarioSet(setOf(3000), 'many.json');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => e.message)).toEqual([
			`many.json: The scenario set holds 3,000 scenarios; a dataset may have at most ${MAX_SCENARIOS}. Split the file, or delete the scenarios you no longer need, and import it again.`
		]);
	});

	it('accepts a set of exactly the limit', () => {
		expect(parseScenarioSet(setOf(MAX_SCENARIOS), 'limit.json').ok).toBe(true);
	});
});
