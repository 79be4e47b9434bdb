/**
 * How a flow target set by re-basing on an actual census is told from one a user set
 * (docs/model.md §2.6, decision 0012): by the start of its provenance's formula. Shared by the
 * engine's re-basing, which writes the mark, and its compiler, which reads it (decision 0036).
 */
import type { FlowTarget } from './scenario';

/** Formula prefix of a flow target set by re-basing (how one is told from a user's target). */
export const REBASED_PREFIX = 'Re-based on the actual';

/**
 * Whether a flow target was set by re-basing on an actual census.
 * @example isRebasedTarget({ census: 2022, joiners: derived(180, `${REBASED_PREFIX} of …`), leavers: null }) // true
 */
export function isRebasedTarget(t: FlowTarget): boolean {
	return [t.joiners, t.leavers].some(
		(f) => f?.source.kind === 'derived' && f.source.formula.startsWith(REBASED_PREFIX)
	);
}
