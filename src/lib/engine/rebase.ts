/**
 * Re-basing projections on actuals (docs/model.md §3, §8; actuals as model/actuals.ts keeps them).
 *
 * The rule, and why:
 * - **Which scenarios follow actuals**: every scenario but the plan. The plan (a scenario the
 *   user names, e.g. `SVA financial model 2021/22` or `Financial plan`) is what actuals are
 *   compared with, so it must not move when they arrive. Projections (the May projection, the
 *   baseline, what-ifs) are re-based.
 * - **A census actual** (EHCPs at January Y, after the base census) becomes a point the
 *   projection passes through: the step that ends at Y gets a flow target (docs/model.md §2 "flow
 *   targets") so that its expected total equals the actual. The years before Y stay in the
 *   projection (their finance still needs them) and the base census does not move. When the
 *   actual is above the projection the difference is taken as more new plans than expected,
 *   when below as more plans ceasing (the other flow is kept at its expected value), so both
 *   targets are always reachable. The projection after Y starts from the re-based total with
 *   the model's own mix of ages and settings; an actual by age band or setting is compared in the
 *   plan-vs-actual view but only its total re-bases. Monte Carlo varies around the targets, as
 *   around any flow target. A scenario's own flow target at Y is replaced: the actual wins.
 * - **A spend actual** (HNB expenditure before savings in a financial year) is the dataset's
 *   pinned figure for that year (model/actuals.ts), so every following scenario uses it as
 *   given, and non-placement spend is calibrated on the latest pinned year, which now is the
 *   actual one: later years grow from the actual. A following scenario's own pin of that line and
 *   year is removed so that the actual applies.
 * - **The plan keeps its figures**: before a spend actual replaces a dataset figure the plan read,
 *   the plan pins that year itself — to the dataset's figure it replaced, or, where the dataset
 *   had none, to the plan's own projection of that year (a `derived` figure). The plan's results
 *   are unchanged. When the actual is later removed, a replaced dataset figure is put back.
 */
import type { Actuals } from '../model/actuals';
import { caseloadActualTotal, isActualSource, readActuals, withActuals } from '../model/actuals';
import type { Dataset, YearFigures } from '../model/dataset';
import type { Figure } from '../model/provenance';
import { derived } from '../model/provenance';
import type { FlowTarget, Scenario } from '../model/scenario';
import { REBASED_PREFIX, isRebasedTarget } from '../model/rebase-marks';
import type { FinancialYear } from '../model/years';
import { total } from './population';
import { metricSeries, projectExpected } from './project';
import type { PreparedDataset } from './workbench';
import { compile } from './workbench';

export { REBASED_PREFIX };
/** Formula prefix of a plan's own projection, pinned when an actual arrived. */
export const PLAN_KEPT_PREFIX = 'The plan’s own projection';

const E = 'hnb_expenditure_before_savings' as const;

const count = (n: number) => Math.round(n).toLocaleString('en-GB');
const pounds = (n: number) => `£${Math.round(n).toLocaleString('en-GB')}`;

/** Whether a figure was set by re-basing or by keeping the plan (see the prefixes). */
export function isRebaseFigure(f: Figure | null | undefined): boolean {
	return (
		f?.source.kind === 'derived' &&
		(f.source.formula.startsWith(REBASED_PREFIX) || f.source.formula.startsWith(PLAN_KEPT_PREFIX))
	);
}

/** The scenario with one ledger line's pins removed for `years`. */
function withoutPins(scenario: Scenario, years: readonly FinancialYear[]): Scenario {
	const own = scenario.ledger[E];
	if (!own || !years.some((fy) => own[fy])) return scenario;
	const kept: YearFigures = {};
	for (const [fy, f] of Object.entries(own)) if (!years.includes(fy)) kept[fy] = f;
	const ledger = { ...scenario.ledger };
	if (Object.keys(kept).length > 0) ledger[E] = kept;
	else delete ledger[E];
	return { ...scenario, ledger };
}

/**
 * Re-bases one scenario that follows actuals (see the module notes): its flow targets at each
 * census actual make its expected total equal the actual, and its own pins of HNB expenditure in
 * years with a spend actual are removed. Earlier re-based targets are recomputed, so calling it
 * again after the actuals change gives the scenario for the new actuals. `prepared` is prepared
 * for the dataset holding the actuals.
 * @example
 * const { scenario } = rebaseScenario(prepareDataset(withActuals(kingston, actuals)), baseline, actuals);
 * // expected EHCPs at January 2022 = the actual
 */
export function rebaseScenario(
	prepared: PreparedDataset,
	scenario: Scenario,
	actuals: Actuals
): { scenario: Scenario; notes: string[] } {
	const notes: string[] = [];
	const settingIds = prepared.dataset.settings.map((s) => s.id);
	let s = withoutPins(
		scenario,
		actuals.spend.map((a) => a.year)
	);
	if (s !== scenario) {
		notes.push(
			`${scenario.name}: its own HNB expenditure for ${actuals.spend
				.map((a) => a.year)
				.filter((fy) => scenario.ledger[E]?.[fy])
				.join(', ')} gives way to the actual.`
		);
	}
	s = {
		...s,
		demand: { ...s.demand, flowTargets: s.demand.flowTargets.filter((t) => !isRebasedTarget(t)) }
	};
	for (const actual of actuals.caseload) {
		const T = caseloadActualTotal(actual, settingIds);
		if (T === null) {
			notes.push(
				`January ${actual.census}: no total (nor every age band or setting) is given, so the projection is not re-based on it.`
			);
			continue;
		}
		const c = compile(prepared, s);
		const k = c.censuses.indexOf(actual.census);
		if (k < 0) continue;
		const p = projectExpected(c);
		const start = total(p.stocks[k]);
		const joiners = total(p.flows[k].joiners);
		const leavers = total(p.flows[k].leavers);
		const projected = total(p.stocks[k + 1]);
		const gap = T - projected;
		const own = s.demand.flowTargets.find((t) => t.census === actual.census);
		const why =
			`${REBASED_PREFIX} of ${count(T)} EHCPs at January ${actual.census}: the projection gave ${count(projected)} ` +
			`(${count(start)} + ${count(joiners)} new − ${count(leavers)} ceased)`;
		const target: FlowTarget = {
			census: actual.census,
			joiners: derived(
				joiners + Math.max(0, gap),
				gap > 0
					? `${why}; the ${count(gap)} more are taken as new plans`
					: `${why}; new plans as projected`
			),
			leavers: derived(
				leavers + Math.max(0, -gap),
				gap < 0
					? `${why}; the ${count(-gap)} fewer are taken as plans ceasing`
					: `${why}; ceased plans as projected`
			)
		};
		s = {
			...s,
			demand: {
				...s.demand,
				flowTargets: [
					...s.demand.flowTargets.filter((t) => t.census !== actual.census),
					target
				].sort((a, b) => a.census - b.census)
			}
		};
		notes.push(
			`${scenario.name}: January ${actual.census} re-based to the actual ${count(T)} (projected ${count(projected)})${own ? ', replacing the scenario’s own flow target for that year' : ''}.`
		);
	}
	return { scenario: s, notes };
}

/**
 * Pins, in the plan, its own HNB expenditure for `years` where it does not pin it already: the
 * dataset's figure when it has one that is not an actual, else the plan's expected projection of
 * that year. `prepared` is prepared for the dataset before the actuals change.
 * @example keepPlan(prepareDataset(kingston), plan, ['2021/22']).ledger.hnb_expenditure_before_savings['2021/22'].value // 33_052_000
 */
export function keepPlan(
	prepared: PreparedDataset,
	plan: Scenario,
	years: readonly FinancialYear[]
): Scenario {
	const own = plan.ledger[E] ?? {};
	const todo = years.filter((fy) => !own[fy]);
	if (todo.length === 0) return plan;
	const datasetLine = prepared.dataset.finance.lines[E] ?? {};
	let projected: number[] | null = null;
	let compiledYears: FinancialYear[] = [];
	const pinned: YearFigures = { ...own };
	for (const fy of todo) {
		const f = datasetLine[fy];
		if (f && !isActualSource(f.source)) {
			pinned[fy] = f;
			continue;
		}
		if (projected === null) {
			const c = compile(prepared, plan);
			projected = metricSeries(c, projectExpected(c).values, E);
			compiledYears = c.years;
		}
		const k = compiledYears.indexOf(fy);
		if (k < 0) continue;
		pinned[fy] = derived(
			projected[k],
			`${PLAN_KEPT_PREFIX} of HNB expenditure before savings for ${fy} (${pounds(projected[k])}), kept when an actual was recorded`
		);
	}
	const sorted = Object.fromEntries(
		Object.keys(pinned)
			.sort()
			.map((fy) => [fy, pinned[fy]])
	);
	return { ...plan, ledger: { ...plan.ledger, [E]: sorted } };
}

export interface ApplyActualsInput {
	/** Prepared for the dataset as it is now (before these actuals). */
	prepared: PreparedDataset;
	scenarios: readonly Scenario[];
	/** The plan that actuals are compared with, which keeps its figures; null: every scenario follows. */
	planId: string | null;
	/** Every actual the dataset is to hold (not only new ones). */
	actuals: Actuals;
}

/**
 * Records actuals and re-bases (see the module notes): the dataset with exactly `actuals`, the
 * plan keeping its own figures, and every other scenario re-based. Pure: nothing is saved.
 * @example
 * const { dataset, scenarios } = applyActuals({ prepared, scenarios, planId: plan.id, actuals });
 */
export function applyActuals(input: ApplyActualsInput): {
	dataset: Dataset;
	scenarios: Scenario[];
	notes: string[];
} {
	const previous = input.prepared.dataset;
	const before = readActuals(previous);
	const notes: string[] = [];
	const spendYears = input.actuals.spend.map((a) => a.year);
	const plan = input.scenarios.find((s) => s.id === input.planId) ?? null;
	const keptPlan = plan ? keepPlan(input.prepared, plan, spendYears) : null;
	if (plan && keptPlan !== plan) {
		const kept = spendYears.filter((fy) => !plan.ledger[E]?.[fy]);
		notes.push(`${plan.name} keeps its own HNB expenditure for ${kept.join(', ')}.`);
	}
	let dataset = withActuals(previous, input.actuals);
	// A removed actual: put back the dataset's own figure that the plan kept for it.
	const removed = before.spend.map((a) => a.year).filter((fy) => !spendYears.includes(fy));
	for (const fy of removed) {
		const kept = keptPlan?.ledger[E]?.[fy];
		if (dataset.finance.lines[E]?.[fy] || !kept || isRebaseFigure(kept)) continue;
		const line = { ...(dataset.finance.lines[E] ?? {}), [fy]: kept };
		dataset = {
			...dataset,
			finance: {
				...dataset.finance,
				lines: {
					...dataset.finance.lines,
					[E]: Object.fromEntries(
						Object.keys(line)
							.sort()
							.map((y) => [y, line[y]])
					)
				}
			}
		};
		notes.push(`${fy}: the actual is removed and the dataset’s own figure is back.`);
	}
	// Actuals change neither the estimated model nor the default estimator (estimation and
	// back-testing stop at the base census), so the preparation is reused with the new dataset.
	const next: PreparedDataset = { ...input.prepared, dataset };
	const scenarios = input.scenarios.map((s) => {
		if (plan && s.id === plan.id) return keptPlan!;
		const r = rebaseScenario(next, s, input.actuals);
		notes.push(...r.notes);
		return r.scenario;
	});
	return { dataset, scenarios, notes };
}
