/**
 * GET /api/v1/openapi.json against `node build`: served publicly, valid OpenAPI 3.1 — and real answers
 * of the API (success and error) checked against the schemas the document gives for them, strictly:
 * a property the code sends but the document does not describe fails the test.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { TEST_PASSWORD, api, createToken, seedAccount } from './helpers/client';
import { checkSchema, responseSchema } from '../../src/lib/server/openapi/schema-check';
import type { Schema } from '../../src/lib/server/openapi/types';

const FIX = 'tests/fixtures/layers';
let db: FreshDb;
let server: TestServer;
let dataDir: string;
let doc: any;
let operator: string;
let bau: string;
let platform: string;
let bauOrg: string;
let newOrg: string;

// about 110 m × 65 m over the first lines of tests/fixtures/layers/wasser.geojson (Halle, EPSG:4326)
const AREA = { type: 'Polygon', coordinates: [[[11.9648, 51.4799], [11.9664, 51.4799], [11.9664, 51.4805], [11.9648, 51.4805], [11.9648, 51.4799]]] };

beforeAll(async () => {
	db = await freshDatabase();
	dataDir = mkdtempSync(join(tmpdir(), 'tb-openapi-'));
	server = await startServer({ DATABASE_URL: db.url, DATA_DIR: dataDir });
	await seedAccount(db.sql, { org: 'Wasserwerk OpenAPI', roles: ['netzbetreiber'], verified: true, email: 'w@openapi.example' });
	bauOrg = (await seedAccount(db.sql, { org: 'Bau OpenAPI', roles: ['bauunternehmen'], verified: true, email: 'b@openapi.example' })).orgId;
	await seedAccount(db.sql, { org: 'Plattform OpenAPI', roles: ['plattform'], verified: true, email: 'p@openapi.example' });
	newOrg = (await seedAccount(db.sql, { org: 'Neu OpenAPI', roles: ['bauunternehmen'], verified: false, email: 'n@openapi.example' })).orgId;
	operator = await createToken(server.url, 'w@openapi.example', TEST_PASSWORD);
	bau = await createToken(server.url, 'b@openapi.example', TEST_PASSWORD);
	platform = await createToken(server.url, 'p@openapi.example', TEST_PASSWORD);
	doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
}, 120_000);
afterAll(async () => {
	await server?.stop();
	await db?.drop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The answer has a documented status, the documented media type, and its body fits that schema. */
function conforms(method: string, path: string, res: { status: number; body: unknown; headers: Headers }, mediaType = 'application/json'): void {
	const where = `${method} ${path} → ${res.status}`;
	const schema = responseSchema(doc, path, method, res.status, mediaType);
	expect(res.headers.get('content-type'), where).toContain(mediaType);
	expect(checkSchema(schema, res.body, { root: doc, strict: true }), `${where}: ${JSON.stringify(res.body).slice(0, 400)}`).toEqual([]);
}

function conformsTo(schemaName: string, body: unknown): void {
	const schema: Schema = { $ref: `#/components/schemas/${schemaName}` };
	expect(checkSchema(schema, body, { root: doc, strict: true }), JSON.stringify(body)).toEqual([]);
}

async function upload(layerId: string, file: string, fields: Record<string, string> = {}) {
	const form = new FormData();
	form.set('file', new Blob([readFileSync(join(FIX, file))]), file);
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	const res = await fetch(`${server.url}/api/v1/layers/${layerId}/versions`, { method: 'POST', headers: { authorization: `Bearer ${operator}` }, body: form });
	return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('GET /api/v1/openapi.json', () => {
	it('is public, cacheable JSON and valid OpenAPI 3.1 for this server', async () => {
		const res = await fetch(`${server.url}/api/v1/openapi.json`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
		const validator = new Validator();
		const result = await validator.validate(await res.json());
		expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
		expect(validator.version).toBe('3.1');
		expect(doc.servers).toEqual([{ url: server.url }]);
		expect(doc.info.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);

		const etag = res.headers.get('etag')!;
		expect(etag).toMatch(/^".+"$/);
		const again = await fetch(`${server.url}/api/v1/openapi.json`, { headers: { 'if-none-match': etag } });
		expect(again.status).toBe(304);
		// a token does not change it, a broken one does not refuse it
		expect((await api(server.url, 'GET', '/api/v1/openapi.json', { token: 'tb_kaputt' })).status).toBe(200);
	});
});

describe('real answers fit the document', () => {
	it('tokens and me', async () => {
		const created = await api(server.url, 'POST', '/api/v1/tokens', { body: { email: 'b@openapi.example', password: TEST_PASSWORD, label: 'OpenAPI-Test' } });
		expect(created.status).toBe(201);
		conforms('POST', '/api/v1/tokens', created);
		const form = await fetch(`${server.url}/api/v1/tokens`, {
			method: 'POST',
			body: new URLSearchParams({ email: 'b@openapi.example', password: TEST_PASSWORD, label: 'Formular' })
		});
		conforms('POST', '/api/v1/tokens', { status: form.status, body: await form.json(), headers: form.headers });

		conforms('POST', '/api/v1/tokens', await api(server.url, 'POST', '/api/v1/tokens', { body: { email: 'b@openapi.example' } }));
		const wrong = await api(server.url, 'POST', '/api/v1/tokens', { body: { email: 'b@openapi.example', password: 'falsch-falsch', label: 'x1' } });
		expect(wrong.status).toBe(401);
		conforms('POST', '/api/v1/tokens', wrong);
		const notJson = await api(server.url, 'POST', '/api/v1/tokens', { headers: { 'content-type': 'text/plain' } });
		expect(notJson.status).toBe(415);
		conforms('POST', '/api/v1/tokens', notJson);

		const list = await api(server.url, 'GET', '/api/v1/tokens', { token: bau });
		expect(list.body.items.length).toBeGreaterThanOrEqual(2);
		conforms('GET', '/api/v1/tokens', list);
		const revoke = await fetch(`${server.url}/api/v1/tokens/${created.body.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${bau}` } });
		expect(revoke.status).toBe(204);
		expect(Object.keys(doc.paths['/api/v1/tokens/{id}'].delete.responses)).toContain('204');
		conforms('DELETE', '/api/v1/tokens/{id}', await api(server.url, 'DELETE', `/api/v1/tokens/${created.body.id}`, { token: bau }));
		const revoked = await api(server.url, 'GET', '/api/v1/me', { token: created.body.token });
		expect(revoked.status).toBe(401);
		conforms('GET', '/api/v1/me', revoked);

		const me = await api(server.url, 'GET', '/api/v1/me', { token: bau });
		expect(me.status).toBe(200);
		conforms('GET', '/api/v1/me', me);
		const anonymous = await api(server.url, 'GET', '/api/v1/me');
		expect(anonymous.status).toBe(401);
		conforms('GET', '/api/v1/me', anonymous);
	});

	it('errors the router answers itself: unknown path 404, wrong method 405', async () => {
		const unknown = await api(server.url, 'GET', '/api/v1/gibt-es-nicht', { token: bau });
		expect(unknown.status).toBe(404);
		conformsTo('Error', unknown.body);
		const method = await api(server.url, 'PUT', '/api/v1/me', { token: bau });
		expect(method.status).toBe(405);
		expect(method.headers.get('allow')).toContain('GET');
		conformsTo('Error', method.body);
	});

	it('organisations and their verification', async () => {
		const own = await api(server.url, 'GET', `/api/v1/orgs/${bauOrg}`, { token: bau });
		expect(own.status).toBe(200);
		conforms('GET', '/api/v1/orgs/{id}', own);
		conforms('GET', '/api/v1/orgs/{id}', await api(server.url, 'GET', `/api/v1/orgs/${newOrg}`, { token: bau }));

		const refused = await api(server.url, 'POST', `/api/v1/admin/orgs/${newOrg}/verify`, { token: bau });
		expect(refused.status).toBe(403);
		conforms('POST', '/api/v1/admin/orgs/{id}/verify', refused);
		const verified = await api(server.url, 'POST', `/api/v1/admin/orgs/${newOrg}/verify`, { token: platform });
		expect(verified.status).toBe(200);
		conforms('POST', '/api/v1/admin/orgs/{id}/verify', verified);
	});

	let layerId: string;
	let firstVersion: string;

	it('layers and their versions', async () => {
		const empty = await api(server.url, 'GET', '/api/v1/layers', { token: operator });
		expect(empty.status).toBe(200);
		conforms('GET', '/api/v1/layers', empty);
		conforms('GET', '/api/v1/layers', await api(server.url, 'GET', '/api/v1/layers', { token: bau }));

		const created = await api(server.url, 'POST', '/api/v1/layers', { token: operator, body: { name: 'Wasser Versorgung', network: 'wasser', requestBufferM: 15 } });
		expect(created.status).toBe(201);
		conforms('POST', '/api/v1/layers', created);
		layerId = created.body.id;
		const invalid = await api(server.url, 'POST', '/api/v1/layers', { token: operator, body: { name: 'W', network: 'rohrpost' } });
		expect(invalid.status).toBe(422);
		conforms('POST', '/api/v1/layers', invalid);

		const first = await upload(layerId, 'wasser.geojson');
		expect(first.status, JSON.stringify(first.body)).toBe(201);
		conforms('POST', '/api/v1/layers/{id}/versions', first);
		firstVersion = first.body.version.id;
		conforms('POST', '/api/v1/layers/{id}/versions', await upload(layerId, 'wasser.geojson'));
		const refused = await upload(layerId, 'ohne-status.geojson');
		expect(refused.status).toBe(422);
		conforms('POST', '/api/v1/layers/{id}/versions', refused);
		const second = await upload(layerId, 'wasser-v2.geojson', { activate: 'false' });
		expect(second.status, JSON.stringify(second.body)).toBe(201);
		expect(second.body.version.diff).not.toBeNull();
		conforms('POST', '/api/v1/layers/{id}/versions', second);

		const activated = await api(server.url, 'POST', `/api/v1/layers/${layerId}/versions/${second.body.version.id}/activate`, { token: operator });
		expect(activated.status).toBe(200);
		conforms('POST', '/api/v1/layers/{id}/versions/{versionId}/activate', activated);
		const back = await api(server.url, 'POST', `/api/v1/layers/${layerId}/versions/${firstVersion}/activate`, { token: operator });
		conforms('POST', '/api/v1/layers/{id}/versions/{versionId}/activate', back);

		const list = await api(server.url, 'GET', '/api/v1/layers', { token: operator });
		expect(list.body.items[0].activeVersion.id).toBe(firstVersion);
		conforms('GET', '/api/v1/layers', list);
		const one = await api(server.url, 'GET', `/api/v1/layers/${layerId}`, { token: operator });
		expect(one.body.versions).toHaveLength(2);
		conforms('GET', '/api/v1/layers/{id}', one);
		conforms('GET', '/api/v1/layers/{id}', await api(server.url, 'GET', `/api/v1/layers/${layerId}`, { token: bau }));

		const patched = await api(server.url, 'PATCH', `/api/v1/layers/${layerId}`, {
			token: operator,
			body: { name: 'Wasser Versorgungsleitungen', mapping: { fields: { material: 'werkstoff' }, constants: { kind: 'leitung' } } }
		});
		expect(patched.status).toBe(200);
		conforms('PATCH', '/api/v1/layers/{id}', patched);
		conforms('PATCH', '/api/v1/layers/{id}', await api(server.url, 'PATCH', `/api/v1/layers/${layerId}`, { token: operator, body: { requestBufferM: 900 } }));
	});

	it('an Auskunft: request, list, PDF, vector data, verification, expiry', async () => {
		const body = {
			type: 'bau',
			geometry: AREA,
			workClass: 'aufgrabung',
			period: { start: '2030-05-04', end: '2030-05-15' },
			description: 'Hausanschluss Wasser, Aufgrabung im Gehweg',
			site: { firma: 'Bau OpenAPI', tiefeM: 1.2 }
		};
		const created = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body, headers: { 'idempotency-key': 'openapi-1' } });
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		expect(created.body.operators.map((o: any) => o.status)).toContain('betroffen');
		conforms('POST', '/api/v1/auskuenfte', created);
		// the check has teeth: an undescribed or a missing property deep inside fails it
		const schema = responseSchema(doc, '/api/v1/auskuenfte', 'POST', 201);
		const changed = structuredClone(created.body);
		changed.operators[0].neu = 1;
		delete changed.links.verify;
		expect(checkSchema(schema, changed, { root: doc, strict: true })).toEqual(['$.operators[0].neu: nicht beschrieben', '$.links: verify fehlt']);
		const id = created.body.id;
		const invalid = await api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body: { type: 'urlaub' } });
		expect(invalid.status).toBe(422);
		conforms('POST', '/api/v1/auskuenfte', invalid);
		conforms('POST', '/api/v1/auskuenfte', await api(server.url, 'POST', '/api/v1/auskuenfte', { token: operator, body }));

		conforms('GET', '/api/v1/auskuenfte', await api(server.url, 'GET', '/api/v1/auskuenfte?limit=1', { token: bau }));
		conforms('GET', '/api/v1/auskuenfte/{id}', await api(server.url, 'GET', `/api/v1/auskuenfte/${id}`, { token: bau }));
		conforms('GET', '/api/v1/auskuenfte/{id}', await api(server.url, 'GET', `/api/v1/auskuenfte/${id}`, { token: operator }));

		const pdf = await fetch(`${server.url}/api/v1/auskuenfte/${id}/pdf`, { headers: { authorization: `Bearer ${bau}` } });
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const sha = pdf.headers.get('x-document-sha256')!;
		expect(checkSchema(doc.paths['/api/v1/auskuenfte/{id}/pdf'].get.responses['200'].headers['X-Document-SHA256'].schema, sha, { root: doc })).toEqual([]);
		conforms('GET', '/api/v1/auskuenfte/{id}/pdf', await api(server.url, 'GET', `/api/v1/auskuenfte/${id}/pdf?version=7`, { token: bau }));

		const geojson = await api(server.url, 'GET', `/api/v1/auskuenfte/${id}/features.geojson`, { token: bau });
		expect(geojson.status).toBe(200);
		expect(geojson.body.features.length).toBeGreaterThan(0);
		conforms('GET', '/api/v1/auskuenfte/{id}/features.geojson', geojson, 'application/geo+json');
		const dxf = await fetch(`${server.url}/api/v1/auskuenfte/${id}/features.dxf`, { headers: { authorization: `Bearer ${bau}` } });
		expect(dxf.status).toBe(200);
		expect(Object.keys(doc.paths['/api/v1/auskuenfte/{id}/features.dxf'].get.responses['200'].content)).toEqual([dxf.headers.get('content-type')]);

		const verified = await api(server.url, 'GET', `/api/v1/verify/${created.body.number}?sha256=${sha}`);
		expect(verified.body.authentic).toBe(true);
		conforms('GET', '/api/v1/verify/{number}', verified);
		conforms('GET', '/api/v1/verify/{number}', await api(server.url, 'GET', `/api/v1/verify/${created.body.number}`));
		conforms('GET', '/api/v1/verify/{number}', await api(server.url, 'GET', '/api/v1/verify/LA-1999-000001'));

		const renewed = await api(server.url, 'POST', `/api/v1/auskuenfte/${id}/renew`, { token: bau });
		expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
		conforms('POST', '/api/v1/auskuenfte/{id}/renew', renewed);
		conforms('POST', '/api/v1/auskuenfte/{id}/renew', await api(server.url, 'POST', `/api/v1/auskuenfte/${id}/renew`, { token: operator }));

		const feedbackPath = '/api/v1/auskuenfte/{id}/rueckmeldungen';
		const operatorId = created.body.operators[0].id;
		const sent = await api(server.url, 'POST', `/api/v1/auskuenfte/${id}/rueckmeldungen`, {
			token: bau,
			body: { operatorId, kind: 'lageabweichung', deviationM: 0.8, comment: 'Leitung liegt 80 cm weiter östlich.' }
		});
		expect(sent.status, JSON.stringify(sent.body)).toBe(201);
		conforms('POST', feedbackPath, sent);
		conforms('POST', feedbackPath, await api(server.url, 'POST', `/api/v1/auskuenfte/${id}/rueckmeldungen`, { token: bau, body: { operatorId, kind: 'lageabweichung' } }));
		conforms('GET', feedbackPath, await api(server.url, 'GET', `/api/v1/auskuenfte/${id}/rueckmeldungen`, { token: bau }));

		await db.sql`update auskuenfte set valid_until = '2020-01-31' where id = ${id}`;
		const late = await api(server.url, 'POST', `/api/v1/auskuenfte/${id}/rueckmeldungen`, { token: bau, body: { operatorId, kind: 'nicht_vorgefunden' } });
		expect(late.status).toBe(409);
		conforms('POST', feedbackPath, late);
		const gone = await api(server.url, 'GET', `/api/v1/auskuenfte/${id}/features.geojson`, { token: bau });
		expect(gone.status).toBe(410);
		conforms('GET', '/api/v1/auskuenfte/{id}/features.geojson', gone);
		conforms('GET', '/api/v1/auskuenfte/{id}/features.dxf', await api(server.url, 'GET', `/api/v1/auskuenfte/${id}/features.dxf`, { token: bau }));
		const expired = await api(server.url, 'GET', `/api/v1/auskuenfte/${id}`, { token: bau });
		expect(expired.body.status).toBe('abgelaufen');
		conforms('GET', '/api/v1/auskuenfte/{id}', expired);
	});
});
