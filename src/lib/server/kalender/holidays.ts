/**
 * @module kalender/holidays
 * Names of Sachsen-Anhalt's public holidays between two dates, for the calendar cells (the same set as
 * the working-day clocks: date-holidays DE-ST, type `public`).
 */
import Holidays from 'date-holidays';

let calendar: Holidays | null = null;

/** `{ 'YYYY-MM-DD': 'Name' }` of the public holidays in [from, to]. */
export function holidaysBetween(from: string, to: string): Record<string, string> {
	calendar ??= new Holidays('DE', 'ST', { languages: ['de'] });
	const out: Record<string, string> = {};
	for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
		for (const h of calendar.getHolidays(year, 'de')) {
			const date = h.date.slice(0, 10);
			if (h.type === 'public' && date >= from && date <= to) out[date] = h.name;
		}
	}
	return out;
}
