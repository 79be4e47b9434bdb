import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '../../../../src/lib/data/kingston';
import { kingstonScenarios } from '../../../../src/lib/data/kingston-scenarios';
import {
	DEFAULT_BACKTEST_HOLDOUT,
	MIGRATIONS
} from '../../../../src/lib/io/scenario-set/migrations';
import { DEFAULT_MONTE_CARLO } from '../../../../src/lib/model/scenario';
import {
	MAX_SCENARIO_SET_BYTES,
	SCENARIO_SET_FORMAT,
	SCENARIO_SET_VERSION,
	findJsonSyntaxError,
	parseScenarioSet,
	serialiseScenarioSet,
	type ScenarioSetParseResult
} from '../../../../src/lib/io/scenario-set/format';

const APP = { name: 'SEND workbench', version: '0.1.0' };
const CREATED = '2026-01-15T10:00:00.000Z';

const exportKingston = (createdAt = CREATED) =>
	serialiseScenarioSet(kingstonDataset(), kingstonScenarios(), { createdAt, app: APP });

/** The Kingston set as a plain object, loosely typed so that tests can change it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const kingstonFile = (): any => JSON.parse(exportKingston());

const errorsOf = (r: ScenarioSetParseResult) => (r.ok ? [] : r.errors.map((e) => e.message));
const warningsOf = (r: ScenarioSetParseResult) => r.warnings.map((w) => w.message);

/** Line and column (1-based) of an offset, counted the plain way. */
function lineColumn(text: string, offset: number) {
	const lines = text.slice(0, offset).split('\n');
	return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

describe('serialiseScenarioSet', () => {
	it('writes the format, version, creation time and app first, two-space indented, with a final newline', () => {
		const text = exportKingston();
		expect(
			text.startsWith(
				[
					'{',
					`  "format": "${SCENARIO_SET_FORMAT}",`,
					`  "version": ${SCENARIO_SET_VERSION},`,
					`  "createdAt": "${CREATED}",`,
					'  "app": {',
					'    "name": "SEND workbench",',
					'    "version": "0.1.0"',
					'  },',
					'  "dataset": {',
					'    "id": "kingston-upon-thames-sva-q1-2021-22",'
				].join('\n')
			)
		).toBe(true);
		expect(text.endsWith('}\n')).toBe(true);
		expect(text.endsWith('}\n\n')).toBe(false);
	});

	it('writes the same bytes however the objects’ keys were ordered', () => {
		const reverse = (x: unknown): unknown =>
			Array.isArray(x)
				? x.map(reverse)
				: typeof x === 'object' && x !== null
					? Object.fromEntries(
							Object.entries(x)
								.reverse()
								.map(([k, v]) => [k, reverse(v)])
						)
					: x;
		const text = serialiseScenarioSet(
			reverse(kingstonDataset()) as ReturnType<typeof kingstonDataset>,
			reverse(kingstonScenarios()) as ReturnType<typeof kingstonScenarios>,
			{ createdAt: CREATED, app: APP }
		);
		expect(text).toBe(exportKingston());
	});

	it('refuses to write a set it could not read back', () => {
		const d = kingstonDataset();
		d.baseCaseload[0].count.value = -1;
		expect(() =>
			serialiseScenarioSet(d, kingstonScenarios(), { createdAt: CREATED, app: APP })
		).toThrow(
			/^serialiseScenarioSet: the scenario set is not valid, so it could not be imported again: Base caseload row 1 \(NCY -4, setting "other"\): the count must be a whole number from 0 to 1,000,000, got -1\.$/
		);
	});
});

describe('parseScenarioSet: round trip', () => {
	it('gives back the dataset and scenarios that were written', () => {
		const r = parseScenarioSet(exportKingston(), 'kingston.json');
		expect(errorsOf(r)).toEqual([]);
		expect(r.ok && r.dataset).toEqual(kingstonDataset());
		expect(r.ok && r.scenarios).toEqual(kingstonScenarios());
		expect(r.ok && [r.createdAt, r.app]).toEqual([CREATED, APP]);
		expect(r.ok && 'migratedFrom' in r).toBe(false);
		expect(warningsOf(r)).toEqual([]);
	});

	it('export → import → export is byte-identical apart from createdAt', () => {
		const first = exportKingston('2026-01-15T10:00:00.000Z');
		const r = parseScenarioSet(first, 'kingston.json');
		if (!r.ok) throw new Error(errorsOf(r).join('\n'));
		const again = serialiseScenarioSet(r.dataset, r.scenarios, {
			createdAt: '2026-02-01T09:30:00.000Z',
			app: r.app
		});
		const a = first.split('\n');
		const b = again.split('\n');
		expect(b).toHaveLength(a.length);
		const differing = a.flatMap((line, i) => (line === b[i] ? [] : [i]));
		expect(differing).toEqual([3]);
		expect(b[3]).toBe('  "createdAt": "2026-02-01T09:30:00.000Z",');
		expect(
			serialiseScenarioSet(r.dataset, r.scenarios, { createdAt: r.createdAt, app: r.app })
		).toBe(first);
	});

	it('reads a file that starts with a byte order mark', () => {
		expect(parseScenarioSet('\ufeff' + exportKingston(), 'bom.json').ok).toBe(true);
	});
});

describe('parseScenarioSet: files it refuses', () => {
	it('refuses a truncated file, giving the line and column where it ends', () => {
		const text = exportKingston().slice(0, 5000);
		const { line, column } = lineColumn(text, text.length);
		const errors = errorsOf(parseScenarioSet(text, 'cut.json'));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(
			new RegExp(
				`^"cut\\.json" is not valid JSON: it ends too early, at line ${line}, column ${column} \\(.+\\); was the file cut short\\?$`
			)
		);
	});

	it('gives the line and column of a syntax error in the middle', () => {
		const text = '{\n  "format": "send-workbench/scenario-set",\n  "version": 1,\n}\n';
		expect(errorsOf(parseScenarioSet(text, 'comma.json'))).toEqual([
			'"comma.json" is not valid JSON: a comma before "}" (JSON allows no trailing comma) at line 4, column 1.'
		]);
		expect(errorsOf(parseScenarioSet("{'format': 1}", 'quotes.json'))).toEqual([
			'"quotes.json" is not valid JSON: expected a key in double quotes, found "\'" at line 1, column 2.'
		]);
	});

	it('refuses an empty file', () => {
		expect(errorsOf(parseScenarioSet(' \n', 'empty.json'))).toEqual([
			'"empty.json" is empty; a scenario set is a JSON file that starts with "{".'
		]);
	});

	it('refuses another format, naming it', () => {
		const file = kingstonFile();
		file.format = 'witan.send/output';
		expect(errorsOf(parseScenarioSet(JSON.stringify(file), 'other.json'))).toEqual([
			'"other.json" is not a scenario set: format is "witan.send/output" (expected "send-workbench/scenario-set").'
		]);
		expect(errorsOf(parseScenarioSet('[1, 2]', 'list.json'))).toEqual([
			'"list.json" is not a scenario set: it holds a list, not an object with "format": "send-workbench/scenario-set".'
		]);
		expect(errorsOf(parseScenarioSet('{"version": 1}', 'none.json'))).toEqual([
			'"none.json" is not a scenario set: it has no "format".'
		]);
	});

	it('refuses a newer version, asking for an update', () => {
		const file = kingstonFile();
		file.version = 3;
		expect(errorsOf(parseScenarioSet(JSON.stringify(file), 'future.json'))).toEqual([
			'"future.json" was made by a newer version of the workbench (version 3); this version reads up to 2 — update the app.'
		]);
	});

	it('refuses a version that is not a whole number', () => {
		const file = kingstonFile();
		file.version = '1';
		expect(errorsOf(parseScenarioSet(JSON.stringify(file), 'v.json'))).toEqual([
			'"v.json": the version must be a whole number, got "1".'
		]);
	});

	it('refuses a file over the size limit before parsing it', () => {
		const text = ' '.repeat(MAX_SCENARIO_SET_BYTES + 1);
		expect(errorsOf(parseScenarioSet(text, 'huge.json'))).toEqual([
			'"huge.json" is 20 MB; a scenario set can be at most 20 MB. Is it the right file?'
		]);
		const multiByte = '€'.repeat(MAX_SCENARIO_SET_BYTES / 3 + 1);
		expect(errorsOf(parseScenarioSet(multiByte, 'euros.json'))[0]).toMatch(
			/^"euros\.json" is 20 MB; a scenario set can be at most 20 MB/
		);
	});

	it('names the file and the scenario in a scenario’s validation messages', () => {
		const file = kingstonFile();
		file.scenarios[2].levers[0].from = '2027/28';
		file.scenarios[2].levers[0].until = null;
		const r = parseScenarioSet(JSON.stringify(file), 'plan.json');
		expect(errorsOf(r)).toEqual([
			'plan.json: Scenario "Baseline (trend)", lever 1 ("No savings delivered after 2021/22"): "from" 2027/28 is after the horizon (2025/26).'
		]);
		expect(!r.ok && r.errors[0].path).toEqual(['scenarios', 2, 'levers', 0, 'from']);
	});

	it('names the file in the dataset’s validation messages', () => {
		const file = kingstonFile();
		delete file.dataset.finance.lines.hnb_allocation['2023/24'];
		const r = parseScenarioSet(JSON.stringify(file), 'plan.json');
		expect(errorsOf(r)).toEqual([
			'plan.json: Finance: "HNB allocation" has no figure for 2023/24; every year from 2021/22 to 2025/26 is needed.'
		]);
		expect(!r.ok && r.errors[0].path).toEqual([
			'dataset',
			'finance',
			'lines',
			'hnb_allocation',
			'2023/24'
		]);
	});

	it('refuses a missing dataset and unknown keys of the file', () => {
		const file = kingstonFile();
		delete file.dataset;
		file.comment = 'hello';
		expect(errorsOf(parseScenarioSet(JSON.stringify(file), 'plan.json'))).toEqual([
			'plan.json: The scenario set: "dataset" is missing.',
			'plan.json: The scenario set: unknown key "comment"; check its spelling or remove it.'
		]);
	});

	it('refuses two scenarios with one id or one name', () => {
		const file = kingstonFile();
		file.scenarios[2].id = file.scenarios[0].id;
		file.scenarios[1].name = file.scenarios[0].name;
		expect(errorsOf(parseScenarioSet(JSON.stringify(file), 'plan.json'))).toEqual([
			'plan.json: Scenario 2 ("SVA financial model 2021/22"): scenario 1 ("SVA financial model 2021/22") has the same name; each scenario needs its own name.',
			'plan.json: Scenario 3 ("Baseline (trend)"): its id "sva-financial-model-2021-22" is already used by scenario 1 ("SVA financial model 2021/22"); each scenario needs its own id.'
		]);
	});

	it('refuses a parent that is not in the file, and parents that go round in a circle', () => {
		const file = kingstonFile();
		file.scenarios[2].parentId = 'deleted-scenario';
		expect(errorsOf(parseScenarioSet(JSON.stringify(file), 'plan.json'))).toEqual([
			'plan.json: Scenario "Baseline (trend)": its parent "deleted-scenario" is not in the file; use null for no parent.'
		]);
		const loop = kingstonFile();
		loop.scenarios[0].parentId = loop.scenarios[2].id;
		expect(errorsOf(parseScenarioSet(JSON.stringify(loop), 'plan.json'))).toEqual([
			'plan.json: Scenario "SVA financial model 2021/22": its parents go round in a circle ("sva-financial-model-2021-22" → "baseline-trend" → "may-2021-projection" → "sva-financial-model-2021-22"); one of them must have no parent.'
		]);
	});
});

describe('parseScenarioSet: prototype pollution', () => {
	it('drops a __proto__ key, so ({}).polluted stays undefined', () => {
		const r = parseScenarioSet('{"__proto__": {"polluted": 1}}', 'evil.json');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(errorsOf(r)).toEqual(['"evil.json" is not a scenario set: it has no "format".']);
	});

	it('drops __proto__, constructor and prototype keys anywhere in a set, with a warning', () => {
		const text = exportKingston().replace(
			'"dataset": {',
			'"dataset": {\n    "__proto__": { "polluted": 1 },\n    "constructor": { "prototype": { "polluted": 2 } },'
		);
		const r = parseScenarioSet(text, 'evil.json');
		expect(errorsOf(r)).toEqual([]);
		expect(warningsOf(r)).toEqual([
			'evil.json: 3 keys named __proto__, constructor or prototype were ignored; such keys cannot hold data.'
		]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		// Code that later copies the result with Object.assign cannot reach a prototype either.
		const copy = Object.assign({}, r.ok ? r.dataset : {});
		expect((copy as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect(r.ok && Object.keys(r.dataset)).toEqual(Object.keys(kingstonDataset()));
	});
});

describe('parseScenarioSet: migration from version 0', () => {
	/** Kingston in the pre-release shape: no Monte Carlo, no leaver estimator, no holdout. */
	function version0(): string {
		const file = kingstonFile();
		file.version = 0;
		delete file.dataset.estimation.backtestHoldout;
		for (const s of file.scenarios) {
			delete s.monteCarlo;
			delete s.demand.leaverEstimator;
			delete s.role;
		}
		return JSON.stringify(file);
	}

	it('fills the documented defaults and says it migrated', () => {
		const r = parseScenarioSet(version0(), 'old.json');
		expect(errorsOf(r)).toEqual([]);
		if (!r.ok) return;
		expect(r.migratedFrom).toBe(0);
		expect(r.dataset.estimation.backtestHoldout).toBe(DEFAULT_BACKTEST_HOLDOUT);
		for (const s of r.scenarios) {
			expect(s.monteCarlo).toEqual(DEFAULT_MONTE_CARLO);
			expect(s.demand.leaverEstimator).toBe('pooled');
		}
		expect(warningsOf(r)).toEqual([
			'old.json: written in version 0 of the file format and updated to version 2.',
			'old.json: The dataset had no back-test holdout, so the last 3 census years are held out.',
			'old.json: Scenario "SVA financial model 2021/22" had no Monte Carlo settings, so 1,000 simulations with seed 50 are assumed.',
			'old.json: Scenario "SVA financial model 2021/22" had no estimator for ceased plans, so the pooled mean of history is used.',
			'old.json: Scenario "May 2021 projection" had no Monte Carlo settings, so 1,000 simulations with seed 50 are assumed.',
			'old.json: Scenario "May 2021 projection" had no estimator for ceased plans, so the pooled mean of history is used.',
			'old.json: Scenario "Baseline (trend)" had no Monte Carlo settings, so 1,000 simulations with seed 50 are assumed.',
			'old.json: Scenario "Baseline (trend)" had no estimator for ceased plans, so the pooled mean of history is used.',
			'old.json: Scenario "SVA financial model 2021/22" is taken as the financial plan (role "plan"), as its name said in version 1.',
			'old.json: Scenario "May 2021 projection" is taken as the reference projection (role "projection"), as its name said in version 1.'
		]);
	});

	it('re-exports a migrated file as the current version, the same bytes as the original', () => {
		// Kingston's own values are the defaults, so the migrated set is Kingston again.
		const r = parseScenarioSet(version0(), 'old.json');
		if (!r.ok) throw new Error(errorsOf(r).join('\n'));
		expect(serialiseScenarioSet(r.dataset, r.scenarios, { createdAt: CREATED, app: APP })).toBe(
			exportKingston()
		);
	});

	it('keeps values a version-0 file already has', () => {
		const file = JSON.parse(version0());
		file.scenarios[0].monteCarlo = { simulations: 200, seed: 7 };
		file.dataset.estimation.backtestHoldout = 2;
		const r = parseScenarioSet(JSON.stringify(file), 'old.json');
		expect(r.ok && r.scenarios[0].monteCarlo).toEqual({ simulations: 200, seed: 7 });
		expect(r.ok && r.dataset.estimation.backtestHoldout).toBe(2);
	});

	it('does not change the object it migrates', () => {
		const file = JSON.parse(version0());
		const before = structuredClone(file);
		MIGRATIONS[0](file);
		expect(file).toEqual(before);
	});

	it('validates the migrated file like any other', () => {
		const file = JSON.parse(version0());
		file.scenarios[1].demand.estimator = 'best';
		expect(errorsOf(parseScenarioSet(JSON.stringify(file), 'old.json'))).toEqual([
			'old.json: Scenario "May 2021 projection": the new-plans estimator ("demand.estimator") must be one of default, pooled, linear, loglinear, england, got "best".'
		]);
	});
});

describe('parseScenarioSet: migration from version 1 (scenario roles)', () => {
	/** Kingston as version 1 wrote it: no roles. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	function version1(): any {
		const file = kingstonFile();
		file.version = 1;
		for (const s of file.scenarios) delete s.role;
		return file;
	}
	const rolesOf = (r: ScenarioSetParseResult) =>
		r.ok ? Object.fromEntries(r.scenarios.map((s) => [s.name, s.role])) : errorsOf(r);

	it('gives the scenarios the roles their names gave them, and says so', () => {
		const r = parseScenarioSet(JSON.stringify(version1()), 'v1.json');
		expect(rolesOf(r)).toEqual({
			'SVA financial model 2021/22': 'plan',
			'May 2021 projection': 'projection',
			'Baseline (trend)': 'none'
		});
		expect(r.ok && r.migratedFrom).toBe(1);
		expect(warningsOf(r)).toEqual([
			'v1.json: written in version 1 of the file format and updated to version 2.',
			'v1.json: Scenario "SVA financial model 2021/22" is taken as the financial plan (role "plan"), as its name said in version 1.',
			'v1.json: Scenario "May 2021 projection" is taken as the reference projection (role "projection"), as its name said in version 1.'
		]);
	});

	it('re-exports Kingston of version 1 as the shipped version 2, byte for byte', () => {
		const r = parseScenarioSet(JSON.stringify(version1()), 'v1.json');
		if (!r.ok) throw new Error(errorsOf(r).join('\n'));
		expect(serialiseScenarioSet(r.dataset, r.scenarios, { createdAt: CREATED, app: APP })).toBe(
			exportKingston()
		);
	});

	it('takes a new dataset’s "Financial plan" as the plan and "Baseline (trend)" as the projection', () => {
		const file = version1();
		file.scenarios = file.scenarios.slice(1);
		file.scenarios[0].name = 'Financial plan';
		file.scenarios[0].parentId = null;
		file.scenarios.push({ ...file.scenarios[1], id: 'growth', name: 'Growth 9%' });
		expect(rolesOf(parseScenarioSet(JSON.stringify(file), 'wizard.json'))).toEqual({
			'Financial plan': 'plan',
			'Baseline (trend)': 'projection',
			'Growth 9%': 'none'
		});
	});

	it('keeps a role a version-1 file already has, and gives none to scenarios with other names', () => {
		const file = version1();
		file.scenarios[2].role = 'plan';
		file.scenarios[0].name = 'Our plan';
		expect(rolesOf(parseScenarioSet(JSON.stringify(file), 'v1.json'))).toEqual({
			'Our plan': 'none',
			'May 2021 projection': 'projection',
			'Baseline (trend)': 'plan'
		});
	});

	it('does not change the object it migrates', () => {
		const file = version1();
		const before = structuredClone(file);
		MIGRATIONS[1](file);
		expect(file).toEqual(before);
	});
});

describe('parseScenarioSet: roles', () => {
	it('refuses a scenario without a role, or with a role that is not one, in a version 2 file', () => {
		const file = kingstonFile();
		delete file.scenarios[0].role;
		file.scenarios[1].role = 'baseline';
		expect(errorsOf(parseScenarioSet(JSON.stringify(file), 'k.json'))).toEqual([
			'k.json: Scenario "SVA financial model 2021/22": "role" is missing.',
			'k.json: Scenario "May 2021 projection": the role ("role": "plan", "projection" or "none") must be one of plan, projection, none, got "baseline".'
		]);
	});

	it('refuses two plans, naming both scenarios', () => {
		const file = kingstonFile();
		file.scenarios[2].role = 'plan';
		expect(errorsOf(parseScenarioSet(JSON.stringify(file), 'k.json'))).toEqual([
			'k.json: The scenario set: scenarios "SVA financial model 2021/22" and "Baseline (trend)" are both the financial plan (role "plan"); a dataset has at most one.'
		]);
	});

	it('writes each scenario’s role after its parent', () => {
		const text = exportKingston();
		expect(text).toContain('"parentId": null,\n      "role": "plan",');
		expect(text).toContain('"parentId": "may-2021-projection",\n      "role": "none",');
	});
});

describe('findJsonSyntaxError', () => {
	it('finds nothing wrong in valid JSON', () => {
		for (const text of [
			'{}',
			'[]',
			'0',
			'-1.5e+3',
			'"a\\u00e9\\n"',
			' {"a": [1, true, null, {}]} '
		]) {
			expect(findJsonSyntaxError(text)).toBeNull();
		}
	});

	it('finds an error exactly when JSON.parse does', () => {
		const parses = (text: string) => {
			try {
				JSON.parse(text);
				return true;
			} catch {
				return false;
			}
		};
		// Valid JSON with one character removed or replaced is often, not always, invalid.
		const mutated = fc
			.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '0', '-', '\n', 'x'))
			.map(([text, at, c]) => {
				const i = text.length ? at % text.length : 0;
				return text.slice(0, i) + c + text.slice(i + 1);
			});
		fc.assert(
			fc.property(fc.oneof(fc.json(), mutated, fc.string()), (text) => {
				expect(findJsonSyntaxError(text) === null).toBe(parses(text));
			}),
			{ numRuns: 2000 }
		);
	});

	it('gives the line and column of the first problem', () => {
		expect(findJsonSyntaxError('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({
			line: 3,
			column: 3,
			problem: 'expected "," or "}" after a value in an object, found "\\""',
			atEnd: false
		});
		expect(findJsonSyntaxError('[1, 2')).toMatchObject({ line: 1, column: 6, atEnd: true });
	});
});
