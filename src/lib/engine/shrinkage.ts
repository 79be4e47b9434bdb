/**
 * Empirical Bayes shrinkage of a yearly rate (docs/model.md §2 "Pooling with England",
 * decision 0019): an authority's own rate over a few recent years is noisy, so it is pulled
 * towards England's rate by as much as the spread between authorities says it should be.
 *
 * The panel is every authority's rate in each of the same k years. Method of moments:
 * - within-authority variance σ²: the mean, over authorities with two or more years, of the
 *   sample variance (n − 1) of its yearly rates — how much one authority's rate moves from year
 *   to year;
 * - between-authority variance τ²: the sample variance of the authorities' k-year means, less the
 *   part of it that is year-to-year noise, σ² / k (floored at 0);
 * - weight w = τ² / (τ² + σ² / k): the share of an authority's own mean kept; the rest, 1 − w, is
 *   England's rate.
 *
 * A w near 1 means authorities really differ and their own history tells; a w of 0 means the
 * differences seen are noise and every authority is best given England's rate.
 */

/** The empirical Bayes weight of a panel and the variances it rests on (rates as fractions). */
export interface ShrinkageWeight {
	/** Share of an authority's own mean kept, in [0, 1]. */
	weight: number;
	/** Within-authority (year-to-year) variance σ². */
	within: number;
	/** Between-authority variance of the true rates τ² (floored at 0). */
	between: number;
	/** Years per authority (k) the weight is for. */
	years: number;
	/** Authorities used. */
	authorities: number;
}

/**
 * The empirical Bayes shrinkage weight of a panel of yearly rates: one array per authority, each
 * holding its rate in the same k years (NaN where missing; authorities with fewer than two finite
 * years are left out, since they say nothing of year-to-year noise).
 *
 * @param panel rates by authority then year, as fractions (0.15 = 15 new plans per 100 held)
 * @returns the weight w = τ² / (τ² + σ²/k) and its parts
 * @example
 * shrinkageWeight([[0.1, 0.12], [0.2, 0.18], [0.15, 0.15]]).weight // ≈ 0.96
 */
export function shrinkageWeight(panel: readonly (readonly number[])[]): ShrinkageWeight {
	const rows = panel.map((r) => r.filter((x) => Number.isFinite(x))).filter((r) => r.length >= 2);
	if (rows.length < 3) {
		throw new Error(
			`shrinkageWeight: at least 3 authorities with two or more years are needed, got ${rows.length}`
		);
	}
	let within = 0;
	let kSum = 0;
	const means: number[] = [];
	for (const r of rows) {
		const m = r.reduce((a, b) => a + b, 0) / r.length;
		means.push(m);
		within += r.reduce((a, x) => a + (x - m) ** 2, 0) / (r.length - 1);
		kSum += r.length;
	}
	within /= rows.length;
	const k = kSum / rows.length;
	const grand = means.reduce((a, b) => a + b, 0) / means.length;
	const spread = means.reduce((a, m) => a + (m - grand) ** 2, 0) / (means.length - 1);
	const between = Math.max(0, spread - within / k);
	const noise = within / k;
	const weight = between + noise > 0 ? between / (between + noise) : 0;
	return { weight, within, between, years: k, authorities: rows.length };
}

/**
 * An authority's rate shrunk towards England's: w × own + (1 − w) × England. A missing own rate
 * (NaN) gives England's.
 * @example shrinkTowards(0.2, 0.15, 0.4) // 0.17
 */
export function shrinkTowards(own: number, england: number, weight: number): number {
	if (!(weight >= 0 && weight <= 1)) {
		throw new Error(`shrinkTowards: weight must be in [0, 1], got ${weight}`);
	}
	if (!Number.isFinite(england)) {
		throw new Error(`shrinkTowards: England's rate must be a finite number, got ${england}`);
	}
	return Number.isFinite(own) ? weight * own + (1 - weight) * england : england;
}
