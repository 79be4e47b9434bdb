/**
 * The projection API run in the page, loaded only when it is needed (no worker support, or while
 * a crashed worker is replaced). Loading it lazily keeps the engine out of the initial JavaScript:
 * normally the engine only ever runs in workers.
 */
import type { Remote } from 'comlink';
import type { ProjectionApi } from '../../../workers/projection-api';

/**
 * An object with the projection API's methods, each async, that imports and creates the real
 * API on its first call — the same shape as a comlink Remote of a worker.
 * @example const api = inPageApi(); await api.prepare(dataset);
 */
export function inPageApi(): Remote<ProjectionApi> {
	let loaded: Promise<ProjectionApi> | null = null;
	const load = () =>
		(loaded ??= import('../../../workers/projection-api').then((m) => m.createProjectionApi()));
	return new Proxy({} as Remote<ProjectionApi>, {
		get(_target, method) {
			// Not a thenable: awaiting the proxy itself must not call a "then" method.
			if (method === 'then') return undefined;
			return async (...args: unknown[]) => {
				const api = (await load()) as unknown as Record<
					string | symbol,
					(...a: unknown[]) => unknown
				>;
				return api[method](...args);
			};
		}
	});
}
