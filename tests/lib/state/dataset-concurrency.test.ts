/**
 * Two tabs (two workbench states on one database) editing one dataset: unrelated edits both
 * survive, even when a tab heard nothing of the other's save; the same thing changed differently
 * is put to the user, who keeps mine, takes theirs or keeps both. Issue 13, item 1.
 */
import { describe, expect, it, vi } from 'vitest';
import { getDatasetRecord, listDatasets, listScenarios, type WorkbenchChannel } from '$lib/storage';
import { withWorkbench } from '../../fixtures/workbench';
import type { Dataset } from '$lib/model/dataset';
import type { Kpi } from '$lib/model/kpi';
import { seed } from '$lib/model/provenance';

// Two states each project Kingston when they open.
vi.setConfig({ testTimeout: 30_000 });

const workbench = withWorkbench();
let datasetId = '';

/** A channel on which nothing arrives: a tab that never hears of the other's saves. */
const deaf = (): WorkbenchChannel => ({
	connected: false,
	post() {},
	subscribe: () => () => {},
	close() {}
});

/** A tab of the workbench; 'live' ones talk over BroadcastChannel as in the browser. */
async function tab(hearing: 'deaf' | 'live' = 'deaf') {
	const s = await workbench.open({ channel: hearing === 'deaf' ? deaf() : undefined });
	datasetId = s.dataset!.id;
	return s;
}

const withKpi = (d: Dataset, ref: string, patch: Partial<Kpi>): Dataset => ({
	...d,
	kpis: d.kpis.map((k) => (k.ref === ref ? { ...k, ...patch } : k))
});
const kpiOf = (d: Dataset | null | undefined, ref: string) => d!.kpis.find((k) => k.ref === ref)!;
const actual = { period: '2021-09', value: seed(1500, 'entered in tab A') };

async function stored() {
	return (await getDatasetRecord(workbench.db(), datasetId))!;
}

describe('two tabs editing one dataset', () => {
	it('keeps a KPI actual saved in one tab when the other, never refreshed, saves another edit', async () => {
		const a = await tab();
		const b = await tab();
		const before = kpiOf(a.dataset, '1').actuals;
		await a.updateDataset(withKpi(a.dataset!, '1', { actuals: [...before, actual] }), {
			reproject: false
		});
		// B still shows its old copy, and comments on KPI 2.
		expect(kpiOf(b.dataset, '1').actuals).toEqual(before);
		await b.updateDataset(withKpi(b.dataset!, '2', { comment: 'from tab B' }), {
			reproject: false
		});

		const saved = await stored();
		expect(kpiOf(saved.dataset, '1').actuals).toEqual([...before, actual]);
		expect(kpiOf(saved.dataset, '2').comment).toBe('from tab B');
		// B shows the merged version, says so, and is saved.
		expect(kpiOf(b.dataset, '1').actuals).toEqual([...before, actual]);
		expect(b.notice).toMatch(/saved together with changes made to it in another tab/);
		expect(b.datasetSave).toMatchObject({ dirty: false, error: null, conflict: null });
		expect(b.unsavedWork()).toBeNull();
	});

	it('shows another tab’s save at once when it hears of it', async () => {
		const a = await tab('live');
		const b = await tab('live');
		await a.updateDataset(withKpi(a.dataset!, '2', { comment: 'from tab A' }), {
			reproject: false
		});
		await vi.waitFor(() => expect(kpiOf(b.dataset, '2').comment).toBe('from tab A'));
		expect(b.notice).toMatch(/was updated in another tab/);
	});

	describe('the same comment changed differently in both', () => {
		async function clash() {
			const a = await tab();
			const b = await tab();
			await a.updateDataset(
				withKpi(a.dataset!, '1', { actuals: [...kpiOf(a.dataset, '1').actuals, actual] }),
				{ reproject: false }
			);
			await a.updateDataset(withKpi(a.dataset!, '2', { comment: 'from tab A' }), {
				reproject: false
			});
			await b.updateDataset(withKpi(b.dataset!, '2', { comment: 'from tab B' }), {
				reproject: false
			});
			return b;
		}

		it('saves nothing of the clash and asks, naming it with both values', async () => {
			const b = await clash();
			const conflict = b.datasetSave.conflict!;
			expect(conflict.items).toEqual([
				{ label: 'KPI 2: comment', mine: 'from tab B', theirs: 'from tab A' }
			]);
			expect(conflict.message).toMatch(/changed in another tab while you were editing it here/);
			expect(kpiOf((await stored()).dataset, '2').comment).toBe('from tab A');
			// On screen, and said to be unsaved.
			expect(kpiOf(b.dataset, '2').comment).toBe('from tab B');
			expect(b.unsavedWork()).toMatch(/not saved in this browser/);
		});

		it('keep mine: saves this tab’s comment, with the other tab’s unrelated actual', async () => {
			const b = await clash();
			await b.resolveDatasetConflict('mine');
			const saved = (await stored()).dataset;
			expect(kpiOf(saved, '2').comment).toBe('from tab B');
			expect(kpiOf(saved, '1').actuals).toContainEqual(actual);
			expect(b.datasetSave).toMatchObject({ dirty: false, conflict: null });
			expect(kpiOf(b.dataset, '1').actuals).toContainEqual(actual);
		});

		it('take theirs: keeps the other tab’s comment', async () => {
			const b = await clash();
			await b.resolveDatasetConflict('theirs');
			expect(kpiOf((await stored()).dataset, '2').comment).toBe('from tab A');
			expect(kpiOf(b.dataset, '2').comment).toBe('from tab A');
			expect(b.datasetSave.conflict).toBeNull();
		});

		it('keep both: the saved dataset keeps theirs, this tab’s version becomes a new dataset with its scenarios', async () => {
			const b = await clash();
			const scenarioCount = b.scenarios.length;
			await b.resolveDatasetConflict('copy');
			expect(kpiOf((await stored()).dataset, '2').comment).toBe('from tab A');
			const copy = (await listDatasets(workbench.db())).find((d) =>
				d.name.endsWith('(my version)')
			)!;
			expect(copy).toBeDefined();
			expect(copy.id).not.toBe(datasetId);
			expect(kpiOf(copy, '2').comment).toBe('from tab B');
			expect(await listScenarios(workbench.db(), copy.id)).toHaveLength(scenarioCount);
			expect(b.notice).toMatch(/kept as the dataset/);
		});
	});
});
