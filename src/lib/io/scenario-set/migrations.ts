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
 * A field that is present is never changed, and the input is never mutated.
 */
import { DEFAULT_MONTE_CARLO } from '../../model/scenario';
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

/** `MIGRATIONS[n]`: version n → n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 0: fromVersion0 };

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
