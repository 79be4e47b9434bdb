/**
 * Three-way merge of plain data (JSON-like values: objects, arrays, strings, numbers, booleans,
 * null), used when two tabs edited one dataset: each tab's edit is compared with the version both
 * started from (the base), so that edits to different things — a KPI actual in one tab, the
 * report summary in the other — are both kept, and only two different edits of the same thing
 * are a conflict for the user to settle (docs/decisions/0015-dataset-edit-concurrency.md).
 *
 * Objects merge key by key. Arrays of records that carry an identity (`id`, `ref`, a KPI actual's
 * `period`, a history row's year with its band or setting, a caseload cell's NCY × need ×
 * setting) merge item by item; other arrays (a list of needs, sign-offs) are one value each.
 */

/** One thing both sides changed differently. `path` locates it; `label` says it in words. */
export interface MergeConflict {
	path: (string | number)[];
	label: string;
	base: unknown;
	mine: unknown;
	theirs: unknown;
}

export interface MergeResult<T> {
	/** The merged value; at each conflict it holds the side named by `prefer` (mine by default). */
	value: T;
	conflicts: MergeConflict[];
}

/** Which side a conflict takes in `value`. */
export type MergePreference = 'mine' | 'theirs';

/**
 * Merges `mine` and `theirs`, two edits of `base`.
 *
 * @param prefer the side a conflicting item takes in the merged value (conflicts are reported
 *   either way)
 * @example
 * const r = mergeThreeWay({ a: 1, b: 1 }, { a: 2, b: 1 }, { a: 1, b: 3 });
 * // r.value: { a: 2, b: 3 }, r.conflicts: []
 */
export function mergeThreeWay<T>(
	base: T,
	mine: T,
	theirs: T,
	prefer: MergePreference = 'mine'
): MergeResult<T> {
	const conflicts: MergeConflict[] = [];
	const value = mergeValue(base, mine, theirs, [], [], prefer, conflicts) as T;
	return { value, conflicts };
}

/**
 * Deep equality of plain data (key order does not matter; `undefined` keys count as absent).
 * @example deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }) // true
 */
export function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
		return Number.isNaN(a) && Number.isNaN(b);
	}
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a)) {
		const bb = b as unknown[];
		if (a.length !== bb.length) return false;
		for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
		return true;
	}
	const ka = definedKeys(a as Record<string, unknown>);
	const kb = definedKeys(b as Record<string, unknown>);
	if (ka.length !== kb.length) return false;
	for (const k of ka) {
		if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
		if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) {
			return false;
		}
	}
	return true;
}

function definedKeys(o: Record<string, unknown>): string[] {
	return Object.keys(o).filter((k) => o[k] !== undefined);
}

type Plain = Record<string, unknown>;

function isPlainObject(v: unknown): v is Plain {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A segment of a path in words, for conflict labels: `['kpis', 'KPI 6a', 'comment']`. */
type Words = string[];

function mergeValue(
	base: unknown,
	mine: unknown,
	theirs: unknown,
	path: (string | number)[],
	words: Words,
	prefer: MergePreference,
	conflicts: MergeConflict[]
): unknown {
	if (deepEqual(mine, theirs)) return mine;
	if (deepEqual(base, mine)) return theirs;
	if (deepEqual(base, theirs)) return mine;
	if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
		return mergeObject(base, mine, theirs, path, words, prefer, conflicts);
	}
	if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) {
		const key = identityOf([...base, ...mine, ...theirs]);
		if (key) return mergeKeyedArray(base, mine, theirs, key, path, words, prefer, conflicts);
	}
	conflicts.push({ path, label: describePath(words), base, mine, theirs });
	return prefer === 'mine' ? mine : theirs;
}

function mergeObject(
	base: Plain,
	mine: Plain,
	theirs: Plain,
	path: (string | number)[],
	words: Words,
	prefer: MergePreference,
	conflicts: MergeConflict[]
): Plain {
	const out: Plain = {};
	const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])];
	for (const k of keys) {
		const merged = mergeValue(
			base[k],
			mine[k],
			theirs[k],
			[...path, k],
			[...words, fieldWords(k)],
			prefer,
			conflicts
		);
		if (merged !== undefined) out[k] = merged;
	}
	return out;
}

/**
 * Items are matched by identity. The order is mine, with items only theirs added after the mine
 * item they followed (or at the end); when both sides keep the list in order of identity, the
 * merged list is in that order too. An item one side removed and the other left alone is
 * removed; removed by one side and changed by the other is a conflict.
 */
function mergeKeyedArray(
	base: unknown[],
	mine: unknown[],
	theirs: unknown[],
	key: (item: Plain) => string,
	path: (string | number)[],
	words: Words,
	prefer: MergePreference,
	conflicts: MergeConflict[]
): unknown[] {
	const byKey = (list: unknown[]) => new Map(list.map((item) => [key(item as Plain), item]));
	const b = byKey(base);
	const m = byKey(mine);
	const t = byKey(theirs);
	if (m.size !== mine.length || t.size !== theirs.length || b.size !== base.length) {
		// Two items with one identity: no safe way to pair them, so the list is one value.
		conflicts.push({ path, label: describePath(words), base, mine, theirs });
		return prefer === 'mine' ? mine : theirs;
	}
	const order: string[] = mine.map((item) => key(item as Plain));
	let after = -1;
	for (const item of theirs) {
		const k = key(item as Plain);
		const at = order.indexOf(k);
		if (at >= 0) {
			after = at;
		} else {
			// New in theirs, or removed in mine (the loop below drops it unless they changed it).
			order.splice(after + 1, 0, k);
			after++;
		}
	}
	// Lists both sides keep in order of identity (actuals by period, history by year) stay so.
	const sorted = (list: unknown[]) =>
		list.every((item, i) => i === 0 || key(list[i - 1] as Plain) <= key(item as Plain));
	if (sorted(mine) && sorted(theirs)) order.sort();
	const out: unknown[] = [];
	for (const k of order) {
		const inBase = b.get(k);
		const inMine = m.get(k);
		const inTheirs = t.get(k);
		const itemWords = [...words, itemWordsOf((inMine ?? inTheirs ?? inBase) as Plain)];
		const itemPath = [...path, k];
		if (inMine !== undefined && inTheirs !== undefined) {
			out.push(mergeValue(inBase, inMine, inTheirs, itemPath, itemWords, prefer, conflicts));
		} else if (inMine !== undefined) {
			// Theirs removed it (or it is new in mine).
			if (inBase === undefined || deepEqual(inBase, inMine)) {
				if (inBase === undefined) out.push(inMine);
			} else {
				conflicts.push({
					path: itemPath,
					label: `${describePath(itemWords)} (deleted in the other tab, changed in this one)`,
					base: inBase,
					mine: inMine,
					theirs: undefined
				});
				if (prefer === 'mine') out.push(inMine);
			}
		} else if (inTheirs !== undefined) {
			// Mine removed it (an item new in theirs was placed in the order above).
			if (inBase === undefined) {
				out.push(inTheirs);
			} else if (!deepEqual(inBase, inTheirs)) {
				conflicts.push({
					path: itemPath,
					label: `${describePath(itemWords)} (deleted in this tab, changed in the other)`,
					base: inBase,
					mine: undefined,
					theirs: inTheirs
				});
				if (prefer === 'theirs') out.push(inTheirs);
			}
		}
	}
	return out;
}

/** Fields that name a record in a list, tried in turn (composite ones for history rows). */
const IDENTITIES: readonly (readonly string[])[] = [
	['id'],
	['ref'],
	['ncy', 'need', 'setting'],
	['year', 'ncy'],
	['year', 'band'],
	['year', 'setting'],
	['period'],
	['setting', 'need'],
	['role'],
	['year']
];

function identityOf(items: unknown[]): ((item: Plain) => string) | null {
	if (items.length === 0 || !items.every(isPlainObject)) return null;
	for (const fields of IDENTITIES) {
		const ok = items.every((item) =>
			fields.every((f) => {
				const v = (item as Plain)[f];
				return (
					Object.prototype.hasOwnProperty.call(item, f) &&
					(typeof v === 'string' || typeof v === 'number' || v === null)
				);
			})
		);
		if (ok) return (item) => JSON.stringify(fields.map((f) => item[f]));
	}
	return null;
}

const FIELD_WORDS: Record<string, string> = {
	kpis: 'KPIs',
	reports: 'reports',
	conditions: 'conditions',
	finance: 'finance',
	lines: 'ledger',
	savings: 'savings lines',
	actuals: 'actuals',
	override: 'RAG override',
	comment: 'comment',
	summary: 'summary',
	risks: 'risks',
	signOffs: 'sign-offs',
	history: 'history',
	unitCosts: 'unit costs',
	baseCaseload: 'base caseload',
	openingCumulativeDeficit: 'opening cumulative deficit'
};

function fieldWords(key: string): string {
	return FIELD_WORDS[key] ?? key;
}

function itemWordsOf(item: Plain): string {
	if (!isPlainObject(item)) return 'item';
	if (typeof item.ref === 'string') return `KPI ${item.ref}`;
	if (typeof item.quarter === 'string' && typeof item.title === 'string') {
		return `report “${item.title}” (${item.quarter})`;
	}
	for (const f of ['name', 'title', 'period', 'id']) {
		if (typeof item[f] === 'string' && item[f]) return `“${item[f]}”`;
	}
	if (typeof item.year === 'number') return String(item.year);
	return 'item';
}

/**
 * A path in words, dropping list names that the item's own words already say (`KPI 6a`, not
 * `KPIs KPI 6a`).
 * @example describePath(['KPIs', 'KPI 6a', 'comment']) // 'KPI 6a: comment'
 */
export function describePath(words: readonly string[]): string {
	if (words.length === 0) return 'the whole record';
	const kept = words.filter((w, i) => !(w === 'KPIs' && words[i + 1]?.startsWith('KPI ')));
	return kept.length > 1 ? `${kept.slice(0, -1).join(' › ')}: ${kept.at(-1)}` : kept[0];
}

/**
 * What differs between two versions of a record, in words, from `saved` to `incoming`: changed
 * fields, and items of identified lists added or removed. At most `limit` lines, the last then
 * saying how many more there are.
 * @example
 * describeDifferences({ kpis: [{ ref: '1', comment: '' }] }, { kpis: [{ ref: '1', comment: 'x' }] })
 * // ['KPI 1: comment']
 */
export function describeDifferences(saved: unknown, incoming: unknown, limit = 12): string[] {
	const out: string[] = [];
	diffWalk(saved, incoming, [], out);
	if (out.length <= limit) return out;
	return [...out.slice(0, limit - 1), `… and ${out.length - limit + 1} more`];
}

function diffWalk(a: unknown, b: unknown, words: Words, out: string[]): void {
	if (deepEqual(a, b)) return;
	if (isPlainObject(a) && isPlainObject(b)) {
		for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
			diffWalk(a[k], b[k], [...words, fieldWords(k)], out);
		}
		return;
	}
	if (Array.isArray(a) && Array.isArray(b)) {
		const key = identityOf([...a, ...b]);
		if (key) {
			const ka = new Map(a.map((item) => [key(item as Plain), item]));
			const kb = new Map(b.map((item) => [key(item as Plain), item]));
			if (ka.size === a.length && kb.size === b.length) {
				for (const [k, item] of ka) {
					const w = [...words, itemWordsOf(item as Plain)];
					if (!kb.has(k)) out.push(`${describePath(w)} (only in the saved version)`);
					else diffWalk(item, kb.get(k), w, out);
				}
				for (const [k, item] of kb) {
					if (!ka.has(k)) {
						out.push(`${describePath([...words, itemWordsOf(item as Plain)])} (only in the file)`);
					}
				}
				return;
			}
		}
	}
	out.push(describePath(words));
}
