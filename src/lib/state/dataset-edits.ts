/**
 * Helpers of the workbench state for dataset edits that meet another tab's, and for imports that
 * keep both versions: conflicts in words, whether a change needs a new projection, and copies of
 * a dataset or of scenarios under new ids and names (docs/decisions/0015-dataset-edit-concurrency.md).
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import { deepEqual, newScenarioId, type DatasetRecord, type MergeConflict } from '../storage';
import { firstFreeColour } from '../model/colours';

/** One clashing item, as the settlement dialog shows it. */
export interface ConflictItem {
	label: string;
	/** This tab's value, in short words ("(deleted)" when this tab deleted the item). */
	mine: string;
	theirs: string;
}

/** A dataset edit that clashed with another tab's save, waiting for the user. */
export interface DatasetConflict {
	message: string;
	items: ConflictItem[];
	/** The saved version, as read when the clash was found. */
	theirs: DatasetRecord;
}

/**
 * The conflict as the dialog shows it.
 * @example describeConflicts(mine, theirs, conflicts).items[0].label // 'KPI 6a: comment'
 */
export function describeConflicts(
	mine: Dataset,
	theirs: DatasetRecord,
	conflicts: readonly MergeConflict[]
): DatasetConflict {
	const n = conflicts.length;
	return {
		message:
			`“${mine.name}” was changed in another tab while you were editing it here, and ` +
			`${n === 1 ? 'one thing was' : `${n} things were`} changed differently in both: your ` +
			'change is on screen but not saved. Your other changes, and the other tab’s, are kept ' +
			'either way.',
		items: conflicts.map((c) => ({
			label: c.label,
			mine: preview(c.mine),
			theirs: preview(c.theirs)
		})),
		theirs
	};
}

/**
 * A value in a few words for the dialog: text as it is (shortened), numbers, a figure's value.
 * @example preview({ value: 1537, provenance: { kind: 'seed' } }) // '1537'
 */
export function preview(value: unknown, max = 160): string {
	if (value === undefined) return '(deleted)';
	if (value === null) return '(none)';
	if (typeof value === 'string') return value === '' ? '(empty)' : shorten(value, max);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value === 'object' && 'value' in value) {
		return preview((value as { value: unknown }).value, max);
	}
	return shorten(JSON.stringify(value), max);
}

function shorten(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Dataset fields the projection does not read: a change to only these needs no new projection.
 */
const NOT_PROJECTED: ReadonlySet<string> = new Set([
	'name',
	'description',
	'kpis',
	'conditions',
	'reports'
]);

/**
 * Whether going from `a` to `b` changes anything the projection reads.
 * @example needsReprojection(ds, { ...ds, kpis: [] }) // false
 */
export function needsReprojection(a: Dataset, b: Dataset): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const k of keys) {
		if (NOT_PROJECTED.has(k)) continue;
		if (
			!deepEqual(
				(a as unknown as Record<string, unknown>)[k],
				(b as unknown as Record<string, unknown>)[k]
			)
		) {
			return true;
		}
	}
	return false;
}

/**
 * A copy of a dataset and its scenarios under new ids, the dataset named `wanted` (made unique
 * among `takenNames`); each scenario keeps its name, and parents among them point to the copies.
 * @example copyDatasetWithScenarios(ds, scenarios, 'Kingston (my version)', ['Kingston'])
 */
export function copyDatasetWithScenarios(
	dataset: Dataset,
	scenarios: readonly Scenario[],
	wanted: string,
	takenNames: readonly string[]
): { dataset: Dataset; scenarios: Scenario[] } {
	const id = `${dataset.id}_${randomHex(4)}`;
	const ids = new Map(scenarios.map((s) => [s.id, newScenarioId()]));
	return {
		dataset: { ...dataset, id, name: uniqueAmong(wanted, takenNames) },
		scenarios: scenarios.map((s) => ({
			...s,
			id: ids.get(s.id)!,
			parentId: s.parentId === null ? null : (ids.get(s.parentId) ?? null)
		}))
	};
}

/**
 * The scenarios with those named in `copied` given new ids and names "<name> (imported)" (unique
 * among `takenNames` and each other), so that they are added beside the saved ones rather than
 * over them; parents among the copies point to the copies. Each copy takes the first colour free
 * among `usedColours` (the saved scenarios'), the import's others and the copies before it, so
 * that it is not drawn in its original's colour.
 */
export function copyScenariosAsNew(
	scenarios: readonly Scenario[],
	copied: readonly string[],
	takenNames: readonly string[],
	usedColours: readonly (string | undefined)[] = []
): Scenario[] {
	const ids = new Map(copied.map((id) => [id, newScenarioId()]));
	const taken = [...takenNames];
	const colours = [...usedColours, ...scenarios.filter((s) => !ids.has(s.id)).map((s) => s.colour)];
	return scenarios.map((s) => {
		const parentId = s.parentId === null ? null : (ids.get(s.parentId) ?? s.parentId);
		if (!ids.has(s.id)) return { ...s, parentId };
		const name = uniqueAmong(`${s.name} (imported)`, taken);
		taken.push(name);
		const colour = firstFreeColour(colours);
		colours.push(colour);
		return { ...s, id: ids.get(s.id)!, name, parentId, colour };
	});
}

/**
 * `wanted`, or `wanted 2`, `wanted 3`… whichever is not taken.
 * @example uniqueAmong('A', ['A', 'A 2']) // 'A 3'
 */
export function uniqueAmong(wanted: string, taken: readonly string[]): string {
	const names = new Set(taken);
	if (!names.has(wanted)) return wanted;
	for (let i = 2; ; i++) if (!names.has(`${wanted} ${i}`)) return `${wanted} ${i}`;
}

function randomHex(bytes: number): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');
}
