import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/io/csv/parse';
import { toCsv } from '$lib/io/csv/write';
import {
	buildEnglandDatasets,
	cutAtOrigin,
	groupByAuthority,
	latestCensus,
	readSen2England
} from '$lib/io/sen2/england';
import { importSen2, type Sen2TextFile } from '$lib/io/sen2/import';
import { SEN2_FILES, detectSen2File } from '$lib/io/sen2/kinds';
import { sen2Year } from '$lib/io/sen2/periods';
import { newDatasetScenarios } from '$lib/io/sen2/new-dataset';
import { sen2DatasetWithDefaults } from '$lib/io/sen2/defaults';
import { RELEASE_2022, RELEASE_2025, fixture } from './fixtures';

const files = [...RELEASE_2022, ...RELEASE_2025].map(fixture);

/** A file with the rows an import at `origin` must not see removed from its text. */
function cutText(file: Sen2TextFile, origin: number): Sen2TextFile {
	const parsed = parseCsv(file.text, file.name);
	const spec = detectSen2File(parsed.header, file.name);
	const p = parsed.header.indexOf('time_period');
	const rows = parsed.rows
		.filter((r) => {
			const y = sen2Year(r.cells[p], spec.period, file.name, r.line);
			return spec.period === 'census' ? y <= origin : y < origin;
		})
		.map((r) => r.cells);
	return { name: file.name, text: toCsv(parsed.header, rows) };
}

describe('every authority of the SEN2 files at once', () => {
	it('lists every local authority and groups its rows in file order', () => {
		const england = readSen2England(files);
		expect(england.authorities.map((a) => a.oldCode)).toEqual(['810', '314']);
		expect(latestCensus(england)).toBe(2021);
		const groups = groupByAuthority(england);
		const kingston = groups.find((g) => g.authority.oldCode === '314')!;
		const ages = kingston.files.find((f) => f.spec === SEN2_FILES.age_caseload)!;
		expect(ages.rows.length).toBeGreaterThan(0);
		expect(ages.rows.every((r) => r.cells.includes('314'))).toBe(true);
		const lines = ages.rows.map((r) => r.line);
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
	});

	it('builds, for each authority, the dataset an import of the files cut at the origin gives', () => {
		const { origin, entries } = buildEnglandDatasets(files);
		expect(origin).toBe(2021);
		expect(entries.map((e) => e.authority.name)).toEqual([
			'Kingston upon Hull, City of',
			'Kingston upon Thames'
		]);
		const cut = files.map((f) => cutText(f, 2021));
		const [hull, kingston] = entries;
		// Hull's extract has no new plans: the same message as the wizard's import of cut files.
		expect(hull.ok).toBe(false);
		if (!hull.ok) {
			expect(() => sen2DatasetWithDefaults(importSen2(cut, '810'), { baseCensus: 2021 })).toThrow(
				hull.reason
			);
		}
		if (!kingston.ok) throw new Error(`Kingston: ${kingston.reason}`);
		const imported = importSen2(cut, '314');
		const dataset = sen2DatasetWithDefaults(imported, { baseCensus: 2021, horizonYears: 5 });
		expect(kingston.dataset).toEqual(dataset);
		expect(kingston.scenarios).toEqual(newDatasetScenarios(dataset));
		expect(kingston.dataset.baseCensus).toBe(2021);
		// The calendar year 2021's flows come after the January 2021 census: not seen.
		expect(kingston.dataset.history.newPlansByAgeBand.some((r) => r.year >= 2021)).toBe(false);
		expect(kingston.import.history.newPlansByAgeBand?.length).toBeGreaterThan(0);
		expect(kingston.actual).toEqual([]);
	});

	it('holds out the censuses after the origin as actual totals, read as the import reads them', () => {
		const { entries } = buildEnglandDatasets(files, { origin: 2020 });
		const kingston = entries.find((e) => e.authority.oldCode === '314')!;
		// January 2021 from caseload.csv (the 2023+ release wins over sen2_age_caseload.csv).
		const total2021 = importSen2(files, '314').history.caseloadTotal!.find((r) => r.year === 2021)!;
		expect(kingston.actual).toEqual([{ year: 2021, count: total2021.count.value }]);
		// The fixtures have no new plans before 2020: nothing to estimate from at January 2020.
		expect(kingston.ok).toBe(false);
		if (!kingston.ok) expect(kingston.reason).toMatch(/no new plans by age band in 2015–2019/);
	});

	it('drops census rows after the origin and flow rows from its calendar year on', () => {
		const england = readSen2England(files);
		const cut = cutAtOrigin(england.files, 2020);
		const years = (kind: keyof typeof SEN2_FILES) => {
			const f = cut.find((x) => x.spec.kind === kind)!;
			const p = f.header.indexOf('time_period');
			return [...new Set(f.rows.map((r) => sen2Year(r.cells[p], f.spec.period, f.name, 0)))];
		};
		expect(years('age_caseload').sort()).toEqual([2015, 2018, 2020]);
		expect(years('caseload')).toEqual([2020]);
		expect(years('mi').sort()).toEqual([2015]);
		expect(years('newplans')).toEqual([]);
	});

	it('refuses files that are not SEN2 files, and two files of one kind, naming them', () => {
		expect(() => buildEnglandDatasets([{ name: 'notes.csv', text: 'a,b\n1,2\n' }])).toThrow(
			/notes\.csv/
		);
		expect(() => buildEnglandDatasets([files[0], { ...files[0], name: 'copy.csv' }])).toThrow(
			/copy\.csv.*one file of each kind/
		);
		expect(() => buildEnglandDatasets([])).toThrow(/at least one SEN2 file/);
	});
});
