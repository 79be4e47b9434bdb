/**
 * Naive forecasts of an authority's EHC plan total: the baselines a forecast method has to beat
 * (issue 10; `forecast england`, the Methodology page's accuracy table). Each takes the January
 * census totals known at the origin (children, by census year) and gives the total `h` censuses
 * after it, or null when a census it needs is missing (or a ratio would divide by 0).
 *
 * - `last`: flat at the origin's total.
 * - `growth1`: last year's growth ratio, compounded.
 * - `cagr3`: the compound annual growth rate of the last three years, compounded.
 * - `linear5`: the least-squares line through the last five censuses, extended.
 */

/** January census totals by census year (children). */
export type CensusTotals = ReadonlyMap<number, number>;

export const NAIVE_METHODS = ['last', 'growth1', 'cagr3', 'linear5'] as const;
export type NaiveMethod = (typeof NAIVE_METHODS)[number];

/** What each naive method is, in words (tables, the Methodology page). */
export const NAIVE_LABELS: Readonly<Record<NaiveMethod, string>> = {
	last: 'the last census, held flat',
	growth1: 'last year’s growth, compounded',
	cagr3: '3-year growth rate, compounded',
	linear5: 'linear trend of the last 5 censuses'
};

/**
 * Census totals by year from rows of a series (`caseloadTotal` with plain counts, or actuals).
 * @example censusTotals([{ year: 2020, count: 900 }, { year: 2021, count: 1000 }]).get(2021) // 1000
 */
export function censusTotals(rows: Iterable<{ year: number; count: number }>): CensusTotals {
	const out = new Map<number, number>();
	for (const r of rows) out.set(r.year, r.count);
	return out;
}

function check(fn: string, origin: number, h: number): void {
	if (!Number.isInteger(origin))
		throw new Error(`${fn}: origin must be a census year, got ${origin}`);
	if (!(Number.isInteger(h) && h >= 0)) {
		throw new Error(`${fn}: h must be a whole number of years ≥ 0, got ${h}`);
	}
}

function at(totals: CensusTotals, year: number): number | null {
	const v = totals.get(year);
	return v === undefined || !Number.isFinite(v) ? null : v;
}

/**
 * The origin's total, held flat: T₀.
 * @example naiveLast(censusTotals([{ year: 2021, count: 1000 }]), 2021, 3) // 1000
 */
export function naiveLast(totals: CensusTotals, origin: number, h: number): number | null {
	check('naiveLast', origin, h);
	return at(totals, origin);
}

/**
 * Last year's growth ratio compounded: T₀ · (T₀ / T₋₁)^h. Null without T₋₁ > 0.
 * @example naiveGrowth1(censusTotals([{ year: 2020, count: 800 }, { year: 2021, count: 1000 }]), 2021, 2) // 1562.5
 */
export function naiveGrowth1(totals: CensusTotals, origin: number, h: number): number | null {
	check('naiveGrowth1', origin, h);
	const t0 = at(totals, origin);
	const t1 = at(totals, origin - 1);
	if (t0 === null || t1 === null || t1 <= 0) return null;
	return t0 * (t0 / t1) ** h;
}

/**
 * The last three years' compound annual growth rate, compounded: T₀ · ((T₀ / T₋₃)^(1/3))^h.
 * Null without T₋₃ > 0.
 * @example naiveCagr3(censusTotals([{ year: 2018, count: 800 }, { year: 2021, count: 1000 }]), 2021, 3) // 1250
 */
export function naiveCagr3(totals: CensusTotals, origin: number, h: number): number | null {
	check('naiveCagr3', origin, h);
	const t0 = at(totals, origin);
	const t3 = at(totals, origin - 3);
	if (t0 === null || t3 === null || t3 <= 0) return null;
	return t0 * ((t0 / t3) ** (1 / 3)) ** h;
}

/**
 * The ordinary least-squares line through the five censuses origin − 4 … origin, evaluated at
 * origin + h. Null unless all five are known.
 * @example naiveLinear5(censusTotals([2017, 2018, 2019, 2020, 2021].map((y, i) => ({ year: y, count: 100 + 10 * i }))), 2021, 2) // 160
 */
export function naiveLinear5(totals: CensusTotals, origin: number, h: number): number | null {
	check('naiveLinear5', origin, h);
	const xs: number[] = [];
	const ys: number[] = [];
	for (let x = -4; x <= 0; x++) {
		const y = at(totals, origin + x);
		if (y === null) return null;
		xs.push(x);
		ys.push(y);
	}
	const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
	const my = ys.reduce((a, b) => a + b, 0) / ys.length;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < xs.length; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
	}
	const slope = sxy / sxx;
	return my + slope * (h - mx);
}

const FUNCTIONS: Readonly<
	Record<NaiveMethod, (totals: CensusTotals, origin: number, h: number) => number | null>
> = {
	last: naiveLast,
	growth1: naiveGrowth1,
	cagr3: naiveCagr3,
	linear5: naiveLinear5
};

/**
 * A naive method's forecast of the total h censuses after the origin (see the functions above).
 * @example naiveForecast('last', totals, 2021, 1) // totals.get(2021)
 */
export function naiveForecast(
	method: NaiveMethod,
	totals: CensusTotals,
	origin: number,
	h: number
): number | null {
	const fn = FUNCTIONS[method];
	if (!fn)
		throw new Error(
			`naiveForecast: unknown method "${method}"; one of ${NAIVE_METHODS.join(', ')}`
		);
	return fn(totals, origin, h);
}
