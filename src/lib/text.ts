/**
 * @module text
 * German words compared the way people type them: with or without umlauts, in any case. Shared by the
 * attribute mapping of uploads, the vocabularies of the API and the street-name matching.
 */

/** Lower case, ß → ss, ä/ö/ü → ae/oe/ue: „Große Märkerstraße“ → „grosse maerkerstrasse“. */
export function foldGerman(s: string): string {
	return s.toLowerCase().replace(/ß/g, 'ss').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
}

/** foldGerman, then every run of other characters as one "_": „Außer Betrieb“ → „ausser_betrieb“. */
export function slug(value: string): string {
	return foldGerman(value.trim())
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');
}
