/**
 * Shared pieces of runtime validation (validate-dataset.ts, validate-scenario.ts,
 * scenario-set.ts): the issue and result shapes, turning valibot's structural issues into
 * sentences a council analyst can act on, and small formatting helpers for messages.
 *
 * A message always says where (the row, the year, the lever, in the words the app uses), what
 * was expected and what was found, and ends with a full stop. Rows and levers are numbered from
 * 1 in messages, as a person counts them; `path` keeps the 0-based keys of the data.
 */
import * as v from 'valibot';
import { CappedList } from './problems';
import { quoteCount as formatCount } from './format';

export type PathKey = string | number;

/** One problem found: where in the data (`path`, 0-based keys) and a sentence for a person. */
export interface ValidationIssue {
	path: PathKey[];
	message: string;
}

/** A validated value with warnings, or every error found (and the warnings so far). */
export type ValidationResult<T> =
	| { ok: true; value: T; warnings: ValidationIssue[] }
	| { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

/**
 * Ids of settings and needs: a letter or digit, then letters, digits, `_` or `-`. Lower-case
 * slugs (`independent_special`) and witan.send codes (`A`, `SP16`, `ASD`) both match, so a
 * dataset imported from witan.send keeps its codes and exports them back unchanged.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** How many errors a validation lists before it says how many more there are. */
export const MAX_LISTED_ERRORS = 100;

/** Keys a parsed file may never set on an object (prototype pollution). */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Collects errors and warnings; errors past `MAX_LISTED_ERRORS` are only counted. */
export interface IssueCollector {
	error(path: PathKey[], message: string): void;
	warn(path: PathKey[], message: string): void;
	readonly errorCount: number;
	/** The errors, with a closing "N more" line when some were not listed. */
	errors(summaryWhere: string): ValidationIssue[];
	warnings(): ValidationIssue[];
}

/**
 * A collector of issues, listing at most `limit` errors (the rest are counted).
 * @example const issues = createIssues(); issues.error(['needs', 0], 'Need 1: …'); issues.errorCount // 1
 */
export function createIssues(limit = MAX_LISTED_ERRORS): IssueCollector {
	const errors = new CappedList<ValidationIssue>(limit);
	const warnings = new CappedList<ValidationIssue>(limit);
	return {
		error(path, message) {
			errors.add({ path, message });
		},
		warn(path, message) {
			warnings.add({ path, message });
		},
		get errorCount() {
			return errors.count;
		},
		errors(summaryWhere) {
			const more = errors.unlisted;
			if (more === 0) return [...errors.listed];
			return [
				...errors.listed,
				{
					path: [],
					message: `${summaryWhere}: ${formatCount(more)} more problem${more === 1 ? ' is' : 's are'} not listed; fix the ones above and check again.`
				}
			];
		},
		warnings() {
			return [...warnings.listed];
		}
	};
}

/** A value as a person reads it in a message: `NaN`, `"abc"`, `a list`, `nothing`. */
export function describeValue(x: unknown): string {
	if (x === undefined) return 'nothing';
	if (x === null) return 'null';
	if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : String(x);
	if (typeof x === 'string') {
		return x.length > 40 ? JSON.stringify(x.slice(0, 37) + '…') : JSON.stringify(x);
	}
	if (typeof x === 'boolean') return String(x);
	if (Array.isArray(x)) return 'a list';
	if (typeof x === 'object') return 'an object';
	return typeof x;
}

/** `['a', 'b', 'c']` → `a, b, c`, cut to `max` items with `…`. */
export function listOf(items: readonly string[], max = 10): string {
	return items.length > max ? [...items.slice(0, max), '…'].join(', ') : items.join(', ');
}

/** Whether `x` is a whole number (a finite integer). */
export const isWhole = (x: number) => Number.isInteger(x);

/** Reads `root` at `path`, or undefined where the path does not exist. */
export function valueAt(root: unknown, path: readonly PathKey[]): unknown {
	let x: unknown = root;
	for (const key of path) {
		if (typeof x !== 'object' || x === null) return undefined;
		x = (x as Record<PathKey, unknown>)[key];
	}
	return x;
}

/** A property of an object read without trusting its shape. */
export function prop(x: unknown, key: string): unknown {
	return typeof x === 'object' && x !== null && !Array.isArray(x)
		? (x as Record<string, unknown>)[key]
		: undefined;
}

/** A string property, or undefined. */
export function textProp(x: unknown, key: string): string | undefined {
	const p = prop(x, key);
	return typeof p === 'string' ? p : undefined;
}

/** A number property, or undefined. */
export function numberProp(x: unknown, key: string): number | undefined {
	const p = prop(x, key);
	return typeof p === 'number' ? p : undefined;
}

/**
 * Where an issue is, in words: `where` is the row or item ("Base caseload row 3 (NCY 5, setting
 * "mainstream")"), `field` the part of it ("the count"), empty when the value is the row itself.
 */
export interface Location {
	where: string;
	field: string;
}

/** Describes a path of a document in words. */
export type Locator = (path: readonly PathKey[]) => Location;

const PROVENANCE_FIELDS: Record<string, string> = {
	kind: 'the provenance kind ("kind")',
	ref: 'the provenance reference ("ref")',
	formula: 'the provenance formula ("formula")',
	file: 'the provenance file name ("file")',
	row: 'the provenance row ("row")',
	note: 'the provenance note ("note")'
};

const PROVENANCE_NEEDS: Record<string, string> = {
	seed: 'a seed figure must say where the report prints it ("ref")',
	derived: 'a derived figure must give its formula ("formula")',
	sen2: 'a SEN2 figure must name its table ("ref")',
	import: 'an imported figure must name its file ("file")',
	assumption: 'an assumption must say what it rests on ("note")'
};

/**
 * The words for the keys below a row: `['count', 'value']` → "the count",
 * `['count', 'source', 'note']` → "the provenance note ("note") of the count", using `labels`
 * for known keys and the JSON key in quotes otherwise. A Figure's `value` is the figure itself.
 * @example fieldPhrase(['count', 'value'], { count: 'the count' }) // 'the count'
 */
export function fieldPhrase(keys: readonly PathKey[], labels: Record<string, string>): string {
	const s = keys.indexOf('source');
	if (s >= 0) {
		const sub = keys[s + 1];
		const subject =
			sub === undefined ? 'the provenance' : (PROVENANCE_FIELDS[sub] ?? `"${String(sub)}"`);
		const owner = fieldPhrase(keys.slice(0, s), labels);
		return owner ? `${subject} of ${owner}` : subject;
	}
	const k = keys[keys.length - 1] === 'value' ? keys.slice(0, -1) : keys;
	if (k.length === 0) return '';
	const last = k[k.length - 1];
	if (typeof last === 'number') {
		const owner = fieldPhrase(k.slice(0, -1), labels);
		return owner ? `item ${last + 1} of ${owner}` : `item ${last + 1}`;
	}
	return labels[last] ?? `"${k.filter((x) => typeof x === 'string').join('.')}"`;
}

const EXPECTED_WORDS: Record<string, string> = {
	number: 'a number',
	string: 'text',
	boolean: 'true or false',
	Array: 'a list',
	Object: 'an object',
	null: 'null'
};

/** valibot's `expected` (`number`, `("a" | "b")`) in words. */
function expectedWords(expected: string | null): string {
	if (!expected) return 'something else';
	const inner = expected.replace(/^\((.*)\)$/s, '$1');
	const options = inner
		.split('|')
		.map((o) => o.trim().replace(/^\(|\)$/g, ''))
		.filter((o) => o !== '');
	const words = options.map((o) => EXPECTED_WORDS[o] ?? o.replace(/^"(.*)"$/, '$1'));
	if (words.length === 1) return words[0];
	return `one of ${listOf(words, 12)}`;
}

/** `dataset` → `Dataset`. */
export const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/**
 * Turns one valibot issue into a message, located by `locate` and with `prefix` before its path.
 * @example structuralIssue(issue, locate, input).message // 'Caseload by age band, 2019, "age_5_10": expected a number, got NaN.'
 */
export function structuralIssue(
	issue: v.BaseIssue<unknown>,
	locate: Locator,
	root: unknown,
	prefix: readonly PathKey[] = []
): ValidationIssue {
	const path = (issue.path ?? []).map((p) => p.key as PathKey);
	const full = [...prefix, ...path];
	const at = (loc: Location, rest: string) =>
		`${loc.where}: ${loc.field ? `${loc.field} ${rest}` : rest}`;

	// An unknown key (strict objects): valibot expects "never" and receives the key.
	if (issue.type.endsWith('object') && issue.expected === 'never' && path.length > 0) {
		const key = String(path[path.length - 1]);
		const loc = locate(path.slice(0, -1));
		const inWhat = loc.field ? ` in ${loc.field}` : '';
		return {
			path: full,
			message: `${loc.where}: unknown key "${key}"${inWhat}; check its spelling or remove it.`
		};
	}
	// A missing key: the input at the key is undefined and valibot expects the key's name.
	if (issue.type.endsWith('object') && issue.input === undefined && path.length > 0) {
		const key = String(path[path.length - 1]);
		const parent = path.slice(0, -1);
		const loc = locate(parent);
		if (parent[parent.length - 1] === 'source') {
			const kind = prop(valueAt(root, parent), 'kind');
			const need = typeof kind === 'string' ? PROVENANCE_NEEDS[kind] : undefined;
			const owner = locate(parent.slice(0, -1));
			const of = owner.field ? ` of ${owner.field}` : '';
			return {
				path: full,
				message: `${owner.where}: the provenance${of} has no "${key}"${need ? `; ${need}` : ''}.`
			};
		}
		return {
			path: full,
			message: loc.field
				? `${loc.where}: "${key}" is missing from ${loc.field}.`
				: `${loc.where}: "${key}" is missing.`
		};
	}
	const loc = locate(path);
	if (issue.kind === 'validation') {
		if (issue.type === 'finite') {
			return {
				path: full,
				message: `${at(loc, loc.field ? 'must be a finite number' : 'expected a finite number')}, got ${describeValue(issue.input)}.`
			};
		}
		return {
			path: full,
			message: `${loc.where}: ${loc.field || 'the value'} ${issue.message}.`
		};
	}
	const expected =
		issue.type === 'custom' ? issue.message : expectedWords(issue.expected as string | null);
	const body = loc.field ? `must be ${expected}` : `expected ${expected}`;
	return { path: full, message: `${at(loc, body)}, got ${describeValue(issue.input)}.` };
}

/**
 * Validates `input` against a schema, every structural issue turned into a message.
 * @example const r = checkStructure(DatasetSchema, input, locate); if (r.ok) r.value.baseCensus;
 */
export function checkStructure<S extends v.GenericSchema>(
	schema: S,
	input: unknown,
	locate: Locator,
	prefix: readonly PathKey[] = []
): { ok: true; value: v.InferOutput<S> } | { ok: false; issues: ValidationIssue[] } {
	const r = v.safeParse(schema, input);
	if (r.success) return { ok: true, value: r.output };
	// valibot takes a list for an object and reports each of its keys as missing: say once
	// instead that an object was expected.
	const out: ValidationIssue[] = [];
	const listsSeen = new Set<string>();
	for (const issue of r.issues) {
		const path = (issue.path ?? []).map((p) => p.key as PathKey);
		const missingKey = issue.type.endsWith('object') && issue.input === undefined;
		const parent = path.slice(0, -1);
		if (path.length > 0 && missingKey && Array.isArray(valueAt(input, parent))) {
			const key = JSON.stringify(parent);
			if (listsSeen.has(key)) continue;
			listsSeen.add(key);
			const loc = locate(parent);
			const body = loc.field ? `${loc.field} must be an object` : 'expected an object';
			out.push({ path: [...prefix, ...parent], message: `${loc.where}: ${body}, got a list.` });
			continue;
		}
		out.push(structuralIssue(issue, locate, input, prefix));
	}
	return { ok: false, issues: out };
}
