import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import DeficitChart from '$lib/ui/DeficitChart.svelte';
import { CAP_COLOUR, SCENARIO_COLOURS } from '$lib/model/colours';
import { markup } from '../charts/markup';

const years = ['2021/22', '2022/23', '2023/24', '2024/25'];
const cap = [28_607_000, 28_607_000, 28_607_000, 28_607_000];
const baseline = {
	id: 'baseline',
	label: 'Baseline (trend)',
	values: [27_000_000, 28_000_000, 29_500_000, 31_000_000],
	colour: SCENARIO_COLOURS[4]
};
const plan = {
	id: 'plan',
	label: 'SVA plan',
	values: [27_000_000, 27_500_000, 28_000_000, 28_607_000.4],
	colour: SCENARIO_COLOURS[0]
};

async function draw(series = [baseline, plan], capByYear = cap) {
	const { container } = await render(DeficitChart, {
		years,
		series,
		cap: capByYear,
		id: 'test-deficit',
		width: 600
	});
	const svg = container.querySelector('svg[role="img"]') as SVGSVGElement;
	return { container, svg };
}

const stroke = (svg: SVGSVGElement, id: string) =>
	svg.querySelector(`g.scenario[data-scenario-id="${id}"] .line path`)?.getAttribute('stroke');

describe('the deficit chart', () => {
	it('draws each scenario in its own stored colour, whatever its place in the list', async () => {
		const { svg } = await draw([baseline, plan]);
		expect(stroke(svg, 'baseline')).toBe(SCENARIO_COLOURS[4]);
		expect(stroke(svg, 'plan')).toBe(SCENARIO_COLOURS[0]);
		const reordered = await draw([plan, baseline]);
		expect(stroke(reordered.svg, 'baseline')).toBe(SCENARIO_COLOURS[4]);
		expect(stroke(reordered.svg, 'plan')).toBe(SCENARIO_COLOURS[0]);
	});

	it('draws the cap last (above every scenario), dashed and thicker, in a colour no scenario has, labelled', async () => {
		const { svg } = await draw();
		const groups = [...svg.querySelectorAll('g.scenario, g.cap')];
		expect(groups.at(-1)?.classList.contains('cap')).toBe(true);
		const capPath = svg.querySelector('g.cap .line path')!;
		expect(capPath.getAttribute('stroke')).toBe(CAP_COLOUR);
		expect(capPath.getAttribute('stroke-dasharray')).toBeTruthy();
		const scenarioWidth = Number(
			svg.querySelector('g.scenario .line path')!.getAttribute('stroke-width')
		);
		expect(Number(capPath.getAttribute('stroke-width'))).toBeGreaterThan(scenarioWidth);
		expect(svg.querySelector('g.cap text')?.textContent).toBe('Cap £28.6m');
	});

	it('rings each scenario’s first breach and marks the earliest, comparing in whole pounds', async () => {
		const { svg } = await draw();
		// The baseline goes over in 2023/24; the plan ends 40p over the cap, which is no breach.
		expect(
			svg
				.querySelector('g.scenario[data-scenario-id="baseline"] g.breach')
				?.getAttribute('data-breach')
		).toBe('2023/24');
		expect(svg.querySelector('g.scenario[data-scenario-id="plan"] g.breach')).toBeNull();
		// Several scenarios shown: the marker says whose breach it is.
		expect(svg.querySelector('g.rule-x text')?.textContent).toBe(
			'First breach 2023/24: Baseline (trend)'
		);
		const alone = await draw([baseline]);
		expect(alone.svg.querySelector('g.rule-x text')?.textContent).toBe('First breach 2023/24');
	});

	it('writes the cap’s label right of the line’s end, clear of every scenario’s line', async () => {
		const { svg } = await draw();
		const label = svg.querySelector('g.cap text')!.getBoundingClientRect();
		for (const path of svg.querySelectorAll('g.scenario .line path, g.cap .line path')) {
			expect(label.left).toBeGreaterThan(path.getBoundingClientRect().right);
		}
		expect(label.right).toBeLessThanOrEqual(svg.getBoundingClientRect().right);
	});

	it('names the year of the cap’s value when the cap changes from year to year', async () => {
		const { svg } = await draw([baseline, plan], [28_607_000, 30_800_000, 30_700_000, 31_200_000]);
		expect([...svg.querySelectorAll('g.cap text')].map((t) => t.textContent)).toEqual([
			'Cap 2024/25',
			'£31.2m'
		]);
	});

	it('marks no breach when every scenario stays under the cap', async () => {
		const { svg } = await draw([plan]);
		expect(svg.querySelector('g.rule-x')).toBeNull();
		expect(svg.querySelector('g.breach')).toBeNull();
	});

	it('keeps its legend and units on the SVG for exports, the cap and first breach in it', async () => {
		const { svg } = await draw();
		const legend = JSON.parse(svg.getAttribute('data-legend')!) as { label: string }[];
		expect(legend.map((l) => l.label)).toEqual([
			'Baseline (trend)',
			'SVA plan',
			'Cap (maximum cumulative deficit)',
			'First breach 2023/24: Baseline (trend)'
		]);
		expect(svg.getAttribute('data-units')).toBe('£ million');
	});

	it('labels the deficit axis with enough decimals that no two neighbouring ticks read the same', async () => {
		const small = {
			...plan,
			id: 'small',
			label: 'Small',
			values: [0, 600_000, 1_200_000, 1_900_000]
		};
		const { svg } = await draw([small], [2_000_000, 2_000_000, 2_000_000, 2_000_000]);
		const ticks = [...svg.querySelectorAll('g.axis-y .tick text')].map((t) => t.textContent);
		expect(ticks.length).toBeGreaterThan(2);
		expect(ticks.every((t, i) => i === 0 || t !== ticks[i - 1])).toBe(true);
		expect(ticks).toContain('£0.5m');
	});

	it('draws the same SVG for the same data', async () => {
		const { svg } = await draw();
		expect(markup(svg)).toMatchSnapshot();
	});
});
