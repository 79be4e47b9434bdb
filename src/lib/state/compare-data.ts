/**
 * The Compare view's tables (issue "Compare"; docs/model.md §4, §2): any set of scenarios side by side
 * per financial year — cumulative deficit before Safety Valve funding against the cap, headroom,
 * first breach, P(breach) when simulated, EHCPs, cost — and each one's difference from a chosen
 * reference, with its standard error when both are simulated with the same seed and N (common
 * random numbers). Pure: it formats what the engine computed.
 */
import type { Scenario } from '../model/scenario';
import type { ScenarioResult } from '../model/results';
import { metricValues } from '../model/results';
import type { MonteCarloSummary } from '../model/results';
import type { SampledMetric, SimulationEntry } from './simulation.svelte';
import { sampledDifference } from './simulation.svelte';
import { formatCount, formatMillions, formatPercent } from '$lib/model/format';

export interface CompareInput {
	scenario: Scenario;
	result: ScenarioResult;
	/** Its Monte Carlo, when done for the scenario as it now is. */
	entry?: SimulationEntry;
}

export interface CompareCell {
	text: string;
	/** Over the cap (said in words to screen readers too). */
	breach?: boolean;
}

export interface CompareRow {
	id: string;
	label: string;
	cells: CompareCell[];
	/** The reference scenario's row, or a row that is not a scenario (the cap). */
	kind?: 'reference' | 'cap';
}

export interface CompareTable {
	id: string;
	caption: string;
	/** Column headers after the row label. */
	columns: string[];
	rows: CompareRow[];
	note?: string;
}

const money = (v: number) => formatMillions(v);
const signedMoney = (v: number) => formatMillions(v, { signed: true });
const signedCount = (v: number) => formatCount(v, { signed: true });

function summaryOf(input: CompareInput): MonteCarloSummary | undefined {
	return input.entry?.status === 'done' && input.entry.summary ? input.entry.summary : undefined;
}

function firstBreachText(r: ScenarioResult): string {
	return r.firstBreach >= 0 ? r.years[r.firstBreach] : 'none';
}

/** The most likely first breach year of a simulation, with its probability. */
function likelyFirstBreach(s: MonteCarloSummary): string {
	const best = [...s.firstBreach.byYear].sort((a, b) => b.probability - a.probability)[0];
	if (!best || best.probability < s.firstBreach.noBreach) {
		return `none (${formatPercent(s.firstBreach.noBreach, 0)})`;
	}
	return `${best.year} (${formatPercent(best.probability, 0)})`;
}

interface MetricTable {
	id: string;
	metric: string;
	caption: string;
	format: (v: number) => string;
	diff: (v: number) => string;
	sampled?: SampledMetric;
	census?: boolean;
}

const METRIC_TABLES: MetricTable[] = [
	{
		id: 'ehcps',
		metric: 'ehcp_total',
		caption: 'EHCPs at the January census',
		format: (v) => formatCount(v),
		diff: signedCount,
		sampled: 'ehcp_total',
		census: true
	},
	{
		id: 'cost',
		metric: 'hnb_expenditure_after_savings',
		caption: 'HNB expenditure after savings (£m)',
		format: money,
		diff: signedMoney,
		sampled: 'hnb_expenditure_after_savings'
	},
	{
		id: 'placement-cost',
		metric: 'placement_cost',
		caption: 'Placement cost (£m)',
		format: money,
		diff: signedMoney,
		sampled: 'placement_cost'
	}
];

/**
 * The Compare view's tables for scenarios (in display order) against a reference among them.
 * @example compareTables([{ scenario: plan, result: planResult }, …], plan.id)[0].caption
 */
export function compareTables(
	inputs: readonly CompareInput[],
	referenceId: string
): CompareTable[] {
	if (inputs.length === 0) return [];
	const first = inputs[0].result;
	const years = first.years;
	const censuses = first.censuses.map((c) => `Jan ${c}`);
	const kind = (i: CompareInput): CompareRow['kind'] =>
		i.scenario.id === referenceId ? 'reference' : undefined;
	const simulated = inputs.some((i) => summaryOf(i));
	const tables: CompareTable[] = [];

	// Against the cap.
	const cap = metricValues(first, 'deficit_cap');
	tables.push({
		id: 'deficit',
		caption: 'Cumulative DSG deficit before Safety Valve funding against the cap (£m)',
		columns: [...years, 'First breach'],
		rows: [
			...inputs.map((i): CompareRow => {
				const cum = metricValues(i.result, 'cumulative_deficit_before_sv');
				const head = metricValues(i.result, 'headroom');
				return {
					id: i.scenario.id,
					label: i.scenario.name,
					kind: kind(i),
					cells: [
						...cum.map((v, k) => ({ text: money(v), breach: head[k] < -0.5 })),
						{ text: firstBreachText(i.result), breach: i.result.firstBreach >= 0 }
					]
				};
			}),
			{
				id: 'cap',
				label: 'Cap (maximum cumulative deficit)',
				kind: 'cap' as const,
				cells: [...cap.map((v) => ({ text: money(v) })), { text: '' }]
			}
		],
		note: inputs.some((i) => metricValues(i.result, 'deficit_cap').some((v, k) => v !== cap[k]))
			? 'Some scenarios set their own cap: compare each with its own in the headroom table.'
			: undefined
	});

	tables.push({
		id: 'headroom',
		caption: 'Headroom under the cap (£m; negative is a breach)',
		columns: [...years, ...(simulated ? ['P(breach in some year)'] : [])],
		rows: inputs.map((i) => {
			const s = summaryOf(i);
			const head = metricValues(i.result, 'headroom');
			return {
				id: i.scenario.id,
				label: i.scenario.name,
				kind: kind(i),
				cells: [
					...head.map((v) => ({ text: money(v), breach: v < -0.5 })),
					...(simulated
						? [
								s
									? { text: formatPercent(1 - s.firstBreach.noBreach, 0) }
									: { text: 'not simulated' }
							]
						: [])
				]
			};
		})
	});

	if (simulated) {
		tables.push({
			id: 'p-breach',
			caption: 'Probability that the cumulative deficit is over the cap (Monte Carlo)',
			columns: [...years, 'Most likely first breach'],
			rows: inputs.map((i) => {
				const s = summaryOf(i);
				return {
					id: i.scenario.id,
					label: i.scenario.name,
					kind: kind(i),
					cells: s
						? [
								...Array.from(s.breachProbability, (p) => ({ text: formatPercent(p, 0) })),
								{ text: likelyFirstBreach(s) }
							]
						: [...years.map(() => ({ text: '–' })), { text: 'not simulated' }]
				};
			})
		});
	}

	for (const t of METRIC_TABLES) {
		tables.push({
			id: t.id,
			caption: t.caption,
			columns: t.census ? censuses : years,
			rows: inputs.map((i) => ({
				id: i.scenario.id,
				label: i.scenario.name,
				kind: kind(i),
				cells: metricValues(i.result, t.metric).map((v) => ({ text: t.format(v) }))
			}))
		});
	}

	// Differences from the reference.
	const ref = inputs.find((i) => i.scenario.id === referenceId);
	const others = inputs.filter((i) => i.scenario.id !== referenceId);
	if (ref && others.length) {
		const diffTables: (MetricTable & { sampled: SampledMetric })[] = [
			{
				id: 'diff-deficit',
				metric: 'cumulative_deficit_before_sv',
				caption: 'cumulative deficit before Safety Valve funding (£m)',
				format: money,
				diff: signedMoney,
				sampled: 'cumulative_deficit_before_sv'
			},
			...METRIC_TABLES.slice(0, 2).map((t) => ({ ...t, id: `diff-${t.id}`, sampled: t.sampled! }))
		];
		for (const t of diffTables) {
			const refValues = metricValues(ref.result, t.metric);
			let withError = false;
			const rows = others.map((o) => {
				const values = metricValues(o.result, t.metric);
				const mc =
					ref.entry && o.entry && summaryOf(ref) && summaryOf(o)
						? sampledDifference(ref.entry, o.entry, t.sampled)
						: null;
				if (mc) withError = true;
				return {
					id: o.scenario.id,
					label: o.scenario.name,
					cells: values.map((v, k) => {
						const d = v - refValues[k];
						const se = mc?.byYear[k]?.standardError;
						return {
							text: se !== undefined ? `${t.diff(d)} (±${t.format(se)})` : t.diff(d)
						};
					})
				};
			});
			tables.push({
				id: t.id,
				caption: `Difference from “${ref.scenario.name}”: ${t.caption}`,
				columns: t.census ? censuses : years,
				rows,
				note: withError
					? 'Expected projection; in brackets the standard error of the Monte Carlo mean difference (same seed and number of simulations: common random numbers).'
					: undefined
			});
		}
	}
	return tables;
}
