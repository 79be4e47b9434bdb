/**
 * Rounding that keeps totals: largest remainder (Hamilton) for one total, and controlled
 * rounding of a two-way table that keeps both margins.
 */

/**
 * Rounds non-negative shares to whole numbers summing to `total`, giving the leftover units to
 * the largest fractional parts (ties to the earlier entry).
 * @example largestRemainder([1.5, 1.5, 1], 4) // [2, 1, 1]
 */
export function largestRemainder(shares: readonly number[], total: number): number[] {
	if (!Number.isInteger(total) || total < 0) {
		throw new Error(`largestRemainder: total must be a whole number ≥ 0, got ${total}`);
	}
	const sum = shares.reduce((a, b) => a + b, 0);
	if (shares.some((x) => !(x >= 0) || !Number.isFinite(x))) {
		throw new Error('largestRemainder: shares must be finite numbers ≥ 0');
	}
	if (sum === 0) {
		if (total === 0) return shares.map(() => 0);
		throw new Error('largestRemainder: cannot share a positive total among zero shares');
	}
	const scaled = shares.map((x) => (x / sum) * total);
	const out = scaled.map((x) => Math.floor(x + 1e-9));
	let left = total - out.reduce((a, b) => a + b, 0);
	const order = scaled
		.map((x, i) => ({ i, frac: x - Math.floor(x + 1e-9) }))
		.sort((a, b) => b.frac - a.frac || a.i - b.i);
	for (let k = 0; left > 0 && k < order.length; k++, left--) out[order[k].i] += 1;
	return out;
}

/**
 * Rounds a table of non-negative numbers to whole numbers so that every row and column total is
 * kept, where the margins are whole (controlled rounding). Each cell becomes its floor or
 * ceiling; cells that are exactly zero stay zero. The leftover units are placed by a max-flow
 * over the cells with fractional parts, largest fractions first, so the result is deterministic.
 * @example controlledRound([[0.5, 0.5], [0.5, 0.5]]) // [[1, 0], [0, 1]]
 */
export function controlledRound(table: readonly (readonly number[])[]): number[][] {
	const rows = table.length;
	const cols = rows ? table[0].length : 0;
	const floor = table.map((r) => r.map((x) => Math.floor(x + 1e-9)));
	const rowNeed = table.map((r, i) => r.reduce((a, b) => a + b, 0) - sumOf(floor[i]));
	const colNeed: number[] = [];
	for (let j = 0; j < cols; j++) {
		let t = 0;
		for (let i = 0; i < rows; i++) t += table[i][j] - floor[i][j];
		colNeed.push(t);
	}
	const rowUnits = rowNeed.map((x) => Math.round(x));
	const colUnits = colNeed.map((x) => Math.round(x));
	if (
		rowNeed.some((x, i) => Math.abs(x - rowUnits[i]) > 1e-6) ||
		colNeed.some((x, j) => Math.abs(x - colUnits[j]) > 1e-6)
	) {
		throw new Error('controlledRound: row and column totals must be whole numbers');
	}
	// Candidate cells: those with a fractional part, largest first.
	const cells: { i: number; j: number; frac: number }[] = [];
	for (let i = 0; i < rows; i++) {
		for (let j = 0; j < cols; j++) {
			const frac = table[i][j] - floor[i][j];
			if (frac > 1e-9) cells.push({ i, j, frac });
		}
	}
	cells.sort((a, b) => b.frac - a.frac || a.i - b.i || a.j - b.j);
	const chosen = new Set<number>();
	const key = (i: number, j: number) => i * cols + j;
	const rowLeft = rowUnits.slice();
	const colLeft = colUnits.slice();
	// Greedy first: usually enough.
	for (const c of cells) {
		if (rowLeft[c.i] > 0 && colLeft[c.j] > 0) {
			chosen.add(key(c.i, c.j));
			rowLeft[c.i]--;
			colLeft[c.j]--;
		}
	}
	// Augmenting paths (row → unchosen cell → column ← chosen cell ← row …) fix what greedy missed.
	for (let r = 0; r < rows; r++) {
		while (rowLeft[r] > 0) {
			const path = augment(r, rows, cols, cells, chosen, colLeft, key);
			if (!path) throw new Error('controlledRound: no rounding keeps both margins');
			rowLeft[r]--;
		}
	}
	return floor.map((row, i) => row.map((x, j) => x + (chosen.has(key(i, j)) ? 1 : 0)));
}

function sumOf(a: readonly number[]): number {
	return a.reduce((x, y) => x + y, 0);
}

/** One breadth-first augmenting path from row r to a column with units left. */
function augment(
	r: number,
	rows: number,
	cols: number,
	cells: readonly { i: number; j: number }[],
	chosen: Set<number>,
	colLeft: number[],
	key: (i: number, j: number) => number
): boolean {
	const candidates = new Set(cells.map((c) => key(c.i, c.j)));
	const prevCol = new Array<number>(cols).fill(-2);
	const prevRow = new Array<number>(rows).fill(-2);
	prevRow[r] = -1;
	const queue: number[] = [r];
	while (queue.length) {
		const i = queue.shift()!;
		for (let j = 0; j < cols; j++) {
			const k = key(i, j);
			if (!candidates.has(k) || chosen.has(k) || prevCol[j] !== -2) continue;
			prevCol[j] = i;
			if (colLeft[j] > 0) {
				// Flip the path: row i takes column j, and back along the path.
				let col = j;
				let row = i;
				colLeft[j]--;
				for (;;) {
					chosen.add(key(row, col));
					const before = prevRow[row];
					if (before === -1) return true;
					chosen.delete(key(row, before));
					col = before;
					row = prevCol[col];
				}
			}
			for (let i2 = 0; i2 < rows; i2++) {
				if (prevRow[i2] === -2 && chosen.has(key(i2, j))) {
					prevRow[i2] = j;
					queue.push(i2);
				}
			}
		}
	}
	return false;
}

/**
 * The table nearest the margins that the structural zeros of `seed` allow, rows kept exactly and
 * rounded to whole numbers: for when IPF cannot meet both margins because some rows can only be
 * held by columns whose targets are too small for them (say 23 children aged 20–25 and 20 places
 * in the settings that take 20–25-year-olds). IPF's table, scaled last to the rows, is the nearest
 * reachable one; each row is then rounded by largest remainder, so the columns are whole too, as
 * near their targets as the rows allow. Zeros of the seed stay zero.
 * @example nearestReachableTable([[1, 0], [1, 1]], [5, 5], [2, 8]) // [[5, 0], [0, 5]]
 */
export function nearestReachableTable(
	seed: readonly (readonly number[])[],
	rowTargets: readonly number[],
	colTargets: readonly number[],
	iterations = 2000
): number[][] {
	const t = seed.map((r) => r.slice());
	ipfSweeps(t, rowTargets, colTargets, iterations, -1);
	scaleToRows(t, rowTargets);
	return t.map((row, i) => largestRemainder(row, Math.round(rowTargets[i])));
}

/** Thrown by `ipf` when the margins cannot both be met (see `nearestReachableTable`). */
export class IpfNotConvergedError extends Error {
	constructor() {
		super('ipf: did not converge; the structural zeros may make the margins impossible');
		this.name = 'IpfNotConvergedError';
	}
}

/** Scales each row of `t` to its target, in place. */
function scaleToRows(t: number[][], rowTargets: readonly number[]): void {
	for (let i = 0; i < t.length; i++) {
		const s = sumOf(t[i]);
		if (s > 0) for (let j = 0; j < t[i].length; j++) t[i][j] *= rowTargets[i] / s;
		else if (rowTargets[i] > 0) throw new Error(`ipf: row ${i} has a target but no open cell`);
	}
}

/**
 * Up to `maxIterations` IPF sweeps (rows, then columns) of `t`, in place; true once every row sum
 * is within `tolerance` of its target after a sweep.
 */
function ipfSweeps(
	t: number[][],
	rowTargets: readonly number[],
	colTargets: readonly number[],
	maxIterations: number,
	tolerance: number
): boolean {
	const rows = t.length;
	for (let iter = 0; iter < maxIterations; iter++) {
		scaleToRows(t, rowTargets);
		let worst = 0;
		for (let j = 0; j < colTargets.length; j++) {
			let s = 0;
			for (let i = 0; i < rows; i++) s += t[i][j];
			if (s > 0) for (let i = 0; i < rows; i++) t[i][j] *= colTargets[j] / s;
			else if (colTargets[j] > 0) throw new Error(`ipf: column ${j} has a target but no open cell`);
		}
		for (let i = 0; i < rows; i++) worst = Math.max(worst, Math.abs(sumOf(t[i]) - rowTargets[i]));
		if (worst < tolerance) return true;
	}
	return false;
}

/**
 * Iterative proportional fitting: scales a non-negative seed table until its row and column sums
 * match the targets (zeros in the seed stay zero — structural zeros).
 * @example ipf([[1, 1], [1, 1]], [3, 1], [2, 2]) // [[1.5, 1.5], [0.5, 0.5]]
 */
export function ipf(
	seedTable: readonly (readonly number[])[],
	rowTargets: readonly number[],
	colTargets: readonly number[],
	{ tolerance = 1e-10, maxIterations = 10_000 } = {}
): number[][] {
	const rows = seedTable.length;
	const cols = rows ? seedTable[0].length : 0;
	if (rowTargets.length !== rows || colTargets.length !== cols) {
		throw new Error('ipf: targets must match the table shape');
	}
	const rt = sumOf(rowTargets);
	const ct = sumOf(colTargets);
	if (Math.abs(rt - ct) > 1e-6 * Math.max(1, rt)) {
		throw new Error(`ipf: row targets (${rt}) and column targets (${ct}) must have the same total`);
	}
	const t = seedTable.map((r) => r.slice());
	if (ipfSweeps(t, rowTargets, colTargets, maxIterations, tolerance)) return t;
	throw new IpfNotConvergedError();
}
