/**
 * Phones and plain words (issue 11 item 10; decision 0016), on every screen with Kingston open
 * (screens.ts):
 * - at a 390 px phone width no page is wider than the screen (wide tables scroll in their own box);
 * - no internal id reaches the screen: the ids of placement categories, age bands, estimators,
 *   lever kinds and ledger lines (read from the model modules), nor any other snake_case id, in
 *   visible text, labels, tooltips or options — except in code formatting (file formats a user
 *   must write, such as the finance template's line names) and citations of a file the user gave
 *   (its name and its own column names);
 * - "NCY" is introduced as "school year (NCY)" before it is used on its own.
 */
import { expect, test, type Page } from '@playwright/test';
import { AGE_BAND_IDS, DSG_CATEGORY_IDS } from '../../src/lib/model/categories';
import { ESTIMATOR_IDS, LEDGER_LINE_IDS } from '../../src/lib/model/dataset';
import { LEVER_KINDS } from '../../src/lib/model/scenario';
import { screens, settle } from './screens';

const PHONE = { width: 390, height: 844 };

/**
 * Ids that read as ordinary English words ("mainstream", "linear", "capacity") cannot be told from
 * prose, so they are not searched for; every other id is.
 */
const PLAIN_ENGLISH = new Set([
	'mainstream',
	'other',
	'england',
	'pooled',
	'linear',
	'joiners',
	'leavers',
	'redirect',
	'capacity',
	'ledger'
]);
const INTERNAL_IDS = [
	...DSG_CATEGORY_IDS,
	...AGE_BAND_IDS,
	...ESTIMATOR_IDS,
	...LEVER_KINDS,
	...LEDGER_LINE_IDS
].filter((id) => !PLAIN_ENGLISH.has(id));

/** Any other snake_case word (savings line, condition or metric ids): two or more parts. */
const SNAKE_CASE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

/**
 * What the screen says: the text of every rendered element outside code formatting, and the
 * labels, tooltips, placeholders and options a user reads or hears, one entry per place.
 */
async function screenTexts(page: Page): Promise<{ where: string; text: string }[]> {
	return page.evaluate(() => {
		const out: { where: string; text: string }[] = [];
		const skip = 'code, kbd, samp, pre, script, style, template, noscript';
		// Names the screen shows as code (a column of the user's file) may be read out elsewhere,
		// e.g. in a control's label "Category of <that column>".
		for (const c of document.body.querySelectorAll('code, kbd, samp')) {
			out.push({ where: 'code', text: c.textContent?.trim() ?? '' });
		}
		const describe = (el: Element) => {
			const id = el.id ? `#${el.id}` : '';
			const testid = el.getAttribute('data-testid');
			return `${el.tagName.toLowerCase()}${id}${testid ? `[data-testid=${testid}]` : ''}`;
		};
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const parent = n.parentElement;
			const text = n.textContent?.trim();
			if (!parent || !text || parent.closest(skip)) continue;
			if (parent.tagName === 'OPTION' || parent.checkVisibility({ visibilityProperty: true })) {
				out.push({ where: describe(parent), text });
			}
		}
		for (const el of document.body.querySelectorAll(
			'[aria-label], [title], [placeholder], [alt]'
		)) {
			if (el.closest(skip)) continue;
			for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
				const v = el.getAttribute(attr);
				if (v) out.push({ where: `${describe(el)} @${attr}`, text: v });
			}
		}
		for (const el of document.body.querySelectorAll<HTMLInputElement>(
			'input[type=text], input:not([type])'
		)) {
			if (el.value && el.checkVisibility())
				out.push({ where: `${describe(el)} value`, text: el.value });
		}
		return out;
	});
}

/** Internal ids on the screen, each with where it was seen. */
function internalIds(texts: { where: string; text: string }[]): string[] {
	const found: string[] = [];
	const asCode = new Set(texts.filter((t) => t.where === 'code').map((t) => t.text));
	for (const { where, text } of texts) {
		if (where === 'code') continue;
		// A citation of a file the user gave (sen2_age_caseload.csv, "Total_ehc by
		// characteristic_age") quotes that file's own names, not ours.
		if (/[\w.-]+\.(?:csv|json|xlsx)\b/i.test(text)) continue;
		const prose = text;
		const ids = new Set([
			...(prose.match(SNAKE_CASE) ?? []),
			...INTERNAL_IDS.filter((id) => new RegExp(`\\b${id}\\b`).test(prose))
		]);
		for (const id of [...ids].filter((x) => !asCode.has(x)))
			found.push(`${id} in ${where}: “${text.slice(0, 120)}”`);
	}
	return found;
}

test.describe('phones and plain words', () => {
	test.use({ viewport: PHONE });

	for (const screen of screens()) {
		test(`${screen.name} is no wider than a 390 px phone and shows no internal id`, async ({
			page
		}) => {
			await screen.open(page);
			await settle(page);

			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			if (width > PHONE.width) {
				// Name what sticks out, so the failure says where to look.
				const wide = await page.evaluate((limit) => {
					const out: string[] = [];
					for (const el of document.querySelectorAll('body *')) {
						const r = el.getBoundingClientRect();
						if (
							r.right > limit + 0.5 &&
							r.width > 0 &&
							!el.closest('.table-scroll, [data-scrollable]')
						) {
							const parentWide =
								el.parentElement && el.parentElement.getBoundingClientRect().right > limit + 0.5;
							if (!parentWide || out.length < 3)
								out.push(
									`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right ${Math.round(r.right)}`
								);
						}
					}
					return out.slice(0, 12);
				}, PHONE.width);
				console.log(`${screen.name}: ${width} px wide; sticking out: \n  ${wide.join('\n  ')}`);
			}
			expect(width, `${screen.name}: document width at a 390 px viewport`).toBeLessThanOrEqual(
				PHONE.width
			);

			const texts = await screenTexts(page);
			expect(internalIds(texts), `${screen.name}: internal ids on screen`).toEqual([]);

			const all = texts
				.filter((t) => t.where !== 'code')
				.map((t) => t.text.replace(/\s+/g, ' '))
				.join(' ');
			const first = all.search(/\bNCYs?\b/);
			if (first >= 0) {
				expect(
					all.slice(Math.max(0, first - 20), first),
					`${screen.name}: the first “NCY” is introduced as “school year (NCY)”`
				).toMatch(/school years? \($/i);
			}
		});
	}
});
