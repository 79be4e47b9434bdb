import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seed } from '$lib/model/provenance';
import { deleteMeta, getMeta, kpiActualsKey, reportTextsKey, setMeta } from '$lib/storage/meta';
import type { WorkbenchDatabase } from '$lib/storage/transaction';
import { openFresh } from './fake-idb';

let db: WorkbenchDatabase;

beforeEach(async () => {
	({ db } = await openFresh());
});

afterEach(() => db.close());

describe('meta', () => {
	it('remembers what was open last, and forgets it when deleted', async () => {
		expect(await getMeta(db, 'lastOpened')).toBeUndefined();
		await setMeta(db, 'lastOpened', { datasetId: 'kingston', scenarioId: 'may_2021' });
		expect(await getMeta(db, 'lastOpened')).toEqual({
			datasetId: 'kingston',
			scenarioId: 'may_2021'
		});
		await deleteMeta(db, 'lastOpened');
		expect(await getMeta(db, 'lastOpened')).toBeUndefined();
	});

	it('keeps KPI actuals and report texts per dataset, apart', async () => {
		const kingston = { '1': [{ period: '2021-Q1', value: seed(1447, 'KPI 1') }] };
		await setMeta(db, kpiActualsKey('kingston'), kingston);
		await setMeta(db, kpiActualsKey('other'), {});
		await setMeta(db, reportTextsKey('kingston'), { risks: 'Tribunal appeals rising' });
		expect(await getMeta(db, kpiActualsKey('kingston'))).toEqual(kingston);
		expect(await getMeta(db, kpiActualsKey('other'))).toEqual({});
		expect(await getMeta(db, reportTextsKey('kingston'))).toEqual({
			risks: 'Tribunal appeals rising'
		});
	});

	it('builds per-dataset keys with the dataset id', () => {
		expect(kpiActualsKey('kingston')).toBe('kpiActuals:kingston');
		expect(reportTextsKey('kingston')).toBe('reportTexts:kingston');
	});
});
