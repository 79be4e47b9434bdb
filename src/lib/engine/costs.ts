/**
 * Placement costs (docs/model.md §3): `unit_cost_t(setting[, need]) = base × Π (1 + inflation_y)` and
 * `placement_cost_t = Σ_s X_t(s) × unit_cost_t(s)`, with X_t the January census inside financial
 * year t. Pounds per placement per year.
 */
import type { StateSpace } from './space';
import type { UnitCost } from '../model/dataset';

/**
 * Base unit cost per state, £ per placement per year: a need-specific cost where given, else the
 * setting's cost for every need, else 0 (reported by the caller as missing).
 * @example baseUnitCosts(space, [{ setting: 'mainstream', need: null, cost }]) // Float64Array
 */
export function baseUnitCosts(space: StateSpace, costs: readonly UnitCost[]): Float64Array {
	const bySettingNeed = new Map<string, number>();
	const bySetting = new Map<string, number>();
	for (const c of costs) {
		if (c.need === null) bySetting.set(c.setting, c.cost.value);
		else bySettingNeed.set(`${c.setting}\u0000${c.need}`, c.cost.value);
	}
	const out = new Float64Array(space.size);
	for (let s = 0; s < space.size; s++) {
		const setting = space.settings[space.setting[s]].id;
		const need = space.needs[space.need[s]];
		out[s] = bySettingNeed.get(`${setting}\u0000${need}`) ?? bySetting.get(setting) ?? 0;
	}
	return out;
}

/** Settings that have no cost for at least one of their states, for a warning. */
export function settingsWithoutCost(space: StateSpace, costs: readonly UnitCost[]): string[] {
	const base = baseUnitCosts(space, costs);
	const missing = new Set<string>();
	const known = new Set(costs.map((c) => c.setting));
	for (let s = 0; s < space.size; s++) {
		const id = space.settings[space.setting[s]].id;
		if (base[s] === 0 && !known.has(id)) missing.add(id);
	}
	return [...missing];
}

/**
 * Placement cost of a census stock, £: Σ_s stock[s] × unitCost[s].
 * @example placementCost(Float64Array.of(2, 3), Float64Array.of(10_000, 30_000)) // 110_000
 */
export function placementCost(stock: Float64Array, unitCost: Float64Array): number {
	let t = 0;
	for (let s = 0; s < stock.length; s++) t += stock[s] * unitCost[s];
	return t;
}
