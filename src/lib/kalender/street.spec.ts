import { describe, expect, it } from 'vitest';
import { normaliseStreet, streetHref } from './street';

describe('street names', () => {
	it('treat spellings of one street as one', () => {
		const one = ['Leipziger Straße', 'Leipziger Str.', 'leipziger strasse', '  LEIPZIGER   STR '];
		expect(new Set(one.map(normaliseStreet))).toEqual(new Set(['leipziger strasse']));
		expect(normaliseStreet('Große Ulrichstr.')).toBe(normaliseStreet('Große Ulrichstraße'));
		expect(normaliseStreet('Str. des Friedens')).toBe('strasse des friedens');
		expect(normaliseStreet('Georg-Cantor-Straße')).toBe('georg cantor strasse');
	});

	it('leave other words alone', () => {
		expect(normaliseStreet('Strandweg')).toBe('strandweg');
		expect(normaliseStreet('Am Kirchtor')).toBe('am kirchtor');
	});

	it('link to the history page', () => {
		expect(streetHref('Große Ulrichstraße')).toBe('/baustellen/strasse/Gro%C3%9Fe%20Ulrichstra%C3%9Fe');
	});
});
