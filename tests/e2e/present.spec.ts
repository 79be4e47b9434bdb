import { expect, test } from '@playwright/test';
import { watch } from './helpers';

/** Presentation mode: slides for the SEND Partnership Board, navigable by keyboard. */

test.describe('presentation mode', () => {
	test('moves between slides with the keyboard and announces where it is', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/present/');
		const counter = page.getByTestId('slide-counter');
		const said = page.getByTestId('slide-announcement');
		await expect(counter).toHaveText('Slide 1 of 6');
		await expect(said).toHaveAttribute('aria-live', 'polite');
		await expect(
			page.getByRole('heading', { level: 2, name: 'SEND Partnership Board' })
		).toBeVisible();

		await page.keyboard.press('ArrowRight');
		await expect(counter).toHaveText('Slide 2 of 6');
		await expect(said).toHaveText('Slide 2 of 6: Deficit against the cap');
		await expect(page.getByRole('region', { name: 'Deficit against the cap' })).toBeVisible();
		const chart = page.getByRole('img', { name: /Cumulative DSG deficit before Safety Valve/ });
		await expect(chart).toBeVisible();
		await expect(chart.locator('path').first()).toBeAttached();

		await page.keyboard.press('PageDown');
		await expect(said).toHaveText('Slide 3 of 6: EHCP growth by placement');
		await expect(page.getByRole('img', { name: /EHCPs by placement category/ })).toBeVisible();
		await expect(
			page
				.getByRole('img', { name: /EHCPs by placement category/ })
				.locator('rect')
				.first()
		).toBeAttached();

		// Arrow keys in a control belong to the control, not to the deck.
		const pick = page.getByLabel('Scenario');
		await pick.focus();
		await page.keyboard.press('ArrowDown');
		await expect(counter).toHaveText('Slide 3 of 6');
		await page.locator('body').click({ position: { x: 5, y: 5 } });

		await page.keyboard.press('End');
		await expect(said).toHaveText('Slide 6 of 6: Key messages');
		const messages = page.getByTestId('key-messages');
		await expect(messages).toContainText('SVA financial model 2021/22');
		await expect(messages).toContainText(/(first breaches|stays under) the cap/);
		await expect(messages).toContainText('EHCPs go from 1,436 in January 2021');
		await page.keyboard.press('ArrowRight');
		await expect(counter).toHaveText('Slide 6 of 6');

		await page.keyboard.press('PageUp');
		await expect(said).toHaveText('Slide 5 of 6: KPI ratings');
		const counts = page.getByTestId('rag-counts');
		await expect(counts.locator('[data-rag="G"]')).toContainText('Green');
		await expect(counts.locator('[data-rag="A"]')).toContainText('Amber');
		await expect(counts.locator('[data-rag="R"]')).toContainText('0 Red');
		await expect(page.getByTestId('rag-flagged')).toContainText('Savings / mitigation - HNB only');
		await expect(page.getByTestId('rag-flagged')).toContainText('Amber');

		await page.keyboard.press('ArrowLeft');
		await expect(said).toHaveText('Slide 4 of 6: Scenarios compared');
		await expect(page.getByTestId('comparison-table').locator('tbody tr')).toHaveCount(3);
		await page.keyboard.press('Home');
		await expect(counter).toHaveText('Slide 1 of 6');
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('the buttons work too, and the counter says where the ends are', async ({ page }) => {
		await page.goto('/present/');
		const previous = page.getByRole('button', { name: '← Previous' });
		const next = page.getByRole('button', { name: 'Next →' });
		await expect(previous).toBeDisabled();
		for (let i = 0; i < 5; i++) await next.click();
		await expect(page.getByTestId('slide-counter')).toHaveText('Slide 6 of 6');
		await expect(next).toBeDisabled();
		await previous.click();
		await expect(page.getByTestId('slide-counter')).toHaveText('Slide 5 of 6');
	});
});
