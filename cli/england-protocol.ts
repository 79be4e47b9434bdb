/** Messages between `forecast england` (cli/england.ts) and its worker threads. Types only. */
import type { AuthorityForecastRow } from '../src/lib/engine/authority-forecast';
import type { AuthorityRows } from '../src/lib/io/sen2/england';

/** One authority to build and forecast. */
export interface EnglandTask {
	index: number;
	rows: AuthorityRows;
	origin: number;
	horizon: number;
	simulations: number;
	seed: number;
}

/** Its forecast rows, or why it could not be built. */
export type EnglandReply =
	| { index: number; ok: true; rows: AuthorityForecastRow[]; notes: string[] }
	| { index: number; ok: false; reason: string; notes: string[] };
