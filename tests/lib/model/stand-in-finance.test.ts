import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '../../../src/lib/data/kingston';
import { witanDataset } from '../../../src/lib/io/witan/dataset';
import { hasNoFinance } from '../../../src/lib/model/stand-in-finance';
import { files, parsed, synthetic } from '../../fixtures/witan-model/inputs';

describe('hasNoFinance', () => {
	it('tells a witan dataset’s stand-in ledger from a council’s finance', () => {
		expect(hasNoFinance(witanDataset(parsed(files(synthetic()))))).toBe(true);
		expect(hasNoFinance(kingstonDataset())).toBe(false);
	});

	it('needs the stand-in cap in every year, not just one', () => {
		const dataset = witanDataset(parsed(files(synthetic())));
		const cap = { ...dataset.finance.lines.deficit_cap! };
		const [first] = Object.keys(cap) as (keyof typeof cap)[];
		cap[first] = { ...cap[first], value: 12e6 };
		const edited = {
			...dataset,
			finance: { ...dataset.finance, lines: { ...dataset.finance.lines, deficit_cap: cap } }
		};
		expect(hasNoFinance(edited)).toBe(false);
	});
});
