import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { appPages } from './pages';

/**
 * Accessibility: axe-core finds no serious or critical violation on any page (WCAG 2.x A/AA and
 * best practice rules), with the charts' data tables opened too; and the main navigation works
 * by keyboard alone.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; html: string }[];
}

declare global {
	interface Window {
		axe: {
			run: (
				context: Document,
				options: Record<string, unknown>
			) => Promise<{ violations: AxeResult[] }>;
		};
	}
}

/** Serious and critical violations on the page as it is now, one line per element. */
async function seriousViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE });
	const { violations } = await page.evaluate(() =>
		window.axe.run(document, { resultTypes: ['violations'] })
	);
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) =>
			v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')} — ${n.html}`)
		);
}

test.describe('accessibility', () => {
	// axe is injected as an inline script, which the app's own CSP rightly refuses.
	test.use({ bypassCSP: true });

	// A phone's width too: tables then scroll sideways, and must be reachable by keyboard.
	for (const [device, viewport] of [
		['desktop', { width: 1280, height: 800 }],
		['phone', { width: 390, height: 844 }]
	] as const) {
		test.describe(`at ${device} width`, () => {
			test.use({ viewport });
			for (const path of appPages()) {
				test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
					await page.goto(path);
					await expect(page.locator('main h1').first()).toBeVisible();
					await page.waitForLoadState('networkidle');
					// Open every disclosure (chart data tables, details) so their content is checked too.
					for (const summary of await page.locator('main details:not([open]) > summary').all()) {
						if (await summary.isVisible()) await summary.click();
					}
					const found = await seriousViolations(page);
					if (found.length) console.log(`axe on ${path} (${device}):\n  ${found.join('\n  ')}`);
					expect(found).toEqual([]);
				});
			}
		});
	}

	test('the main navigation works by keyboard alone, starting with a skip link', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.locator('main h1').first()).toBeVisible();
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page.locator('main')).toBeFocused();

		// Walk the navigation: after each page change focus goes back to the top of the page, so
		// the skip link comes first again and link i is i + 1 presses of Tab further on.
		await page.goto('/');
		await expect(page.locator('main h1').first()).toBeVisible();
		const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
		const labels = await links.allTextContents();
		expect(labels.length).toBeGreaterThanOrEqual(6);
		for (let i = 1; i < labels.length; i++) {
			await page.keyboard.press('Tab');
			await expect(skip).toBeFocused();
			for (let k = 0; k < i + 1; k++) await page.keyboard.press('Tab');
			const link = links.nth(i);
			await expect(link).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(link).toHaveAttribute('aria-current', 'page');
			await expect(page.locator('main h1').first()).toBeVisible();
		}
	});

	test('focus is always visible on the navigation links', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('main h1').first()).toBeVisible();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		const focused = page.locator(':focus');
		const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
		expect(outline).not.toBe('none');
	});
});
