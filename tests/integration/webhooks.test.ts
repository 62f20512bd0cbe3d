/**
 * Outgoing webhooks against `node build` and a local receiver (node:http on 127.0.0.1): signed pings,
 * retries with backoff until the third attempt succeeds, giving up after the last one, every attempt in
 * the log, and who may do what (admins manage, members read, other orgs see nothing).
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { Browser, TEST_PASSWORD, api, createToken, seedAccount } from './helpers/client';
import { checkSchema, responseSchema } from '../../src/lib/server/openapi/schema-check';
import { hashPassword } from '../../src/lib/server/auth/password';

interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
	at: number;
}

let db: FreshDb;
let server: TestServer;
let receiver: Server;
let receiverUrl: string;
let doc: any;
let admin: string;
let member: string;
let other: string;
let orgA: string;
const received: Received[] = [];
/** status to answer per path, by how many calls that path has had (1-based); optionally after a pause */
const behaviour: Record<string, (call: number) => number | { status: number; delayMs: number }> = {
	'/ok': () => 200,
	'/flaky': (n) => (n <= 2 ? 500 : 200),
	'/down': () => 503
};

const calls = (path: string) => received.filter((r) => r.path === path);

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > until) throw new Error(`Zeitüberschreitung: ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

function conforms(method: string, path: string, res: { status: number; body: unknown }): void {
	const schema = responseSchema(doc, path, method, res.status, 'application/json');
	expect(checkSchema(schema, res.body, { root: doc, strict: true }), `${method} ${path} → ${res.status}: ${JSON.stringify(res.body).slice(0, 400)}`).toEqual([]);
}

async function createHook(path: string, events?: string[]): Promise<{ id: string; secret: string }> {
	const res = await api(server.url, 'POST', '/api/v1/webhooks', { token: admin, body: { url: `${receiverUrl}${path}`, ...(events ? { events } : {}) } });
	expect(res.status, JSON.stringify(res.body)).toBe(201);
	return res.body;
}

async function deliveries(hookId: string, token = admin): Promise<any> {
	const res = await api(server.url, 'GET', `/api/v1/webhooks/${hookId}/deliveries`, { token });
	expect(res.status).toBe(200);
	return res.body;
}

beforeAll(async () => {
	receiver = createServer((req, res) => {
		let body = '';
		req.on('data', (c: Buffer) => (body += c.toString()));
		req.on('end', () => {
			const path = req.url ?? '';
			received.push({ path, headers: req.headers, body, at: Date.now() });
			const answer = behaviour[path]?.(calls(path).length) ?? 404;
			const { status, delayMs } = typeof answer === 'number' ? { status: answer, delayMs: 0 } : answer;
			setTimeout(() => res.writeHead(status).end(), delayMs);
		});
	});
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

	db = await freshDatabase();
	server = await startServer({
		DATABASE_URL: db.url,
		WEBHOOK_ALLOW_HTTP: '1',
		WEBHOOK_RETRY_BASE_SECONDS: '0.2',
		WEBHOOK_POLL_MS: '200',
		WEBHOOK_MAX_ATTEMPTS: '3',
		WEBHOOK_TIMEOUT_MS: '2000'
	});
	orgA = (await seedAccount(db.sql, { org: 'Stadtwerke Hook', roles: ['netzbetreiber'], verified: true, email: 'admin@hook.example' })).orgId;
	await seedAccount(db.sql, { org: 'Andere GmbH', roles: ['bauunternehmen'], verified: true, email: 'admin@andere.example' });
	// a plain member of org A
	const [user] = await db.sql<{ id: string }[]>`insert into users (email, name, password_hash)
		values ('mitglied@hook.example', 'Mia Mitglied', ${await hashPassword(TEST_PASSWORD)}) returning id`;
	await db.sql`insert into memberships (user_id, org_id, role, status) values (${user!.id}, ${orgA}, 'member', 'active')`;
	admin = await createToken(server.url, 'admin@hook.example', TEST_PASSWORD);
	member = await createToken(server.url, 'mitglied@hook.example', TEST_PASSWORD);
	other = await createToken(server.url, 'admin@andere.example', TEST_PASSWORD);
	doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
}, 60_000);

afterAll(async () => {
	await server?.stop();
	await db?.drop();
	receiver?.closeAllConnections();
	receiver?.close();
});

describe('webhooks', () => {
	it('are created by an org admin, with a server-made secret shown only in that answer', async () => {
		const res = await api(server.url, 'POST', '/api/v1/webhooks', {
			token: admin,
			body: { url: `${receiverUrl}/ok`, events: ['baustelle.angelegt', 'baustelle.konflikt'] }
		});
		expect(res.status).toBe(201);
		conforms('post', '/api/v1/webhooks', res);
		expect(res.body).toMatchObject({ url: `${receiverUrl}/ok`, events: ['baustelle.angelegt', 'baustelle.konflikt'], active: true });
		expect(res.body.secret).toMatch(/^[0-9a-f]{64}$/);
		const list = await api(server.url, 'GET', '/api/v1/webhooks', { token: admin });
		conforms('get', '/api/v1/webhooks', list);
		expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
		const one = await api(server.url, 'GET', `/api/v1/webhooks/${res.body.id}`, { token: member });
		expect(one.body).toEqual({ id: res.body.id, url: res.body.url, events: res.body.events, active: true, createdAt: res.body.createdAt });
		const [audit] = await db.sql`select actor_org, data from audit_log where action = 'webhook.created' and subject = ${res.body.id}`;
		expect(audit).toMatchObject({ actor_org: orgA, data: { host: new URL(receiverUrl).host } });
	});

	it('refuse bad URLs and unknown events with German messages per field', async () => {
		const res = await api(server.url, 'POST', '/api/v1/webhooks', {
			token: admin,
			body: { url: 'https://nutzer:geheim@hooks.example.com/x', events: ['baustelle.angelegt', 'baustelle.abgerissen'] }
		});
		expect(res.status).toBe(422);
		conforms('post', '/api/v1/webhooks', res);
		expect(res.body.error.details).toEqual([
			{ field: 'url', message: expect.stringMatching(/keine Zugangsdaten/) },
			{ field: 'events', message: 'Unbekannte Ereignisse: baustelle.abgerissen. Leer lassen für alle Ereignisse.' }
		]);
		const ping = await api(server.url, 'POST', '/api/v1/webhooks', { token: admin, body: { url: `${receiverUrl}/ok`, events: ['ping'] } });
		expect(ping.status).toBe(422);
		const missing = await api(server.url, 'POST', '/api/v1/webhooks', { token: admin, body: {} });
		expect(missing.body.error.details[0].message).toMatch(/^Bitte die Adresse des Empfängers angeben/);
	});

	it('send a ping that arrives with a signature the receiver can verify', async () => {
		const hook = await createHook('/ok');
		const before = calls('/ok').length;
		const test = await api(server.url, 'POST', `/api/v1/webhooks/${hook.id}/test`, { token: admin });
		expect(test.status).toBe(202);
		conforms('post', '/api/v1/webhooks/{id}/test', test);
		const req = await waitFor('ping', async () => calls('/ok')[before]);
		expect(req.headers).toMatchObject({
			'content-type': 'application/json',
			'user-agent': 'Tiefblick-Webhook/1',
			'tiefblick-event': 'ping',
			'tiefblick-delivery': test.body.deliveryId
		});
		// what a receiver does, with nothing but node:crypto and the secret
		const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['tiefblick-signature']))!;
		expect(v1).toBe(createHmac('sha256', hook.secret).update(`${t}.${req.body}`).digest('hex'));
		expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(30);
		const body = JSON.parse(req.body);
		expect(Object.keys(body)).toEqual(['id', 'type', 'createdAt', 'link', 'data']);
		expect(body).toMatchObject({ id: test.body.deliveryId, type: 'ping', link: `${server.url}/organisation/webhooks`, data: { webhookId: hook.id } });

		const log = await waitFor('zugestellt', async () => {
			const page = await deliveries(hook.id, member);
			return page.items[0]?.status === 'zugestellt' && page;
		});
		conforms('get', '/api/v1/webhooks/{id}/deliveries', { status: 200, body: log });
		expect(log.items[0]).toMatchObject({ id: test.body.deliveryId, event: 'ping', attempts: 1, lastStatus: 200, lastError: null, nextAttemptAt: null, payload: body });
		expect(log.items[0].attemptLog).toEqual([{ attempt: 1, startedAt: expect.any(String), durationMs: expect.any(Number), statusCode: 200, error: null }]);
	});

	it('retry a failing receiver with backoff: two 500s, delivered on the third attempt, all three in the log', async () => {
		const hook = await createHook('/flaky');
		const test = await api(server.url, 'POST', `/api/v1/webhooks/${hook.id}/test`, { token: admin });
		const log = await waitFor('dritter Versuch', async () => {
			const page = await deliveries(hook.id);
			return page.items[0]?.status === 'zugestellt' && page;
		});
		const d = log.items[0];
		expect(d).toMatchObject({ id: test.body.deliveryId, status: 'zugestellt', attempts: 3, lastStatus: 200, lastError: null });
		expect(d.attemptLog.map((a: any) => [a.attempt, a.statusCode, a.error])).toEqual([
			[1, 500, 'HTTP 500: Der Empfänger meldet einen Fehler.'],
			[2, 500, 'HTTP 500: Der Empfänger meldet einen Fehler.'],
			[3, 200, null]
		]);
		const tries = calls('/flaky');
		expect(tries).toHaveLength(3);
		// the same delivery, byte for byte, on every try: receivers deduplicate by its id
		expect(new Set(tries.map((r) => r.headers['tiefblick-delivery']))).toEqual(new Set([test.body.deliveryId]));
		expect(new Set(tries.map((r) => r.body)).size).toBe(1);
		// backoff 0.2 s × 4^(n−1): at least 0.2 s, then at least 0.8 s between the tries
		expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(190);
		expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(790);
	});

	it('give up after the last attempt: fehlgeschlagen, no next try, no fourth call', async () => {
		const hook = await createHook('/down');
		await api(server.url, 'POST', `/api/v1/webhooks/${hook.id}/test`, { token: admin });
		const log = await waitFor('fehlgeschlagen', async () => {
			const page = await deliveries(hook.id);
			return page.items[0]?.status === 'fehlgeschlagen' && page;
		});
		expect(log.items[0]).toMatchObject({ attempts: 3, nextAttemptAt: null, lastStatus: 503, deliveredAt: null });
		expect(log.items[0].attemptLog.map((a: any) => a.statusCode)).toEqual([503, 503, 503]);
		await new Promise((r) => setTimeout(r, 600));
		expect(calls('/down')).toHaveLength(3);
	});

	it('log an unreachable receiver with a German reason', async () => {
		// a port nobody listens on: taken from the OS and given back
		const probe = createServer();
		await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
		const port = (probe.address() as AddressInfo).port;
		await new Promise((r) => probe.close(r));
		const res = await api(server.url, 'POST', '/api/v1/webhooks', { token: admin, body: { url: `http://127.0.0.1:${port}/weg` } });
		await api(server.url, 'POST', `/api/v1/webhooks/${res.body.id}/test`, { token: admin });
		const log = await waitFor('Fehlertext', async () => {
			const page = await deliveries(res.body.id);
			return page.items[0]?.attempts >= 1 && page.items[0].lastError && page;
		});
		expect(log.items[0]).toMatchObject({ lastStatus: null, lastError: expect.stringMatching(/^Verbindung abgelehnt/) });
		await api(server.url, 'DELETE', `/api/v1/webhooks/${res.body.id}`, { token: admin });
	});

	it('are changed and deleted by admins only; members read; other orgs get 404', async () => {
		const hook = await createHook('/ok', ['baustelle.status']);
		const path = `/api/v1/webhooks/${hook.id}`;
		// another organisation: as if it did not exist
		for (const [method, p] of [['GET', path], ['PATCH', path], ['DELETE', path], ['GET', `${path}/deliveries`], ['POST', `${path}/test`]] as const) {
			const res = await api(server.url, method, p, { token: other, ...(method === 'PATCH' ? { body: { active: false } } : {}) });
			expect(res.status, `${method} ${p}`).toBe(404);
			expect(res.body.error).toEqual({ code: 'not_found', message: 'Webhook nicht gefunden.', details: [] });
		}
		expect((await api(server.url, 'GET', '/api/v1/webhooks', { token: other })).body.items).toEqual([]);
		// a member reads, but does not manage
		expect((await api(server.url, 'GET', '/api/v1/webhooks', { token: member })).status).toBe(200);
		expect((await api(server.url, 'GET', `${path}/deliveries`, { token: member })).status).toBe(200);
		for (const [method, p, body] of [
			['POST', '/api/v1/webhooks', { url: `${receiverUrl}/ok` }],
			['PATCH', path, { active: false }],
			['DELETE', path, undefined],
			['POST', `${path}/test`, undefined]
		] as const) {
			const res = await api(server.url, method, p, { token: member, body });
			expect(res.status, `${method} ${p}`).toBe(403);
			expect(res.body.error.code).toBe('forbidden_org_admin');
		}
		expect((await api(server.url, 'GET', '/api/v1/webhooks')).status).toBe(401);
		expect((await api(server.url, 'GET', '/api/v1/webhooks/kein-uuid', { token: admin })).status).toBe(404);

		// the admin deactivates: no test ping while inactive
		const off = await api(server.url, 'PATCH', path, { token: admin, body: { active: false, events: [] } });
		expect(off.status).toBe(200);
		conforms('patch', '/api/v1/webhooks/{id}', off);
		expect(off.body).toMatchObject({ active: false, events: [] });
		const refused = await api(server.url, 'POST', `${path}/test`, { token: admin });
		expect(refused.status).toBe(409);
		expect(refused.body.error.code).toBe('inactive');
		const bad = await api(server.url, 'PATCH', path, { token: admin, body: { active: 'vielleicht' } });
		expect(bad.status).toBe(422);
		expect((await api(server.url, 'PATCH', path, { token: admin, body: { active: true } })).body.active).toBe(true);

		const del = await api(server.url, 'DELETE', path, { token: admin });
		expect(del.status).toBe(204);
		expect((await api(server.url, 'GET', path, { token: admin })).status).toBe(404);
		const actions = await db.sql<{ action: string }[]>`select action from audit_log where subject = ${hook.id} order by seq`;
		expect(actions.map((a) => a.action)).toEqual(['webhook.created', 'webhook.changed', 'webhook.changed', 'webhook.deleted']);
	});

	it('deactivating ends waiting deliveries instead of sending them days later', async () => {
		// the first answer takes a while: the admin deactivates while the attempt is in flight, and its
		// late failure must not put the delivery back in the queue
		behaviour['/spaeter'] = () => ({ status: 500, delayMs: 1000 });
		const hook = await createHook('/spaeter');
		await api(server.url, 'POST', `/api/v1/webhooks/${hook.id}/test`, { token: admin });
		await waitFor('erster Versuch', async () => calls('/spaeter').length >= 1);
		await api(server.url, 'PATCH', `/api/v1/webhooks/${hook.id}`, { token: admin, body: { active: false } });
		const log = await waitFor('abgebrochen', async () => {
			const page = await deliveries(hook.id);
			return page.items[0]?.status === 'fehlgeschlagen' && page;
		});
		expect(log.items[0].lastError).toBe('Webhook deaktiviert – diese Zustellung wurde abgebrochen.');
		// the attempt itself is logged when its answer comes, the delivery stays ended
		const after = await waitFor('Versuch protokolliert', async () => {
			const page = await deliveries(hook.id);
			return page.items[0]?.attemptLog.length === 1 && page;
		});
		expect(after.items[0]).toMatchObject({ status: 'fehlgeschlagen', nextAttemptAt: null, lastError: 'Webhook deaktiviert – diese Zustellung wurde abgebrochen.' });
		expect(after.items[0].attemptLog[0]).toMatchObject({ statusCode: 500 });
		await new Promise((r) => setTimeout(r, 1000));
		expect(calls('/spaeter')).toHaveLength(1);
	});

	it('go out once each when two app servers dispatch from the same database', async () => {
		const second = await startServer({ DATABASE_URL: db.url, WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_POLL_MS: '50' });
		try {
			// a slow receiver widens the window in which both servers look for due deliveries
			behaviour['/einmal'] = () => ({ status: 200, delayMs: 40 });
			const hook = await createHook('/einmal');
			const ids: string[] = [];
			for (let i = 0; i < 30; i++) {
				const base = i % 2 ? second.url : server.url;
				ids.push((await api(base, 'POST', `/api/v1/webhooks/${hook.id}/test`, { token: admin })).body.deliveryId);
			}
			await waitFor('alle zugestellt', async () => {
				const page = (await api(server.url, 'GET', `/api/v1/webhooks/${hook.id}/deliveries?limit=100`, { token: admin })).body;
				return page.items.length === 30 && page.items.every((d: any) => d.status === 'zugestellt' && d.attempts === 1);
			});
			await new Promise((r) => setTimeout(r, 300));
			const seen = calls('/einmal').map((r) => String(r.headers['tiefblick-delivery']));
			expect(seen.sort()).toEqual([...ids].sort());
		} finally {
			await second.stop();
		}
	});

	it('work from the page without JavaScript: create (secret once), test, deactivate, delete after confirmation', async () => {
		const browser = new Browser(server.url);
		expect((await browser.login('admin@hook.example', TEST_PASSWORD)).status).toBe(303);
		const created = await browser.postForm('/organisation/webhooks?/anlegen', { url: `${receiverUrl}/ok`, events: ['baustelle.konflikt', 'baustelle.beteiligung'] });
		expect(created.status).toBe(200);
		const html = await created.text();
		const secret = /id="new-secret">([0-9a-f]{64})</.exec(html)?.[1];
		expect(secret).toBeTruthy();
		const [row] = await db.sql<{ id: string; events: string[] }[]>`select id, events from webhooks where secret = ${secret!}`;
		expect(row!.events).toEqual(['baustelle.konflikt', 'baustelle.beteiligung']);
		const page = await (await browser.get('/organisation/webhooks')).text();
		expect(page).not.toContain(secret);
		expect(page).toContain('Beteiligung als Netzbetreiber');

		const tested = await (await browser.postForm('/organisation/webhooks?/testen', { id: row!.id })).text();
		expect(tested).toContain('Testaufruf zugestellt: der Empfänger antwortete mit HTTP 200.');

		const wrong = await (await browser.postForm('/organisation/webhooks?/anlegen', { url: 'ftp://hooks.example.com' })).text();
		expect(wrong).toContain('Nur https-Adressen sind erlaubt');

		expect(await (await browser.postForm('/organisation/webhooks?/umschalten', { id: row!.id, active: 'false' })).text()).toContain('Webhook deaktiviert.');
		const confirm = await (await browser.get(`/organisation/webhooks?loeschen=${row!.id}`)).text();
		expect(confirm).toContain('Webhook löschen?');
		expect(await (await browser.postForm('/organisation/webhooks?/loeschen', { id: row!.id })).text()).toContain('Webhook gelöscht.');
		expect(await db.sql`select 1 from webhooks where id = ${row!.id}`).toHaveLength(0);

		// a member sees the page, but no forms to manage
		const m = new Browser(server.url);
		await m.login('mitglied@hook.example', TEST_PASSWORD);
		const memberPage = await (await m.get('/organisation/webhooks')).text();
		expect(memberPage).toContain('Zustellungen');
		expect(memberPage).not.toContain('Neuer Webhook');
		expect((await m.postForm('/organisation/webhooks?/anlegen', { url: `${receiverUrl}/ok` })).status).toBe(403);
	});
});
