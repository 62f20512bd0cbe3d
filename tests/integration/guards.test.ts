/** Who may do what: 401 without identity, 403 for the wrong role or an unverified org, 404 for others' objects. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { Browser, TEST_PASSWORD, api, createToken, seedAccount } from './helpers/client';

let db: FreshDb;
let server: TestServer;
let bauToken: string;
let bauOrg: string;
let otherOrg: string;

beforeAll(async () => {
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url });
	bauOrg = (await seedAccount(db.sql, { org: 'Bau A', roles: ['bauunternehmen'], verified: true, email: 'a@bau.example' })).orgId;
	otherOrg = (await seedAccount(db.sql, { org: 'Bau B', roles: ['bauunternehmen'], verified: true, email: 'b@bau.example' })).orgId;
	bauToken = await createToken(server.url, 'a@bau.example', TEST_PASSWORD);
});
afterAll(async () => {
	await server?.stop();
	await db?.drop();
});

describe('API guards', () => {
	it('401 without or with a broken token, in the v1 shape', async () => {
		for (const token of [undefined, 'tb_nonsense', 'tb_aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb']) {
			const res = await api(server.url, 'GET', '/api/v1/me', { token });
			expect(res.status).toBe(401);
			expect(res.body.error.code).toBe('unauthenticated');
		}
	});

	it('403 for a role the org does not have', async () => {
		const res = await api(server.url, 'POST', `/api/v1/admin/orgs/${otherOrg}/verify`, { token: bauToken });
		expect(res.status).toBe(403);
		expect(res.body).toEqual({
			error: { code: 'forbidden_role', message: 'Diese Funktion steht Ihrer Organisation nicht zur Verfügung.', details: [] }
		});
	});

	it("404 for another org's object, the same as for one that does not exist", async () => {
		const other = await api(server.url, 'GET', `/api/v1/orgs/${otherOrg}`, { token: bauToken });
		const missing = await api(server.url, 'GET', '/api/v1/orgs/00000000-0000-4000-8000-000000000000', { token: bauToken });
		expect(other.status).toBe(404);
		expect(missing.status).toBe(404);
		expect(other.body).toEqual(missing.body);
		expect((await api(server.url, 'GET', `/api/v1/orgs/${bauOrg}`, { token: bauToken })).status).toBe(200);
	});

	it('answers unknown paths, wrong methods and bad bodies in the v1 shape', async () => {
		const unknown = await api(server.url, 'GET', '/api/v1/gibt-es-nicht', { token: bauToken });
		expect(unknown.status).toBe(404);
		expect(unknown.body.error.code).toBe('not_found');
		const method = await api(server.url, 'PUT', '/api/v1/me', { token: bauToken });
		expect(method.status).toBe(405);
		expect(method.body.error.code).toBe('method_not_allowed');
		const broken = await fetch(`${server.url}/api/v1/tokens`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"email":'
		});
		expect(broken.status).toBe(400);
		expect((await broken.json()).error.code).toBe('invalid_json');
		const missing = await api(server.url, 'POST', '/api/v1/tokens', { body: { email: 'a@bau.example' } });
		expect(missing.status).toBe(400);
		expect(missing.body.error.details.map((d: { field: string }) => d.field)).toEqual(['password', 'label']);
	});

	it('413 in the v1 shape for a body over the limit', async () => {
		const res = await fetch(`${server.url}/api/v1/tokens`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'x'.repeat(1_100_000) })
		});
		expect(res.status).toBe(413);
		expect((await res.json()).error).toMatchObject({ code: 'payload_too_large' });
	});
});

describe('UI guards', () => {
	it('sends a visitor without session to the login, keeping the target', async () => {
		const res = await new Browser(server.url).get('/konto');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Fkonto');
	});

	it('shows a German 403 page for a page of another role', async () => {
		const b = new Browser(server.url);
		await b.login('a@bau.example', TEST_PASSWORD);
		for (const path of ['/admin', '/netze', '/koordination']) {
			const res = await b.get(path, { accept: 'text/html' });
			expect(res.status).toBe(403);
			expect(await res.text()).toContain('Diese Funktion steht Ihrer Organisation nicht zur Verfügung.');
		}
		expect((await b.get('/auskunft')).status).toBe(200);
	});

	it('refuses an admin form action to a non-admin org', async () => {
		const b = new Browser(server.url);
		await b.login('a@bau.example', TEST_PASSWORD);
		const res = await b.postForm('/admin?/verify', { orgId: otherOrg });
		expect(res.status).toBe(403);
	});
});
