/**
 * The last line of defence against a silently wrong result (docs/decisions/0017): after a
 * projection or a Monte Carlo simulation, every metric of every year must be a finite number.
 * Validation bounds every input so that this cannot happen with a valid dataset and scenario
 * (validate-bounds.ts); if it still does, the run stops with a `NonFiniteResultError` naming the
 * scenario, the metric and the year, and no verdict (first breach, headroom, P(breach)) is ever
 * drawn from NaN or Infinity — a NaN compares false with the cap, which reads as "under the cap".
 */
import type { FinancialYear } from '../model/years';
import type { CompiledScenario } from './scenario';

/** A projection that produced NaN or ±Infinity: which scenario, metric, year and value. */
export class NonFiniteResultError extends Error {
	override readonly name = 'NonFiniteResultError';

	constructor(
		readonly scenarioName: string,
		readonly metric: string,
		readonly year: FinancialYear,
		readonly value: number,
		/** The Monte Carlo simulation (0-based), or null for the expected projection. */
		readonly simulation: number | null = null
	) {
		const run = simulation === null ? 'its projection' : `Monte Carlo simulation ${simulation + 1}`;
		super(
			`Scenario "${scenarioName}": ${run} gives ${value} for "${metric}" in ${year}, so no result or verdict is shown. ` +
				'Its inputs multiply to a number too large to compute: check the unit costs, caseload and levers for a figure far too large.'
		);
	}
}

/**
 * Throws a `NonFiniteResultError` at the first metric × step value of a result matrix (as
 * runTrajectory writes it at `offset`) that is NaN or ±Infinity; does nothing otherwise.
 * @param simulation the Monte Carlo simulation index, or null for the expected projection
 * @example assertFiniteResult(compiled, projectExpected(compiled).values) // throws or returns
 */
export function assertFiniteResult(
	c: CompiledScenario,
	values: Float64Array,
	offset = 0,
	simulation: number | null = null
): void {
	const H = c.steps.length;
	const n = c.layout.defs.length * H;
	for (let i = 0; i < n; i++) {
		const x = values[offset + i];
		// x - x is 0 for a finite number and NaN for NaN or ±Infinity: one test, no call.
		if (x - x !== 0) {
			const row = Math.floor(i / H);
			throw new NonFiniteResultError(
				c.scenarioName,
				c.layout.defs[row].name,
				c.years[i % H],
				x,
				simulation
			);
		}
	}
}
