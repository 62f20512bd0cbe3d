/**
 * @module kalender/calendar
 * Month and week grids for the construction calendar, pure. Weeks start on Monday, weeks are ISO 8601
 * weeks (KW), names are German. Dates are `YYYY-MM-DD` calendar dates (Europe/Berlin); the arithmetic
 * runs on whole UTC days, so no daylight-saving change can shift a day.
 *
 * Events span days: in each week an event becomes one segment from its first to its last day in that
 * week, and segments are stacked in lanes so that two never share a day in the same lane.
 */

export const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'] as const;
export const MONTH_SHORT = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'] as const;
export const WEEKDAY_NAMES = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'] as const;
export const WEEKDAY_SHORT = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'] as const;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in `YYYY-MM-DD` (no 31 February). */
export function isIsoDate(value: string): boolean {
	const m = ISO_DATE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(iso: string): number {
	const m = ISO_DATE.exec(iso);
	if (!m) throw new Error(`Kein Datum (JJJJ-MM-TT): ${iso}`);
	return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

export function isoDate(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	return isoDate(dayNumber(iso) + days);
}

/** Days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
	return dayNumber(b) - dayNumber(a);
}

/** Same day `months` later; the 31st becomes the month's last day where the month is shorter. */
export function addMonths(iso: string, months: number): string {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	const index = y * 12 + (m - 1) + months;
	const year = Math.floor(index / 12);
	const month = index - year * 12;
	const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
export function weekday(iso: string): number {
	return (((dayNumber(iso) + 3) % 7) + 7) % 7;
}

export function startOfWeek(iso: string): string {
	return addDays(iso, -weekday(iso));
}

export function startOfMonth(iso: string): string {
	return `${iso.slice(0, 7)}-01`;
}

export function endOfMonth(iso: string): string {
	return addDays(addMonths(startOfMonth(iso), 1), -1);
}

/** ISO 8601 week: the week belongs to the year of its Thursday. */
export function isoWeek(iso: string): { year: number; week: number } {
	const thursday = dayNumber(iso) - weekday(iso) + 3;
	const year = Number(isoDate(thursday).slice(0, 4));
	const jan1 = dayNumber(`${String(year).padStart(4, '0')}-01-01`);
	return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** „12.03.2027“ */
export function formatDay(iso: string): string {
	return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** „Mittwoch, 12. März 2027“ */
export function formatLongDay(iso: string): string {
	return `${WEEKDAY_NAMES[weekday(iso)]}, ${Number(iso.slice(8, 10))}. ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** „März 2027“ */
export function formatMonth(iso: string): string {
	return `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/**
 * A period as people write it, without repeating what both ends share:
 * „12. März 2027“, „3.–14. März 2027“, „28. Feb. – 14. März 2027“, „15.12.2026 – 10.01.2027“.
 */
export function formatRange(start: string, end: string): string {
	if (start === end) return `${Number(start.slice(8, 10))}. ${formatMonth(start)}`;
	const [sy, sm, sd] = [start.slice(0, 4), Number(start.slice(5, 7)), Number(start.slice(8, 10))];
	const [ey, em, ed] = [end.slice(0, 4), Number(end.slice(5, 7)), Number(end.slice(8, 10))];
	if (sy !== ey) return `${formatDay(start)} – ${formatDay(end)}`;
	if (sm !== em) return `${sd}. ${MONTH_SHORT[sm - 1]}. – ${ed}. ${MONTH_NAMES[em - 1]} ${ey}`;
	return `${sd}.–${ed}. ${MONTH_NAMES[em - 1]} ${ey}`;
}

/** The least a calendar needs of an event. */
export interface CalendarEvent {
	id: string;
	title: string;
	/** first day, `YYYY-MM-DD` */
	start: string;
	/** last day (inclusive) */
	end: string;
}

export interface Segment<E extends CalendarEvent> {
	event: E;
	/** first column in the week, 0 = Monday */
	col: number;
	/** number of days (columns) covered */
	span: number;
	lane: number;
	/** the event started before this week / goes on after it */
	continuesBefore: boolean;
	continuesAfter: boolean;
}

export interface Day {
	date: string;
	/** day of the month, 1–31 */
	day: number;
	/** belongs to the month shown (month grid) */
	inMonth: boolean;
	today: boolean;
	weekend: boolean;
	/** name of a public holiday, if the caller gave one */
	holiday: string | null;
}

export interface Week<E extends CalendarEvent> {
	/** Monday */
	start: string;
	kw: number;
	kwYear: number;
	days: Day[];
	segments: Segment<E>[];
	/** lanes in use (highest lane + 1) */
	lanes: number;
}

/**
 * Stacks the events' segments of the week starting `monday` into lanes: earlier first, then longer
 * first (they anchor the picture), then by id so the order is stable. Events outside the week are
 * ignored.
 */
export function layoutWeek<E extends CalendarEvent>(monday: string, events: readonly E[]): { segments: Segment<E>[]; lanes: number } {
	const first = dayNumber(monday);
	const last = first + 6;
	const inWeek = events
		.map((event) => ({ event, s: dayNumber(event.start), e: Math.max(dayNumber(event.start), dayNumber(event.end)) }))
		.filter(({ s, e }) => s <= last && e >= first)
		.sort((a, b) => a.s - b.s || b.e - a.e || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
	// per lane: the last column taken
	const laneEnds: number[] = [];
	const segments = inWeek.map(({ event, s, e }) => {
		const col = Math.max(s, first) - first;
		const endCol = Math.min(e, last) - first;
		let lane = laneEnds.findIndex((taken) => taken < col);
		if (lane === -1) lane = laneEnds.push(endCol) - 1;
		else laneEnds[lane] = endCol;
		return { event, col, span: endCol - col + 1, lane, continuesBefore: s < first, continuesAfter: e > last };
	});
	return { segments, lanes: laneEnds.length };
}

function makeDay(date: string, today: string, month: string | null, holidays: Readonly<Record<string, string>>): Day {
	return {
		date,
		day: Number(date.slice(8, 10)),
		inMonth: month === null || date.slice(0, 7) === month,
		today: date === today,
		weekend: weekday(date) >= 5,
		holiday: holidays[date] ?? null
	};
}

function makeWeek<E extends CalendarEvent>(monday: string, events: readonly E[], today: string, month: string | null, holidays: Readonly<Record<string, string>>): Week<E> {
	const { segments, lanes } = layoutWeek(monday, events);
	const kw = isoWeek(monday);
	return {
		start: monday,
		kw: kw.week,
		kwYear: kw.year,
		days: Array.from({ length: 7 }, (_, i) => makeDay(addDays(monday, i), today, month, holidays)),
		segments,
		lanes
	};
}

export interface MonthGrid<E extends CalendarEvent> {
	/** „März 2027“ */
	title: string;
	/** first and last day of the month */
	first: string;
	last: string;
	/** the Monday-first weeks that hold the month (4 to 6) */
	weeks: Week<E>[];
}

/** The month that holds `date`, as whole weeks from Monday to Sunday. */
export function monthGrid<E extends CalendarEvent>(date: string, events: readonly E[], today: string, holidays: Readonly<Record<string, string>> = {}): MonthGrid<E> {
	const first = startOfMonth(date);
	const last = endOfMonth(date);
	const month = first.slice(0, 7);
	const weeks: Week<E>[] = [];
	for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) {
		weeks.push(makeWeek(monday, events, today, month, holidays));
	}
	return { title: formatMonth(date), first, last, weeks };
}

/** The grid's visible days: what a query for a month view must cover. */
export function monthGridRange(date: string): { from: string; to: string } {
	const from = startOfWeek(startOfMonth(date));
	return { from, to: addDays(startOfWeek(endOfMonth(date)), 6) };
}

/** The ISO week that holds `date`, with its title „KW 11 · 15.–21. März 2027“. */
export function weekGrid<E extends CalendarEvent>(date: string, events: readonly E[], today: string, holidays: Readonly<Record<string, string>> = {}): Week<E> & { title: string } {
	const monday = startOfWeek(date);
	const week = makeWeek(monday, events, today, null, holidays);
	return { ...week, title: `KW ${week.kw} · ${formatRange(monday, addDays(monday, 6))}` };
}

/**
 * How many segments of each day of the week lie at or beyond lane `maxLanes` (hidden in a compact month
 * cell): index 0 = Monday.
 */
export function hiddenPerDay<E extends CalendarEvent>(week: Week<E>, maxLanes: number): number[] {
	const hidden = [0, 0, 0, 0, 0, 0, 0];
	for (const s of week.segments) {
		if (s.lane < maxLanes) continue;
		for (let c = s.col; c < s.col + s.span; c++) hidden[c]!++;
	}
	return hidden;
}
