/**
 * A projection worker without a thread, for Node tests of failure handling: the real projection
 * API exposed with comlink over a MessageChannel, whose `runExpected` can be made to throw, or
 * the whole "worker" to die (an `error` event, then silence), on chosen calls.
 */
import { expose, type Endpoint } from 'comlink';
import { createProjectionApi, type ProjectionApi } from '../../../workers/projection-api';

export type Failure = 'throws' | 'dies';

export interface FailingWorkers {
	/** Makes a worker, as `createWorker` does; every one made is kept in `made`. */
	create: () => Worker;
	made: FailingWorker[];
	/** Calls to runExpected, counted across all workers. */
	calls: number;
}

/**
 * Workers whose runExpected fails as `plan[n]` says on the n-th call overall (1-based), and works
 * otherwise.
 * @example const w = failingWorkers({ 2: 'dies' }); new ProjectionClient({ createWorker: w.create });
 */
export function failingWorkers(plan: Record<number, Failure>): FailingWorkers {
	const out: FailingWorkers = {
		made: [],
		calls: 0,
		create: () => {
			const worker = new FailingWorker(() => plan[++out.calls]);
			out.made.push(worker);
			return worker as unknown as Worker;
		}
	};
	return out;
}

export class FailingWorker extends EventTarget {
	terminated = false;
	#port: MessagePort;
	#inner: MessagePort;

	constructor(next: () => Failure | undefined) {
		super();
		const { port1, port2 } = new MessageChannel();
		this.#inner = port1;
		this.#port = port2;
		const api = createProjectionApi();
		const wrapped: ProjectionApi = {
			...api,
			runExpected: (scenarios) => {
				const failure = next();
				if (failure === 'throws') throw new Error('the engine threw');
				if (failure === 'dies') {
					const event = Object.assign(new Event('error', { cancelable: true }), {
						message: 'out of memory'
					});
					setTimeout(() => this.dispatchEvent(event), 0);
					return new Promise<never>(() => {}) as never;
				}
				return api.runExpected(scenarios);
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
