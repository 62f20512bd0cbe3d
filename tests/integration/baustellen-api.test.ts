/**
 * The construction calendar's v1 API against `node build` with the demo's jurisdictions: create, routing
 * by jurisdiction and road responsibility, conflicts from both sides, permit tracks with the authority's
 * actions and guards, the lifecycle, and the atomicity of a refused request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { api, createToken } from './helpers/client';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { footprintAlong } from '../../src/lib/server/kalender/sample';

/** The one row a count query returns. */
const onlyRow = <T>(rows: readonly T[]): T => {
	if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
	return rows[0]!;
};

let db: FreshDb;
let server: TestServer;
let dataDir: string;
const t: Record<string, string> = {};
/** the firm's own demo Baustellen, there before the test adds its own */
let demoOwn = 0;

/*
 * Strips along the Magdeburger Straße (Halle), EPSG:4326: east of the Altstadt, away from the demo's own
 * Baustellen (seeded with TIEFBLICK_DEMO=1), so the conflicts found are the test's own. The second strip
 * overlaps the first on the same street section.
 */
const MAGDEBURGER = footprintAlong('Magdeburger Straße', [0.3, 0.6], 4).footprint4326;
const MAGDEBURGER_OVERLAP = footprintAlong('Magdeburger Straße', [0.45, 0.75], 4).footprint4326;
/** On the western Mansfelder Straße: Gemeinde Saalwerder and the Land's L 164 (Demo). */
const MANSFELDER_WEST = { type: 'Polygon', coordinates: [[[11.9550, 51.48235], [11.9560, 51.48235], [11.9560, 51.48265], [11.9550, 51.48265], [11.9550, 51.48235]]] };
/** Across the fictional boundary at 11.9585: both municipalities. */
const ACROSS = { type: 'Polygon', coordinates: [[[11.9580, 51.48195], [11.9592, 51.48195], [11.9592, 51.48225], [11.9580, 51.48225], [11.9580, 51.48195]]] };

const body = (over: Record<string, unknown> = {}) => ({
	title: 'Erneuerung Trinkwasserleitung DN 150',
	description: 'Leitungsbau in offener Bauweise, Fahrbahn halbseitig.',
	footprint: MAGDEBURGER,
	period: { start: '2030-04-06', end: '2030-05-29' },
	workKind: 'leitungsbau',
	networks: ['wasser'],
	traffic: 'halbseitig',
	contact: { name: 'Bernd Bauleiter', phone: '0170 0000000', email: 'bauleiter@musterbau.demo' },
	...over
});

beforeAll(async () => {
	db = await freshDatabase();
	dataDir = mkdtempSync(join(tmpdir(), 'tb-baustellen-'));
	server = await startServer({ DATABASE_URL: db.url, DATA_DIR: dataDir, TIEFBLICK_DEMO: '1', FAKE_NOW: '2030-03-02T09:00:00+01:00' }, 90_000);
	for (const [k, email] of Object.entries({
		bau: 'bauleiter@musterbau.demo',
		sw: 'netz@sw-saalestadt.demo',
		halle: 'tiefbauamt@halle.demo',
		gemeinde: 'bauamt@saalwerder.demo',
		land: 'strassenbau@lsbb.demo',
		planer: 'planung@ib-beispiel.demo'
	})) {
		t[k] = await createToken(server.url, email, DEMO_PASSWORD);
	}
	demoOwn = (await api(server.url, 'GET', '/api/v1/baustellen?scope=eigene', { token: t.bau })).body.total;
}, 120_000);
afterAll(async () => {
	await server?.stop();
	await db?.drop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /api/v1/baustellen', () => {
	let first: any;

	it('answers 201 with number, routed authority, derived axis and streets, and the required permits', async () => {
		const res = await api(server.url, 'POST', '/api/v1/baustellen', { token: t.bau, body: body() });
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		first = res.body;
		expect(first.number).toMatch(/^BS-2030-\d{5}$/);
		expect(first.status).toBe('geplant');
		expect(first.promoter).toMatchObject({ name: 'Tiefbau Musterbau GmbH (Demo)', privat: false });
		expect(first.authorities).toEqual([expect.objectContaining({ name: 'Stadt Halle (Saale), Tiefbauamt (Demo)', reason: 'gebiet' })]);
		expect(first.streets).toContain('Magdeburger Straße');
		expect(first.axisDerived).toBe(true);
		expect(['LineString', 'MultiLineString']).toContain(first.axis.type);
		// EPSG:4326 like everything the browser gets: on the Magdeburger Straße
		const [lon, lat] = (first.axis.type === 'LineString' ? first.axis.coordinates : first.axis.coordinates[0])[0];
		expect(lon).toBeCloseTo(11.980, 2);
		expect(lat).toBeCloseTo(51.4855, 2);
		expect(first.permits.map((p: any) => p.kind).sort()).toEqual(['aufgrabeerlaubnis', 'verkehrsrechtliche_anordnung']);
		expect(first.permits.every((p: any) => p.status === 'offen')).toBe(true);
		expect(first.conflicts.count).toBe(0);
	});

	it('finds the clash of a second excavation on the same street section, on both sides', async () => {
		const res = await api(server.url, 'POST', '/api/v1/baustellen', {
			token: t.sw,
			body: body({ title: 'Glasfaser-Hausanschlüsse', footprint: MAGDEBURGER_OVERLAP, networks: ['breitband'], workKind: 'aufgrabung', period: { start: '2030-05-04', end: '2030-06-12' } })
		});
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		expect(res.body.permits.map((p: any) => p.kind)).toContain('tkg_zustimmung');
		const mine = await api(server.url, 'GET', `/api/v1/baustellen/${res.body.id}/konflikte`, { token: t.sw });
		expect(mine.status).toBe(200);
		const clash = mine.body.items.find((i: any) => i.kind === 'ueberschneidung');
		expect(clash, JSON.stringify(mine.body)).toBeTruthy();
		expect(clash.severity).toBe('hoch');
		expect(clash.other.number).toBe(first.number);
		expect(mine.body.items.some((i: any) => i.kind === 'mitverlegung')).toBe(true);
		const theirs = await api(server.url, 'GET', `/api/v1/baustellen/${first.id}/konflikte`, { token: t.bau });
		expect(theirs.body.items.find((i: any) => i.kind === 'ueberschneidung')?.other.id).toBe(res.body.id);
		// the authority sees both
		const authority = await api(server.url, 'GET', `/api/v1/baustellen/${first.id}/konflikte`, { token: t.halle });
		expect(authority.status).toBe(200);
	});

	it('routes by jurisdiction and road responsibility (Gemeinde + Land; interkommunal)', async () => {
		const west = await api(server.url, 'POST', '/api/v1/baustellen', { token: t.bau, body: body({ title: 'Hausanschluss Mansfelder Straße', footprint: MANSFELDER_WEST }) });
		expect(west.status, JSON.stringify(west.body)).toBe(201);
		const names = west.body.authorities.map((a: any) => `${a.name}|${a.reason}`).sort();
		expect(names).toEqual(['Gemeinde Saalwerder, Bauamt (Demo)|gebiet', 'Landesstraßenbaubehörde, Regionalbereich Süd (Demo)|strassenbaulast']);
		const aufgrabe = west.body.permits.find((p: any) => p.kind === 'aufgrabeerlaubnis');
		expect(aufgrabe.authority.name).toBe('Landesstraßenbaubehörde, Regionalbereich Süd (Demo)');
		const vao = west.body.permits.find((p: any) => p.kind === 'verkehrsrechtliche_anordnung');
		expect(vao.authority.name).toBe('Gemeinde Saalwerder, Bauamt (Demo)');

		const across = await api(server.url, 'POST', '/api/v1/baustellen', { token: t.bau, body: body({ title: 'Querung Gemeindegrenze', footprint: ACROSS, period: { start: '2031-04-06', end: '2031-04-20' } }) });
		expect(across.status, JSON.stringify(across.body)).toBe(201);
		const gebiet = across.body.authorities.filter((a: any) => a.reason === 'gebiet').map((a: any) => a.name).sort();
		expect(gebiet).toEqual(['Gemeinde Saalwerder, Bauamt (Demo)', 'Stadt Halle (Saale), Tiefbauamt (Demo)']);
	});

	it('refuses bad input in German and stores nothing', async () => {
		const { n: before } = onlyRow(await db.sql`select count(*)::int as n from baustellen`);
		const res = await api(server.url, 'POST', '/api/v1/baustellen', { token: t.bau, body: body({ period: { start: '2030-05-10', end: '2030-05-01' }, traffic: 'gesperrt', footprint: { type: 'Point', coordinates: [11.9, 51.4] } }) });
		expect(res.status).toBe(422);
		const fields = res.body.error.details.map((d: any) => d.field);
		expect(fields).toEqual(expect.arrayContaining(['period.end', 'traffic', 'footprint']));
		const bow = await api(server.url, 'POST', '/api/v1/baustellen', {
			token: t.bau,
			body: body({ footprint: { type: 'Polygon', coordinates: [[[11.966, 51.486], [11.967, 51.487], [11.967, 51.486], [11.966, 51.487], [11.966, 51.486]]] } })
		});
		expect(bow.status).toBe(422);
		expect(bow.body.error.code).toBe('self_intersection');
		const { n: after } = onlyRow(await db.sql`select count(*)::int as n from baustellen`);
		expect(after).toBe(before);
	});

	it('keeps other organisations out (404) and needs a login (401)', async () => {
		expect((await api(server.url, 'GET', `/api/v1/baustellen/${first.id}`, { token: t.planer })).status).toBe(404);
		expect((await api(server.url, 'GET', `/api/v1/baustellen/${first.id}`, {})).status).toBe(401);
		expect((await api(server.url, 'PATCH', `/api/v1/baustellen/${first.id}`, { token: t.halle, body: { title: 'Fremd geändert' } })).status).toBe(404);
	});

	it('runs the permit tracks: submit, complete with clock, grant with conditions → genehmigt, then start and finish', async () => {
		const sub = await api(server.url, 'POST', `/api/v1/baustellen/${first.id}/aktionen`, { token: t.bau, body: { action: 'beantragen' } });
		expect(sub.status, JSON.stringify(sub.body)).toBe(200);
		expect(sub.body.status).toBe('beantragt');
		const [aufgrabe, vao] = ['aufgrabeerlaubnis', 'verkehrsrechtliche_anordnung'].map((k) => sub.body.permits.find((p: any) => p.kind === k));
		// the promoter cannot decide, the authority can
		expect((await api(server.url, 'POST', `/api/v1/genehmigungen/${aufgrabe.id}`, { token: t.bau, body: { action: 'erteilen' } })).status).toBe(403);
		expect((await api(server.url, 'POST', `/api/v1/genehmigungen/${aufgrabe.id}`, { token: t.planer, body: { action: 'erteilen' } })).status).toBe(404);
		const complete = await api(server.url, 'POST', `/api/v1/genehmigungen/${aufgrabe.id}`, { token: t.halle, body: { action: 'vollstaendig' } });
		expect(complete.status, JSON.stringify(complete.body)).toBe(200);
		expect(complete.body.dueAt).toMatch(/^2030-03-\d\d$/);
		const noConditions = await api(server.url, 'POST', `/api/v1/genehmigungen/${aufgrabe.id}`, { token: t.halle, body: { action: 'erteilen_mit_auflagen' } });
		expect(noConditions.status).toBe(409);
		const granted = await api(server.url, 'POST', `/api/v1/genehmigungen/${aufgrabe.id}`, {
			token: t.halle,
			body: { action: 'erteilen_mit_auflagen', conditions: 'Wiederherstellung der Oberfläche nach ZTV A-StB, Abnahme vor Freigabe.' }
		});
		expect(granted.body.status).toBe('erteilt_mit_auflagen');
		await api(server.url, 'POST', `/api/v1/genehmigungen/${vao.id}`, { token: t.halle, body: { action: 'erteilen' } });
		const after = await api(server.url, 'GET', `/api/v1/baustellen/${first.id}`, { token: t.bau });
		expect(after.body.status).toBe('genehmigt');
		const started = await api(server.url, 'PATCH', `/api/v1/baustellen/${first.id}`, { token: t.bau, body: { status: 'in_ausfuehrung' } });
		expect(started.status, JSON.stringify(started.body)).toBe(200);
		expect(started.body.status).toBe('in_ausfuehrung');
		expect(started.body.actual.start).toBe('2030-03-02');
		// the promoter cannot accept its own surface
		expect((await api(server.url, 'POST', `/api/v1/baustellen/${first.id}/aktionen`, { token: t.bau, body: { action: 'abnahme' } })).status).toBe(403);
	});

	it('lets the promoter change dates and re-checks conflicts; revision counts public changes', async () => {
		const before = await api(server.url, 'GET', `/api/v1/baustellen/${first.id}`, { token: t.bau });
		const res = await api(server.url, 'PATCH', `/api/v1/baustellen/${first.id}`, { token: t.bau, body: { period: { start: '2030-03-02', end: '2030-06-30', confirmed: true } } });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.period).toEqual({ start: '2030-03-02', end: '2030-06-30', confirmed: true });
		expect(res.body.revision).toBeGreaterThan(before.body.revision);
	});

	it('lists own and authority Baustellen with paging', async () => {
		const own = await api(server.url, 'GET', '/api/v1/baustellen?scope=eigene&limit=2', { token: t.bau });
		expect(own.status).toBe(200);
		expect(own.body.items.length).toBe(2);
		expect(own.body.total).toBe(demoOwn + 3);
		expect(own.body.next).toContain('offset=2');
		const land = await api(server.url, 'GET', '/api/v1/baustellen', { token: t.land });
		// the L 164 (Demo) ends at the boundary: both western Baustellen come within its reach (the demo's
		// own works on the L 164 are listed too)
		expect(land.body.items.map((i: any) => i.title)).toEqual(expect.arrayContaining(['Hausanschluss Mansfelder Straße', 'Querung Gemeindegrenze']));
		expect(land.body.items.map((i: any) => i.title)).not.toContain('Erneuerung Trinkwasserleitung DN 150');
	});
});
