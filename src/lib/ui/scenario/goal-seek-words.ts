/**
 * A goal seek's answer in words (engine/goal-seek.ts), for the editor.
 */
import type { Dataset } from '../../model/dataset';
import type { GoalSeekResult } from '../../state/workbench.svelte';
import { formatCount, formatMillions, formatNumber, formatPercent } from '$lib/model/format';

const pct = (fraction: number) => formatPercent(fraction, 1, { trim: true });

function what(r: GoalSeekResult, dataset: Pick<Dataset, 'finance'>): string {
	if (r.target.kind === 'new_plan_growth') return 'new plans';
	if (r.target.kind === 'total_growth') return 'total growth';
	if (r.target.kind === 'new_plans') return 'new plans a year';
	const line = r.target.line;
	if (line === null) return 'savings';
	return `“${dataset.finance.savings.find((s) => s.id === line)?.name ?? line}”`;
}

function how(r: GoalSeekResult): string {
	if (r.mode.kind === 'expected') return 'in expectation';
	return `with at least a ${pct(r.mode.probability)} chance (${r.mode.simulations.toLocaleString('en-GB')} simulations, seed ${r.mode.seed})`;
}

function valueWords(r: GoalSeekResult, value: number): string {
	if (r.target.kind === 'new_plan_growth') {
		const change = value - 1;
		return `×${formatNumber(value, 3, { trim: true })} (${formatPercent(change, 1, { trim: true, signed: true })})`;
	}
	if (r.target.kind === 'total_growth') return `${pct(value)} a year`;
	if (r.target.kind === 'new_plans') return formatCount(value);
	return `${pct(value)} of target`;
}

/** The grid's spacing in the target's units: "0.1%", "1 new plan". */
function within(r: GoalSeekResult): string {
	if (r.target.kind === 'new_plans')
		return r.step === 1 ? '1 new plan' : `${formatCount(r.step)} new plans`;
	return pct(r.step);
}

/** Where the answer replaces a lever rather than adds one: " (it replaces the scenario's lever …)". */
function replacing(r: GoalSeekResult): string {
	return r.replaces ? ` Adding it replaces the scenario’s lever for the same thing.` : '';
}

/**
 * The answer of a goal seek as a sentence.
 * @example describeGoalSeek(r, kingston)
 * // 'New plans can be at most ×0.573 (−42.7%) from 2022/23 for every year to stay under its cap in expectation; …'
 */
export function describeGoalSeek(r: GoalSeekResult, dataset: Pick<Dataset, 'finance'>): string {
	const subject = what(r, dataset);
	const Subject = subject[0].toUpperCase() + subject.slice(1);
	const from = r.from ? ` from ${r.from}` : '';
	const tight = r.outcome
		? ` The tightest year is then ${r.outcome.tightestYear}, with ${formatMillions(r.outcome.tightestHeadroom)} of headroom${
				r.outcome.probabilityUnderCap !== null
					? ` and a ${pct(r.outcome.probabilityUnderCap)} chance of no breach in any year`
					: ''
			}.`
		: '';
	switch (r.status) {
		case 'no_effect':
			if (r.from === null)
				return 'Every year of this scenario is pinned: goal seek never varies a pinned year.';
			return r.flowTargetsFixNewPlans
				? `This scenario’s flow targets fix new plans in every year${from}, so changing them moves nothing. Remove the flow targets (or seek savings) instead.`
				: `Changing ${subject}${from} does not move this scenario’s deficit.`;
		case 'never':
			return `No value keeps every year under its cap ${how(r)}: even with ${subject} at ${valueWords(
				r,
				r.target.kind === 'savings_delivery' ? r.hi : r.lo
			)}${from}, a year breaches${r.outcome?.firstBreach ? ` (first: ${r.outcome.firstBreach})` : ''}.`;
		case 'always':
			return `Every year stays under its cap ${how(r)} across the whole range searched: ${subject} up to ${valueWords(
				r,
				r.value!
			)}${from}.${tight}`;
		case 'found':
			switch (r.target.kind) {
				case 'new_plan_growth':
					return `${Subject} can be at most ${valueWords(r, r.value!)}${from} for every year to stay under its cap ${how(r)} (to within ${within(r)}).${tight}${replacing(r)}`;
				case 'total_growth':
					return `Total growth of at most ${valueWords(r, r.value!)}${from} keeps every year under its cap ${how(r)} (to within ${within(r)}).${tight}${replacing(r)}`;
				case 'new_plans':
					return `At most ${valueWords(r, r.value!)} new plans a year${from} keep every year under its cap ${how(r)} (to within ${within(r)}).${tight}${replacing(r)}`;
				case 'savings_delivery':
					return `${Subject} must be delivered at ${valueWords(r, r.value!)} at least${from} for every year to stay under its cap ${how(r)} (to within ${within(r)}).${tight}${replacing(r)}`;
			}
	}
}
