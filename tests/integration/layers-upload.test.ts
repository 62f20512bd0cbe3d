/**
 * Network layer uploads over the v1 API against `node build`: every format, the bad-input set (each:
 * a clear German message, the previous version still active, no file left behind), activation,
 * rollback, and that no other org can see a layer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { TEST_PASSWORD, api, createToken, seedAccount } from './helpers/client';

const FIX = 'tests/fixtures/layers';
let db: FreshDb;
let server: TestServer;
let dataDir: string;
let token: string;
let otherToken: string;
let requesterToken: string;

beforeAll(async () => {
	db = await freshDatabase();
	dataDir = mkdtempSync(join(tmpdir(), 'tb-layers-'));
	server = await startServer({ DATABASE_URL: db.url, DATA_DIR: dataDir, UPLOAD_MAX_BYTES: '1000000' });
	await seedAccount(db.sql, { org: 'Wasserwerk Test', roles: ['netzbetreiber'], verified: true, email: 'w@netz.example' });
	await seedAccount(db.sql, { org: 'Gaswerk Test', roles: ['netzbetreiber'], verified: true, email: 'g@netz.example' });
	await seedAccount(db.sql, { org: 'Bau Test', roles: ['bauunternehmen'], verified: true, email: 'b@bau.example' });
	token = await createToken(server.url, 'w@netz.example', TEST_PASSWORD);
	otherToken = await createToken(server.url, 'g@netz.example', TEST_PASSWORD);
	requesterToken = await createToken(server.url, 'b@bau.example', TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
	await server?.stop();
	await db?.drop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function newLayer(name: string, network = 'wasser', requestBufferM?: number): Promise<string> {
	const res = await api(server.url, 'POST', '/api/v1/layers', { token, body: { name, network, requestBufferM } });
	expect(res.status, JSON.stringify(res.body)).toBe(201);
	return res.body.id;
}

async function upload(layerId: string, file: string, fields: Record<string, string> = {}, as = token): Promise<{ status: number; body: any }> {
	const form = new FormData();
	form.set('file', new Blob([readFileSync(join(FIX, file))]), file);
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	const res = await fetch(`${server.url}/api/v1/layers/${layerId}/versions`, { method: 'POST', headers: { authorization: `Bearer ${as}` }, body: form });
	return { status: res.status, body: await res.json() };
}

const layerFiles = (layerId: string) => (existsSync(join(dataDir, 'layers', layerId)) ? readdirSync(join(dataDir, 'layers', layerId)) : []);
const scratch = () => (existsSync(join(dataDir, 'tmp')) ? readdirSync(join(dataDir, 'tmp')).filter((f) => f !== 'gdal') : []);
const gdalLeftovers = () => (existsSync(join(dataDir, 'tmp', 'gdal')) ? readdirSync(join(dataDir, 'tmp', 'gdal')) : []);

describe('formats', () => {
	const cases: [string, Record<string, string>][] = [
		['wasser.geojson', {}],
		['wasser-shp.zip', {}],
		['wasser.gpkg', {}],
		['wasser.fgb', {}],
		['wasser.gml', {}],
		// DXF carries no CRS and no attributes: both come with the upload
		['wasser.dxf', { crs: 'EPSG:25832', mapping: JSON.stringify({ fields: { source_id: 'EntityHandle' }, constants: { kind: 'leitung', status: 'in_betrieb' } }) }]
	];
	for (const [file, fields] of cases) {
		it(`ingests ${file} into an indexed FlatGeobuf in EPSG:25832`, async () => {
			const layerId = await newLayer(`Format ${file}`);
			const res = await upload(layerId, file, fields);
			expect(res.status, JSON.stringify(res.body)).toBe(201);
			expect(res.body.activated).toBe(true);
			expect(res.body.version).toMatchObject({ versionNo: 1, active: true, featureCount: 20 });
			const [minX, minY, maxX, maxY] = res.body.version.extent;
			expect(minX).toBeGreaterThan(705_000);
			expect(maxX).toBeLessThan(708_000);
			expect(minY).toBeGreaterThan(5_706_000);
			expect(maxY).toBeLessThan(5_709_000);
			const stored = join(dataDir, 'layers', layerId, `${res.body.version.sha256}.fgb`);
			const info = execFileSync('ogrinfo', ['-so', '-al', stored], { encoding: 'utf8' });
			expect(info).toMatch(/Feature Count: 20/);
			expect(info).toMatch(/ETRS89 \/ UTM zone 32N/);
			// the spatial index is there (GDAL reports it as a layer capability)
			expect(execFileSync('ogrinfo', ['-ro', '-q', stored, '-sql', 'SELECT COUNT(*) FROM netz'], { encoding: 'utf8' })).toMatch(/= 20/);
		});
	}

	it('turns a CP1252 Shapefile into correct UTF-8 "Straße"', async () => {
		const layerId = await newLayer('Umlaute');
		const res = await upload(layerId, 'cp1252-umlaute.zip', { mapping: JSON.stringify({ fields: { material: 'strasse' } }) });
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		const stored = join(dataDir, 'layers', layerId, `${res.body.version.sha256}.fgb`);
		const dump = execFileSync('ogrinfo', ['-al', '-q', stored], { encoding: 'utf8' });
		expect(dump).toContain('material (String) = Große Ulrichstraße');
	});

	it('warns about Gauß-Krüger without the grid and about dropped Z values, and still activates', async () => {
		const gk = await upload(await newLayer('Gauß-Krüger'), 'gauss-krueger.zip');
		expect(gk.status).toBe(201);
		expect(gk.body.report.findings.map((f: any) => f.code)).toEqual(['gk_accuracy']);
		const z = await upload(await newLayer('Mit Z-Werten'), 'wasser-3d.geojson');
		expect(z.status).toBe(201);
		expect(z.body.report.findings.map((f: any) => f.code)).toEqual(['z_dropped']);
	});

	it('accepts a Shapefile without .prj once the CRS is given', async () => {
		const layerId = await newLayer('Ohne prj');
		const refused = await upload(layerId, 'ohne-prj.zip');
		expect(refused.status).toBe(422);
		expect(refused.body.error.details[0].message).toMatch(/fehlt die \.prj-Datei/);
		const ok = await upload(layerId, 'ohne-prj.zip', { crs: 'EPSG:25832' });
		expect(ok.status, JSON.stringify(ok.body)).toBe(201);
	});
});

describe('bad input changes nothing', () => {
	let layerId: string;
	let activeSha: string;

	beforeAll(async () => {
		layerId = await newLayer('Bestand');
		const first = await upload(layerId, 'wasser.geojson');
		expect(first.status).toBe(201);
		activeSha = first.body.version.sha256;
	});

	const bad: [string, number, RegExp][] = [
		['kaputt.zip', 422, /kein gültiges ZIP-Archiv/],
		['bombe.zip', 422, /ZIP-Bombe/],
		['ohne-dbf.zip', 422, /fehlt die \.dbf-Datei/],
		['ohne-prj.zip', 422, /fehlt die \.prj-Datei/],
		['programm.zip', 422, /Programm \(Windows-EXE\)/],
		['leer.geojson', 422, /keine Objekte/],
		['gemischt.geojson', 422, /Punkt passt nicht zur Art „Leitung“/],
		['selbstueberschneidung.geojson', 422, /Selbstüberschneidung bei/],
		['doppelte-ids.geojson', 422, /source_id „W-0002“ kommt mehrfach vor/],
		['falsches-crs.geojson', 422, /außerhalb Deutschlands/],
		['ohne-status.geojson', 422, /Pflichtattribut „status“ fehlt/],
		['unbekannte-werte.geojson', 422, /Unbekannter Wert „rohrpost“ für „kind“/],
		['kein-geojson.geojson', 422, /lässt sich nicht lesen/],
		['falsche-endung.xlsx', 422, /Dateiformat „\.xlsx“ wird nicht unterstützt/]
	];
	for (const [file, status, message] of bad) {
		it(`refuses ${file} with a German reason`, async () => {
			const res = await upload(layerId, file);
			expect(res.status, JSON.stringify(res.body)).toBe(status);
			expect(res.body.error.code).toMatch(/invalid_data/);
			expect(res.body.error.message).toMatch(/bisherige Version bleibt aktiv/);
			expect(res.body.error.details.map((d: any) => `${d.feature}: ${d.message}`).join('\n')).toMatch(message);
			const layer = await api(server.url, 'GET', `/api/v1/layers/${layerId}`, { token });
			expect(layer.body.versions).toHaveLength(1);
			expect(layer.body.versions[0]).toMatchObject({ active: true, sha256: activeSha });
			expect(layerFiles(layerId)).toEqual([`${activeSha}.fgb`]);
			expect(scratch()).toEqual([]);
			expect(gdalLeftovers()).toEqual([]);
		});
	}

	it('answers a file over the limit with 413 in the v1 shape', async () => {
		const form = new FormData();
		form.set('file', new Blob([Buffer.alloc(1_200_000, 32)]), 'gross.geojson');
		const res = await fetch(`${server.url}/api/v1/layers/${layerId}/versions`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
		expect(res.status).toBe(413);
		expect((await res.json()).error.message).toMatch(/größer als die erlaubten|größer als/);
		expect(layerFiles(layerId)).toEqual([`${activeSha}.fgb`]);
		expect(scratch()).toEqual([]);
	});

	it('says so when the same file comes again', async () => {
		const res = await upload(layerId, 'wasser.geojson');
		expect(res.status).toBe(409);
		expect(res.body.error.message).toBe('Diese Datei ist bereits als Version 1 gespeichert.');
	});
});

describe('versions', () => {
	it('activates a new version, rolls back to the old one, and keeps both files', async () => {
		const layerId = await newLayer('Versionen');
		const v1 = (await upload(layerId, 'wasser.geojson')).body.version;
		const v2 = (await upload(layerId, 'wasser-v2.geojson', { activate: 'false' })).body;
		expect(v2.activated).toBe(false);
		expect(v2.version).toMatchObject({ versionNo: 2, active: false, featureCount: 22 });
		// the diff against the version active at upload time, by source_id
		expect(v2.version.diff).toMatchObject({ againstVersionId: v1.id, added: 2, removed: 0, changed: 0, unchanged: 20 });
		expect(v2.version.diff.examples.added).toEqual(['W-0021', 'W-0022']);
		let layer = await api(server.url, 'GET', `/api/v1/layers/${layerId}`, { token });
		expect(layer.body.activeVersionId).toBe(v1.id);

		expect((await api(server.url, 'POST', `/api/v1/layers/${layerId}/versions/${v2.version.id}/activate`, { token })).status).toBe(200);
		layer = await api(server.url, 'GET', `/api/v1/layers/${layerId}`, { token });
		expect(layer.body.activeVersionId).toBe(v2.version.id);

		expect((await api(server.url, 'POST', `/api/v1/layers/${layerId}/versions/${v1.id}/activate`, { token })).status).toBe(200);
		layer = await api(server.url, 'GET', `/api/v1/layers/${layerId}`, { token });
		expect(layer.body.activeVersionId).toBe(v1.id);
		expect(layerFiles(layerId).sort()).toEqual([`${v1.sha256}.fgb`, `${v2.version.sha256}.fgb`].sort());
		const actions = (await db.sql<{ action: string }[]>`select action from audit_log where data->>'layer' = ${layerId} order by seq`).map((r) => r.action);
		expect(actions).toEqual(['layer.version_uploaded', 'layer.version_activated', 'layer.version_uploaded', 'layer.version_activated', 'layer.version_activated']);
	});

	it('derives a coverage area from the active layers', async () => {
		const [row] = await db.sql<{ source: string; min_x: number; max_x: number }[]>`
			select c.source, c.min_x, c.max_x from coverage_areas c join organisations o on o.id = c.org_id where o.name = 'Wasserwerk Test'`;
		expect(row!.source).toBe('derived');
		expect(row!.min_x).toBeGreaterThan(705_000);
		expect(row!.max_x).toBeLessThan(708_500);
	});
});

describe('access', () => {
	it("keeps one operator's layers from another (404) and from requesters (403)", async () => {
		const layerId = await newLayer('Geheim');
		expect((await api(server.url, 'GET', `/api/v1/layers/${layerId}`, { token: otherToken })).status).toBe(404);
		expect((await upload(layerId, 'wasser.geojson', {}, otherToken)).status).toBe(404);
		expect((await api(server.url, 'GET', '/api/v1/layers', { token: otherToken })).body.items).toEqual([]);
		const requester = await api(server.url, 'GET', '/api/v1/layers', { token: requesterToken });
		expect(requester.status).toBe(403);
		expect((await api(server.url, 'GET', `/api/v1/layers/${layerId}`, { token: requesterToken })).status).toBe(403);
	});

	it('never shows a coverage area or operator settings to a requester', async () => {
		const { Browser } = await import('./helpers/client');
		const b = new Browser(server.url);
		await b.login('b@bau.example', TEST_PASSWORD);
		for (const path of ['/netze', '/netze/gebiet', '/netze/einstellungen', `/netze/${await newLayer('Nicht für Bau')}`]) {
			const res = await b.get(path, { accept: 'text/html' });
			expect(res.status, path).toBe(403);
			expect(await res.text()).not.toContain('MultiPolygon');
		}
		// another operator's layer page is "not found"
		const other = new Browser(server.url);
		await other.login('g@netz.example', TEST_PASSWORD);
		expect((await other.get(`/netze/${await newLayer('Fremder Layer')}`, { accept: 'text/html' })).status).toBe(404);
	});

	it('validates a new layer in German', async () => {
		const res = await api(server.url, 'POST', '/api/v1/layers', { token, body: { name: 'x', network: 'kanalisation', requestBufferM: 900 } });
		expect(res.status).toBe(422);
		expect(res.body.error.details.map((d: any) => d.field)).toEqual(['name', 'network', 'requestBufferM']);
	});
});
