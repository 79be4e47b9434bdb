/**
 * The one capped problem collector every reader and validator uses (SEN2, witan.send, KPI
 * actuals, the CSV templates, scenario sets, dataset and scenario validation): it keeps the first
 * `cap` problems and counts them all, so a user sees a useful batch — not ten thousand copies of
 * one mistake — and can be told how many more there are.
 */

/**
 * A list that keeps at most `cap` items and counts every item added.
 * @example
 * const p = new CappedList<string>(2); p.add('a'); p.add('b'); p.add('c');
 * p.listed // ['a', 'b']; p.count // 3; p.unlisted // 1; p.full // true
 */
export class CappedList<T> {
	/** The items kept, in the order added (at most `cap`). */
	readonly listed: T[] = [];
	/** How many items were added, kept or not. */
	count = 0;

	constructor(readonly cap: number) {
		if (!Number.isInteger(cap) || cap < 1) {
			throw new Error(`CappedList: the cap must be a whole number of at least 1, got ${cap}`);
		}
	}

	/** Counts the item, and keeps it while fewer than `cap` are kept. */
	add(item: T): void {
		this.count++;
		if (this.listed.length < this.cap) this.listed.push(item);
	}

	/** True once `cap` items are kept: a reader may stop looking. */
	get full(): boolean {
		return this.listed.length >= this.cap;
	}

	/** How many items were counted but not kept. */
	get unlisted(): number {
		return this.count - this.listed.length;
	}
}
