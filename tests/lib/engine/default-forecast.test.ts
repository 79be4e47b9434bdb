import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { estimateDemand } from '$lib/engine/estimate';
import { POOLED_UNCERTAINTY } from '$lib/engine/uncertainty';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import { witanDataset } from '$lib/io/witan/dataset';
import { BASELINE_TREND } from '$lib/model/dataset-defaults';
import { files, parsed, synthetic } from '../../fixtures/witan-model/inputs';

describe('the default forecast (decision 0019)', () => {
	const kingston = kingstonDataset();
	const prepared = prepareDataset(kingston);

	it('pools Kingston with England, and says why', () => {
		expect(prepared.defaultEstimator).toBe('england');
		expect(prepared.estimatorReason).toMatch(/every English authority/);
		expect(prepared.demand.pooled?.years).toEqual([2019, 2020]);
		expect(prepared.demand.uncertainty).toBe(POOLED_UNCERTAINTY);
	});

	it('projects Kingston’s Baseline (trend) at the pooled rates: 1,591 EHC plans in January 2022', () => {
		const baseline = kingstonScenarios().find((s) => s.name === BASELINE_TREND)!;
		const totals = metricValues(runExpected(prepared, baseline), 'ehcp_total');
		expect(totals[0]).toBeCloseTo(1591.19, 2);
		// Growth close to the pooled rate of new plans less the pooled rate of leaving.
		const { joinerRate, leaverRate } = prepared.demand.pooled!;
		const growth = totals[4] / totals[3] - 1;
		expect(growth).toBeCloseTo(joinerRate.value - leaverRate.value, 2);
	});

	it('holds plans ceasing at the pooled rate per plan held in every projected year', () => {
		const baseline = kingstonScenarios().find((s) => s.name === BASELINE_TREND)!;
		const r = runExpected(prepared, baseline);
		const leavers = metricValues(r, 'ehcp_leavers');
		const totals = [r.baseTotal, ...metricValues(r, 'ehcp_total')];
		leavers.forEach((l, k) =>
			expect(l / totals[k]).toBeCloseTo(prepared.demand.pooled!.leaverRate.value, 6)
		);
	});

	it('does not let the under-5s jump in the first projected year (ages within bands, decision 0032)', () => {
		// 38 under-5s in January 2021 and about 30 new under-5 plans a year, nearly all of them at
		// age 4: most age out within a year. An even spread over ages 0–4 projected 61 for 2022.
		const baseline = kingstonScenarios().find((s) => s.name === BASELINE_TREND)!;
		const under5 = metricValues(runExpected(prepared, baseline), 'ehcp_by_age_band:age_under_5');
		expect(under5[0]).toBeGreaterThan(30);
		expect(under5[0]).toBeLessThan(50);
		expect(under5[4] / under5[0]).toBeLessThan(1.6);
	});

	it('spreads a base caseload derived from band totals by England’s ages within bands, and keeps one given by NCY', () => {
		const { space, base } = prepared.demand;
		const at = (b: Float64Array, ncy: number) => {
			let n = 0;
			for (let s = 0; s < space.size; s++) if (space.ncy[s] === ncy) n += b[s];
			return n;
		};
		let under5 = 0;
		for (let ncy = -4; ncy <= 0; ncy++) under5 += at(base, ncy);
		expect(under5).toBe(38);
		// Reception (NCY 0, age 4) holds most of them, not one in five.
		expect(at(base, 0) / under5).toBeGreaterThan(0.6);
		for (let s = 0; s < space.size; s++) expect(Number.isInteger(base[s])).toBe(true);

		const given = {
			...kingston,
			baseCaseload: kingston.baseCaseload.map((c) => ({
				...c,
				count: { value: c.count.value, source: { kind: 'import' as const, file: 'caseload.csv' } }
			}))
		};
		const kept = estimateDemand(given).base;
		const cellsAt = (ncy: number) =>
			kingston.baseCaseload.filter((c) => c.ncy === ncy).reduce((a, c) => a + c.count.value, 0);
		for (let ncy = -4; ncy <= 0; ncy++) expect(at(kept, ncy)).toBe(cellsAt(ncy));
	});

	it('uses the authority’s own history alone when pooling is switched off', () => {
		const own = estimateDemand({
			...kingston,
			estimation: { ...kingston.estimation, pooling: 'none' }
		});
		expect(own.pooled).toBeNull();
		expect(own.uncertainty).toBeNull();
	});

	it('keeps witan.send-format datasets witan.send-compatible: no pooling, process noise only', () => {
		const witan = witanDataset(parsed(files(synthetic())), { source: 'fixtures' });
		const p = prepareDataset(witan);
		expect(p.demand.pooled).toBeNull();
		expect(p.demand.uncertainty).toBeNull();
		expect(p.defaultEstimator).toBe('pooled');
	});
});
