import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaleWitanInputs, writeWitanFiles } from '../../bench/witan-scale';
import { witanCommand } from '../../cli/witan';
import { files, synthetic } from '../fixtures/witan-model/inputs';

// The benchmark runs 100× the witan.send demo (≈ 215,000 children); the tests run the
// synthetic fixture scaled to about 10× the demo (72 × 318 = 22,896 children), which CI can afford.
const FACTOR = 72;

const root = mkdtempSync(join(tmpdir(), 'witan-scale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(factor: number, sims: number) {
	const dir = writeWitanFiles(
		join(root, `in-${factor}`),
		scaleWitanInputs(files(synthetic()), factor)
	);
	const outDir = join(root, `out-${factor}`);
	return { outDir, ...witanCommand({ inputDir: dir, sims, seed: 50, outDir }, () => {}) };
}

describe('forecast witan at scale', () => {
	it('runs about 10× the demo’s caseload and projects the scaled authority as the original × the factor', () => {
		const one = run(1, 5);
		const big = run(FACTOR, 20);
		const count = readFileSync(join(big.outDir, 'Output_Count.csv'), 'utf8').trim().split('\n');
		expect(count).toHaveLength(1 + big.run.censuses.length);
		const base = Number(count[1].split(',')[1]);
		expect(base).toBe(FACTOR * one.run.expected.count[0]);
		expect(base).toBeGreaterThan(20_000);
		// Same histories FACTOR times over and FACTOR times the population: the expected projection
		// scales too, up to the estimation's priors (pseudo-counts, which do not grow).
		big.run.expected.count.forEach((c, y) => {
			expect(Math.abs(c / (FACTOR * one.run.expected.count[y]) - 1)).toBeLessThan(0.01);
		});
		// Each simulated year's mean lies near the expected projection (whole-child noise).
		for (const row of big.run.outputs.count.slice(1)) {
			const y = big.run.censuses.indexOf(row.calendarYear);
			const mean = row.values.reduce((a, b) => a + b, 0) / row.values.length;
			expect(Math.abs(mean / big.run.expected.count[y] - 1)).toBeLessThan(0.05);
		}
	}, 120_000);

	it('refuses a scale factor that is not a whole number ≥ 1, naming it', () => {
		expect(() => scaleWitanInputs(files(synthetic()), 0)).toThrow(
			'scaleWitanInputs: factor must be a whole number ≥ 1, got 0'
		);
		expect(() => scaleWitanInputs(files(synthetic()), 2.5)).toThrow('got 2.5');
	});
});
