/**
 * One client for every worker of the app (the projection, the Monte Carlo pool's workers,
 * witan.send, the back-test and the SEN2 import; their APIs and entry points are in `workers/`).
 * It owns what each used to do on its own:
 *
 * - **Cloning**: arguments are copied into plain data before they are posted (Svelte's state
 *   proxies cannot be structured-cloned); typed arrays, Blobs and Files pass as they are, and a
 *   function argument (a progress callback) is passed as a comlink proxy, so it is called back
 *   in the page.
 * - **Latest wins** (`latest`): in the manner of svelte.dev's REPL worker client, when a newer
 *   request of the same method comes before an older one is answered, the older one resolves
 *   with the newer result, so a fast slider never paints a stale projection.
 * - **Cancel** (`cancel`): every call under way rejects at once with an AbortError and the
 *   worker is terminated (a long run really stops); the next call starts a fresh one. A call's
 *   own `signal` rejects that call alone.
 * - **Crash replacement**: a worker that dies (an `error` or `messageerror` event, or no answer
 *   within a call's `timeoutMs`) is terminated, reported through `onWorkerError` and replaced by
 *   a fresh one, which is set up again (`setup`, e.g. the dataset re-sent); calls that were under
 *   way run again once on the new worker (unless `retry: false`), so the page stays usable.
 * - **In-page fallback**: without workers (`createWorker: null`, or a factory that throws, said
 *   through `onWorkerError`), the same API runs in the page, loaded only then (`inPage`, a
 *   dynamic import), so that the engine stays out of the page's initial JavaScript.
 *
 * An error the API throws (not a crash) rejects the call with it; the worker is kept.
 */
import * as Comlink from 'comlink';
import { inPageApi } from './in-page-api';

/** A worker, or anything that behaves as one (a MessagePort in tests). */
export type WorkerEndpoint = Comlink.Endpoint & { terminate?: () => void; close?: () => void };

/** The names of an API's methods. */
export type MethodOf<Api> = {
	[K in keyof Api]: Api[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Api] &
	string;

type Fn<Api, K extends MethodOf<Api>> = Api[K] extends (...args: infer A) => infer R
	? { args: A; result: Awaited<R> }
	: never;

/** The arguments of an API method. */
export type ArgsOf<Api, K extends MethodOf<Api>> = Fn<Api, K>['args'];
/** What an API method gives, once awaited. */
export type ResultOf<Api, K extends MethodOf<Api>> = Fn<Api, K>['result'];

export interface WorkerClientOptions<Api extends object> {
	/** What the worker is called in messages to the user: "projection", "witan.send"… */
	name: string;
	/** Starts a worker (Vite's `new Worker(new URL(…))`, a fake in tests); null runs in the page. */
	createWorker: (() => WorkerEndpoint) | null;
	/** The API itself, for the page: a dynamic import, so it is loaded only when needed. */
	inPage: () => Promise<Api> | Api;
	/**
	 * Gets a new API ready before its first call (a worker started or replaced, the in-page API)
	 * and again on `refresh()`: re-sends what it must hold, such as the dataset. What it gives is
	 * what `ready()` and `refresh()` resolve with. Comlink's types: each method returns a promise.
	 */
	setup?: (api: Comlink.Remote<Api>) => unknown;
	/** Told when a worker could not start or failed, with a message for the user. */
	onWorkerError?: (message: string) => void;
	/** The message when a worker failed and was replaced; default "The <name> worker failed…". */
	failedMessage?: (reason: string) => string;
}

export interface CallOptions {
	/**
	 * Milliseconds a worker may take to answer before it is taken for dead (terminated, replaced,
	 * reported). Default: no limit. Ignored in the page, where a call cannot be interrupted.
	 */
	timeoutMs?: number;
	/** Run the call again once on the replacement when the worker dies under it (default true). */
	retry?: boolean;
	/** Rejects this call (an AbortError) when aborted; the worker carries on. */
	signal?: AbortSignal;
}

export interface WorkerClient<Api extends object> {
	/**
	 * Calls a method of the API in the worker (or the page) and resolves with its result.
	 * @example await client.call('dsgGrid', [scenario]);
	 */
	call<K extends MethodOf<Api>>(
		method: K,
		args: ArgsOf<Api, K>,
		options?: CallOptions
	): Promise<ResultOf<Api, K>>;
	/**
	 * As `call`, latest wins: a call superseded by a newer one of the same method before it was
	 * answered resolves (or rejects) with the newest one's outcome.
	 * @example const [a, b] = await Promise.all([client.latest('runExpected', [v1]), client.latest('runExpected', [v2])]); // a === b
	 */
	latest<K extends MethodOf<Api>>(
		method: K,
		args: ArgsOf<Api, K>,
		options?: CallOptions
	): Promise<ResultOf<Api, K>>;
	/** Resolves when the current API is set up, with what `setup` gave. */
	ready(): Promise<unknown>;
	/** Runs `setup` again (what it sends has changed); calls after this one wait for it. */
	refresh(): Promise<unknown>;
	/** Starts the worker now rather than at the first call. */
	start(): void;
	/**
	 * Takes the worker for failed although it did not die (it threw where it should not):
	 * terminates it, reports `reason` and starts a fresh one.
	 */
	replace(reason: string): void;
	/** Rejects every call under way with an AbortError and terminates the worker. */
	cancel(reason?: string): void;
	/** Terminates the worker; later calls reject. */
	dispose(): void;
	/** Whether the API runs in the page (no worker). */
	readonly inPage: boolean;
	/** How many APIs were started (the first, then each replacement or restart). */
	readonly started: number;
}

/**
 * An AbortError as fetch and AbortSignal give it.
 * @example throw abortError('the run was cancelled');
 */
export function abortError(message: string): Error {
	return new DOMException(message, 'AbortError');
}

/**
 * Whether a rejection is a cancellation or supersession rather than a failure.
 * @example client.call('run', args).catch((e) => { if (!isAbortError(e)) showError(e); });
 */
export function isAbortError(e: unknown): boolean {
	return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

/** What a call under a worker that died rejects with (when it is not run again). */
export class WorkerCrashed extends Error {
	constructor(
		readonly worker: string,
		readonly reason: string
	) {
		super(reason);
		this.name = 'WorkerCrashed';
	}
}

/**
 * A copy of a value as plain data that the structured clone algorithm takes: plain objects and
 * arrays are copied (through Svelte's state proxies, which cannot be cloned); everything else
 * (numbers, strings, typed arrays, Blobs, Files, Dates, Maps) is kept as it is.
 * @example cloneable($state.snapshot(x)) // a copy
 */
export function cloneable<T>(value: T): T {
	if (Array.isArray(value)) return value.map((v) => cloneable(v)) as T;
	if (value === null || typeof value !== 'object') return value;
	const proto = Object.getPrototypeOf(value);
	if (proto !== Object.prototype && proto !== null) return value;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) out[k] = cloneable(v);
	return out as T;
}

interface Instance<Api> {
	endpoint: WorkerEndpoint | null;
	remote: Comlink.Remote<Api>;
	dead: boolean;
	/** Rejects with a WorkerCrashed when the worker dies; raced against every call. */
	died: Promise<never>;
	kill: (reason: string) => void;
	/** `setup`'s outcome on this API; null before it ran, or after it failed. */
	setup: Promise<unknown> | null;
}

interface Pending {
	reject: (e: unknown) => void;
	cancelled: boolean;
}

/**
 * A client of one worker API (see the module notes).
 * @example
 * const client = createWorkerClient<WitanWorkerApi>({
 *   name: 'witan.send',
 *   createWorker: () => new Worker(new URL('../../../workers/witan.worker.ts', import.meta.url), { type: 'module' }),
 *   inPage: () => import('$workers/witan-api').then((m) => m.createWitanWorkerApi())
 * });
 * const run = await client.call('runOutputs', [dataset, scenario, { sims: 1000, seed: 50 }, onProgress]);
 */
export function createWorkerClient<Api extends object>(
	options: WorkerClientOptions<Api>
): WorkerClient<Api> {
	const { name } = options;
	let current: Instance<Api> | null = null;
	let started = 0;
	let disposed = false;
	/** Once a worker could not start, the page runs the API for good. */
	let noWorkers = options.createWorker === null;
	const pending = new Set<Pending>();
	const channels = new Map<
		string,
		{ ticket: number; waiting: { resolve: (v: never) => void; reject: (e: unknown) => void }[] }
	>();

	function startInstance(): Instance<Api> {
		started++;
		let endpoint: WorkerEndpoint | null = null;
		if (!noWorkers && options.createWorker) {
			try {
				endpoint = options.createWorker();
			} catch (e) {
				noWorkers = true;
				options.onWorkerError?.(
					`The ${name} worker could not start (${(e as Error).message}); it runs in the page.`
				);
			}
		}
		let kill!: (reason: string) => void;
		const inst: Instance<Api> = {
			endpoint,
			remote: endpoint
				? Comlink.wrap<Api>(endpoint)
				: inPageApi<Api>(() => Promise.resolve(options.inPage())),
			dead: false,
			died: new Promise<never>((_, reject) => {
				kill = (reason) => reject(new WorkerCrashed(name, reason));
			}),
			kill: (reason) => kill(reason),
			setup: null
		};
		inst.died.catch(() => {}); // observed through the races in `attempt`
		if (endpoint) {
			endpoint.addEventListener('error', (e) => {
				(e as Event).preventDefault?.();
				crashed(inst, (e as ErrorEvent).message || 'an error it did not handle');
			});
			endpoint.addEventListener('messageerror', () => crashed(inst, 'a message could not be read'));
		}
		return inst;
	}

	function instance(): Instance<Api> {
		if (disposed) throw new Error(`The ${name} worker's client is closed.`);
		return (current ??= startInstance());
	}

	/** Stops an instance's worker without a word (a cancel, the client closed). */
	function stop(inst: Instance<Api>, reason: string) {
		if (inst.dead) return;
		inst.dead = true;
		inst.kill(reason);
		if (inst.endpoint) {
			try {
				void Promise.resolve(inst.remote[Comlink.releaseProxy]()).catch(() => {});
			} catch {
				// Already closed.
			}
			inst.endpoint.terminate?.();
			inst.endpoint.close?.();
		}
		if (current === inst) current = null;
	}

	/** A worker died: stop it, say so and start a fresh one, set up again. */
	function crashed(inst: Instance<Api>, reason: string) {
		if (inst.dead) return;
		stop(inst, reason);
		if (disposed) return;
		options.onWorkerError?.(
			options.failedMessage?.(reason) ??
				`The ${name} worker failed (${reason}). It was replaced by a new one.`
		);
		if (!current) current = startInstance();
	}

	function setupOf(inst: Instance<Api>): Promise<unknown> {
		if (!inst.setup) {
			const p = Promise.resolve().then(() => options.setup?.(inst.remote) ?? null);
			inst.setup = p;
			// A setup that failed is tried again by the next call.
			p.catch(() => {
				if (inst.setup === p) inst.setup = null;
			});
		}
		return inst.setup;
	}

	/** A promise that takes the instance for dead when it is not beaten within `ms`. */
	function watchdog(inst: Instance<Api>, ms: number | undefined): [Promise<never>, () => void] {
		if (ms === undefined || !inst.endpoint) return [new Promise<never>(() => {}), () => {}];
		const timer = setTimeout(
			() => crashed(inst, `no answer after ${Math.round(ms / 100) / 10} s`),
			ms
		);
		return [inst.died, () => clearTimeout(timer)];
	}

	/** The arguments as they are posted: plain data, callbacks as proxies. */
	function post(args: readonly unknown[], inst: Instance<Api>): unknown[] {
		return args.map((a) => {
			if (typeof a === 'function') return inst.endpoint ? Comlink.proxy(a) : a;
			return cloneable(a);
		});
	}

	async function attempt<K extends MethodOf<Api>>(
		method: K,
		args: ArgsOf<Api, K>,
		opts: CallOptions,
		call: Pending
	): Promise<ResultOf<Api, K>> {
		for (let tries = 0; ; tries++) {
			const inst = instance();
			try {
				await Promise.race([setupOf(inst), inst.died]);
				const fn = (inst.remote as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
				const [timeout, clear] = watchdog(inst, opts.timeoutMs);
				try {
					return (await Promise.race([
						Promise.resolve(fn(...post(args as unknown[], inst))),
						inst.died,
						timeout
					])) as ResultOf<Api, K>;
				} finally {
					clear();
				}
			} catch (e) {
				const again =
					e instanceof WorkerCrashed &&
					!call.cancelled &&
					!disposed &&
					opts.retry !== false &&
					tries === 0;
				if (!again) throw e;
			}
		}
	}

	function call<K extends MethodOf<Api>>(
		method: K,
		args: ArgsOf<Api, K>,
		opts: CallOptions = {}
	): Promise<ResultOf<Api, K>> {
		return new Promise<ResultOf<Api, K>>((resolve, reject) => {
			const { signal } = opts;
			const entry: Pending = { reject, cancelled: false };
			const onAbort = () => {
				entry.cancelled = true;
				reject(abortError(`The ${name} worker's call ${method} was cancelled.`));
			};
			if (signal?.aborted) return onAbort();
			signal?.addEventListener('abort', onAbort, { once: true });
			pending.add(entry);
			attempt(method, args, opts, entry)
				.then(resolve, reject)
				.finally(() => {
					pending.delete(entry);
					signal?.removeEventListener('abort', onAbort);
				});
		});
	}

	async function ready(): Promise<unknown> {
		for (let tries = 0; ; tries++) {
			const inst = instance();
			try {
				return await Promise.race([setupOf(inst), inst.died]);
			} catch (e) {
				if (!(e instanceof WorkerCrashed) || tries > 0 || disposed) throw e;
			}
		}
	}

	return {
		call,
		latest(method, args, opts) {
			let ch = channels.get(method);
			if (!ch) channels.set(method, (ch = { ticket: 0, waiting: [] }));
			const channel = ch;
			const ticket = ++channel.ticket;
			return new Promise((resolve, reject) => {
				channel.waiting.push({ resolve: resolve as (v: never) => void, reject });
				const settle = (fn: (w: (typeof channel.waiting)[number]) => void) => {
					if (ticket !== channel.ticket) return; // a newer call will answer everyone
					const waiting = channel.waiting;
					channel.waiting = [];
					waiting.forEach(fn);
				};
				call(method, args, opts).then(
					(r) => settle((w) => w.resolve(r as never)),
					(e) => settle((w) => w.reject(e))
				);
			});
		},
		ready,
		refresh() {
			const inst = instance();
			inst.setup = null;
			return ready();
		},
		start() {
			instance();
		},
		replace(reason) {
			if (current) crashed(current, reason);
		},
		cancel(reason = `Stopped before it finished.`) {
			for (const p of [...pending]) {
				p.cancelled = true;
				p.reject(abortError(reason));
			}
			pending.clear();
			if (current) stop(current, 'cancelled');
		},
		dispose() {
			for (const p of [...pending]) {
				p.cancelled = true;
				p.reject(abortError(`The ${name} worker's client was closed.`));
			}
			pending.clear();
			if (current) stop(current, 'closed');
			disposed = true;
		},
		get inPage() {
			return current ? current.endpoint === null : noWorkers;
		},
		get started() {
			return started;
		}
	};
}
