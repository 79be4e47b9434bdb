import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import shipped from '$lib/data/forecast-evaluation.json';
import { readSen2England } from '$lib/io/sen2/england';
import {
	evaluationSummary,
	rollingOriginEvaluation,
	type EvaluationSummary
} from '$lib/io/sen2/rolling-origin';
import { findSen2Files, readSen2Texts } from '../../../../cli/sen2';

/** The public DfE SEN2 files (SEN2_DIR to point elsewhere); CI always has them. */
const SEN2_DIR =
	process.env.SEN2_DIR ?? resolve(import.meta.dirname, '../../../../../shared/peer/sen2');
const present = existsSync(SEN2_DIR);

describe('the rolling-origin evaluation across every English authority', () => {
	it('has the SEN2 files to run on (required in CI)', () => {
		if (process.env.CI) expect(present, `no SEN2 files at ${SEN2_DIR}`).toBe(true);
	});

	it.skipIf(!present)(
		'reproduces the table the Methodology page shows, from origins January 2015–2018',
		() => {
			const table = shipped as EvaluationSummary;
			const england = readSen2England(readSen2Texts(findSen2Files(SEN2_DIR, () => {})));
			const evaluation = rollingOriginEvaluation(england, {
				origins: table.origins,
				horizon: table.horizon,
				simulations: table.simulations,
				seed: table.seed
			});
			expect(table.origins.every((o) => o <= 2018)).toBe(true);
			const again = evaluationSummary(evaluation);
			expect({ ...again, table: [] }).toEqual({ ...table, table: [] });
			expect(again.table.map((r) => [r.method, r.horizon, r.n, r.banded])).toEqual(
				table.table.map((r) => [r.method, r.horizon, r.n, r.banded])
			);
			// To far below the page's precision (0.1% for errors, 1% for coverage): floating-point
			// sums may differ in the last bit between machines, and a simulated percentile that
			// lands on an actual may then tip one point in or out of its band.
			again.table.forEach((r, i) => {
				const t = table.table[i];
				expect(r.mape).toBeCloseTo(t.mape, 9);
				expect(r.medianApe).toBeCloseTo(t.medianApe, 9);
				expect(r.bias).toBeCloseTo(t.bias, 9);
				if (t.coverage === null) expect(r.coverage).toBeNull();
				else expect(Math.abs(r.coverage! - t.coverage)).toBeLessThanOrEqual(2 / t.banded);
			});
		},
		900_000
	);

	it('shows the default beating every naive method at every horizon, with bands holding 85–95%', () => {
		const table = (shipped as EvaluationSummary).table;
		const workbench = table.filter((r) => r.method === 'workbench');
		expect(workbench.map((r) => r.horizon)).toEqual([1, 2, 3, 4]);
		for (const w of workbench) {
			for (const naive of table.filter((r) => r.method !== 'workbench' && r.horizon === w.horizon))
				expect(w.mape).toBeLessThan(naive.mape);
			expect(w.coverage).toBeGreaterThanOrEqual(0.85);
			expect(w.coverage).toBeLessThanOrEqual(0.95);
		}
	});
});
