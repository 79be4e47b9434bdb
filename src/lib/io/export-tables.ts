/**
 * The workbench's tables as export tables (src/lib/io/table.ts): the financial model monitoring
 * table, the KPI table, the deficit chart's data and the scenario comparison. Real numbers stay
 * numbers (£ in pounds, £m where the report shows £m, rates as fractions with a % format), so a
 * spreadsheet can work with them. Pure TypeScript with relative imports: the command line uses
 * it too.
 */
import type { MonitoringTable } from '../engine/monitoring';
import { periodTarget, rateKpi } from '../engine/kpi';
import type { ScenarioResult } from '../model/results';
import { metricValues } from '../model/results';
import type { Kpi, KpiUnit } from '../model/kpi';
import { isPresent } from '../model/format';
import type { ReportComparison } from '../model/dataset';
import type { CellValue, DataTable } from './table';
import { tidy } from './long-csv';

const RAG_NOTE = 'RAG: G Green, A Amber, R Red.';

/**
 * The monitoring table as the report shows it: £m to 3 decimals, variance = projection − plan on
 * the shown values, RAG per line.
 * @example tableToCsv(monitoringExportTable(table, 'Kingston upon Thames'))
 */
export function monitoringExportTable(table: MonitoringTable, authority = ''): DataTable {
	const m = { kind: 'number' as const, format: '0.000', width: 16 };
	return {
		name: `Monitoring ${table.year}`,
		title: `${authority ? authority + ' ' : ''}financial model monitoring, ${table.year} (£m)`,
		columns: [
			{ label: 'Line', kind: 'text', width: 52 },
			{ ...m, label: `${table.planName} (£m)` },
			{ ...m, label: `${table.projectionName} (£m)` },
			{ ...m, label: 'Variance (£m)' },
			{ label: 'RAG', kind: 'text', width: 6 }
		],
		rows: table.rows.map((r) => [r.label, r.planShown, r.projectionShown, r.varianceShown, r.rag]),
		notes: [
			'Savings, other blocks and the General Fund are shown negative. Variance is projection − financial model on the figures shown.',
			'RAG: Green when favourable or adverse by less than £50k, Amber when adverse by £50k or more, Red when the cap is breached.',
			RAG_NOTE
		]
	};
}

const FORMATS: Record<KpiUnit, string> = {
	count: '#,##0',
	percent: '0.00%',
	gbp: '£#,##0;-£#,##0',
	gbp_per_head: '£#,##0;-£#,##0'
};

function kpiNumber(v: number | null | undefined, unit: KpiUnit): CellValue {
	return v === null || v === undefined || !Number.isFinite(v)
		? null
		: { value: tidy(v), format: FORMATS[unit] };
}

/**
 * The KPI table: baseline, period target, annual target, reported value, RAG (and whether it
 * was overridden, with the rule's suggestion), comment, derivation, category, and the model's
 * value where it computes one. Counts, £ and rates (fractions, shown as %) are numbers.
 * @example kpiExportTable(dataset.kpis, { modelValues, modelLabel: 'May 2021 projection' })
 */
export function kpiExportTable(
	kpis: readonly Kpi[],
	options: { modelValues?: Record<string, number | null>; modelLabel?: string; title?: string } = {}
): DataTable {
	const { modelValues = {}, modelLabel = 'model', title = 'Key performance indicators' } = options;
	const n = { kind: 'number' as const, width: 14 };
	return {
		name: 'KPIs',
		title,
		columns: [
			{ label: 'Ref', kind: 'text', width: 6 },
			{ label: 'Key performance indicator', kind: 'text', width: 50 },
			{ label: 'Unit', kind: 'text', width: 10 },
			{ ...n, label: 'Baseline' },
			{ ...n, label: 'Target (period)' },
			{ ...n, label: 'Annual target' },
			{ ...n, label: 'Reported' },
			{ label: 'Months elapsed', kind: 'number', width: 9 },
			{ label: 'RAG', kind: 'text', width: 6 },
			{ label: 'Overridden', kind: 'text', width: 10 },
			{ label: 'Rule suggests', kind: 'text', width: 10 },
			{ label: 'Comment', kind: 'text', width: 50 },
			{ label: 'Target derivation', kind: 'text', width: 16 },
			{ label: 'Category', kind: 'text', width: 18 },
			{ ...n, label: `Computed by ${modelLabel}`, width: 18 }
		],
		rows: kpis.map((k) => {
			const rating = rateKpi(k);
			return [
				k.ref,
				k.name,
				k.unit === 'gbp_per_head' ? '£ per head' : k.unit === 'gbp' ? '£' : k.unit,
				kpiNumber(k.baseline?.value, k.unit),
				kpiNumber(periodTarget(k), k.unit),
				kpiNumber(k.annualTarget?.value, k.unit),
				kpiNumber(k.projection?.value, k.unit),
				k.monthsElapsed,
				rating.rating ?? '',
				rating.overridden ? 'yes' : 'no',
				rating.suggested ?? '',
				rating.comment,
				k.derivation,
				k.category,
				kpiNumber(modelValues[k.ref], k.unit)
			];
		}),
		notes: [
			'Targets derived pro rata are for the months elapsed. Percentages are stored as fractions.',
			'Overridden: the rating is a judgement that replaces the rule’s suggestion.',
			RAG_NOTE
		]
	};
}

/**
 * A chart's data by year: one column per series, then its simulated p5 and p95 when the series
 * has a band (Monte Carlo run), and the cap; in pounds.
 * @example deficitExportTable(['2021/22'], [{ label: 'Plan', values: [28_607_000] }], [28_607_000])
 */
export function deficitExportTable(
	years: readonly string[],
	series: readonly {
		label: string;
		values: readonly number[];
		band?: { low: readonly number[]; high: readonly number[] } | null;
	}[],
	cap: readonly number[],
	title = 'Cumulative DSG deficit before Safety Valve funding against the cap (£)'
): DataTable {
	const money = { kind: 'number' as const, format: '£#,##0;-£#,##0', width: 18 };
	const columns = series.flatMap((s) => [
		{ ...money, label: s.label },
		...(s.band
			? [
					{ ...money, label: `${s.label} p5` },
					{ ...money, label: `${s.label} p95` }
				]
			: [])
	]);
	return {
		name: 'Deficit against cap',
		title,
		columns: [
			{ label: 'Financial year', kind: 'text', width: 12 },
			...columns,
			{ ...money, label: 'Cap (maximum cumulative deficit)' }
		],
		rows: years.map((y, i) => [
			y,
			...series.flatMap((s) =>
				s.band
					? [finite(s.values[i]), finite(s.band.low[i]), finite(s.band.high[i])]
					: [finite(s.values[i])]
			),
			finite(cap[i])
		]),
		notes: series.some((s) => s.band)
			? [
					'p5 and p95: the 5th and 95th percentiles of the Monte Carlo simulations (the shaded band of the chart).'
				]
			: undefined
	};
}

function finite(v: number | null | undefined): number | null {
	return isPresent(v) ? tidy(v) : null;
}

/** A metric compared across scenarios. */
export interface ComparedMetric {
	name: string;
	label: string;
	unit: 'gbp' | 'count';
}

export const COMPARED_METRICS: readonly ComparedMetric[] = [
	{
		name: 'cumulative_deficit_before_sv',
		label: 'Cumulative deficit before SV funding',
		unit: 'gbp'
	},
	{ name: 'headroom', label: 'Headroom under the cap', unit: 'gbp' },
	{ name: 'ehcp_total', label: 'EHCPs at the January census', unit: 'count' },
	{ name: 'hnb_expenditure_after_savings', label: 'HNB expenditure after savings', unit: 'gbp' }
];

/**
 * Scenarios side by side: one row per scenario and metric, one column per financial year, and
 * the first year over the cap.
 * @example scenarioComparisonTable(results)
 */
export function scenarioComparisonTable(
	results: readonly ScenarioResult[],
	metrics: readonly ComparedMetric[] = COMPARED_METRICS
): DataTable {
	const years = results[0]?.years ?? [];
	return {
		name: 'Scenario comparison',
		title: 'Scenarios compared by financial year (£; EHCPs at the January census in the year)',
		columns: [
			{ label: 'Scenario', kind: 'text', width: 30 },
			{ label: 'Measure', kind: 'text', width: 36 },
			...years.map((y) => ({
				label: y,
				kind: 'number' as const,
				width: 14
			})),
			{ label: 'First year over the cap', kind: 'text', width: 14 }
		],
		rows: results.flatMap((r) =>
			metrics.map((m) => [
				r.scenarioName,
				m.label,
				...years.map((_, k): CellValue => {
					const v = metricValues(r, m.name)[k];
					return v !== undefined && Number.isFinite(v)
						? { value: tidy(v), format: m.unit === 'gbp' ? '£#,##0;-£#,##0' : '#,##0' }
						: null;
				}),
				r.firstBreach >= 0 ? r.years[r.firstBreach] : 'none'
			])
		)
	};
}

/**
 * The "Scenarios compared" slide as a table: one row per scenario with its headroom under the cap
 * by financial year (£), where it ends and its first year over the cap. What a signed-off
 * quarter's slide exports, from the figures it froze.
 * @example comparisonSlideTable(snapshot.comparison)
 */
export function comparisonSlideTable(data: ReportComparison): DataTable {
	const money = { kind: 'number' as const, format: '£#,##0;-£#,##0', width: 14 };
	const last = data.years.at(-1) ?? '';
	return {
		name: 'Scenario comparison',
		title: 'Scenarios compared: headroom under the cap by financial year (£; negative: over it)',
		columns: [
			{ label: 'Scenario', kind: 'text', width: 30 },
			...data.years.map((y) => ({ ...money, label: `Headroom ${y}` })),
			{ ...money, label: `Deficit ${last}`, width: 16 },
			{
				label: `EHCPs Jan ${data.lastCensus ?? ''}`.trim(),
				kind: 'number',
				format: '#,##0',
				width: 14
			},
			{ label: 'First year over the cap', kind: 'text', width: 14 }
		],
		rows: data.rows.map((r) => [
			r.name,
			...data.years.map((_, k) => finite(r.headroomByYear[k])),
			finite(r.deficit),
			finite(r.ehcps),
			r.firstBreach ?? 'none'
		])
	};
}
