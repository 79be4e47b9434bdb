import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';

export default defineConfig({
	plugins: [sveltekit()],
	// Workers live beside src/ (workers/); the dev server must be allowed to serve them.
	server: { fs: { allow: ['workers'] } },
	worker: { format: 'es' },
	// Pre-bundled up front so that browser tests do not reload when Vite discovers them mid-run.
	optimizeDeps: { include: ['comlink', 'papaparse', 'idb', 'd3'] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/**/*.browser.test.ts', 'tests/e2e/**'],
					env: { TZ: 'Europe/London' }
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/**/*.browser.test.ts'],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({
							launchOptions: { executablePath: chromiumPath(), args: chromiumArgs }
						}),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
});
