/**
 * The Mastodon C comparison (Compare → Mastodon C, docs/model.md §6): witan.send's output files as
 * imported for comparison, kept in this tab's memory only (they survive moving between pages, not
 * a reload) and never sent anywhere; how picked files are read; and the witan.send vocabulary the
 * comparison's page and chart show (output kinds, compared rows, the "moved on" summary), which
 * ui reaches through this module only (decision 0025).
 */
import { readUtf8File } from '../io/csv/utf8';
import type { WitanOutputKind, WitanStatisticsRow } from '../io/witan/outputs';

export { WITAN_OUTPUTS, WITAN_OUTPUT_KINDS } from '../io/witan/outputs';
export type { WitanOutputKind, WitanStatisticsRow };
export {
	compareWitanRows,
	witanKeys,
	type WitanBand,
	type WitanComparisonRow
} from '../io/witan/compare';
export { movedOnSummary, type MovedOnSummary } from '../engine/witan-moved-on';

export interface MastodonOutputs {
	outputs: Partial<Record<WitanOutputKind, WitanStatisticsRow[]>>;
	/** The files read, as named on the user's machine. */
	files: string[];
	warnings: string[];
}

class MastodonState {
	imported = $state.raw<MastodonOutputs | null>(null);
	/** Years added to their labels: 1 when their years are the census each step starts from. */
	shift = $state(0);
}

/** The one comparison of this tab. */
export const mastodon = new MastodonState();

/**
 * Picked files (or a picked folder) as texts, named by their path in the folder when there is one.
 * Strictly UTF-8: bytes that are not UTF-8 are refused, naming the file, line and byte, not read
 * as U+FFFD.
 * @example await readPickedFiles([...input.files]) // [{ name: 'demo/transitions.csv', text: '…' }]
 */
export function readPickedFiles(list: readonly File[]): Promise<{ name: string; text: string }[]> {
	return Promise.all(
		list.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await readUtf8File(f) }))
	);
}
