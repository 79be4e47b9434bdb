/**
 * How the editor shows a number of the model (docs/model.md §1: money in pounds, rates as fractions)
 * to a person: in which unit, on which slider range, and what it accepts, with the message that
 * explains a value it does not. Pure functions, tested without a browser.
 *
 * What a field accepts is read from the validator's bounds (model/validate-bounds.ts,
 * model/validate-dataset.ts), so the editor never allows what the validator refuses, nor refuses
 * what it allows: the bounds live in one place.
 */
import {
	MAX_CHILDREN,
	MAX_MONEY,
	MULTIPLIER_BOUNDS,
	NEW_PLANS_CHANGE_BOUNDS,
	SHARE_BOUNDS,
	TOTAL_GROWTH_BOUNDS
} from '../../model/validate-bounds';
import { DELIVERY_BOUNDS, INFLATION_BOUNDS } from '../../model/validate-dataset';

/** A fraction bound shown as a percentage: 0.5 → 50. */
const pc = (fraction: number) => Math.round(fraction * 100 * 1e6) / 1e6;

export type FieldUnit = '%' | '£' | 'children' | 'simulations' | '';

export interface FieldSpec {
	/** Shown beside the typed input: '%', '£', 'children'. */
	unit: FieldUnit;
	/** From the model's value to what is shown, and back. */
	toDisplay: (v: number) => number;
	fromDisplay: (d: number) => number;
	/** The slider's range and step, in displayed units. */
	sliderMin: number;
	sliderMax: number;
	step: number;
	/** What may be typed, in displayed units (inclusive); beyond the slider is allowed. */
	min: number;
	max: number;
	/** Whole numbers only (children, simulations). */
	whole?: boolean;
	/** What the field accepts, in words, for the inline message: "from −100% (none) upwards". */
	accepts: string;
	/** Decimals shown in the typed input. */
	dp: number;
}

const round = (x: number, dp: number) => Number(x.toFixed(dp));

/** A change to a multiplier, shown as a percentage: 1.09 → +9 (%). */
export const changeField = (noun: string): FieldSpec => ({
	unit: '%',
	toDisplay: (m) => round((m - 1) * 100, 4),
	fromDisplay: (d) => round(1 + d / 100, 6),
	sliderMin: -50,
	sliderMax: 100,
	step: 0.5,
	min: pc(MULTIPLIER_BOUNDS[0] - 1),
	max: pc(MULTIPLIER_BOUNDS[1] - 1),
	accepts: `a change from ${fmt(pc(MULTIPLIER_BOUNDS[0] - 1))}% (no ${noun}) to +${fmt(pc(MULTIPLIER_BOUNDS[1] - 1))}%`,
	dp: 1
});

/** A fraction shown as a percentage: 0.2 → 20 (%). */
export const percentField = (
	min: number,
	max: number,
	sliderMin = min,
	sliderMax = max,
	step = 1,
	accepts = `a percentage from ${fmt(min)}% to ${fmt(max)}%`
): FieldSpec => ({
	unit: '%',
	toDisplay: (f) => round(f * 100, 4),
	fromDisplay: (d) => round(d / 100, 6),
	sliderMin,
	sliderMax,
	step,
	min,
	max,
	accepts,
	dp: step < 1 ? 1 : 0
});

/** Pounds, typed in whole pounds. */
export const poundsField = (
	sliderMin: number,
	sliderMax: number,
	step: number,
	min = -MAX_MONEY,
	max = MAX_MONEY
): FieldSpec => ({
	unit: '£',
	toDisplay: (v) => v,
	fromDisplay: (d) => d,
	sliderMin,
	sliderMax,
	step,
	min,
	max,
	accepts:
		min >= 0
			? `an amount in pounds of at least £${fmt(min)}`
			: 'an amount in pounds (negative for less)',
	dp: 0
});

/** A number of children. */
export const childrenField = (sliderMax: number): FieldSpec => ({
	unit: 'children',
	toDisplay: (v) => v,
	fromDisplay: (d) => d,
	sliderMin: 0,
	sliderMax,
	step: 1,
	min: 0,
	max: MAX_CHILDREN,
	whole: true,
	accepts: `a whole number of children from 0 to ${fmt(MAX_CHILDREN)}`,
	dp: 0
});

/** Rates: unit cost inflation, allocation growth (the validator's INFLATION_BOUNDS). */
export const rateField = (sliderMin = -5, sliderMax = 15): FieldSpec => {
	const [lo, hi] = INFLATION_BOUNDS.map(pc);
	return percentField(
		lo,
		hi,
		sliderMin,
		sliderMax,
		0.1,
		`a rate from ${fmt(lo)}% to ${fmt(hi)}% a year`
	);
};

/** Savings delivery as a percentage of target (the validator's DELIVERY_BOUNDS). */
export const deliveryField = (): FieldSpec => {
	const [lo, hi] = DELIVERY_BOUNDS.map(pc);
	return percentField(
		lo,
		hi,
		lo,
		hi,
		1,
		`a delivery from ${fmt(lo)}% (none) to ${fmt(hi)}% of target (100% is in full)`
	);
};

/** A redirected or moved share (the validator's SHARE_BOUNDS: 0 … 100%). */
export const shareField = (): FieldSpec => {
	const [lo, hi] = SHARE_BOUNDS.map(pc);
	return percentField(lo, hi, lo, hi, 1);
};

/** Growth of total EHC plans a year (the validator's TOTAL_GROWTH_BOUNDS: −50% … +100%). */
export const totalGrowthField = (): FieldSpec => {
	const [lo, hi] = TOTAL_GROWTH_BOUNDS.map(pc);
	return percentField(lo, hi, -5, 20, 0.1, `a growth from ${fmt(lo)}% to +${fmt(hi)}% a year`);
};

/** A change on last year's new plans (the validator's NEW_PLANS_CHANGE_BOUNDS: −100% … +1,000%). */
export const newPlansChangeField = (): FieldSpec => {
	const [lo, hi] = NEW_PLANS_CHANGE_BOUNDS.map(pc);
	return percentField(
		lo,
		hi,
		-50,
		100,
		0.5,
		`a change from ${fmt(lo)}% (no new plans) to +${fmt(hi)}% a year`
	);
};

function fmt(x: number): string {
	return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(x).replace('-', '−');
}

/**
 * Reads what a person typed: spaces, thousands commas, '£', '%', '×' and a leading '+' are
 * ignored; '−' (the minus sign) counts as '-'. NaN when it is not a number.
 * @example parseTyped('£1,250,000') // 1250000
 * @example parseTyped('−2.5%') // -2.5
 */
export function parseTyped(text: string): number {
	const cleaned = text
		.replace(/[\s,£%×]/g, '')
		.replace(/^\+/, '')
		.replace(/[\u2212\u2013]/g, '-');
	if (cleaned === '' || !/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return NaN;
	return Number(cleaned);
}

/**
 * What is wrong with a typed value for a field, in its displayed units, or null when it is
 * acceptable.
 * @example typedProblem('250', deliveryField()) // 'Enter a delivery from 0% (none) to 200% …; 250% is too high.'
 */
export function typedProblem(text: string, spec: FieldSpec): string | null {
	const d = parseTyped(text);
	if (Number.isNaN(d)) return `Enter ${spec.accepts}; “${text.trim()}” is not a number.`;
	const shown = `${spec.unit === '£' ? '£' : ''}${fmt(d)}${spec.unit === '%' ? '%' : ''}`;
	if (d < spec.min) return `Enter ${spec.accepts}; ${shown} is too low.`;
	if (d > spec.max) return `Enter ${spec.accepts}; ${shown} is too high.`;
	if (spec.whole && !Number.isInteger(d)) return `Enter ${spec.accepts}; ${shown} is not whole.`;
	return null;
}

/** The displayed text of a model value. */
export function displayText(value: number, spec: FieldSpec): string {
	const d = spec.toDisplay(value);
	return new Intl.NumberFormat('en-GB', {
		maximumFractionDigits: Math.max(spec.dp, 2),
		useGrouping: spec.unit === '£' || spec.unit === 'children' || spec.unit === 'simulations'
	})
		.format(d)
		.replace('-', '−');
}

/**
 * The part of a validator message after its "where" (`Scenario "X", lever 2 (…): `), for a
 * message shown next to the field it is about.
 * @example shortMessage('Scenario "A", lever 1 (new plans ×2): the multiplier must be ≥ 0.') // 'The multiplier must be ≥ 0.'
 */
export function shortMessage(message: string): string {
	let rest = message;
	if (rest.startsWith('Scenario ')) {
		const lever = rest.indexOf('): ');
		const plain = rest.indexOf('": ');
		const cut = lever >= 0 ? lever + 3 : plain >= 0 ? plain + 3 : -1;
		if (cut > 0) rest = rest.slice(cut);
	}
	return rest ? rest[0].toUpperCase() + rest.slice(1) : rest;
}
