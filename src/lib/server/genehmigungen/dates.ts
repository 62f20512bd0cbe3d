/**
 * @module genehmigungen/dates
 * Calendar arithmetic on `YYYY-MM-DD` strings (Europe/Berlin calendar dates, no instants), pure. Working
 * days come from `auskunft/working-days` (Sachsen-Anhalt); this adds months (§ 188 BGB) and counting.
 */
import { isWorkingDay } from '../auskunft/working-days';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (rejects 2026-02-30 and friends). */
export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = ISO_DATE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === value;
}

/** 15.03.2026 — for messages; fixed format so tests and UI read the same. */
export function germanDate(date: string): string {
	return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** `b − a` in calendar days. */
export function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);
}

/**
 * The day `months` months after `date` with the same day number (§ 188 Abs. 2 BGB), or the last day
 * of that month when it is shorter (§ 188 Abs. 3 BGB: 30.11. + 3 Monate = 28./29.02.).
 */
export function addMonths(date: string, months: number): string {
	const year = Number(date.slice(0, 4));
	const month = Number(date.slice(5, 7)) - 1 + months;
	const day = Number(date.slice(8, 10));
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return new Date(Date.UTC(year, month, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** `date` itself when it is a working day, else the next one (§ 193 BGB, § 31 Abs. 3 VwVfG). */
export function workingDayOnOrAfter(date: string): string {
	let day = date;
	while (!isWorkingDay(day)) day = addDays(day, 1);
	return day;
}

/** How many working days lie in (`from`, `to`]; 0 when `to` ≤ `from`. */
export function workingDaysBetween(from: string, to: string): number {
	let count = 0;
	for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
	return count;
}
