import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '../../../src/lib/data/kingston';
import { kingstonScenarios } from '../../../src/lib/data/kingston-scenarios';
import type { Dataset } from '../../../src/lib/model/dataset';
import { NonFiniteResultError } from '../../../src/lib/engine/non-finite';
import { projectExpected } from '../../../src/lib/engine/project';
import { simulate } from '../../../src/lib/engine/simulate';
import { compile, prepareDataset, runExpected } from '../../../src/lib/engine/workbench';

const baseline = () => kingstonScenarios().find((s) => s.name === 'Baseline (trend)')!;

/** Kingston with one unit cost of 1e308: finite, but it overflows the placement cost. */
function overflowing(): Dataset {
	const d = structuredClone(kingstonDataset());
	d.unitCosts[0].cost.value = 1e308;
	return d;
}

/** The error a function throws, or fails the test when it throws none. */
function thrown(f: () => unknown): unknown {
	try {
		f();
	} catch (e) {
		return e;
	}
	throw new Error('expected an error');
}

describe('a projection that overflows (the engine is given what validation would refuse)', () => {
	it('throws a NonFiniteResultError naming the scenario, the metric and the year', () => {
		const e = thrown(() => runExpected(prepareDataset(overflowing()), baseline()));
		expect(e).toBeInstanceOf(NonFiniteResultError);
		const err = e as NonFiniteResultError;
		expect(err.name).toBe('NonFiniteResultError');
		expect(err.scenarioName).toBe('Baseline (trend)');
		expect(err.metric).toBe('placement_cost');
		expect(err.year).toBe('2021/22');
		expect(err.value).toBe(Infinity);
		expect(err.simulation).toBeNull();
		expect(err.message).toMatch(
			/^Scenario "Baseline \(trend\)": its projection gives Infinity for "placement_cost" in 2021\/22, so no result or verdict is shown\./
		);
	});

	it('never returns a result whose deficit is NaN, so no verdict is drawn from it', () => {
		const c = compile(prepareDataset(overflowing()), baseline());
		expect(() => projectExpected(c)).toThrow(NonFiniteResultError);
	});

	it('stops a Monte Carlo run at the first simulation that overflows, naming it', () => {
		const d = structuredClone(kingstonDataset());
		const c = compile(prepareDataset(d), baseline());
		// Overflow the compiled unit costs directly: a valid dataset never gets here.
		c.unitCosts[1].fill(1e308);
		const e = thrown(() => simulate(c, 0, 10, 50)) as NonFiniteResultError;
		expect(e).toBeInstanceOf(NonFiniteResultError);
		expect(e.simulation).toBe(0);
		expect(e.year).toBe('2022/23');
		expect(e.message).toMatch(/^Scenario "Baseline \(trend\)": Monte Carlo simulation 1 gives/);
	});

	it('lets a finite projection through unchanged', () => {
		const r = runExpected(prepareDataset(kingstonDataset()), baseline());
		expect(Array.from(r.values).every(Number.isFinite)).toBe(true);
	});
});
