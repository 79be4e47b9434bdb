/**
 * Kingston ships as a scenario-set JSON file read by the same reader as any import
 * (decision 0023). This compares what the app seeds to a snapshot of the dataset and scenarios
 * the former TypeScript modules built, taken before the move
 * (`__snapshots__/kingston-before-json.json`: `dataset`, `scenarios`, and `seedRag`, the Quarter
 * One report's own ratings kept for the KPI rules' test).
 *
 * Only fields that a scenario-set format of version 2 or later adds to every scenario are left out
 * of the comparison, each by name, so any other difference fails.
 */
import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { DSG_PLACEMENT_SETTINGS } from '$lib/model/dataset-defaults';
import type { Scenario } from '$lib/model/scenario';
import before from './__snapshots__/kingston-before-json.json';

/**
 * Scenario fields added by scenario-set format version 2 or later, absent from the snapshot:
 * `role` (version 2: which scenario is the plan or the projection) and `colour` (optional, the
 * scenario's colour everywhere).
 */
const ADDED_SCENARIO_FIELDS = ['role', 'colour'] as const;

const withoutAddedFields = (s: Scenario): Record<string, unknown> => {
	const copy: Record<string, unknown> = { ...s };
	for (const key of ADDED_SCENARIO_FIELDS) delete copy[key];
	return copy;
};

describe('Kingston loaded from its JSON', () => {
	it('equals the dataset the TypeScript modules built before the move', () => {
		expect(kingstonDataset()).toStrictEqual(before.dataset);
	});

	it('has the same scenarios, apart from the fields format version 2 adds', () => {
		expect(kingstonScenarios().map(withoutAddedFields)).toStrictEqual(before.scenarios);
	});

	it('is read afresh for each caller, so one caller’s change reaches no other', () => {
		const first = kingstonDataset();
		first.settings[0].name = 'changed';
		expect(kingstonDataset().settings[0].name).toBe(before.dataset.settings[0].name);
	});

	it('has the DSG placement settings every SEN2 dataset starts from', () => {
		expect(kingstonDataset().settings).toStrictEqual(DSG_PLACEMENT_SETTINGS);
	});
});
