import { expect, test, type Page } from '@playwright/test';

/**
 * Two tabs of one browser editing one dataset (issue 13, item 1): edits of different things made
 * in each both survive, even when a tab never heard of the other's save; the same thing changed
 * differently in both is put to the user, and nothing disappears unannounced.
 */

const kpiRow = (page: Page, ref: string) =>
	page.getByTestId('kpi-table').locator(`tr[data-kpi="${ref}"]`);

async function saveActual(page: Page, ref: string, period: string, value: string) {
	await page.getByRole('button', { name: `Edit KPI ${ref}`, exact: true }).click();
	const editor = page.getByTestId('kpi-editor');
	await editor.getByLabel(/^Period/).fill(period);
	await editor.getByLabel(/^Value/).fill(value);
	await editor.getByRole('button', { name: 'Save actual' }).click();
	await expect(editor.getByTestId('kpi-history')).toContainText(period);
}

async function saveOverride(page: Page, ref: string, rating: 'G' | 'A' | 'R', comment: string) {
	await page.getByRole('button', { name: `Edit KPI ${ref}`, exact: true }).click();
	const editor = page.getByTestId('kpi-editor');
	await editor.getByRole('combobox', { name: 'Rating', exact: true }).selectOption(rating);
	await editor.getByLabel(/^Comment/).fill(comment);
	await editor.getByRole('button', { name: 'Save override' }).click();
}

/** Opens Monitoring and waits for the KPI table (the machine may be busy). */
async function openMonitoring(page: Page) {
	await page.goto('/monitoring/');
	await expect(kpiRow(page, '2')).toBeVisible({ timeout: 30_000 });
}

/** A tab that hears nothing from the others (as when a message is lost, or no BroadcastChannel). */
async function deafTab(page: Page) {
	await page.addInitScript(() => {
		const Real = window.BroadcastChannel;
		// Its channels post as usual but never deliver a message to this tab.
		class Deaf extends Real {
			set onmessage(_listener: BroadcastChannel['onmessage']) {}
			get onmessage(): BroadcastChannel['onmessage'] {
				return null;
			}
		}
		Object.defineProperty(window, 'BroadcastChannel', { value: Deaf, configurable: true });
	});
}

test.describe('two tabs editing one dataset', () => {
	test('a KPI actual saved in one tab survives a later edit in a tab that was never reloaded', async ({
		context
	}) => {
		const a = await context.newPage();
		const b = await context.newPage();
		await deafTab(b);
		await openMonitoring(a);
		await openMonitoring(b);
		await expect(kpiRow(b, '1')).toContainText('1,447');

		await saveActual(a, '1', '2021-09', '1,500');
		await expect(kpiRow(a, '1')).toContainText('1,500');
		// Tab B still shows its old copy, and edits another KPI.
		await expect(kpiRow(b, '1')).toContainText('1,447');
		await saveOverride(b, '2', 'A', 'Tab B comment on KPI 2');
		await expect(kpiRow(b, '2')).toContainText('Tab B comment on KPI 2');
		// Nothing was lost in storage: a fresh load of A has both edits.
		await a.reload();
		await expect(kpiRow(a, '1')).toContainText('1,500', { timeout: 30_000 });
		await expect(kpiRow(a, '2')).toContainText('Tab B comment on KPI 2');
		// B's save was merged with A's: B now shows A's actual too, and says so.
		await expect(kpiRow(b, '1')).toContainText('1,500');
		await expect(b.getByRole('main')).toContainText(
			'saved together with changes made to it in another tab'
		);
		await b.reload();
		await expect(kpiRow(b, '1')).toContainText('1,500', { timeout: 30_000 });
		await expect(kpiRow(b, '2')).toContainText('Tab B comment on KPI 2');
	});

	test('a tab that hears of the other’s save shows it at once', async ({ context }) => {
		const a = await context.newPage();
		const b = await context.newPage();
		await openMonitoring(a);
		await openMonitoring(b);
		await saveActual(a, '1', '2021-09', '1,500');
		await expect(kpiRow(b, '1')).toContainText('1,500');
		await expect(b.getByRole('main')).toContainText('was updated in another tab');
	});

	test('the same thing changed differently in both tabs is put to the user, who keeps either', async ({
		context
	}) => {
		const a = await context.newPage();
		const b = await context.newPage();
		await deafTab(b);
		await openMonitoring(a);
		await openMonitoring(b);
		await expect(kpiRow(b, '1')).toContainText('1,447');

		await saveActual(a, '1', '2021-09', '1,500');
		await saveOverride(a, '2', 'A', 'Comment from tab A');
		await expect(kpiRow(a, '2')).toContainText('Comment from tab A');
		await saveOverride(b, '2', 'R', 'Comment from tab B');

		const dialog = b.getByTestId('dataset-conflict-dialog');
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText('KPI 2');
		await expect(dialog).toContainText('Comment from tab A');
		await expect(dialog).toContainText('Comment from tab B');
		// Nothing of B's was saved yet: A's comment is what is stored.
		await a.reload();
		await expect(kpiRow(a, '2')).toContainText('Comment from tab A', { timeout: 30_000 });

		await dialog.getByRole('button', { name: 'Keep mine' }).click();
		await expect(dialog).toBeHidden();
		await expect(kpiRow(b, '2')).toContainText('Comment from tab B');
		// A's unrelated actual came through the settlement.
		await expect(kpiRow(b, '1')).toContainText('1,500');
		await b.reload();
		await expect(kpiRow(b, '2')).toContainText('Comment from tab B', { timeout: 30_000 });
		await expect(kpiRow(b, '1')).toContainText('1,500');
	});

	test('keep both saves this tab’s whole version as a new dataset', async ({ context }) => {
		const a = await context.newPage();
		const b = await context.newPage();
		await deafTab(b);
		await openMonitoring(a);
		await openMonitoring(b);
		await expect(kpiRow(b, '2')).toBeVisible();
		await saveOverride(a, '2', 'A', 'Comment from tab A');
		await expect(kpiRow(a, '2')).toContainText('Comment from tab A');
		await saveOverride(b, '2', 'R', 'Comment from tab B');
		const dialog = b.getByTestId('dataset-conflict-dialog');
		await dialog.getByRole('button', { name: /Keep both/ }).click();
		await expect(b.getByRole('main')).toContainText('(my version)');
		await expect(kpiRow(b, '2')).toContainText('Comment from tab A');
		await b.goto('/data/');
		await expect(b.getByRole('main')).toContainText('(my version)');
	});
});
