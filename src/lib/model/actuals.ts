/**
 * Actuals recorded as the year goes (docs/model.md §1, §3): the EHCP caseload at a January census
 * after the base census (total, by age band or by placement setting) and the HNB expenditure of
 * a financial year.
 *
 * Where they are kept, and why: in the dataset itself, in the fields that already mean exactly
 * these figures, so that a scenario set export carries them losslessly and nothing new is needed
 * in storage or in the file format:
 * - a census count is history: `history.caseloadTotal`, `caseloadByAgeBand` and
 *   `caseloadBySetting` at that census. History after the base census is never read by
 *   estimation or back-testing (both stop at the base), so recording an actual does not change
 *   the estimated model; it re-bases the projections that follow actuals (engine/rebase.ts);
 * - a year's spend is the ledger's `hnb_expenditure_before_savings` for that year, the line that
 *   pins a year (docs/model.md §3). Its provenance is an `import` whose file starts with
 *   {@link ACTUAL_PREFIX}, which is how an actual is told from a planned figure of that line.
 *
 * A census count after the base census is an actual whatever its provenance (a SEN2 release
 * published after the base is one too).
 */
import type { AgeBandId } from './categories';
import { AGE_BAND_IDS } from './categories';
import type { BandCount, Dataset, SettingCount, YearCount, YearFigures } from './dataset';
import type { Figure, Provenance } from './provenance';
import { imported } from './provenance';
import type { FinancialYear } from './years';
import { financialYearOfCensus, isFinancialYear } from './years';

/** Marks an actual's `import` provenance: `{ kind: 'import', file: 'actual: spend.csv' }`. */
export const ACTUAL_PREFIX = 'actual: ';

/** The "file" of an actual typed on the Actuals page. */
export const ACTUALS_PAGE = 'the Actuals page (typed)';

/** EHCPs at one January census after the base census. */
export interface CaseloadActual {
	census: number;
	total: Figure | null;
	byAgeBand: Partial<Record<AgeBandId, Figure>>;
	/** By the dataset's setting ids. */
	bySetting: Record<string, Figure>;
}

/** HNB expenditure before savings in one financial year, £. */
export interface SpendActual {
	year: FinancialYear;
	value: Figure;
}

export interface Actuals {
	/** Oldest census first. */
	caseload: CaseloadActual[];
	/** Oldest year first. */
	spend: SpendActual[];
}

/**
 * An actual's figure: an `import` naming where it came from (a file, with its row, or the
 * Actuals page).
 * @example actualFigure(1550, 'caseload.csv', 3).source // { kind: 'import', file: 'actual: caseload.csv', row: 3 }
 */
export function actualFigure(value: number, file: string = ACTUALS_PAGE, row?: number): Figure {
	return imported(value, `${ACTUAL_PREFIX}${file}`, row);
}

/** Whether a provenance is an actual's (see {@link actualFigure}). */
export function isActualSource(p: Provenance): boolean {
	return p.kind === 'import' && p.file.startsWith(ACTUAL_PREFIX);
}

/** The total a census actual gives: the total, else every age band, else every setting; or null. */
export function caseloadActualTotal(
	actual: CaseloadActual,
	settingIds: readonly string[]
): number | null {
	if (actual.total) return actual.total.value;
	if (AGE_BAND_IDS.every((b) => actual.byAgeBand[b])) {
		return AGE_BAND_IDS.reduce((a, b) => a + actual.byAgeBand[b]!.value, 0);
	}
	if (settingIds.length > 0 && settingIds.every((s) => actual.bySetting[s])) {
		return settingIds.reduce((a, s) => a + actual.bySetting[s].value, 0);
	}
	return null;
}

/**
 * The actuals a dataset holds: census counts after the base census, and the HNB expenditure
 * figures marked as actuals.
 * @example readActuals(dataset).caseload[0] // { census: 2022, total: { value: 1550, … }, … }
 */
export function readActuals(dataset: Dataset): Actuals {
	const byCensus = new Map<number, CaseloadActual>();
	const at = (census: number) => {
		let a = byCensus.get(census);
		if (!a) byCensus.set(census, (a = { census, total: null, byAgeBand: {}, bySetting: {} }));
		return a;
	};
	const h = dataset.history;
	for (const r of h.caseloadTotal) if (r.year > dataset.baseCensus) at(r.year).total = r.count;
	for (const r of h.caseloadByAgeBand) {
		if (r.year > dataset.baseCensus) at(r.year).byAgeBand[r.band] = r.count;
	}
	for (const r of h.caseloadBySetting) {
		if (r.year > dataset.baseCensus) at(r.year).bySetting[r.setting] = r.count;
	}
	const spend = Object.entries(dataset.finance.lines.hnb_expenditure_before_savings ?? {})
		.filter(([, f]) => isActualSource(f.source))
		.map(([year, value]) => ({ year, value }))
		.sort((a, b) => a.year.localeCompare(b.year));
	return {
		caseload: [...byCensus.values()].sort((a, b) => a.census - b.census),
		spend
	};
}

/**
 * Every problem with actuals for a dataset, in words (empty when none): a census outside the
 * projection (after the base census, up to the horizon), a financial year outside it, a count
 * that is not a whole number ≥ 0, spend below £0, an unknown setting, a census given twice.
 * @example checkActuals(dataset, { caseload: [{ census: 2019, … }], spend: [] })
 * // ['Caseload actual for January 2019: the census must be after the base census (January 2021) and no later than January 2026.']
 */
export function checkActuals(dataset: Dataset, actuals: Actuals): string[] {
	const problems: string[] = [];
	const settings = new Set(dataset.settings.map((s) => s.id));
	const censuses = new Set<number>();
	for (const a of actuals.caseload) {
		const where = `Caseload actual for January ${a.census}`;
		if (!Number.isInteger(a.census) || a.census <= dataset.baseCensus) {
			problems.push(
				`${where}: the census must be after the base census (January ${dataset.baseCensus}) and no later than January ${dataset.horizonCensus}.`
			);
		} else if (a.census > dataset.horizonCensus) {
			problems.push(
				`${where}: the census must be no later than the horizon (January ${dataset.horizonCensus}).`
			);
		}
		if (censuses.has(a.census)) problems.push(`${where}: the census is given twice; keep one.`);
		censuses.add(a.census);
		const count = (f: Figure | null | undefined, what: string) => {
			if (f && !(Number.isInteger(f.value) && f.value >= 0)) {
				problems.push(`${where}, ${what}: expected a whole number ≥ 0, got ${f.value}.`);
			}
		};
		count(a.total, 'total');
		for (const [band, f] of Object.entries(a.byAgeBand)) {
			if (!AGE_BAND_IDS.includes(band as AgeBandId)) {
				problems.push(`${where}: "${band}" is not an age band (${AGE_BAND_IDS.join(', ')}).`);
			} else count(f, `age band "${band}"`);
		}
		for (const [setting, f] of Object.entries(a.bySetting)) {
			if (!settings.has(setting)) {
				problems.push(
					`${where}: "${setting}" is not one of the dataset's settings (${[...settings].join(', ')}).`
				);
			} else count(f, `setting "${setting}"`);
		}
		if (
			!a.total &&
			Object.keys(a.byAgeBand).length === 0 &&
			Object.keys(a.bySetting).length === 0
		) {
			problems.push(`${where}: no figure is given.`);
		}
	}
	const first = financialYearOfCensus(dataset.baseCensus + 1);
	const last = financialYearOfCensus(dataset.horizonCensus);
	const years = new Set<string>();
	for (const s of actuals.spend) {
		const where = `Spend actual for ${s.year}`;
		if (!isFinancialYear(s.year)) {
			problems.push(`${where}: "${s.year}" is not a financial year like ${first}.`);
		} else if (s.year < first || s.year > last) {
			problems.push(`${where}: the year must be one of the projection, ${first} to ${last}.`);
		}
		if (years.has(s.year)) problems.push(`${where}: the year is given twice; keep one.`);
		years.add(s.year);
		if (!(Number.isFinite(s.value.value) && s.value.value >= 0)) {
			problems.push(`${where}: expected an amount of £0 or more, got ${s.value.value}.`);
		}
	}
	return problems;
}

/**
 * The dataset with exactly these actuals: census counts after the base census replaced, and the
 * HNB expenditure figures marked as actuals replaced. A year whose actual is removed keeps no
 * HNB expenditure figure (the caller restores a planned one if it had to be kept: see
 * engine/rebase.ts). Throws an Error listing the problems of `checkActuals`.
 * @example withActuals(dataset, { caseload: [{ census: 2022, total: actualFigure(1550), byAgeBand: {}, bySetting: {} }], spend: [] })
 */
export function withActuals(dataset: Dataset, actuals: Actuals): Dataset {
	const problems = checkActuals(dataset, actuals);
	if (problems.length > 0) {
		throw new Error(`withActuals: the actuals are not valid: ${problems.join(' ')}`);
	}
	const keep = <T extends { year: number }>(rows: readonly T[]) =>
		rows.filter((r) => r.year <= dataset.baseCensus);
	const total: YearCount[] = [];
	const bands: BandCount[] = [];
	const settings: SettingCount[] = [];
	for (const a of actuals.caseload) {
		if (a.total) total.push({ year: a.census, count: a.total });
		for (const band of AGE_BAND_IDS) {
			const f = a.byAgeBand[band];
			if (f) bands.push({ year: a.census, band, count: f });
		}
		for (const s of dataset.settings) {
			const f = a.bySetting[s.id];
			if (f) settings.push({ year: a.census, setting: s.id, count: f });
		}
	}
	const spendLine: YearFigures = {};
	const before = dataset.finance.lines.hnb_expenditure_before_savings ?? {};
	for (const [fy, f] of Object.entries(before)) if (!isActualSource(f.source)) spendLine[fy] = f;
	for (const s of actuals.spend) spendLine[s.year] = s.value;
	const lines = { ...dataset.finance.lines };
	if (Object.keys(spendLine).length > 0) {
		lines.hnb_expenditure_before_savings = Object.fromEntries(
			Object.keys(spendLine)
				.sort()
				.map((fy) => [fy, spendLine[fy]])
		);
	} else delete lines.hnb_expenditure_before_savings;
	const h = dataset.history;
	return {
		...dataset,
		history: {
			...h,
			caseloadTotal: [...keep(h.caseloadTotal), ...total],
			caseloadByAgeBand: [...keep(h.caseloadByAgeBand), ...bands],
			caseloadBySetting: [...keep(h.caseloadBySetting), ...settings]
		},
		finance: { ...dataset.finance, lines }
	};
}

/**
 * Actuals with one census count set (replacing that census's), kept in census order.
 * @example setCaseloadActual(actuals, { census: 2022, total: actualFigure(1550), byAgeBand: {}, bySetting: {} })
 */
export function setCaseloadActual(actuals: Actuals, actual: CaseloadActual): Actuals {
	return {
		...actuals,
		caseload: [...actuals.caseload.filter((a) => a.census !== actual.census), actual].sort(
			(a, b) => a.census - b.census
		)
	};
}

/** Actuals with one year's spend set (replacing that year's), kept in year order. */
export function setSpendActual(actuals: Actuals, actual: SpendActual): Actuals {
	return {
		...actuals,
		spend: [...actuals.spend.filter((a) => a.year !== actual.year), actual].sort((a, b) =>
			a.year.localeCompare(b.year)
		)
	};
}

/** Actuals merged: `more` replaces what `base` has for the same census or year. */
export function mergeActuals(base: Actuals, more: Actuals): Actuals {
	let out = base;
	for (const a of more.caseload) out = setCaseloadActual(out, a);
	for (const s of more.spend) out = setSpendActual(out, s);
	return out;
}
