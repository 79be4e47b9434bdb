import { describe, expect, it } from 'vitest';
import {
	WITAN_OUTPUT_KINDS,
	parseWitanOutputs,
	witanOutputColumns,
	everyAcademicYear,
	witanOutputCsv,
	writeWitanOutputs,
	type WitanOutputsResult
} from '../../../../src/lib/io/witan/outputs';

const STATS = 'mean,std-dev,iqr,min,low-95pc-bound,q1,median,q3,high-95pc-bound,max,low-ci,high-ci';

const sims = (...v: number[]) => Float64Array.from(v);

function ok(result: WitanOutputsResult) {
	if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
	return result.outputs;
}

describe('witanOutputCsv', () => {
	it('writes exactly the witan.send columns: calendar-year, the key, then the statistics', () => {
		const headers = WITAN_OUTPUT_KINDS.map((k) => witanOutputCsv(k, []).trimEnd());
		expect(headers).toEqual([
			`calendar-year,${STATS}`,
			`calendar-year,${STATS}`,
			`calendar-year,academic-year,${STATS}`,
			`calendar-year,need,${STATS}`,
			`calendar-year,setting,${STATS}`
		]);
	});

	it('summarises a known sample: 3, 1, 4, 1, 5 (hand-computed)', () => {
		const line = witanOutputCsv('count', [{ calendarYear: 2017, values: sims(3, 1, 4, 1, 5) }])
			.split('\n')[1]
			.split(',')
			.map(Number);
		// sorted 1 1 3 4 5; mean 2.8; sample variance 12.8 / 4 = 3.2; sd/√N = √0.64 = 0.8;
		// type-7 quantiles at h = 4p: q1 = x[1] = 1, median = x[2] = 3, q3 = x[3] = 4,
		// 2.5% = x[0] + 0.1·(x[1] − x[0]) = 1, 97.5% = x[3] + 0.9·(x[4] − x[3]) = 4.9;
		// ci = 2.8 ∓ 1.96 × 0.8 = 1.232, 4.368.
		const expected = [2017, 2.8, Math.sqrt(3.2), 3, 1, 1, 1, 3, 4, 4.9, 5, 1.232, 4.368];
		expect(line).toHaveLength(expected.length);
		line.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
	});

	it('writes one row per year and key, in the order given, with the key after the year', () => {
		const text = witanOutputCsv('need', [
			{ calendarYear: 2017, key: 'SLCN', values: sims(2, 2) },
			{ calendarYear: 2017, key: 'ASD', values: sims(7) }
		]);
		expect(text.split('\n').slice(1)).toEqual([
			'2017,SLCN,2,0,0,2,2,2,2,2,2,2,2,2',
			'2017,ASD,7,0,0,7,7,7,7,7,7,7,7,7',
			''
		]);
	});

	it('lists every academic year witan.send lists, −5 to 25, in order, zeros for those not given', () => {
		const text = witanOutputCsv('ay', [
			{ calendarYear: 2017, key: 0, values: sims(7, 7) },
			{ calendarYear: 2017, key: -1, values: sims(2, 2) },
			{ calendarYear: 2018, key: 1, values: sims(3, 5) }
		]);
		const rows = text.trimEnd().split('\n').slice(1);
		expect(rows).toHaveLength(2 * 31);
		const keys = rows.map((r) => r.split(',').slice(0, 2).join(','));
		const ncys = Array.from({ length: 31 }, (_, i) => i - 5);
		expect(keys).toEqual([...ncys.map((a) => `2017,${a}`), ...ncys.map((a) => `2018,${a}`)]);
		expect(rows[4]).toBe('2017,-1,2,0,0,2,2,2,2,2,2,2,2,2');
		expect(rows[5]).toBe('2017,0,7,0,0,7,7,7,7,7,7,7,7,7');
		expect(rows[0]).toBe('2017,-5,0,0,0,0,0,0,0,0,0,0,0,0');
		expect(rows[31 + 6]).toBe('2018,1,4,' + rows[31 + 6].split(',').slice(3).join(','));
		expect(rows[61]).toBe('2018,25,0,0,0,0,0,0,0,0,0,0,0,0');
	});

	it('keeps an academic year outside −5 … 25 rather than lose it, and refuses a year given twice', () => {
		const rows = everyAcademicYear([{ calendarYear: 2017, key: 26, values: sims(1) }]);
		expect(rows.map((r) => r.key)).toEqual(Array.from({ length: 32 }, (_, i) => i - 5));
		expect(() =>
			everyAcademicYear([
				{ calendarYear: 2017, key: 3, values: sims(1) },
				{ calendarYear: 2017, key: 3, values: sims(2) }
			])
		).toThrow('everyAcademicYear: Output_AY.csv has two rows for 2017, academic year 3');
	});

	it('writes numbers plainly: no exponent, no thousands separators, −0 as 0', () => {
		const text = witanOutputCsv('cost', [
			{ calendarYear: 2030, values: sims(1e21, 1e21) },
			{ calendarYear: 2031, values: sims(1.5e-7, 1.5e-7) },
			{ calendarYear: 2032, values: sims(-0) }
		]);
		const rows = text.split('\n').slice(1);
		expect(rows[0].startsWith('2030,1000000000000000000000,0,')).toBe(true);
		expect(rows[1].startsWith('2031,0.00000015,0,')).toBe(true);
		expect(rows[2]).toBe('2032,0,0,0,0,0,0,0,0,0,0,0,0');
	});

	it('refuses a row without the key its file needs, or with one it does not take', () => {
		expect(() => witanOutputCsv('ay', [{ calendarYear: 2017, values: sims(1) }])).toThrow(
			/Output_AY.csv 2017: key must be a whole academic year/
		);
		expect(() =>
			witanOutputCsv('count', [{ calendarYear: 2017, key: 'A', values: sims(1) }])
		).toThrow(/Output_Count.csv row 0: takes no key/);
		expect(() => witanOutputCsv('need', [{ calendarYear: 2017, values: sims(1) }])).toThrow(
			/key must be a need code/
		);
	});
});

describe('writeWitanOutputs', () => {
	it('names the files as witan.send does, for the kinds given', () => {
		const files = writeWitanOutputs({
			setting: [{ calendarYear: 2017, key: 'SP16', values: sims(1) }],
			count: [{ calendarYear: 2017, values: sims(1) }]
		});
		expect(files.map((f) => f.name)).toEqual(['Output_Count.csv', 'Output_Setting.csv']);
	});
});

describe('parseWitanOutputs', () => {
	const written = writeWitanOutputs({
		count: [
			{ calendarYear: 2017, values: sims(2153, 2160, 2149.5) },
			{ calendarYear: 2018, values: sims(2250, 2301, 2277) }
		],
		cost: [{ calendarYear: 2017, values: sims(2.153e6, 2.2e6) }],
		ay: [{ calendarYear: 2017, key: -1, values: sims(1 / 3, 2 / 3) }],
		need: [{ calendarYear: 2017, key: 'ASD', values: sims(10, 11, 12) }],
		setting: [{ calendarYear: 2017, key: 'SP16', values: sims(5, 9) }]
	});

	it('reads back exactly what the writer wrote', () => {
		const outputs = ok(parseWitanOutputs(written));
		expect(Object.keys(outputs).sort()).toEqual(['ay', 'cost', 'count', 'need', 'setting']);
		expect(outputs.count!.map((r) => [r.calendarYear, r.key, r.stats.mean])).toEqual([
			[2017, null, (2153 + 2160 + 2149.5) / 3],
			[2018, null, (2250 + 2301 + 2277) / 3]
		]);
		expect(outputs.ay!).toHaveLength(31);
		const ay = outputs.ay!.find((r) => r.key === -1)!;
		expect(ay).toMatchObject({ calendarYear: 2017, key: -1, row: 6 });
		expect(ay.stats.mean).toBe((1 / 3 + 2 / 3) / 2);
		expect(outputs.ay![0]).toMatchObject({ calendarYear: 2017, key: -5, row: 2 });
		expect(outputs.ay![0].stats.mean).toBe(0);
		expect(outputs.need![0].key).toBe('ASD');
		expect(outputs.setting![0].stats['high-95pc-bound']).toBe(5 + 0.975 * 4);
	});

	it('accepts the columns in any order', () => {
		const cols = witanOutputColumns('setting');
		const reversed = [...cols].reverse();
		const values = [
			'2017',
			'SP16',
			'7',
			'2',
			'4',
			'5',
			'5.1',
			'6',
			'7',
			'8',
			'8.9',
			'9',
			'4.2',
			'9.8'
		];
		const text =
			reversed.join(',') + '\n' + reversed.map((c) => values[cols.indexOf(c)]).join(',') + '\n';
		const outputs = ok(parseWitanOutputs([{ name: 'run/Output_Setting.csv', text }]));
		expect(outputs.setting![0]).toMatchObject({
			calendarYear: 2017,
			key: 'SP16',
			stats: { mean: 7, 'std-dev': 2, median: 7, 'high-ci': 9.8 }
		});
	});

	it('is strict on column names, naming file, row and column, a misspelt column once', () => {
		const text = `calendar-year,mean,std_dev,iqr,min,low-95pc-bound,q1,median,q3,high-95pc-bound,max,low-ci,high-ci\n`;
		const result = parseWitanOutputs([
			{ name: 'Output_Count.csv', text: text + '2017,1,0,0,1,1,1,1,1,1,1,1,1\n' }
		]);
		expect(result.ok).toBe(false);
		const messages = result.ok ? [] : result.errors.map((e) => e.message);
		// One mistake, one error (it was listed twice: "unexpected std_dev" and "missing std-dev").
		expect(messages).toEqual([
			'Output_Count.csv, row 1, column "std_dev": expected a column std-dev ' +
				`(header calendar-year,${STATS}), got "std_dev" in its place`
		]);
	});

	it('names file, row and column of a value that is not a number, and of a repeated row', () => {
		const lines = written[0].text.split('\n');
		lines[2] = lines[2].replace(/^2018,[^,]+,/, '2018,n/a,');
		lines.push(lines[1]); // after the final line break: line 5, a blank line 4 between
		const result = parseWitanOutputs([{ name: 'Output_Count.csv', text: lines.join('\n') }]);
		expect(result.ok ? [] : result.errors.map((e) => `${e.row}:${e.column}:${e.got}`)).toEqual([
			'3:mean:"n/a"',
			'5:calendar-year:a second row for 2017 (first at row 2)'
		]);
	});

	it('ignores other files with a warning, and refuses a set with no output file', () => {
		const r = parseWitanOutputs([...written, { name: 'Output_AY_State.csv', text: 'x\n1\n' }]);
		expect(r.ok && r.warnings.map((w) => w.file)).toEqual(['Output_AY_State.csv']);
		const none = parseWitanOutputs([{ name: 'notes.txt', text: 'hello' }]);
		expect(none.ok).toBe(false);
	});
});
