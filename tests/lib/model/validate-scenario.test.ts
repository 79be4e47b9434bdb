import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '../../../src/lib/data/kingston';
import { BASELINE_TREND, kingstonScenarios } from '../../../src/lib/data/kingston-scenarios';
import type { Scenario } from '../../../src/lib/model/scenario';
import type { ValidationResult } from '../../../src/lib/model/validate';
import { describeLever, validateScenario } from '../../../src/lib/model/validate-scenario';

const dataset = kingstonDataset();

/** A deep copy of "Baseline (trend)", renamed, loosely typed so that tests can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function growth(): any {
	const s = structuredClone(kingstonScenarios().find((x) => x.name === BASELINE_TREND)!);
	return { ...s, id: 'growth-9', name: 'Growth 9%', parentId: 'baseline-trend' };
}

const errorsOf = (r: ValidationResult<Scenario>) => (r.ok ? [] : r.errors.map((e) => e.message));
const check = (s: unknown) => errorsOf(validateScenario(s, dataset));

const joiners = (extra: object = {}) => ({
	id: 'growth',
	label: '',
	kind: 'joiners',
	multiplier: 1.09,
	band: null,
	from: null,
	until: null,
	...extra
});

const SETTINGS =
	'mainstream, resourced_provision, maintained_special, independent_special, alternative_provision, post_16_fe, other';

describe('validateScenario: the default scenarios', () => {
	it('accepts every Kingston scenario with no errors and no warnings', () => {
		for (const s of kingstonScenarios()) {
			const r = validateScenario(s, dataset);
			expect(errorsOf(r)).toEqual([]);
			expect(r.warnings).toEqual([]);
			expect(r.ok && r.value).toEqual(s);
		}
	});
});

describe('validateScenario: lever windows', () => {
	it('refuses a "from" after the horizon, naming the scenario, the lever and what it does', () => {
		const s = growth();
		s.levers.push(joiners({ from: '2027/28' }));
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", lever 2 (new plans ×1.09): "from" 2027/28 is after the horizon (2025/26).'
		]);
	});

	it('refuses "from" after "until"', () => {
		const s = growth();
		s.levers.push(joiners({ from: '2024/25', until: '2022/23' }));
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", lever 2 (new plans ×1.09): "from" 2024/25 is after "until" 2022/23.'
		]);
	});

	it('refuses a year before the projection and a year that is not a financial year', () => {
		const s = growth();
		s.levers.push(joiners({ from: '2019/20', until: '2023-24' }));
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", lever 2 (new plans ×1.09): "from" 2019/20 is before the first year of the projection (2021/22).',
			'Scenario "Growth 9%", lever 2 (new plans ×1.09): "until" must be a financial year like 2022/23, got "2023-24".'
		]);
	});

	it('describes a lever by its label when it has one', () => {
		const s = growth();
		s.levers[0].until = '2030/31';
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", lever 1 ("No savings delivered after 2021/22"): "until" 2030/31 is after the horizon (2025/26).'
		]);
	});
});

describe('validateScenario: lever values', () => {
	it('refuses a negative multiplier', () => {
		const s = growth();
		s.levers.push(joiners({ kind: 'leavers', multiplier: -1, band: 'age_5_10' }));
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", lever 2 (ceased plans ×-1 for ages 5–10): the multiplier must be from 0 to 11 (1 leaves ceased plans as they are, 11 is +1000%), got -1.'
		]);
	});

	it('refuses a redirect share written as a percentage, to an unknown setting', () => {
		const s = growth();
		s.levers.push({
			id: 'r',
			label: '',
			kind: 'redirect',
			fromSetting: 'independent_special',
			toSetting: 'local_special',
			share: 20,
			joiners: true,
			movers: false,
			from: '2022/23',
			until: null
		});
		const where =
			'Scenario "Growth 9%", lever 2 (2000% of new plans from NMSS or independent schools to local_special)';
		expect(check(s)).toEqual([
			`${where}: "toSetting" is "local_special", which is not one of the dataset's settings (${SETTINGS}).`,
			`${where}: the share must be a fraction from 0 to 1 (0.2 is 20%), got 20.`
		]);
	});

	it('warns that a redirect of neither new plans nor moves does nothing', () => {
		const s = growth();
		s.levers.push({
			id: 'r',
			label: '',
			kind: 'redirect',
			fromSetting: 'independent_special',
			toSetting: 'maintained_special',
			share: 0.2,
			joiners: false,
			movers: false,
			from: null,
			until: null
		});
		const r = validateScenario(s, dataset);
		expect(r.ok).toBe(true);
		expect(r.warnings.map((w) => w.message)).toEqual([
			'Scenario "Growth 9%", lever 2 (20% of nothing from NMSS or independent schools to Maintained special schools or special academies): it redirects neither new plans nor moves, so it does nothing.'
		]);
	});

	it('refuses a negative capacity and an overflow into the capped setting', () => {
		const s = growth();
		s.levers.push({
			id: 'c',
			label: '',
			kind: 'capacity',
			setting: 'maintained_special',
			capacity: -1,
			overflowSetting: 'maintained_special',
			from: null,
			until: null
		});
		const where =
			'Scenario "Growth 9%", lever 2 (cap on Maintained special schools or special academies at −1, overflow to Maintained special schools or special academies)';
		expect(check(s)).toEqual([
			`${where}: the overflow goes to the capped setting "maintained_special" itself.`,
			`${where}: the capacity must be a number of children from 0 to 1,000,000, got -1.`
		]);
	});

	it('refuses an inflation rate written as a percentage', () => {
		const s = growth();
		s.levers.push({
			id: 'u',
			label: '',
			kind: 'unit_cost_inflation',
			setting: 'other',
			rate: 3,
			from: null,
			until: null
		});
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", lever 2 (unit cost inflation 300% for Other (NEET, educated elsewhere, early years, direct payments)): the rate must be a fraction from -0.5 to 1 (0.03 is 3%), got 3.'
		]);
	});

	it('checks a ledger lever by the rules of its line', () => {
		const s = growth();
		s.levers.push({
			id: 'cap',
			label: '',
			kind: 'ledger',
			line: 'deficit_cap',
			amount: 0,
			from: '2023/24',
			until: null
		});
		s.levers.push({
			id: 'x',
			label: '',
			kind: 'ledger',
			line: 'hnb_expenditure_before_savings',
			amount: 1,
			from: null,
			until: null
		});
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", lever 3 ("HNB expenditure before savings" set to 1): the line must be one of hnb_allocation, block_transfers, other_blocks_variance, general_fund_contribution, sv_funding_cumulative, deficit_cap, other_spend_inflation, unit_cost_inflation, got "hnb_expenditure_before_savings".'
		]);
		s.levers.pop();
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", lever 2 ("Maximum cumulative deficit before Safety Valve funding (cap)" set to 0): the cap must be more than £0, got £0.'
		]);
	});

	it('refuses savings delivery for a line the dataset does not have, and outside 0…2', () => {
		const s = growth();
		s.levers.push({
			id: 'd',
			label: '',
			kind: 'savings_delivery',
			line: 'new_line',
			delivery: 50,
			from: null,
			until: null
		});
		const where = 'Scenario "Growth 9%", lever 2 (savings delivery 5000% for "new_line")';
		expect(check(s)).toEqual([
			`${where}: savings line "new_line" is not one of the dataset's savings lines (srp_places, srp_vacant_place_funding, special_school_places, post_16_offer, commissioning_practice, partner_contributions); use null for every line.`,
			`${where}: the delivery must be a fraction from 0 to 2 (1 is in full), got 50.`
		]);
	});

	it('refuses an unknown lever kind and a multiplier that is NaN', () => {
		const s = growth();
		s.levers.push(joiners({ kind: 'magic' }));
		s.levers.push(joiners({ id: 'g2', multiplier: NaN }));
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", lever 2 (kind "magic"): the kind ("kind") must be one of joiners, leavers, redirect, capacity, unit_cost_inflation, one_off_cost, allocation_growth, ledger, savings_delivery, sv_withholding, total_growth, new_plans, …, got "magic".',
			'Scenario "Growth 9%", lever 3 (new plans): the multiplier must be a number, got NaN.'
		]);
	});

	it('refuses two levers with one id (structural savings lines refer to levers by id)', () => {
		const s = growth();
		s.levers.push(joiners({ id: 'no-savings-after-2021-22' }));
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", lever 2 (new plans ×1.09): the id "no-savings-after-2021-22" is already used by lever 1; each needs its own.'
		]);
	});
});

describe('validateScenario: pins, savings delivery, flow targets', () => {
	it('refuses a pinned year outside the projection and a pinned rate out of bounds', () => {
		const s = growth();
		s.ledger.hnb_allocation['2019/20'] = s.ledger.hnb_allocation['2021/22'];
		s.ledger.other_spend_inflation = {
			'2022/23': { value: 2, source: { kind: 'assumption', note: '2%' } }
		};
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", pinned "HNB allocation": the year 2019/20 is before the first year of the projection (2021/22).',
			'Scenario "Growth 9%", pinned "Inflation of non-placement HNB spend", 2022/23: the rate must be a fraction from -0.5 to 1 (0.03 is 3%), got 2.'
		]);
	});

	it('refuses savings delivery for an unknown savings line', () => {
		const s = growth();
		s.savingsDelivery.new_line = {};
		expect(check(s)).toEqual([
			'Scenario "Growth 9%": savings delivery names savings line "new_line", which the dataset does not have (srp_places, srp_vacant_place_funding, special_school_places, post_16_offer, commissioning_practice, partner_contributions).'
		]);
	});

	it('refuses a flow target outside the projection, a negative target and a census given twice', () => {
		const s = growth();
		const fig = (value: number) => ({ value, source: { kind: 'assumption', note: 'test' } });
		s.demand.flowTargets = [
			{ census: 2030, joiners: fig(172), leavers: null },
			{ census: 2023, joiners: fig(-3), leavers: null },
			{ census: 2023, joiners: null, leavers: fig(70) }
		];
		expect(check(s)).toEqual([
			'Scenario "Growth 9%", flow target 1 (January 2030): the census must be one the projection reaches (January 2022 to January 2026), got 2030.',
			'Scenario "Growth 9%", flow target 2 (January 2023): the joiners target must be a number of children from 0 to 1,000,000, got -3.',
			'Scenario "Growth 9%", flow target 3 (January 2023): flow target 2 is for the same census; keep one.'
		]);
	});

	it('refuses an unknown estimator', () => {
		const s = growth();
		s.demand.estimator = 'best';
		s.demand.leaverEstimator = 'default';
		expect(check(s)).toEqual([
			'Scenario "Growth 9%": the new-plans estimator ("demand.estimator") must be one of default, pooled, linear, loglinear, england, got "best".',
			'Scenario "Growth 9%": the ceased-plans estimator ("demand.leaverEstimator") must be one of pooled, linear, loglinear, england, got "default".'
		]);
	});
});

describe('validateScenario: Monte Carlo and the scenario itself', () => {
	it('refuses simulations outside 1…100,000 and a seed outside 0…2³²−1', () => {
		const s = growth();
		s.monteCarlo = { simulations: 0, seed: 2 ** 32 };
		expect(check(s)).toEqual([
			'Scenario "Growth 9%": the number of simulations must be a whole number from 1 to 100,000, got 0.',
			'Scenario "Growth 9%": the seed must be a whole number from 0 to 4,294,967,295, got 4294967296.'
		]);
		s.monteCarlo = { simulations: 1000.5, seed: 1 };
		expect(check(s)).toEqual([
			'Scenario "Growth 9%": the number of simulations must be a whole number from 1 to 100,000, got 1000.5.'
		]);
	});

	it('refuses unknown keys and a scenario that is its own parent', () => {
		const s = growth();
		s.monteCarlo.workers = 4;
		s.color = '#0072B2';
		expect(check(s)).toEqual([
			'Scenario "Growth 9%": unknown key "workers" in the Monte Carlo settings ("monteCarlo"); check its spelling or remove it.',
			'Scenario "Growth 9%": unknown key "color"; check its spelling or remove it.'
		]);
	});

	it('takes an optional colour written #RRGGBB, and refuses any other', () => {
		const s = growth();
		expect(check(s)).toEqual([]);
		s.colour = '#0072b2';
		expect(check(s)).toEqual([]);
		s.colour = 'blue';
		expect(check(s)).toEqual([
			'Scenario "Growth 9%": the colour ("colour") must be a colour written #RRGGBB, like #0072B2.'
		]);
		const t = growth();
		t.parentId = t.id;
		expect(check(t)).toEqual([
			'Scenario "Growth 9%": it cannot be its own parent; use null for no parent.'
		]);
	});

	it('names a scenario without a name by its number', () => {
		expect(errorsOf(validateScenario(null, dataset, 2))).toEqual([
			'Scenario 3: expected an object, got null.'
		]);
	});
});

describe('describeLever', () => {
	it('says what a lever does in words', () => {
		expect(describeLever(joiners())).toBe('new plans ×1.09');
		expect(describeLever(joiners({ band: 'age_16_19' }))).toBe('new plans ×1.09 for ages 16–19');
		expect(describeLever({ kind: 'one_off_cost', label: '', amount: -250000 })).toBe(
			'one-off cost −£250,000'
		);
		expect(describeLever({ kind: 'allocation_growth', label: '', rate: 0.04 })).toBe(
			'allocation growth 4% a year'
		);
		expect(describeLever({ kind: 'sv_withholding', label: ' ' })).toBe(
			'Safety Valve instalment withheld after a breach'
		);
	});
});
