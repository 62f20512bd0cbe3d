/**
 * The v1 Auskunft contract against `node build` with the demo networks of Halle loaded: 201 body
 * shape, the stamped PDF (qpdf, pdftotext), vector data, verification, idempotency, and the guards.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { api, createToken } from './helpers/client';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';

let db: FreshDb;
let server: TestServer;
let dataDir: string;
let bau: string;
let planer: string;

// a 40 m × 30 m area on the Marktplatz of Halle (Saale), EPSG:4326
const MARKT = { type: 'Polygon', coordinates: [[[11.9690, 51.4825], [11.9696, 51.4825], [11.9696, 51.48277], [11.9690, 51.48277], [11.9690, 51.4825]]] };
const request = (over: Record<string, unknown> = {}) => ({
	type: 'bau',
	geometry: MARKT,
	workClass: 'aufgrabung',
	period: { start: '2030-05-04', end: '2030-05-15' },
	description: 'Hausanschluss Wasser, Aufgrabung im Gehweg',
	reference: 'BV Markt 7',
	site: { bauherr: 'Privat', firma: 'Tiefbau Musterbau GmbH', bauleiter: 'Bernd Bauleiter', mobil: '0170 0000000', strasse: 'Marktplatz', hausnummer: '7', tiefeM: 1.5, verfahren: 'offene Bauweise' },
	...over
});

beforeAll(async () => {
	db = await freshDatabase();
	dataDir = mkdtempSync(join(tmpdir(), 'tb-auskunft-'));
	server = await startServer({ DATABASE_URL: db.url, DATA_DIR: dataDir, TIEFBLICK_DEMO: '1', AUSKUNFT_MAX_PER_HOUR: '8' }, 90_000);
	bau = await createToken(server.url, 'bauleiter@musterbau.demo', DEMO_PASSWORD);
	planer = await createToken(server.url, 'planung@ib-beispiel.demo', DEMO_PASSWORD);
}, 120_000);
afterAll(async () => {
	await server?.stop();
	await db?.drop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /api/v1/auskuenfte', () => {
	let created: any;

	it('answers 201 with every affected operator, the layer versions and the links', async () => {
		const res = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body: request() });
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		created = res.body;
		expect(created.number).toMatch(/^LA-\d{4}-\d{6}$/);
		expect(['erteilt', 'vorlaeufig']).toContain(created.status);
		expect(created.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const names = created.operators.map((o: any) => o.name);
		expect(names).toContain('Stadtwerke Saalestadt (Demo)');
		const sw = created.operators.find((o: any) => o.name === 'Stadtwerke Saalestadt (Demo)');
		expect(sw).toMatchObject({ status: 'betroffen', einweisungErforderlich: true });
		expect(sw.featureCount).toBeGreaterThan(0);
		expect(sw.lengthM).toBeGreaterThan(0);
		expect(sw.networks).toEqual(expect.arrayContaining(['wasser', 'gas', 'strom']));
		// the manual operator's answer waits: the Auskunft is provisional until it answers
		const abwasser = created.operators.find((o: any) => o.name === 'Abwasserverband Saaleaue (Demo)');
		expect(abwasser).toMatchObject({ status: 'ausstehend', validUntil: null });
		expect(created.status).toBe('vorlaeufig');
		for (const o of created.operators) expect(Object.keys(o).sort()).toEqual(['einweisungErforderlich', 'featureCount', 'id', 'lengthM', 'name', 'networks', 'status', 'validUntil', 'zustimmungErforderlich']);
		expect(created.layerVersions.length).toBeGreaterThan(3);
		const hd = created.layerVersions.find((l: any) => l.layer === 'Gas-Hochdruckleitungen');
		expect(hd?.bufferM).toBe(50);
		expect(created.layerVersions.find((l: any) => l.layer === 'Wasser Versorgungsleitungen')?.bufferM).toBe(10);
		for (const l of created.layerVersions) expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
		// the authority's TöB list: operators not on the platform, with a contact
		expect(created.externalOperators).toContainEqual({
			name: 'Regionalgas Musterland GmbH (Demo, nicht auf Tiefblick)',
			networks: ['Gas (Hochdruck)'],
			contact: 'Planauskunft 0345 000 7700, leitungsauskunft@regionalgas-musterland.demo'
		});
		expect(created.links).toEqual({
			self: `${server.url}/api/v1/auskuenfte/${created.id}`,
			pdf: `${server.url}/api/v1/auskuenfte/${created.id}/pdf`,
			geojson: `${server.url}/api/v1/auskuenfte/${created.id}/features.geojson`,
			dxf: `${server.url}/api/v1/auskuenfte/${created.id}/features.dxf`,
			verify: `${server.url}/verify/${created.number}`
		});
	});

	it('issues a stamped PDF that qpdf accepts and pdftotext reads, verifiable by its hash', async () => {
		const res = await fetch(created.links.pdf, { headers: { authorization: `Bearer ${bau}` } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const pdf = Buffer.from(await res.arrayBuffer());
		const file = join(dataDir, 'a.pdf');
		writeFileSync(file, pdf);
		execFileSync('qpdf', ['--check', file]);
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		expect(text).toContain(created.number);
		expect(text).toContain('Stadtwerke Saalestadt (Demo)');
		expect(text).toContain('Nicht aufgeführte Betreiber sind gesondert anzufragen.');
		expect(text).toContain('Regionalgas Musterland GmbH');
		expect(text).toMatch(/VORLÄUFIG/);
		expect(text).toContain('Störung');

		const sha = createHash('sha256').update(pdf).digest('hex');
		expect(res.headers.get('x-document-sha256')).toBe(sha);
		const ok = await api(server.url, 'GET', `/api/v1/verify/${created.number}?sha256=${sha}`);
		expect(ok.body).toMatchObject({ number: created.number, authentic: true, version: 1, validUntil: created.validUntil, org: 'Tiefbau Musterbau GmbH (Demo)' });
		const forged = await api(server.url, 'GET', `/api/v1/verify/${created.number}?sha256=${'0'.repeat(64)}`);
		expect(forged.body).toMatchObject({ authentic: false, version: null });
		expect((await api(server.url, 'GET', '/api/v1/verify/LA-1999-000001')).status).toBe(404);
	});

	it('delivers the clipped vector data to the requester, in EPSG:4326, inside the grown area', async () => {
		const res = await api(server.url, 'GET', `/api/v1/auskuenfte/${created.id}/features.geojson`, { token: bau });
		expect(res.status).toBe(200);
		expect(res.body.type).toBe('FeatureCollection');
		const sw = created.operators.find((o: any) => o.name === 'Stadtwerke Saalestadt (Demo)');
		const own = res.body.features.filter((f: any) => f.properties.operator === 'Stadtwerke Saalestadt (Demo)');
		expect(own).toHaveLength(sw.featureCount);
		// nothing of the pending operator leaves the server
		expect(res.body.features.some((f: any) => f.properties.operator === 'Abwasserverband Saaleaue (Demo)')).toBe(false);
		for (const f of res.body.features) {
			const flat = JSON.stringify(f.geometry.coordinates).match(/-?\d+\.\d+/g)!.map(Number);
			for (let i = 0; i < flat.length; i += 2) {
				expect(flat[i]).toBeGreaterThan(11.9683); // ~10 m grown, plus the 50 m Hochdruck buffer
				expect(flat[i]).toBeLessThan(11.9704);
			}
		}
	});

	it('delivers DXF with network/status layers and dimension labels, readable by GDAL', async () => {
		const res = await fetch(created.links.dxf, { headers: { authorization: `Bearer ${bau}` } });
		expect(res.status).toBe(200);
		const file = join(dataDir, 'a.dxf');
		writeFileSync(file, Buffer.from(await res.arrayBuffer()));
		const info = execFileSync('ogrinfo', ['-al', '-q', file], { encoding: 'utf8' });
		expect(info).toContain('Layer (String) = WASSER_IN_BETRIEB');
		expect(info).toContain('Layer (String) = ARBEITSBEREICH');
		expect(info).toMatch(/Text \(String\) = DN \d+/);
	});

	it('keeps vector data of operators who restrict Planungsauskünfte to the PDF', async () => {
		await db.sql`update operator_settings set planung_pdf_only = true
			where org_id = (select id from organisations where name = 'Stadtwerke Saalestadt (Demo)')`;
		try {
			const planung = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body: request({ type: 'planung' }) });
			expect(planung.status).toBe(201);
			expect(planung.body.operators.find((o: any) => o.name === 'Stadtwerke Saalestadt (Demo)').status).toBe('betroffen');
			const geo = await api(server.url, 'GET', `/api/v1/auskuenfte/${planung.body.id}/features.geojson`, { token: bau });
			expect(geo.body.features.some((f: any) => f.properties.operator === 'Stadtwerke Saalestadt (Demo)')).toBe(false);
			// a Bauauskunft is not affected
			const geoBau = await api(server.url, 'GET', `/api/v1/auskuenfte/${created.id}/features.geojson`, { token: bau });
			expect(geoBau.body.features.some((f: any) => f.properties.operator === 'Stadtwerke Saalestadt (Demo)')).toBe(true);
		} finally {
			await db.sql`update operator_settings set planung_pdf_only = false`;
		}
	});

	it('returns the same Auskunft for a repeated POST with the same Idempotency-Key', async () => {
		const first = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body: request(), headers: { 'idempotency-key': 'retry-123' } });
		const second = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body: request(), headers: { 'idempotency-key': 'retry-123' } });
		expect(first.status).toBe(201);
		expect(second.body.id).toBe(first.body.id);
		expect(second.body.number).toBe(first.body.number);
	});

	it('lists the own Auskünfte newest first and hides them from other orgs (404)', async () => {
		const list = await api(server.url, 'GET', '/api/v1/auskuenfte?limit=1', { token: bau });
		expect(list.body.items).toHaveLength(1);
		expect(list.body.total).toBeGreaterThanOrEqual(2);
		expect(list.body.next).toContain('offset=1');
		expect((await api(server.url, 'GET', `/api/v1/auskuenfte/${created.id}`, { token: planer })).status).toBe(404);
		expect((await api(server.url, 'GET', `/api/v1/auskuenfte/${created.id}/pdf`, { token: planer })).status).toBe(404);
		expect((await api(server.url, 'GET', `/api/v1/auskuenfte/${created.id}/features.geojson`, { token: planer })).status).toBe(404);
	});

	it('refuses bad requests with German reasons (401, 403, 422)', async () => {
		expect((await api(server.url, 'POST', '/api/v1/auskuenfte', { body: request() })).status).toBe(401);
		const neuling = await createToken(server.url, 'neu@erdbau-neuling.demo', DEMO_PASSWORD);
		const unverified = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: neuling, body: request() });
		expect(unverified.status).toBe(403);
		expect(unverified.body.error.code).toBe('org_unverified');
		const bowtie = { type: 'Polygon', coordinates: [[[11.969, 51.4825], [11.9696, 51.48277], [11.9696, 51.4825], [11.969, 51.48277], [11.969, 51.4825]]] };
		const invalid = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body: request({ geometry: bowtie }) });
		expect(invalid.status).toBe(422);
		expect(invalid.body.error.message).toMatch(/überschneidet sich|Selbstüberschneidung/);
		const big = { type: 'Polygon', coordinates: [[[11.95, 51.47], [11.99, 51.47], [11.99, 51.49], [11.95, 51.49], [11.95, 51.47]]] };
		const tooLarge = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body: request({ type: 'notfall', geometry: big }) });
		expect(tooLarge.status).toBe(422);
		expect(tooLarge.body.error.message).toMatch(/höchstens 250\.000 m²/);
		// lon/lat swapped: somewhere in the Indian Ocean, not in Sachsen-Anhalt
		const swapped = { type: 'Polygon', coordinates: [MARKT.coordinates[0]!.map(([x, y]) => [y, x])] };
		const outside = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body: request({ geometry: swapped }) });
		expect(outside.status).toBe(422);
		expect(outside.body.error).toMatchObject({ code: 'outside_service_area' });
		expect(outside.body.error.message).toMatch(/außerhalb des Gebiets.*Sachsen-Anhalt/);
		const fields = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body: { type: 'bau' } });
		expect(fields.status).toBe(422);
		expect(fields.body.error.details.map((d: any) => d.field)).toEqual(['workClass', 'geometry', 'period.start', 'period.end', 'description']);
	});

	it('lets the road authority keep its TöB list, and nobody else', async () => {
		const { Browser } = await import('./helpers/client');
		const amt = new Browser(server.url);
		await amt.login('tiefbauamt@halle.demo', DEMO_PASSWORD);
		const added = await amt.postForm('/koordination/toeb?/addToeb', { name: 'Kabel Nord GmbH', networks: 'Telekommunikation', contact: '0345 000 1234' });
		expect(added.status).toBe(200);
		expect(await (await amt.get('/koordination/toeb', { accept: 'text/html' })).text()).toContain('Kabel Nord GmbH');
		const firm = new Browser(server.url);
		await firm.login('bauleiter@musterbau.demo', DEMO_PASSWORD);
		expect((await firm.postForm('/koordination/toeb?/addToeb', { name: 'Fremd GmbH', networks: 'Gas', contact: '0345 000 0000' })).status).toBe(403);
	});

	it('limits requests per user per hour with 429', async () => {
		let last = 0;
		for (let i = 0; i < 10 && last !== 429; i++) {
			last = (await api(server.url, 'POST', '/api/v1/auskuenfte', { token: planer, body: request() })).status;
		}
		expect(last).toBe(429);
	});
});
