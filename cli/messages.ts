/**
 * The engine's and the formats' error messages in a user's words, at the command line's boundary
 * (decision 0033). Inside the code a message starts with the function that threw it
 * (`ipf: did not converge…`, `estimateFromAggregates: no caseload by age band…`), which the
 * engine's own tests rely on and which helps a developer; a user needs what failed and what to do.
 * Messages this module does not know keep their words, without the leading function name.
 */

/** Known engine messages, by pattern, and what a user is told instead. */
const KNOWN: readonly { pattern: RegExp; say: (m: RegExpMatchArray) => string }[] = [
	{
		pattern: /^ipf: /,
		say: () =>
			'its base caseload by placement and by age band could not be fitted together (the two ' +
			'breakdowns in the SEN2 files disagree, or are too small, for the method to reconcile); ' +
			'check its caseload rows for that census, or start from another census'
	},
	{
		pattern: /^deriveBaseCaseload: the setting totals add up to 0/,
		say: () =>
			'its caseload by placement adds up to 0 at the base census, so the base caseload cannot ' +
			'be spread over placements; check its caseload rows (sen2_estab_caseload.csv or caseload.csv)'
	},
	{
		pattern: /^estimateFromAggregates: no caseload by setting in the history/,
		say: () =>
			'the files have no caseload by placement for it: add sen2_estab_caseload.csv (2022 ' +
			'release) or caseload.csv (2023+ releases)'
	},
	{
		pattern: /^estimateFromAggregates: no caseload by age band for January (\d+)/,
		say: (m) =>
			`the files have no caseload by age band for January ${m[1]}: add sen2_age_caseload.csv ` +
			'or caseload.csv with that census, or start from another census'
	},
	{
		pattern: /^estimateFromAggregates: no new plans by age band up to (\d+)/,
		say: (m) =>
			`the files have no new plans by age band up to ${m[1]}: add sen2_age_new_plans.csv or ` +
			'newplans.csv'
	}
];

/**
 * A leading `functionName: ` (an identifier in camel case with a capital, as the code names its
 * functions; so never a file name such as `kent.json: `).
 */
const FUNCTION_PREFIX = /^[a-z]+[A-Z][A-Za-z0-9]*: /;

/**
 * An error message in a user's words: a known engine message translated, any other without the
 * name of the function that threw it.
 * @example inWords('ipf: did not converge; the structural zeros may make the margins impossible')
 * // 'its base caseload by placement and by age band could not be fitted together (…)'
 * @example inWords('buildSen2Dataset: the SEN2 history has no caseload by placement category; …')
 * // 'the SEN2 history has no caseload by placement category; …'
 */
export function inWords(message: string): string {
	for (const k of KNOWN) {
		const m = message.match(k.pattern);
		if (m) return k.say(m);
	}
	return message.replace(FUNCTION_PREFIX, '');
}
