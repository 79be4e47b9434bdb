import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { watch } from './helpers';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE });
	const violations = await page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: (d: Document) => Promise<{
						violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
					}>;
				};
			}
		).axe;
		return (await axe.run(document)).violations;
	});
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')}`));
}

const lastHeadroom = (page: Page) => page.getByTestId('headroom-4');
const chartLine = (page: Page, name: string) =>
	page.locator(`g.line[data-series="${name}"] path`).first();
const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveText(/Saved/);

test.describe('the scenario workbench', () => {
	test('create a scenario, move a slider, see the chart and headroom change, undo, reload and find it kept', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/scenarios/');
		await page.getByLabel('Made from').selectOption({ label: 'Baseline (trend)' });
		await page.getByLabel('Name', { exact: true }).fill('Growth test');
		await page.getByRole('button', { name: 'Create and edit' }).click();
		await expect(page).toHaveURL(/\/scenarios\/edit\/\?id=/);
		await expect(page.getByRole('heading', { level: 1, name: 'Growth test' })).toBeVisible();
		// The "How it differs" line (the assumptions list below also says what it was made from).
		await expect(page.getByRole('region', { name: 'How it differs' })).toContainText(
			'Made from Baseline (trend)'
		);

		const headroomBefore = await lastHeadroom(page).textContent();
		const lineBefore = await chartLine(page, 'Growth test').getAttribute('d');

		await page.getByLabel('Kind of demand lever to add').selectOption({ label: 'New plans' });
		await page.getByRole('button', { name: 'Add demand lever' }).click();
		const slider = page.getByRole('slider', { name: 'Change in new plans (slider)' });
		await expect(slider).toBeVisible();
		await slider.fill('20');

		const typed = page.getByRole('textbox', { name: 'Change in new plans' });
		await expect(typed).toHaveValue('20');
		await expect(lastHeadroom(page)).not.toHaveText(headroomBefore!);
		await expect.poll(() => chartLine(page, 'Growth test').getAttribute('d')).not.toBe(lineBefore);
		await expect(page.getByTestId('differences')).toContainText(
			'new plans ×1.2 (+20%) from 2022/23'
		);
		const headroomAt20 = await lastHeadroom(page).textContent();

		// An invalid value is explained inline and not applied.
		await typed.fill('-150');
		await expect(page.getByText(/is too low/)).toBeVisible();
		await expect(typed).toHaveAttribute('aria-invalid', 'true');
		await expect(lastHeadroom(page)).toHaveText(headroomAt20!);

		// A typed value applies; Undo and Redo step through the edits, and so does Ctrl+Z.
		await typed.fill('35');
		await expect(page.getByTestId('differences')).toContainText('×1.35 (+35%)');
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(typed).toHaveValue('20');
		await expect(lastHeadroom(page)).toHaveText(headroomAt20!);
		await page.getByRole('button', { name: 'Redo' }).click();
		await expect(typed).toHaveValue('35');
		await page.getByRole('heading', { level: 1 }).click();
		await page.keyboard.press('Control+z');
		await expect(typed).toHaveValue('20');

		await saved(page);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Growth test' })).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Change in new plans' })).toHaveValue('20');
		await expect(lastHeadroom(page)).toHaveText(headroomAt20!);
		await expect(page.getByTestId('differences')).toContainText(
			'new plans ×1.2 (+20%) from 2022/23'
		);

		// The background Monte Carlo follows, with its bands and probabilities.
		await expect(page.getByTestId('simulation-status')).toContainText('1,000 simulations', {
			timeout: 30_000
		});
		await expect(page.getByTestId('p-breach')).toBeVisible();
		await expect(page.locator('g.band[data-series$="5th–95th percentile"] path')).toHaveCount(1);

		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test('levers in the plan’s own terms: add each, see it in words, and the result changes', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/scenarios/');
		await page.getByLabel('Made from').selectOption({ label: 'Baseline (trend)' });
		await page.getByLabel('Name', { exact: true }).fill('Plan terms');
		await page.getByRole('button', { name: 'Create and edit' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Plan terms' })).toBeVisible();
		const plain = await lastHeadroom(page).textContent();

		const cases: {
			group: string;
			kind: string;
			dataKind: string;
			field: string;
			value: string;
			words: RegExp;
		}[] = [
			{
				group: 'demand',
				kind: 'Total EHC plans grow',
				dataKind: 'total_growth',
				field: 'Growth of total EHC plans a year',
				value: '3',
				words: /^total EHC plans grow 3% a year from 2022\/23$/
			},
			{
				group: 'demand',
				kind: 'New plans a year',
				dataKind: 'new_plans',
				field: 'New plans a year',
				value: '120',
				words: /^120 new plans a year from 2022\/23$/
			},
			{
				group: 'placements',
				kind: 'Move existing placements',
				dataKind: 'move_placements',
				field: 'Share of children placed there who move',
				value: '20',
				words: /^20% of children placed in .+ move to .+, costed there in 2022\/23$/
			}
		];
		for (const c of cases) {
			await page.getByLabel(`Kind of ${c.group} lever to add`).selectOption({ label: c.kind });
			await page.getByRole('button', { name: `Add ${c.group} lever` }).click();
			const card = page.locator(`article.lever[data-kind="${c.dataKind}"]`);
			await expect(card).toHaveCount(1);
			await card.getByRole('textbox', { name: c.field, exact: true }).fill(c.value);
			await expect(card.getByTestId('lever-words')).toHaveText(c.words);
			const words = await card.getByTestId('lever-words').textContent();
			await expect(page.getByTestId('differences')).toContainText(words!);
			await expect(lastHeadroom(page)).not.toHaveText(plain!);
			// Removed, the scenario is the baseline again.
			await card.getByRole('button', { name: /^Remove lever/ }).click();
			await expect(card).toHaveCount(0);
			await expect(lastHeadroom(page)).toHaveText(plain!);
		}
		expect(w.errors).toEqual([]);
	});

	test('rename, duplicate and delete (with confirmation) a scenario', async ({ page, baseURL }) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/scenarios/');
		const card = (name: string) => page.locator(`li[data-scenario="${name}"]`);
		await page.getByRole('button', { name: 'Duplicate May 2021 projection' }).click();
		await expect(card('May 2021 projection — copy')).toBeVisible();

		await page.getByRole('button', { name: 'Rename May 2021 projection — copy' }).click();
		const rename = page.getByTestId('rename-dialog');
		await expect(rename).toBeVisible();
		await rename.getByLabel('New name').fill('SVA financial model 2021/22');
		await rename.getByRole('button', { name: 'Rename' }).click();
		await expect(rename.getByText(/There is already a scenario called/)).toBeVisible();
		await rename.getByLabel('New name').fill('Renamed copy');
		await rename.getByRole('button', { name: 'Rename' }).click();
		await expect(rename).toBeHidden();
		await expect(card('Renamed copy')).toBeVisible();
		await expect(card('Renamed copy')).toContainText('Made from May 2021 projection');

		await page.getByRole('button', { name: 'Delete Renamed copy' }).click();
		const dialog = page.getByTestId('delete-dialog');
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(dialog).toBeHidden();
		await expect(card('Renamed copy')).toBeVisible();
		await page.getByRole('button', { name: 'Delete Renamed copy' }).click();
		await dialog.getByRole('button', { name: 'Delete' }).click();
		await expect(card('Renamed copy')).toHaveCount(0);
		await page.reload();
		await expect(card('May 2021 projection')).toBeVisible();
		await expect(card('Renamed copy')).toHaveCount(0);
		expect(w.errors).toEqual([]);
	});

	test('export a scenario set, import it back with a new scenario, and refuse newer or foreign files', async ({
		page,
		baseURL
	}) => {
		const w = watch(page, new URL(baseURL!).origin);
		await page.goto('/scenarios/');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export scenario set' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(
			/^kingston-upon-thames-scenarios-\d{4}-\d\d-\d\d\.json$/
		);
		const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
		expect(file.format).toBe('send-workbench/scenario-set');
		const cards = page.locator('[data-testid="scenario-list"] > li');
		const before = await cards.count();

		const input = page.getByTestId('import-file');
		const upload = (name: string, value: unknown) =>
			input.setInputFiles({
				name,
				mimeType: 'application/json',
				buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))
			});

		await upload('future.json', { ...file, version: 99 });
		await expect(page.getByTestId('import-errors')).toContainText(
			'"future.json" was made by a newer version of the workbench'
		);
		await expect(page.getByTestId('import-errors')).toContainText('Nothing was imported');
		await expect(cards).toHaveCount(before);

		await upload('budget.json', { format: 'council-budget', version: 1 });
		await expect(page.getByTestId('import-errors')).toContainText(
			'"budget.json" is not a scenario set'
		);
		await expect(cards).toHaveCount(before);

		const extra = {
			...file.scenarios[0],
			id: 'imported-scenario',
			name: 'Imported scenario',
			parentId: null
		};
		await upload('kingston.json', { ...file, scenarios: [...file.scenarios, extra] });
		await expect(page.getByTestId('scenarios-notice')).toContainText(
			`with ${file.scenarios.length + 1} scenarios from kingston.json`
		);
		await expect(page.getByTestId('import-errors')).toHaveCount(0);
		await expect(page.locator('li[data-scenario="Imported scenario"]')).toBeVisible();
		await page.reload();
		await expect(page.locator('li[data-scenario="Imported scenario"]')).toBeVisible();
		expect(w.errors).toEqual([]);
		expect(w.foreign).toEqual([]);
	});

	test.describe('with axe', () => {
		// axe is injected as an inline script, which the app's own CSP rightly refuses.
		test.use({ bypassCSP: true });

		test('the editor with a lever of every kind is accessible, and goal seek adds the lever it finds', async ({
			page
		}) => {
			// Three goal seeks and sixteen levers: minutes on a loaded machine.
			test.setTimeout(180_000);
			await page.goto('/scenarios/edit/?id=baseline-trend');
			// Kingston is seeded into a fresh browser first: slow on a loaded machine.
			await expect(page.getByRole('heading', { level: 1, name: 'Baseline (trend)' })).toBeVisible({
				timeout: 30_000
			});
			await page.getByRole('button', { name: 'Find' }).click();
			const answer = page.getByTestId('goal-seek-answer');
			await expect(answer).toContainText('New plans can be at most ×');
			await expect(answer).toContainText('from 2022/23');
			await page.getByRole('button', { name: 'Add this as a lever to the scenario' }).click();
			await expect(page.locator('article.lever')).toHaveCount(2);
			await expect(page.getByTestId('first-breach')).toContainText('Under the cap every year');
			// Seeking again answers in the same lever: "add" replaces it rather than stacking a second.
			await page.getByRole('button', { name: 'Find' }).click();
			await expect(answer).toContainText('Adding it replaces the scenario’s lever');
			await page.getByRole('button', { name: 'Add this as a lever to the scenario' }).click();
			await expect(page.locator('article.lever')).toHaveCount(2);
			// And in growth terms: total growth of at most X% a year.
			await page
				.getByLabel('Find')
				.selectOption({ label: 'the largest growth of total EHC plans a year' });
			await page.getByRole('button', { name: 'Find' }).click();
			await expect(answer).toContainText('Total growth of at most');
			await page.getByRole('button', { name: 'Add this as a lever to the scenario' }).click();
			await expect(page.locator('article.lever[data-kind="total_growth"]')).toHaveCount(1);
			await expect(page.locator('article.lever')).toHaveCount(3);

			const groups: [string, string[]][] = [
				['demand', ['New plans', 'Ceased plans', 'Total EHC plans grow', 'New plans a year']],
				['placements', ['Placement redirect', 'Move existing placements', 'Capacity cap']],
				['costs', ['Unit cost inflation', 'One-off cost']],
				['savings', ['Savings delivery']],
				['funding', ['Allocation growth', 'Funding line', 'Safety Valve withholding']]
			];
			for (const [group, kinds] of groups) {
				for (const kind of kinds) {
					await page.getByLabel(`Kind of ${group} lever to add`).selectOption({ label: kind });
					await page.getByRole('button', { name: `Add ${group} lever` }).click();
				}
			}
			await expect(page.locator('article.lever')).toHaveCount(16);
			await expect(page.getByTestId('sensitivity').locator('svg[role="img"]')).toBeVisible();
			for (const summary of await page.locator('main details:not([open]) > summary').all()) {
				if (await summary.isVisible()) await summary.click();
			}
			expect(await seriousViolations(page)).toEqual([]);
		});
	});

	test('two tabs editing one scenario: the second is told of the conflict and keeps both versions', async ({
		context
	}) => {
		const url = '/scenarios/edit/?id=baseline-trend';
		const a = await context.newPage();
		const b = await context.newPage();
		for (const p of [a, b]) {
			await p.goto(url);
			await expect(p.getByRole('heading', { level: 1, name: 'Baseline (trend)' })).toBeVisible();
		}
		const delivery = (p: Page) => p.getByRole('textbox', { name: 'Delivery (% of target)' });
		await delivery(a).fill('40');
		await delivery(b).fill('60');
		const dialog = b.getByTestId('conflict-dialog');
		await expect(dialog).toBeVisible({ timeout: 10_000 });
		await expect(b.getByTestId('save-status')).toContainText('Changed in another tab');
		await dialog.getByRole('button', { name: 'Keep both (mine as a copy)' }).click();
		await expect(dialog).toBeHidden();
		await expect(delivery(b)).toHaveValue('40');
		await b.goto('/scenarios/');
		await expect(b.locator('li[data-scenario="Baseline (trend) (my version)"]')).toBeVisible();
		await expect(b.locator('li[data-scenario="Baseline (trend) (my version)"]')).toContainText(
			'delivered at 60% of target'
		);
	});
});
