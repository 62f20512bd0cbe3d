/**
 * @module konflikte/street
 * "Same street section" means the two Baustellen name a common street. Names come from free text and
 * from the street search, so "Große Ulrichstraße", "Grosse Ulrichstr." and "Große Ulrich-Straße" must
 * meet: the key folds case, ß/ss, umlauts, the abbreviation "Str." and all whitespace and hyphens.
 */

/** The comparison key of a street name ('' for a blank name, which never matches). */
export function streetKey(name: string): string {
	return name
		.normalize('NFC')
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		// "Str." / "str" at a word end is "straße"; "Strand" or "Strasse" stay as they are
		.replace(/str(?:\.|(?=[\s\-–]|$))/g, 'strasse')
		.replace(/[\s\-–.]+/g, '');
}

/** The first street of `a` (as `a` spells it) that `b` names too, or null. */
export function sharedStreet(a: readonly string[], b: readonly string[]): string | null {
	if (a.length === 0 || b.length === 0) return null;
	const keys = new Set(b.map(streetKey).filter((k) => k !== ''));
	for (const name of a) {
		const key = streetKey(name);
		if (key !== '' && keys.has(key)) return name.trim();
	}
	return null;
}
