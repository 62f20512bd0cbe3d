/**
 * @module mitnutzung/[id]/figures
 * The check's figures in German: metres along the route with one decimal („m 3,7–266,8“), percentages,
 * free ducts as ranges, and where a stretch sits on the route's band (percent of its length).
 */
import type { Section } from '$lib/mitnutzung';

const oneDecimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOne = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

/** "285,9" */
export const metres = (m: number): string => oneDecimal.format(m);

/** "5", "2,5": a setting, not a measurement */
export const setting = (m: number): string => upToOne.format(m);

/** "72,8 %", "100 %" */
export const percent = (p: number): string => `${upToOne.format(p)} %`;

/** "m 3,7–266,8": a stretch by its distance from the route's start */
export const section = (s: Section): string => `m ${metres(s.fromM)}–${metres(s.toM)}`;

export const sectionsLength = (sections: readonly Section[]): number => sections.reduce((n, s) => n + (s.toM - s.fromM), 0);

/** "2" or "2–4" */
export function range(min: number, max: number): string {
	return min === max ? String(min) : `${min}–${max}`;
}

/** Free ducts of a match: "2–4 von 6", or "2" when the operator gives no total. */
export function freeDucts(free: { min: number; max: number }, total: { min: number | null; max: number | null }): string {
	const f = range(free.min, free.max);
	if (total.min === null || total.max === null) return f;
	return `${f} von ${range(total.min, total.max)}`;
}

/** A stretch as left offset and width in percent of the route, clamped to the band. */
export function onBand(s: Section, lengthM: number): { left: number; width: number } {
	if (!(lengthM > 0)) return { left: 0, width: 0 };
	const from = Math.min(Math.max(s.fromM, 0), lengthM);
	const to = Math.min(Math.max(s.toM, from), lengthM);
	return { left: (100 * from) / lengthM, width: (100 * (to - from)) / lengthM };
}
