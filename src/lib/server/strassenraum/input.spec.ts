import { describe, expect, it } from 'vitest';
import { parseSectionQuery } from './input';

const parse = (q: string) => parseSectionQuery(new URLSearchParams(q));

describe('parseSectionQuery', () => {
	it('takes lon/lat or at=, a street and a half width', () => {
		expect(parse('lon=11.9697&lat=51.4826')).toEqual({ query: { at: [11.9697, 51.4826], street: null, halfWidthM: 15 } });
		expect(parse('at=11.9697,51.4826&street=Marktplatz&halfWidthM=8,5')).toEqual({ query: { at: [11.9697, 51.4826], street: 'Marktplatz', halfWidthM: 8.5 } });
	});

	it('takes a street alone (cut at its middle by the service)', () => {
		expect(parse('street=Gro%C3%9Fe%20Ulrichstra%C3%9Fe')).toEqual({ query: { at: null, street: 'Große Ulrichstraße', halfWidthM: 15 } });
	});

	it('names what is missing or wrong in German', () => {
		expect(parse('')).toMatchObject({ code: 'validation', problems: [{ field: 'lon', message: expect.stringContaining('lon und lat') }] });
		expect(parse('lon=abc&lat=51')).toMatchObject({ problems: [{ field: 'lon', message: 'lon und lat müssen Zahlen sein (Grad, WGS 84).' }] });
		expect(parse('at=11.9')).toMatchObject({ problems: [{ field: 'at' }] });
		expect(parse('lon=11.97&lat=51.48&halfWidthM=80')).toMatchObject({ problems: [{ field: 'halfWidthM', message: 'halfWidthM muss zwischen 1 und 50 m liegen.' }] });
		expect(parse('lon=51.48&lat=11.97')).toMatchObject({ code: 'outside_service_area' });
	});
});
