import { describe, expect, it } from 'vitest';
import { filterQuery, isCalendarDate, parseAtlasFilter, parseBBox } from './filter';

describe('parseBBox', () => {
	it('reads minLon,minLat,maxLon,maxLat', () => {
		expect(parseBBox('11.95,51.47,11.99,51.49')).toEqual([11.95, 51.47, 11.99, 51.49]);
		expect(parseBBox(' 11.95 , 51.47 ,11.99, 51.49 ')).toEqual([11.95, 51.47, 11.99, 51.49]);
	});
	it('drops heights only where allowed', () => {
		expect(parseBBox('11.95,51.47,0,11.99,51.49,100', true)).toEqual([11.95, 51.47, 11.99, 51.49]);
		expect(parseBBox('11.95,51.47,0,11.99,51.49,100')).toMatch(/vier durch Kommas/);
	});
	it('says what is wrong, in German', () => {
		expect(parseBBox('11.95,51.47,11.99')).toMatch(/^bbox braucht vier/);
		expect(parseBBox('a,b,c,d')).toMatch(/^bbox braucht vier/);
		expect(parseBBox('11.99,51.47,11.95,51.49')).toMatch(/Minimum größer als das Maximum/);
		expect(parseBBox('11,91,12,92')).toMatch(/außerhalb der Erde/);
		expect(parseBBox('Infinity,1,2,3')).toMatch(/^bbox braucht vier/);
	});
});

describe('parseAtlasFilter', () => {
	it('reads all four filters and treats empty ones as absent', () => {
		const { filter, problems } = parseAtlasFilter(new URLSearchParams('bbox=11.9,51.4,12,51.5&street=Leipziger&from=2026-05-01&to=2026-05-31'));
		expect(problems).toEqual([]);
		expect(filter).toEqual({ bbox: [11.9, 51.4, 12, 51.5], street: 'Leipziger', from: '2026-05-01', to: '2026-05-31' });
		expect(parseAtlasFilter(new URLSearchParams('street=&from=&to=')).filter).toEqual({ bbox: null, street: null, from: null, to: null });
	});
	it('collects every problem with its field', () => {
		const { problems } = parseAtlasFilter(new URLSearchParams(`bbox=1,2&from=2026-02-30&to=morgen&street=${'x'.repeat(101)}`));
		expect(problems.map((p) => p.field)).toEqual(['bbox', 'street', 'from', 'to']);
		expect(problems[2]!.message).toMatch(/JJJJ-MM-TT/);
	});
	it('refuses a window that ends before it starts', () => {
		const { problems } = parseAtlasFilter(new URLSearchParams('from=2026-06-01&to=2026-05-01'));
		expect(problems).toEqual([{ field: 'to', message: '„Bis“ (2026-05-01) liegt vor „Von“ (2026-06-01).' }]);
	});
});

describe('filterQuery', () => {
	it('writes the filter back as it was read', () => {
		const q = 'bbox=11.9%2C51.4%2C12%2C51.5&street=Gro%C3%9Fe+Ulrichstra%C3%9Fe&from=2026-05-01&to=2026-05-31';
		expect(filterQuery(parseAtlasFilter(new URLSearchParams(q)).filter)).toBe(q);
		expect(filterQuery({ bbox: null, street: null, from: null, to: null })).toBe('');
	});
});

it('isCalendarDate accepts real dates only', () => {
	expect(isCalendarDate('2028-02-29')).toBe(true);
	expect(isCalendarDate('2026-02-29')).toBe(false);
	expect(isCalendarDate('2026-5-4')).toBe(false);
});
