import { formatLongDate } from '$lib/model/format';

/**
 * Dates as a report prints them ("18 June 2021", model/format.ts's long date), with an empty
 * date read as "not yet" (a report not yet submitted).
 * @example reportDate('') // 'not yet'
 */
export function reportDate(iso: string): string {
	return iso.trim() === '' ? 'not yet' : formatLongDate(iso);
}
