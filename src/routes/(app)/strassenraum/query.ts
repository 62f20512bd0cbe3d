/**
 * The page's reading of its URL: the form's values as typed, whether a cross-section was asked for at
 * all, and the API's problems in the page's words (fields „Länge“/„Breite“, not lon/lat). Pure.
 */
import { HALF_WIDTH_MAX_M } from '$lib/strassenraum';

export const FIELDS = ['lon', 'lat', 'street', 'halfWidthM'] as const;
export type Field = (typeof FIELDS)[number];
export type Values = Record<Field, string>;

export interface Problem {
	field: Field | 'form';
	message: string;
}

export function readValues(q: URLSearchParams): Values {
	const v = (name: string, max: number) => (q.get(name) ?? '').trim().slice(0, max);
	return { lon: v('lon', 40), lat: v('lat', 40), street: v('street', 120), halfWidthM: v('halfWidthM', 20) };
}

/** A first visit (no parameters) shows the form only; anything submitted is answered, if only with a problem. */
export function asked(q: URLSearchParams): boolean {
	return ['lon', 'lat', 'at', 'street', 'halfWidthM'].some((name) => q.has(name));
}

/** The API's problem, said for this form. */
export function pageProblem(p: { field: string; message: string }, code: string, values: Values): Problem {
	if (code === 'validation' && (p.field === 'lon' || p.field === 'lat' || p.field === 'at')) {
		return values.lon === '' || values.lat === ''
			? { field: 'lon', message: 'Bitte Länge und Breite des Punkts auf der Straße angeben (Grad, WGS 84), z. B. 11,9693 und 51,48263 – oder nur die Straße.' }
			: { field: 'lon', message: 'Länge und Breite müssen Zahlen in Grad sein (WGS 84), z. B. 11,9693 und 51,48263.' };
	}
	if (code === 'validation' && p.field === 'halfWidthM') return { field: 'halfWidthM', message: `Die halbe Breite muss zwischen 1 und ${HALF_WIDTH_MAX_M} m liegen.` };
	const field = (FIELDS as readonly string[]).includes(p.field) ? (p.field as Field) : p.field === 'at' ? 'lon' : 'form';
	return { field, message: p.message };
}
