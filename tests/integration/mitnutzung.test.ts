/**
 * POST /api/v1/mitnutzung against `node build` with the demo's networks and calendar: a route along the
 * Glasfaser Fiktiv's duct bank is mostly covered and names the operator and its contact; the answer
 * holds only pieces of the route (never a duct's course) and fits the OpenAPI document strictly; a
 * route along the Große Ulrichstraße finds the demo's coming excavations there with ask-by dates; the
 * operator hears of the check; checks are the organisation's own; bad routes are refused in German
 * and leave nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lonLatToUtm } from '../../src/lib/geo/crs';
import { segmentDistance } from '../../src/lib/server/konflikte/distance';
import { footprintAlong } from '../../src/lib/server/kalender/sample';
import { checkSchema, responseSchema } from '../../src/lib/server/openapi/schema-check';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { api, createToken } from './helpers/client';

let db: FreshDb;
let server: TestServer;
let dataDir: string;
let doc: any;
const t = {} as Record<'bau' | 'planer' | 'glasfaser' | 'neu', string>;

/** Along the Glasfaser Fiktiv's duct bank GFF-B-000036 (demo networks, layers/demo), then on south. */
const ALONG_DUCT = {
	type: 'LineString',
	coordinates: [[11.97288, 51.4889], [11.97278, 51.4882], [11.97265, 51.48712], [11.9723, 51.48688], [11.97213, 51.4866], [11.9718, 51.4855]]
};
/** The axis of the Große Ulrichstraße, where the demo calendar has works in the coming months. */
const ULRICH = footprintAlong('Große Ulrichstraße', [0.05, 0.95], 2).axis4326;

async function countChecks(): Promise<number> {
	const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from mitnutzung_checks`;
	return row!.n;
}

function conforms(method: string, path: string, res: { status: number; body: unknown }): void {
	const schema = responseSchema(doc, path, method, res.status, 'application/json');
	expect(checkSchema(schema, res.body, { root: doc, strict: true }), JSON.stringify(res.body).slice(0, 200)).toEqual([]);
}

/** Every position of `g` lies on the route (within 5 cm): the answer gives away nothing but the route. */
function onRoute(g: { type: string; coordinates: any } | null, route: number[][]): void {
	if (!g) return;
	const parts: number[][][] = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
	const line = route.map((p) => lonLatToUtm(p));
	for (const p of parts.flat()) {
		const [x, y] = lonLatToUtm(p);
		let d = Infinity;
		for (let i = 1; i < line.length; i++) d = Math.min(d, segmentDistance(x, y, x, y, line[i - 1]![0]!, line[i - 1]![1]!, line[i]![0]!, line[i]![1]!));
		expect(d).toBeLessThan(0.05);
	}
}

beforeAll(async () => {
	db = await freshDatabase();
	dataDir = mkdtempSync(join(tmpdir(), 'tb-mitnutzung-'));
	server = await startServer({ DATABASE_URL: db.url, DATA_DIR: dataDir, TIEFBLICK_DEMO: '1', FAKE_NOW: '2030-03-04T09:00:00+01:00', MITNUTZUNG_MAX_PER_HOUR: '50' }, 120_000);
	t.bau = await createToken(server.url, 'bauleiter@musterbau.demo', DEMO_PASSWORD);
	t.planer = await createToken(server.url, 'planung@ib-beispiel.demo', DEMO_PASSWORD);
	t.glasfaser = await createToken(server.url, 'planauskunft@glasfaser-fiktiv.demo', DEMO_PASSWORD);
	t.neu = await createToken(server.url, 'neu@erdbau-neuling.demo', DEMO_PASSWORD);
	doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
}, 150_000);
afterAll(async () => {
	await server?.stop();
	await db?.drop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /api/v1/mitnutzung', () => {
	let first: any;

	it('finds the duct bank along the route, its operator and free ducts, and the gaps', async () => {
		const res = await api(server.url, 'POST', '/api/v1/mitnutzung', { token: t.planer, body: { title: 'FTTH Los 4, Abschnitt Nord', route: ALONG_DUCT } });
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		conforms('POST', '/api/v1/mitnutzung', res);
		first = res.body;
		expect(first.number).toMatch(/^MN-2030-\d{5}$/);
		expect(first.corridorM).toBe(5);
		expect(first.period).toEqual({ start: '2030-03-04', end: '2031-03-04' });
		expect(first.route.lengthM).toBeGreaterThan(350);
		expect(first.coverage.percent).toBeGreaterThan(50);
		expect(first.coverage.percent).toBeLessThan(100);
		const glasfaser = first.ducts.find((d: any) => d.operator.name === 'Glasfaser Fiktiv GmbH (Demo)');
		expect(glasfaser, JSON.stringify(first.ducts)).toBeTruthy();
		expect(glasfaser).toMatchObject({ network: 'breitband', layer: { name: 'Glasfaser Rohrverbände' } });
		expect(glasfaser.ductsFree.min).toBeGreaterThanOrEqual(1);
		expect(glasfaser.operator.contact.email).toContain('@glasfaser-fiktiv.demo');
		expect(glasfaser.lengthM).toBeGreaterThan(200);
		// covered + gaps = the whole route
		const sum = (s: any[]) => s.reduce((n, x) => n + x.toM - x.fromM, 0);
		expect(sum(first.coverage.sections) + sum(first.gaps)).toBeCloseTo(first.route.lengthM, 0);
		expect(first.layerVersions.map((l: any) => l.operator)).toContain('Glasfaser Fiktiv GmbH (Demo)');
	});

	it('gives away pieces of the route only, never a duct', async () => {
		onRoute(first.coverage.geometry, ALONG_DUCT.coordinates);
		for (const d of first.ducts) onRoute(d.geometry, ALONG_DUCT.coordinates);
		const text = JSON.stringify(first);
		expect(text).not.toContain('source_id');
		expect(text).not.toContain('GFF-B-');
	});

	it('finds coming excavations on the Große Ulrichstraße to share, with the date to ask by', async () => {
		const res = await api(server.url, 'POST', '/api/v1/mitnutzung', { token: t.planer, body: { route: ULRICH, corridorM: 3 } });
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		conforms('POST', '/api/v1/mitnutzung', res);
		const chances = res.body.coLaying;
		expect(chances.length, JSON.stringify(res.body)).toBeGreaterThan(0);
		for (const c of chances) {
			expect(c.baustelle.streets).toContain('Große Ulrichstraße');
			expect(c.askBy >= '2030-03-04').toBe(true);
			expect(c.askBy <= c.baustelle.period.start || c.askBy === '2030-03-04').toBe(true);
			expect(c.legalBasis).toBe(c.baustelle.publiclyFunded ? '§ 146 TKG' : null);
			expect(c.message).toContain(c.baustelle.publiclyFunded ? '§ 146 TKG' : 'freiwillig');
			expect(c.distanceM).toBeLessThanOrEqual(10);
			onRoute(c.geometry, ULRICH.coordinates);
		}
		// nothing finished, cancelled or without excavation
		const numbers = chances.map((c: any) => c.baustelle.number);
		const [row] = await db.sql<{ bad: number }[]>`select count(*)::int as bad from baustellen
			where number = any(${numbers}) and (not excavation or status in ('storniert', 'abgeschlossen', 'abgenommen'))`;
		expect(row!.bad).toBe(0);
	});

	it('tells the operator that a route was checked along its ducts', async () => {
		const inbox = await api(server.url, 'GET', '/api/v1/benachrichtigungen', { token: t.glasfaser });
		const entry = inbox.body.items.find((n: any) => n.type === 'mitnutzung.anfrage');
		expect(entry, JSON.stringify(inbox.body)).toBeTruthy();
		expect(entry.title).toBe('Ingenieurbüro Beispiel & Partner (Demo) prüft eine Trasse entlang Ihrer Leerrohre');
		expect(entry.body).toContain(first.number);
		const [audit] = await db.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'mitnutzung.checked' and subject = ${first.id}`;
		expect(audit!.n).toBe(1);
	});

	it('keeps checks to their organisation: list and detail own, others 404, unverified 403, anonymous 401', async () => {
		const list = await api(server.url, 'GET', '/api/v1/mitnutzung?limit=1', { token: t.planer });
		expect(list.status).toBe(200);
		conforms('GET', '/api/v1/mitnutzung', list);
		expect(list.body.total).toBe(2);
		expect(list.body.next).toContain('offset=1');
		const one = await api(server.url, 'GET', `/api/v1/mitnutzung/${first.id}`, { token: t.planer });
		expect(one.status).toBe(200);
		conforms('GET', '/api/v1/mitnutzung/{id}', one);
		expect(one.body.coverage).toEqual(first.coverage);

		expect((await api(server.url, 'GET', `/api/v1/mitnutzung/${first.id}`, { token: t.bau })).status).toBe(404);
		expect((await api(server.url, 'GET', '/api/v1/mitnutzung', { token: t.bau })).body.total).toBe(0);
		expect((await api(server.url, 'GET', '/api/v1/mitnutzung/kein-uuid', { token: t.planer })).status).toBe(404);
		const unverified = await api(server.url, 'POST', '/api/v1/mitnutzung', { token: t.neu, body: { route: ALONG_DUCT } });
		expect(unverified.status).toBe(403);
		conforms('POST', '/api/v1/mitnutzung', unverified);
		expect((await api(server.url, 'POST', '/api/v1/mitnutzung', { body: { route: ALONG_DUCT } })).status).toBe(401);
	});

	it('refuses bad routes in German, names the field, and stores nothing', async () => {
		const before = await countChecks();
		const polygon = await api(server.url, 'POST', '/api/v1/mitnutzung', { token: t.planer, body: { route: { type: 'Polygon', coordinates: [] }, corridorM: 0 } });
		expect(polygon.status).toBe(422);
		conforms('POST', '/api/v1/mitnutzung', polygon);
		expect(polygon.body.error.details.map((d: any) => d.field)).toEqual(['route', 'corridorM']);
		const swapped = await api(server.url, 'POST', '/api/v1/mitnutzung', { token: t.planer, body: { route: { type: 'LineString', coordinates: ALONG_DUCT.coordinates.map(([x, y]) => [y, x]) } } });
		expect(swapped.status).toBe(422);
		expect(swapped.body.error.code).toBe('outside_service_area');
		expect(swapped.body.error.details[0].message).toContain('Länge und Breite vertauscht');
		const point = await api(server.url, 'POST', '/api/v1/mitnutzung', { token: t.planer, body: { route: { type: 'LineString', coordinates: [[11.97, 51.48], [11.97, 51.48]] } } });
		expect(point.status).toBe(422);
		expect(point.body.error.code).toBe('route_too_short');
		expect(await countChecks()).toBe(before);
	});
});
