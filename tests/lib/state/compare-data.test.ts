import { beforeAll, describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import {
	BASELINE_TREND,
	MAY_PROJECTION,
	SVA_PLAN,
	kingstonScenarios
} from '$lib/data/kingston-scenarios';
import { prepareDataset, runExpected, compile } from '$lib/engine/workbench';
import { runMonteCarlo, summariseMonteCarlo } from '$lib/engine/monte-carlo';
import type { SimulationEntry } from '$lib/state/simulation.svelte';
import { compareTables, type CompareInput } from '$lib/state/compare-data';

let inputs: CompareInput[];
beforeAll(() => {
	const prepared = prepareDataset(kingstonDataset());
	inputs = [SVA_PLAN, MAY_PROJECTION, BASELINE_TREND].map((name) => {
		const scenario = kingstonScenarios().find((s) => s.name === name)!;
		return { scenario, result: runExpected(prepared, scenario) };
	});
});

const table = (tables: ReturnType<typeof compareTables>, id: string) =>
	tables.find((t) => t.id === id)!;
const row = (t: ReturnType<typeof table>, label: string) => t.rows.find((r) => r.label === label)!;

describe('compareTables', () => {
	it('puts the cumulative deficit against the cap, with the first breach, as the seed prints it', () => {
		const t = table(compareTables(inputs, inputs[0].scenario.id), 'deficit');
		expect(row(t, SVA_PLAN).cells[0].text).toBe('£28.607m');
		expect(row(t, MAY_PROJECTION).cells[0].text).toBe('£27.886m');
		expect(row(t, 'Cap (maximum cumulative deficit)').cells[0].text).toBe('£28.607m');
		expect(row(t, BASELINE_TREND).cells.at(-1)).toEqual({ text: '2022/23', breach: true });
		expect(row(t, SVA_PLAN).kind).toBe('reference');
	});

	it('gives each scenario’s difference from the reference, and none for the reference itself', () => {
		const t = table(compareTables(inputs, inputs[0].scenario.id), 'diff-deficit');
		expect(t.caption).toBe(
			`Difference from “${SVA_PLAN}”: cumulative deficit before Safety Valve funding (£m)`
		);
		expect(row(t, MAY_PROJECTION).cells[0].text).toBe('−£0.721m');
		expect(t.rows.map((r) => r.label)).toEqual([MAY_PROJECTION, BASELINE_TREND]);
		expect(t.note).toBeUndefined();
	});

	it('adds breach probabilities and standard errors once the scenarios are simulated alike', () => {
		const prepared = prepareDataset(kingstonDataset());
		const runs = runMonteCarlo(
			inputs.map((i) => compile(prepared, i.scenario)),
			100,
			50
		);
		const simulated = inputs.map((input, k): CompareInput => {
			const run = runs[k];
			const H = run.censuses.length;
			const samples = Object.fromEntries(
				['cumulative_deficit_before_sv', 'ehcp_total', 'hnb_expenditure_after_savings'].map((m) => {
					const row = run.metrics.findIndex((d) => d.name === m);
					const a = new Float64Array(run.simulations * H);
					for (let i = 0; i < run.simulations; i++)
						for (let j = 0; j < H; j++)
							a[i * H + j] = run.values[(i * run.metrics.length + row) * H + j];
					return [m, a];
				})
			);
			const entry: SimulationEntry = {
				key: 'k',
				status: 'done',
				summary: summariseMonteCarlo(run),
				samples,
				error: null,
				cached: false
			};
			return { ...input, entry };
		});
		const tables = compareTables(simulated, simulated[0].scenario.id);
		expect(table(tables, 'p-breach')).toBeDefined();
		expect(table(tables, 'headroom').columns.at(-1)).toBe('P(breach in some year)');
		const diff = table(tables, 'diff-ehcps');
		expect(diff.note).toMatch(/standard error/);
		expect(row(diff, BASELINE_TREND).cells[1].text).toMatch(/^[+−][\d,]+ \(±[\d,]+\)$/);
	});
});
