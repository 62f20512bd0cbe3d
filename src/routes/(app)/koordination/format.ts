/**
 * Words and dates of the coordination pages: German dates and how a permit clock reads in the inbox.
 */
import type { PermitKind } from '$lib/baustellen';

type PeriodUnit = 'arbeitstage' | 'monate';

/** For dense tables; the full label goes into the cell's title. */
export const SHORT_PERMIT_LABELS: Record<PermitKind, string> = {
	aufgrabeerlaubnis: 'Aufgrabeerlaubnis',
	verkehrsrechtliche_anordnung: 'Verkehrsrechtliche Anordnung',
	tkg_zustimmung: 'Zustimmung § 127 TKG',
	sondernutzung: 'Sondernutzung'
};

/** 2030-03-18 → 18.03.2030 */
export function de(date: string | null | undefined): string {
	return date ? `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}` : '–';
}

/** A period „04.03.–18.03.2030“, or with both years when they differ. */
export function span(from: string, to: string): string {
	return from.slice(0, 4) === to.slice(0, 4) ? `${de(from).slice(0, 6)}–${de(to)}` : `${de(from)}–${de(to)}`;
}

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** „noch 9 Arbeitstage“, „heute fällig“, „seit 2 Arbeitstagen überfällig“ — Monate clocks count Kalendertage. */
export function daysLeftText(clock: { daysLeft: number | null; overdue: boolean }, unit: PeriodUnit): string {
	const n = clock.daysLeft ?? 0;
	const [one, many, dative] = unit === 'arbeitstage' ? ['Arbeitstag', 'Arbeitstage', 'Arbeitstagen'] : ['Kalendertag', 'Kalendertage', 'Kalendertagen'];
	if (clock.overdue) return n < 0 ? `seit ${Math.abs(n)} ${Math.abs(n) === 1 ? one : dative} überfällig` : 'überfällig';
	if (n === 0) return 'heute fällig';
	return `noch ${plural(n, one, many)}`;
}

export function workingDaysSince(n: number): string {
	return n === 0 ? 'heute eingegangen' : `seit ${n} ${n === 1 ? 'Arbeitstag' : 'Arbeitstagen'}`;
}
