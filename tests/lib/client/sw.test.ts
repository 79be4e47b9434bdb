import { describe, expect, it, vi } from 'vitest';
import {
	SKIP_WAITING,
	checkForUpdate,
	registerServiceWorker,
	type PendingUpdate,
	type ServiceWorkerContainerLike
} from '$lib/client/sw';

/** A service worker in some state, that records the messages it is sent. */
class FakeWorker extends EventTarget {
	messages: unknown[] = [];
	constructor(public state: ServiceWorkerState) {
		super();
	}
	postMessage(message: unknown) {
		this.messages.push(message);
	}
	become(state: ServiceWorkerState) {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	update = vi.fn(async () => {});
	/** The browser found a new version and started installing it. */
	found(worker: FakeWorker) {
		this.installing = worker;
		this.dispatchEvent(new Event('updatefound'));
	}
}

class FakeContainer extends EventTarget {
	controller: FakeWorker | null;
	registration = new FakeRegistration();
	register = vi.fn(async () => this.registration as unknown as ServiceWorkerRegistration);
	constructor(controller: FakeWorker | null) {
		super();
		this.controller = controller;
	}
	/** A worker took over (clients.claim or skipWaiting). */
	takeOver(worker: FakeWorker) {
		this.controller = worker;
		this.dispatchEvent(new Event('controllerchange'));
	}
}

function setUp(controller: FakeWorker | null) {
	const container = new FakeContainer(controller);
	const updates: PendingUpdate[] = [];
	const reload = vi.fn();
	const registered = registerServiceWorker({
		url: '/service-worker.js',
		container: container as unknown as ServiceWorkerContainerLike,
		onUpdateReady: (u) => updates.push(u),
		reload
	});
	return { container, updates, reload, registered };
}

describe('registerServiceWorker', () => {
	it('registers the script as a classic worker', async () => {
		const { container, registered } = setUp(null);
		expect(await registered).toBe(container.registration);
		expect(container.register).toHaveBeenCalledWith('/service-worker.js', { type: 'classic' });
	});

	it('lets the first version take control without reloading or offering anything', async () => {
		const { container, updates, reload, registered } = setUp(null);
		await registered;
		const first = new FakeWorker('installing');
		container.registration.found(first);
		first.become('installed');
		first.become('activated');
		container.takeOver(first);
		expect(updates).toEqual([]);
		expect(reload).not.toHaveBeenCalled();
	});

	it('offers a new version once installed, and does nothing more until asked', async () => {
		const { container, updates, reload, registered } = setUp(new FakeWorker('activated'));
		await registered;
		const next = new FakeWorker('installing');
		container.registration.found(next);
		expect(updates).toHaveLength(0);
		next.become('installed');
		expect(updates).toHaveLength(1);
		expect(next.messages).toEqual([]);
		expect(reload).not.toHaveBeenCalled();
	});

	it('lets the new version take over only when applied, then reloads once', async () => {
		const { container, updates, reload, registered } = setUp(new FakeWorker('activated'));
		await registered;
		const next = new FakeWorker('installing');
		container.registration.found(next);
		next.become('installed');
		updates[0].apply();
		expect(next.messages).toEqual([{ type: SKIP_WAITING }]);
		expect(reload).not.toHaveBeenCalled();
		container.takeOver(next);
		container.takeOver(next);
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('offers a version left waiting by an earlier visit', async () => {
		const container = new FakeContainer(new FakeWorker('activated'));
		container.registration.waiting = new FakeWorker('installed');
		const updates: PendingUpdate[] = [];
		await registerServiceWorker({
			url: '/service-worker.js',
			container: container as unknown as ServiceWorkerContainerLike,
			onUpdateReady: (u) => updates.push(u)
		});
		expect(updates).toHaveLength(1);
	});

	it('resolves null where the browser has no service workers', async () => {
		const onUpdateReady = vi.fn();
		expect(await registerServiceWorker({ url: '/sw.js', container: null, onUpdateReady })).toBe(
			null
		);
	});

	it('reports a refused registration and resolves null', async () => {
		const container = new FakeContainer(null);
		container.register.mockRejectedValueOnce(new Error('The operation is insecure.'));
		const onError = vi.fn();
		const result = await registerServiceWorker({
			url: '/service-worker.js',
			container: container as unknown as ServiceWorkerContainerLike,
			onUpdateReady: vi.fn(),
			onError
		});
		expect(result).toBeNull();
		expect(onError).toHaveBeenCalledWith(
			expect.stringMatching(/could not be set up to work offline \(The operation is insecure\.\)/)
		);
	});
});

describe('checkForUpdate', () => {
	it('asks the browser to look for a new version', async () => {
		const registration = new FakeRegistration();
		await checkForUpdate(registration);
		expect(registration.update).toHaveBeenCalledOnce();
	});

	it('never rejects, offline or without a registration', async () => {
		const registration = new FakeRegistration();
		registration.update.mockRejectedValueOnce(new TypeError('Failed to fetch'));
		await expect(checkForUpdate(registration)).resolves.toBeUndefined();
		await expect(checkForUpdate(null)).resolves.toBeUndefined();
	});
});
