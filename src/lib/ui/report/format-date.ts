/**
 * Dates as a report prints them ("18 June 2021"), from ISO 8601 (YYYY-MM-DD); other text is
 * returned as it is, and an empty date as "not yet".
 */
export function reportDate(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
	if (!m) return iso.trim() === '' ? 'not yet' : iso;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
}
