import { expect, test, type Page } from '@playwright/test';

/**
 * Each scenario keeps one colour everywhere (issue 11 item 4, decision 0029): the colour stored
 * with it is the stroke of its line on the dashboard, Compare, the Report and the slides; the cap
 * is drawn above every scenario in a colour none of them uses, labelled, and the first breach is
 * marked.
 */

const DEFICIT = 'Cumulative DSG deficit before Safety Valve funding';

/** The stroke of a scenario's line in the deficit chart on the page, read by its data-scenario-id. */
async function strokeOf(page: Page, id: string): Promise<string> {
	const line = page
		.getByRole('img', { name: new RegExp(DEFICIT) })
		.locator(`g.scenario[data-scenario-id="${id}"] .line path`)
		.first();
	await expect(line).toBeAttached({ timeout: 30_000 });
	return line.evaluate((el) => getComputedStyle(el).stroke);
}

test.describe('scenario colours and the cap', () => {
	test('a scenario’s colour, changed on its page, is the same on the dashboard, Compare, the Report and the slides', async ({
		page
	}) => {
		// Five page loads on a machine that may be busy.
		test.setTimeout(240_000);
		// A scenario the Report shows (it shows the plan and the projection).
		await page.goto('/report/');
		const first = page
			.getByRole('img', { name: new RegExp(DEFICIT) })
			.locator('g.scenario[data-scenario-id]')
			.first();
		await expect(first).toBeAttached({ timeout: 30_000 });
		const id = (await first.getAttribute('data-scenario-id'))!;

		await page.goto(`/scenarios/edit/?id=${encodeURIComponent(id)}`);
		const name = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
		// Pink: a colour no default scenario starts with, so an index-based colour cannot pass.
		const picker = page.getByRole('radiogroup', { name: `Colour of ${name}` });
		await picker.getByRole('radio', { name: 'Pink' }).check({ force: true });
		const pink = 'rgb(204, 121, 167)';
		await expect.poll(() => strokeOf(page, id)).toBe(pink);
		// Saved before leaving (the autosave): the pages below read it from storage.
		await expect
			.poll(() =>
				page.evaluate(
					(sid) =>
						new Promise<string | undefined>((resolve, reject) => {
							const open = indexedDB.open('send-workbench');
							open.onerror = () => reject(open.error);
							open.onsuccess = () => {
								const get = open.result.transaction('scenarios').objectStore('scenarios').get(sid);
								get.onsuccess = () => {
									open.result.close();
									resolve(get.result?.scenario.colour);
								};
							};
						}),
					id
				)
			)
			.toBe('#CC79A7');

		await page.goto('/');
		expect(await strokeOf(page, id)).toBe(pink);

		await page.goto(`/compare/?ids=${encodeURIComponent(id)}`);
		expect(await strokeOf(page, id)).toBe(pink);

		await page.goto('/report/');
		expect(await strokeOf(page, id)).toBe(pink);

		await page.goto('/present/');
		await expect(page.getByTestId('slide-counter')).toBeVisible();
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('slide-announcement')).toHaveText(/Deficit against the cap/);
		expect(await strokeOf(page, id)).toBe(pink);
	});

	test('the cap is drawn above every scenario, in a colour none uses, labelled, with the first breach marked', async ({
		page
	}) => {
		await page.goto('/');
		const chart = page.getByRole('img', { name: new RegExp(DEFICIT) });
		const cap = chart.locator('g.cap .line path');
		await expect(cap).toBeAttached({ timeout: 30_000 });
		// Drawn after (so above) every scenario's group.
		const capLast = await chart.evaluate((svg) => {
			const all = [...svg.querySelectorAll('g.scenario, g.cap')];
			return all[all.length - 1]?.classList.contains('cap') ?? false;
		});
		expect(capLast).toBe(true);
		const capStroke = await cap.evaluate((el) => getComputedStyle(el).stroke);
		const scenarioStrokes = await chart
			.locator('g.scenario .line path')
			.evaluateAll((els) => els.map((el) => getComputedStyle(el).stroke));
		expect(scenarioStrokes.length).toBeGreaterThan(0);
		expect(scenarioStrokes).not.toContain(capStroke);
		await expect(cap).toHaveAttribute('stroke-dasharray', /\d/);
		// Kingston's cap changes from year to year: the label names the year of the value it shows.
		await expect(chart.locator('g.cap text')).toHaveText([/^Cap \d{4}\/\d{2}$/, /^£\d+\.\dm$/]);
		// Kingston's baseline breaches the cap: its first breach year is marked, and, as several
		// scenarios are shown, whose breach it is.
		await expect(chart.locator('g.rule-x text')).toHaveText(
			/^First breach \d{4}\/\d{2}: .*Baseline/
		);
		await expect(chart.locator('g.breach').first()).toBeAttached();
	});
});
