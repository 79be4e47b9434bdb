/**
 * A worker thread of `forecast england` (cli/england.ts): takes one authority's SEN2 rows at a
 * time, builds its dataset at the origin (`buildAuthorityAtOrigin`) and forecasts it
 * (`forecastAuthority`), and posts the rows back — or why it could not be built.
 */
import { parentPort } from 'node:worker_threads';
import { forecastAuthority } from '../src/lib/engine/authority-forecast';
import { buildAuthorityAtOrigin } from '../src/lib/io/sen2/england';
import type { EnglandReply, EnglandTask } from './england-protocol';

if (!parentPort) throw new Error('england-worker: run as a worker thread of forecast england');
const port = parentPort;

port.on('message', (task: EnglandTask) => {
	let reply: EnglandReply;
	try {
		const entry = buildAuthorityAtOrigin(task.rows, task.origin, task.horizon);
		reply = entry.ok
			? {
					index: task.index,
					ok: true,
					rows: forecastAuthority(entry, {
						horizon: task.horizon,
						simulations: task.simulations,
						seed: task.seed
					}),
					notes: entry.notes
				}
			: { index: task.index, ok: false, reason: entry.reason, notes: entry.notes };
	} catch (e) {
		reply = { index: task.index, ok: false, reason: (e as Error).message, notes: [] };
	}
	port.postMessage(reply);
});
