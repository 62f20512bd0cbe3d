/** Login rate limit per account and per IP: 429 with Retry-After, in the v1 shape and on the form. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { Browser, TEST_PASSWORD, api, seedAccount } from './helpers/client';

let db: FreshDb;
let server: TestServer;

beforeAll(async () => {
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url, LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_SECONDS: '900' });
	await seedAccount(db.sql, { org: 'Bau R', roles: ['bauunternehmen'], verified: true, email: 'r@bau.example' });
	await seedAccount(db.sql, { org: 'Bau Q', roles: ['bauunternehmen'], verified: true, email: 'q@bau.example' });
});
afterAll(async () => {
	await server?.stop();
	await db?.drop();
});

describe('login rate limit', () => {
	it('locks after 3 failures, even for the right password, and says when to retry', async () => {
		for (let i = 0; i < 3; i++) {
			const res = await api(server.url, 'POST', '/api/v1/tokens', { body: { email: 'r@bau.example', password: 'falsch-falsch', label: 'x1' } });
			expect(res.status).toBe(401);
		}
		const limited = await api(server.url, 'POST', '/api/v1/tokens', {
			body: { email: 'r@bau.example', password: TEST_PASSWORD, label: 'x1' }
		});
		expect(limited.status).toBe(429);
		expect(limited.body.error.code).toBe('rate_limited');
		expect(limited.body.error.message).toMatch(/Zu viele Versuche/);
		const retry = Number(limited.headers.get('retry-after'));
		expect(retry).toBeGreaterThan(800);
		expect(retry).toBeLessThanOrEqual(900);
	});

	it('locks the IP as well, so the next account from there waits too; the form says so in German', async () => {
		const form = await new Browser(server.url).login('q@bau.example', TEST_PASSWORD);
		expect(form.status).toBe(429);
		expect(Number(form.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await form.text()).toContain('Zu viele fehlgeschlagene Anmeldungen. Bitte in 15 Minuten erneut versuchen.');
	});

	it('records the refused attempts in the audit log', async () => {
		const rows = await db.sql<{ data: { reason: string } }[]>`select data from audit_log where action = 'login.failure' order by seq`;
		expect(rows.map((r) => r.data.reason)).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'rate_limited', 'rate_limited']);
	});
});
