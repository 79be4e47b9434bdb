/**
 * At 375 px, the narrowest common phone: the Monitoring figures, the slides' title, the
 * dashboard's menus and the full-screen slides all stay on the screen.
 */
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 375, height: 667 } });

test.describe('a 375 px phone', () => {
	test('shows every column of the Monitoring table without scrolling it sideways', async ({
		page
	}) => {
		await page.goto('/monitoring/');
		const table = page.getByTestId('monitoring-table');
		await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
		const fits = await table.evaluate((t) => {
			const box = t.parentElement!;
			return { table: t.scrollWidth, box: box.clientWidth };
		});
		expect(fits.table).toBeLessThanOrEqual(fits.box);
	});

	test('keeps every dashboard menu inside the screen', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByTestId('first-breach').first()).toBeVisible({ timeout: 30_000 });
		const rights = await page
			.locator('main select')
			.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
		expect(rights.length).toBeGreaterThan(0);
		for (const r of rights) expect(r).toBeLessThanOrEqual(375);
	});

	test('writes the title slide’s words whole, never broken inside a word', async ({ page }) => {
		await page.goto('/present/');
		const title = page.locator('h2.big');
		await expect(title).toHaveText('SEND Partnership Board', { timeout: 30_000 });
		const lines = await title.evaluate((h) => {
			const text = h.firstChild!;
			const range = document.createRange();
			const at = text.textContent!.indexOf('Partnership');
			range.setStart(text, at);
			range.setEnd(text, at + 'Partnership'.length);
			return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
		});
		expect(lines).toBe(1);
	});

	test('in full screen, keeps a long slide above the slide controls, scrolling in its own box', async ({
		page
	}) => {
		await page.goto('/present/');
		const deck = page.getByTestId('deck');
		await expect(deck).toBeVisible({ timeout: 30_000 });
		await page.getByRole('button', { name: 'Full screen' }).click();
		await expect(page.getByRole('button', { name: 'Exit full screen' })).toBeVisible();
		const slide = deck.getByRole('region');
		for (let i = 0; i < 10; i++) {
			if ((await slide.getAttribute('aria-label')) === 'Key messages') break;
			await page.getByRole('button', { name: 'Next →' }).click();
		}
		await expect(slide).toHaveAttribute('aria-label', 'Key messages');
		const nav = deck.getByRole('navigation', { name: 'Slides' });
		const slideBox = (await slide.boundingBox())!;
		const navBox = (await nav.boundingBox())!;
		expect(slideBox.y + slideBox.height).toBeLessThanOrEqual(navBox.y + 0.5);
		expect(navBox.y + navBox.height).toBeLessThanOrEqual(667 + 0.5);
	});
});
