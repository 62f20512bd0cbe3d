import { describe, expect, it } from 'vitest';
import { feedLinks, feedQuery, monthHref, shiftMonth } from './links';

const values = { from: '2030-05-01', to: '', street: 'Große Ulrichstraße', bbox: '' };

describe('atlas links', () => {
	it('carry the filter into every feed that filters, and leave empty fields out', () => {
		expect(feedQuery(values)).toBe('street=Gro%C3%9Fe+Ulrichstra%C3%9Fe&from=2030-05-01');
		const links = feedLinks('https://tiefblick.example', values);
		expect(links.ical).toBe('https://tiefblick.example/kalender.ics?street=Gro%C3%9Fe+Ulrichstra%C3%9Fe&from=2030-05-01');
		expect(links.webcal).toBe('webcal://tiefblick.example/kalender.ics?street=Gro%C3%9Fe+Ulrichstra%C3%9Fe&from=2030-05-01');
		expect(links.geojson).toBe('/atlas/baustellen.geojson?street=Gro%C3%9Fe+Ulrichstra%C3%9Fe&from=2030-05-01');
		expect(feedLinks('http://localhost:3000', { from: '', to: '', street: '', bbox: '' }).ical).toBe('http://localhost:3000/kalender.ics');
	});
	it('move the month and keep an emptied "from" empty', () => {
		expect(shiftMonth('2030-01', -1)).toBe('2029-12');
		expect(shiftMonth('2030-12', 1)).toBe('2031-01');
		expect(monthHref({ from: '', to: '', street: '', bbox: '11,51,12,52' }, '2030-06')).toBe('/atlas?from=&bbox=11%2C51%2C12%2C52&monat=2030-06#kalender');
	});
});
