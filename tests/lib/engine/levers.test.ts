/**
 * What each scenario lever does to the Kingston projection (docs/model.md §2 levers, §4), checked
 * against the same scenario without it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { BASELINE_TREND, MAY_PROJECTION, kingstonScenarios } from '$lib/data/kingston-scenarios';
import { ncysOfAgeBand } from '$lib/model/categories';
import type { Lever, Scenario } from '$lib/model/scenario';
import { projectExpected } from '$lib/engine/project';
import type { PreparedDataset } from '$lib/engine/workbench';
import type { ScenarioResult } from '$lib/model/results';
import { compile, prepareDataset, runExpected } from '$lib/engine/workbench';
import { metricValues } from '$lib/model/results';
import { FINANCE_METRICS } from '$lib/engine/metrics';

let prepared: PreparedDataset;
beforeAll(() => {
	prepared = prepareDataset(kingstonDataset());
});

const scenario = (name: string): Scenario =>
	structuredClone(kingstonScenarios().find((s) => s.name === name)!);
const baseline = () => scenario(BASELINE_TREND);

const open = { label: '', from: null, until: null };
function withLevers(s: Scenario, ...levers: Lever[]): Scenario {
	return { ...s, id: `${s.id}-levered`, levers: [...s.levers, ...levers] };
}
const values = (r: ScenarioResult, metric: string) => metricValues(r, metric);
const run = (s: Scenario) => runExpected(prepared, s);

describe('placement redirect', () => {
	const redirect: Lever = {
		id: 'r',
		kind: 'redirect',
		fromSetting: 'independent_special',
		toSetting: 'maintained_special',
		share: 0.2,
		joiners: true,
		movers: true,
		...open,
		from: '2022/23'
	};

	it('moves children between settings but not in or out of the plan population', () => {
		const a = run(baseline());
		const b = run(withLevers(baseline(), redirect));
		values(b, 'ehcp_total').forEach((n, k) => expect(n).toBeCloseTo(values(a, 'ehcp_total')[k], 6));
		const indep = 'ehcp_by_setting:independent_special';
		const special = 'ehcp_by_setting:maintained_special';
		expect(values(b, indep)[3]).toBeLessThan(values(a, indep)[3]);
		expect(values(b, special)[3]).toBeGreaterThan(values(a, special)[3]);
	});

	it('moves cost: the cheaper setting lowers placement cost from its first year on, not before', () => {
		const a = run(baseline());
		const b = run(withLevers(baseline(), redirect));
		expect(values(b, 'placement_cost')[0]).toBeCloseTo(values(a, 'placement_cost')[0], 6);
		for (let k = 1; k < a.years.length; k++) {
			expect(values(b, 'placement_cost')[k]).toBeLessThan(values(a, 'placement_cost')[k]);
		}
	});
});

describe('capacity cap', () => {
	it('holds the setting at its cap and overflows the excess to the named setting', () => {
		const a = run(baseline());
		const special = 'ehcp_by_setting:maintained_special';
		const indep = 'ehcp_by_setting:independent_special';
		const cap = Math.round(values(a, special)[0]);
		const b = run(
			withLevers(baseline(), {
				id: 'c',
				kind: 'capacity',
				setting: 'maintained_special',
				capacity: cap,
				overflowSetting: 'independent_special',
				...open,
				from: '2022/23'
			})
		);
		expect(values(a, special)[1]).toBeGreaterThan(cap);
		for (let k = 1; k < b.years.length; k++) expect(values(b, special)[k]).toBeCloseTo(cap, 6);
		// In its first step the whole excess lands in the overflow setting: children are conserved.
		expect(values(b, indep)[1] - values(a, indep)[1]).toBeCloseTo(values(a, special)[1] - cap, 6);
		values(b, 'ehcp_total').forEach((n, k) => expect(n).toBeCloseTo(values(a, 'ehcp_total')[k], 6));
		// Independent places cost more: the cap raises placement cost.
		expect(values(b, 'placement_cost')[1]).toBeGreaterThan(values(a, 'placement_cost')[1]);
	});
});

describe('lever windows', () => {
	it('applies a lever from its "from" year until its "until" year, and in no other', () => {
		const a = run(baseline());
		const b = run(
			withLevers(baseline(), {
				id: 'j',
				kind: 'joiners',
				multiplier: 1.5,
				band: null,
				...open,
				from: '2023/24',
				until: '2024/25'
			})
		);
		const ja = values(a, 'ehcp_joiners');
		const jb = values(b, 'ehcp_joiners');
		expect(jb[0]).toBeCloseTo(ja[0], 6);
		expect(jb[1]).toBeCloseTo(ja[1], 6);
		expect(jb[2]).toBeCloseTo(ja[2] * 1.5, 6);
		expect(jb[3]).toBeCloseTo(ja[3] * 1.5, 6);
		expect(jb[4]).toBeCloseTo(ja[4], 6);
	});
});

describe('new and ceased plans', () => {
	it('multiplies the new plans of one age band only', () => {
		const base = compile(prepared, baseline());
		const levered = compile(
			prepared,
			withLevers(baseline(), {
				id: 'j',
				kind: 'joiners',
				multiplier: 2,
				band: 'age_5_10',
				...open
			})
		);
		const band = new Set(ncysOfAgeBand('age_5_10'));
		const byBand = (c: typeof base) => {
			const flows = projectExpected(c).flows[1].joiners;
			let inBand = 0;
			let other = 0;
			flows.forEach((n, s) => (band.has(c.space.ncy[s]) ? (inBand += n) : (other += n)));
			return { inBand, other };
		};
		const a = byBand(base);
		const b = byBand(levered);
		expect(a.inBand).toBeGreaterThan(0);
		expect(b.inBand).toBeCloseTo(2 * a.inBand, 6);
		expect(b.other).toBeCloseTo(a.other, 6);
	});

	it('raises ceased plans with a multiplier above 1', () => {
		const a = run(baseline());
		const b = run(
			withLevers(baseline(), { id: 'l', kind: 'leavers', multiplier: 1.2, band: null, ...open })
		);
		for (let k = 0; k < a.years.length; k++) {
			expect(values(b, 'ehcp_leavers')[k]).toBeGreaterThan(values(a, 'ehcp_leavers')[k]);
		}
	});
});

describe('costs', () => {
	it('inflates one setting’s unit cost from its year, leaving the others', () => {
		const base = compile(prepared, baseline());
		const c = compile(
			prepared,
			withLevers(baseline(), {
				id: 'u',
				kind: 'unit_cost_inflation',
				setting: 'independent_special',
				rate: 0.1,
				...open,
				from: '2023/24'
			})
		);
		const general = kingstonDataset().finance.lines.unit_cost_inflation!['2023/24'].value;
		const indep = c.space.settingIndex.get('independent_special')!;
		for (let s = 0; s < c.space.size; s++) {
			expect(c.unitCosts[1][s]).toBe(base.unitCosts[1][s]);
			const ratio = c.unitCosts[2][s] / base.unitCosts[2][s];
			expect(ratio).toBeCloseTo(c.space.setting[s] === indep ? 1.1 / (1 + general) : 1, 9);
		}
	});

	it('adds a one-off cost to HNB spend in its year only', () => {
		const a = run(baseline());
		const b = run(
			withLevers(baseline(), {
				id: 'o',
				kind: 'one_off_cost',
				amount: 1_000_000,
				...open,
				from: '2023/24',
				until: '2023/24'
			})
		);
		const diff = values(b, 'hnb_expenditure_before_savings').map(
			(v, k) => v - values(a, 'hnb_expenditure_before_savings')[k]
		);
		expect(diff.map((d) => Math.round(d))).toEqual([0, 0, 1_000_000, 0, 0]);
	});
});

describe('savings, funding and the ledger', () => {
	it('sets one savings line’s delivery in its window', () => {
		const may = scenario(MAY_PROJECTION);
		const a = run(may);
		const b = run(
			withLevers(may, {
				id: 's',
				kind: 'savings_delivery',
				line: 'post_16_offer',
				delivery: 0.5,
				...open,
				from: '2022/23'
			})
		);
		const line = values(b, 'savings:post_16_offer');
		expect(line[0]).toBeCloseTo(values(a, 'savings:post_16_offer')[0], 6);
		expect(line.slice(1).map(Math.round)).toEqual([60_000, 60_000, 60_000, 60_000]);
		const extra =
			values(b, 'cumulative_deficit_before_sv')[4] - values(a, 'cumulative_deficit_before_sv')[4];
		expect(Math.round(extra)).toBe(4 * 60_000);
	});

	it('grows the HNB allocation year on year from the year before its window', () => {
		const b = run(
			withLevers(baseline(), {
				id: 'g',
				kind: 'allocation_growth',
				rate: 0.04,
				...open,
				from: '2022/23'
			})
		);
		const alloc = values(b, 'hnb_allocation');
		for (let k = 1; k < alloc.length; k++) expect(alloc[k]).toBeCloseTo(alloc[k - 1] * 1.04, 4);
	});

	it('sets a ledger line and moves the in-year deficit by the difference', () => {
		const a = run(baseline());
		const b = run(
			withLevers(baseline(), {
				id: 'gf',
				kind: 'ledger',
				line: 'general_fund_contribution',
				amount: 500_000,
				...open,
				from: '2023/24'
			})
		);
		const gfA = values(a, 'general_fund_contribution');
		const gfB = values(b, 'general_fund_contribution');
		expect(gfB.slice(2)).toEqual([500_000, 500_000, 500_000]);
		for (let k = 2; k < 5; k++) {
			const shift = values(b, 'in_year_dsg_deficit')[k] - values(a, 'in_year_dsg_deficit')[k];
			expect(shift).toBeCloseTo(gfA[k] - gfB[k], 4);
		}
	});

	it('withholds the Safety Valve instalment after a breach, leaving the deficit before funding', () => {
		const a = run(baseline());
		expect(a.firstBreach).toBeGreaterThanOrEqual(0);
		const b = run(withLevers(baseline(), { id: 'w', kind: 'sv_withholding', ...open }));
		const k = a.firstBreach + 1;
		expect(values(b, 'cumulative_deficit_before_sv')).toEqual(
			values(a, 'cumulative_deficit_before_sv')
		);
		expect(values(b, 'sv_funding_cumulative')[k]).toBe(values(b, 'sv_funding_cumulative')[k - 1]);
		expect(values(b, 'cumulative_deficit_after_sv')[k]).toBeGreaterThan(
			values(a, 'cumulative_deficit_after_sv')[k]
		);
	});
});

describe('a pinned year', () => {
	it('keeps every finance figure whatever the levers, even with open windows', () => {
		const may = scenario(MAY_PROJECTION);
		const a = run(may);
		const b = run(
			withLevers(
				may,
				{ id: 'g', kind: 'allocation_growth', rate: 0.2, ...open },
				{ id: 'o', kind: 'one_off_cost', amount: 5_000_000, ...open },
				{ id: 'u', kind: 'unit_cost_inflation', setting: null, rate: 0.5, ...open },
				{ id: 's', kind: 'savings_delivery', line: null, delivery: 0, ...open },
				{ id: 'gf', kind: 'ledger', line: 'general_fund_contribution', amount: 0, ...open },
				{ id: 'j', kind: 'joiners', multiplier: 1.5, band: null, ...open }
			)
		);
		for (const m of FINANCE_METRICS) {
			if (m === 'placement_cost') continue;
			expect([m, values(b, m)[0]]).toEqual([m, values(a, m)[0]]);
		}
		expect(values(b, 'cumulative_deficit_before_sv')[4]).not.toBeCloseTo(
			values(a, 'cumulative_deficit_before_sv')[4],
			0
		);
	});
});
