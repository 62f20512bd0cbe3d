/**
 * @module baustellen/vocab
 * Reads a vocabulary value the way people and other systems spell it: `halbseitig`, `Halbseitige
 * Sperrung`, `halbseitige_sperrung` and `HALBSEITIG` mean the same, as do `fernwaerme` and `Fernwärme`.
 * Only spelling is forgiven (case, umlauts, spaces, hyphens) plus the few aliases listed; anything else
 * stays unknown, so the caller can name the allowed values.
 */
import { slug } from '$lib/text';

/** `Halbseitige Sperrung` → `halbseitige_sperrung`; ä → ae, ß → ss (the shared slug). */
export const vocabKey = slug;

/**
 * The value of `values` that `raw` names — itself, its label, or an alias — or null.
 * @param labels German labels per value (matched by their key, and by their first word group before "(")
 * @param aliases further spellings, keyed by vocabKey
 */
export function matchVocab<V extends string>(raw: unknown, values: readonly V[], labels: Partial<Record<V, string>> = {}, aliases: Record<string, V> = {}): V | null {
	if (typeof raw !== 'string') return null;
	if ((values as readonly string[]).includes(raw)) return raw as V;
	const key = vocabKey(raw);
	if (!key) return null;
	for (const v of values) {
		if (vocabKey(v) === key) return v;
		const label = labels[v];
		if (label && (vocabKey(label) === key || vocabKey(label.split('(')[0]!) === key)) return v;
	}
	return aliases[key] ?? null;
}
