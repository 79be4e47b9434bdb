import { describe, expect, it } from 'vitest';
import { parseWitanInputs, type WitanInputs } from '../../../../src/lib/io/witan/parse-inputs';
import { writeWitanInputs } from '../../../../src/lib/io/witan/write-inputs';
import { imported } from '../../../../src/lib/model/provenance';
import type { SettingDef } from '../../../../src/lib/model/dataset';
import { inputFiles } from '../../../fixtures/witan/inputs';

function parsed(files = inputFiles()): WitanInputs {
	const r = parseWitanInputs(files);
	if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
	return r.inputs;
}

const text = (files: { name: string; text: string }[], name: string) =>
	files.find((f) => f.name === name)!.text;

describe('writeWitanInputs', () => {
	const files = writeWitanInputs(parsed());

	it('writes the four files with witan.send’s exact headers', () => {
		expect(files.map((f) => [f.name, f.text.split('\n')[0]])).toEqual([
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
	});

	it('writes valid-states with quoted comma lists and the original setting-group', () => {
		expect(text(files, 'valid-states.csv')).toBe(
			'setting,setting-group,min-academic-year,max-academic-year,needs,setting->setting\n' +
				'MMSIB,mainstream,-1,11,"ASD,SLCN","MMSIB,SP16"\n' +
				'SP16,group2,0,13,"ASD","MMSIB,SP16"\n'
		);
	});

	it('writes numbers plainly', () => {
		expect(text(files, 'costs.csv')).toBe(
			'need,setting,cost\nASD,MMSIB,6000\nSLCN,MMSIB,5500.5\nASD,SP16,23000\n'
		);
		expect(text(files, 'transitions.csv').split('\n')[3]).toBe(
			'2019,SP16,ASD,12,NONSEND,NONSEND,13'
		);
	});

	it('round-trips: parse → write → parse gives identical data', () => {
		expect(parsed(files)).toEqual(parsed());
	});

	it('round-trips: write → parse → write gives identical bytes', () => {
		expect(writeWitanInputs(parsed(files))).toEqual(files);
	});

	it('writes a dataset’s settings: DSG group when no witan group, every need and setting for null lists', () => {
		const settings: SettingDef[] = [
			{
				id: 'mainstream',
				name: 'Mainstream',
				group: 'mainstream',
				minNcy: 0,
				maxNcy: 11,
				needs: null,
				destinations: null
			},
			{
				id: 'special',
				name: 'Special',
				group: 'maintained_special',
				minNcy: 0,
				maxNcy: 14,
				needs: ['ASD'],
				destinations: ['special']
			}
		];
		const out = writeWitanInputs({
			settings,
			needs: ['ASD', 'SEMH'],
			transitions: [],
			population: [],
			unitCosts: [{ setting: 'mainstream', need: null, cost: imported(7000, 'x') }]
		});
		expect(text(out, 'valid-states.csv').split('\n').slice(1, 3)).toEqual([
			'mainstream,mainstream,0,11,"ASD,SEMH","mainstream,special"',
			'special,maintained_special,0,14,"ASD","special"'
		]);
		expect(text(out, 'costs.csv')).toBe(
			'need,setting,cost\nASD,mainstream,7000\nSEMH,mainstream,7000\n'
		);
	});

	it('neutralises text a spreadsheet would read as a formula, but not negative numbers', () => {
		const inputs = parsed();
		const out = writeWitanInputs({
			...inputs,
			settings: [{ ...inputs.settings[0], needs: ['@SLCN', 'ASD'] }]
		});
		expect(text(out, 'valid-states.csv').split('\n')[1]).toBe(
			'MMSIB,mainstream,-1,11,"\'@SLCN,ASD","MMSIB,SP16"'
		);
		const t = writeWitanInputs({
			...inputs,
			transitions: [{ ...inputs.transitions[0], need1: '=HYPERLINK()', ncy1: -3 }]
		});
		expect(text(t, 'transitions.csv').split('\n')[1]).toBe(
			"2019,MMSIB,'=HYPERLINK(),-3,MMSIB,ASD,4"
		);
	});

	it('refuses codes that valid-states.csv cannot hold', () => {
		const inputs = parsed();
		expect(() => writeWitanInputs({ ...inputs, needs: ['ASD', 'A,B'] })).toThrow(
			/writeWitanInputs: a need code .* got "A,B"/
		);
		expect(() =>
			writeWitanInputs({ ...inputs, settings: [{ ...inputs.settings[0], id: 'NONSEND' }] })
		).toThrow(/writeWitanInputs: a setting code/);
	});
});
