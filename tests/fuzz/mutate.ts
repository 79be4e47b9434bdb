/**
 * Generators of bad files for the importer fuzz tests (fast-check): random text and bytes, CSV
 * that is almost right (a valid file with columns dropped or repeated, cells changed, lines cut,
 * a byte-order mark, huge numbers, NaN…), JSON that is almost right (keys dropped, values
 * changed, `__proto__`/`constructor`/`prototype` keys inserted, deep nesting, cut short), and a
 * guard that nothing reached a built-in prototype.
 *
 * Sizes are bounded so that every run ends quickly: the whole fuzz suite stays well under 30 s.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Cells that have broken importers before, or could: numbers out of range, text that is code. */
export const NASTY_CELLS = [
	'',
	' ',
	'NaN',
	'nan',
	'Infinity',
	'-Infinity',
	'1e309',
	'-1e309',
	'1e-400',
	'9'.repeat(400),
	'-0',
	'0x1F',
	'1,234',
	'£12',
	'12%',
	'1.2.3',
	'x',
	'z',
	'c',
	'..',
	'null',
	'undefined',
	'true',
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty',
	'=1+1',
	'+cmd',
	'-2+3',
	'@SUM(A1)',
	'"',
	'""',
	'a"b',
	'\u0000',
	'\uFEFF',
	'\uD800',
	'é',
	'🙂',
	'\r',
	'\n',
	'a\nb',
	'2019',
	'2021-Q5',
	'2021-13',
	'202122',
	'-1',
	'99999999999999999999',
	'3.5'
] as const;

/** A cell: mostly a nasty one, sometimes any short text. */
export const cell = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...NASTY_CELLS) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
	{ weight: 1, arbitrary: fc.integer({ min: -100, max: 5000 }).map(String) }
);

/** Any text, including lone surrogates and control characters (up to `maxLength` units). */
export const anyText = (maxLength = 2_000) =>
	fc.oneof(
		fc.string({ maxLength, unit: 'binary' }),
		fc.string({ maxLength, unit: 'grapheme' }),
		fc.uint8Array({ maxLength }).map((b) => new TextDecoder('utf-8').decode(b)),
		fc.uint8Array({ maxLength }).map((b) => String.fromCharCode(...b))
	);

/** Random rows of random cells, written as CSV-looking text (quotes not escaped on purpose). */
export const csvLike = fc
	.record({
		rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 30 }),
		eol: fc.constantFrom('\n', '\r\n', '\r'),
		quote: fc.boolean()
	})
	.map(({ rows, eol, quote }) =>
		rows.map((r) => r.map((c) => (quote ? `"${c}"` : c)).join(',')).join(eol)
	);

/** Splits CSV text into lines of cells (naively: good enough to mutate our own fixtures). */
function table(text: string): string[][] {
	return text
		.replace(/\r\n/g, '\n')
		.split('\n')
		.map((line) => splitLine(line));
}

function splitLine(line: string): string[] {
	const cells: string[] = [];
	let cur = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (c === '"') {
			if (quoted && line[i + 1] === '"') {
				cur += '"';
				i++;
			} else quoted = !quoted;
		} else if (c === ',' && !quoted) {
			cells.push(cur);
			cur = '';
		} else cur += c;
	}
	cells.push(cur);
	return cells;
}

function writeCell(c: string): string {
	return /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
}

const write = (rows: string[][]) => rows.map((r) => r.map(writeCell).join(',')).join('\n');

/** One change to a CSV text; indices are taken modulo the table's size. */
type CsvMutation = (text: string) => string;

const csvMutation: fc.Arbitrary<CsvMutation> = fc.oneof(
	fc.nat().map((col) => (text: string) => {
		const rows = table(text);
		const c = col % Math.max(1, rows[0].length);
		return write(rows.map((r) => r.filter((_, i) => i !== c)));
	}),
	fc.nat().map((col) => (text: string) => {
		const rows = table(text);
		const c = col % Math.max(1, rows[0].length);
		return write(rows.map((r) => [...r.slice(0, c + 1), ...r.slice(c)]));
	}),
	fc.tuple(fc.nat(), fc.nat(), cell).map(([row, col, value]) => (text: string) => {
		const rows = table(text);
		const r = rows[row % rows.length];
		r[col % Math.max(1, r.length)] = value;
		return write(rows);
	}),
	fc.tuple(fc.nat(), cell).map(([col, value]) => (text: string) => {
		// The same bad value down a whole column, header apart.
		const rows = table(text);
		const c = col % Math.max(1, rows[0].length);
		return write(rows.map((r, i) => (i === 0 ? r : r.map((v, j) => (j === c ? value : v)))));
	}),
	fc.nat().map((row) => (text: string) => {
		const rows = table(text);
		rows.splice(row % rows.length, 1);
		return write(rows);
	}),
	fc.nat().map((row) => (text: string) => {
		const rows = table(text);
		const r = row % rows.length;
		rows.splice(r, 0, [...rows[r]]);
		return write(rows);
	}),
	fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (text: string) => {
		return text.slice(0, Math.floor(text.length * at));
	}),
	fc.constant((text: string) => `\uFEFF${text}`),
	fc.constant((text: string) => text.replace(/\n/g, '\r\n')),
	fc.constant((text: string) => text.replace(/,/g, ';')),
	fc.constant((text: string) => text.replace(/\d+/g, (d) => `${d}e400`)),
	fc
		.tuple(fc.nat(), fc.string({ maxLength: 6, unit: 'binary' }))
		.map(([at, s]) => (text: string) => {
			const i = at % (text.length + 1);
			return text.slice(0, i) + s + text.slice(i);
		})
);

/** A valid CSV text with one to four mutations applied. */
export function mutatedCsv(valid: string): fc.Arbitrary<string> {
	return fc
		.array(csvMutation, { minLength: 1, maxLength: 4 })
		.map((ms) => ms.reduce((t, m) => m(t), valid));
}

/** JSON values that a file could hold where something else is expected. */
const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(
		null,
		true,
		0,
		-0,
		-1,
		1.5,
		1e308,
		-1e308,
		Number.MAX_SAFE_INTEGER + 2,
		'',
		'NaN',
		'x'.repeat(5_000),
		[],
		{},
		[null],
		{ polluted: 'yes' }
	),
	fc.jsonValue({ maxDepth: 3 })
);

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** One change to a parsed JSON tree, at a node picked by walking `steps`. */
type JsonMutation = (root: Json) => Json;

function walkTo(root: Json, steps: readonly number[]): { parent: Json; key: string | number }[] {
	const trail: { parent: Json; key: string | number }[] = [];
	let at: Json = root;
	for (const s of steps) {
		if (Array.isArray(at) && at.length > 0) {
			const k = s % at.length;
			trail.push({ parent: at, key: k });
			at = at[k];
		} else if (at !== null && typeof at === 'object' && Object.keys(at).length > 0) {
			const keys = Object.keys(at);
			const k = keys[s % keys.length];
			trail.push({ parent: at, key: k });
			at = (at as Record<string, Json>)[k];
		} else break;
	}
	return trail;
}

// Mostly deep paths, so that changes reach the dataset's figures and the scenarios' levers.
const steps = fc.oneof(
	{ weight: 1, arbitrary: fc.array(fc.nat(), { maxLength: 3 }) },
	{ weight: 3, arbitrary: fc.array(fc.nat(), { minLength: 4, maxLength: 10 }) }
);

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
	fc.tuple(steps, nastyJson).map(([path, value]) => (root: Json) => {
		const trail = walkTo(root, path);
		const last = trail.at(-1);
		if (!last) return value as Json;
		(last.parent as Record<string | number, Json>)[last.key] = value as Json;
		return root;
	}),
	steps.map((path) => (root: Json) => {
		const last = walkTo(root, path).at(-1);
		if (!last) return root;
		if (Array.isArray(last.parent)) last.parent.splice(last.key as number, 1);
		else delete (last.parent as Record<string, Json>)[last.key];
		return root;
	}),
	fc.tuple(steps, fc.constantFrom(...FORBIDDEN)).map(([path, key]) => (root: Json) => {
		// Own keys named __proto__ etc., as JSON.parse makes them from a file.
		const target = walkTo(root, path).reduce<Json>(
			(_, { parent, key: k }) => (parent as Record<string | number, Json>)[k],
			root
		);
		if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
			Object.defineProperty(target, key, {
				value: JSON.parse('{"polluted": "yes", "__proto__": {"polluted": "yes"}}'),
				enumerable: true,
				configurable: true,
				writable: true
			});
		}
		return root;
	}),
	fc.tuple(steps, fc.integer({ min: 1, max: 3_000 })).map(([path, depth]) => (root: Json) => {
		const last = walkTo(root, path).at(-1);
		const deep = JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as Json;
		if (!last) return deep;
		(last.parent as Record<string | number, Json>)[last.key] = deep;
		return root;
	})
);

/** Text-level damage to a JSON file: cut short, a BOM, NaN/Infinity tokens, huge nesting. */
const jsonTextMutation: fc.Arbitrary<(text: string) => string> = fc.oneof(
	fc
		.double({ min: 0, max: 1, noNaN: true })
		.map((at) => (t: string) => t.slice(0, Math.floor(t.length * at))),
	fc.constant((t: string) => `\uFEFF${t}`),
	fc.constant((t: string) => t.replace(/:\s*(\d+)/, ':NaN')),
	fc.constant((t: string) => t.replace(/:\s*(\d+)/g, ':$1e999')),
	fc.constant((t: string) => t.replace(/"name"/, '"__proto__"')),
	fc.constant((t: string) =>
		t.replace(
			/^\{/,
			'{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}},'
		)
	),
	fc.integer({ min: 1, max: 200_000 }).map((depth) => () => '['.repeat(depth) + ']'.repeat(depth)),
	fc
		.integer({ min: 1, max: 200_000 })
		.map((depth) => () => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth))
);

/**
 * A valid JSON text with one to three tree mutations, then maybe one text-level one. The tree
 * mutations go mostly inside one of `focus` (top-level keys, e.g. the dataset), so that they
 * reach the content and not only the envelope.
 */
export function mutatedJson(valid: string, focus: readonly string[] = []): fc.Arbitrary<string> {
	return fc
		.record({
			tree: fc.array(jsonMutation, { minLength: 1, maxLength: 3 }),
			text: fc.oneof(
				{ weight: 3, arbitrary: fc.constant(null) },
				{ weight: 1, arbitrary: jsonTextMutation }
			),
			inside: fc.option(fc.constantFrom(...(focus.length ? focus : [''])), { freq: 4 })
		})
		.map(({ tree, text, inside }) => {
			const root = JSON.parse(valid) as Json;
			const top = root as Record<string, Json>;
			if (inside && top[inside] !== null && typeof top[inside] === 'object') {
				top[inside] = tree.reduce<Json>((r, m) => m(r), top[inside]);
			} else {
				tree.reduce((r, m) => m(r), root);
			}
			// Compact: indenting a deeply nested value would make a file of many megabytes.
			const out = JSON.stringify(root);
			return text ? text(out) : out;
		});
}

/** The own property names of the built-in prototypes, to compare before and after. */
export function prototypeSnapshot(): string[][] {
	return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
		Object.getOwnPropertyNames(p).sort()
	);
}

/** Fails if anything was added to a built-in prototype since `before`. */
export function expectNoPollution(before: string[][]): void {
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
	expect(prototypeSnapshot()).toEqual(before);
}

/** Runs per property: enough to find the usual bugs, few enough to keep the suite fast. */
export const RUNS = { quick: 300, medium: 100, slow: 40 } as const;

/**
 * How long one fuzz test may take before it counts as hung (a guard, not a performance check:
 * each finishes in a second or two).
 */
export const HANG_GUARD_MS = 20_000;
