/**
 * What a scenario is for, in a dataset (docs/model.md §6.1, decision 0026):
 * - `plan`: the agreed financial plan (a Safety Valve agreement's financial model), which actuals
 *   are compared with and which the monitoring table reads as "plan";
 * - `projection`: the reference projection, read as "projection" by the monitoring table, the
 *   report and the slides, and the forecast the command line's `england` and `sen2` verbs run;
 * - `none`: any other scenario (every new scenario starts so).
 * A dataset has at most one `plan` and at most one `projection`.
 *
 * Before format version 2 (and IndexedDB version 4) scenarios had no role and the app recognised
 * them by their default names; `rolesFromNames` is that rule, applied once when an older file or
 * database is upgraded.
 */
/** Every role, once: the type and the schema's picklist follow it. */
export const SCENARIO_ROLES = ['plan', 'projection', 'none'] as const;

export type ScenarioRole = (typeof SCENARIO_ROLES)[number];

/** The roles a dataset holds at most one of. */
export const UNIQUE_ROLES = ['plan', 'projection'] as const satisfies readonly ScenarioRole[];

/** How each role is named to a person (the editor's select, messages). */
export const ROLE_LABELS: Record<ScenarioRole, string> = {
	plan: 'The financial plan',
	projection: 'The reference projection',
	none: 'Neither'
};

/**
 * The default scenario names that carried a role before roles were stored, in order of
 * preference: the first scenario (in file order) with a name of the first list that has one.
 * These are the names the built-in dataset and the new dataset wizard give (contracts, kept
 * exactly), written out here because only the upgrade reads them.
 */
export const LEGACY_ROLE_NAMES: Record<'plan' | 'projection', readonly (readonly string[])[]> = {
	plan: [['SVA financial model 2021/22'], ['Financial plan']],
	projection: [['May 2021 projection'], ['Baseline (trend)']]
};

/**
 * The roles of a dataset's scenarios derived from their names (the rule of files and databases
 * from before roles were stored): the Safety Valve plan `SVA financial model 2021/22`, else
 * `Financial plan`, is the plan; `May 2021 projection`, else `Baseline (trend)`, is the
 * projection; every other scenario has none. Names that are not strings count as no name.
 * @example rolesFromNames(['SVA financial model 2021/22', 'May 2021 projection', 'Baseline (trend)']) // ['plan', 'projection', 'none']
 * @example rolesFromNames(['Financial plan', 'Baseline (trend)']) // ['plan', 'projection']
 */
export function rolesFromNames(names: readonly unknown[]): ScenarioRole[] {
	const roles: ScenarioRole[] = names.map(() => 'none');
	for (const role of UNIQUE_ROLES) {
		for (const choices of LEGACY_ROLE_NAMES[role]) {
			const i = names.findIndex((n) => typeof n === 'string' && choices.includes(n));
			if (i >= 0 && roles[i] === 'none') {
				roles[i] = role;
				break;
			}
		}
	}
	return roles;
}

/**
 * The scenario holding `role` ('plan' or 'projection'), if any.
 * @example scenarioWithRole(kingstonScenarios(), 'plan')?.name // 'SVA financial model 2021/22'
 */
export function scenarioWithRole<S extends { role: ScenarioRole }>(
	scenarios: readonly S[],
	role: 'plan' | 'projection'
): S | undefined {
	return scenarios.find((s) => s.role === role);
}

/**
 * The scenarios after giving scenario `id` the role `role`: a plan or projection held by another
 * scenario passes to `id` (the other's role becomes `none`), so a dataset keeps at most one of
 * each. Returns only the scenarios that changed (new objects), `id`'s first; none when `id`
 * already had the role. Throws when no scenario has the id.
 * @example withRole(scenarios, 'growth-9', 'plan') // [{ …growth-9, role: 'plan' }, { …old plan, role: 'none' }]
 */
export function withRole<S extends { id: string; role: ScenarioRole }>(
	scenarios: readonly S[],
	id: string,
	role: ScenarioRole
): S[] {
	const target = scenarios.find((s) => s.id === id);
	if (!target) throw new Error(`withRole: no scenario with id "${id}"`);
	if (target.role === role) return [];
	const changed: S[] = [{ ...target, role }];
	if (role !== 'none') {
		for (const s of scenarios) {
			if (s.id !== id && s.role === role) changed.push({ ...s, role: 'none' });
		}
	}
	return changed;
}

/**
 * The problems with a dataset's roles: a role other than `none` held by more than one scenario,
 * naming them. Empty when the roles are fine.
 * @example roleProblems([{ name: 'A', role: 'plan' }, { name: 'B', role: 'plan' }]) // ['scenarios "A" and "B" are both the financial plan (role "plan"); a dataset has at most one.']
 */
export function roleProblems(scenarios: readonly { name: string; role: ScenarioRole }[]): string[] {
	const problems: string[] = [];
	for (const role of UNIQUE_ROLES) {
		const holders = scenarios.filter((s) => s.role === role).map((s) => `"${s.name}"`);
		if (holders.length > 1) {
			const names = `${holders.slice(0, -1).join(', ')} and ${holders.at(-1)}`;
			problems.push(
				`scenarios ${names} are ${holders.length === 2 ? 'both' : 'all'} ${role === 'plan' ? 'the financial plan' : 'the reference projection'} (role "${role}"); a dataset has at most one.`
			);
		}
	}
	return problems;
}
