import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios } from '$lib/data/kingston-scenarios';
import { witanBaselineScenario, witanDataset } from '$lib/io/witan/dataset';
import { runWitan, runWitanScenario } from '$lib/io/witan/run';
import { movedOnCounter } from '$lib/engine/witan-moved-on';
import { compile, prepareDataset } from '$lib/engine/workbench';
import { WITAN_OUTPUT_KINDS, writeWitanOutputs } from '$lib/io/witan/outputs';
import { createWitanWorkerApi } from '../../workers/witan-api';
import { files, parsed, synthetic } from '../fixtures/witan-model/inputs';
import { replaceRow } from '../fixtures/witan/inputs';

const texts = synthetic();
const good = files(texts);

describe('readInputs', () => {
	it('makes a dataset with the id given and witan.send’s pooled scenario', () => {
		const r = createWitanWorkerApi().readInputs(good, { id: 'witan-x', source: 'my folder' });
		if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
		expect(r.dataset).toEqual(
			witanDataset(parsed(good), {
				id: 'witan-x',
				name: 'witan.send inputs from my folder (base January 2021)',
				source: 'my folder'
			})
		);
		expect(r.scenario).toEqual(witanBaselineScenario(r.dataset));
	});

	it('names a dataset by its base census, a suffix and the folder it came from', () => {
		const r = createWitanWorkerApi().readInputs(good, { suffix: 'ab12', source: 'demo' });
		expect(r.ok && [r.dataset.id, r.dataset.name]).toEqual([
			'witan-send-2021-ab12',
			'witan.send inputs from demo (base January 2021)'
		]);
		const plain = createWitanWorkerApi().readInputs(good, {});
		expect(plain.ok && [plain.dataset.id, plain.dataset.name]).toEqual([
			'witan-send-2021',
			'witan.send inputs (base January 2021)'
		]);
	});

	it('returns every problem as plain data naming file, row and column, and nothing else', () => {
		const broken = files({
			...texts,
			transitions: replaceRow(texts.transitions, 3, '2018,MAIN,ASD,x,MAIN,ASD,0'),
			costs: replaceRow(texts.costs, 2, 'ASD,MAIN,lots')
		});
		const r = createWitanWorkerApi().readInputs(broken, { id: 'witan-y' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r).not.toHaveProperty('dataset');
		expect(r.errorCount).toBe(2);
		expect(r.errors.map(({ file, row, column }) => ({ file, row, column }))).toEqual([
			{ file: 'transitions.csv', row: 3, column: 'academic-year-1' },
			{ file: 'costs.csv', row: 2, column: 'cost' }
		]);
		expect(r.errors[0].message).toContain('transitions.csv, row 3, column "academic-year-1"');
		// Plain objects, so that they survive a worker's structured clone whole.
		expect(structuredClone(r.errors)).toEqual(r.errors);
	});

	it('names a missing file', () => {
		const r = createWitanWorkerApi().readInputs(good.slice(1), { id: 'witan-z' });
		expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
			'transitions.csv: expected the file transitions.csv among the files, got only population.csv, costs.csv, valid-states.csv'
		]);
	});
});

describe('writeInputs', () => {
	it('writes back the four files of an imported dataset with their exact headers', () => {
		const api = createWitanWorkerApi();
		const r = api.readInputs(good, { id: 'witan-x' });
		if (!r.ok) throw new Error('fixture');
		const out = api.writeInputs(r.dataset);
		expect(out.map((f) => [f.name, f.text.split('\n')[0]])).toEqual([
			[
				'transitions.csv',
				'calendar-year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2'
			],
			['population.csv', 'calendar-year,academic-year,population'],
			['costs.csv', 'need,setting,cost'],
			[
				'valid-states.csv',
				'setting,setting-group,min-academic-year,max-academic-year,needs,setting->setting'
			]
		]);
		// witan's free-text setting-group is not kept in a dataset: each setting's DSG category is
		// written instead (here `other`); everything else reads back as it was.
		const { settingGroups, ...back } = parsed(out);
		const { settingGroups: original, ...given } = parsed(good);
		expect(back).toEqual(given);
		expect(Object.keys(settingGroups)).toEqual(Object.keys(original));
		expect(new Set(Object.values(settingGroups))).toEqual(new Set(['other']));
	});

	it('refuses a dataset with no child-level transitions, saying why', () => {
		expect(() => createWitanWorkerApi().writeInputs(kingstonDataset())).toThrow(
			/has no transitions, so it cannot be written as witan.send inputs/
		);
	});
});

describe('runOutputs', () => {
	const dataset = witanDataset(parsed(good), { id: 'witan-x' });

	it('writes the five output files of the scenario, and their statistics as they read back', () => {
		const api = createWitanWorkerApi();
		const progress: number[] = [];
		const run = api.runOutputs(
			dataset,
			witanBaselineScenario(dataset),
			{ sims: 120, seed: 50 },
			(done) => progress.push(done)
		);
		expect(run.files).toEqual(
			writeWitanOutputs(runWitan(dataset, { sims: 120, seed: 50 }).outputs)
		);
		expect(run.files.map((f) => f.name)).toEqual([
			'Output_Count.csv',
			'Output_Cost.csv',
			'Output_AY.csv',
			'Output_Need.csv',
			'Output_Setting.csv'
		]);
		expect(Object.keys(run.outputs)).toEqual([...WITAN_OUTPUT_KINDS]);
		expect(run.outputs.count.map((r) => r.calendarYear)).toEqual(run.censuses);
		expect(run.outputs.count[0].stats.median).toBe(318);
		// At most 50 reports, the last one at N.
		expect(progress.length).toBeLessThanOrEqual(50);
		expect(progress.at(-1)).toBe(120);
		expect(run).toMatchObject({ sims: 120, seed: 50, estimator: 'pooled' });
	});

	it('says per projected census how many children moved on past their setting’s last year (witan.send drops them)', () => {
		const scenario = witanBaselineScenario(dataset);
		const run = createWitanWorkerApi().runOutputs(dataset, scenario, { sims: 40, seed: 5 });
		const counter = movedOnCounter(compile(prepareDataset(dataset), scenario));
		runWitanScenario(compile(prepareDataset(dataset), scenario), {
			sims: 40,
			seed: 5,
			visit: counter.visit
		});
		expect(run.movedOn).toEqual(counter.result());
		expect(run.movedOn.map((r) => r.census)).toEqual(run.censuses.slice(1));
		expect(run.movedOn.some((r) => r.children > 0)).toBe(true);
	});

	it('runs any dataset’s scenario, Kingston’s too', () => {
		const kingston = kingstonDataset();
		const scenario = kingstonScenarios().find((s) => s.name === BASELINE_TREND)!;
		const run = createWitanWorkerApi().runOutputs(kingston, scenario, { sims: 5, seed: 1 });
		expect(run.censuses[0]).toBe(kingston.baseCensus);
		expect(run.scenarioName).toBe(BASELINE_TREND);
		expect(run.outputs.setting.length).toBe(run.censuses.length * kingston.settings.length);
	});
});

describe('readOutputs', () => {
	it('reads output files, ignoring others with a warning', () => {
		const count = writeWitanOutputs(runWitan(dataset(), { sims: 3, seed: 1 }).outputs)[0];
		const r = createWitanWorkerApi().readOutputs([count, { name: 'notes.txt', text: 'hello' }]);
		if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
		expect(Object.keys(r.outputs)).toEqual(['count']);
		expect(r.files).toEqual(['Output_Count.csv', 'notes.txt']);
		expect(r.warnings).toEqual([
			'notes.txt: not one of Output_Count.csv, Output_Cost.csv, Output_AY.csv, Output_Need.csv, Output_Setting.csv: ignored'
		]);
	});

	it('refuses a bad cell, naming file, row and column', () => {
		const r = createWitanWorkerApi().readOutputs([
			{
				name: 'Output_Count.csv',
				text:
					'calendar-year,mean,std-dev,iqr,min,low-95pc-bound,q1,median,q3,high-95pc-bound,max,low-ci,high-ci\n' +
					'2018,1,1,1,1,1,1,many,1,1,1,1,1\n'
			}
		]);
		expect(r.ok ? [] : r.errors.map((e) => [e.file, e.row, e.column])).toEqual([
			['Output_Count.csv', 2, 'median']
		]);
	});

	function dataset() {
		return witanDataset(parsed(good));
	}
});
