/**
 * Local authorities in SEN2 files, and choosing one by name or code.
 *
 * An authority has a name, a new (ONS) code such as `E09000021` and an old (DfE) code such as
 * `314`. A row belongs to an authority when either code matches: ONS codes change when a council
 * is re-formed while its DfE code stays (Buckinghamshire E10000002 → E06000060 in 2020, Gateshead
 * E08000020 → E08000037 and Northumberland E06000048 → E06000057 in 2013), so matching either
 * keeps the whole history. The ONS codes an authority had before its latest are kept as its
 * `formerCodes`, so that any of its identifiers chooses it, and the same series.
 */
import { ImportError, quote } from '../csv/errors';

export interface Authority {
	name: string;
	/** ONS code, e.g. `E09000021`. */
	newCode: string;
	/** DfE (old LA) code, e.g. `314`; kept as text, it is an identifier. */
	oldCode: string;
	/**
	 * ONS codes the authority's rows had before `newCode` (same DfE code), oldest first, such as
	 * Buckinghamshire's `E10000002`; absent when there are none.
	 */
	formerCodes?: string[];
}

/** The columns of a SEN2 row that say where it is about. */
export interface AuthorityRow {
	la_name?: string;
	new_la_code?: string;
	old_la_code?: string;
	geographic_level?: string;
	time_period?: string;
}

/**
 * Collects the local authorities of SEN2 rows as they stream past. An authority is keyed by its
 * old code (else new code, else name); the name and new code of its latest period are kept.
 */
export class AuthorityRegistry {
	private readonly byKey = new Map<string, Authority & { period: string }>();
	/** Every ONS code seen under a key, with the latest period it was seen in. */
	private readonly codesByKey = new Map<string, Map<string, string>>();

	/** Registers the authority of a row; rows that are not about a local authority are ignored. */
	add(row: AuthorityRow): void {
		if (!isLocalAuthorityRow(row)) return;
		const name = (row.la_name ?? '').trim();
		const newCode = (row.new_la_code ?? '').trim();
		const oldCode = (row.old_la_code ?? '').trim();
		const period = (row.time_period ?? '').trim();
		const key = oldCode || newCode || normaliseName(name);
		const known = this.byKey.get(key);
		if (!known || comparePeriods(period, known.period) > 0) {
			this.byKey.set(key, { name, newCode, oldCode, period });
		}
		if (newCode) {
			const codes = this.codesByKey.get(key) ?? this.codesByKey.set(key, new Map()).get(key)!;
			const code = newCode.toUpperCase();
			const seen = codes.get(code);
			if (seen === undefined || comparePeriods(period, seen) > 0) codes.set(code, period);
		}
	}

	/** The authorities seen, sorted by name, each with its former ONS codes if it has any. */
	list(): Authority[] {
		return [...this.byKey.entries()]
			.map(([key, { name, newCode, oldCode }]) => {
				const former = [...(this.codesByKey.get(key) ?? new Map<string, string>()).entries()]
					.filter(([code]) => code !== newCode.toUpperCase())
					.sort((a, b) => comparePeriods(a[1], b[1]))
					.map(([code]) => code);
				const a: Authority = { name, newCode, oldCode };
				if (former.length > 0) a.formerCodes = former;
				return a;
			})
			.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.oldCode.localeCompare(b.oldCode));
	}
}

/**
 * The local authorities of some SEN2 rows (by column name), sorted by name.
 * @example listAuthorities([{ geographic_level: 'Local authority', la_name: 'Kingston upon Thames', new_la_code: 'E09000021', old_la_code: '314' }])
 * // [{ name: 'Kingston upon Thames', newCode: 'E09000021', oldCode: '314' }]
 */
export function listAuthorities(rows: Iterable<AuthorityRow>): Authority[] {
	const registry = new AuthorityRegistry();
	for (const row of rows) registry.add(row);
	return registry.list();
}

/** Whether a row is about a single local authority (not England or a region). */
export function isLocalAuthorityRow(row: AuthorityRow): boolean {
	const level = (row.geographic_level ?? '').trim().toLowerCase();
	const hasCode = Boolean(row.new_la_code?.trim() || row.old_la_code?.trim());
	return level === 'local authority' && hasCode;
}

/** Whether a row's codes are an authority's (either code is enough; a former ONS code too). */
export function rowIsAuthority(a: Authority, newCode: string, oldCode: string): boolean {
	const n = newCode.trim().toUpperCase();
	const o = oldCode.trim();
	return (
		(a.newCode !== '' && n === a.newCode.toUpperCase()) ||
		(a.oldCode !== '' && o === a.oldCode) ||
		(n !== '' && (a.formerCodes ?? []).includes(n))
	);
}

/** Whether a query is one of an authority's codes: new, old or former (any case). */
function hasCode(a: Authority, query: string): boolean {
	const upper = query.toUpperCase();
	return (
		(a.newCode !== '' && a.newCode.toUpperCase() === upper) ||
		(a.oldCode !== '' && a.oldCode === query) ||
		(a.formerCodes ?? []).includes(upper)
	);
}

/**
 * Whether a row could belong to the authority a query will select, before the whole list is
 * known: its code is the query, or its name contains the query. Lets a streamed import keep only
 * a handful of rows per file.
 */
export function rowMightMatch(
	query: string | Authority,
	name: string,
	newCode: string,
	oldCode: string
): boolean {
	if (typeof query !== 'string') {
		return (
			rowIsAuthority(query, newCode, oldCode) || normaliseName(name) === normaliseName(query.name)
		);
	}
	const q = query.trim();
	if (q === '') return false;
	if (q.toUpperCase() === newCode.trim().toUpperCase() || q === oldCode.trim()) return true;
	const n = normaliseName(q);
	return n !== '' && normaliseName(name).includes(n);
}

/**
 * Chooses one authority by name or code. In order: the new code (`E09000021`, or a former one
 * such as Buckinghamshire's `E10000002`), the old code (`314`), the exact name (any case), the
 * name ignoring punctuation ("Bristol City of"), then — unless `options.exact` — a name containing
 * the query as whole words when only one does ("Hull"). "Kingston" matches both "Kingston upon
 * Hull, City of" and "Kingston upon Thames", so it is refused and both are listed; a query that
 * matches nothing (with `exact`, a part of a name) is refused with the closest names.
 * @param source names the files, for the message.
 * @param options.exact refuse a part of a name (the command line, where nobody sees the choice
 * before the import); the app's picker shows the authority chosen, so it takes parts.
 * @example selectAuthority(list, '314').name // 'Kingston upon Thames'
 */
export function selectAuthority(
	authorities: readonly Authority[],
	query: string,
	source = 'the SEN2 files',
	options: { exact?: boolean } = {}
): Authority {
	const q = query.trim();
	const expected =
		'a local authority of the files, by name, new code (such as E09000021) or old code (such as 314)';
	if (authorities.length === 0) {
		throw new ImportError(source, null, 'la_name', expected, 'files with no local authority rows');
	}
	const upper = q.toUpperCase();
	const byCode =
		authorities.find((a) => a.newCode.toUpperCase() === upper) ??
		authorities.find((a) => a.oldCode === q) ??
		authorities.find((a) => hasCode(a, q));
	if (byCode && q !== '') return byCode;

	const exact = authorities.filter(
		(a) => a.name.trim().toLowerCase().replace(/\s+/g, ' ') === q.toLowerCase().replace(/\s+/g, ' ')
	);
	if (exact.length === 1) return exact[0];
	const n = normaliseName(q);
	const loose = authorities.filter((a) => normaliseName(a.name) === n);
	if (loose.length === 1) return loose[0];
	const candidates =
		(exact.length > 1 ? exact : loose.length > 1 ? loose : null) ??
		authorities.filter((a) => n !== '' && ` ${normaliseName(a.name)} `.includes(` ${n} `));
	if (candidates.length === 1 && options.exact) {
		throw new ImportError(
			source,
			null,
			'la_name',
			'the full name of an authority or a code',
			`${quote(query)}, a part of the name of ${describeAuthority(candidates[0])}`
		);
	}
	if (candidates.length === 1) return candidates[0];
	if (candidates.length > 1) {
		throw new ImportError(
			source,
			null,
			'la_name',
			'one authority: give its full name or a code',
			`${quote(query)}, which matches ${joinOr(candidates.map(describeAuthority), 'and')}`
		);
	}
	const close = closeAuthorities(authorities, q);
	const hint =
		close.length > 0
			? `; closest: ${close.map(describeAuthority).join(', ')}`
			: `; none is close among the ${authorities.length} authorities`;
	throw new ImportError(source, null, 'la_name', expected, `${quote(query)}${hint}`);
}

/**
 * Up to `n` authorities whose names are closest to a query (names containing it first, then by
 * edit distance relative to length), for "did you mean" messages.
 * @example closeAuthorities(list, 'Kingstn upon Thames').map((a) => a.name) // ['Kingston upon Thames', …]
 */
export function closeAuthorities(
	authorities: readonly Authority[],
	query: string,
	n = 5
): Authority[] {
	const q = normaliseName(query);
	if (q === '') return [];
	const scored = authorities.map((a) => {
		const name = normaliseName(a.name);
		const contains = name.includes(q) || q.includes(name);
		const words = name.split(' ');
		// A query may be a misspelt part of a long name: compare it with windows of as many words.
		const width = q.split(' ').length;
		let best = editDistance(q, name) / Math.max(q.length, name.length);
		for (let i = 0; i + width <= words.length; i++) {
			const part = words.slice(i, i + width).join(' ');
			best = Math.min(best, editDistance(q, part) / Math.max(q.length, part.length));
		}
		return { a, score: contains ? 0 : best };
	});
	return scored
		.filter((s) => s.score <= 0.4)
		.sort((x, y) => x.score - y.score || x.a.name.localeCompare(y.a.name, 'en-GB'))
		.slice(0, n)
		.map((s) => s.a);
}

/**
 * An authority in words, for messages and pickers.
 * @example describeAuthority({ name: 'Kingston upon Thames', newCode: 'E09000021', oldCode: '314' })
 * // 'Kingston upon Thames (E09000021, 314)'
 */
export function describeAuthority(a: Authority): string {
	const codes = [a.newCode, a.oldCode].filter((c) => c !== '');
	return codes.length > 0 ? `${a.name} (${codes.join(', ')})` : a.name;
}

/** Lower case, `&` as "and", punctuation dropped, single spaces: "Bristol, City of" → "bristol city of". */
export function normaliseName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

function comparePeriods(a: string, b: string): number {
	return Number(a.slice(0, 4) || 0) - Number(b.slice(0, 4) || 0) || a.length - b.length;
}

function joinOr(items: string[], word: 'and' | 'or'): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** Levenshtein distance, two rows of memory. */
function editDistance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
		}
		prev = cur;
	}
	return prev[b.length];
}
