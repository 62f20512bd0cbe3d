/**
 * @module auskunft/working-days
 * Working days in Sachsen-Anhalt, pure: Monday to Friday except the public holidays of DE-ST
 * (date-holidays, type `public` only — Heiligabend and Silvester are `bank` half-days there and stay
 * working days). Calendar dates are `YYYY-MM-DD` strings in Europe/Berlin; instants are `Date`s.
 *
 * The answer rules of a manual operator (issue #4, point 9): answer within one working day — due at
 * the end of the next working day after the request — and after two working days without an answer
 * the operator is `keine_antwort`.
 */
import Holidays from 'date-holidays';
import { berlinDate } from './rules';

let calendar: Holidays | null = null;
const holidaysByYear = new Map<number, Set<string>>();

/** Public holidays of Sachsen-Anhalt in `year`, as `YYYY-MM-DD`. */
export function publicHolidays(year: number): Set<string> {
	let days = holidaysByYear.get(year);
	if (!days) {
		calendar ??= new Holidays('DE', 'ST');
		// `date` is the local calendar date of the holiday ("2026-10-31 00:00:00"): no time zone games
		days = new Set(calendar.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
		holidaysByYear.set(year, days);
	}
	return days;
}

function shift(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string): boolean {
	const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
	if (weekday === 0 || weekday === 6) return false;
	return !publicHolidays(Number(date.slice(0, 4))).has(date);
}

/** The `n`-th working day strictly after `date` (n ≥ 1); `date` itself may be a holiday or weekend. */
export function addWorkingDays(date: string, n: number): string {
	let day = date;
	for (let left = n; left > 0; ) {
		day = shift(day, 1);
		if (isWorkingDay(day)) left--;
	}
	return day;
}

/** Minutes Berlin is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function berlinOffsetMinutes(instant: Date): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: 'Europe/Berlin',
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric'
	}).formatToParts(instant);
	const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
	return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant 00:00 Europe/Berlin starts `date` (German clocks never change at midnight). */
export function startOfBerlinDay(date: string): Date {
	const utcMidnight = Date.parse(`${date}T00:00:00Z`);
	const guess = new Date(utcMidnight - berlinOffsetMinutes(new Date(utcMidnight)) * 60_000);
	return new Date(utcMidnight - berlinOffsetMinutes(guess) * 60_000);
}

/** The last millisecond of `date` in Europe/Berlin (23:59:59.999). */
export function endOfBerlinDay(date: string): Date {
	return new Date(startOfBerlinDay(shift(date, 1)).getTime() - 1);
}

/** When a manual operator's answer is due: the end of the next working day after the request. */
export function answerDeadline(requestedAt: Date): Date {
	return endOfBerlinDay(addWorkingDays(berlinDate(requestedAt), 1));
}

/** When an unanswered request turns `keine_antwort`: the end of the second working day after it. */
export function escalationTime(requestedAt: Date): Date {
	return endOfBerlinDay(addWorkingDays(berlinDate(requestedAt), 2));
}
