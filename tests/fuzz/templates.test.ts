/**
 * Fuzzing the CSV template readers (finance lines, savings lines, Safety Valve profile, unit
 * costs, caseload actuals, spend actuals): whatever the file holds, each returns its figures or
 * throws a TemplateImportError naming the file, whose every problem is an ImportError naming it
 * too (all or nothing: no figures come back with an error); figures read are finite; nothing
 * reaches a built-in prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { ImportError } from '$lib/io/csv/errors';
import { MAX_IMPORT_BYTES } from '$lib/io/csv/parse';
import {
	TEMPLATE_FILES,
	TemplateImportError,
	caseloadActualsTemplateCsv,
	financeTemplateCsv,
	readCaseloadActuals,
	readFinanceTemplate,
	readSafetyValveTemplate,
	readSavingsTemplate,
	readSpendActuals,
	readUnitCostsTemplate,
	safetyValveTemplateCsv,
	savingsTemplateCsv,
	spendActualsTemplateCsv,
	unitCostsTemplateCsv,
	type TemplateKind
} from '$lib/io/templates';
import { projectionYears } from '$lib/model/dataset-defaults';
import {
	HANG_GUARD_MS,
	RUNS,
	anyText,
	csvLike,
	expectNoPollution,
	mutatedCsv,
	prototypeSnapshot
} from './mutate';

const DATASET = kingstonDataset();
const YEARS = projectionYears(DATASET.baseCensus, DATASET.horizonCensus);
const SETTINGS = DATASET.settings;
const CENSUS = DATASET.baseCensus + 1;

/** Each template: a filled-in copy to damage, and its reader. */
const TEMPLATES: Record<
	TemplateKind,
	{ valid: string; read: (text: string, file: string) => unknown }
> = {
	finance: {
		valid: financeTemplateCsv(
			YEARS,
			DATASET.finance.lines,
			DATASET.finance.openingCumulativeDeficit
		),
		read: (t, f) => readFinanceTemplate(t, f, YEARS)
	},
	savings: {
		valid: savingsTemplateCsv(YEARS, DATASET.finance.savings),
		read: (t, f) => readSavingsTemplate(t, f, YEARS)
	},
	safetyValve: {
		valid: safetyValveTemplateCsv(YEARS),
		read: (t, f) => readSafetyValveTemplate(t, f, YEARS)
	},
	unitCosts: {
		valid: unitCostsTemplateCsv(SETTINGS, DATASET.unitCosts),
		read: (t, f) => readUnitCostsTemplate(t, f, SETTINGS)
	},
	caseloadActuals: {
		valid: caseloadActualsTemplateCsv(CENSUS, SETTINGS).replace(/,(\r?\n|$)/g, ',12$1'),
		read: (t, f) => readCaseloadActuals(t, f, SETTINGS, DATASET.baseCensus, DATASET.horizonCensus)
	},
	spendActuals: {
		valid: spendActualsTemplateCsv(YEARS).replace(/,(\r?\n|$)/g, ',30000000$1'),
		read: (t, f) => readSpendActuals(t, f, YEARS)
	}
};
const KINDS = Object.keys(TEMPLATES) as TemplateKind[];

/** Every number anywhere in what a reader returned (figures and plain values). */
function numbersIn(value: unknown, out: number[] = []): number[] {
	if (typeof value === 'number') out.push(value);
	else if (Array.isArray(value)) for (const v of value) numbersIn(v, out);
	else if (value !== null && typeof value === 'object') {
		for (const v of Object.values(value)) numbersIn(v, out);
	}
	return out;
}

function answer(kind: TemplateKind, text: string) {
	const file = TEMPLATE_FILES[kind];
	let result: unknown;
	try {
		result = TEMPLATES[kind].read(text, file);
	} catch (e) {
		if (!(e instanceof TemplateImportError)) throw e;
		expect(e.file).toBe(file);
		expect(e.message.startsWith(`${file}: nothing was imported`)).toBe(true);
		expect(e.problems.length).toBeGreaterThan(0);
		for (const p of e.problems) {
			expect(p).toBeInstanceOf(ImportError);
			expect(p.file).toBe(file);
		}
		return;
	}
	for (const n of numbersIn(result)) expect(Number.isFinite(n)).toBe(true);
}

describe('the CSV template readers on generated files', { timeout: HANG_GUARD_MS }, () => {
	it('read their own filled-in templates (the baselines for the damaged ones)', () => {
		for (const kind of KINDS)
			expect(() => TEMPLATES[kind].read(TEMPLATES[kind].valid, 'x.csv')).not.toThrow();
	});

	it('answer any text with figures or a TemplateImportError naming the file, and pollute nothing', () => {
		const before = prototypeSnapshot();
		fc.assert(
			fc.property(fc.constantFrom(...KINDS), fc.oneof(anyText(800), csvLike), (kind, text) =>
				answer(kind, text)
			),
			{ numRuns: RUNS.quick }
		);
		expectNoPollution(before);
	});

	it('answer damaged templates (columns dropped or repeated, bad cells, cut short, BOM) the same way', () => {
		const before = prototypeSnapshot();
		const damaged = fc
			.constantFrom(...KINDS)
			.chain((kind) => mutatedCsv(TEMPLATES[kind].valid).map((text) => ({ kind, text })));
		fc.assert(
			fc.property(damaged, ({ kind, text }) => answer(kind, text)),
			{ numRuns: RUNS.quick }
		);
		expectNoPollution(before);
	});

	it(`refuse a file over ${MAX_IMPORT_BYTES / 1024 / 1024} MB with a message naming it and the limit`, () => {
		expect(() => readSpendActuals('a'.repeat(MAX_IMPORT_BYTES + 1), 'spend.csv', YEARS)).toThrow(
			/^spend\.csv: nothing was imported, 1 problem: spend\.csv: expected a file of at most 50\.0 MB/
		);
	});
});
