/**
 * @module kalender/street
 * Street names as the calendar matches them: „Leipziger Str.“, „leipziger strasse“ and „Leipziger Straße“
 * are one street. The same rule runs in SQL (server/kalender/query.ts, `normalisedStreetSql`); the spec
 * of the query holds the two to the same answers.
 */
import { foldGerman } from '$lib/text';

/**
 * Lower case, ß → ss, umlauts → ae/oe/ue, dots, dashes and slashes → blanks, blanks collapsed, and a
 * word ending in „str“ (the abbreviation) spelt out as „strasse“.
 */
export function normaliseStreet(name: string): string {
	return foldGerman(name)
		.replace(/[.\-–/]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/str(?= |$)/g, 'strasse');
}

/** Path of a street's history page. */
export function streetHref(name: string): string {
	return `/baustellen/strasse/${encodeURIComponent(name)}`;
}
