/**
 * Undo and redo for one document (a scenario): a bounded stack of earlier and later versions.
 * Plain data in, plain data out; the state layer decides what a version is.
 */
export class History<T> {
	#past: T[] = [];
	#future: T[] = [];
	readonly limit: number;

	constructor(limit = 100) {
		this.limit = limit;
	}

	/** Records `previous` before a change; a new change forgets what could be redone. */
	record(previous: T): void {
		this.#past.push(previous);
		if (this.#past.length > this.limit) this.#past.shift();
		this.#future = [];
	}

	/** The version to go back to from `current`, or undefined when there is none. */
	undo(current: T): T | undefined {
		const previous = this.#past.pop();
		if (previous !== undefined) this.#future.push(current);
		return previous;
	}

	/** The version to go forward to from `current`, or undefined when there is none. */
	redo(current: T): T | undefined {
		const next = this.#future.pop();
		if (next !== undefined) this.#past.push(current);
		return next;
	}

	get canUndo(): boolean {
		return this.#past.length > 0;
	}

	get canRedo(): boolean {
		return this.#future.length > 0;
	}

	clear(): void {
		this.#past = [];
		this.#future = [];
	}
}
