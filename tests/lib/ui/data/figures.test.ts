import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { filterFigures, groupByKind, listFigures } from '$lib/ui/data/figures';

const entries = listFigures(kingstonDataset());

describe('listFigures', () => {
	it('lists every figure of the default dataset with a unique anchor', () => {
		const ids = new Set(entries.map((e) => e.id));
		expect(ids.size).toBe(entries.length);
		expect(entries.every((e) => /^fig-[a-z0-9-]+$/.test(e.id))).toBe(true);
		const ds = kingstonDataset();
		const ledger = Object.values(ds.finance.lines).reduce((a, l) => a + Object.keys(l!).length, 0);
		expect(entries.filter((e) => e.section === 'Finance')).toHaveLength(ledger + 1);
		expect(entries.filter((e) => e.section === 'Base caseload')).toHaveLength(
			ds.baseCaseload.length
		);
	});

	it('labels a figure in the app’s words, with its unit', () => {
		const e = entries.find((x) => x.id === 'fig-finance-hnb-allocation-2021-22')!;
		expect(e.label).toBe('HNB allocation, 2021/22');
		expect(e.unit).toBe('gbp');
		expect(e.figure.source.kind).toBe('seed');
		expect(
			entries.find((x) => x.label === 'Caseload by age band, January 2021, 5–10')?.figure.value
		).toBe(477);
	});
});

describe('filterFigures and groupByKind', () => {
	it('finds assumptions by words of their label or note', () => {
		const found = filterFigures(entries, { kinds: ['assumption'], text: 'allocation 2022/23' });
		// 2023/24's note says "growth on 2022/23": the note is searched too.
		expect(found.map((e) => e.label)).toEqual([
			'HNB allocation, 2022/23',
			'HNB allocation, 2023/24'
		]);
		expect(filterFigures(entries, { kinds: ['seed'], text: 'allocation 2022/23' })).toEqual([]);
	});

	it('searches the provenance too: a formula’s words find its derived figures', () => {
		const found = filterFigures(entries, { text: 'iterative proportional fitting' });
		expect(found.length).toBeGreaterThan(0);
		expect(found.every((e) => e.figure.source.kind === 'derived')).toBe(true);
	});

	it('groups by kind in the order seed, derived, SEN2, import, assumption', () => {
		expect(groupByKind(entries).map((g) => g.kind)).toEqual([
			'seed',
			'derived',
			'sen2',
			'assumption'
		]);
		const total = groupByKind(entries).reduce((a, g) => a + g.entries.length, 0);
		expect(total).toBe(entries.length);
	});
});
