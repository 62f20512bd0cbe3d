/**
 * @module baustellen/dates
 * Calendar-date arithmetic on `YYYY-MM-DD` strings (no time zones involved).
 */

export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Same day `years` later; 29 February becomes 28 February in common years. */
export function addYears(date: string, years: number): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
	return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** "24.12.2026" */
export function deDate(date: string): string {
	return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}
