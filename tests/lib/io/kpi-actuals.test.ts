import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import {
	applyKpiActuals,
	kpiActualsTemplate,
	MAX_KPI_ACTUALS_ROWS,
	readKpiActuals,
	readKpiValue
} from '$lib/io/kpi-actuals';
import { comparePeriods, withActual } from '$lib/engine/kpi-history';
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

	it('applies as adding each actual in turn would, replacing the periods a KPI already has', () => {
		const before = kpis.map((k) =>
			k.ref === '1' ? withActual(k, { period: '2021-06', value: imported(1450, 'old.csv') }) : k
		);
		const lines = ['ref,period,value'];
		for (const ref of ['1', '2', '14'])
			for (let y = 2023; y >= 2019; y--)
				for (let m = 12; m >= 1; m--) lines.push(`${ref},${y}-${String(m).padStart(2, '0')},${m}`);
		const read = readKpiActuals(lines.join('\n'), 'years.csv', before);
		if (!read.ok) throw new Error(read.errors[0].message);
		expect(read.rows.find((r) => r.ref === '1' && r.period === '2021-06')?.replaces).toBe(1450);
		const oneByOne = before.map((k) =>
			read.rows
				.filter((r) => r.ref === k.ref)
				.reduce(
					(kpi, r) =>
						withActual(kpi, { period: r.period, value: imported(r.value, 'years.csv', r.line) }),
					k
				)
		);
		expect(applyKpiActuals(before, read.rows, read.file)).toEqual(oneByOne);
	});
});

describe('a large KPI actuals file', () => {
	// Months and quarters from 2000, each KPI in turn: 20,000 rows reach 2032.
	const file = (rows: number) => {
		const lines = ['ref,period,value'];
		for (let i = 0; lines.length <= rows; i++) {
			const kpi = kpis[i % kpis.length];
			const p = Math.floor(i / kpis.length);
			const [year, j] = [2000 + Math.floor(p / 16), p % 16];
			const period = j < 12 ? `${year}-${String(j + 1).padStart(2, '0')}` : `${year}-Q${j - 11}`;
			lines.push(`${kpi.ref},${period},${kpi.unit === 'percent' ? '1.5%' : i}`);
		}
		return lines.join('\n') + '\n';
	};

	it(`is read and applied whole up to ${MAX_KPI_ACTUALS_ROWS.toLocaleString('en-GB')} rows`, () => {
		const read = readKpiActuals(file(MAX_KPI_ACTUALS_ROWS), 'all.csv', kpis);
		if (!read.ok) throw new Error(read.errors[0].message);
		expect(read.rows).toHaveLength(MAX_KPI_ACTUALS_ROWS);
		const next = applyKpiActuals(kpis, read.rows, read.file);
		expect(next.reduce((n, k) => n + k.actuals.length, 0)).toBe(MAX_KPI_ACTUALS_ROWS);
		const periods = next[0].actuals.map((a) => a.period);
		expect(periods).toEqual([...periods].sort(comparePeriods));
		expect(periods).toHaveLength(Math.ceil(MAX_KPI_ACTUALS_ROWS / kpis.length));
	});

	it('is refused past the cap, before its rows are checked, with a message that says so', () => {
		const read = readKpiActuals(file(200_000), 'huge.csv', kpis);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors.map((e) => e.message)).toEqual([
			'huge.csv: expected at most 20,000 rows of data, got 200,000 (split the file, or keep the rows you need)'
		]);
	});
});

describe('KPI actuals outside a plausible range', () => {
	const at2026 = () => new Date('2026-12-02T12:00:00Z');

	it('refuses a period before 2000 or more than 10 years ahead of the clock, naming the column', () => {
		const text = 'ref,period,value\n1,1921-06,1462\n1,2037-Q1,1462\n1,2036-12,1462\n';
		const read = readKpiActuals(text, 'odd.csv', kpis, at2026);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors.map((e) => e.message)).toEqual([
			'odd.csv, row 2, column "period": expected a period from 2000 to 2036, got "1921-06"',
			'odd.csv, row 3, column "period": expected a period from 2000 to 2036, got "2037-Q1"'
		]);
	});

	it('refuses a negative count of children held, but keeps a flow written negative', () => {
		const read = readKpiActuals('ref,period,value\n1,2021-06,-5\n', 'neg.csv', kpis, at2026);
		expect(read.ok).toBe(false);
		if (!read.ok) {
			expect(read.errors.map((e) => e.message)).toEqual([
				'neg.csv, row 2, column "value": expected a count of children ≥ 0 for KPI 1, got "-5"'
			]);
		}
		// KPI 6, ceased EHCPs, is a flow the council's report writes as −72.
		expect(readKpiActuals('ref,period,value\n6,2021-06,-7\n', 'flow.csv', kpis, at2026).ok).toBe(
			true
		);
	});
});
