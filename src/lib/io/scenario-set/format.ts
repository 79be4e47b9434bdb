/**
 * The scenario-set file (docs/model.md §6): a dataset and its scenarios in one JSON file,
 * `{ "format": "send-workbench/scenario-set", "version": 2, createdAt, app, dataset, scenarios }`.
 * Version 2 gives every scenario a `role` (plan, projection or none; docs/model.md §6.1).
 * Complete and lossless: export then import gives the same state, and export → import → export
 * gives the same bytes apart from `createdAt`.
 *
 * Decisions:
 * - Keys are written in a fixed order: the file's own keys as above (what made the file first,
 *   so a person opening it sees that), every object of the dataset and scenarios in the order of
 *   the model types (schemas.ts), and maps (figures by year, delivery by savings line) sorted by
 *   key. Two-space indent and a final newline, so files diff well.
 * - The writer validates what it writes and refuses to write a file it could not read back.
 * - The reader refuses, naming the file: more than `MAX_SCENARIO_SET_BYTES`; text that is not
 *   JSON (with the line and column of the first syntax error, found by our own scanner since
 *   JSON.parse's messages differ between browsers and often give no position); another format;
 *   a newer version; an invalid dataset or scenario; two scenarios with one id or name; a parent
 *   that is not in the file, or parents that go round in a circle; two plans or two projections
 *   (roles, model/scenario-role.ts).
 * - Keys named `__proto__`, `constructor` or `prototype` are dropped while parsing (with a
 *   warning), so a file can never reach an object's prototype, whatever code later copies it.
 * - Older versions are migrated (migrations.ts) before validation; the result says from which.
 */
import * as v from 'valibot';
import type { Dataset } from '../../model/dataset';
import type { RawFile } from './migrations';
import { OLDEST_MIGRATABLE_VERSION, migrateScenarioSet } from './migrations';
import type { Scenario } from '../../model/scenario';
import type { PathKey, ValidationIssue } from '../../model/validate';
import {
	FORBIDDEN_KEYS,
	MAX_LISTED_ERRORS,
	checkStructure,
	describeValue,
	fieldPhrase
} from '../../model/validate';
import { quoteCount as formatCount } from '../../model/format';
import { CappedList } from '../../model/problems';
import { MAX_SCENARIOS } from '../../model/validate-bounds';
import { validateDataset } from '../../model/validate-dataset';
import { scenarioWhere, validateScenario } from '../../model/validate-scenario';
import { roleProblems } from '../../model/scenario-role';

export const SCENARIO_SET_FORMAT = 'send-workbench/scenario-set';
/** The version this app writes, and the newest it reads. */
export const SCENARIO_SET_VERSION = 2;
/** Files larger than this are refused before parsing (20 MB). */
export const MAX_SCENARIO_SET_BYTES = 20 * 1024 * 1024;

export interface ScenarioSetApp {
	name: string;
	version: string;
}

export interface ScenarioSetFile {
	format: typeof SCENARIO_SET_FORMAT;
	version: number;
	/** When the file was written (ISO 8601 date-time). */
	createdAt: string;
	/** The app that wrote it. */
	app: ScenarioSetApp;
	dataset: Dataset;
	scenarios: Scenario[];
}

export type ScenarioSetParseResult =
	| {
			ok: true;
			dataset: Dataset;
			scenarios: Scenario[];
			createdAt: string;
			app: ScenarioSetApp;
			warnings: ValidationIssue[];
			/** The version the file was written in, when it was older and has been migrated. */
			migratedFrom?: number;
	  }
	| { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

const EnvelopeSchema = v.strictObject({
	format: v.string(),
	version: v.number(),
	createdAt: v.string(),
	app: v.strictObject({ name: v.string(), version: v.string() }),
	dataset: v.unknown(),
	scenarios: v.array(v.unknown())
});

const ENVELOPE_FIELDS: Record<string, string> = {
	createdAt: 'the creation time ("createdAt")',
	app: 'the app ("app")',
	name: 'the app name ("app.name")',
	version: 'the version ("version")',
	scenarios: 'the scenarios ("scenarios")',
	dataset: 'the dataset ("dataset")'
};

/**
 * Writes a dataset and its scenarios as scenario-set JSON (version `SCENARIO_SET_VERSION`):
 * fixed key order, two-space indent, final newline. Throws when the dataset or a scenario is
 * not valid, since such a file could not be imported again.
 * @example
 * const text = serialiseScenarioSet(kingstonDataset(), kingstonScenarios(), {
 *   createdAt: new Date().toISOString(), app: { name: 'SEND workbench', version: '0.1.0' } });
 */
export function serialiseScenarioSet(
	dataset: Dataset,
	scenarios: readonly Scenario[],
	meta: { createdAt: string; app: ScenarioSetApp }
): string {
	const file = {
		format: SCENARIO_SET_FORMAT,
		version: SCENARIO_SET_VERSION,
		createdAt: meta.createdAt,
		app: { name: meta.app.name, version: meta.app.version },
		dataset,
		scenarios
	};
	const checked = checkFile(file as unknown as RawFile);
	if (!checked.ok) {
		const first = checked.errors.slice(0, 3).map((e) => e.message);
		throw new Error(
			`serialiseScenarioSet: the scenario set is not valid, so it could not be imported again: ${first.join(' ')}`
		);
	}
	const out: ScenarioSetFile = {
		format: SCENARIO_SET_FORMAT,
		version: SCENARIO_SET_VERSION,
		createdAt: checked.createdAt,
		app: checked.app,
		dataset: checked.dataset,
		scenarios: checked.scenarios
	};
	return JSON.stringify(out, null, 2) + '\n';
}

/**
 * Reads scenario-set JSON: checks size, syntax, format and version, migrates an older version,
 * validates the dataset and every scenario, and checks the set (unique ids and names, known
 * parents). Every message names the file. Nothing is returned but errors when there is one.
 * @example
 * const r = parseScenarioSet(await file.text(), file.name);
 * if (r.ok) await importScenarioSet(db, r.dataset, r.scenarios); else show(r.errors);
 */
export function parseScenarioSet(text: string, fileName: string): ScenarioSetParseResult {
	const fail = (message: string, path: PathKey[] = []): ScenarioSetParseResult => ({
		ok: false,
		errors: [{ path, message }],
		warnings: []
	});
	const bytes = utf8Length(text, MAX_SCENARIO_SET_BYTES);
	if (bytes > MAX_SCENARIO_SET_BYTES) {
		return fail(
			`"${fileName}" is ${megabytes(bytes)}; a scenario set can be at most ${megabytes(MAX_SCENARIO_SET_BYTES)}. Is it the right file?`
		);
	}
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') {
		return fail(`"${fileName}" is empty; a scenario set is a JSON file that starts with "{".`);
	}
	const parsed = parseJsonWithoutPrototypeKeys(body);
	if (!parsed.ok) {
		// A stack overflow means absurdly deep nesting, which no scenario set has.
		const reason = /call stack/i.test(parsed.message)
			? 'it is nested far too deeply to be a scenario set'
			: parsed.message;
		return fail(`"${fileName}" is not valid JSON: ${reason}`);
	}
	const warnings: ValidationIssue[] = [];
	if (parsed.dropped > 0) {
		warnings.push({
			path: [],
			message: `${fileName}: ${parsed.dropped === 1 ? 'a key' : `${formatCount(parsed.dropped)} keys`} named __proto__, constructor or prototype ${parsed.dropped === 1 ? 'was' : 'were'} ignored; such keys cannot hold data.`
		});
	}
	const raw = parsed.value;
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		return fail(
			`"${fileName}" is not a scenario set: it holds ${describeValue(raw)}, not an object with "format": "${SCENARIO_SET_FORMAT}".`
		);
	}
	let file = raw as RawFile;
	if (!('format' in file)) {
		return fail(`"${fileName}" is not a scenario set: it has no "format".`, ['format']);
	}
	if (file.format !== SCENARIO_SET_FORMAT) {
		return fail(
			`"${fileName}" is not a scenario set: format is ${describeValue(file.format)} (expected "${SCENARIO_SET_FORMAT}").`,
			['format']
		);
	}
	const version = file.version;
	if (typeof version !== 'number' || !Number.isInteger(version)) {
		return fail(
			`"${fileName}": the version must be a whole number, got ${describeValue(version)}.`,
			['version']
		);
	}
	if (version > SCENARIO_SET_VERSION) {
		return fail(
			`"${fileName}" was made by a newer version of the workbench (version ${version}); this version reads up to ${SCENARIO_SET_VERSION} — update the app.`,
			['version']
		);
	}
	if (version < OLDEST_MIGRATABLE_VERSION) {
		return fail(
			`"${fileName}": version ${version} is not a version of the scenario-set format (they start at ${OLDEST_MIGRATABLE_VERSION}).`,
			['version']
		);
	}
	let migratedFrom: number | undefined;
	if (version < SCENARIO_SET_VERSION) {
		const migrated = migrateScenarioSet(file, version, SCENARIO_SET_VERSION);
		file = migrated.file;
		migratedFrom = version;
		warnings.push({
			path: [],
			message: `${fileName}: written in version ${version} of the file format and updated to version ${SCENARIO_SET_VERSION}.`
		});
		for (const note of migrated.notes) {
			warnings.push({ path: [], message: `${fileName}: ${capitaliseFirst(note)}` });
		}
	}
	const checked = checkFile(file);
	const prefixed = (list: ValidationIssue[]) =>
		list.map((i) => ({ path: i.path, message: `${fileName}: ${i.message}` }));
	if (!checked.ok) {
		return {
			ok: false,
			errors: prefixed(checked.errors),
			warnings: [...warnings, ...prefixed(checked.warnings)]
		};
	}
	return {
		ok: true,
		dataset: checked.dataset,
		scenarios: checked.scenarios,
		createdAt: checked.createdAt,
		app: checked.app,
		warnings: [...warnings, ...prefixed(checked.warnings)],
		...(migratedFrom !== undefined ? { migratedFrom } : {})
	};
}

const capitaliseFirst = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

type Checked =
	| {
			ok: true;
			dataset: Dataset;
			scenarios: Scenario[];
			createdAt: string;
			app: ScenarioSetApp;
			warnings: ValidationIssue[];
	  }
	| { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

/** Validates a current-version file object: envelope, dataset, scenarios, then the set. */
function checkFile(file: RawFile): Checked {
	const envelope = checkStructure(EnvelopeSchema, file, (path) => ({
		where: `The scenario set`,
		field: fieldPhrase(path, ENVELOPE_FIELDS)
	}));
	if (!envelope.ok) return { ok: false, errors: envelope.issues, warnings: [] };
	const { createdAt, app } = envelope.value;
	if (createdAt.trim() === '') {
		return {
			ok: false,
			errors: [
				{
					path: ['createdAt'],
					message: 'The scenario set: the creation time ("createdAt") must not be empty.'
				}
			],
			warnings: []
		};
	}
	// Refused before anything else is checked: thousands of scenarios would hang the pages that
	// list and project them all (docs/decisions/0017).
	if (envelope.value.scenarios.length > MAX_SCENARIOS) {
		const n = envelope.value.scenarios.length;
		return {
			ok: false,
			errors: [
				{
					path: ['scenarios'],
					message: `The scenario set holds ${formatCount(n)} scenarios; a dataset may have at most ${formatCount(MAX_SCENARIOS)}. Split the file, or delete the scenarios you no longer need, and import it again.`
				}
			],
			warnings: []
		};
	}
	const under = (prefix: PathKey[], list: ValidationIssue[]) =>
		list.map((i) => ({ path: [...prefix, ...i.path], message: i.message }));
	const d = validateDataset(envelope.value.dataset, 'dataset');
	if (!d.ok) {
		return {
			ok: false,
			errors: under(['dataset'], d.errors),
			warnings: under(['dataset'], d.warnings)
		};
	}
	const errors: ValidationIssue[] = [];
	const warnings: ValidationIssue[] = under(['dataset'], d.warnings);
	const scenarios: Scenario[] = [];
	envelope.value.scenarios.forEach((raw, i) => {
		const r = validateScenario(raw, d.value, i);
		// Loops, not push(...issues): a spread over many issues overflows the call stack.
		for (const w of under(['scenarios', i], r.warnings)) warnings.push(w);
		if (r.ok) scenarios.push(r.value);
		else for (const e of under(['scenarios', i], r.errors)) errors.push(e);
	});
	if (errors.length === 0) for (const issue of checkSet(scenarios)) errors.push(issue);
	if (errors.length > 0) {
		const capped = new CappedList<ValidationIssue>(MAX_LISTED_ERRORS);
		for (const e of errors) capped.add(e);
		const listed = [...capped.listed];
		if (capped.unlisted > 0) {
			listed.push({
				path: [],
				message: `${formatCount(capped.unlisted)} more problems are not listed; fix the ones above and check again.`
			});
		}
		return { ok: false, errors: listed, warnings };
	}
	return { ok: true, dataset: d.value, scenarios, createdAt, app, warnings };
}

/**
 * Set-level rules: one id and one name per scenario, parents in the file, no circles, at most one
 * plan and one projection.
 */
function checkSet(scenarios: readonly Scenario[]): ValidationIssue[] {
	const errors: ValidationIssue[] = [];
	const byId = new Map<string, number>();
	const byName = new Map<string, number>();
	const numbered = (i: number) => `scenario ${i + 1} ("${scenarios[i].name}")`;
	scenarios.forEach((s, i) => {
		const where = `S${numbered(i).slice(1)}`;
		const j = byId.get(s.id);
		if (j !== undefined) {
			errors.push({
				path: ['scenarios', i, 'id'],
				message: `${where}: its id "${s.id}" is already used by ${numbered(j)}; each scenario needs its own id.`
			});
		} else byId.set(s.id, i);
		const name = s.name.trim();
		const k = byName.get(name);
		if (k !== undefined) {
			errors.push({
				path: ['scenarios', i, 'name'],
				message: `${where}: ${numbered(k)} has the same name; each scenario needs its own name.`
			});
		} else byName.set(name, i);
	});
	scenarios.forEach((s, i) => {
		if (s.parentId === null || s.parentId === s.id) return;
		if (!byId.has(s.parentId)) {
			errors.push({
				path: ['scenarios', i, 'parentId'],
				message: `${scenarioWhere(s)}: its parent "${s.parentId}" is not in the file; use null for no parent.`
			});
			return;
		}
		// Follow parents; a circle through this scenario is reported once, at its first member.
		const chain = [s.id];
		let at: string | null = s.parentId;
		while (at !== null && !chain.includes(at) && byId.has(at)) {
			chain.push(at);
			at = scenarios[byId.get(at)!].parentId;
		}
		if (at === s.id && chain.every((id) => byId.get(id)! >= i)) {
			errors.push({
				path: ['scenarios', i, 'parentId'],
				message: `${scenarioWhere(s)}: its parents go round in a circle (${[...chain, s.id].map((id) => `"${id}"`).join(' → ')}); one of them must have no parent.`
			});
		}
	});
	for (const problem of roleProblems(scenarios)) {
		errors.push({ path: ['scenarios'], message: `The scenario set: ${problem}` });
	}
	return errors;
}

/** UTF-8 byte length of `text`, counted exactly only when it could exceed `limit`. */
function utf8Length(text: string, limit: number): number {
	if (text.length * 3 <= limit) return text.length;
	if (text.length > limit) return text.length;
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			n += 4;
			i++;
		} else n += 3;
	}
	return n;
}

const megabytes = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

/**
 * `JSON.parse` that drops every key named `__proto__`, `constructor` or `prototype` (counted in
 * `dropped`), and that explains a syntax error by line and column.
 * @example parseJsonWithoutPrototypeKeys('{"__proto__": {"polluted": 1}}') // { ok: true, value: {}, dropped: 1 }
 */
export function parseJsonWithoutPrototypeKeys(
	text: string
): { ok: true; value: unknown; dropped: number } | { ok: false; message: string } {
	let dropped = 0;
	try {
		const value: unknown = JSON.parse(text, (key, val) => {
			if (FORBIDDEN_KEYS.includes(key)) {
				dropped++;
				return undefined;
			}
			return val;
		});
		return { ok: true, value, dropped };
	} catch (e) {
		const found = findJsonSyntaxError(text);
		if (found) {
			return {
				ok: false,
				message: found.atEnd
					? `it ends too early, at line ${found.line}, column ${found.column} (${found.problem}); was the file cut short?`
					: `${found.problem} at line ${found.line}, column ${found.column}.`
			};
		}
		return { ok: false, message: `${e instanceof Error ? e.message : String(e)}.` };
	}
}

export interface JsonSyntaxError {
	/** 0-based offset of the problem in the text. */
	offset: number;
	/** 1-based line and column (in UTF-16 code units, as editors mostly count). */
	line: number;
	column: number;
	problem: string;
	/** The text ends before the JSON does. */
	atEnd: boolean;
}

class Stop {
	constructor(
		readonly offset: number,
		readonly problem: string
	) {}
}

/**
 * The first syntax error of a JSON text by the grammar of RFC 8259, or null when it is valid
 * JSON. Returns null too when the nesting is too deep to scan (the caller then falls back on
 * the engine's message).
 * @example findJsonSyntaxError('{"a": 1,\n}') // { line: 2, column: 1, problem: 'a comma before "}" …', … }
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
	const n = text.length;
	let i = 0;
	const found = (at: number) => (at >= n ? 'the end of the file' : JSON.stringify(text[at]));
	const stop = (problem: string, at = i): never => {
		throw new Stop(at, problem);
	};
	const ws = () => {
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c === 32 || c === 9 || c === 10 || c === 13) i++;
			else break;
		}
	};
	const literal = (word: string) => {
		if (text.startsWith(word, i)) i += word.length;
		else if (word.startsWith(text.slice(i)) && i < n) stop(`"${word}" is cut short`, n);
		else stop(`expected ${word}, found ${found(i)}`);
	};
	const digits = () => {
		const start = i;
		while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
		return i > start;
	};
	const number = () => {
		if (text[i] === '-') i++;
		if (text[i] === '0') i++;
		else if (!digits()) stop(`a malformed number: expected a digit, found ${found(i)}`);
		if (text[i] === '.') {
			i++;
			if (!digits()) stop(`a malformed number: expected a digit after ".", found ${found(i)}`);
		}
		if (text[i] === 'e' || text[i] === 'E') {
			i++;
			if (text[i] === '+' || text[i] === '-') i++;
			if (!digits())
				stop(`a malformed number: expected a digit in the exponent, found ${found(i)}`);
		}
	};
	const string = () => {
		i++;
		for (;;) {
			if (i >= n) stop('text in double quotes is not closed');
			const c = text.charCodeAt(i);
			if (c === 34) {
				i++;
				return;
			}
			if (c < 32)
				stop('a line break or control character inside text in double quotes (write it as \\n)');
			if (c === 92) {
				const e = text[i + 1];
				if (e === undefined) stop('text in double quotes is not closed', n);
				if (e === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
						stop('an invalid \\u escape: expected four hexadecimal digits');
					}
					i += 6;
				} else if ('"\\/bfnrt'.includes(e)) i += 2;
				else stop(`an invalid escape "\\${e}" inside text`);
			} else i++;
		}
	};
	const value = (): void => {
		ws();
		if (i >= n) stop('a value was expected');
		const c = text[i];
		if (c === '{') return object();
		if (c === '[') return array();
		if (c === '"') return string();
		if (c === '-' || (c >= '0' && c <= '9')) return number();
		if (c === 't') return literal('true');
		if (c === 'f') return literal('false');
		if (c === 'n') return literal('null');
		if (c === "'") stop('text must be in double quotes, not single quotes');
		stop(
			`expected a value (a number, text in double quotes, true, false, null, [ or {), found ${found(i)}`
		);
	};
	const object = () => {
		i++;
		ws();
		if (text[i] === '}') {
			i++;
			return;
		}
		for (let afterComma = false; ; afterComma = true) {
			ws();
			if (i >= n) stop('an object is not closed with "}"');
			if (text[i] !== '"') {
				if (afterComma && text[i] === '}')
					stop('a comma before "}" (JSON allows no trailing comma)');
				stop(`expected a key in double quotes, found ${found(i)}`);
			}
			string();
			ws();
			if (i >= n) stop('an object is not closed with "}"');
			if (text[i] !== ':') stop(`expected ":" after a key, found ${found(i)}`);
			i++;
			value();
			ws();
			if (i >= n) stop('an object is not closed with "}"');
			if (text[i] === '}') {
				i++;
				return;
			}
			if (text[i] !== ',')
				stop(`expected "," or "}" after a value in an object, found ${found(i)}`);
			i++;
		}
	};
	const array = () => {
		i++;
		ws();
		if (text[i] === ']') {
			i++;
			return;
		}
		for (let afterComma = false; ; afterComma = true) {
			ws();
			if (afterComma && text[i] === ']') stop('a comma before "]" (JSON allows no trailing comma)');
			value();
			ws();
			if (i >= n) stop('a list is not closed with "]"');
			if (text[i] === ']') {
				i++;
				return;
			}
			if (text[i] !== ',') stop(`expected "," or "]" after a value in a list, found ${found(i)}`);
			i++;
		}
	};
	try {
		value();
		ws();
		if (i < n) stop(`unexpected ${found(i)} after the end of the data`);
		return null;
	} catch (e) {
		if (!(e instanceof Stop)) return null;
		const before = text.slice(0, e.offset);
		const line = before.split('\n').length;
		const column = e.offset - before.lastIndexOf('\n');
		return { offset: e.offset, line, column, problem: e.problem, atEnd: e.offset >= n };
	}
}
