/**
 * The road authority's workflow pages against `node build` with the demo's jurisdictions: the Eingang
 * with permit clocks (and, after the server clock moved on, an overdue one first), the guards (other
 * roles 403, members may not change the settings), the settings form, and the Aufbruchsperren — a
 * Sperre by street name blocks an existing excavation and its Aufgrabeerlaubnis, an exemption turns it
 * into a hint, proposals are activated or discarded, a lifted one stops counting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { api, Browser, createToken, TEST_PASSWORD } from './helpers/client';
import { hashPassword } from '../../src/lib/server/auth/password';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { footprintAlong, insertSampleMoratorium } from '../../src/lib/server/kalender/sample';

let db: FreshDb;
let server: TestServer;
let dataDir: string;
const t = {} as Record<'bau' | 'sw' | 'halle', string>;
let amt: Browser;

const HALLE = 'Stadt Halle (Saale), Tiefbauamt (Demo)';
/*
 * Footprints along real streets of Halle (EPSG:4326), chosen far from the demo's own Baustellen, so the
 * demo content (seeded with TIEFBLICK_DEMO=1) neither clashes with them nor lies under the test's Sperre.
 */
const HORDORFER = footprintAlong('Hordorfer Straße', [0.3, 0.6], 4).footprint4326;
const MERSEBURGER = footprintAlong('Merseburger Straße', [0.3, 0.4], 5).footprint4326;
const VOLKMANN = footprintAlong('Volkmannstraße', [0.4, 0.5], 5).footprint4326;

const body = (over: Record<string, unknown>) => ({
	description: 'Leitungsbau in offener Bauweise.',
	period: { start: '2030-04-08', end: '2030-05-29' },
	workKind: 'leitungsbau',
	networks: ['wasser'],
	traffic: 'halbseitig',
	contact: { name: 'Bernd Bauleiter', phone: '0170 0000000', email: 'bauleiter@musterbau.demo' },
	...over
});

async function start(fakeNow: string): Promise<void> {
	server = await startServer({ DATABASE_URL: db.url, DATA_DIR: dataDir, TIEFBLICK_DEMO: '1', FAKE_NOW: fakeNow }, 90_000);
	amt = new Browser(server.url);
	expect((await amt.login('tiefbauamt@halle.demo', DEMO_PASSWORD)).status).toBe(303);
}

/** Registers and submits a Baustelle; returns it with its permits. */
async function submitted(token: string, over: Record<string, unknown>): Promise<any> {
	const created = await api(server.url, 'POST', '/api/v1/baustellen', { token, body: body(over) });
	expect(created.status, JSON.stringify(created.body)).toBe(201);
	const sub = await api(server.url, 'POST', `/api/v1/baustellen/${created.body.id}/aktionen`, { token, body: { action: 'beantragen' } });
	expect(sub.status, JSON.stringify(sub.body)).toBe(200);
	return sub.body;
}

const permitOf = (b: any, kind: string) => b.permits.find((p: any) => p.kind === kind);

async function html(b: Browser, path: string): Promise<string> {
	const res = await b.get(path, { accept: 'text/html' });
	expect(res.status, path).toBe(200);
	return res.text();
}

/** The opening tag of the inbox row of a permit, and the row's text. */
function row(page: string, number: string, kind: string): { tag: string; text: string; at: number } {
	const at = page.indexOf(`data-testid="antrag-${number}-${kind}"`);
	expect(at, `${number} ${kind} im Eingang`).toBeGreaterThan(-1);
	const open = page.lastIndexOf('<tr', at);
	const close = page.indexOf('</tr>', at);
	return { tag: page.slice(open, page.indexOf('>', at) + 1), text: page.slice(open, close).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '), at };
}

const a: Record<string, any> = {};

beforeAll(async () => {
	db = await freshDatabase();
	dataDir = mkdtempSync(join(tmpdir(), 'tb-koordination-'));
	// Monday, 4 March 2030
	await start('2030-03-04T09:00:00+01:00');
	t.bau = await createToken(server.url, 'bauleiter@musterbau.demo', DEMO_PASSWORD);
	t.sw = await createToken(server.url, 'netz@sw-saalestadt.demo', DEMO_PASSWORD);
	t.halle = await createToken(server.url, 'tiefbauamt@halle.demo', DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
	await server?.stop();
	await db?.drop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Eingang', () => {
	it('lists a new registration and its submitted applications, then the due date once complete', async () => {
		a.markt = await submitted(t.bau, { title: 'Hausanschluss Trinkwasser Hordorfer Straße', footprint: HORDORFER });
		let page = await html(amt, '/koordination');
		expect(page).toMatch(/Neue Anmeldungen <span[^>]*>\(\d+\)/);
		expect(page).toContain('Hausanschluss Trinkwasser Hordorfer Straße');
		expect(row(page, a.markt.number, 'aufgrabeerlaubnis').text).toContain('Vollständigkeit prüfen');
		expect(page).toContain(`href="/baustellen/${a.markt.id}#genehmigungen"`);

		const complete = await api(server.url, 'POST', `/api/v1/genehmigungen/${permitOf(a.markt, 'aufgrabeerlaubnis').id}`, { token: t.halle, body: { action: 'vollstaendig' } });
		expect(complete.status, JSON.stringify(complete.body)).toBe(200);
		expect(complete.body.dueAt).toBe('2030-03-18');
		page = await html(amt, '/koordination');
		const r = row(page, a.markt.number, 'aufgrabeerlaubnis');
		expect(r.text).toContain('18.03.2030');
		expect(r.text).toContain('noch 10 Arbeitstage');
		expect(r.tag).not.toContain('ueberfaellig');
		// the running clock comes before the one still waiting for the completeness check
		expect(r.at).toBeLessThan(row(page, a.markt.number, 'verkehrsrechtliche_anordnung').at);
	});

	it('puts an overdue application first once the clock has moved past its due date', async () => {
		await server.stop();
		// Wednesday, 20 March 2030: two working days after the due date
		await start('2030-03-20T09:00:00+01:00');
		a.east = await submitted(t.sw, { title: 'Fernwärme Anschluss Merseburger Straße', footprint: MERSEBURGER, networks: ['fernwaerme'] });
		const complete = await api(server.url, 'POST', `/api/v1/genehmigungen/${permitOf(a.east, 'aufgrabeerlaubnis').id}`, { token: t.halle, body: { action: 'vollstaendig' } });
		expect(complete.body.dueAt).toBe('2030-04-03');
		const page = await html(amt, '/koordination');
		const overdue = row(page, a.markt.number, 'aufgrabeerlaubnis');
		const running = row(page, a.east.number, 'aufgrabeerlaubnis');
		expect(overdue.at).toBeLessThan(running.at);
		expect(overdue.tag).toContain('ueberfaellig');
		expect(overdue.text).toContain('seit 2 Arbeitstagen überfällig');
		expect(running.text).toContain('noch 10 Arbeitstage');
		expect(page).toMatch(/\d+ (Antrag ist|Anträge sind) überfällig\./);
		// every overdue row (the demo's as well) before every other one
		const tags = [...page.matchAll(/<tr[^>]*data-testid="antrag-[^"]+"[^>]*>/g)].map((m) => m[0].includes('ueberfaellig'));
		expect(tags.indexOf(false)).toBeGreaterThan(0);
		expect(tags.slice(tags.indexOf(false))).not.toContain(true);
	});

	it('filters by street and status with GET parameters', async () => {
		const street = await html(amt, `/koordination?strasse=${encodeURIComponent('hordorfer str')}`);
		expect(street).toContain(`data-testid="antrag-${a.markt.number}-aufgrabeerlaubnis"`);
		expect(street).not.toContain(`data-testid="antrag-${a.east.number}-aufgrabeerlaubnis"`);
		expect(street).toContain('value="hordorfer str"');
		const planned = await html(amt, '/koordination?status=geplant');
		expect(planned).not.toContain(a.markt.number);
		expect(planned).toContain('<option value="geplant" selected');
		const none = await html(amt, `/koordination?strasse=${encodeURIComponent('gibt es nicht')}`);
		for (const heading of ['Anträge', 'Neue Anmeldungen', 'Konflikte', 'Laufende Baustellen', 'Zur Abnahme']) expect(none).toMatch(new RegExp(`${heading} <span[^>]*>\\(0\\)`));
		expect(none).toContain('Keine offenen Anträge für diesen Filter.');
	});
});

describe('guards', () => {
	it('answers 403 to organisations that are not a road authority, for pages and actions', async () => {
		const firm = new Browser(server.url);
		await firm.login('bauleiter@musterbau.demo', DEMO_PASSWORD);
		for (const path of ['/koordination', '/koordination/aufbruchsperren', '/koordination/einstellungen', '/koordination/toeb']) {
			const res = await firm.get(path, { accept: 'text/html' });
			expect(res.status, path).toBe(403);
			expect(await res.text()).toContain('Diese Funktion steht Ihrer Organisation nicht zur Verfügung.');
		}
		expect((await firm.postForm('/koordination/aufbruchsperren?/create', { street: 'Volkmannstraße', validUntil: '2031-01-01' })).status).toBe(403);
		expect((await firm.postForm('/koordination/einstellungen?/save', { conflictDistanceM: '10' })).status).toBe(403);
	});

	it('shows the settings to a member but lets only the admins change them', async () => {
		const [org] = await db.sql<{ id: string }[]>`select id from organisations where name = ${HALLE}`;
		const [user] = await db.sql<{ id: string }[]>`insert into users (email, name, password_hash)
			values ('sachbearbeitung@halle.test', 'Sara Sachbearbeitung', ${await hashPassword(TEST_PASSWORD)}) returning id`;
		await db.sql`insert into memberships (user_id, org_id, role, status) values (${user!.id}, ${org!.id}, 'member', 'active')`;
		const member = new Browser(server.url);
		await member.login('sachbearbeitung@halle.test', TEST_PASSWORD);
		const page = await html(member, '/koordination/einstellungen');
		expect(page).toContain('Nur Administratoren Ihrer Organisation können diese Einstellungen ändern.');
		expect(page).toContain('10 Arbeitstage');
		const refused = await member.postForm('/koordination/einstellungen?/save', { conflictDistanceM: '10', moratoriumYears: '3', colayingMonths: '6' });
		expect(refused.status).toBe(403);
		const [stored] = await db.sql`select count(*)::int as n from authority_settings where org_id = ${org!.id}`;
		expect(stored!.n).toBe(0);
	});
});

describe('Einstellungen', () => {
	const form = (over: Record<string, string | string[]> = {}) => ({
		conflictDistanceM: '50',
		frostMonths: ['12', '1', '2'],
		moratoriumYears: '4',
		colayingMonths: '6',
		'aufgrabeerlaubnis.value': '12',
		'aufgrabeerlaubnis.unit': 'arbeitstage',
		'verkehrsrechtliche_anordnung.value': '10',
		'verkehrsrechtliche_anordnung.unit': 'arbeitstage',
		'sondernutzung.value': '20',
		'sondernutzung.unit': 'arbeitstage',
		...over
	});

	it('refuses out-of-range values in German, per field, and stores nothing', async () => {
		const res = await amt.postForm('/koordination/einstellungen?/save', form({ conflictDistanceM: '2000', 'sondernutzung.value': '99' }));
		expect(res.status).toBe(400);
		const text = await res.text();
		expect(text).toContain('Der Konfliktabstand muss zwischen 0 und 1.000 m liegen.');
		expect(text).toContain('Sondernutzungserlaubnis: Bitte für die Frist eine ganze Zahl von 1 bis 60 angeben (Arbeitstage).');
		expect(text).toContain('value="2000"');
		const [stored] = await db.sql`select count(*)::int as n from authority_settings`;
		expect(stored!.n).toBe(0);
	});

	it('saves the admin’s settings; defaults stay defaults and the TKG period stays statutory', async () => {
		const res = await amt.postForm('/koordination/einstellungen?/save', form({ 'tkg_zustimmung.value': '1' }));
		expect(res.status).toBe(200);
		const [s] = await db.sql`select s.* from authority_settings s join organisations o on o.id = s.org_id where o.name = ${HALLE}`;
		expect(s).toMatchObject({ conflict_distance_m: 50, frost_months: [1, 2, 12], moratorium_years: 4, colaying_months: 6 });
		expect(s!.permit_periods).toEqual({ aufgrabeerlaubnis: { unit: 'arbeitstage', value: 12, extension: null, fiction: false } });
		const page = await html(amt, '/koordination/einstellungen');
		expect(page).toContain('12 Arbeitstage');
		expect(page).toContain('3 Monate (einmal um 1 Monat verlängerbar, danach gilt die Zustimmung als erteilt)');
		expect(page).toContain('eigene Frist');
	});
});

describe('Aufbruchsperren', () => {
	let moratoriumId = '';

	it('a Sperre by street name blocks an existing excavation there and its Aufgrabeerlaubnis', async () => {
		a.volkmann = await submitted(t.bau, { title: 'Hausanschluss Gas Volkmannstraße', footprint: VOLKMANN, workKind: 'aufgrabung', networks: ['gas'], exemption: 'hausanschluss' });
		expect(a.volkmann.streets).toContain('Volkmannstraße');
		const created = await amt.postForm('/koordination/aufbruchsperren?/create', {
			title: '',
			street: 'Volkmannstraße',
			validUntil: '2034-12-31',
			legalBasis: 'Aufgrabungsrichtlinie, Ziffer 4',
			mode: 'sperre',
			exemptions: ['dringende_reparatur', 'stoerungsbeseitigung'],
			area: ''
		});
		expect(created.status).toBe(200);
		const text = await created.text();
		expect(text).toContain('Aufbruchsperre „Aufbruchsperre Volkmannstraße“ angelegt. 1 Baustelle ist betroffen, eine davon wird gesperrt.');

		const list = await api(server.url, 'GET', '/api/v1/aufbruchsperren', { token: t.halle });
		moratoriumId = list.body.items.find((m: any) => m.street === 'Volkmannstraße').id;
		const conflicts = await api(server.url, 'GET', `/api/v1/baustellen/${a.volkmann.id}/konflikte`, { token: t.bau });
		const block = conflicts.body.items.find((c: any) => c.kind === 'moratorium');
		expect(block, JSON.stringify(conflicts.body)).toMatchObject({ blocking: true, moratorium: { id: moratoriumId } });

		const grant = await api(server.url, 'POST', `/api/v1/genehmigungen/${permitOf(a.volkmann, 'aufgrabeerlaubnis').id}`, { token: t.halle, body: { action: 'erteilen' } });
		expect(grant.status).toBe(409);
		expect(grant.body.error.message).toMatch(/^Die Aufbruch-\/Aufgrabeerlaubnis kann nicht erteilt werden: .+ Bitte den Antrag ablehnen, eine Ausnahme der Aufbruchsperre prüfen oder die Sperre aufheben\.$/);

		const page = await html(amt, '/koordination/aufbruchsperren');
		const at = page.indexOf(`id="sperre-${moratoriumId}"`);
		const rowText = page.slice(at, page.indexOf('</tr>', at)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
		expect(rowText).toContain('1 Baustelle 1 gesperrt');
		expect(rowText).toContain('Dringende Reparatur, Störungsbeseitigung');
		const inbox = await html(amt, '/koordination');
		expect(inbox).toContain(`href="/koordination/aufbruchsperren#sperre-${moratoriumId}"`);
	});

	it('an exemption for house connections turns the Sperre into a hint, and the permit can be granted', async () => {
		const changed = await amt.postForm('/koordination/aufbruchsperren?/change', {
			id: moratoriumId,
			validUntil: '2034-12-31',
			mode: 'sperre',
			exemptions: ['dringende_reparatur', 'hausanschluss', 'stoerungsbeseitigung'],
			legalBasis: 'Aufgrabungsrichtlinie, Ziffer 4'
		});
		expect(changed.status).toBe(200);
		expect(await changed.text()).toContain('1 Baustelle ist betroffen.');
		const conflicts = await api(server.url, 'GET', `/api/v1/baustellen/${a.volkmann.id}/konflikte`, { token: t.bau });
		const hint = conflicts.body.items.find((c: any) => c.kind === 'moratorium');
		expect(hint).toMatchObject({ blocking: false, severity: 'hinweis' });
		expect(hint.message).toContain('ausgenommen');
		const grant = await api(server.url, 'POST', `/api/v1/genehmigungen/${permitOf(a.volkmann, 'aufgrabeerlaubnis').id}`, { token: t.halle, body: { action: 'erteilen' } });
		expect(grant.status, JSON.stringify(grant.body)).toBe(200);
		expect(grant.body.status).toBe('erteilt');
	});

	it('refuses a bad change or a bad new one in German', async () => {
		const bad = await amt.postForm('/koordination/aufbruchsperren?/change', { id: moratoriumId, validUntil: '2020-01-01', mode: 'sperre' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Das Ende der Aufbruchsperre liegt vor ihrem Beginn.');
		const unknown = await amt.postForm('/koordination/aufbruchsperren?/create', { street: 'Nirgendwostraße', validUntil: '2031-01-01', mode: 'sperre' });
		expect(unknown.status).toBe(400);
		expect(await unknown.text()).toContain('Die Straße „Nirgendwostraße“ ist in den Straßendaten nicht bekannt.');
		const junk = await amt.postForm('/koordination/aufbruchsperren?/create', { title: 'Fläche', area: '{kein json', validUntil: '2031-01-01', mode: 'sperre' });
		expect(junk.status).toBe(400);
		expect(await junk.text()).toContain('Die Fläche ist kein lesbares GeoJSON.');
	});

	it('activates or discards a proposal, and a lifted Sperre stops counting', async () => {
		const [org] = await db.sql<{ id: string }[]>`select id from organisations where name = ${HALLE}`;
		const proposal = await insertSampleMoratorium(db.sql, { authorityOrgId: org!.id, title: 'Vorschlag Volkmannstraße', street: 'Volkmannstraße', validFrom: '2030-03-20', validUntil: '2035-03-20', status: 'vorgeschlagen', mode: 'warnung' });
		const other = await insertSampleMoratorium(db.sql, { authorityOrgId: org!.id, title: 'Vorschlag Ahornweg', street: 'Ahornweg', validFrom: '2030-03-20', validUntil: '2035-03-20', status: 'vorgeschlagen' });
		let page = await html(amt, '/koordination/aufbruchsperren');
		expect(page).toContain(`id="sperre-${proposal}"`);
		expect(page).toContain(`id="sperre-${other}"`);
		expect((await amt.postForm('/koordination/aufbruchsperren?/activate', { id: proposal })).status).toBe(200);
		expect((await amt.postForm('/koordination/aufbruchsperren?/discard', { id: other })).status).toBe(200);
		const [p, o] = [await db.sql`select status from moratoria where id = ${proposal}`, await db.sql`select status from moratoria where id = ${other}`];
		expect([p[0]!.status, o[0]!.status]).toEqual(['aktiv', 'aufgehoben']);
		// the activated warning is now checked against the Baustelle on that street
		const [n] = await db.sql`select count(*)::int as n from baustelle_conflicts where moratorium_id = ${proposal}`;
		expect(n!.n).toBe(1);

		expect((await amt.postForm('/koordination/aufbruchsperren?/lift', { id: moratoriumId })).status).toBe(200);
		const conflicts = await api(server.url, 'GET', `/api/v1/baustellen/${a.volkmann.id}/konflikte`, { token: t.bau });
		expect(conflicts.body.items.filter((c: any) => c.moratorium?.id === moratoriumId)).toEqual([]);
		page = await html(amt, '/koordination/aufbruchsperren');
		const ended = page.slice(page.indexOf('id="beendet"'));
		expect(ended).toContain(`id="sperre-${moratoriumId}"`);
		expect(ended).toContain(`id="sperre-${other}"`);
		// another authority's moratorium is not there for this one
		const gemeinde = new Browser(server.url);
		await gemeinde.login('bauamt@saalwerder.demo', DEMO_PASSWORD);
		expect((await gemeinde.postForm('/koordination/aufbruchsperren?/lift', { id: proposal })).status).toBe(404);
	});

	it('keeps the TöB list reachable on its own page', async () => {
		const page = await html(amt, '/koordination/toeb');
		expect(page).toContain('Betreiber, die nicht auf Tiefblick sind');
		expect(page).toContain('href="/koordination/toeb"');
	});
});
