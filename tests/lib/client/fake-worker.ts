/**
 * A Worker without a thread, for testing the pool in Node: the projection API is exposed with
 * comlink on one end of a MessageChannel and the pool talks to the other, exactly as it talks to
 * a real worker. A behaviour can make the API throw, make the "worker" die (an `error` event,
 * then silence) or hang (silence alone), on a given call of `simulate`.
 */
import { expose } from 'comlink';
import type { Endpoint } from 'comlink';
import { createProjectionApi, type ProjectionApi } from '../../../workers/projection-api';

export type Behaviour = 'ok' | 'throws' | 'dies' | 'hangs';

export interface CallLog {
	worker: number;
	from: number;
	to: number;
	/** How each scenario came: whole, or by its id. */
	sent: ('whole' | 'id')[];
}

export class FakeWorker extends EventTarget {
	readonly id: number;
	terminated = false;
	#port: MessagePort;
	#inner: MessagePort;

	constructor(id: number, behaviour: Behaviour, log: CallLog[], failOnCall = 1) {
		super();
		this.id = id;
		const { port1, port2 } = new MessageChannel();
		this.#inner = port1;
		this.#port = port2;
		const api = createProjectionApi();
		let calls = 0;
		const wrapped: ProjectionApi = {
			...api,
			simulate: (scenarios, from, to, seed) => {
				calls++;
				log.push({
					worker: id,
					from,
					to,
					sent: scenarios.map((s) => (typeof s === 'string' ? 'id' : 'whole'))
				});
				if (calls === failOnCall && behaviour === 'throws') {
					throw new Error(`worker ${id} threw`);
				}
				if (calls === failOnCall && behaviour === 'dies') {
					const event = Object.assign(new Event('error', { cancelable: true }), {
						message: `worker ${id} died`
					});
					setTimeout(() => this.dispatchEvent(event), 0);
					return new Promise<never>(() => {}) as never;
				}
				if (calls === failOnCall && behaviour === 'hangs') {
					return new Promise<never>(() => {}) as never;
				}
				return api.simulate(scenarios, from, to, seed);
			}
		};
		expose(wrapped, port1 as unknown as Endpoint);
		port2.addEventListener('message', (e) => {
			if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: e.data }));
		});
		port2.start();
	}

	postMessage(message: unknown, transfer: Transferable[] = []) {
		if (this.terminated) return;
		this.#port.postMessage(message, transfer as never);
	}

	terminate() {
		this.terminated = true;
		this.#port.close();
		this.#inner.close();
	}
}

/**
 * A factory for the pool: worker n (counting from 0) behaves as `behaviours[n]` ('ok' when not
 * given). Keeps every worker made and every simulate call.
 */
export function fakeWorkers(behaviours: Behaviour[] = [], failOnCall = 1) {
	const made: FakeWorker[] = [];
	const log: CallLog[] = [];
	const create = () => {
		const w = new FakeWorker(made.length, behaviours[made.length] ?? 'ok', log, failOnCall);
		made.push(w);
		return w as unknown as Worker;
	};
	return { create, made, log };
}
