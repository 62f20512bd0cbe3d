/**
 * GET /kalender.ics against `node build`: the feed read back with a real iCalendar parser (ical.js) —
 * every field of an event, a stable UID whose SEQUENCE grows when the Baustelle's revision is bumped,
 * storniert as CANCELLED, private (public = false) ones absent, each filter, and German 400s.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { bumpRevision, rectangle, seedBaustelle, seedPromoter } from './helpers/baustellen-seed';

let db: FreshDb;
let server: TestServer;
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};

beforeAll(async () => {
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url });
	const stadtwerke = await seedPromoter(db.sql, { org: 'Stadtwerke Kalender' });
	const seed = async (key: string, b: Parameters<typeof seedBaustelle>[2]) => {
		const r = await seedBaustelle(db.sql, stadtwerke, b);
		ids[key] = r.id;
		numbers[key] = r.number;
	};
	await seed('markt', {
		title: 'Trinkwasser Marktplatz',
		workKind: 'leitungsbau',
		traffic: 'vollsperrung',
		streets: ['Marktplatz', 'Leipziger Straße'],
		networks: ['wasser'],
		plannedStart: '2030-05-04',
		plannedEnd: '2030-05-15',
		datesConfirmed: true,
		footprint: rectangle(11.9697, 51.4826),
		revision: 2,
		updatedAt: new Date('2030-04-01T08:00:00Z')
	});
	await seed('geplant', {
		title: 'Glasfaser Hansering',
		workKind: 'bohrung',
		traffic: 'gehweg',
		streets: ['Hansering'],
		status: 'geplant',
		plannedStart: '2030-07-01',
		plannedEnd: '2030-07-31',
		footprint: rectangle(11.9760, 51.4830)
	});
	await seed('begonnen', {
		title: 'Fernwärme Große Ulrichstraße',
		streets: ['Große Ulrichstraße'],
		status: 'in_ausfuehrung',
		plannedStart: '2030-03-01',
		plannedEnd: '2030-03-20',
		actualStart: '2030-03-03',
		actualEnd: '2030-03-25',
		footprint: rectangle(11.9665, 51.4850)
	});
	await seed('storniert', { title: 'Abgesagt Kleinschmieden', streets: ['Kleinschmieden'], status: 'storniert', plannedStart: '2030-05-10', plannedEnd: '2030-05-12', footprint: rectangle(11.9680, 51.4840) });
	await seed('intern', { title: 'Nicht öffentlich', public: false, plannedStart: '2030-05-10', plannedEnd: '2030-05-12' });
	await seed('magdeburg', { title: 'Magdeburg Breiter Weg', streets: ['Breiter Weg'], plannedStart: '2030-05-01', plannedEnd: '2030-05-02', footprint: rectangle(11.6293, 52.1270) });
}, 120_000);

afterAll(async () => {
	await server?.stop();
	await db?.drop();
});

async function calendar(query = ''): Promise<{ res: Response; text: string; events: ICAL.Component[]; vcalendar: ICAL.Component }> {
	const res = await fetch(`${server.url}/kalender.ics${query}`);
	const text = await res.text();
	const vcalendar = new ICAL.Component(ICAL.parse(text));
	return { res, text, vcalendar, events: vcalendar.getAllSubcomponents('vevent') };
}

const uids = (events: ICAL.Component[]) => events.map((e) => e.getFirstPropertyValue('uid') as string).sort();
const uidOf = (key: string) => `${ids[key]}@tiefblick`;

describe('GET /kalender.ics', () => {
	it('is public text/calendar that ical.js reads, with the calendar name', async () => {
		const { res, vcalendar, events } = await calendar();
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(vcalendar.name).toBe('vcalendar');
		expect(vcalendar.getFirstPropertyValue('x-wr-calname')).toBe('Baustellen – Tiefblick');
		expect(vcalendar.getFirstPropertyValue('prodid')).toBe('-//Tiefblick//Baustellenatlas//DE');
		// public ones incl. the storniert one; never the non-public one
		expect(uids(events)).toEqual(['markt', 'geplant', 'begonnen', 'storniert', 'magdeburg'].map(uidOf).sort());
	});

	it('writes every field of an event', async () => {
		const { events } = await calendar();
		const e = events.find((x) => x.getFirstPropertyValue('uid') === uidOf('markt'))!;
		const event = new ICAL.Event(e);
		expect(event.summary).toBe('Trinkwasser Marktplatz');
		expect(event.sequence).toBe(2);
		expect(event.startDate.isDate).toBe(true);
		expect(event.startDate.toString()).toBe('2030-05-04');
		expect(event.endDate.toString()).toBe('2030-05-16'); // exclusive
		expect(event.location).toBe('Marktplatz, Leipziger Straße');
		expect(e.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(String(e.getFirstPropertyValue('url'))).toBe(`${server.url}/atlas/${numbers.markt}`);
		expect((e.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2030-04-01T08:00:00.000Z');
		expect((e.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString()).toBe('2030-04-01T08:00:00.000Z');
		const [lat, lon] = e.getFirstPropertyValue('geo') as unknown as [number, number];
		expect(lat).toBeCloseTo(51.4826, 5);
		expect(lon).toBeCloseTo(11.9697, 5);
		expect(event.description).toContain('Art der Arbeiten: Leitungsbau');
		expect(event.description).toContain('Verkehr: Vollsperrung');
		expect(event.description).toContain('Träger: Stadtwerke Kalender');
		expect(event.description).toContain('Zeitraum: 04.05.2030 – 15.05.2030 (Termine bestätigt)');
		expect(event.description).toContain('Status: Genehmigt');
	});

	it('marks undecided ones TENTATIVE, storniert ones CANCELLED, and takes actual dates', async () => {
		const { events } = await calendar();
		const byKey = (key: string) => events.find((x) => x.getFirstPropertyValue('uid') === uidOf(key))!;
		expect(byKey('geplant').getFirstPropertyValue('status')).toBe('TENTATIVE');
		expect(byKey('storniert').getFirstPropertyValue('status')).toBe('CANCELLED');
		const begonnen = new ICAL.Event(byKey('begonnen'));
		expect(begonnen.startDate.toString()).toBe('2030-03-03');
		expect(begonnen.endDate.toString()).toBe('2030-03-26');
	});

	it('keeps the UID and raises SEQUENCE when the Baustelle changes', async () => {
		await bumpRevision(db.sql, ids.markt!, { title: 'Trinkwasser Marktplatz, 2. Bauabschnitt', updatedAt: new Date('2030-04-15T09:30:00Z') });
		const { events } = await calendar();
		const e = events.find((x) => x.getFirstPropertyValue('uid') === uidOf('markt'));
		expect(e, 'same UID after the change').toBeDefined();
		const event = new ICAL.Event(e!);
		expect(event.sequence).toBe(3);
		expect(event.summary).toBe('Trinkwasser Marktplatz, 2. Bauabschnitt');
		expect((e!.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString()).toBe('2030-04-15T09:30:00.000Z');
	});

	it('filters by bbox, street, from and to', async () => {
		const halle = await calendar('?bbox=11.95,51.47,11.99,51.49');
		expect(uids(halle.events)).not.toContain(uidOf('magdeburg'));
		expect(uids(halle.events)).toContain(uidOf('markt'));
		// a box only around the Marktplatz
		const markt = await calendar('?bbox=11.9690,51.4822,11.9700,51.4830');
		expect(uids(markt.events)).toEqual([uidOf('markt')]);

		const street = await calendar(`?street=${encodeURIComponent('leipziger str')}`);
		expect(uids(street.events)).toEqual([uidOf('markt')]);
		// % and _ are letters, not patterns
		expect((await calendar('?street=%25')).events).toHaveLength(0);

		const may = await calendar('?from=2030-05-01&to=2030-05-31');
		expect(uids(may.events)).toEqual(['markt', 'storniert', 'magdeburg'].map(uidOf).sort());
		// the actual end (25 March) counts, not the planned one (20 March)
		expect(uids((await calendar('?from=2030-03-22&to=2030-03-22')).events)).toEqual([uidOf('begonnen')]);
		expect(uids((await calendar('?from=2030-07-31')).events)).toEqual([uidOf('geplant')]);
		expect(uids((await calendar('?to=2030-03-02')).events)).toEqual([]);
	});

	it('answers invalid filters with a German 400 in the v1 error shape', async () => {
		for (const [query, field] of [
			['?bbox=11.9,51.4', 'bbox'],
			['?bbox=12,51.4,11.9,51.5', 'bbox'],
			['?from=2030-02-30', 'from'],
			['?to=morgen', 'to'],
			['?from=2030-06-01&to=2030-05-01', 'to']
		] as const) {
			const res = await fetch(`${server.url}/kalender.ics${query}`);
			expect(res.status, query).toBe(400);
			expect(res.headers.get('content-type')).toContain('application/json');
			const body = (await res.json()) as { error: { code: string; message: string; details: { field: string }[] } };
			expect(body.error.code).toBe('validation');
			expect(body.error.message).toMatch(/^Der Kalender-Filter ist ungültig/);
			expect(body.error.details.map((d) => d.field)).toContain(field);
		}
	});
});
