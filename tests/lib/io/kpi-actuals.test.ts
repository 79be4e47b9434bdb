import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import {
	applyKpiActuals,
	kpiActualsTemplate,
	readKpiActuals,
	readKpiValue
} from '$lib/io/kpi-actuals';
import { withActual } from '$lib/engine/kpi-history';
import { imported } from '$lib/model/provenance';

const kpis = kingstonDataset().kpis;

describe('reading values in a KPI’s unit', () => {
	it('reads counts, pounds with £ and separators, and percentages with % or as fractions', () => {
		expect(readKpiValue('1,462', 'count')).toBe(1462);
		expect(readKpiValue('-7', 'count')).toBe(-7);
		expect(readKpiValue('£27,901,000', 'gbp')).toBe(27_901_000);
		expect(readKpiValue('£-871,000', 'gbp')).toBe(-871_000);
		expect(readKpiValue('-£436,000', 'gbp')).toBe(-436_000);
		expect(readKpiValue('1.4%', 'percent')).toBeCloseTo(0.014, 12);
		expect(readKpiValue('0.014', 'percent')).toBe(0.014);
	});

	it('refuses text that is not a number in that unit', () => {
		expect(readKpiValue('about 1,400', 'count')).toBeUndefined();
		expect(readKpiValue('1.4%', 'count')).toBeUndefined();
		expect(readKpiValue('£', 'gbp')).toBeUndefined();
		expect(readKpiValue('1,46,2', 'count')).toBeUndefined();
	});
});

describe('a KPI actuals file', () => {
	const good = 'ref,period,value\n1,2021-06,1462\n2,2021-Q1,1.4%\n14,2021-Q1,"£27,901,000"\n';

	it('is read whole, each row with the value it would replace', () => {
		const withJune = kpis.map((k) =>
			k.ref === '1' ? withActual(k, { period: '2021-06', value: imported(1450, 'old.csv') }) : k
		);
		const read = readKpiActuals(good, 'june.csv', withJune);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.rows.map((r) => [r.line, r.ref, r.period, r.value, r.replaces])).toEqual([
			[2, '1', '2021-06', 1462, 1450],
			[3, '2', '2021-Q1', 0.014, null],
			[4, '14', '2021-Q1', 27_901_000, null]
		]);
	});

	it('names the file, row and column of every problem, and applies nothing', () => {
		const bad =
			'ref,period,value\n1,2021-06,1462\n99,2021-06,1\n3,June,1550\n14,2021-Q1,lots\n1,2021-06,1463\n';
		const read = readKpiActuals(bad, 'june.csv', kpis);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors.map((e) => e.message)).toEqual([
			'june.csv, row 3, column "ref": expected the reference of one of the dataset’s KPIs (1 … 38, 6a), got "99"',
			'june.csv, row 4, column "period": expected a month like 2021-06 or a quarter like 2021-Q1, got "June"',
			'june.csv, row 5, column "value": expected an amount in pounds such as 27901000 or £27,901,000 for KPI 14, got "lots"',
			'june.csv, row 6, column "period": expected one row per KPI and period (KPI 1, 2021-06 is already on row 2), got "2021-06"'
		]);
	});

	it('refuses a file without the columns, naming them', () => {
		const read = readKpiActuals('kpi,when,value\n1,2021-06,1\n', 'x.csv', kpis);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors[0].message).toMatch(/^x\.csv, row 1: expected the columns ref,period,value/);
	});

	it('refuses an empty file and a file with no values', () => {
		const empty = readKpiActuals('', 'empty.csv', kpis);
		expect(empty.ok).toBe(false);
		const blank = readKpiActuals(kpiActualsTemplate(kpis, '2021-Q2'), 'template.csv', kpis);
		expect(blank.ok).toBe(false);
		if (blank.ok) return;
		expect(blank.errors[0].message).toBe(
			'template.csv, column "value": expected at least one row with a value, got none'
		);
	});

	it('skips rows left blank in a filled-in template and ignores extra columns', () => {
		const text = kpiActualsTemplate(kpis, '2021-Q2').replace('1,2021-Q2,,', '1,2021-Q2,1480,');
		const read = readKpiActuals(text, 'template.csv', kpis);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.rows).toHaveLength(1);
		expect(read.skipped).toBe(kpis.length - 1);
		expect(read.ignoredColumns).toEqual(['name']);
	});

	it('applies every row as an imported actual that names its file and row', () => {
		const read = readKpiActuals(good, 'june.csv', kpis);
		if (!read.ok) throw new Error('expected a good file');
		const next = applyKpiActuals(kpis, read.rows, read.file);
		const k14 = next.find((k) => k.ref === '14')!;
		expect(k14.actuals).toEqual([
			{
				period: '2021-Q1',
				value: { value: 27_901_000, source: { kind: 'import', file: 'june.csv', row: 4 } }
			}
		]);
		expect(next.filter((k) => k.actuals.length > 0).map((k) => k.ref)).toEqual(['1', '2', '14']);
		expect(kpis.every((k) => k.actuals.length === 0)).toBe(true);
	});

	it('applies nothing when a row names a KPI the list does not have', () => {
		const read = readKpiActuals(good, 'june.csv', kpis);
		if (!read.ok) throw new Error('expected a good file');
		expect(() => applyKpiActuals(kpis.slice(0, 5), read.rows, read.file)).toThrow(
			/applyKpiActuals: june\.csv, row 4: no KPI with reference "14"/
		);
	});
});
