/**
 * Synthetic witan.send-shaped datasets for the scaling benchmarks: a chosen number of settings,
 * needs, children and projected years, with transitions drawn from a simple seeded cohort model
 * (8% leave, 5% change setting, joiners of about 8% of the caseload a year). Every setting takes
 * every need from NCY −4 to 20, so the state space has 25 × settings × needs states. Nothing
 * here claims to be realistic: it exists to show how time grows with each dimension.
 */
import type { WitanInputs } from '../src/lib/io/witan/parse-inputs';
import { witanDataset } from '../src/lib/io/witan/dataset';
import type { Dataset, SettingDef, TransitionRow } from '../src/lib/model/dataset';
import { NONSEND } from '../src/lib/model/dataset';
import { imported } from '../src/lib/model/provenance';
import type { Scenario } from '../src/lib/model/scenario';
import { createRng } from '../src/lib/engine/rng';

export interface SyntheticShape {
	settings: number;
	needs: number;
	/** Children at the start of the history (the caseload stays near this). */
	children: number;
	/** Census steps projected from the base census. */
	years: number;
	/** Years of transitions history (default 4, as the witan.send demo). */
	historyYears?: number;
}

const MIN_NCY = -4;
const MAX_NCY = 20;
const FIRST_YEAR = 2013;

/** witan.send inputs of the given shape, the same for the same shape. */
export function syntheticInputs(shape: SyntheticShape): WitanInputs {
	const rng = createRng(2026, shape.settings * 1000 + shape.needs);
	const pick = (n: number) => Math.min(n - 1, Math.floor(rng.nextFloat() * n));
	const settingIds = Array.from({ length: shape.settings }, (_, i) => `S${i}`);
	const needs = Array.from({ length: shape.needs }, (_, i) => `N${i}`);
	const settings: SettingDef[] = settingIds.map((id) => ({
		id,
		name: id,
		group: 'other',
		minNcy: MIN_NCY,
		maxNcy: MAX_NCY,
		needs: null,
		destinations: null
	}));
	type Child = { ncy: number; need: number; setting: number };
	let children: Child[] = Array.from({ length: shape.children }, () => ({
		ncy: MIN_NCY + pick(MAX_NCY - MIN_NCY),
		need: pick(shape.needs),
		setting: pick(shape.settings)
	}));
	const transitions: TransitionRow[] = [];
	const history = shape.historyYears ?? 4;
	for (let y = FIRST_YEAR; y < FIRST_YEAR + history; y++) {
		const next: Child[] = [];
		for (const c of children) {
			const row = {
				calendarYear: y,
				setting1: settingIds[c.setting],
				need1: needs[c.need],
				ncy1: c.ncy,
				ncy2: c.ncy + 1
			};
			if (c.ncy + 1 > MAX_NCY || rng.nextFloat() < 0.08) {
				transitions.push({ ...row, setting2: NONSEND, need2: NONSEND });
				continue;
			}
			const setting = rng.nextFloat() < 0.05 ? pick(shape.settings) : c.setting;
			transitions.push({ ...row, setting2: settingIds[setting], need2: needs[c.need] });
			next.push({ ncy: c.ncy + 1, need: c.need, setting });
		}
		const joiners = Math.round(shape.children * 0.085);
		for (let j = 0; j < joiners; j++) {
			const c = {
				ncy: MIN_NCY + 1 + pick(MAX_NCY - MIN_NCY),
				need: pick(shape.needs),
				setting: pick(shape.settings)
			};
			transitions.push({
				calendarYear: y,
				setting1: NONSEND,
				need1: NONSEND,
				ncy1: c.ncy - 1,
				setting2: settingIds[c.setting],
				need2: needs[c.need],
				ncy2: c.ncy
			});
			next.push(c);
		}
		children = next;
	}
	const baseCensus = FIRST_YEAR + history;
	const horizonCensus = baseCensus + shape.years;
	const population = [];
	for (let y = FIRST_YEAR; y <= horizonCensus; y++) {
		for (let a = MIN_NCY - 1; a <= MAX_NCY; a++) {
			population.push({ year: y, ncy: a, population: imported(10_000, 'synthetic') });
		}
	}
	const unitCosts = settingIds.flatMap((setting, i) =>
		needs.map((need) => ({ setting, need, cost: imported(10_000 + 1_000 * i, 'synthetic') }))
	);
	const counts = new Map<string, Child & { n: number }>();
	for (const c of children) {
		const key = `${c.setting}|${c.need}|${c.ncy}`;
		const hit = counts.get(key);
		if (hit) hit.n++;
		else counts.set(key, { ...c, n: 1 });
	}
	const baseCaseload = [...counts.values()].map((c) => ({
		ncy: c.ncy,
		need: needs[c.need],
		setting: settingIds[c.setting],
		count: imported(c.n, 'synthetic')
	}));
	return {
		settings,
		settingGroups: Object.fromEntries(settingIds.map((id) => [id, 'other'])),
		needs,
		transitions,
		population,
		unitCosts,
		baseCensus,
		horizonCensus,
		baseCaseload
	};
}

/** A synthetic dataset of the given shape. */
export function syntheticDataset(shape: SyntheticShape): Dataset {
	return witanDataset(syntheticInputs(shape), { id: 'synthetic', name: 'Synthetic' });
}

/** A scenario with no levers and nothing pinned beyond the dataset: the plain projection. */
export function plainScenario(id = 'plain', name = 'Plain projection'): Scenario {
	return {
		id,
		name,
		parentId: null,
		role: 'projection',
		description: 'The dataset projected as it is: no levers.',
		openingCumulativeDeficit: null,
		ledger: {},
		savingsDelivery: {},
		demand: { estimator: 'default', leaverEstimator: 'pooled', flowTargets: [] },
		levers: [],
		monteCarlo: { simulations: 1000, seed: 50 }
	};
}
