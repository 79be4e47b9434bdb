/**
 * Plausible bounds of the figures a council's dataset or scenario may hold (docs/decisions/
 * 0017-plausible-bounds-and-non-finite-results.md). A finite number can still overflow the
 * projection (a unit cost of 1e308 times a caseload is Infinity), and a typo (a cost in pence, a
 * year of 1921) gives a result that looks sound but is not: both are refused at validation, with
 * the field, row and year named, rather than surfacing later as a blank cell or a wrong verdict.
 *
 * The bounds are generous — ten times anything an English council has reported — so that no real
 * figure is refused, while every product the engine forms stays far below Number.MAX_VALUE:
 * at most 1,000,000 children × £2,000,000 × (1 + 100%)^30 years of inflation ≈ 2 × 10^21.
 *
 * "The current year" is never read here: callers pass a clock (`Clock`), so that a validation is
 * reproducible and a test can fix the date.
 */

/** Most children in any count: a caseload cell, a history figure, a capacity, a flow target. */
export const MAX_CHILDREN = 1_000_000;
/** Most children in the whole base caseload of one dataset (England's total is about 640,000). */
export const MAX_TOTAL_CHILDREN = 1_000_000;
/** Largest general population figure (one NCY or all ages 0–25 of one council). */
export const MAX_POPULATION = 10_000_000;
/** Largest unit cost, £ per child per year (the dearest residential placements cost ~£1m). */
export const MAX_UNIT_COST = 2_000_000;
/** Largest amount of money, £, either sign: a ledger figure, a savings target, a one-off cost. */
export const MAX_MONEY = 10_000_000_000;
/** Most census years from the base census to the horizon. */
export const MAX_HORIZON_YEARS = 30;
/**
 * Largest combined multiplier of new plans (or of ceased plans) in one year and age band: the
 * product of every active lever's multiplier. One lever may already change a flow by +1000%
 * (×11, the editor's limit); stacked levers may not go further.
 */
export const MAX_COMBINED_MULTIPLIER = 11;
/** Largest combined allocation growth in one year: (1 + r1)(1 + r2)… − 1, as a fraction. */
export const MAX_COMBINED_GROWTH = 1;

// Lever bounds: the validator enforces them and the editor's fields read them (one place).
/** A multiplier of new or ceased plans: 0 (none) to ×11 (+1000%). */
export const MULTIPLIER_BOUNDS = [0, MAX_COMBINED_MULTIPLIER] as const;
/** Growth of total EHC plans a year (`total_growth`), a fraction: −50% to +100%. */
export const TOTAL_GROWTH_BOUNDS = [-0.5, MAX_COMBINED_GROWTH] as const;
/** A change on last year's new plans (`new_plans`, basis 'change'): −100% (none) to +1000%. */
export const NEW_PLANS_CHANGE_BOUNDS = [-1, MAX_COMBINED_MULTIPLIER - 1] as const;
/** A share of children redirected or moved, a fraction: 0 to 1 (100%). */
export const SHARE_BOUNDS = [0, 1] as const;

/**
 * Most scenarios a scenario set (and so a dataset) may bring in. Measured in Chromium on the
 * 2-core reference machine: see docs/decisions/0017 for the figures behind the number.
 */
export const MAX_SCENARIOS = 200;

/** First year a KPI period or a SEN2 year may name (SEN2 statistics start well after it). */
export const FIRST_PLAUSIBLE_YEAR = 2000;
/** How many years after the current one a KPI period or SEN2 year may name (targets ahead). */
export const YEARS_AHEAD = 10;

/** Reads the date: passed into validators so that "the current year" can be fixed by a test. */
export type Clock = () => Date;

/** The computer's clock, for the app and the command line (never read inside the engine). */
export const systemClock: Clock = () => new Date();

/**
 * The range of years a KPI period or SEN2 year may name, from `FIRST_PLAUSIBLE_YEAR` to the
 * current calendar year (UTC) + `YEARS_AHEAD`.
 * @example plausibleYears(() => new Date('2026-12-02')) // { first: 2000, last: 2036 }
 */
export function plausibleYears(clock: Clock): { first: number; last: number } {
	const now = clock();
	const year = now.getUTCFullYear();
	if (!Number.isInteger(year)) {
		throw new Error(`plausibleYears: the clock must give a valid date, got ${String(now)}`);
	}
	return { first: FIRST_PLAUSIBLE_YEAR, last: year + YEARS_AHEAD };
}

/**
 * What is wrong with `year` as a KPI period's or SEN2 figure's year, or null.
 * @example yearRangeProblem(1921, { first: 2000, last: 2036 }) // 'the year must be from 2000 to 2036, got 1921'
 */
export function yearRangeProblem(
	year: number,
	range: { first: number; last: number }
): string | null {
	return year < range.first || year > range.last
		? `the year must be from ${range.first} to ${range.last}, got ${year}`
		: null;
}

/** `10000000000` → `£10,000,000,000`. */
// Whole pounds with comma groups, written out: toLocaleString's first call loads the ICU locale
// data, and this runs when the module loads (a quarter of the command line's start-up).
const pounds = (x: number) => `£${String(Math.round(x)).replace(/\B(?=(\d{3})+$)/g, ',')}`;

/**
 * What is wrong with an amount of money (either sign), or null.
 * @example moneyProblem(1e308) // 'the amount must be within ±£10,000,000,000, got 1e+308'
 */
export function moneyProblem(x: number, what = 'the amount'): string | null {
	return Math.abs(x) > MAX_MONEY ? `${what} must be within ±${pounds(MAX_MONEY)}, got ${x}` : null;
}

/** The bound of a unit cost in words, for messages. */
export const UNIT_COST_RULE = `from £0 to ${pounds(MAX_UNIT_COST)} a year`;
