/**
 * Small, valid-looking datasets and scenarios for the storage tests. Storage does not validate the
 * domain, so these only need the right types. (No fake IndexedDB here: the browser test uses this
 * file with Chromium's real one; fake-idb.ts has the Node helpers.)
 */
import type { Dataset } from '$lib/model/dataset';
import { assumption, seed } from '$lib/model/provenance';
import type { Scenario } from '$lib/model/scenario';
import type { WorkbenchDatabase } from '$lib/storage/transaction';

export function makeDataset(overrides: Partial<Dataset> = {}): Dataset {
	return {
		id: 'kingston',
		name: 'Kingston upon Thames',
		authority: { name: 'Royal Borough of Kingston upon Thames', code: 'E09000021', laCode: '314' },
		dataDate: '2021-05-31',
		description: 'Test dataset',
		baseCensus: 2021,
		horizonCensus: 2026,
		needs: ['ALL'],
		settings: [
			{
				id: 'mainstream',
				name: 'Mainstream',
				group: 'mainstream',
				minNcy: -4,
				maxNcy: 21,
				needs: null,
				destinations: null
			}
		],
		baseCaseload: [{ ncy: 3, need: 'ALL', setting: 'mainstream', count: seed(12, 'table 1') }],
		history: {
			caseloadTotal: [{ year: 2021, count: seed(1429, 'KPI 1') }],
			caseloadByAgeBand: [],
			caseloadBySetting: [],
			newPlansByAgeBand: [],
			newPlansBySetting: [],
			ceasedPlans: [],
			movesMainstreamToSpecial: [],
			movesSpecialToMainstream: [],
			requests: [],
			refusals: []
		},
		transitions: null,
		population: null,
		referencePopulations: [],
		// Asserted rather than checked: storage only carries the dataset, and these settings change.
		estimation: {
			firstFlowYear: null,
			lastFlowYear: null,
			defaultEstimator: 'pooled',
			backtestHoldout: 3
		} as Dataset['estimation'],
		unitCosts: [{ setting: 'mainstream', need: null, cost: assumption(15000, 'test') }],
		finance: { openingCumulativeDeficit: seed(25_125_000, 'plan'), lines: {}, savings: [] },
		kpis: [],
		conditions: [],
		reports: [],
		...overrides
	};
}

export function makeScenario(overrides: Partial<Scenario> = {}): Scenario {
	return {
		id: 'baseline',
		name: 'Baseline (trend)',
		parentId: null,
		role: 'none',
		description: '',
		openingCumulativeDeficit: null,
		ledger: {},
		savingsDelivery: {},
		demand: { estimator: 'default', leaverEstimator: 'pooled', flowTargets: [] },
		levers: [
			{
				id: 'redirect_1',
				label: '',
				kind: 'redirect',
				fromSetting: 'independent_special',
				toSetting: 'maintained_special',
				share: 0.2,
				joiners: true,
				movers: false,
				from: '2022/23',
				until: null
			}
		],
		monteCarlo: { simulations: 1000, seed: 50 },
		...overrides
	};
}

/** Every record of a store, for "nothing was written" checks. */
export async function allRows(
	db: WorkbenchDatabase,
	store: 'datasets' | 'scenarios' | 'scenarioSets' | 'runs' | 'meta'
): Promise<unknown[]> {
	return db.getAll(store);
}
