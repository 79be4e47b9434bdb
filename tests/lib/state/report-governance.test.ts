import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import type { Dataset, QuarterlyReport, ReportSnapshot } from '$lib/model/dataset';
import { validateDataset } from '$lib/model/validate-dataset';
import {
	addQuarter,
	deleteDraft,
	isSignedOff,
	kpiTrends,
	reportConditions,
	reportFigures,
	saveDraft,
	shownFigures,
	signOff
} from '$lib/state/report-governance';
import type { MetricDef, ScenarioResult } from '$lib/model/results';
import type { SavingsTracker } from '$lib/model/savings-tracker';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { parseScenarioSet, serialiseScenarioSet } from '$lib/io/scenario-set/format';

const NOW = new Date('2021-06-18T10:30:00Z');

const cell = (period: string, target: number) => ({
	period,
	target,
	expected: target * 0.9,
	actual: null,
	variance: null,
	quartersRecorded: 0
});
/** A one-line, one-year savings tracker as the Report page shows it, £. */
const TRACKER: SavingsTracker = {
	scenarioName: 'May 2021 projection',
	years: ['2021/22'],
	lines: [
		{
			id: 'commissioning',
			name: 'Commissioning',
			structural: false,
			shares: [0.25, 0.25, 0.25, 0.25],
			ownTiming: false,
			years: [
				{
					year: '2021/22',
					quarters: [1, 2, 3, 4].map((q) => cell(`2021-Q${q}`, 50_000)),
					total: cell('2021/22', 200_000)
				}
			]
		}
	],
	total: [
		{
			year: '2021/22',
			quarters: [1, 2, 3, 4].map((q) => cell(`2021-Q${q}`, 50_000)),
			total: cell('2021/22', 200_000)
		}
	]
};

/** A hand-made result with deficit and cap by year, £. */
function result(id: string, name: string, deficit: number[], cap: number[]): ScenarioResult {
	const metrics: MetricDef[] = [
		{ name: 'cumulative_deficit_before_sv', kind: 'finance', label: 'Deficit', unit: 'gbp' },
		{ name: 'deficit_cap', kind: 'finance', label: 'Cap', unit: 'gbp' }
	];
	return {
		scenarioId: id,
		scenarioName: name,
		censuses: [2022, 2023],
		years: ['2021/22', '2022/23'],
		metrics,
		values: Float64Array.from([...deficit, ...cap]),
		baseTotal: 1436,
		firstBreach: -1,
		estimator: 'england',
		calibration: { joiners: [], leavers: [] },
		warnings: []
	};
}

function figures(dataset: Dataset, deficit = [28.6e6, 27e6]): ReportSnapshot {
	return reportFigures({
		year: '2021/22',
		plan: result('plan', 'SVA plan', [28e6, 26e6], [30e6, 30e6]),
		projection: result('may', 'May 2021 projection', deficit, [30e6, 30e6]),
		results: [],
		kpis: dataset.kpis,
		modelValues: { '1': 1447, '2': Number.NaN },
		monitoring: null,
		keyMessages: ['A message.'],
		savings: TRACKER,
		colours: { plan: '#0072B2', may: '#D55E00' },
		placements: [
			{
				scenarioId: 'may',
				scenarioName: 'May 2021 projection',
				censuses: [2021, 2022],
				categories: [{ id: 'mainstream', label: 'Mainstream', values: [600, 640] }]
			}
		],
		comparison: {
			years: ['2021/22', '2022/23'],
			lastCensus: 2023,
			rows: [
				{
					id: 'may',
					name: 'May 2021 projection',
					colour: '#D55E00',
					deficit: 27e6,
					headroom: 3e6,
					ehcps: 1600,
					firstBreach: null,
					headroomByYear: [1.4e6, 3e6]
				}
			]
		}
	});
}

/** Kingston with its Q1 signed off and a Q2 draft added. */
function signedQ1(): { dataset: Dataset; q1: QuarterlyReport; q2: QuarterlyReport } {
	const start = kingstonDataset();
	const q1 = start.reports[0];
	let d = signOff(start, q1.id, { snapshot: figures(start), forwardLook: 'Q1 look.' }, NOW);
	const q2: QuarterlyReport = {
		...structuredClone(d.reports[0]),
		id: 'q2-2021',
		quarter: 'Q2 2021/22',
		title: 'Quarter Two 2021/22 Summary Update Report'
	};
	d = addQuarter(d, q2);
	return { dataset: d, q1: d.reports[0], q2: d.reports[1] };
}

describe('quarterly governance', () => {
	it('treats a report without a status as a draft showing the dataset’s conditions', () => {
		const d = kingstonDataset();
		expect(isSignedOff(d.reports[0])).toBe(false);
		expect(reportConditions(d, d.reports[0])).toBe(d.conditions);
	});

	it('signs off with who (the sign-offs’ names) and when (the clock given), freezing the figures', () => {
		const { q1 } = signedQ1();
		expect(q1.status).toBe('signed_off');
		expect(q1.signedOffAt).toBe('2021-06-18T10:30:00.000Z');
		expect(q1.signedOffBy).toEqual(['Sarah Ireland', 'Ian Dodds']);
		expect(q1.forwardLook).toBe('Q1 look.');
		expect(q1.snapshot?.savings?.total[0].total.expected).toBe(180_000);
		expect(q1.snapshot?.projectionName).toBe('May 2021 projection');
		expect(q1.snapshot?.deficit?.series.map((s) => s.values)).toEqual([
			[28e6, 26e6],
			[28.6e6, 27e6]
		]);
		// Each line keeps the colour it was drawn in, so recolouring a scenario later changes no
		// signed-off chart.
		expect(q1.snapshot?.deficit?.series.map((s) => s.colour)).toEqual(['#0072B2', '#D55E00']);
		// The placements and comparison slides are frozen too (decision 0031).
		expect(q1.snapshot?.placements?.[0].categories[0].values).toEqual([600, 640]);
		expect(q1.snapshot?.comparison?.rows[0].headroomByYear).toEqual([1.4e6, 3e6]);
		// A figure that is not computable is stored as null, not NaN (which JSON cannot hold).
		expect(q1.snapshot?.modelValues['2']).toBeNull();
		expect(q1.conditions).toHaveLength(9);
	});

	it('starts the next quarter as a draft from the last one’s text and conditions, without its sign-off', () => {
		const { q2 } = signedQ1();
		expect(isSignedOff(q2)).toBe(false);
		expect(q2.snapshot).toBeUndefined();
		expect(q2.signedOffAt).toBeUndefined();
		expect(q2.forwardLook).toBeUndefined();
		expect(q2.conditions?.map((c) => c.assurance)).toEqual(
			kingstonDataset().conditions.map((c) => c.assurance)
		);
	});

	it('leaves a signed-off Q1 unchanged after Q2’s text, conditions, KPI ratings and figures change', () => {
		const { dataset, q1 } = signedQ1();
		const before = JSON.stringify(q1);
		const q2 = dataset.reports[1];
		const conditions = structuredClone(q2.conditions!);
		conditions[0] = { ...conditions[0], assurance: 'Low', progress: 'Behind plan in Q2.' };
		let d = saveDraft(
			dataset,
			{ ...q2, summary: 'Q2 summary.', forwardLook: 'Q2 look.' },
			conditions
		);
		// A KPI rating overridden and its figures changed after Q1 was signed off.
		d = {
			...d,
			kpis: d.kpis.map((k, i) =>
				i === 0
					? {
							...k,
							override: { rating: 'R' as const, comment: 'Q2 judgement' },
							projection: k.projection && { ...k.projection, value: 9999 }
						}
					: k
			)
		};
		expect(JSON.stringify(d.reports[0])).toBe(before);
		expect(d.reports[1].summary).toBe('Q2 summary.');
		expect(reportConditions(d, d.reports[0])[0].assurance).toBe(
			kingstonDataset().conditions[0].assurance
		);
		expect(reportConditions(d, d.reports[1])[0].assurance).toBe('Low');
		// The dataset's current conditions are the latest draft's.
		expect(d.conditions[0].progress).toBe('Behind plan in Q2.');
		// Q1 shows its snapshot, whatever today's figures are; Q2 shows today's.
		const today = figures(d, [40e6, 41e6]);
		expect(shownFigures(d.reports[0], () => today).deficit?.series[1].values).toEqual([
			28.6e6, 27e6
		]);
		expect(shownFigures(d.reports[1], () => today).deficit?.series[1].values).toEqual([40e6, 41e6]);
		// The KPI trend keeps Q1's value and rating, and shows Q2's as it is now.
		const trend = kpiTrends(d).find((t) => t.ref === d.kpis[0].ref)!;
		expect(trend.points.map((p) => p.quarter)).toEqual(['Q1 2021/22', 'Q2 2021/22']);
		expect(trend.points[0].value).toBe(kingstonDataset().kpis[0].projection?.value);
		expect(trend.points[0].rating).not.toBe('R');
		expect(trend.points[1].rating).toBe('R');
	});

	it('refuses to edit, delete or sign off again a signed-off quarter, naming it', () => {
		const { dataset, q1 } = signedQ1();
		expect(() => saveDraft(dataset, { ...q1, summary: 'x' }, q1.conditions!)).toThrow(
			/saveDraft: the Q1 2021\/22 report \(".*"\) is signed off and cannot change/
		);
		expect(() => deleteDraft(dataset, q1.id)).toThrow(/signed off and cannot be deleted/);
		expect(() =>
			signOff(dataset, q1.id, { snapshot: figures(dataset), forwardLook: '' }, NOW)
		).toThrow(/already signed off/);
	});

	it('deletes a draft quarter, and the current conditions go back to the latest remaining', () => {
		const { dataset } = signedQ1();
		const q2 = dataset.reports[1];
		const conditions = q2.conditions!.map((c) => ({ ...c, assurance: 'Low' as const }));
		const edited = saveDraft(dataset, q2, conditions);
		const d = deleteDraft(edited, q2.id);
		expect(d.reports.map((r) => r.id)).toEqual([dataset.reports[0].id]);
		expect(d.conditions).toEqual(dataset.reports[0].conditions);
		expect(() => deleteDraft(d, 'nope')).toThrow(/deleteDraft: there is no report "nope"/);
	});

	it('will not sign off a report that names no one', () => {
		const d = kingstonDataset();
		const unnamed = {
			...d,
			reports: d.reports.map((r) => ({
				...r,
				signOffs: r.signOffs.map((s) => ({ ...s, name: ' ' }))
			}))
		};
		expect(() =>
			signOff(unnamed, d.reports[0].id, { snapshot: figures(d), forwardLook: '' }, NOW)
		).toThrow(/names no one under “Signed off by”/);
	});

	it('keeps the signed-off dataset valid and loadable, and an older file (no status) still loads', () => {
		const { dataset } = signedQ1();
		const back = validateDataset(JSON.parse(JSON.stringify(dataset)));
		expect(back.ok ? back.value.reports[0].status : back.errors).toBe('signed_off');
		expect(validateDataset(JSON.parse(JSON.stringify(kingstonDataset()))).ok).toBe(true);
	});

	it('keeps a signed-off quarter through a scenario-set export and import, byte for byte', () => {
		const { dataset } = signedQ1();
		const meta = {
			createdAt: '2021-06-18T10:30:00.000Z',
			app: { name: 'SEND Workbench', version: 't' }
		};
		const text = serialiseScenarioSet(dataset, kingstonScenarios(), meta);
		const back = parseScenarioSet(text, 'q1.json');
		if (!back.ok) throw new Error(back.errors.map((e) => e.message).join(' '));
		expect(back.dataset.reports[0]).toEqual(dataset.reports[0]);
		expect(serialiseScenarioSet(back.dataset, back.scenarios, meta)).toBe(text);
	});

	it('refuses a file whose signed-off report has no snapshot, or a draft that carries one', () => {
		const { dataset } = signedQ1();
		const noSnapshot = structuredClone(dataset);
		delete noSnapshot.reports[0].snapshot;
		const r1 = validateDataset(JSON.parse(JSON.stringify(noSnapshot)));
		expect(r1.ok ? [] : r1.errors.map((e) => e.message).join(' ')).toMatch(
			/a signed-off report needs its snapshot of figures/
		);
		const draftWithSnapshot = structuredClone(dataset);
		draftWithSnapshot.reports[0].status = 'draft';
		const r2 = validateDataset(JSON.parse(JSON.stringify(draftWithSnapshot)));
		expect(r2.ok ? [] : r2.errors.map((e) => e.message).join(' ')).toMatch(
			/only a signed-off report \(status "signed_off"\) has a snapshot/
		);
	});
});
