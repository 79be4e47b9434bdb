/**
 * Fuzzing the KPI actuals importer (readKpiActuals, then applyKpiActuals): whatever the file
 * holds, it answers with a result and never throws; every error is an ImportError naming the
 * file; an accepted file holds only finite values for known KPIs and applies whole; nothing
 * reaches a built-in prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { ImportError } from '$lib/io/csv/errors';
import { MAX_IMPORT_BYTES } from '$lib/io/csv/parse';
import {
	applyKpiActuals,
	kpiActualsTemplate,
	readKpiActuals,
	readKpiValue,
	type KpiActualsRead
} from '$lib/io/kpi-actuals';
import type { KpiUnit } from '$lib/model/kpi';
import {
	NASTY_CELLS,
	HANG_GUARD_MS,
	RUNS,
	anyText,
	csvLike,
	expectNoPollution,
	mutatedCsv,
	prototypeSnapshot
} from './mutate';

const KPIS = kingstonDataset().kpis;
const FILE = 'kpi-actuals-2021-Q2.csv';

/** The template with a plausible value in every row. */
const VALID = kpiActualsTemplate(KPIS, '2021-Q2')
	.split('\n')
	.map((line, i) =>
		i === 0 || line === '' ? line : line.replace(/^([^,]+,[^,]+,)/, '$1' + (i * 7 + 1))
	)
	.join('\n');

function check(result: KpiActualsRead, file: string) {
	expect(result.file).toBe(file);
	if (!result.ok) {
		expect(result.errors.length).toBeGreaterThan(0);
		for (const e of result.errors) {
			expect(e).toBeInstanceOf(ImportError);
			expect(e.file).toBe(file);
			expect(e.message.startsWith(file)).toBe(true);
		}
		expect('rows' in result).toBe(false);
		return;
	}
	const refs = new Set(KPIS.map((k) => k.ref));
	for (const row of result.rows) {
		expect(refs.has(row.ref)).toBe(true);
		expect(Number.isFinite(row.value)).toBe(true);
	}
	// Accepted means it applies whole: every row lands on its KPI.
	const applied = applyKpiActuals(KPIS, result.rows, file);
	for (const row of result.rows) {
		const kpi = applied.find((k) => k.ref === row.ref)!;
		expect(kpi.actuals.find((a) => a.period === row.period)?.value.value).toBe(row.value);
	}
}

describe('readKpiActuals on generated files', { timeout: HANG_GUARD_MS }, () => {
	it('reads the filled-in template (the baseline for the damaged ones)', () => {
		const result = readKpiActuals(VALID, FILE, KPIS);
		expect(result.ok && result.rows.length).toBe(KPIS.length);
	});

	it('answers any text with a result naming the file, and pollutes nothing', () => {
		const before = prototypeSnapshot();
		fc.assert(
			fc.property(fc.oneof(anyText(), csvLike), (text) =>
				check(readKpiActuals(text, FILE, KPIS), FILE)
			),
			{ numRuns: RUNS.quick }
		);
		expectNoPollution(before);
	});

	it('answers a damaged actuals file (columns dropped or repeated, bad cells, cut short, BOM) with a result naming the file', () => {
		const before = prototypeSnapshot();
		fc.assert(
			fc.property(mutatedCsv(VALID), (text) => check(readKpiActuals(text, FILE, KPIS), FILE)),
			{ numRuns: RUNS.quick }
		);
		expectNoPollution(before);
	});

	it('reads a value in any unit as a finite number or not at all', () => {
		const raw = fc.oneof(fc.constantFrom(...NASTY_CELLS), fc.string({ maxLength: 15 }));
		const unit = fc.constantFrom<KpiUnit>(...new Set(KPIS.map((k) => k.unit)));
		fc.assert(
			fc.property(raw, unit, (r, u) => {
				const v = readKpiValue(r, u);
				expect(v === undefined || Number.isFinite(v)).toBe(true);
			}),
			{ numRuns: RUNS.quick }
		);
	});

	it(`refuses a file over ${MAX_IMPORT_BYTES / 1024 / 1024} MB with a message naming it and the limit`, () => {
		const result = readKpiActuals('a'.repeat(MAX_IMPORT_BYTES + 1), FILE, KPIS);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors[0].message).toMatch(
			new RegExp(`^${FILE}: expected a file of at most 50\\.0 MB, got 50\\.0 MB`)
		);
	});
});
