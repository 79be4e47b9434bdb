import { expect, test, type Page } from '@playwright/test';
import { appPages } from './pages';

/**
 * Privacy: the app requests nothing from any origin but its own (pages, workers and the service
 * worker alike), runs under a Content Security Policy without 'unsafe-eval' that it never
 * violates (exports included), and asks the browser to keep its data, showing the answer.
 */

interface Violation {
	directive: string;
	blocked: string;
	source: string;
	sample: string;
}

declare global {
	interface Window {
		__cspViolations: Violation[];
	}
}

/** Records every CSP violation of the page (an init script runs before the page's own code). */
async function recordViolations(page: Page) {
	await page.addInitScript(() => {
		window.__cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) => {
			window.__cspViolations.push({
				directive: e.violatedDirective,
				blocked: e.blockedURI,
				source: `${e.sourceFile}:${e.lineNumber}`,
				sample: e.sample
			});
		});
	});
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations);

test.describe('privacy', () => {
	test('every page requests nothing from another origin and breaks no CSP rule', async ({
		page,
		context,
		baseURL
	}) => {
		const origin = new URL(baseURL!).origin;
		const foreign: string[] = [];
		const consoleErrors: string[] = [];
		// Context-wide: requests of the pages, their workers and the service worker.
		context.on('request', (r) => {
			const url = r.url();
			if (url.startsWith('data:') || url.startsWith('blob:')) return;
			if (new URL(url).origin !== origin) foreign.push(url);
		});
		page.on('console', (m) => {
			if (m.type() === 'error') consoleErrors.push(m.text());
		});
		page.on('pageerror', (e) => consoleErrors.push(e.message));
		await recordViolations(page);

		const pages = appPages();
		for (const path of pages) {
			await page.goto(path);
			await expect(page.locator('main h1').first()).toBeVisible();
			await page.waitForLoadState('networkidle');
			expect(await violations(page), `CSP violations on ${path}`).toEqual([]);
		}
		expect(foreign).toEqual([]);
		expect(consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
	});

	test('the policy forbids eval and foreign origins, and is on every page', async ({ page }) => {
		for (const path of appPages()) {
			await page.goto(path);
			const policy = await page
				.locator('meta[http-equiv="content-security-policy"]')
				.getAttribute('content');
			expect(policy, `no CSP on ${path}`).toBeTruthy();
			expect(policy).not.toContain('unsafe-eval');
			expect(policy).toMatch(/default-src 'self'/);
			expect(policy).toMatch(/object-src 'none'/);
			const scriptSrc = /script-src ([^;]*)/.exec(policy!)?.[1] ?? '';
			expect(scriptSrc).not.toContain('unsafe-inline');
			expect(scriptSrc).not.toMatch(/https?:|\*/);
			// Inline style elements stay forbidden; only style attributes are allowed.
			expect(/style-src ([^;]*)/.exec(policy!)?.[1]).not.toContain('unsafe-inline');
		}
	});

	test('exports (SVG, PNG, CSV, XLSX) work under the policy, with nothing sent anywhere', async ({
		page,
		baseURL
	}) => {
		const origin = new URL(baseURL!).origin;
		const foreign: string[] = [];
		page.on('request', (r) => {
			const url = r.url();
			if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin)
				foreign.push(url);
		});
		await recordViolations(page);
		const tried = new Set<string>();
		for (const path of appPages()) {
			await page.goto(path);
			await expect(page.locator('main h1').first()).toBeVisible();
			for (const format of ['svg', 'png', 'csv', 'xlsx']) {
				if (tried.has(format)) continue;
				const button = page.locator(`button[data-export="${format}"]`).first();
				if ((await button.count()) === 0 || !(await button.isVisible())) continue;
				const download = page.waitForEvent('download');
				await button.click();
				const file = await download;
				expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
				tried.add(format);
			}
			expect(await violations(page), `CSP violations exporting on ${path}`).toEqual([]);
		}
		test.info().annotations.push({
			type: 'exports tried',
			description: [...tried].join(', ') || 'none (no export buttons yet)'
		});
		expect(foreign).toEqual([]);
	});

	test('the app asks the browser to keep its data and shows the answer and the space used', async ({
		page
	}) => {
		for (const path of ['/', '/data/']) {
			await page.goto(path);
			const panel = page.getByTestId('storage-panel');
			await expect(panel).toHaveAttribute('data-persisted', /^(true|false)$/);
			await expect(panel.getByTestId('storage-persistence')).toHaveText(
				/Persistent storage (granted|not granted)/
			);
			await expect(panel.getByTestId('storage-usage')).toHaveText(
				/Using [\d.]+ (B|kB|MB|GB) of the [\d.]+ (B|kB|MB|GB|TB) this browser allows/
			);
		}
		const asked = await page.evaluate(() => navigator.storage.persisted());
		const shown = await page.getByTestId('storage-panel').getAttribute('data-persisted');
		expect(shown).toBe(String(asked));
	});
});
