/**
 * A worker API run in the page, loaded only when it is needed (no worker support, or a worker
 * that could not start): loading it lazily keeps the engine out of the initial JavaScript, since
 * normally it only ever runs in workers. Used by the worker client (worker-client.ts).
 */
import type { Remote } from 'comlink';

/**
 * An object with the API's methods, each async, that loads the real API on its first call — the
 * same shape as a comlink Remote of a worker.
 * @example const api = inPageApi(() => import('$workers/projection-api').then((m) => m.createProjectionApi()));
 * await api.prepare(dataset);
 */
export function inPageApi<Api extends object>(load: () => Promise<Api>): Remote<Api> {
	let loaded: Promise<Api> | null = null;
	return new Proxy({} as Remote<Api>, {
		get(_target, method) {
			// Not a thenable: awaiting the proxy itself must not call a "then" method.
			if (method === 'then') return undefined;
			return async (...args: unknown[]) => {
				const api = (await (loaded ??= load())) as unknown as Record<
					string | symbol,
					((...a: unknown[]) => unknown) | undefined
				>;
				const fn = api[method];
				if (typeof fn !== 'function') {
					throw new Error(`inPageApi: the API has no method ${String(method)}`);
				}
				return fn.apply(api, args);
			};
		}
	});
}
