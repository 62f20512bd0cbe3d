/** Sessions: sliding expiry, Lucia-style storage, logout and password change end them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { Browser, TEST_PASSWORD, seedAccount } from './helpers/client';
import { createSession, validateSessionToken, SESSION_LIFETIME_MS } from '../../src/lib/server/auth/session';
import { setNow } from '../../src/lib/server/clock';

let db: FreshDb;
let server: TestServer;
let userId: string;

beforeAll(async () => {
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url });
	userId = (await seedAccount(db.sql, { org: 'Bau S', roles: ['bauunternehmen'], verified: true, email: 's@bau.example' })).userId;
});
afterAll(async () => {
	setNow(new Date());
	await server?.stop();
	await db?.drop();
});

const DAY = 86_400_000;

describe('session lifetime', () => {
	it('slides forward when used in the second half, and dies after 30 quiet days', async () => {
		const start = new Date('2026-03-02T08:00:00Z');
		setNow(start);
		const { token, session } = await createSession(db.sql, userId, 'test');
		// the clock runs on from where it was set, so compare to the second
		const near = (actual: Date, expected: number) => expect(Math.abs(actual.getTime() - expected)).toBeLessThan(1000);
		near(session.expiresAt, start.getTime() + SESSION_LIFETIME_MS);

		setNow(new Date(start.getTime() + 5 * DAY)); // first half: unchanged
		near((await validateSessionToken(db.sql, token))!.expiresAt, start.getTime() + 30 * DAY);

		setNow(new Date(start.getTime() + 20 * DAY)); // second half: renewed for 30 days from now
		near((await validateSessionToken(db.sql, token))!.expiresAt, start.getTime() + 50 * DAY);

		setNow(new Date(start.getTime() + 50 * DAY + 5000)); // expired: gone for good
		expect(await validateSessionToken(db.sql, token)).toBeNull();
		expect(await db.sql`select 1 from sessions where id = ${session.id}`).toHaveLength(0);
	});

	it('refuses a right id with a wrong secret', async () => {
		setNow(new Date());
		const { token } = await createSession(db.sql, userId, null);
		const [id] = token.split('.');
		expect(await validateSessionToken(db.sql, `${id}.aaaaaaaaaaaaaaaaaaaaaaaa`)).toBeNull();
		expect(await validateSessionToken(db.sql, token)).not.toBeNull();
	});
});

describe('over HTTP', () => {
	it('sets a HttpOnly, SameSite=Lax cookie (Secure only over HTTPS)', async () => {
		const res = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: server.url },
			body: new URLSearchParams({ email: 's@bau.example', password: TEST_PASSWORD })
		});
		expect(res.status).toBe(303);
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tb_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i); // plain http in this test
		expect(cookie).toMatch(/Expires=/i);
		const [row] = await db.sql<{ secret_hash: Buffer }[]>`select secret_hash from sessions order by created_at desc limit 1`;
		expect(row!.secret_hash).toHaveLength(32); // only the SHA-256 of the secret is stored
		expect(cookie).not.toContain(row!.secret_hash.toString('hex'));
	});

	it('logout ends the session on the server, not only in the browser', async () => {
		const b = new Browser(server.url);
		await b.login('s@bau.example', TEST_PASSWORD);
		const stolen = b.cookie!;
		expect((await b.get('/api/v1/me')).status).toBe(200);
		const out = await b.postForm('/logout', {});
		expect(out.status).toBe(303);
		expect(out.headers.get('location')).toBe('/login?abgemeldet');
		const replay = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: stolen } });
		expect(replay.status).toBe(401);
	});

	it('a password change ends every other session and keeps the own one', async () => {
		const laptop = new Browser(server.url);
		const phone = new Browser(server.url);
		await laptop.login('s@bau.example', TEST_PASSWORD);
		await phone.login('s@bau.example', TEST_PASSWORD);
		const res = await laptop.postForm('/konto?/password', {
			current: TEST_PASSWORD,
			next: 'Neues-Passwort-2026',
			repeat: 'Neues-Passwort-2026'
		});
		expect(res.status).toBe(200);
		expect((await laptop.get('/api/v1/me')).status).toBe(200);
		expect((await phone.get('/api/v1/me')).status).toBe(401);
		// the old password no longer works, the new one does
		expect((await new Browser(server.url).login('s@bau.example', TEST_PASSWORD)).status).toBe(400);
		expect((await new Browser(server.url).login('s@bau.example', 'Neues-Passwort-2026')).status).toBe(303);
	});
});
