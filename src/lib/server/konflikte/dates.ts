/**
 * @module konflikte/dates
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, pure and time-zone free: a calendar date is a day
 * number (days since 1970-01-01), never an instant, so summer time cannot shift anything by a day.
 * ISO dates compare correctly as strings, which the engine relies on for the cheap tests.
 */

const MS_PER_DAY = 86_400_000;

export const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'] as const;

function parts(date: string): [number, number, number] {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) throw new Error(`Kein Kalenderdatum (JJJJ-MM-TT): "${date}"`);
	return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function dayNumber(date: string): number {
	const [y, m, d] = parts(date);
	return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	return fromDayNumber(dayNumber(date) + days);
}

/**
 * Calendar months later (or earlier, negative); the day is clamped to the target month's length, so
 * 31 August + 6 months is 28/29 February — the usual reading of "within six months".
 */
export function addMonths(date: string, months: number): string {
	// the engine asks this for every pair of excavations; a calendar has only a few thousand distinct dates
	const key = `${date}|${months}`;
	const hit = monthCache.get(key);
	if (hit !== undefined) return hit;
	if (monthCache.size > 50_000) monthCache.clear();
	const result = shiftMonths(date, months);
	monthCache.set(key, result);
	return result;
}

const monthCache = new Map<string, string>();

function shiftMonths(date: string, months: number): string {
	const [y, m, d] = parts(date);
	const index = y * 12 + (m - 1) + months;
	const year = Math.floor(index / 12);
	const month = index - year * 12;
	const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return fromDayNumber(Date.UTC(year, month, Math.min(d, last)) / MS_PER_DAY);
}

/** Days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
	return dayNumber(b) - dayNumber(a);
}

export const minDate = (a: string, b: string): string => (a <= b ? a : b);
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);

/** Inclusive windows share at least one day (touching on one day counts). */
export function windowsOverlap(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
	return aStart <= bEnd && bStart <= aEnd;
}

/** The common days of two inclusive windows, or null. */
export function overlapWindow(aStart: string, aEnd: string, bStart: string, bEnd: string): { from: string; to: string; days: number } | null {
	if (!windowsOverlap(aStart, aEnd, bStart, bEnd)) return null;
	const from = maxDate(aStart, bStart);
	const to = minDate(aEnd, bEnd);
	return { from, to, days: daysBetween(from, to) + 1 };
}

/** The months (1–12) an inclusive window touches, in the order they occur (December before January across a year end). */
export function monthsTouched(start: string, end: string): number[] {
	const [y0, m0] = parts(start);
	const [y1, m1] = parts(end);
	const span = (y1 * 12 + m1) - (y0 * 12 + m0);
	const months: number[] = [];
	for (let k = 0; k <= Math.min(span, 11); k++) months.push(((m0 - 1 + k) % 12) + 1);
	return months;
}

/** dd.mm.yyyy, as a German letter writes a date. */
export function germanDate(date: string): string {
	const [y, m, d] = parts(date);
	return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}
