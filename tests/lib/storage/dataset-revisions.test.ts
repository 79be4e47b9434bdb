/**
 * Dataset edits from two tabs: every save moves the dataset's revision on, and an edit made from
 * an older revision is merged with what was saved since (docs/decisions/0015).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	deleteDataset,
	getDatasetRecord,
	putDataset,
	saveDatasetEdit
} from '$lib/storage/datasets';
import { compareImport, importScenarioSet } from '$lib/storage/import-scenario-set';
import { getMeta, datasetRevisionKey } from '$lib/storage/meta';
import { seedBuiltInDataset } from '$lib/storage/seed';
import { createScenario } from '$lib/storage/scenarios';
import type { WorkbenchDatabase } from '$lib/storage/transaction';
import type { Dataset } from '$lib/model/dataset';
import type { Kpi } from '$lib/model/kpi';
import { seed } from '$lib/model/provenance';
import { makeDataset, makeScenario } from './fixtures';
import { openFresh } from './fake-idb';

let db: WorkbenchDatabase;
beforeEach(async () => {
	({ db } = await openFresh());
});
afterEach(() => db.close());

function kpi(ref: string, patch: Partial<Kpi> = {}): Kpi {
	return {
		ref,
		name: `KPI ${ref}`,
		unit: 'count',
		category: 'demand management',
		derivation: 'annual',
		measure: 'level',
		basis: 'full year',
		baseline: null,
		annualTarget: null,
		projection: null,
		monthsElapsed: 2,
		rule: { direction: null, amberTolerance: 0, redTolerance: null },
		override: null,
		comment: '',
		formula: null,
		actuals: [],
		...patch
	};
}

const withKpi = (d: Dataset, ref: string, patch: Partial<Kpi>): Dataset => ({
	...d,
	kpis: d.kpis.map((k) => (k.ref === ref ? { ...k, ...patch } : k))
});

async function saved(kpis = [kpi('1'), kpi('2')]) {
	await putDataset(db, makeDataset({ kpis }));
	return (await getDatasetRecord(db, 'kingston'))!;
}

describe('dataset revisions', () => {
	it('moves the revision on with every save', async () => {
		const first = await putDataset(db, makeDataset());
		expect(first.revision).toBe(1);
		const second = await putDataset(db, makeDataset({ description: 'again' }));
		expect(second.revision).toBe(2);
		expect(await getDatasetRecord(db, 'kingston')).toMatchObject({
			revision: 2,
			dataset: { description: 'again' }
		});
		expect(await getDatasetRecord(db, 'nowhere')).toBeUndefined();
	});

	it('saves an edit made from the saved revision as it is', async () => {
		const base = await saved();
		const next = withKpi(base.dataset, '1', { comment: 'mine' });
		const out = await saveDatasetEdit(db, { base: base.dataset, baseRevision: 1, next });
		expect(out.kind).toBe('saved');
		expect((await getDatasetRecord(db, 'kingston'))!).toMatchObject({ revision: 2, dataset: next });
	});

	it('keeps a KPI actual saved by another tab when this tab saves another KPI’s comment', async () => {
		const base = await saved();
		// Tab A records an actual.
		const actual = { period: '2021-09', value: seed(1500, 'entered') };
		await saveDatasetEdit(db, {
			base: base.dataset,
			baseRevision: base.revision,
			next: withKpi(base.dataset, '1', { actuals: [actual] })
		});
		// Tab B, still on revision 1, comments on KPI 2.
		const out = await saveDatasetEdit(db, {
			base: base.dataset,
			baseRevision: base.revision,
			next: withKpi(base.dataset, '2', { comment: 'from B' })
		});
		expect(out.kind).toBe('merged');
		const stored = (await getDatasetRecord(db, 'kingston'))!;
		expect(stored.revision).toBe(3);
		expect(stored.dataset.kpis[0].actuals).toEqual([actual]);
		expect(stored.dataset.kpis[1].comment).toBe('from B');
	});

	it('writes nothing and reports the clash when both tabs changed the same comment', async () => {
		const base = await saved();
		await saveDatasetEdit(db, {
			base: base.dataset,
			baseRevision: 1,
			next: withKpi(base.dataset, '2', { comment: 'from A' })
		});
		const out = await saveDatasetEdit(db, {
			base: base.dataset,
			baseRevision: 1,
			next: withKpi(base.dataset, '2', { comment: 'from B' })
		});
		expect(out.kind).toBe('conflict');
		if (out.kind !== 'conflict') return;
		expect(out.conflicts.map((c) => c.label)).toEqual(['KPI 2: comment']);
		expect(out.theirs.revision).toBe(2);
		expect((await getDatasetRecord(db, 'kingston'))!).toMatchObject({
			revision: 2,
			dataset: { kpis: [{ comment: '' }, { comment: 'from A' }] }
		});
	});

	it("says 'not-found' for an edit of a dataset deleted meanwhile, and deletes its revision", async () => {
		const base = await saved();
		await deleteDataset(db, 'kingston');
		expect(await getMeta(db, datasetRevisionKey('kingston'))).toBeUndefined();
		await expect(
			saveDatasetEdit(db, { base: base.dataset, baseRevision: 1, next: base.dataset })
		).rejects.toMatchObject({ kind: 'not-found' });
	});

	it('refuses an edit whose id is not its base’s', async () => {
		const base = await saved();
		await expect(
			saveDatasetEdit(db, {
				base: base.dataset,
				baseRevision: 1,
				next: { ...base.dataset, id: 'other' }
			})
		).rejects.toThrow(/saveDatasetEdit: the edit's id "other" must equal its base's id "kingston"/);
	});

	it('moves the revision on when an import replaces the dataset, so open tabs merge with it', async () => {
		const base = await saved();
		await importScenarioSet(db, withKpi(base.dataset, '1', { comment: 'imported' }), []);
		expect((await getDatasetRecord(db, 'kingston'))!.revision).toBe(2);
	});

	it('seeds the built-in dataset at revision 1', async () => {
		await seedBuiltInDataset(db, { dataset: makeDataset(), scenarios: [], version: 1 });
		expect((await getDatasetRecord(db, 'kingston'))!.revision).toBe(1);
	});
});

describe('what an import would replace', () => {
	it('lists nothing for new records or identical ones', async () => {
		const dataset = makeDataset();
		expect(await compareImport(db, dataset, [makeScenario()])).toEqual([]);
		await putDataset(db, dataset);
		await createScenario(db, 'kingston', makeScenario());
		expect(await compareImport(db, dataset, [makeScenario()])).toEqual([]);
	});

	it('lists a saved dataset and scenario that differ from the file’s, with what differs', async () => {
		await putDataset(db, makeDataset({ kpis: [kpi('1', { comment: 'newer, saved here' })] }));
		await createScenario(db, 'kingston', makeScenario({ description: 'newer, saved here' }));
		const out = await compareImport(db, makeDataset({ kpis: [kpi('1')] }), [makeScenario()]);
		expect(out).toEqual([
			expect.objectContaining({
				kind: 'dataset',
				id: 'kingston',
				revision: 1,
				differences: ['KPI 1: comment']
			}),
			expect.objectContaining({
				kind: 'scenario',
				id: 'baseline',
				name: 'Baseline (trend)',
				revision: 1,
				differences: ['description']
			})
		]);
		expect(Number.isNaN(Date.parse(out[1].updatedAt))).toBe(false);
	});
});
