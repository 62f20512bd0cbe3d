/**
 * OGC API – Features under /ogc against `node build`, read by a real client — GDAL's OAPIF driver
 * (`ogrinfo`, Debian gdal-bin) — and by plain HTTP: landing page, conformance, collections with the
 * extent of the data, items with bbox, datetime (instant, interval, open ends), limit and next/prev
 * paging, single items, and OGC-style 400/404 errors.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { rectangle, seedBaustelle, seedPromoter } from './helpers/baustellen-seed';

const run = promisify(execFile);
let db: FreshDb;
let server: TestServer;
const ids: Record<string, string> = {};

// six public Baustellen in Halle's Altstadt (one of a private Bauherr), one in Magdeburg; plus a storniert
// and a non-public one that must never appear
const HALLE = [
	{ key: 'a', lon: 11.9660, start: '2030-04-01', end: '2030-04-10' },
	{ key: 'b', lon: 11.9680, start: '2030-04-08', end: '2030-04-20' },
	{ key: 'c', lon: 11.9700, start: '2030-05-01', end: '2030-05-31' },
	{ key: 'd', lon: 11.9720, start: '2030-06-01', end: '2030-06-15' },
	{ key: 'e', lon: 11.9740, start: '2030-06-10', end: '2030-07-15' },
	{ key: 'privat', lon: 11.9760, start: '2030-08-01', end: '2030-08-05' }
];
const PUBLIC_COUNT = HALLE.length + 1;

beforeAll(async () => {
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url });
	const owner = await seedPromoter(db.sql, { org: 'Netzgesellschaft OGC' });
	for (const h of HALLE) {
		ids[h.key] = (
			await seedBaustelle(db.sql, owner, {
				title: `Baustelle ${h.key}`,
				streets: ['Große Ulrichstraße'],
				networks: ['wasser', 'gas'],
				promoterPrivate: h.key === 'privat',
				plannedStart: h.start,
				plannedEnd: h.end,
				footprint: rectangle(h.lon, 51.4830, 80, 14)
			})
		).id;
	}
	ids.magdeburg = (await seedBaustelle(db.sql, owner, { title: 'Breiter Weg', plannedStart: '2030-09-01', plannedEnd: '2030-09-30', footprint: rectangle(11.6293, 52.1270) })).id;
	ids.storniert = (await seedBaustelle(db.sql, owner, { title: 'Storniert', status: 'storniert', plannedStart: '2030-05-01', plannedEnd: '2030-05-02', footprint: rectangle(11.9700, 51.4830) })).id;
	ids.intern = (await seedBaustelle(db.sql, owner, { title: 'Intern', public: false, plannedStart: '2030-05-01', plannedEnd: '2030-05-02', footprint: rectangle(11.9700, 51.4830) })).id;
}, 120_000);

afterAll(async () => {
	await server?.stop();
	await db?.drop();
});

async function ogrinfo(...args: string[]): Promise<string> {
	const { stdout } = await run('ogrinfo', ['-ro', ...args], { timeout: 60_000, maxBuffer: 20_000_000, env: { ...process.env, GDAL_HTTP_TIMEOUT: '20' } });
	return stdout;
}

async function get(path: string): Promise<{ status: number; type: string | null; body: any }> {
	const res = await fetch(path.startsWith('http') ? path : `${server.url}${path}`);
	return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

const featureIds = (body: any) => (body.features as { id: string }[]).map((f) => f.id).sort();
const idsOf = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

describe('GDAL (ogrinfo OAPIF:)', () => {
	it('opens the layer and reads its summary: count, geometry, fields', async () => {
		const out = await ogrinfo('-so', `OAPIF:${server.url}/ogc`, 'baustellen');
		expect(out).toMatch(/Layer name: baustellen/);
		expect(out).toMatch(/Geometry: Polygon/);
		expect(out).toMatch(new RegExp(`Feature Count: ${PUBLIC_COUNT}\\b`));
		expect(out).toMatch(/TEMPORAL_INTERVAL_MIN=2030-03-31T22:00:00/);
		for (const field of ['number: String', 'title: String', 'promoter: String', 'streets: StringList', 'plannedStart: Date', 'revision: Integer']) {
			expect(out).toContain(field);
		}
		expect(out).not.toMatch(/contact|description:|created_by|ducts/);
	});

	it('reads every feature, following next links page by page', async () => {
		const out = await ogrinfo('-al', '-oo', 'PAGE_SIZE=2', `OAPIF:${server.url}/ogc`);
		expect(out.match(/^OGRFeature\(baustellen\):/gm)).toHaveLength(PUBLIC_COUNT);
		for (const key of [...HALLE.map((h) => h.key), 'magdeburg']) expect(out).toContain(`id (String) = ${ids[key]}`);
		expect(out).not.toContain(ids.storniert!);
		expect(out).not.toContain(ids.intern!);
		expect(out).toContain('promoter (String) = privat');
		expect(out).toContain('promoter (String) = Netzgesellschaft OGC');
		expect(out).toContain('title (String) = Baustelle c');
		expect(out).toMatch(/POLYGON \(\(11\.96/);
	});

	it('sends a spatial filter as bbox', async () => {
		const out = await ogrinfo('-al', '-spat', '11.60', '52.10', '11.65', '52.15', `OAPIF:${server.url}/ogc`, 'baustellen');
		expect(out.match(/^OGRFeature\(baustellen\):/gm)).toHaveLength(1);
		expect(out).toContain('title (String) = Breiter Weg');
	});
});

describe('GET /ogc …', () => {
	it('landing page links conformance, data and a service description', async () => {
		const { status, type, body } = await get('/ogc');
		expect(status).toBe(200);
		expect(type).toBe('application/json');
		const href = (rel: string) => body.links.find((l: { rel: string }) => l.rel === rel)?.href;
		expect(href('self')).toBe(`${server.url}/ogc`);
		expect(href('conformance')).toBe(`${server.url}/ogc/conformance`);
		expect(href('data')).toBe(`${server.url}/ogc/collections`);
		expect(href('service-doc')).toBe(`${server.url}/atlas`);
	});

	it('conformance declares core and GeoJSON only', async () => {
		expect((await get('/ogc/conformance')).body).toEqual({
			conformsTo: ['http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core', 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson']
		});
	});

	it('collections carry the extent of the public data in CRS84 and time', async () => {
		const { body } = await get('/ogc/collections');
		expect(body.collections).toHaveLength(1);
		const c = (await get('/ogc/collections/baustellen')).body;
		expect(c).toEqual(body.collections[0]);
		expect(c.id).toBe('baustellen');
		expect(c.itemType).toBe('feature');
		const [[x1, y1, x2, y2]] = c.extent.spatial.bbox;
		// from Magdeburg (west, north) to the Altstadt (east, south), a little generous
		expect(x1).toBeLessThan(11.6293);
		expect(x1).toBeGreaterThan(11.62);
		expect(y2).toBeGreaterThan(52.127);
		expect(x2).toBeGreaterThan(11.976);
		expect(x2).toBeLessThan(11.98);
		expect(y1).toBeLessThan(51.483);
		expect(c.extent.spatial.crs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
		expect(c.extent.temporal.interval).toEqual([['2030-03-31T22:00:00.000Z', '2030-09-30T22:00:00.000Z']]);
	});

	it('items: GeoJSON with counts, time stamp and the public properties', async () => {
		const { status, type, body } = await get('/ogc/collections/baustellen/items');
		expect(status).toBe(200);
		expect(type).toBe('application/geo+json');
		expect(body).toMatchObject({ type: 'FeatureCollection', numberMatched: PUBLIC_COUNT, numberReturned: PUBLIC_COUNT });
		expect(Date.parse(body.timeStamp)).not.toBeNaN();
		expect(featureIds(body)).toEqual(idsOf('a', 'b', 'c', 'd', 'e', 'privat', 'magdeburg'));
		const privat = body.features.find((f: { id: string }) => f.id === ids.privat);
		expect(privat.properties.promoter).toBe('privat');
		expect(privat.geometry.type).toBe('Polygon');
		expect(Object.keys(privat.properties)).not.toContain('contact');
		expect(body.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'collection']);
	});

	it('items: limit and next/prev links walk through all pages', async () => {
		const seen: string[] = [];
		let url: string | undefined = '/ogc/collections/baustellen/items?limit=3';
		let pages = 0;
		let last: any;
		while (url) {
			const { body } = await get(url);
			expect(body.numberMatched).toBe(PUBLIC_COUNT);
			expect(body.numberReturned).toBeLessThanOrEqual(3);
			seen.push(...featureIds(body));
			last = body;
			url = body.links.find((l: { rel: string }) => l.rel === 'next')?.href;
			pages++;
		}
		expect(pages).toBe(3);
		expect(seen.sort()).toEqual(idsOf('a', 'b', 'c', 'd', 'e', 'privat', 'magdeburg'));
		const prev = last.links.find((l: { rel: string }) => l.rel === 'prev').href;
		expect(prev).toBe(`${server.url}/ogc/collections/baustellen/items?limit=3&offset=3`);
		// more than the maximum is served at the maximum
		const big = await get('/ogc/collections/baustellen/items?limit=5000');
		expect(big.status).toBe(200);
		expect(big.body.numberReturned).toBe(PUBLIC_COUNT);
	});

	it('items: bbox selects what meets the box', async () => {
		// around c (11.9700) only: b and d end 0.002° (≈ 140 m) away
		const { body } = await get('/ogc/collections/baustellen/items?bbox=11.9695,51.4825,11.9705,51.4835');
		expect(featureIds(body)).toEqual(idsOf('c'));
		expect(body.numberMatched).toBe(1);
		expect(featureIds((await get('/ogc/collections/baustellen/items?bbox=11.95,51.47,12.0,51.5')).body)).toEqual(idsOf('a', 'b', 'c', 'd', 'e', 'privat'));
		// six numbers (with heights) are allowed
		expect(featureIds((await get('/ogc/collections/baustellen/items?bbox=11.6,52.1,0,11.65,52.15,100')).body)).toEqual(idsOf('magdeburg'));
		// bbox with paging: the count is of the matches
		const paged = (await get('/ogc/collections/baustellen/items?bbox=11.95,51.47,12.0,51.5&limit=4&offset=4')).body;
		expect(paged.numberMatched).toBe(6);
		expect(paged.numberReturned).toBe(2);
	});

	it('items: datetime as instant, interval and open interval', async () => {
		const at = async (q: string) => featureIds((await get(`/ogc/collections/baustellen/items?datetime=${encodeURIComponent(q)}`)).body);
		expect(await at('2030-04-09T12:00:00Z')).toEqual(idsOf('a', 'b'));
		expect(await at('2030-04-09')).toEqual(idsOf('a', 'b'));
		// 22:30 UTC on 10 April is 11 April in Berlin: a has ended
		expect(await at('2030-04-10T22:30:00Z')).toEqual(idsOf('b'));
		expect(await at('2030-06-12/2030-06-12')).toEqual(idsOf('d', 'e'));
		expect(await at('2030-07-01T00:00:00Z/..')).toEqual(idsOf('e', 'privat', 'magdeburg'));
		expect(await at('../2030-04-05')).toEqual(idsOf('a'));
		expect(await at('2030-04-15/2030-05-01')).toEqual(idsOf('b', 'c'));
	});

	it('one item by id, with links; unknown, storniert and non-public ones are 404', async () => {
		const { status, type, body } = await get(`/ogc/collections/baustellen/items/${ids.c}`);
		expect(status).toBe(200);
		expect(type).toBe('application/geo+json');
		expect(body).toMatchObject({ type: 'Feature', id: ids.c, properties: { title: 'Baustelle c', promoter: 'Netzgesellschaft OGC' } });
		expect(body.links.find((l: { rel: string }) => l.rel === 'self').href).toBe(`${server.url}/ogc/collections/baustellen/items/${ids.c}`);
		for (const id of [ids.storniert, ids.intern, '00000000-0000-4000-8000-000000000000', 'kein-uuid']) {
			const res = await get(`/ogc/collections/baustellen/items/${id}`);
			expect(res.status, id).toBe(404);
			expect(res.body).toMatchObject({ code: 'NotFound', description: expect.stringMatching(/gibt es nicht/) });
		}
	});

	it('answers bad parameters with 400 and unknown collections or paths with 404, OGC-style', async () => {
		for (const q of ['bbox=1,2,3', 'bbox=12,51,11,52', 'datetime=morgen', 'datetime=2030-05-02/2030-05-01', 'limit=0', 'limit=x', 'offset=-3', 'unbekannt=1']) {
			const res = await get(`/ogc/collections/baustellen/items?${q}`);
			expect(res.status, q).toBe(400);
			expect(res.type).toBe('application/json');
			expect(res.body).toEqual({ code: 'InvalidParameterValue', description: expect.any(String) });
		}
		for (const path of ['/ogc/collections/leitungen', '/ogc/collections/leitungen/items', '/ogc/collections/leitungen/items/x', '/ogc/irgendwas']) {
			const res = await get(path);
			expect(res.status, path).toBe(404);
			expect(res.body.code).toBe('NotFound');
		}
	});
});
