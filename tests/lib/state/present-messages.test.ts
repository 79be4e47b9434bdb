import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios, MAY_PROJECTION } from '$lib/data/kingston-scenarios';
import { prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import {
	comparisonSlide,
	ehcpsByCategory,
	keyMessages,
	placementSlides,
	ragSummary
} from '$lib/state/present-messages';

const dataset = kingstonDataset();
const prepared = prepareDataset(dataset);
const results = kingstonScenarios().map((s) => runExpected(prepared, s));
const may = results.find((r) => r.scenarioName === MAY_PROJECTION)!;

describe('the board slides’ content', () => {
	it('counts the seed’s KPI ratings and lists the Amber ones', () => {
		const rag = ragSummary(dataset.kpis);
		expect(rag.counts).toEqual({ G: 26, A: 12, R: 0, none: 1 });
		expect(rag.overridden).toBe(1);
		expect(rag.flagged.map((f) => f.ref)).toEqual([
			'2',
			'3',
			'4',
			'6',
			'7',
			'17',
			'21',
			'22',
			'24',
			'25',
			'27',
			'29'
		]);
	});

	it('lists Red before Amber', () => {
		const kpis = dataset.kpis.map((k) =>
			k.ref === '29'
				? { ...k, override: { rating: 'R' as const, comment: 'Out-borough costs rising' } }
				: k
		);
		expect(ragSummary(kpis).flagged[0]).toMatchObject({ ref: '29', rating: 'R', overridden: true });
	});

	it('rolls EHCPs up by DSG category from the base caseload and the projection, keeping every child', () => {
		const p = ehcpsByCategory(dataset, may);
		expect(p.censuses).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
		expect(p.categories).toHaveLength(7);
		const total = (i: number) => p.categories.reduce((a, c) => a + c.values[i], 0);
		expect(total(0)).toBeCloseTo(1436, 9);
		metricValues(may, 'ehcp_total').forEach((n, k) => expect(total(k + 1)).toBeCloseTo(n, 6));
	});

	it('says in words when each scenario breaches the cap, how EHCPs grow and how the KPIs are rated', () => {
		const messages = keyMessages(results, may, ragSummary(dataset.kpis), 1436, 2021);
		expect(messages).toHaveLength(results.length + 2);
		for (const [i, r] of results.entries()) {
			expect(messages[i]).toMatch(
				r.firstBreach >= 0
					? new RegExp(
							`^${r.scenarioName.replace(/[()]/g, '\\$&')} first breaches the cap in ${r.years[r.firstBreach]}: `
						)
					: /stays under the cap to 2025\/26/
			);
		}
		expect(messages.at(-2)).toMatch(
			/^In “May 2021 projection”, EHCPs go from 1,436 in January 2021 to [\d,]+ in January 2026 \(\+\d+%\)\.$/
		);
		expect(messages.at(-1)).toBe(
			'Of 38 rated KPIs, 26 are Green, 12 Amber and 0 Red; 1 rating is a judgement overriding the rule.'
		);
	});
});

describe('the frozen slides', () => {
	it('compare where each scenario ends, its headroom by year and its first year over the cap', () => {
		const data = comparisonSlide(results, { [may.scenarioId]: '#D55E00' });
		expect(data.years).toEqual(may.years);
		expect(data.lastCensus).toBe(may.censuses.at(-1));
		const row = data.rows.find((r) => r.id === may.scenarioId)!;
		const last = may.years.length - 1;
		expect(row.name).toBe(MAY_PROJECTION);
		expect(row.colour).toBe('#D55E00');
		expect(row.deficit).toBe(metricValues(may, 'cumulative_deficit_before_sv')[last]);
		expect(row.headroomByYear).toEqual(metricValues(may, 'headroom'));
		expect(row.firstBreach).toBe(may.firstBreach >= 0 ? may.years[may.firstBreach] : null);
		// A scenario without a stored colour has none in the slide (the palette picks one).
		expect(data.rows.filter((r) => r.id !== may.scenarioId).every((r) => !('colour' in r))).toBe(
			true
		);
	});

	it('store a figure that is not computable as null, which JSON can hold', () => {
		const broken = { ...may, values: may.values.map(() => Number.NaN) };
		const row = comparisonSlide([broken]).rows[0];
		expect(row.deficit).toBeNull();
		expect(row.headroomByYear.every((x) => x === null)).toBe(true);
		expect(JSON.parse(JSON.stringify(row))).toEqual(row);
	});

	it('keep every scenario’s placements, named, as the placements slide draws them', () => {
		const slides = placementSlides(dataset, results);
		expect(slides.map((p) => p.scenarioName)).toEqual(results.map((r) => r.scenarioName));
		const mine = slides.find((p) => p.scenarioId === may.scenarioId)!;
		const { scenarioId, scenarioName, ...series } = mine;
		expect([scenarioId, scenarioName]).toEqual([may.scenarioId, MAY_PROJECTION]);
		expect(series).toEqual(ehcpsByCategory(dataset, may));
	});
});
