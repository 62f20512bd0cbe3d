/**
 * CSRF against the production build: Kit's own origin check is off (it blocks curl/QGIS uploads);
 * ours refuses cookie-authenticated cross-origin writes and lets Bearer clients without Origin through.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { Browser, TEST_PASSWORD, createToken, seedAccount } from './helpers/client';

let db: FreshDb;
let server: TestServer;
let token: string;

beforeAll(async () => {
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url });
	await seedAccount(db.sql, { org: 'Bau C', roles: ['bauunternehmen'], verified: true, email: 'c@bau.example' });
	token = await createToken(server.url, 'c@bau.example', TEST_PASSWORD);
});
afterAll(async () => {
	await server?.stop();
	await db?.drop();
});

function curl(args: string[]): { status: number; body: string } {
	const out = execFileSync('curl', ['-s', '-w', '\n%{http_code}', ...args], { encoding: 'utf8' });
	const i = out.lastIndexOf('\n');
	return { status: Number(out.slice(i + 1)), body: out.slice(0, i) };
}

describe('csrf', () => {
	it('lets curl post multipart with a Bearer token and no Origin header', () => {
		const res = curl([
			'-X', 'POST', `${server.url}/api/v1/tokens`,
			'-H', `Authorization: Bearer ${token}`,
			'-F', 'email=c@bau.example', '-F', `password=${TEST_PASSWORD}`, '-F', 'label=QGIS per curl'
		]);
		expect(res.status).toBe(201);
		expect(JSON.parse(res.body).token).toMatch(/^tb_/);
	});

	it('refuses a cross-origin form post that carries the session cookie, in the v1 shape', async () => {
		const b = new Browser(server.url);
		await b.login('c@bau.example', TEST_PASSWORD);
		const res = await b.postForm('/konto?/createToken', { label: 'von fremder Seite' }, 'https://evil.example');
		expect(res.status).toBe(403);
		expect(await res.json()).toEqual({
			error: {
				code: 'csrf',
				message: 'Anfrage abgelehnt: Sie kam nicht von dieser Seite (Herkunftsprüfung). Bitte die Seite neu laden und erneut senden.',
				details: []
			}
		});
		// no Origin at all with a cookie is refused as well
		expect((await b.postForm('/konto?/createToken', { label: 'ohne Herkunft' }, null)).status).toBe(403);
		// nothing was created by the refused requests
		expect(await db.sql`select 1 from api_tokens where label in ('von fremder Seite', 'ohne Herkunft')`).toHaveLength(0);
		// and the same form from the own origin works
		expect((await b.postForm('/konto?/createToken', { label: 'vom eigenen Browser' })).status).toBe(200);
	});

	it('refuses a cross-origin multipart post even with curl, when a cookie rides along', async () => {
		const b = new Browser(server.url);
		await b.login('c@bau.example', TEST_PASSWORD);
		const res = curl(['-X', 'POST', `${server.url}/logout`, '-H', `Cookie: ${b.cookie}`, '-H', 'Origin: https://evil.example', '-F', 'x=1']);
		expect(res.status).toBe(403);
		expect(JSON.parse(res.body).error.code).toBe('csrf');
		expect((await b.get('/api/v1/me')).status).toBe(200); // still logged in
	});
});
