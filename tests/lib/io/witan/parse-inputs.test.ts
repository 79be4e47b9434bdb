import { describe, expect, it } from 'vitest';
import {
	parseWitanInputs,
	type WitanInputsResult
} from '../../../../src/lib/io/witan/parse-inputs';
import type { ImportError } from '../../../../src/lib/io/witan/csv';
import {
	COSTS,
	POPULATION,
	TRANSITIONS,
	VALID_STATES,
	addRows,
	inputFiles,
	populationText,
	replaceRow
} from '../../../fixtures/witan/inputs';

function ok(result: WitanInputsResult) {
	if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
	return result;
}

function errors(result: WitanInputsResult): ImportError[] {
	if (result.ok) throw new Error('expected the import to fail, but it succeeded');
	return result.errors;
}

describe('parseWitanInputs on well-formed files', () => {
	const { inputs, warnings } = ok(parseWitanInputs(inputFiles()));

	it('keeps witan setting codes verbatim as ids and names, with their NCY range, needs and moves', () => {
		expect(inputs.settings).toEqual([
			{
				id: 'MMSIB',
				name: 'MMSIB',
				group: 'mainstream',
				minNcy: -1,
				maxNcy: 11,
				needs: ['ASD', 'SLCN'],
				destinations: ['MMSIB', 'SP16']
			},
			{
				id: 'SP16',
				name: 'SP16',
				group: 'other',
				minNcy: 0,
				maxNcy: 13,
				needs: ['ASD'],
				destinations: ['MMSIB', 'SP16']
			}
		]);
	});

	it('maps a setting-group that is a DSG category to it, others to "other", and keeps the original', () => {
		expect(inputs.settingGroups).toEqual({ MMSIB: 'mainstream', SP16: 'group2' });
	});

	it('maps setting-groups through options.groups when given', () => {
		const mapped = ok(parseWitanInputs(inputFiles(), { groups: { group2: 'maintained_special' } }));
		expect(mapped.inputs.settings.map((s) => s.group)).toEqual([
			'mainstream',
			'maintained_special'
		]);
		expect(mapped.inputs.settingGroups.SP16).toBe('group2');
	});

	it('lists the needs of valid-states in order of first appearance', () => {
		expect(inputs.needs).toEqual(['ASD', 'SLCN']);
	});

	it('reads one transition per row, NONSEND marking joiners and leavers', () => {
		expect(inputs.transitions).toHaveLength(8);
		expect(inputs.transitions[1]).toEqual({
			calendarYear: 2019,
			setting1: 'NONSEND',
			need1: 'NONSEND',
			ncy1: 4,
			setting2: 'SP16',
			need2: 'ASD',
			ncy2: 5
		});
	});

	it('starts from the census after the last transitions year and ends at the last population year', () => {
		expect(inputs.baseCensus).toBe(2021);
		expect(inputs.horizonCensus).toBe(2022);
	});

	it('takes the base caseload from the setting-2 side of the last year, leavers excluded', () => {
		expect(inputs.baseCaseload.map((c) => [c.setting, c.need, c.ncy, c.count.value])).toEqual([
			['MMSIB', 'ASD', 5, 1],
			['MMSIB', 'SLCN', 3, 1],
			['SP16', 'ASD', 6, 1],
			['SP16', 'ASD', 8, 1]
		]);
		expect(inputs.baseCaseload[0].count.source).toEqual({
			kind: 'import',
			file: 'transitions.csv'
		});
	});

	it('adds children in the same state together in the base caseload', () => {
		const twice = addRows(TRANSITIONS, '2020,MMSIB,ASD,4,MMSIB,ASD,5');
		const r = ok(parseWitanInputs(inputFiles({ 'transitions.csv': twice })));
		expect(r.inputs.baseCaseload[0].count.value).toBe(2);
		expect(r.inputs.baseCaseload.reduce((s, c) => s + c.count.value, 0)).toBe(5);
	});

	it('reads the population by year and NCY, each figure imported from its row', () => {
		expect(inputs.population).toHaveLength(60);
		expect(inputs.population[0]).toEqual({
			year: 2019,
			ncy: -1,
			population: { value: 990, source: { kind: 'import', file: 'population.csv', row: 2 } }
		});
	});

	it('reads need-specific costs in pounds, each imported from its row', () => {
		expect(inputs.unitCosts).toEqual([
			{
				setting: 'MMSIB',
				need: 'ASD',
				cost: { value: 6000, source: { kind: 'import', file: 'costs.csv', row: 2 } }
			},
			{
				setting: 'MMSIB',
				need: 'SLCN',
				cost: { value: 5500.5, source: { kind: 'import', file: 'costs.csv', row: 3 } }
			},
			{
				setting: 'SP16',
				need: 'ASD',
				cost: { value: 23000, source: { kind: 'import', file: 'costs.csv', row: 4 } }
			}
		]);
	});

	it('has nothing to warn about', () => {
		expect(warnings).toEqual([]);
	});

	it('finds files by base name in any folder and tolerates CRLF, a BOM and reordered columns', () => {
		const files = inputFiles({
			'costs.csv':
				'\ufeffsetting,cost,need\r\nMMSIB,6000,ASD\r\nMMSIB,5500.5,SLCN\r\nSP16,23000,ASD\r\n'
		}).map((f) => ({ ...f, name: `demo/${f.name}` }));
		const r = ok(parseWitanInputs(files));
		expect(r.inputs.unitCosts.map((c) => [c.need, c.setting, c.cost.value])).toEqual([
			['ASD', 'MMSIB', 6000],
			['SLCN', 'MMSIB', 5500.5],
			['ASD', 'SP16', 23000]
		]);
		expect(r.inputs.unitCosts[0].cost.source).toEqual({
			kind: 'import',
			file: 'demo/costs.csv',
			row: 2
		});
	});

	it('ignores other files with a warning', () => {
		const r = ok(parseWitanInputs([...inputFiles(), { name: 'README.md', text: '# hi' }]));
		expect(r.warnings).toEqual([
			expect.objectContaining({ file: 'README.md', message: expect.stringContaining('ignored') })
		]);
	});
});

/** A malformed input, and where its error must point. */
interface Case {
	name: string;
	replace: Partial<Record<string, string | null>>;
	file: string;
	row: number | null;
	column: string | null;
	/** Words the message must contain besides file, row and column. */
	says: string[];
}

const CASES: Case[] = [
	{
		name: 'a missing file',
		replace: { 'costs.csv': null },
		file: 'costs.csv',
		row: null,
		column: null,
		says: ['expected the file costs.csv']
	},
	{
		name: 'a wrongly named column',
		replace: {
			'transitions.csv': replaceRow(
				TRANSITIONS,
				1,
				'calendar_year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2'
			)
		},
		file: 'transitions.csv',
		row: 1,
		column: 'calendar_year',
		// Once, as the column it stands in for (not also as an unexpected and a missing column).
		says: ['expected a column calendar-year', 'got "calendar_year" in its place']
	},
	{
		name: 'a missing column',
		replace: { 'population.csv': 'calendar-year,academic-year\n2019,1\n' },
		file: 'population.csv',
		row: 1,
		column: 'population',
		says: ['expected a column population']
	},
	{
		name: 'an extra column',
		replace: { 'costs.csv': 'need,setting,cost,note\nASD,MMSIB,6000,x\n' },
		file: 'costs.csv',
		row: 1,
		column: 'note',
		says: ['unexpected column "note"']
	},
	{
		name: 'no header row at all',
		replace: { 'costs.csv': 'ASD,MMSIB,6000\nASD,SP16,23000\n' },
		file: 'costs.csv',
		row: 1,
		column: 'ASD',
		says: ['only the columns need,setting,cost']
	},
	{
		name: 'a non-integer year',
		replace: {
			'transitions.csv': replaceRow(TRANSITIONS, 3, '2019.5,NONSEND,NONSEND,4,SP16,ASD,5')
		},
		file: 'transitions.csv',
		row: 3,
		column: 'calendar-year',
		says: ['whole calendar year', 'got "2019.5"']
	},
	{
		name: 'a non-integer NCY',
		replace: { 'transitions.csv': replaceRow(TRANSITIONS, 5, '2020,MMSIB,ASD,four,MMSIB,ASD,5') },
		file: 'transitions.csv',
		row: 5,
		column: 'academic-year-1',
		says: ['whole academic year', 'got "four"']
	},
	{
		name: 'an NCY outside −5…25',
		replace: {
			'transitions.csv': replaceRow(TRANSITIONS, 9, '2020,SP16,ASD,25,NONSEND,NONSEND,26')
		},
		file: 'transitions.csv',
		row: 9,
		column: 'academic-year-2',
		says: ['from -5 to 25', 'got "26"']
	},
	{
		name: 'a negative population',
		replace: { 'population.csv': replaceRow(POPULATION, 4, '2019,1,-10') },
		file: 'population.csv',
		row: 4,
		column: 'population',
		says: ['a number ≥ 0', 'got "-10"']
	},
	{
		name: 'a non-numeric population',
		replace: { 'population.csv': replaceRow(POPULATION, 4, '2019,1,"1,010"') },
		file: 'population.csv',
		row: 4,
		column: 'population',
		says: ['thousands separators', 'got "1,010"']
	},
	{
		name: 'a negative cost',
		replace: { 'costs.csv': replaceRow(COSTS, 3, 'SLCN,MMSIB,-5') },
		file: 'costs.csv',
		row: 3,
		column: 'cost',
		says: ['a number ≥ 0', 'got "-5"']
	},
	{
		name: 'a non-numeric cost',
		replace: { 'costs.csv': replaceRow(COSTS, 4, 'ASD,SP16,£23000') },
		file: 'costs.csv',
		row: 4,
		column: 'cost',
		says: ['£ per placement per year', 'got "£23000"']
	},
	{
		name: 'a cost of 1 followed by 308 zeros (finite, but it would overflow the projection)',
		replace: { 'costs.csv': replaceRow(COSTS, 4, `ASD,SP16,1${'0'.repeat(308)}`) },
		file: 'costs.csv',
		row: 4,
		column: 'cost',
		says: ['a number from 0 to 2,000,000', 'got "1000']
	},
	{
		name: 'a population of 1e308',
		replace: { 'population.csv': replaceRow(POPULATION, 4, '2019,1,1e308') },
		file: 'population.csv',
		row: 4,
		column: 'population',
		says: ['a number from 0 to 10,000,000', 'got "1e308"']
	},
	{
		name: 'a duplicate cost row',
		replace: { 'costs.csv': addRows(COSTS, 'ASD,MMSIB,7000') },
		file: 'costs.csv',
		row: 5,
		column: 'setting',
		says: ['one row per need and setting', 'first at row 2']
	},
	{
		name: 'a cost for a setting valid-states does not list',
		replace: { 'costs.csv': addRows(COSTS, 'ASD,XX,7000') },
		file: 'costs.csv',
		row: 5,
		column: 'setting',
		says: ['listed in valid-states.csv', 'got "XX"']
	},
	{
		name: 'an unknown setting in transitions',
		replace: { 'transitions.csv': replaceRow(TRANSITIONS, 6, '2020,SP17,ASD,5,SP16,ASD,6') },
		file: 'transitions.csv',
		row: 6,
		column: 'setting-1',
		says: ['a setting listed in valid-states.csv', 'got "SP17"']
	},
	{
		name: 'an unknown need in transitions',
		replace: { 'transitions.csv': replaceRow(TRANSITIONS, 6, '2020,SP16,ASD,5,SP16,ADHD,6') },
		file: 'transitions.csv',
		row: 6,
		column: 'need-2',
		says: ['a need listed in valid-states.csv', 'got "ADHD"']
	},
	{
		name: 'a child joining and leaving at once',
		replace: {
			'transitions.csv': replaceRow(TRANSITIONS, 7, '2020,NONSEND,NONSEND,2,NONSEND,NONSEND,3')
		},
		file: 'transitions.csv',
		row: 7,
		column: 'setting-2',
		says: ['NONSEND → NONSEND']
	},
	{
		name: 'a NONSEND setting with a real need',
		replace: { 'transitions.csv': replaceRow(TRANSITIONS, 7, '2020,NONSEND,ASD,2,MMSIB,SLCN,3') },
		file: 'transitions.csv',
		row: 7,
		column: 'need-1',
		says: ['as setting-1 is NONSEND', 'got "ASD"']
	},
	{
		name: 'population missing for a projected year',
		replace: { 'population.csv': populationText((y, a) => !(y === 2022 && a === 5)) },
		file: 'population.csv',
		row: null,
		column: 'academic-year',
		says: ['calendar-year 2022', 'none for academic year 5']
	},
	{
		name: 'population that ends before anything can be projected',
		replace: { 'population.csv': populationText((y) => y <= 2021) },
		file: 'population.csv',
		row: null,
		column: 'calendar-year',
		says: ['after the base census 2021', 'a last year of 2021']
	},
	{
		name: 'a duplicate population row',
		replace: { 'population.csv': addRows(POPULATION, '2020,3,999') },
		file: 'population.csv',
		row: 62,
		column: 'academic-year',
		says: ['one row per calendar-year and academic-year', 'first at row 21']
	},
	{
		name: 'an empty file',
		replace: { 'valid-states.csv': '' },
		file: 'valid-states.csv',
		row: null,
		column: null,
		says: ['an empty file']
	},
	{
		name: 'a file with a header and no rows',
		replace: { 'costs.csv': 'need,setting,cost\n' },
		file: 'costs.csv',
		row: null,
		column: null,
		says: ['at least one data row']
	},
	{
		name: 'a file that is not CSV',
		replace: { 'transitions.csv': 'PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml' },
		file: 'transitions.csv',
		row: null,
		column: null,
		says: ['a CSV text file', 'binary']
	},
	{
		name: 'an unclosed quote',
		replace: { 'costs.csv': replaceRow(COSTS, 3, 'SLCN,"MMSIB,5500.5') },
		file: 'costs.csv',
		row: 3,
		column: 'setting',
		says: ['a closed quoted value']
	},
	{
		name: 'a row with too few values',
		replace: { 'transitions.csv': replaceRow(TRANSITIONS, 4, '2019,SP16,ASD,12,NONSEND,NONSEND') },
		file: 'transitions.csv',
		row: 4,
		column: 'academic-year-2',
		says: ['7 fields', 'got 6']
	},
	{
		name: 'a setting whose NCY range is upside down',
		replace: {
			'valid-states.csv': replaceRow(VALID_STATES, 3, 'SP16,group2,13,0,"ASD","MMSIB,SP16"')
		},
		file: 'valid-states.csv',
		row: 3,
		column: 'max-academic-year',
		says: ['≥ min-academic-year (13)', 'got 0']
	},
	{
		name: 'a move to a setting valid-states does not define',
		replace: {
			'valid-states.csv': replaceRow(VALID_STATES, 3, 'SP16,group2,0,13,"ASD","MMSIB,SP19"')
		},
		file: 'valid-states.csv',
		row: 3,
		column: 'setting->setting',
		says: ['settings listed in the setting column', 'got "SP19"']
	},
	{
		name: 'a setting code a spreadsheet would read as a formula',
		replace: {
			'valid-states.csv': replaceRow(VALID_STATES, 3, '=SP16,group2,0,13,"ASD","MMSIB,SP16"')
		},
		file: 'valid-states.csv',
		row: 3,
		column: 'setting',
		says: ['not beginning with =', 'got "=SP16"']
	}
];

describe('parseWitanInputs on malformed files', () => {
	it('lists a misspelt column once, and a file with no header row once per column found', () => {
		const misspelt = parseWitanInputs(
			inputFiles({
				'transitions.csv': replaceRow(
					TRANSITIONS,
					1,
					'calendar_year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2'
				)
			})
		);
		expect(errors(misspelt).filter((e) => e.file === 'transitions.csv')).toHaveLength(1);
		const noHeader = parseWitanInputs(
			inputFiles({ 'costs.csv': 'ASD,MMSIB,6000\nASD,SP16,23000\n' })
		);
		expect(errors(noHeader).filter((e) => e.file === 'costs.csv')).toHaveLength(3);
	});

	it.each(CASES)('refuses $name, naming file, row and column', (c) => {
		const result = parseWitanInputs(inputFiles(c.replace));
		const found = errors(result).find((e) => e.file === c.file && e.column === c.column);
		expect(
			found,
			errors(result)
				.map((e) => e.message)
				.join('\n')
		).toBeDefined();
		expect(found!.row).toBe(c.row);
		expect(found!.message.startsWith(c.file)).toBe(true);
		// Rows a reader could not split into columns are named as lines; both count from the header.
		if (c.row !== null) expect(found!.message).toMatch(new RegExp(`(row|line) ${c.row}\\b`));
		if (c.column !== null) expect(found!.message).toContain(`column ${JSON.stringify(c.column)}`);
		for (const words of c.says) expect(found!.message).toContain(words);
	});

	it('returns nothing but the errors when there is one', () => {
		const result = parseWitanInputs(
			inputFiles({ 'costs.csv': replaceRow(COSTS, 3, 'SLCN,MMSIB,-5') })
		);
		expect(Object.keys(result).sort()).toEqual(['errorCount', 'errors', 'ok', 'warnings']);
	});

	it('collects the errors of every file together', () => {
		const result = parseWitanInputs(
			inputFiles({
				'costs.csv': replaceRow(COSTS, 3, 'SLCN,MMSIB,-5'),
				'population.csv': replaceRow(POPULATION, 4, '2019,1,-10'),
				'transitions.csv': replaceRow(TRANSITIONS, 5, '2020,MMSIB,ASD,four,MMSIB,ASD,5')
			})
		);
		expect(errors(result).map((e) => `${e.file}:${e.row}:${e.column}`)).toEqual([
			'transitions.csv:5:academic-year-1',
			'population.csv:4:population',
			'costs.csv:3:cost'
		]);
	});

	it('returns at most maxErrors errors but counts them all', () => {
		const bad = Array.from({ length: 30 }, () => '2020,SP16,ASD,x,SP16,ASD,6');
		const result = parseWitanInputs(
			inputFiles({ 'transitions.csv': addRows(TRANSITIONS, ...bad) })
		);
		expect(errors(result)).toHaveLength(20);
		expect(result.ok === false && result.errorCount).toBe(30);
	});

	it('still checks transitions syntax when valid-states is broken, without cascading unknown codes', () => {
		const result = parseWitanInputs(
			inputFiles({
				'valid-states.csv': replaceRow(
					VALID_STATES,
					2,
					'MMSIB,mainstream,-1,x,"ASD,SLCN","MMSIB,SP16"'
				),
				'transitions.csv': replaceRow(TRANSITIONS, 5, '2020,MMSIB,ASD,four,MMSIB,ASD,5')
			})
		);
		expect(errors(result).map((e) => `${e.file}:${e.row}:${e.column}`)).toEqual([
			'valid-states.csv:2:max-academic-year',
			'transitions.csv:5:academic-year-1'
		]);
	});

	it('numbers rows by line in the file, counting blank lines and quoted line breaks', () => {
		const costs =
			'need,setting,cost\n\n"ASD",MMSIB,6000\n"SLCN",MMSIB,"5500.5"\n\nASD,SP16,"23\n000"\n';
		const result = parseWitanInputs(inputFiles({ 'costs.csv': addRows(costs, 'ASD,SP16,-1') }));
		expect(errors(result).map((e) => `${e.row}:${e.column}`)).toEqual(['6:cost', '8:cost']);
	});
});

describe('parseWitanInputs warnings', () => {
	it('warns about, but counts, a child in a state outside its setting’s NCY range', () => {
		const t = replaceRow(TRANSITIONS, 5, '2020,MMSIB,ASD,11,MMSIB,ASD,12');
		const r = ok(parseWitanInputs(inputFiles({ 'transitions.csv': t })));
		expect(r.warnings).toEqual([
			expect.objectContaining({
				file: 'transitions.csv',
				row: 5,
				column: 'academic-year-2',
				count: 1,
				message: expect.stringContaining('outside the -1 to 11')
			})
		]);
		expect(r.inputs.baseCaseload.find((c) => c.setting === 'MMSIB' && c.ncy === 12)).toBeDefined();
	});

	it('gathers rows with the same oddity into one warning with a count', () => {
		const t = addRows(TRANSITIONS, '2020,SP16,SLCN,5,SP16,SLCN,6', '2020,SP16,SLCN,6,SP16,SLCN,7');
		const r = ok(parseWitanInputs(inputFiles({ 'transitions.csv': t })));
		const needWarnings = r.warnings.filter((w) => w.message.includes('does not list'));
		expect(needWarnings).toEqual([
			expect.objectContaining({ row: 10, column: 'need-1', count: 2 })
		]);
	});

	it('warns when an NCY does not go up by one, and about moves valid-states does not allow', () => {
		const vs = replaceRow(VALID_STATES, 2, 'MMSIB,mainstream,-1,11,"ASD,SLCN","MMSIB"');
		const t = replaceRow(TRANSITIONS, 2, '2019,MMSIB,ASD,3,MMSIB,ASD,3');
		const r = ok(parseWitanInputs(inputFiles({ 'transitions.csv': t, 'valid-states.csv': vs })));
		expect(r.warnings.map((w) => `${w.row}:${w.column}`)).toEqual([
			'2:academic-year-2',
			'8:setting-2'
		]);
	});

	it('warns when a state of the base caseload has no cost', () => {
		const r = ok(
			parseWitanInputs(inputFiles({ 'costs.csv': COSTS.replace('SLCN,MMSIB,5500.5\n', '') }))
		);
		expect(r.warnings).toEqual([
			expect.objectContaining({
				file: 'costs.csv',
				column: 'cost',
				message: expect.stringContaining('need SLCN in setting MMSIB (1)')
			})
		]);
	});

	it('warns when a transitions year is missing in the middle of the history', () => {
		const t = addRows(TRANSITIONS.replace(/\n2019,[^\n]*/g, ''), '2017,MMSIB,ASD,1,MMSIB,ASD,2');
		const pop = addRows(
			POPULATION,
			...[2017, 2018].flatMap((y) => Array.from({ length: 15 }, (_, i) => `${y},${i - 1},900`))
		);
		const r = ok(parseWitanInputs(inputFiles({ 'transitions.csv': t, 'population.csv': pop })));
		expect(r.warnings).toEqual([
			expect.objectContaining({
				column: 'calendar-year',
				message: expect.stringContaining('2018, 2019')
			})
		]);
	});
});
