/**
 * The public atlas pages against `node build`, as a browser without JavaScript gets them: /atlas with
 * its GET filters (from defaults to today, FAKE_NOW), list, month calendar and feed links carrying the
 * filter; /atlas/{number}; /atlas/baustellen.geojson; no login anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { rectangle, seedBaustelle, seedPromoter } from './helpers/baustellen-seed';

let db: FreshDb;
let server: TestServer;
const n: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
	db = await freshDatabase();
	// "today" is Friday 10 May 2030 in Berlin
	server = await startServer({ DATABASE_URL: db.url, FAKE_NOW: '2030-05-10T10:00:00Z' });
	const owner = await seedPromoter(db.sql, { org: 'Stadtwerke Atlas' });
	const seed = async (key: string, b: Parameters<typeof seedBaustelle>[2]) => {
		const r = await seedBaustelle(db.sql, owner, b);
		n[key] = r.number;
		ids[key] = r.id;
	};
	await seed('vorbei', { title: 'Vorbei im April', streets: ['Hansering'], plannedStart: '2030-04-01', plannedEnd: '2030-04-20', status: 'abgeschlossen', actualStart: '2030-04-01', actualEnd: '2030-04-20' });
	await seed('laufend', {
		title: 'Trinkwasser Leipziger Straße',
		workKind: 'leitungsbau',
		traffic: 'vollsperrung',
		streets: ['Leipziger Straße'],
		networks: ['wasser', 'gas'],
		status: 'in_ausfuehrung',
		plannedStart: '2030-05-06',
		plannedEnd: '2030-05-24',
		datesConfirmed: true,
		actualStart: '2030-05-07',
		footprint: rectangle(11.9735, 51.4818, 120, 14)
	});
	await seed('juni', { title: 'Glasfaser Große Ulrichstraße', workKind: 'bohrung', traffic: 'gehweg', streets: ['Große Ulrichstraße'], status: 'beantragt', plannedStart: '2030-06-03', plannedEnd: '2030-06-14', footprint: rectangle(11.9665, 51.485, 150, 10) });
	await seed('storniert', { title: 'Abgesagte Baustelle', streets: ['Leipziger Straße'], status: 'storniert', plannedStart: '2030-05-12', plannedEnd: '2030-05-14' });
	await seed('intern', { title: 'Interne Baustelle', streets: ['Leipziger Straße'], public: false, plannedStart: '2030-05-12', plannedEnd: '2030-05-14' });
}, 120_000);

afterAll(async () => {
	await server?.stop();
	await db?.drop();
});

async function page(path: string): Promise<{ status: number; html: string }> {
	const res = await fetch(server.url + path, { redirect: 'manual', headers: { accept: 'text/html' } });
	return { status: res.status, html: await res.text() };
}

/** The rows of the list: each row's number, in order. */
const listed = (html: string) => [...html.matchAll(/<span class="mono muted[^"]*">(BS-[^<]+)<\/span>/g)].map((m) => m[1]);

describe('/atlas', () => {
	it('is public and lists what runs today or later, without the finished, storniert or internal ones', async () => {
		const { status, html } = await page('/atlas');
		expect(status).toBe(200);
		expect(html).toContain('<h1>Baustellenatlas</h1>');
		expect(listed(html)).toEqual([n.laufend, n.juni]);
		expect(html).toMatch(/<input id="from" name="from" type="date" value="2030-05-10"/);
		expect(html).toContain('Vollsperrung');
		expect(html).toContain('Stadtwerke Atlas');
		expect(html).not.toContain('Abgesagte Baustelle');
		expect(html).not.toContain('Interne Baustelle');
	});

	it('filters by GET parameters, as a form without JavaScript sends them', async () => {
		expect(listed((await page('/atlas?from=')).html)).toEqual([n.vorbei, n.laufend, n.juni]);
		expect(listed((await page('/atlas?from=2030-06-01&to=2030-06-30')).html)).toEqual([n.juni]);
		expect(listed((await page(`/atlas?from=&street=${encodeURIComponent('große ulrich')}`)).html)).toEqual([n.juni]);
		expect(listed((await page('/atlas?from=&bbox=11.972,51.48,11.98,51.49')).html)).toEqual([n.laufend]);
	});

	it('says in German what is wrong with a filter', async () => {
		const { status, html } = await page('/atlas?from=2030-06-10&to=2030-06-01');
		expect(status).toBe(200);
		expect(html).toContain('„Bis“ (2030-06-01) liegt vor „Von“ (2030-06-10).');
		expect(html).toMatch(/id="to"[^>]*aria-invalid="true"/);
		expect((await page('/atlas?from=10.05.2030')).html).toContain('ist kein Datum: bitte JJJJ-MM-TT angeben');
	});

	it('draws the month with the Baustellen linking to their pages, and navigates months with the filter', async () => {
		const { html } = await page('/atlas?street=Leipziger');
		expect(html).toContain('Kalender Mai 2030');
		expect(html).toContain(`href="/atlas/${n.laufend}"`);
		expect(html).toContain('href="/atlas?from=2030-05-10&amp;street=Leipziger&amp;monat=2030-06#kalender"');
		expect(html).toContain('href="/atlas?from=2030-05-10&amp;street=Leipziger&amp;monat=2030-04#kalender"');
		// the month shows its days whatever "from" says: April's finished Baustelle is there
		const april = (await page('/atlas?monat=2030-04')).html;
		expect(april).toContain('Kalender April 2030');
		expect(april).toMatch(new RegExp(`<a class="bar[^"]*"[^>]*href="/atlas/${n.vorbei}"`));
	});

	it('links the feeds with the current filter', async () => {
		const { html } = await page('/atlas?from=2030-05-01&to=2030-06-30&street=Leipziger');
		const q = 'street=Leipziger&amp;from=2030-05-01&amp;to=2030-06-30';
		expect(html).toContain(`href="${server.url.replace('http:', 'webcal:')}/kalender.ics?${q}"`);
		expect(html).toContain(`href="${server.url}/kalender.ics?${q}"`);
		expect(html).toContain(`href="/atlas/baustellen.geojson?${q}"`);
		expect(html).toContain('href="/ogc"');
		expect(html).toContain('href="/api/v1/baustellen.wzdx.json"');
	});
});

describe('/atlas/{number}', () => {
	it('shows the public detail', async () => {
		const { status, html } = await page(`/atlas/${n.laufend}`);
		expect(status).toBe(200);
		expect(html).toContain('Trinkwasser Leipziger Straße');
		expect(html).toContain('7.–24. Mai 2030');
		expect(html).toContain('begonnen am 07.05.2030');
		expect(html).toContain('Wasser, Gas');
		expect(html).toContain('Leitungsbau');
		expect(html).toContain('Stadtwerke Atlas');
		// lower case numbers are found as well
		expect((await page(`/atlas/${n.laufend!.toLowerCase()}`)).status).toBe(200);
	});

	it('is 404 for storniert, internal and unknown numbers', async () => {
		for (const number of [n.storniert, n.intern, 'BS-1999-000001']) {
			const { status, html } = await page(`/atlas/${number}`);
			expect(status, number).toBe(404);
			expect(html).toContain('gibt es nicht');
		}
	});
});

describe('/atlas/baustellen.geojson', () => {
	it('downloads the filtered public Baustellen as GeoJSON', async () => {
		const res = await fetch(`${server.url}/atlas/baustellen.geojson?from=2030-05-01&street=Leipziger`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/geo+json');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="baustellen.geojson"');
		const body = await res.json();
		expect(body.type).toBe('FeatureCollection');
		expect(body.features.map((f: { id: string }) => f.id)).toEqual([ids.laufend]);
		expect(body.features[0]).toMatchObject({
			geometry: { type: 'Polygon' },
			properties: { number: n.laufend, start: '2030-05-07', end: '2030-05-24', trafficLabel: 'Vollsperrung', promoter: 'Stadtwerke Atlas', url: `${server.url}/atlas/${n.laufend}` }
		});
	});

	it('answers a bad filter with a German 400', async () => {
		const res = await fetch(`${server.url}/atlas/baustellen.geojson?bbox=1,2`);
		expect(res.status).toBe(400);
		expect((await res.json()).error).toMatchObject({ code: 'validation', message: expect.stringMatching(/^Der Filter ist ungültig: bbox braucht vier/) });
	});
});
