/**
 * Formatting KPI values in their unit, as the seed prints them (en-GB).
 */
import type { KpiUnit } from '$lib/model/kpi';
import { formatCount, formatPercent, formatPounds } from '$lib/charts/format';

export function formatKpi(value: number | null | undefined, unit: KpiUnit): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
	switch (unit) {
		case 'count':
			return formatCount(value);
		case 'percent':
			return formatPercent(value, 2);
		case 'gbp':
			return formatPounds(value);
		case 'gbp_per_head':
			return formatPounds(value);
	}
}

/** Whether a model value `a` agrees with a printed figure `b` at the precision it is printed. */
export function agreesAsPrinted(a: number, b: number, unit: KpiUnit): boolean {
	switch (unit) {
		case 'count':
			return Math.round(a) === Math.round(b);
		case 'percent':
			return Math.round(a * 10000) === Math.round(b * 10000);
		default:
			// Some finance KPIs are printed to the £1k (the seed's May column), others to the £1:
			// compare at the precision of the printed figure `b`.
			return b % 1000 === 0 && Math.abs(b) >= 100_000
				? Math.round(a / 1000) === Math.round(b / 1000)
				: Math.round(a) === Math.round(b);
	}
}
