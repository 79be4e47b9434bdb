import { describe, expect, it } from 'vitest';
import { datasetStateSpace, estimateDemand } from '../../../../src/lib/engine/estimate';
import { baseUnitCosts, placementCost } from '../../../../src/lib/engine/costs';
import {
	createScratch,
	createStepFlows,
	stepPopulation
} from '../../../../src/lib/engine/population';
import { expectedSampler } from '../../../../src/lib/engine/sampler';
import { buildSteps } from '../../../../src/lib/engine/scenario';
import {
	WITAN_BASELINE,
	WITAN_NO_FINANCE_CAP,
	witanBaselineScenario,
	witanDataset,
	witanInputsOfDataset
} from '../../../../src/lib/io/witan/dataset';
import { validateScenario } from '../../../../src/lib/model/validate-scenario';
import { parseWitanInputs } from '../../../../src/lib/io/witan/parse-inputs';
import { writeWitanInputs } from '../../../../src/lib/io/witan/write-inputs';
import { NONSEND, REQUIRED_LEDGER_LINES } from '../../../../src/lib/model/dataset';
import { validateDataset } from '../../../../src/lib/model/validate-dataset';
import { TINY, files, parsed, synthetic } from '../../../fixtures/witan-model/inputs';

describe('witanDataset', () => {
	const inputs = parsed(files(synthetic()));
	const dataset = witanDataset(inputs, { source: 'fixtures' });

	it('is a valid dataset', () => {
		const r = validateDataset(dataset);
		expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([]);
	});

	it('starts from the setting-2 side of the last year’s transitions', () => {
		expect(dataset.baseCensus).toBe(2021);
		expect(dataset.horizonCensus).toBe(2025);
		const counts = new Map<string, number>();
		for (const t of dataset.transitions!) {
			if (t.calendarYear !== 2020 || t.setting2 === NONSEND) continue;
			const key = `${t.ncy2}/${t.need2}/${t.setting2}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		const base = new Map(
			dataset.baseCaseload.map((c) => [`${c.ncy}/${c.need}/${c.setting}`, c.count.value])
		);
		expect(base).toEqual(counts);
		expect([...base.values()].reduce((a, b) => a + b, 0)).toBe(318);
	});

	it('keeps the transitions, population, costs, settings and needs of the files', () => {
		expect(dataset.transitions).toEqual(inputs.transitions);
		expect(dataset.population).toEqual(inputs.population);
		expect(dataset.unitCosts).toEqual(inputs.unitCosts);
		expect(dataset.settings).toEqual(inputs.settings);
		expect(dataset.needs).toEqual(inputs.needs);
	});

	it('estimates from transitions with witan.send’s pooled mean by default', () => {
		expect(dataset.estimation.defaultEstimator).toBe('pooled');
		expect(estimateDemand(dataset).method).toBe('transitions');
	});

	it('derives the caseload total at each census from the transitions', () => {
		expect(dataset.history.caseloadTotal.map((r) => r.year)).toEqual([2018, 2019, 2020, 2021]);
		expect(dataset.history.caseloadTotal.at(-1)!.count.value).toBe(318);
		expect(dataset.history.caseloadTotal.every((r) => r.count.source.kind === 'derived')).toBe(
			true
		);
	});

	it('marks every ledger figure as an assumption over the whole horizon', () => {
		const years = ['2021/22', '2022/23', '2023/24', '2024/25'];
		for (const line of REQUIRED_LEDGER_LINES) {
			const figures = dataset.finance.lines[line]!;
			expect(Object.keys(figures)).toEqual(years);
			for (const fy of years) {
				expect(figures[fy].source.kind).toBe('assumption');
				expect(figures[fy].value).toBe(line === 'deficit_cap' ? WITAN_NO_FINANCE_CAP : 0);
			}
		}
		expect(dataset.finance.openingCumulativeDeficit.source.kind).toBe('assumption');
		expect(dataset.finance.savings).toEqual([]);
	});

	it('pins the first year’s HNB spend to its expected placement cost, so other spend is 0', () => {
		const pinned = dataset.finance.lines.hnb_expenditure_before_savings!;
		expect(Object.keys(pinned)).toEqual(['2021/22']);
		expect(pinned['2021/22'].source.kind).toBe('derived');
		const demand = estimateDemand(dataset, { steps: 1 });
		const [step] = buildSteps(demand, { joiners: 'pooled', leavers: 'pooled' }, [], []);
		const flows = createStepFlows(demand.space.size);
		stepPopulation(
			demand.space,
			step,
			demand.base,
			expectedSampler,
			flows,
			createScratch(demand.space)
		);
		const cost = placementCost(flows.next, baseUnitCosts(demand.space, dataset.unitCosts));
		expect(pinned['2021/22'].value).toBe(cost);
		expect(cost).toBeGreaterThan(0);
	});

	it('takes its name, authority and date from the options', () => {
		const d = witanDataset(inputs, {
			id: 'demo',
			name: 'Demo',
			authority: 'Anywhere',
			dataDate: '2021-01-21'
		});
		expect([d.id, d.name, d.authority.name, d.dataDate]).toEqual([
			'demo',
			'Demo',
			'Anywhere',
			'2021-01-21'
		]);
	});

	it('prices every state from costs.csv', () => {
		const space = datasetStateSpace(dataset);
		expect(baseUnitCosts(space, dataset.unitCosts).every((c) => c > 0)).toBe(true);
	});
});

describe('witan input export round trip', () => {
	const texts = synthetic();
	const first = parsed(files(texts));
	const dataset = witanDataset(first);

	it('gives back the same transitions, population, costs and valid states', () => {
		const written = writeWitanInputs(witanInputsOfDataset(dataset, first.settingGroups));
		const again = parseWitanInputs(written);
		if (!again.ok) throw new Error(again.errors.map((e) => e.message).join('\n'));
		expect(again.inputs.transitions).toEqual(first.transitions);
		expect(again.inputs.population).toEqual(first.population);
		expect(again.inputs.unitCosts).toEqual(first.unitCosts);
		expect(again.inputs.settings).toEqual(first.settings);
		expect(again.inputs.settingGroups).toEqual(first.settingGroups);
		expect(again.inputs.needs).toEqual(first.needs);
		expect(again.inputs.baseCaseload).toEqual(first.baseCaseload);
	});

	it('writes the same transitions text byte for byte', () => {
		const written = writeWitanInputs(witanInputsOfDataset(dataset, first.settingGroups));
		expect(written.find((f) => f.name === 'transitions.csv')!.text).toBe(texts.transitions);
	});

	it('writes each setting’s DSG category as its group when the witan groups are not given', () => {
		const tiny = parsed(files(TINY));
		const written = writeWitanInputs(witanInputsOfDataset(witanDataset(tiny)));
		const again = parseWitanInputs(written);
		if (!again.ok) throw new Error('the export did not parse');
		expect(again.inputs.settings).toEqual(tiny.settings);
		expect(again.inputs.settingGroups).toEqual({ MS: 'mainstream', SP: 'maintained_special' });
	});

	it('refuses a dataset without transitions or population', () => {
		expect(() => witanInputsOfDataset({ ...dataset, transitions: null })).toThrow(
			/witanInputsOfDataset: dataset ".*" has no transitions/
		);
		expect(() => witanInputsOfDataset({ ...dataset, population: [] })).toThrow(
			/has no general population/
		);
	});
});

describe('witanBaselineScenario', () => {
	const dataset = witanDataset(parsed(files(synthetic())), { id: 'witan-test' });

	it('is witan.send’s assumption: pooled rates, no levers, 1,000 simulations with seed 50', () => {
		const s = witanBaselineScenario(dataset);
		expect(s).toMatchObject({
			id: 'witan-test--baseline-pooled',
			name: WITAN_BASELINE,
			parentId: null,
			role: 'projection',
			demand: { estimator: 'pooled', leaverEstimator: 'pooled', flowTargets: [] },
			levers: [],
			monteCarlo: { simulations: 1000, seed: 50 }
		});
		const r = validateScenario(s, dataset);
		expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([]);
	});
});
