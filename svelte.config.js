import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Content Security Policy (sent as a <meta> tag in each prerendered page; SvelteKit adds the
 * hashes of its own inline boot script). Councils' data must not leave the machine, so nothing
 * but this origin is allowed, and no 'unsafe-eval'. What the app needs, and why:
 * - script-src/worker-src 'self': the app's modules, the projection and import workers (Vite
 *   emits them as files of this origin) and the service worker.
 * - img-src data: blob:: the PNG export draws the chart from a data: URL; downloads are blob: links.
 * - style-src 'self': the app's stylesheets; no inline <style> elements. Svelte sets dynamic
 *   styles through the CSSOM (`style.cssText`), which a CSP does not restrict.
 * - style-src-attr 'unsafe-inline': style attributes written in markup, which SvelteKit's own
 *   route announcer has (they cannot run code, and their URLs are still held to img-src).
 * - script-src has no 'unsafe-eval' and no 'unsafe-inline': inline scripts are allowed by hash.
 * - connect-src 'self': SvelteKit's version check and the service worker's own fetches.
 */
const csp = {
	mode: /** @type {const} */ ('auto'),
	directives: {
		'default-src': ['self'],
		'script-src': ['self'],
		'worker-src': ['self'],
		'style-src': ['self'],
		'style-src-attr': ['unsafe-inline'],
		'img-src': ['self', 'data:', 'blob:'],
		'font-src': ['self'],
		'connect-src': ['self'],
		'manifest-src': ['self'],
		'media-src': ['self'],
		'frame-src': ['none'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A static client-only app: every page is prerendered as a shell and runs in the browser.
		// KIT_OUT_DIR / BUILD_DIR let several builds run side by side (parallel test runs).
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			fallback: undefined,
			strict: true
		}),
		alias: { $workers: 'workers' },
		csp,
		// Registered by src/lib/client/sw.ts, so that an update is offered, never forced mid-edit.
		// static/_headers is read by the host, never served (Netlify, Cloudflare Pages): caching
		// it would fail the service worker's install.
		serviceWorker: {
			register: false,
			files: (filepath) => !/(^|\/)_headers$/.test(filepath) && !/\.DS_Store/.test(filepath)
		}
	}
};

export default config;
