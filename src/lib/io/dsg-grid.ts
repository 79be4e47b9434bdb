/**
 * The DSG management plan grid (docs/model.md §6.5): EHCPs by the template's 7 placement categories
 * × 5 age bands × January census, from a projection's stocks by state. Each setting counts in its
 * DSG category (`SettingDef.group`) and each NCY in the age band of age NCY + 4; children at an
 * NCY outside ages 0–25 (possible in witan.send data) are counted apart, never dropped silently.
 * Below them, the placement cost of each category in the financial year that contains each
 * projected census (the `placement_cost_by_setting:<setting>` rows rolled up, docs/model.md §3.2).
 */
import type { AgeBand, DsgCategory } from '../model/categories';
import { AGE_BANDS, DSG_CATEGORIES, ageBandOfNcy } from '../model/categories';
import type { ExpectedProjection } from '../engine/project';
import type { CompiledScenario } from '../engine/scenario';
import { largestRemainder } from '../engine/rounding';
import type { FinancialYear } from '../model/years';
import type { DataTable } from './table';
import { tidy } from './long-csv';

export interface DsgGrid {
	scenarioName: string;
	/** January censuses: the base census (observed), then each projected one. */
	censuses: number[];
	/** The base census (first of `censuses`). */
	baseCensus: number;
	categories: readonly DsgCategory[];
	bands: readonly AgeBand[];
	/** EHCPs, `counts[category][band][census]`, in the order of `categories`, `bands`, `censuses`. */
	counts: number[][][];
	/** EHCPs per census at NCYs outside ages 0–25 (in no age band). */
	unbanded: number[];
	/** EHCPs per census, all cells plus `unbanded`. */
	totals: number[];
	/** The financial year containing each projected census (`censuses` after the base). */
	years: FinancialYear[];
	/**
	 * Placement cost, £, `costs[category][k]` in financial year `years[k]`: the category's
	 * settings' caseload × unit cost. Adds up to `placement_cost` over the categories.
	 */
	costs: number[][];
}

/** The index of an NCY's age band, or −1 for an NCY outside ages 0–25 (witan.send data). */
function bandOf(ncy: number, bandIndex: ReadonlyMap<string, number>): number {
	try {
		return bandIndex.get(ageBandOfNcy(ncy)) ?? -1;
	} catch {
		return -1;
	}
}

/**
 * The grid of a compiled scenario's expected projection (`projectExpected(compiled)`): its base
 * stock and the stock after each step, rolled up by DSG category and age band.
 * @example dsgGrid(c, projectExpected(c)).counts[3][1][0] // independent special, 5–10, base census
 */
export function dsgGrid(compiled: CompiledScenario, projection: ExpectedProjection): DsgGrid {
	const { space } = compiled;
	const censuses = [compiled.baseCensus, ...compiled.censuses];
	if (projection.stocks.length !== censuses.length) {
		throw new Error(
			`dsgGrid: expected ${censuses.length} stocks (the base census and ${compiled.censuses.length} projected), got ${projection.stocks.length}`
		);
	}
	const categoryIndex = new Map(DSG_CATEGORIES.map((c, i) => [c.id, i]));
	const bandIndex = new Map(AGE_BANDS.map((b, i) => [b.id, i]));
	const catOfState = new Int8Array(space.size);
	const bandOfState = new Int8Array(space.size);
	for (let s = 0; s < space.size; s++) {
		const setting = space.settings[space.setting[s]];
		const c = categoryIndex.get(setting.group);
		if (c === undefined) {
			throw new Error(
				`dsgGrid: setting "${setting.id}" has group "${setting.group}", which is not a DSG category`
			);
		}
		catOfState[s] = c;
		bandOfState[s] = bandOf(space.ncy[s], bandIndex);
	}
	const H = compiled.censuses.length;
	const costs = DSG_CATEGORIES.map(() => compiled.years.map(() => 0));
	space.settings.forEach((setting, i) => {
		const c = categoryIndex.get(setting.group);
		if (c === undefined) {
			throw new Error(
				`dsgGrid: setting "${setting.id}" has group "${setting.group}", which is not a DSG category`
			);
		}
		const row = compiled.layout.costSettingRows[i];
		for (let k = 0; k < H; k++) costs[c][k] += projection.values[row * H + k];
	});
	const counts = DSG_CATEGORIES.map(() => AGE_BANDS.map(() => censuses.map(() => 0)));
	const unbanded = censuses.map(() => 0);
	const totals = censuses.map(() => 0);
	projection.stocks.forEach((stock, t) => {
		for (let s = 0; s < space.size; s++) {
			const n = stock[s];
			if (n === 0) continue;
			totals[t] += n;
			if (bandOfState[s] < 0) unbanded[t] += n;
			else counts[catOfState[s]][bandOfState[s]][t] += n;
		}
	});
	return {
		scenarioName: compiled.scenarioName,
		censuses,
		baseCensus: compiled.baseCensus,
		categories: DSG_CATEGORIES,
		bands: AGE_BANDS,
		counts,
		unbanded,
		totals,
		years: compiled.years,
		costs
	};
}

/**
 * The grid in whole children per census: the cells of each census rounded by largest remainder
 * so that they add up to its rounded total (the expected projection holds fractional children).
 * @example roundGrid(grid).counts[0][1] // whole numbers
 */
export function roundGrid(grid: DsgGrid): DsgGrid {
	const counts = grid.counts.map((byBand) => byBand.map((byCensus) => byCensus.slice()));
	const unbanded = grid.unbanded.slice();
	grid.censuses.forEach((_, t) => {
		const cells = [
			...grid.counts.flatMap((byBand) => byBand.map((byCensus) => Math.max(0, byCensus[t]))),
			Math.max(0, grid.unbanded[t])
		];
		const total = Math.round(cells.reduce((a, b) => a + b, 0));
		const whole = total === 0 ? cells.map(() => 0) : largestRemainder(cells, total);
		let i = 0;
		for (const byBand of counts) for (const byCensus of byBand) byCensus[t] = whole[i++];
		unbanded[t] = whole[i];
	});
	return {
		...grid,
		counts,
		unbanded,
		totals: grid.totals.map((_, t) => Math.round(grid.totals[t]))
	};
}

/** The "Age band" cell of the placement cost rows. */
export const COST_LABEL = 'Placement cost (£ in the financial year)';

/**
 * The grid as an export table: one row per placement category and age band (the template's
 * order), with a total row per category and a grand total, one column per January census. Whole
 * children unless `round` is false.
 * @example tableToCsv(dsgGridTable(grid)) // 'Placement category,Age band,Jan 2021 (actual),Jan 2022,…'
 */
export function dsgGridTable(grid: DsgGrid, { round = true } = {}): DataTable {
	const g = round ? roundGrid(grid) : grid;
	const columns: DataTable['columns'] = [
		{ label: 'Placement category', kind: 'text', width: 44 },
		{ label: 'Age band', kind: 'text', width: 10 },
		...g.censuses.map((c) => ({
			label: c === g.baseCensus ? `Jan ${c} (actual)` : `Jan ${c}`,
			kind: 'number' as const,
			format: round ? '#,##0' : '#,##0.00'
		}))
	];
	const rows: DataTable['rows'] = [];
	g.categories.forEach((cat, c) => {
		g.bands.forEach((band, b) => rows.push([cat.label, band.label, ...g.counts[c][b]]));
		rows.push([
			cat.label,
			'All ages',
			...g.censuses.map((_, t) => g.counts[c].reduce((a, byCensus) => a + byCensus[t], 0))
		]);
	});
	if (g.unbanded.some((n) => n !== 0))
		rows.push(['All categories', 'Outside ages 0–25', ...g.unbanded]);
	rows.push([
		'All categories',
		'All ages',
		...g.censuses.map(
			(_, t) =>
				g.counts.reduce((a, byBand) => a + byBand.reduce((x, byCensus) => x + byCensus[t], 0), 0) +
				g.unbanded[t]
		)
	]);
	// Costs belong to financial years; the base census (an actual) has none. Pounds in full.
	const pounds = (v: number) => ({ value: tidy(v), format: '£#,##0.00' });
	g.categories.forEach((cat, c) =>
		rows.push([cat.label, COST_LABEL, null, ...g.costs[c].map(pounds)])
	);
	rows.push([
		'All categories',
		COST_LABEL,
		null,
		...g.years.map((_, k) => pounds(g.costs.reduce((a, byYear) => a + byYear[k], 0)))
	]);
	return {
		name: 'DSG management plan grid',
		title: `EHCPs by placement category and age band at each January census, and placement cost by category — ${g.scenarioName}`,
		columns,
		rows,
		notes: [
			`Scenario: ${g.scenarioName}. Jan ${g.baseCensus} is the base census; later years are the expected projection.`,
			'Age at 31 August before the school year. Placement categories as in the DSG management plan template.',
			`${COST_LABEL} rows: caseload × unit cost with inflation in the financial year that contains each January census (Jan ${g.censuses[1] ?? ''} → ${g.years[0] ?? ''}), in pounds; the base census has none.`,
			...(round
				? ['Expected values rounded to whole children per census, keeping each census total.']
				: [])
		]
	};
}
