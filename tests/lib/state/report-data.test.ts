import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { withActual } from '$lib/engine/kpi-history';
import { imported } from '$lib/model/provenance';
import {
	currentKpis,
	kpiYearStart,
	kpisForReport,
	monitoringPair,
	nextReport,
	quarterOf,
	reportYear
} from '$lib/state/report-data';
import { reportDate } from '$lib/ui/report/format-date';

const dataset = kingstonDataset();
const q1 = dataset.reports[0];

describe('reports and quarters', () => {
	it('reads the seed report’s quarter and financial year', () => {
		expect(quarterOf(q1)).toBe('2021-Q1');
		expect(reportYear(q1)).toBe('2021/22');
		expect(kpiYearStart(dataset)).toBe(2021);
	});

	it('pre-fills the next quarter’s report from the last: quarter, title, data date moved on', () => {
		const q2 = nextReport(q1, [q1]);
		expect(q2).toMatchObject({
			id: 'q2-2021',
			quarter: 'Q2 2021/22',
			title: 'Quarter Two 2021/22 Summary Update Report',
			dateSubmitted: '',
			dataDate: '2021-09-30',
			signOffs: q1.signOffs,
			summary: q1.summary,
			risks: q1.risks
		});
		expect(q2.signOffs).not.toBe(q1.signOffs);
		const q3 = nextReport(q2, [q1, q2]);
		expect([q3.quarter, q3.dataDate]).toEqual(['Q3 2021/22', '2021-12-31']);
		const q4 = nextReport(q3, [q1, q2, q3]);
		expect([q4.quarter, q4.dataDate]).toEqual(['Q4 2021/22', '2022-03-31']);
		expect(nextReport(q4, []).quarter).toBe('Q1 2022/23');
		expect(nextReport(q1, [q1, q2]).id).toBe('q2-2021-2');
	});

	it('shows the KPIs as at the report’s quarter, and as at their latest figure on the monitoring page', () => {
		const ds = {
			...dataset,
			kpis: dataset.kpis.map((k) =>
				k.ref === '1' ? withActual(k, { period: '2021-08', value: imported(1470, 'aug.csv') }) : k
			)
		};
		expect(kpisForReport(ds, q1).find((k) => k.ref === '1')!.projection!.value).toBe(1447);
		const current = currentKpis(ds).find((k) => k.ref === '1')!;
		expect([current.projection!.value, current.monthsElapsed]).toEqual([1470, 5]);
		expect(currentKpis(dataset)).toEqual(dataset.kpis);
	});

	it('prints dates as a report does', () => {
		expect(reportDate('2021-06-18')).toBe('18 June 2021');
		expect(reportDate('')).toBe('not yet');
		expect(reportDate('June 2021')).toBe('June 2021');
	});
});

describe('the scenarios of a monitoring table', () => {
	const scenarios = kingstonScenarios();

	it('defaults to the financial plan and the May projection', () => {
		const { plan, projection } = monitoringPair(scenarios, null, null);
		expect(plan?.name).toBe('SVA financial model 2021/22');
		expect(projection?.name).toBe('May 2021 projection');
	});

	it('keeps the user’s choice', () => {
		const { plan, projection } = monitoringPair(scenarios, scenarios[2].id, scenarios[0].id);
		expect([plan?.id, projection?.id]).toEqual([scenarios[2].id, scenarios[0].id]);
	});

	it('finds a new dataset’s “Financial plan” and pairs it with another scenario', () => {
		const other = [
			{ ...scenarios[2], id: 'b', name: 'Baseline (trend)' },
			{ ...scenarios[0], id: 'p', name: 'Financial plan' }
		];
		const { plan, projection } = monitoringPair(other, null, null);
		expect([plan?.id, projection?.id]).toEqual(['p', 'b']);
	});
});
