import { describe, expect, it } from 'vitest';
import { sharedStreet, streetKey } from './street';

describe('streetKey', () => {
	it('folds case, ß/ss, umlauts, "Str." and whitespace/hyphens', () => {
		const same = ['Große Ulrichstraße', 'Grosse Ulrichstrasse', 'große ulrichstr.', 'GROSSE ULRICHSTR', ' Große  Ulrich-Straße ', 'Große Ulrich Str.'];
		for (const s of same) expect(streetKey(s)).toBe('grosseulrichstrasse');
		expect(streetKey('Rudolf-Breitscheid-Str.')).toBe(streetKey('Rudolf Breitscheid Straße'));
		expect(streetKey('Händelstraße')).toBe(streetKey('Haendelstrasse'));
	});

	it('keeps different streets apart and words that merely start with "Str"', () => {
		expect(streetKey('Strandweg')).toBe('strandweg');
		expect(streetKey('Große Ulrichstraße')).not.toBe(streetKey('Kleine Ulrichstraße'));
		expect(streetKey('Leipziger Straße')).not.toBe(streetKey('Leipziger Platz'));
		expect(streetKey('Straße des Friedens')).toBe(streetKey('Str. des Friedens'));
		expect(streetKey('   ')).toBe('');
	});
});

describe('sharedStreet', () => {
	it('returns the first common street as the subject spells it, or null', () => {
		expect(sharedStreet(['Markt', 'Große Ulrichstraße'], ['Grosse Ulrichstr.'])).toBe('Große Ulrichstraße');
		expect(sharedStreet(['Markt'], ['Große Ulrichstraße'])).toBeNull();
		expect(sharedStreet([], ['Markt'])).toBeNull();
		expect(sharedStreet([''], [''])).toBeNull();
	});
});
