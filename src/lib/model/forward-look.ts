/**
 * The board pack's forward look (docs/model.md §5.5): a plain-English reading of the results
 * for a quarter's report — which scenario breaches the Safety Valve cap and when, the headroom in
 * each scenario's tightest year, the projection's P(breach) with its calibration caveat, and the
 * three inputs that move the final deficit most (the sensitivity analysis). A pure function of
 * the results it is given: the page gathers them (the expected projections, the Monte Carlo
 * summaries and the sensitivity tornado, each run in a worker), this module only writes.
 *
 * The text is paragraphs separated by a blank line; a user may edit it before sign-off.
 */
import { formatBoardMillions, formatCount, formatPercent, isPresent } from './format';
import type { MonteCarloSummary, ScenarioResult } from './results';
import { metricValues } from './results';

/** The sensitivity rows the forward look speaks of (engine/sensitivity.ts's SensitivityResult). */
export interface ForwardLookDrivers {
	scenarioId: string;
	/** The financial year whose cumulative deficit is varied (the horizon's last). */
	year: string;
	/** The relative change applied down and up (0.1 is ±10%). */
	change: number;
	/** Inputs with the final deficit at 1 − change and 1 + change and the swing |high − low|, £. */
	rows: readonly { label: string; low: number; high: number; swing: number }[];
}

export interface ForwardLookInput {
	/** The scenarios to speak of, in the order to name them (the report's plan, projection, …). */
	results: readonly ScenarioResult[];
	/** The scenario P(breach) and the drivers are about (the report's projection). */
	focusId: string | null;
	/** Monte Carlo summaries by scenario id, where one has finished. */
	simulations: Readonly<Record<string, MonteCarloSummary | undefined>>;
	/** The focus scenario's sensitivity, or null when it has not run (or failed). */
	drivers: ForwardLookDrivers | null;
}

/** How P(breach) must be read (the wording of ui/PBreachCaveat, in a sentence for print). */
export const P_BREACH_CAVEAT =
	'Read it as a guide, not an exact probability: the simulations’ bands were calibrated on the EHC plan totals of every English authority in 2015–2021 (about 9 in 10 outcomes inside the p5–p95 band), and the spend and finance assumptions carry no uncertainty (see “How accurate the default forecast is” on the Methodology page).';

const quoted = (name: string) => `“${name}”`;

/** £ in millions as a board reads it (1 dp, real minus sign). */
const money = (v: number) => formatBoardMillions(v);

function capSentence(r: ScenarioResult): { breaches: boolean; text: string } {
	const name = quoted(r.scenarioName);
	const deficit = metricValues(r, 'cumulative_deficit_before_sv');
	const cap = metricValues(r, 'deficit_cap');
	const last = r.years.length - 1;
	if (last < 0) return { breaches: false, text: `${name} has no projected years.` };
	if (!deficit.every(isPresent)) {
		return {
			breaches: false,
			text: `${name} cannot be read against the cap: its cumulative deficit is not computable in every year (see the scenario’s warnings).`
		};
	}
	if (!cap.some(isPresent)) {
		return { breaches: false, text: `${name} has no cap to compare with.` };
	}
	const over = deficit.map((d, k) => (isPresent(cap[k]) ? d - cap[k] : Number.NaN));
	const k = r.firstBreach >= 0 ? r.firstBreach : over.findIndex((o) => o > 0);
	if (k >= 0) {
		let text = `${name} breaches the cap in ${r.years[k]}: a cumulative deficit of ${money(deficit[k])} against a cap of ${money(cap[k])}, ${money(over[k])} over.`;
		if (k < last && isPresent(over[last])) {
			text +=
				over[last] > 0
					? ` By ${r.years[last]} it is ${money(over[last])} over.`
					: ` It is back under the cap by ${r.years[last]}, with ${money(-over[last])} of headroom.`;
		}
		return { breaches: true, text };
	}
	let tight = -1;
	over.forEach((o, i) => {
		if (isPresent(o) && (tight < 0 || o > over[tight])) tight = i;
	});
	return {
		breaches: false,
		text: `${name} stays under the cap to ${r.years[last]}; its tightest year is ${r.years[tight]}, with ${money(-over[tight])} of headroom.`
	};
}

function breachParagraph(focus: ScenarioResult, summary: MonteCarloSummary | undefined): string {
	const name = quoted(focus.scenarioName);
	if (!summary) {
		return `The Monte Carlo simulations of ${name} have not finished, so this forward look gives no probability of breaching the cap.`;
	}
	const p = 1 - summary.firstBreach.noBreach;
	const lastYear = summary.years[summary.years.length - 1];
	const likeliest = summary.firstBreach.byYear.reduce<{ year: string; probability: number } | null>(
		(best, y) => (y.probability > (best?.probability ?? 0) ? y : best),
		null
	);
	let text = `In ${formatCount(summary.simulations)} simulations of ${name}, the cumulative deficit goes over the cap in at least one year to ${lastYear} in ${formatPercent(p, 0)} of them (P(breach)).`;
	if (likeliest && p > 0) {
		text += ` The likeliest first year of breach is ${likeliest.year} (${formatPercent(likeliest.probability, 0)}).`;
	}
	return `${text} ${P_BREACH_CAVEAT}`;
}

function driversParagraph(focus: ScenarioResult, drivers: ForwardLookDrivers | null): string {
	const name = quoted(focus.scenarioName);
	if (!drivers || drivers.scenarioId !== focus.scenarioId) {
		return `The sensitivity analysis of ${name} has not finished, so the largest drivers are not given.`;
	}
	const top = [...drivers.rows]
		.filter((r) => isPresent(r.swing) && r.swing > 0)
		.sort((a, b) => b.swing - a.swing)
		.slice(0, 3);
	if (top.length === 0) {
		return `No input of ${name} moves its ${drivers.year} deficit when varied by ${formatPercent(drivers.change, 0)}.`;
	}
	const words = top.map((r) => {
		const [lo, hi] = r.low <= r.high ? [r.low, r.high] : [r.high, r.low];
		return `${lowerFirst(r.label)}, by ${money(r.swing)} (${money(lo)} to ${money(hi)})`;
	});
	const list =
		words.length === 1 ? words[0] : `${words.slice(0, -1).join('; ')}; and ${words.at(-1)}`;
	const what = top.length === 1 ? 'The input that moves' : `The ${top.length} inputs that move`;
	return `${what} the ${drivers.year} cumulative deficit of ${name} most, each ${formatPercent(drivers.change, 0)} lower and higher, ${top.length === 1 ? 'is' : 'are'}: ${list}.`;
}

function lowerFirst(s: string): string {
	// Keep acronyms (HNB, DSG) as written.
	return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/**
 * Writes the forward look: a paragraph on the cap (every scenario), one on P(breach) for the
 * focus scenario with its caveat, one on the three largest drivers.
 * @throws Error when there is no result to speak of, or the focus is not among the results
 * @example
 * forwardLook({ results: [plan, may], focusId: may.scenarioId, simulations: {}, drivers: null })
 * // '1 of the 2 scenarios breaches the cap. “May 2021 projection” breaches the cap in 2023/24: …'
 */
export function forwardLook(input: ForwardLookInput): string {
	const { results } = input;
	if (results.length === 0) {
		throw new Error('forwardLook: needs at least one scenario’s results, got none');
	}
	const focus =
		input.focusId === null ? results[0] : results.find((r) => r.scenarioId === input.focusId);
	if (!focus) {
		throw new Error(
			`forwardLook: the focus scenario "${input.focusId}" is not among the ${results.length} results given`
		);
	}
	const lines = results.map(capSentence);
	const breaching = lines.filter((l) => l.breaches).length;
	const n = results.length;
	const lead =
		breaching === 0
			? n === 1
				? 'The scenario stays under the Safety Valve cap.'
				: `None of the ${n} scenarios breaches the Safety Valve cap.`
			: n === 1
				? 'The scenario breaches the Safety Valve cap.'
				: `${breaching} of the ${n} scenarios ${breaching === 1 ? 'breaches' : 'breach'} the Safety Valve cap.`;
	return [
		[lead, ...lines.map((l) => l.text)].join(' '),
		breachParagraph(focus, input.simulations[focus.scenarioId]),
		driversParagraph(focus, input.drivers)
	].join('\n\n');
}
