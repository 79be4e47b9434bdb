import { describe, expect, it } from 'vitest';
import {
	changeField,
	childrenField,
	deliveryField,
	displayText,
	newPlansChangeField,
	parseTyped,
	poundsField,
	rateField,
	shareField,
	shortMessage,
	totalGrowthField,
	typedProblem,
	type FieldSpec
} from '$lib/ui/scenario/fields';
import { kingstonDataset } from '$lib/data/kingston';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import type { Lever } from '$lib/model/scenario';
import { validateScenario } from '$lib/model/validate-scenario';

describe('parseTyped', () => {
	it('reads numbers as people type them: pounds, commas, percent signs, the minus sign', () => {
		expect(parseTyped('£1,250,000')).toBe(1_250_000);
		expect(parseTyped('−2.5%')).toBe(-2.5);
		expect(parseTyped('+9')).toBe(9);
		expect(parseTyped(' 12 ')).toBe(12);
		expect(parseTyped('.5')).toBe(0.5);
	});

	it('gives NaN for what is not a number', () => {
		for (const text of ['', 'abc', '1.2.3', '--4', '5-']) expect(parseTyped(text)).toBeNaN();
	});
});

describe('typedProblem', () => {
	it('explains a value out of range in the field’s own units', () => {
		expect(typedProblem('250', deliveryField())).toBe(
			'Enter a delivery from 0% (none) to 200% of target (100% is in full); 250% is too high.'
		);
		expect(typedProblem('-150', changeField('new plans'))).toBe(
			'Enter a change from −100% (no new plans) to +1,000%; −150% is too low.'
		);
	});

	it('explains text that is not a number, and accepts a good value', () => {
		expect(typedProblem('lots', deliveryField())).toMatch(/“lots” is not a number\.$/);
		expect(typedProblem('85', deliveryField())).toBeNull();
	});
});

describe('the displayed units', () => {
	it('shows a multiplier as the change it makes, and reads it back', () => {
		const f = changeField('new plans');
		expect(f.toDisplay(1.09)).toBe(9);
		expect(f.fromDisplay(9)).toBe(1.09);
		expect(displayText(0.8, f)).toBe('−20');
	});

	it('groups thousands for pounds', () => {
		expect(displayText(1_200_000, poundsField(0, 5e6, 1000))).toBe('1,200,000');
	});
});

describe('shortMessage', () => {
	it('drops the scenario and lever from a validator message shown beside its field', () => {
		expect(
			shortMessage('Scenario "A", lever 1 (new plans ×2): the multiplier must be ≥ 0, got -1.')
		).toBe('The multiplier must be ≥ 0, got -1.');
		expect(shortMessage('Scenario "A": the name must not be empty.')).toBe(
			'The name must not be empty.'
		);
	});
});

describe('bounds from the validator (one place)', () => {
	/** The lever a field's value would make, checked by the model's own validator. */
	const dataset = kingstonDataset();
	const baseline = kingstonScenarios()[2];
	const valid = (lever: Lever) => validateScenario({ ...baseline, levers: [lever] }, dataset).ok;
	const w = { id: 'x', label: '', from: null, until: null };

	it('accepts in each field exactly what the validator accepts, at both ends and just past them', () => {
		const cases: [FieldSpec, (v: number) => Lever][] = [
			[
				changeField('new plans'),
				(multiplier) => ({ ...w, kind: 'joiners', multiplier, band: null })
			],
			[totalGrowthField(), (rate) => ({ ...w, kind: 'total_growth', rate })],
			[newPlansChangeField(), (value) => ({ ...w, kind: 'new_plans', basis: 'change', value })],
			[childrenField(500), (value) => ({ ...w, kind: 'new_plans', basis: 'count', value })],
			[
				shareField(),
				(share) => ({
					...w,
					kind: 'move_placements',
					fromSetting: 'independent_special',
					toSetting: 'maintained_special',
					share,
					phaseTransferOnly: false
				})
			],
			[rateField(), (rate) => ({ ...w, kind: 'allocation_growth', rate })],
			[deliveryField(), (delivery) => ({ ...w, kind: 'savings_delivery', line: null, delivery })]
		];
		for (const [spec, lever] of cases) {
			const tiny = spec.whole ? 1 : 0.01;
			for (const d of [spec.min, spec.max]) {
				expect(typedProblem(String(d), spec)).toBeNull();
				expect(valid(lever(spec.fromDisplay(d)))).toBe(true);
			}
			expect(typedProblem(String(spec.max + tiny), spec)).not.toBeNull();
			expect(valid(lever(spec.fromDisplay(spec.max + tiny)))).toBe(false);
			expect(typedProblem(String(spec.min - tiny), spec)).not.toBeNull();
			expect(valid(lever(spec.fromDisplay(spec.min - tiny)))).toBe(false);
		}
	});
});
