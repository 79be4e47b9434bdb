import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { watch } from './helpers';

/** Exports the open scenario set from the Scenarios page and returns it parsed. */
async function exportedSet(page: Page) {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export scenario set' }).click()
	]);
	return JSON.parse(await readFile((await download.path())!, 'utf8'));
}

async function upload(page: Page, name: string, value: unknown) {
	await page.getByTestId('import-file').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(value))
	});
}

test.describe('finite inputs that would overflow the projection', () => {
	test('are refused at import naming the field, row and year; nothing is saved and no verdict changes', async ({
		page,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/');
		await expect(page.getByTestId('first-breach')).toHaveCount(3, { timeout: 30_000 });
		const verdicts = await page.getByTestId('first-breach').allTextContents();

		await page.goto('/scenarios/');
		const file = await exportedSet(page);
		const cards = page.locator('[data-testid="scenario-list"] > li');
		const before = await cards.count();
		const errors = page.getByTestId('import-errors');

		const cost = structuredClone(file);
		cost.dataset.unitCosts[0].cost.value = 1e308;
		await upload(page, 'cost.json', cost);
		await expect(errors).toContainText(
			'Unit cost row 1 (setting "mainstream"): the cost must be from £0 to £2,000,000 a year, got 1e+308.'
		);
		await expect(errors).toContainText('Nothing was imported');

		const caseload = structuredClone(file);
		caseload.dataset.baseCaseload[0].count.value = 1e308;
		await upload(page, 'caseload.json', caseload);
		await expect(errors).toContainText(
			'Base caseload row 1 (NCY -4, setting "other"): the count must be a whole number from 0 to 1,000,000, got 1e+308.'
		);

		const levers = structuredClone(file);
		const baseline = levers.scenarios.find((s: { name: string }) => s.name === 'Baseline (trend)');
		for (let i = 0; i < 300; i++) {
			baseline.levers.push({
				id: `stacked-${i}`,
				label: `+1000% ${i}`,
				kind: 'joiners',
				multiplier: 11,
				band: null,
				from: null,
				until: null
			});
		}
		await upload(page, 'levers.json', levers);
		await expect(errors).toContainText(
			'Scenario "Baseline (trend)": in 2021/22 its 300 levers on new plans multiply them by about 10^312 together; the combined multiplier must be at most 11 (+1000%).'
		);
		await expect(cards).toHaveCount(before);

		// Nothing was saved: after a reload the dashboard gives the same verdicts, none blank.
		await page.goto('/');
		await expect(page.getByTestId('first-breach')).toHaveCount(3, { timeout: 30_000 });
		expect(await page.getByTestId('first-breach').allTextContents()).toEqual(verdicts);
		expect(verdicts.join(' ')).not.toMatch(/–|NaN|Infinity|Not computable/);
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});
});
