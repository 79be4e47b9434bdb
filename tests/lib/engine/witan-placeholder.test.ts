import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '../../../src/lib/data/kingston';
import { witanDataset } from '../../../src/lib/engine/witan-dataset';
import { hasPlaceholderFinance } from '../../../src/lib/engine/witan-placeholder';
import { files, parsed, synthetic } from '../../fixtures/witan-model/inputs';

describe('hasPlaceholderFinance', () => {
	it('tells a witan dataset’s placeholder ledger from a council’s finance', () => {
		expect(hasPlaceholderFinance(witanDataset(parsed(files(synthetic()))))).toBe(true);
		expect(hasPlaceholderFinance(kingstonDataset())).toBe(false);
	});

	it('needs the placeholder cap in every year, not just one', () => {
		const dataset = witanDataset(parsed(files(synthetic())));
		const cap = { ...dataset.finance.lines.deficit_cap! };
		const [first] = Object.keys(cap) as (keyof typeof cap)[];
		cap[first] = { ...cap[first], value: 12e6 };
		const edited = {
			...dataset,
			finance: { ...dataset.finance, lines: { ...dataset.finance.lines, deficit_cap: cap } }
		};
		expect(hasPlaceholderFinance(edited)).toBe(false);
	});
});
