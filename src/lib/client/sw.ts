/**
 * Registering the service worker (src/service-worker.ts) and offering its updates. SvelteKit's
 * own registration is switched off (`kit.serviceWorker.register: false`) because it lets a new
 * version take over whenever it likes; here a new version waits, the page is told, and it takes
 * over only when the user asks (after their edits are saved), so an update never lands mid-edit.
 */

/** The message that tells a waiting service worker to take over (src/service-worker.ts). */
export const SKIP_WAITING = 'send-workbench:skip-waiting';

/** A new version, installed and waiting. */
export interface PendingUpdate {
	/** Lets the new version take over; the page then reloads into it. */
	apply(): void;
}

/** What registerServiceWorker needs of the browser (navigator.serviceWorker), for tests. */
export type ServiceWorkerContainerLike = Pick<
	ServiceWorkerContainer,
	'register' | 'addEventListener' | 'controller'
>;

export interface RegisterOptions {
	/** The script's URL, e.g. `/service-worker.js`. */
	url: string;
	/** Told once a new version is installed and waiting while an older one controls the page. */
	onUpdateReady: (update: PendingUpdate) => void;
	/** Told when registration fails (the app works on, without offline use). */
	onError?: (message: string) => void;
	/** navigator.serviceWorker unless given. */
	container?: ServiceWorkerContainerLike | null;
	/** Reloads the page once the new version has taken over; location.reload() unless given. */
	reload?: () => void;
	/** Passed to register(): 'module' in development (Vite serves it unbundled). */
	type?: WorkerType;
}

function defaultContainer(): ServiceWorkerContainerLike | null {
	return typeof navigator !== 'undefined' && 'serviceWorker' in navigator
		? navigator.serviceWorker
		: null;
}

/**
 * Registers the service worker and watches for a new version. Resolves with the registration, or
 * null where the browser has no service workers or refused (the app then simply needs the
 * network to load). The first install takes control without a reload; later versions are only
 * offered through `onUpdateReady`.
 * @example
 * await registerServiceWorker({ url: '/service-worker.js', onUpdateReady: (u) => (pending = u) });
 */
export async function registerServiceWorker(
	options: RegisterOptions
): Promise<ServiceWorkerRegistration | null> {
	const container = options.container === undefined ? defaultContainer() : options.container;
	if (!container) return null;
	let requested = false;
	let reloading = false;
	container.addEventListener('controllerchange', () => {
		// The first install also changes the controller (clients.claim): only reload when asked.
		if (!requested || reloading) return;
		reloading = true;
		(options.reload ?? (() => location.reload()))();
	});

	let registration: ServiceWorkerRegistration;
	try {
		registration = await container.register(options.url, { type: options.type ?? 'classic' });
	} catch (e) {
		options.onError?.(
			`The workbench could not be set up to work offline (${e instanceof Error ? e.message : String(e)}); it works as usual while the network is on.`
		);
		return null;
	}

	let offered: ServiceWorker | null = null;
	const offer = (worker: ServiceWorker) => {
		if (offered === worker) return;
		offered = worker;
		options.onUpdateReady({
			apply() {
				requested = true;
				worker.postMessage({ type: SKIP_WAITING });
			}
		});
	};
	const watch = (worker: ServiceWorker) => {
		worker.addEventListener('statechange', () => {
			if (worker.state === 'installed' && container.controller) offer(worker);
		});
	};
	// A version that finished installing while no tab had reloaded (e.g. on an earlier visit).
	if (registration.waiting && container.controller) offer(registration.waiting);
	if (registration.installing) watch(registration.installing);
	registration.addEventListener('updatefound', () => {
		if (registration.installing) watch(registration.installing);
	});
	return registration;
}

/**
 * Asks the browser to look for a new version now (it also does on every full page load). Never
 * rejects: offline, there is simply nothing new.
 * @example document.addEventListener('visibilitychange', () => void checkForUpdate(registration));
 */
export async function checkForUpdate(
	registration: { update(): Promise<unknown> } | null
): Promise<void> {
	try {
		await registration?.update();
	} catch {
		// Offline or the server is down: the running version carries on.
	}
}
