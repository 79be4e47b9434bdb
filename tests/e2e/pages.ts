/**
 * The app's pages for end-to-end checks that must cover every page: the ones that always exist,
 * plus every page the build prerendered (so a page added later is checked without editing the
 * tests). Read from the build the preview server serves (KIT_OUT_DIR, as in svelte.config.js).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Pages every build has. */
export const CORE_PAGES = [
	'/',
	'/scenarios/',
	'/compare/',
	'/monitoring/',
	'/data/',
	'/methodology/'
] as const;

/** The prerendered pages of the build under test, as paths ending in `/`, core pages first. */
export function appPages(): string[] {
	const root = join(process.env.KIT_OUT_DIR ?? '.svelte-kit', 'output', 'prerendered', 'pages');
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name === 'index.html') {
				const rel = relative(root, dir).split(sep).join('/');
				found.push(rel === '' ? '/' : `/${rel}/`);
			}
		}
	};
	if (existsSync(root)) walk(root);
	const extra = found.filter((p) => !(CORE_PAGES as readonly string[]).includes(p)).sort();
	return [...CORE_PAGES, ...extra];
}
