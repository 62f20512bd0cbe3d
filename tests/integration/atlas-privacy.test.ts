/**
 * No natural person in any public feed (DESIGN.md, Security model): a private Bauherr's Baustelle whose
 * contact, description, creating user, organisation, permit and conflict all carry names — „Erika
 * Mustermann“, „Max Mustermann“ — appears in every public route (atlas pages, GeoJSON, iCalendar, OGC
 * API, WZDx) with its promoter as „privat“, and none of those routes contains a name, a phone number,
 * an e-mail address or the internal ids behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { rectangle, seedBaustelle, seedPromoter, type Promoter } from './helpers/baustellen-seed';

let db: FreshDb;
let server: TestServer;
let owner: Promoter;
let privat: { id: string; number: string };
let firma: { id: string; number: string };

// everything that must never leave the server through a public route
const SECRETS = ['Mustermann', '0345 1234567', '0170 7654321', 'erika.m@', 'max.m@', 'Hausflur', 'Leerrohr', 'Auflagen', 'Überschneidung mit'];
// the registering firm: public on its own Baustellen, hidden behind „privat“ on a private Bauherr's
const FIRM = 'Hausbau Beispiel GmbH';

beforeAll(async () => {
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url, FAKE_NOW: '2030-05-01T08:00:00Z' });
	owner = await seedPromoter(db.sql, { org: FIRM, user: 'Max Mustermann', email: 'max.m@mustermann.example' });
	privat = await seedBaustelle(db.sql, owner, {
		title: 'Hausanschluss Trinkwasser',
		promoterPrivate: true,
		contact: { name: 'Erika Mustermann', phone: '0345 1234567', email: 'erika.m@mustermann.example', bauherr: 'Max Mustermann' },
		description: 'Zugang über den Hausflur, Schlüssel bei Erika Mustermann (0170 7654321).',
		workKind: 'aufgrabung',
		traffic: 'gehweg',
		streets: ['Kleine Ulrichstraße'],
		networks: ['wasser'],
		plannedStart: '2030-05-04',
		plannedEnd: '2030-05-08',
		ducts: [{ kind: 'Leerrohr', count: 1, diameterMm: 50, note: 'für Max Mustermann' }],
		footprint: rectangle(11.9675, 51.4838, 30, 10)
	});
	// the same organisation's other Baustelle, not private: its name may show there (it is a firm's name)
	firma = await seedBaustelle(db.sql, owner, { title: 'Gehweg Marktplatz', streets: ['Marktplatz'], plannedStart: '2030-05-04', plannedEnd: '2030-05-06' });
	// permits and conflicts with names: the public side never reads these tables
	const authority = await seedPromoter(db.sql, { org: 'Stadt Testhausen', roles: ['kommune'] });
	await db.sql`insert into permits (baustelle_id, kind, authority_org_id, status, conditions, reason, decided_by, created_at, updated_at)
		values (${privat.id}, 'aufgrabeerlaubnis', ${authority.orgId}, 'erteilt_mit_auflagen', 'Auflagen: Absprache mit Erika Mustermann', 'Max Mustermann informiert', ${authority.userId}, now(), now())`;
	await db.sql`insert into baustelle_conflicts (baustelle_id, kind, other_baustelle_id, severity, message, computed_at)
		values (${privat.id}, 'ueberschneidung', ${firma.id}, 'hoch', 'Überschneidung mit dem Gehweg Marktplatz (Max Mustermann)', now())`;
}, 120_000);

afterAll(async () => {
	await server?.stop();
	await db?.drop();
});

async function text(path: string): Promise<string> {
	const res = await fetch(server.url + path);
	expect(res.status, path).toBe(200);
	return res.text();
}

function expectNoPersons(path: string, body: string): void {
	for (const secret of SECRETS) expect(body, `${path} enthält „${secret}“`).not.toContain(secret);
	for (const id of [owner.userId, owner.orgId]) expect(body, `${path} enthält eine interne Kennung`).not.toContain(id);
}

describe('no natural person in any public route', () => {
	const ROUTES = () => [
		'/atlas',
		'/atlas?from=&street=Ulrich',
		'/atlas?monat=2030-05',
		`/atlas/${privat.number}`,
		'/atlas/baustellen.geojson',
		'/kalender.ics',
		'/ogc/collections/baustellen/items',
		`/ogc/collections/baustellen/items/${privat.id}`,
		'/ogc/collections',
		'/api/v1/baustellen.wzdx.json'
	];

	it('shows the private Baustelle everywhere, without a name, phone, e-mail or internal id', async () => {
		for (const path of ROUTES()) {
			const body = await text(path);
			expect(body, `${path} zeigt die Baustelle nicht`).toMatch(path.includes('collections') && !path.includes('items') ? /baustellen/ : new RegExp(`${privat.number}|${privat.id}`));
			expectNoPersons(path, body);
		}
	});

	it('names the promoter „privat“ in the page, the GeoJSON, the OGC item and the calendar', async () => {
		const page = await text(`/atlas/${privat.number}`);
		expect(page).toMatch(/Träger<\/dt>\s*<dd[^>]*>privat<\/dd>/);
		const geojson = JSON.parse(await text('/atlas/baustellen.geojson'));
		const feature = geojson.features.find((f: { id: string }) => f.id === privat.id);
		expect(feature.properties.promoter).toBe('privat');
		expect(Object.keys(feature.properties)).not.toEqual(expect.arrayContaining(['contact']));
		expect(JSON.parse(await text(`/ogc/collections/baustellen/items/${privat.id}`)).properties.promoter).toBe('privat');
		expect((await text('/kalender.ics')).replace(/\r\n /g, '')).toContain('Träger: privat');
		// the firm stays hidden behind „privat“ — but shows on its own, non-private Baustelle
		expect(JSON.stringify(feature)).not.toContain(FIRM);
		expect(page).not.toContain(FIRM);
		expect(geojson.features.find((f: { id: string }) => f.id === firma.id).properties.promoter).toBe(FIRM);
		const ics = (await text(`/kalender.ics?street=${encodeURIComponent('Kleine Ulrichstraße')}`)).replace(/\r\n /g, '');
		expect(ics).toContain(privat.id);
		expect(ics).not.toContain(FIRM);
	});

	it('serves nothing of it once it is no longer public', async () => {
		await db.sql`update baustellen set public = false where id = ${privat.id}`;
		try {
			for (const path of ROUTES().filter((p) => !p.includes(privat.number) && !p.includes(privat.id))) {
				const body = await text(path);
				expect(body, path).not.toContain(privat.id);
				expect(body, path).not.toContain(privat.number);
			}
			expect((await fetch(`${server.url}/atlas/${privat.number}`)).status).toBe(404);
			expect((await fetch(`${server.url}/ogc/collections/baustellen/items/${privat.id}`)).status).toBe(404);
		} finally {
			await db.sql`update baustellen set public = true where id = ${privat.id}`;
		}
	});
});
