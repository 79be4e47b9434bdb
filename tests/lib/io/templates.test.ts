import { describe, expect, it } from 'vitest';
import {
	OPENING_LINE,
	TemplateImportError,
	caseloadActualsTemplateCsv,
	financeTemplateCsv,
	readCaseloadActuals,
	readFinanceTemplate,
	readSafetyValveTemplate,
	readSavingsTemplate,
	readSpendActuals,
	readUnitCostsTemplate,
	safetyValveTemplateCsv,
	savingsTemplateCsv,
	spendActualsTemplateCsv,
	unitCostsTemplateCsv
} from '$lib/io/templates';
import { kingstonDataset } from '$lib/data/kingston';
import { newDatasetSettings } from '$lib/io/sen2/new-dataset';
import { projectionYears } from '$lib/model/dataset-defaults';
import { ACTUAL_PREFIX } from '$lib/model/actuals';

const years = projectionYears(2021, 2026);
const settings = newDatasetSettings();

/** The problems a read threw, as messages; fails the test when nothing was thrown. */
function problems(read: () => unknown): string[] {
	try {
		read();
	} catch (e) {
		expect(e).toBeInstanceOf(TemplateImportError);
		return (e as TemplateImportError).problems.map((p) => p.message);
	}
	throw new Error('expected the read to throw');
}

describe('the finance lines template', () => {
	const kingston = kingstonDataset();

	it('round-trips the ledger: download, read back, the same values by line and year', () => {
		const csv = financeTemplateCsv(
			years,
			kingston.finance.lines,
			kingston.finance.openingCumulativeDeficit
		);
		const back = readFinanceTemplate(csv, 'finance-lines.csv', years);
		expect(back.opening?.value).toBe(25_125_000);
		for (const [line, figures] of Object.entries(kingston.finance.lines)) {
			for (const [fy, f] of Object.entries(figures!)) {
				expect(back.lines[line as keyof typeof back.lines]![fy].value).toBe(f.value);
			}
		}
	});

	it('names the file and row of each figure, and keeps a row’s assumption note', () => {
		const text =
			'line,year,value,assumption\n' +
			'hnb_allocation,2021/22,"£25,897,000",\n' +
			'hnb_allocation,2022/23,29000000,12% growth\n' +
			`${OPENING_LINE},2020/21,25125000,\n`;
		const r = readFinanceTemplate(text, 'finance.csv', years);
		expect(r.lines.hnb_allocation!['2021/22']).toEqual({
			value: 25_897_000,
			source: { kind: 'import', file: 'finance.csv', row: 2 }
		});
		expect(r.lines.hnb_allocation!['2022/23'].source).toEqual({
			kind: 'assumption',
			note: '12% growth (finance.csv, row 3)'
		});
		expect(r.opening).toEqual({
			value: 25_125_000,
			source: { kind: 'import', file: 'finance.csv', row: 4 }
		});
	});

	it('takes a blank value as not given', () => {
		const r = readFinanceTemplate(financeTemplateCsv(years), 'finance.csv', years);
		expect(r).toEqual({ opening: null, lines: {} });
	});

	it('lists every problem with file, row and column, and returns nothing', () => {
		const text =
			'line,year,value\n' +
			'hnb_alocation,2021/22,1\n' +
			'hnb_allocation,2021-22,1\n' +
			'hnb_allocation,2030/31,1\n' +
			'unit_cost_inflation,2022/23,3\n' +
			'block_transfers,2021/22,lots\n' +
			'block_transfers,2022/23,1\n' +
			'block_transfers,2022/23,2\n' +
			`${OPENING_LINE},2021/22,1\n`;
		expect(problems(() => readFinanceTemplate(text, 'finance.csv', years))).toEqual([
			'finance.csv, row 2, column "line": expected one of opening_cumulative_deficit, hnb_allocation, block_transfers, hnb_expenditure_before_savings, other_blocks_variance, general_fund_contribution, sv_funding_cumulative, deficit_cap, other_spend_inflation, unit_cost_inflation, got "hnb_alocation"',
			'finance.csv, row 3, column "year": expected a financial year like 2021/22, got "2021-22"',
			'finance.csv, row 4, column "year": expected one of the projection’s years, 2021/22 to 2025/26, got "2030/31"',
			'finance.csv, row 5, column "value": expected a fraction from -0.5 to 1 (0.03 is 3%), got "3"',
			'finance.csv, row 6, column "value": expected an amount in pounds such as 1200000, got "lots"',
			'finance.csv, row 8, column "year": expected one row for block_transfers in 2022/23, got a second, after row 7',
			'finance.csv, row 9, column "year": expected 2020/21 (the opening deficit closes the year before the projection), got "2021/22"'
		]);
	});

	it('refuses a file without the template’s columns, naming them', () => {
		expect(problems(() => readFinanceTemplate('a,b\n1,2\n', 'x.csv', years))).toEqual([
			'x.csv, row 1: expected the columns line,year,value, got a header with no column "line", "year", "value"'
		]);
	});

	it('reads a file that starts with a byte-order mark', () => {
		const r = readFinanceTemplate(
			'\uFEFFline,year,value\r\nhnb_allocation,2021/22,1\r\n',
			'f.csv',
			years
		);
		expect(r.lines.hnb_allocation!['2021/22'].value).toBe(1);
	});
});

describe('the savings lines template', () => {
	it('round-trips Kingston’s savings lines', () => {
		const kingston = kingstonDataset();
		const csv = savingsTemplateCsv(years, kingston.finance.savings);
		const back = readSavingsTemplate(csv, 'savings-lines.csv', years);
		expect(back.map((s) => s.id)).toEqual(kingston.finance.savings.map((s) => s.id));
		expect(back[0].targets['2021/22'].value).toBe(71_000);
		expect(back[0].delivery['2025/26'].value).toBe(1);
		expect(back[0].structuralLeverId).toBeNull();
	});

	it('makes an id from the name and reads delivery as a percentage', () => {
		const [line] = readSavingsTemplate(
			'id,name,year,target,delivery\n,Review of SRP vacant place funding,2021/22,73000,85%\n',
			's.csv',
			years
		);
		expect(line.id).toBe('review_of_srp_vacant_place_funding');
		expect(line.delivery['2021/22'].value).toBeCloseTo(0.85, 12);
	});

	it('lists bad ids, targets, deliveries and names that differ', () => {
		const text =
			'id,name,year,target,delivery\n' +
			'Post 16,Post 16 offer,2021/22,1,1\n' +
			'post_16,Post 16 offer,2021/22,-5,1\n' +
			'post_16,Post-16 offer,2022/23,1,250%\n';
		expect(problems(() => readSavingsTemplate(text, 's.csv', years))).toEqual([
			's.csv, row 2, column "id": expected a lower-case id such as post_16_offer (or leave it empty), got "Post 16"',
			's.csv, row 3, column "target": expected a saving of £0 or more, got "-5"',
			's.csv, row 4, column "name": expected "Post 16 offer", the name of post_16 on row 3, got "Post-16 offer"',
			's.csv, row 4, column "delivery": expected a fraction from 0 to 2 (1 is in full; 85% is 0.85), got "250%"'
		]);
	});
});

describe('the Safety Valve template', () => {
	it('reads caps and cumulative funding by year, and round-trips', () => {
		const text =
			'year,deficit_cap,sv_funding_cumulative\n2021/22,28607000,17000000\n2022/23,30800000,\n';
		const r = readSafetyValveTemplate(text, 'sv.csv', years);
		expect(r.deficit_cap!['2022/23'].value).toBe(30_800_000);
		expect(r.sv_funding_cumulative!['2022/23']).toBeUndefined();
		const again = readSafetyValveTemplate(safetyValveTemplateCsv(years, r), 'sv.csv', years);
		expect(again).toEqual({
			deficit_cap: {
				'2021/22': { value: 28_607_000, source: { kind: 'import', file: 'sv.csv', row: 2 } },
				'2022/23': { value: 30_800_000, source: { kind: 'import', file: 'sv.csv', row: 3 } }
			},
			sv_funding_cumulative: {
				'2021/22': { value: 17_000_000, source: { kind: 'import', file: 'sv.csv', row: 2 } }
			}
		});
	});

	it('refuses a cap of £0 and negative funding', () => {
		expect(
			problems(() =>
				readSafetyValveTemplate(
					'year,deficit_cap,sv_funding_cumulative\n2021/22,0,-1\n',
					'sv.csv',
					years
				)
			)
		).toEqual([
			'sv.csv, row 2, column "deficit_cap": expected a cap of more than £0, got "0"',
			'sv.csv, row 2, column "sv_funding_cumulative": expected cumulative funding of £0 or more, got "-1"'
		]);
	});
});

describe('the unit costs template', () => {
	it('round-trips costs by setting', () => {
		const kingston = kingstonDataset();
		const csv = unitCostsTemplateCsv(kingston.settings, kingston.unitCosts);
		const back = readUnitCostsTemplate(csv, 'unit-costs.csv', kingston.settings);
		expect(back.map((c) => [c.setting, c.cost.value])).toEqual(
			kingston.unitCosts.map((c) => [c.setting, c.cost.value])
		);
	});

	it('refuses an unknown setting, naming the known ones', () => {
		expect(
			problems(() => readUnitCostsTemplate('setting,cost\nspecial,1\n', 'u.csv', settings))
		).toEqual([
			'u.csv, row 2, column "setting": expected one of mainstream, resourced_provision, maintained_special, independent_special, alternative_provision, post_16_fe, other, got "special"'
		]);
	});
});

describe('the actuals templates', () => {
	it('reads caseload actuals by census: total, age band and setting', () => {
		const text =
			'census,breakdown,value\n2022,total,1550\n2022,age_5_10,500\n2022,mainstream,480\n2023,total,1600\n';
		const [a, b] = readCaseloadActuals(text, 'caseload.csv', settings, 2021, 2026);
		expect(a.census).toBe(2022);
		expect(a.total).toEqual({
			value: 1550,
			source: { kind: 'import', file: `${ACTUAL_PREFIX}caseload.csv`, row: 2 }
		});
		expect(a.byAgeBand.age_5_10!.value).toBe(500);
		expect(a.bySetting.mainstream.value).toBe(480);
		expect(b.total!.value).toBe(1600);
	});

	it('refuses a census at or before the base, an unknown breakdown and a part-child', () => {
		const text =
			'census,breakdown,value\n2021,total,1\n2022,everyone,1\n2022,total,1.5\n2022,total,x\n';
		expect(problems(() => readCaseloadActuals(text, 'caseload.csv', settings, 2021, 2026))).toEqual(
			[
				'caseload.csv, row 2, column "census": expected a January census year after 2021 and no later than 2026, got "2021"',
				'caseload.csv, row 3, column "breakdown": expected total, an age band (age_under_5, age_5_10, age_11_15, age_16_19, age_20_25) or a setting (mainstream, resourced_provision, maintained_special, independent_special, alternative_provision, post_16_fe, other), got "everyone"',
				'caseload.csv, row 4, column "value": expected a whole number of EHCPs ≥ 0, got "1.5"',
				'caseload.csv, row 5, column "value": expected a whole number of EHCPs ≥ 0, got "x"'
			]
		);
	});

	it('reads spend actuals by financial year, and its template lists the projection’s years', () => {
		const r = readSpendActuals('year,value\n2021/22,"31,680,146"\n', 'spend.csv', years);
		expect(r).toEqual([
			{
				year: '2021/22',
				value: {
					value: 31_680_146,
					source: { kind: 'import', file: `${ACTUAL_PREFIX}spend.csv`, row: 2 }
				}
			}
		]);
		expect(spendActualsTemplateCsv(years, r)).toBe(
			'year,value\n2021/22,31680146\n2022/23,\n2023/24,\n2024/25,\n2025/26,\n'
		);
		expect(caseloadActualsTemplateCsv(2022, settings).split('\n').slice(0, 3)).toEqual([
			'census,breakdown,value',
			'2022,total,',
			'2022,age_under_5,'
		]);
	});
});
