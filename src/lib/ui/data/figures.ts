/**
 * Every figure of a dataset, listed with where it sits and where it comes from (docs/model.md §1), for
 * the provenance panel: the history, the base caseload, unit costs, the finance ledger, savings,
 * reference populations and KPIs. Each entry has a stable anchor id so that a page can link to it.
 */
import { AGE_BANDS } from '../../model/categories';
import type { Dataset } from '../../model/dataset';
import { LEDGER_LINE_LABELS, RATE_LEDGER_LINES, type LedgerLineId } from '../../model/dataset';
import type { Figure, ProvenanceKind } from '../../model/provenance';
import { PROVENANCE_KINDS, describeProvenance } from '../../model/provenance';
import { HISTORY_LABELS } from '../../model/validate-dataset';
import { slugify } from '../../model/categories';
import { formatNumber } from '../../model/format';

export type FigureSection =
	| 'History'
	| 'Base caseload'
	| 'Unit costs'
	| 'Finance'
	| 'Savings'
	| 'Reference populations'
	| 'KPIs';

export const FIGURE_SECTIONS: readonly FigureSection[] = [
	'History',
	'Base caseload',
	'Unit costs',
	'Finance',
	'Savings',
	'Reference populations',
	'KPIs'
];

/** How a figure's value reads: a count of children, pounds, a fraction shown as a percentage. */
export type FigureUnit = 'count' | 'gbp' | 'fraction' | 'number';

export interface FigureEntry {
	/** Anchor id, unique in the dataset: `fig-finance-hnb-allocation-2021-22`. */
	id: string;
	section: FigureSection;
	/** Where the figure sits, in the app's words: "HNB allocation, 2021/22". */
	label: string;
	unit: FigureUnit;
	figure: Figure;
}

const anchor = (...parts: (string | number)[]) =>
	`fig-${parts.map((p) => slugify(String(p)).replace(/_/g, '-')).join('-')}`;

/**
 * Every figure of a dataset, in the order the Data page shows them.
 * @example listFigures(kingstonDataset()).find((e) => e.label === 'HNB allocation, 2021/22')?.figure.source.kind // 'seed'
 */
export function listFigures(dataset: Dataset): FigureEntry[] {
	const out: FigureEntry[] = [];
	const used = new Set<string>();
	const add = (
		section: FigureSection,
		label: string,
		unit: FigureUnit,
		figure: Figure | null | undefined,
		id: string
	) => {
		if (!figure) return;
		let unique = id;
		for (let i = 2; used.has(unique); i++) unique = `${id}-${i}`;
		used.add(unique);
		out.push({ id: unique, section, label, unit, figure });
	};
	const settingName = (id: string) => dataset.settings.find((s) => s.id === id)?.name ?? id;
	const bandLabel = (id: string) => AGE_BANDS.find((b) => b.id === id)?.label ?? id;

	const h = dataset.history;
	for (const series of Object.keys(HISTORY_LABELS) as (keyof Dataset['history'])[]) {
		const stock = series.startsWith('caseload');
		for (const row of h[series]) {
			const key =
				'band' in row ? bandLabel(row.band) : 'setting' in row ? settingName(row.setting) : null;
			const when = stock ? `January ${row.year}` : String(row.year);
			add(
				'History',
				`${HISTORY_LABELS[series]}, ${when}${key ? `, ${key}` : ''}`,
				'count',
				row.count,
				anchor('history', series, row.year, key ?? '')
			);
		}
	}
	for (const c of dataset.baseCaseload) {
		const need = dataset.needs.length > 1 ? `, need ${c.need}` : '';
		add(
			'Base caseload',
			`January ${dataset.baseCensus}, school year (NCY) ${formatNumber(c.ncy)}${need}, ${settingName(c.setting)}`,
			'count',
			c.count,
			anchor('base', c.ncy, c.need, c.setting)
		);
	}
	for (const u of dataset.unitCosts) {
		add(
			'Unit costs',
			`${settingName(u.setting)}${u.need ? `, need ${u.need}` : ''}`,
			'gbp',
			u.cost,
			anchor('unit-cost', u.setting, u.need ?? 'all')
		);
	}
	const f = dataset.finance;
	add(
		'Finance',
		'Opening cumulative deficit',
		'gbp',
		f.openingCumulativeDeficit,
		anchor('finance', 'opening')
	);
	for (const [line, figures] of Object.entries(f.lines) as [
		LedgerLineId,
		Record<string, Figure>
	][]) {
		for (const [fy, figure] of Object.entries(figures)) {
			add(
				'Finance',
				`${LEDGER_LINE_LABELS[line]}, ${fy}`,
				RATE_LEDGER_LINES.includes(line) ? 'fraction' : 'gbp',
				figure,
				anchor('finance', line, fy)
			);
		}
	}
	for (const s of f.savings) {
		for (const [fy, figure] of Object.entries(s.targets)) {
			add(
				'Savings',
				`${s.name}: target, ${fy}`,
				'gbp',
				figure,
				anchor('saving', s.id, 'target', fy)
			);
		}
		for (const [fy, figure] of Object.entries(s.delivery)) {
			add(
				'Savings',
				`${s.name}: delivery, ${fy}`,
				'fraction',
				figure,
				anchor('saving', s.id, 'delivery', fy)
			);
		}
	}
	for (const r of dataset.referencePopulations) {
		for (const [year, figure] of Object.entries(r.byYear)) {
			add(
				'Reference populations',
				`${r.label}, ${year}`,
				'number',
				figure,
				anchor('population', r.id, year)
			);
		}
	}
	for (const k of dataset.kpis) {
		const unit: FigureUnit =
			k.unit === 'count' ? 'count' : k.unit === 'percent' ? 'fraction' : 'gbp';
		const name = `KPI ${k.ref} ${k.name}`;
		add('KPIs', `${name}: baseline`, unit, k.baseline, anchor('kpi', k.ref, 'baseline'));
		add('KPIs', `${name}: annual target`, unit, k.annualTarget, anchor('kpi', k.ref, 'target'));
		add('KPIs', `${name}: projection`, unit, k.projection, anchor('kpi', k.ref, 'projection'));
		for (const a of k.actuals) {
			add('KPIs', `${name}: actual, ${a.period}`, unit, a.value, anchor('kpi', k.ref, a.period));
		}
	}
	return out;
}

export interface FigureFilter {
	/** Words that must all appear in the label or the provenance (any case). */
	text?: string;
	kinds?: readonly ProvenanceKind[];
	sections?: readonly FigureSection[];
}

/**
 * The entries that pass a filter.
 * @example filterFigures(entries, { kinds: ['assumption'], text: '2023/24' })
 */
export function filterFigures(
	entries: readonly FigureEntry[],
	filter: FigureFilter
): FigureEntry[] {
	const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	return entries.filter((e) => {
		if (filter.kinds && !filter.kinds.includes(e.figure.source.kind)) return false;
		if (filter.sections && !filter.sections.includes(e.section)) return false;
		if (words.length === 0) return true;
		const hay = `${e.label} ${describeProvenance(e.figure.source)}`.toLowerCase();
		return words.every((w) => hay.includes(w));
	});
}

/**
 * Entries grouped by provenance kind, in the order seed, derived, SEN2, import, assumption
 * (kinds with no entry left out).
 * @example groupByKind(listFigures(ds)).map((g) => [g.kind, g.entries.length])
 */
export function groupByKind(
	entries: readonly FigureEntry[]
): { kind: ProvenanceKind; entries: FigureEntry[] }[] {
	return PROVENANCE_KINDS.map((kind) => ({
		kind,
		entries: entries.filter((e) => e.figure.source.kind === kind)
	})).filter((g) => g.entries.length > 0);
}

/** Words for each provenance kind, as the panel heads its groups. */
export const PROVENANCE_KIND_LABELS: Record<ProvenanceKind, string> = {
	seed: 'From the source report (seed)',
	derived: 'Derived (with the formula)',
	sen2: 'DfE SEN2 statistics',
	import: 'Imported or typed by the council',
	assumption: 'Assumptions (illustrative, to check)'
};
