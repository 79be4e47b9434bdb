/**
 * The state space of the cohort model (docs/model.md §2): every valid (NCY, need, setting), numbered
 * 0…n−1 so that stocks and flows are plain typed arrays indexed by state.
 */
import type { SettingDef } from '../model/dataset';

export interface StateSpace {
	minNcy: number;
	maxNcy: number;
	needs: readonly string[];
	settings: readonly SettingDef[];
	/** Number of valid states. */
	size: number;
	/** Per state: its NCY, need index and setting index. */
	ncy: Int16Array;
	need: Int16Array;
	setting: Int16Array;
	/** `lookup[((ncy − minNcy) × needs + need) × settings + setting]` = state index or −1. */
	lookup: Int32Array;
	/** Per state: the state it ages into if it stays in its setting, or −1 when the setting ends. */
	agedOn: Int32Array;
	settingIndex: ReadonlyMap<string, number>;
	needIndex: ReadonlyMap<string, number>;
}

/** Whether a need is allowed in a setting. */
function allowsNeed(setting: SettingDef, need: string): boolean {
	return setting.needs === null || setting.needs.includes(need);
}

/**
 * Builds the state space from the settings' NCY ranges and needs. NCYs run from the youngest
 * setting's minimum to `maxNcy` (age 25 = NCY 21 unless given).
 * @example
 * const space = createStateSpace(['ALL'], settings, -4, 21);
 * space.size; // number of valid (NCY, need, setting) triples
 */
export function createStateSpace(
	needs: readonly string[],
	settings: readonly SettingDef[],
	minNcy: number,
	maxNcy: number
): StateSpace {
	if (needs.length === 0) throw new Error('createStateSpace: at least one need is required');
	if (settings.length === 0) throw new Error('createStateSpace: at least one setting is required');
	if (!(Number.isInteger(minNcy) && Number.isInteger(maxNcy) && minNcy <= maxNcy)) {
		throw new Error(`createStateSpace: NCY range must be whole numbers, got ${minNcy}…${maxNcy}`);
	}
	const nNcy = maxNcy - minNcy + 1;
	const lookup = new Int32Array(nNcy * needs.length * settings.length).fill(-1);
	const ncyList: number[] = [];
	const needList: number[] = [];
	const settingList: number[] = [];
	for (let y = minNcy; y <= maxNcy; y++) {
		for (let n = 0; n < needs.length; n++) {
			for (let s = 0; s < settings.length; s++) {
				const def = settings[s];
				if (y < def.minNcy || y > def.maxNcy || !allowsNeed(def, needs[n])) continue;
				lookup[((y - minNcy) * needs.length + n) * settings.length + s] = ncyList.length;
				ncyList.push(y);
				needList.push(n);
				settingList.push(s);
			}
		}
	}
	const size = ncyList.length;
	const space: StateSpace = {
		minNcy,
		maxNcy,
		needs,
		settings,
		size,
		ncy: Int16Array.from(ncyList),
		need: Int16Array.from(needList),
		setting: Int16Array.from(settingList),
		lookup,
		agedOn: new Int32Array(size),
		settingIndex: new Map(settings.map((s, i) => [s.id, i])),
		needIndex: new Map(needs.map((n, i) => [n, i]))
	};
	for (let i = 0; i < size; i++) {
		space.agedOn[i] = stateIndex(space, ncyList[i] + 1, needList[i], settingList[i]);
	}
	return space;
}

/** The index of state (ncy, need, setting), or −1 when it is not a valid state. */
export function stateIndex(space: StateSpace, ncy: number, need: number, setting: number): number {
	if (ncy < space.minNcy || ncy > space.maxNcy) return -1;
	return space.lookup[
		((ncy - space.minNcy) * space.needs.length + need) * space.settings.length + setting
	];
}

/** Valid states at one NCY for one need (the settings a child could be in). */
export function statesAt(space: StateSpace, ncy: number, need: number): number[] {
	const out: number[] = [];
	for (let s = 0; s < space.settings.length; s++) {
		const i = stateIndex(space, ncy, need, s);
		if (i >= 0) out.push(i);
	}
	return out;
}

/** A readable name for a state, for messages: "NCY 5, need ALL, setting mainstream". */
export function describeState(space: StateSpace, i: number): string {
	return `NCY ${space.ncy[i]}, need ${space.needs[space.need[i]]}, setting ${space.settings[space.setting[i]].id}`;
}
