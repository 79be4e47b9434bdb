/** Shared checks for end-to-end tests: console errors and requests to other origins. */
import type { Page } from '@playwright/test';

export interface Watch {
	errors: string[];
	foreign: string[];
}

/**
 * Records console errors, uncaught page errors and every request to an origin other than the
 * app's own (data: and blob: URLs are local).
 */
export function watch(page: Page, origin: string): Watch {
	const w: Watch = { errors: [], foreign: [] };
	page.on('console', (m) => {
		if (m.type() === 'error') w.errors.push(m.text());
	});
	page.on('pageerror', (e) => w.errors.push(e.message));
	page.on('request', (r) => {
		const url = r.url();
		if (url.startsWith('data:') || url.startsWith('blob:')) return;
		if (new URL(url).origin !== origin) w.foreign.push(url);
	});
	return w;
}
