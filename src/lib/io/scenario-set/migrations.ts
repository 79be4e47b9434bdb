/**
 * Migrations of the scenario-set file format (docs/model.md §6): `MIGRATIONS[n]` takes a file of
 * version n to version n + 1, and `migrateScenarioSet` applies them in order, so a file of any
 * version this app knows is brought up to the current one before it is validated.
 *
 * Version 0 is the pre-release shape (before the file format was fixed at version 1). It lacked
 * three fields, filled with these documented defaults:
 * - a scenario's `monteCarlo`: `DEFAULT_MONTE_CARLO` (1,000 simulations, seed 50);
 * - a scenario's `demand.leaverEstimator`: `'pooled'` (the model's default for ceased plans:
 *   yearly leaver rates from aggregates are too noisy to extrapolate, see scenario.ts);
 * - the dataset's `estimation.backtestHoldout`: 3 census years (the default dataset's).
 *
 * Version 1 → 2 gives every scenario a `role` (model/scenario-role.ts), derived once from the
 * names by which version 1 was read: `SVA financial model 2021/22`, else `Financial plan`, is
 * the plan; `May 2021 projection`, else `Baseline (trend)`, is the projection; every other
 * scenario has none (docs/model.md §6.1, decision 0026).
 * A field that is present is never changed, and the input is never mutated.
 */
import { DEFAULT_MONTE_CARLO } from '../../model/scenario';
import { ROLE_LABELS, rolesFromNames } from '../../model/scenario-role';
import type { EstimatorId } from '../../model/dataset';
import { quoteCount as formatCount } from '../../model/format';

/** A file as parsed JSON, before validation. */
export type RawFile = Record<string, unknown>;

/** Takes a file of version n to n + 1; `notes` say, for the user, what was filled in. */
export type Migration = (file: RawFile) => { file: RawFile; notes: string[] };

export const DEFAULT_LEAVER_ESTIMATOR: EstimatorId = 'pooled';
export const DEFAULT_BACKTEST_HOLDOUT = 3;

const isObject = (x: unknown): x is RawFile =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

const scenarioName = (s: RawFile, i: number) =>
	typeof s.name === 'string' && s.name.trim() ? `"${s.name}"` : `${i + 1}`;

/** Version 0 → 1: fills Monte Carlo settings, the leaver estimator and the back-test holdout. */
function fromVersion0(file: RawFile): { file: RawFile; notes: string[] } {
	const notes: string[] = [];
	let dataset = file.dataset;
	if (isObject(dataset) && isObject(dataset.estimation)) {
		if (!('backtestHoldout' in dataset.estimation)) {
			dataset = {
				...dataset,
				estimation: { ...dataset.estimation, backtestHoldout: DEFAULT_BACKTEST_HOLDOUT }
			};
			notes.push(
				`the dataset had no back-test holdout, so the last ${DEFAULT_BACKTEST_HOLDOUT} census years are held out.`
			);
		}
	}
	let scenarios = file.scenarios;
	if (Array.isArray(scenarios)) {
		scenarios = scenarios.map((s: unknown, i) => {
			if (!isObject(s)) return s;
			let out = s;
			if (!('monteCarlo' in out)) {
				out = { ...out, monteCarlo: { ...DEFAULT_MONTE_CARLO } };
				notes.push(
					`scenario ${scenarioName(s, i)} had no Monte Carlo settings, so ${formatCount(DEFAULT_MONTE_CARLO.simulations)} simulations with seed ${DEFAULT_MONTE_CARLO.seed} are assumed.`
				);
			}
			if (isObject(out.demand) && !('leaverEstimator' in out.demand)) {
				out = { ...out, demand: { ...out.demand, leaverEstimator: DEFAULT_LEAVER_ESTIMATOR } };
				notes.push(
					`scenario ${scenarioName(s, i)} had no estimator for ceased plans, so the pooled mean of history is used.`
				);
			}
			return out;
		});
	}
	return { file: { ...file, version: 1, dataset, scenarios }, notes };
}

/**
 * Version 1 → 2: each scenario without a `role` gets the one its name gave it in version 1
 * (`rolesFromNames`); the notes say which scenarios became the plan and the projection.
 */
function fromVersion1(file: RawFile): { file: RawFile; notes: string[] } {
	const notes: string[] = [];
	let scenarios = file.scenarios;
	if (Array.isArray(scenarios)) {
		const list: unknown[] = scenarios;
		// Only scenarios still without a role take part (a role present is kept as it is).
		const missing = list.map((s) => isObject(s) && !('role' in s));
		const roles = rolesFromNames(list.map((s, i) => (missing[i] ? (s as RawFile).name : null)));
		scenarios = list.map((s, i) => {
			if (!missing[i]) return s;
			const role = roles[i];
			if (role !== 'none') {
				notes.push(
					`scenario ${scenarioName(s as RawFile, i)} is taken as ${ROLE_LABELS[role].toLowerCase()} (role "${role}"), as its name said in version 1.`
				);
			}
			return { ...(s as RawFile), role };
		});
	}
	return { file: { ...file, version: 2, scenarios }, notes };
}

/** `MIGRATIONS[n]`: version n → n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 0: fromVersion0, 1: fromVersion1 };

/** The oldest version a migration path exists from. */
export const OLDEST_MIGRATABLE_VERSION = 0;

/**
 * Brings a parsed file from version `from` up to version `to` by applying each migration in
 * order. Throws when a step is missing (a version this app cannot read).
 * @example migrateScenarioSet(file0, 0, 1).file.version // 1
 */
export function migrateScenarioSet(
	file: RawFile,
	from: number,
	to: number
): { file: RawFile; notes: string[] } {
	let current = file;
	const notes: string[] = [];
	for (let n = from; n < to; n++) {
		const step = MIGRATIONS[n];
		if (!step) {
			throw new Error(`migrateScenarioSet: no migration from version ${n} to ${n + 1}`);
		}
		const r = step(current);
		current = r.file;
		notes.push(...r.notes);
	}
	return { file: current, notes };
}
