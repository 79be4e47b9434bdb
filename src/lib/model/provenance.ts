/**
 * Where a figure comes from (docs/model.md §1). Every figure of a dataset carries one, the UI shows it
 * on hover, and exports write it beside the value.
 *
 * - `seed`: printed in the source report (`ref` says where, e.g. "KPI 18").
 * - `derived`: computed from other figures (`formula` says how, in words and numbers).
 * - `sen2`: DfE "Education, health and care plans" statistics (`ref` names the table).
 * - `import`: read from a user's file (`file`, and the row when there is one).
 * - `assumption`: illustrative and editable (`note` says what it rests on).
 */
export type Provenance =
	| { kind: 'seed'; ref: string }
	| { kind: 'derived'; formula: string }
	| { kind: 'sen2'; ref: string }
	| { kind: 'import'; file: string; row?: number }
	| { kind: 'assumption'; note: string };

export type ProvenanceKind = Provenance['kind'];

export const PROVENANCE_KINDS: readonly ProvenanceKind[] = [
	'seed',
	'derived',
	'sen2',
	'import',
	'assumption'
];

/** A number with its provenance. Money in pounds, rates as fractions, counts as children. */
export interface Figure {
	value: number;
	source: Provenance;
}

export const seed = (value: number, ref: string): Figure => ({
	value,
	source: { kind: 'seed', ref }
});
export const derived = (value: number, formula: string): Figure => ({
	value,
	source: { kind: 'derived', formula }
});
export const sen2 = (value: number, ref: string): Figure => ({
	value,
	source: { kind: 'sen2', ref }
});
export const assumption = (value: number, note: string): Figure => ({
	value,
	source: { kind: 'assumption', note }
});
export const imported = (value: number, file: string, row?: number): Figure => ({
	value,
	source: row === undefined ? { kind: 'import', file } : { kind: 'import', file, row }
});

/** One line of text describing a provenance, for tooltips and exports. */
export function describeProvenance(p: Provenance): string {
	switch (p.kind) {
		case 'seed':
			return `Seed report: ${p.ref}`;
		case 'derived':
			return `Derived: ${p.formula}`;
		case 'sen2':
			return `DfE SEN2 statistics: ${p.ref}`;
		case 'import':
			return `Imported from ${p.file}${p.row === undefined ? '' : `, row ${p.row}`}`;
		case 'assumption':
			return `Assumption: ${p.note}`;
	}
}
