/**
 * Mastodon C's output files as imported for comparison: kept in this tab's memory only (they
 * survive moving between pages, not a reload) and never sent anywhere.
 */
import type { WitanOutputKind, WitanStatisticsRow } from '../../io/witan/outputs';

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
