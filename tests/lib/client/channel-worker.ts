/**
 * A worker without a thread, for Node tests of the worker client: an API exposed with comlink on
 * one end of a MessageChannel, the client talking to the other end exactly as to a real worker.
 * It can be made to die (an `error` event, then silence) when it receives its n-th message, and
 * knows whether it was terminated.
 */
import { expose, type Endpoint } from 'comlink';

export class ChannelWorker extends EventTarget {
	terminated = false;
	/** Messages received from the client. */
	received = 0;
	#port: MessagePort;
	#inner: MessagePort;
	#dieOn: number | null;

	/** @param dieOn the message (1-based) on which it dies instead of passing it on; null never */
	constructor(api: object, dieOn: number | null = null) {
		super();
		const { port1, port2 } = new MessageChannel();
		this.#inner = port1;
		this.#port = port2;
		this.#dieOn = dieOn;
		expose(api, port1 as unknown as Endpoint);
		port2.addEventListener('message', (e) => {
			if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: e.data }));
		});
		port2.start();
	}

	postMessage(message: unknown, transfer: Transferable[] = []) {
		if (this.terminated) return;
		this.received++;
		if (this.received === this.#dieOn) {
			const event = Object.assign(new Event('error', { cancelable: true }), {
				message: 'out of memory'
			});
			setTimeout(() => this.dispatchEvent(event), 0);
			return;
		}
		this.#port.postMessage(message, transfer as never);
	}

	terminate() {
		this.terminated = true;
		this.#port.close();
		this.#inner.close();
	}
}

/**
 * A factory of channel workers over fresh APIs: worker n (from 0) dies on message `dieOn[n]`
 * (never when not given). Keeps every worker made.
 */
export function channelWorkers(makeApi: () => object, dieOn: (number | null)[] = []) {
	const made: ChannelWorker[] = [];
	const create = () => {
		const w = new ChannelWorker(makeApi(), dieOn[made.length] ?? null);
		made.push(w);
		return w as unknown as Worker;
	};
	return { create, made };
}
