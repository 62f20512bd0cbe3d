import { describe, expect, it } from 'vitest';
import { collectionInfo, conformance, itemsPage, landingPage, MAX_LIMIT, parseDatetime, parseItemsQuery, type ItemsQuery } from './ogc';
import { sample } from './testing';

const ORIGIN = 'https://tiefblick.example';

describe('parseDatetime', () => {
	it('reads instants and dates as one Europe/Berlin calendar day', () => {
		expect(parseDatetime('2026-05-04')).toEqual({ from: '2026-05-04', to: '2026-05-04' });
		expect(parseDatetime('2026-05-04T10:00:00Z')).toEqual({ from: '2026-05-04', to: '2026-05-04' });
		// 23:30 UTC is already the next day in Berlin (summer time)
		expect(parseDatetime('2026-05-04T23:30:00Z')).toEqual({ from: '2026-05-05', to: '2026-05-05' });
		expect(parseDatetime('2026-05-04T00:30:00+02:00')).toEqual({ from: '2026-05-04', to: '2026-05-04' });
	});
	it('reads closed and half-open intervals', () => {
		expect(parseDatetime('2026-05-01/2026-05-31')).toEqual({ from: '2026-05-01', to: '2026-05-31' });
		expect(parseDatetime('../2026-05-31T12:00:00Z')).toEqual({ from: null, to: '2026-05-31' });
		expect(parseDatetime('2026-05-01T00:00:00Z/..')).toEqual({ from: '2026-05-01', to: null });
		expect(parseDatetime('/2026-05-31')).toEqual({ from: null, to: '2026-05-31' });
		expect(parseDatetime('2026-05-01/')).toEqual({ from: '2026-05-01', to: null });
	});
	it('refuses what is not RFC 3339 or runs backwards', () => {
		expect(parseDatetime('gestern')).toMatch(/kein Datum/);
		expect(parseDatetime('2026-05-04T10:00')).toMatch(/kein Datum/);
		expect(parseDatetime('..')).toMatch(/kein Datum/);
		expect(parseDatetime('2026-05-31/2026-05-01')).toMatch(/Anfang .* nach dem Ende/);
		expect(parseDatetime('a/b/c')).toMatch(/mehr als einen Schrägstrich/);
	});
});

describe('parseItemsQuery', () => {
	const parse = (q: string) => parseItemsQuery(new URLSearchParams(q));
	it('has defaults and caps the limit', () => {
		expect(parse('')).toEqual({ bbox: null, datetime: null, limit: 100, offset: 0 });
		expect(parse('limit=5000&offset=20')).toMatchObject({ limit: MAX_LIMIT, offset: 20 });
		expect(parse('bbox=11.9,51.4,12,51.5&datetime=2026-05-01/..&f=json')).toMatchObject({ bbox: [11.9, 51.4, 12, 51.5], datetime: { from: '2026-05-01', to: null } });
	});
	it('answers bad or unknown parameters with an OGC error', () => {
		for (const q of ['limit=0', 'limit=abc', 'offset=-1', 'bbox=1,2,3', 'datetime=bald', 'f=html', 'filter=x', 'bbox-crs=EPSG:25832']) {
			expect(parse(q), q).toMatchObject({ code: 'InvalidParameterValue', description: expect.any(String) });
		}
	});
});

describe('documents', () => {
	it('link the landing page to conformance, collections and a service description', () => {
		const rels = landingPage(ORIGIN).links.map((l) => l.rel);
		for (const rel of ['self', 'conformance', 'data', 'service-doc']) expect(rels).toContain(rel);
		expect(conformance().conformsTo).toEqual([
			'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
			'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson'
		]);
	});
	it('give the collection its extent in CRS84 and as instants (end exclusive)', () => {
		const c = collectionInfo(ORIGIN, { bbox: [11.9, 51.4, 12, 51.5], interval: ['2026-05-04', '2026-12-31'] });
		expect(c.extent).toEqual({
			spatial: { bbox: [[11.9, 51.4, 12, 51.5]], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' },
			temporal: { interval: [['2026-05-03T22:00:00.000Z', '2026-12-31T23:00:00.000Z']], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' }
		});
		expect(collectionInfo(ORIGIN, { bbox: null, interval: null })).not.toHaveProperty('extent');
	});
});

describe('itemsPage', () => {
	const query = (offset: number, limit: number): ItemsQuery => ({ bbox: null, datetime: null, limit, offset });
	it('counts and links to the next and previous pages, keeping the other parameters', () => {
		const params = new URLSearchParams('datetime=2026-05-01/..&limit=2&offset=2');
		const page = itemsPage(ORIGIN, params, query(2, 2), [sample(), sample()], 5, new Date('2026-04-01T10:00:00Z'));
		expect(page).toMatchObject({ type: 'FeatureCollection', numberMatched: 5, numberReturned: 2, timeStamp: '2026-04-01T10:00:00.000Z' });
		const link = (rel: string) => page.links.find((l) => l.rel === rel)?.href;
		expect(link('self')).toBe(`${ORIGIN}/ogc/collections/baustellen/items?datetime=2026-05-01%2F..&limit=2&offset=2`);
		expect(link('next')).toBe(`${ORIGIN}/ogc/collections/baustellen/items?datetime=2026-05-01%2F..&limit=2&offset=4`);
		expect(link('prev')).toBe(`${ORIGIN}/ogc/collections/baustellen/items?datetime=2026-05-01%2F..&limit=2`);
		expect(page.features[0]).toMatchObject({ type: 'Feature', id: sample().id, geometry: { type: 'Polygon' }, properties: { number: 'BS-2026-000042', promoter: 'Stadtwerke Saalestadt (Demo)' } });
	});
	it('has no next link on the last page and no prev link on the first', () => {
		const page = itemsPage(ORIGIN, new URLSearchParams(), query(0, 100), [sample()], 1, new Date());
		expect(page.links.map((l) => l.rel)).toEqual(['self', 'collection']);
	});
});
