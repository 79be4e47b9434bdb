import { describe, expect, it } from 'vitest';
import { ESTIMATOR_IDS } from '../../../../src/lib/model/dataset';
import { prepareDataset } from '../../../../src/lib/engine/workbench';
import { parseWitanInputs } from '../../../../src/lib/io/witan/parse-inputs';
import { createWitanWorkerApi } from '../../../../workers/witan-api';
import { files } from '../../../fixtures/witan-model/inputs';
import { largeInputs } from '../../../fixtures/witan-model/large';

// Past about 125,000 rows, Math.min(...years) overflowed the call stack (issue 13).
describe('witan.send inputs with 200,000 transitions rows', () => {
	const inputs = files(largeInputs(200_000));

	it('are parsed: every row is a transition, the years and base census found by loops', () => {
		const r = parseWitanInputs(inputs);
		if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
		expect(r.inputs.transitions).toHaveLength(200_000);
		expect(r.inputs.baseCensus).toBe(2021);
		expect(r.inputs.horizonCensus).toBe(2025);
	}, 60_000);

	it("are imported by the app's reader into a dataset whose model can be estimated", () => {
		const r = createWitanWorkerApi().readInputs(inputs, { id: 'witan-large' });
		if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
		expect(r.dataset.transitions).toHaveLength(200_000);
		const prepared = prepareDataset(r.dataset);
		expect(ESTIMATOR_IDS).toContain(prepared.defaultEstimator);
		const children = r.dataset.baseCaseload.reduce((n, c) => n + c.count.value, 0);
		const stayIn = inputs[0].text
			.split('\n')
			.filter((l) => /^2020,/.test(l) && !/NONSEND,\d+$/.test(l));
		expect(children).toBe(stayIn.length);
	}, 60_000);
});
