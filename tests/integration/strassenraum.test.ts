/**
 * GET /api/v1/strassenraum against `node build` with the demo networks: a firm with a valid Auskunft on
 * the Marktplatz sees the released lines crossing a section there — offsets that agree with its own
 * GeoJSON download — while the operator that has not answered yet is named, not shown; away from its
 * Auskunft it sees no line at all; an operator sees its own network anywhere; expired Auskünfte no
 * longer disclose; every answer fits the OpenAPI document and every query is audited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lonLatToUtm } from '../../src/lib/geo/crs';
import { crossings, type Section } from '../../src/lib/server/strassenraum/section';
import { checkSchema, responseSchema } from '../../src/lib/server/openapi/schema-check';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { api, createToken } from './helpers/client';

let db: FreshDb;
let server: TestServer;
let dataDir: string;
let doc: any;
const t = {} as Record<'bau' | 'sw' | 'neu', string>;
let auskunft: any;

const MARKT = { type: 'Polygon', coordinates: [[[11.969, 51.4825], [11.9696, 51.4825], [11.9696, 51.48277], [11.969, 51.48277], [11.969, 51.4825]]] };
/** inside MARKT, near the Marktplatz's axis */
const IN_MARKT = 'lon=11.9693&lat=51.48263';
/** the Große Steinstraße, far from the Auskunft */
const STEINSTRASSE = 'lon=11.9754&lat=51.4866';

function conforms(res: { status: number; body: unknown }): void {
	const schema = responseSchema(doc, '/api/v1/strassenraum', 'GET', res.status, 'application/json');
	expect(checkSchema(schema, res.body, { root: doc, strict: true }), JSON.stringify(res.body).slice(0, 300)).toEqual([]);
}

const section = (body: any) => api(server.url, 'GET', `/api/v1/strassenraum?${body}`, { token: t.bau });

async function start(fakeNow: string): Promise<void> {
	server = await startServer({ DATABASE_URL: db.url, DATA_DIR: dataDir, TIEFBLICK_DEMO: '1', FAKE_NOW: fakeNow }, 120_000);
	t.bau = await createToken(server.url, 'bauleiter@musterbau.demo', DEMO_PASSWORD);
	t.sw = await createToken(server.url, 'netz@sw-saalestadt.demo', DEMO_PASSWORD);
	t.neu = await createToken(server.url, 'neu@erdbau-neuling.demo', DEMO_PASSWORD);
	doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
}

beforeAll(async () => {
	db = await freshDatabase();
	dataDir = mkdtempSync(join(tmpdir(), 'tb-strassenraum-'));
	await start('2030-03-04T09:00:00+01:00');
	const res = await api(server.url, 'POST', '/api/v1/auskuenfte', {
		token: t.bau,
		body: { type: 'bau', geometry: MARKT, workClass: 'aufgrabung', period: { start: '2030-03-10', end: '2030-03-20' }, description: 'Hausanschluss Wasser Marktplatz' }
	});
	expect(res.status, JSON.stringify(res.body)).toBe(201);
	auskunft = res.body;
}, 150_000);
afterAll(async () => {
	await server?.stop();
	await db?.drop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/v1/strassenraum', () => {
	it('shows the lines of a valid Auskunft where the section crosses them, as the download has them', async () => {
		const res = await section(IN_MARKT);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		conforms(res);
		expect(res.body.street.name).toBe('Marktplatz');
		expect(res.body.section.halfWidthM).toBe(15);
		const lines = res.body.lines;
		expect(lines.length).toBeGreaterThan(2);
		const released = auskunft.operators.filter((o: any) => o.status === 'betroffen').map((o: any) => o.name);
		for (const l of lines) {
			expect(released).toContain(l.operator.name);
			expect(l.source).toEqual({ kind: 'auskunft', number: auskunft.number, validUntil: auskunft.validUntil });
			expect(Math.abs(l.offsetM)).toBeLessThanOrEqual(15);
			expect(l.side).toBe(l.offsetM > 0 ? 'rechts' : l.offsetM < 0 ? 'links' : 'Achse');
		}
		expect(lines.map((l: any) => l.offsetM)).toEqual([...lines.map((l: any) => l.offsetM)].sort((a: number, b: number) => a - b));
		expect(res.body.networks).toEqual([...new Set(lines.map((l: any) => l.network))]);
		// the Auskunft's reach along the section: every disclosed line lies in it
		const covered = res.body.section.covered;
		expect(covered.length).toBeGreaterThan(0);
		for (const l of lines) expect(covered.some((c: any) => l.offsetM >= c.fromM - 0.01 && l.offsetM <= c.toM + 0.01)).toBe(true);

		// the oracle: the same section through the firm's own GeoJSON download gives the same offsets
		const geojson = await api(server.url, 'GET', `/api/v1/auskuenfte/${auskunft.id}/features.geojson`, { token: t.bau });
		const [from, to] = res.body.section.line.coordinates.map((p: number[]) => lonLatToUtm(p));
		const foot = lonLatToUtm(res.body.section.foot);
		const len = Math.hypot(to[0] - from[0], to[1] - from[1]);
		const sec: Section = { foot: { street: '', point: foot, direction: [(from[1] - to[1]) / len, (to[0] - from[0]) / len], distanceM: 0 }, halfWidthM: 15, from, to, bearingDeg: 0 };
		const expected = geojson.body.features
			.filter((f: any) => f.geometry.type.endsWith('LineString'))
			.flatMap((f: any) => crossings(sec, (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates).map((part: number[][]) => part.map((p) => lonLatToUtm(p)))).map((c) => c.offsetM))
			.sort((a: number, b: number) => a - b);
		expect(lines.map((l: any) => l.offsetM).length).toBe(expected.length);
		lines.forEach((l: any, i: number) => expect(l.offsetM).toBeCloseTo(expected[i]!, 1));
	});

	it('names the operator that has not answered, and those that are not affected', async () => {
		const res = await section(IN_MARKT);
		const pending = auskunft.operators.filter((o: any) => o.status === 'ausstehend').map((o: any) => o.name);
		expect(pending.length).toBeGreaterThan(0);
		for (const name of pending) {
			const w = res.body.withheld.find((x: any) => x.operator.name === name);
			expect(w, JSON.stringify(res.body.withheld)).toBeTruthy();
			expect(w.reason).toContain(`${auskunft.number} steht noch aus`);
			expect(res.body.lines.some((l: any) => l.operator.name === name)).toBe(false);
		}
		const notAffected = auskunft.operators.filter((o: any) => o.status === 'nicht_betroffen').map((o: any) => o.name).sort();
		expect(res.body.notAffected.map((o: any) => o.name)).toEqual(notAffected);
	});

	it('shows no line away from the Auskunft, and says what to do', async () => {
		const res = await section(STEINSTRASSE);
		expect(res.status).toBe(200);
		conforms(res);
		expect(res.body.street.name).toBe('Große Steinstraße');
		expect(res.body.lines).toEqual([]);
		expect(res.body.section.covered).toEqual([]);
		expect(res.body.withheld.length).toBeGreaterThan(0);
		for (const w of res.body.withheld) expect(w.reason).toContain('keine gültige Leitungsauskunft');
	});

	it('cuts a street given by name alone at its middle', async () => {
		const res = await section(`street=${encodeURIComponent('Große Steinstraße')}`);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		conforms(res);
		expect(res.body.street).toEqual({ name: 'Große Steinstraße', distanceM: 0 });
		const unknown = await section('street=Nirgendweg');
		expect(unknown.status).toBe(422);
		expect(unknown.body.error).toMatchObject({ code: 'no_street', details: [{ field: 'street' }] });
	});

	it('shows an operator its own network anywhere, from its current data', async () => {
		const res = await api(server.url, 'GET', `/api/v1/strassenraum?${STEINSTRASSE}&halfWidthM=25`, { token: t.sw });
		expect(res.status).toBe(200);
		conforms(res);
		expect(res.body.lines.length).toBeGreaterThan(0);
		for (const l of res.body.lines) {
			expect(l.operator.name).toBe('Stadtwerke Saalestadt (Demo)');
			expect(l.source.kind).toBe('eigene_daten');
		}
		expect(res.body.withheld.map((w: any) => w.operator.name)).not.toContain('Stadtwerke Saalestadt (Demo)');
	});

	it('audits every query', async () => {
		const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'strassenraum.querschnitt'`;
		expect(row!.n).toBeGreaterThanOrEqual(4);
	});

	it('refuses bad points in German, a point without a street, unverified and anonymous callers', async () => {
		const missing = await section('');
		expect(missing.status).toBe(400);
		conforms(missing);
		expect(missing.body.error.message).toContain('lon und lat');
		expect((await section('lon=51.48&lat=11.97')).body.error.code).toBe('outside_service_area');
		const magdeburg = await section('lon=11.6292&lat=52.1205');
		expect(magdeburg.status).toBe(422);
		expect(magdeburg.body.error.code).toBe('no_street');
		conforms(magdeburg);
		expect((await api(server.url, 'GET', `/api/v1/strassenraum?${IN_MARKT}`, { token: t.neu })).status).toBe(403);
		expect((await api(server.url, 'GET', `/api/v1/strassenraum?${IN_MARKT}`, {})).status).toBe(401);
	});

	it('stops disclosing once the Auskunft has expired', async () => {
		await server.stop();
		await start('2031-03-04T09:00:00+01:00');
		const res = await section(IN_MARKT);
		expect(res.status).toBe(200);
		expect(res.body.lines).toEqual([]);
		expect(res.body.withheld.length).toBeGreaterThan(0);
	}, 150_000);
});
