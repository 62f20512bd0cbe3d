import { describe, expect, it } from 'vitest';
import { asked, pageProblem, readValues } from './query';

const q = (s: string) => new URLSearchParams(s);

describe('the page URL', () => {
	it('reads the form values as typed and knows a first visit', () => {
		expect(readValues(q('lon=11,9693&lat=%2051.48263&street=Marktplatz'))).toEqual({ lon: '11,9693', lat: '51.48263', street: 'Marktplatz', halfWidthM: '' });
		expect(asked(q(''))).toBe(false);
		expect(asked(q('halfWidthM=15&lon=&lat='))).toBe(true);
	});

	it('says the API problems in the words of the form', () => {
		const empty = readValues(q('lon=&lat='));
		expect(pageProblem({ field: 'lon', message: 'Bitte den Punkt … lon und lat …' }, 'validation', empty)).toEqual({ field: 'lon', message: expect.stringContaining('Länge und Breite des Punkts') });
		expect(pageProblem({ field: 'lon', message: 'lon und lat müssen Zahlen sein' }, 'validation', readValues(q('lon=abc&lat=51')))).toEqual({ field: 'lon', message: expect.stringContaining('müssen Zahlen') });
		expect(pageProblem({ field: 'halfWidthM', message: 'halfWidthM muss …' }, 'validation', empty).message).toBe('Die halbe Breite muss zwischen 1 und 50 m liegen.');
		expect(pageProblem({ field: 'street', message: 'Die Straße „X“ verläuft nicht …' }, 'no_street', empty)).toEqual({ field: 'street', message: 'Die Straße „X“ verläuft nicht …' });
		expect(pageProblem({ field: 'lon', message: 'außerhalb' }, 'outside_service_area', empty).field).toBe('lon');
		expect(pageProblem({ field: 'at', message: 'x' }, 'no_street', empty).field).toBe('lon');
		expect(pageProblem({ field: 'zzz', message: 'x' }, 'other', empty).field).toBe('form');
	});
});
