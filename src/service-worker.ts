/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * The service worker: after the first visit the workbench loads and works with no network.
 *
 * - On install it stores every file of this version: Vite's build output (app code, workers,
 *   styles), the static files and every prerendered page. A version is one cache, named after it.
 * - Requests for those files are answered from the cache first: this version's pages always get
 *   this version's code, whatever the server now holds. Anything else goes to the network; a page
 *   navigation that fails offline gets its prerendered shell (or the dashboard's).
 * - A new version installs alongside and waits: it takes over only when a page asks (the user
 *   clicked "Reload" in the update banner, src/lib/client/sw.ts), never by itself mid-edit. Once
 *   it does, the caches of older versions are deleted.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { SKIP_WAITING } from '$lib/client/sw';

const sw = self as unknown as ServiceWorkerGlobalScope;

const PREFIX = 'send-workbench-';
const CACHE = `${PREFIX}${version}`;
const ASSETS = [...new Set([...build, ...files, ...prerendered])];
const PRECACHED = new Set(ASSETS);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
			}
			// Control the pages already open, so the first visit is covered offline too.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	event.respondWith(respond(request, url));
});

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	// Pages are static shells that read their query in the browser: the path names the file.
	if (PRECACHED.has(url.pathname)) {
		const hit = await cache.match(url.pathname);
		if (hit) return hit;
	}
	try {
		return await fetch(request);
	} catch (error) {
		if (request.mode === 'navigate') {
			const page = (await cache.match(withSlash(url.pathname))) ?? (await cache.match(`${base}/`));
			if (page) return page;
		}
		throw error;
	}
}

/** `/compare` → `/compare/`: pages are prerendered with a trailing slash. */
function withSlash(path: string): string {
	return path.endsWith('/') ? path : `${path}/`;
}
