/**
 * The inbox and publish(): publish() runs here, in the test, inside a transaction on the test database —
 * as the Baustellen service calls it — and the server (`node build`) takes it from there: the inbox
 * lists it per organisation, its poll delivers the webhook to a local receiver. Marking read by API,
 * by form without JavaScript, and by opening the subject.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { Browser, TEST_PASSWORD, api, createToken, seedAccount } from './helpers/client';
import { checkSchema, responseSchema } from '../../src/lib/server/openapi/schema-check';
import type { PlatformEvent } from '../../src/lib/server/notifications/publish';

let db: FreshDb;
let server: TestServer;
let receiver: Server;
let receiverUrl: string;
let doc: any;
let publish: typeof import('../../src/lib/server/notifications/publish').publish;
const org = { a: '', b: '', c: '' };
const token = { a: '', b: '', c: '' };
const received: { path: string; body: string; event: string }[] = [];

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
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
	expect(checkSchema(schema, res.body, { root: doc, strict: true }), JSON.stringify(res.body).slice(0, 400)).toEqual([]);
}

const BAUSTELLE = '0b6e1c9a-6f4e-4a57-9a51-3c1f0e7d2b11';

function event(overrides: Partial<PlatformEvent> = {}): PlatformEvent {
	return {
		type: 'baustelle.angelegt',
		orgIds: [org.a, org.b, org.a],
		title: 'Neue Baustelle BS-2026-0042: Große Ulrichstraße',
		body: 'Leitungsbau Fernwärme, 02.03.–27.03.2026, halbseitige Sperrung.',
		link: `/baustellen/${BAUSTELLE}`,
		subjectId: BAUSTELLE,
		data: { baustelleId: BAUSTELLE, number: 'BS-2026-0042', status: 'geplant', contact: { name: 'Bernd Bauleiter', email: 'b@musterbau.example' } },
		...overrides
	};
}

beforeAll(async () => {
	receiver = createServer((req, res) => {
		let body = '';
		req.on('data', (c: Buffer) => (body += c.toString()));
		req.on('end', () => {
			received.push({ path: req.url ?? '', body, event: String(req.headers['tiefblick-event']) });
			res.writeHead(204).end();
		});
	});
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url, WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_POLL_MS: '200' });
	// publish() builds absolute links from ORIGIN, read when its config loads
	process.env.ORIGIN = server.url;
	({ publish } = await import('../../src/lib/server/notifications/publish'));
	org.a = (await seedAccount(db.sql, { org: 'Stadtwerke Inbox', roles: ['netzbetreiber'], verified: true, email: 'a@inbox.example' })).orgId;
	org.b = (await seedAccount(db.sql, { org: 'Tiefbauamt Inbox', roles: ['kommune'], verified: true, email: 'b@inbox.example' })).orgId;
	org.c = (await seedAccount(db.sql, { org: 'Unbeteiligt GmbH', roles: ['bauunternehmen'], verified: true, email: 'c@inbox.example' })).orgId;
	for (const k of ['a', 'b', 'c'] as const) token[k] = await createToken(server.url, `${k}@inbox.example`, TEST_PASSWORD);
	doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
}, 60_000);

afterAll(async () => {
	await server?.stop();
	await db?.drop();
	receiver?.closeAllConnections();
	receiver?.close();
});

describe('publish', () => {
	it('puts one entry in each recipient’s inbox and a delivery to each active webhook that wants the event', async () => {
		const hook = async (t: string, path: string, events?: string[]) =>
			(await api(server.url, 'POST', '/api/v1/webhooks', { token: t, body: { url: `${receiverUrl}${path}`, events } })).body.id as string;
		await hook(token.a, '/a-konflikte', ['baustelle.konflikt']);
		await hook(token.a, '/a-alle');
		await hook(token.b, '/b-angelegt', ['baustelle.angelegt', 'baustelle.status']);
		const off = await hook(token.b, '/b-aus');
		await api(server.url, 'PATCH', `/api/v1/webhooks/${off}`, { token: token.b, body: { active: false } });
		await hook(token.c, '/c-alle');

		await db.sql.begin((tx) => publish(tx, event()));

		const rows = await db.sql<{ org_id: string }[]>`select org_id from notifications where subject_id = ${BAUSTELLE}`;
		expect(rows.map((r) => r.org_id).sort()).toEqual([org.a, org.b].sort());
		await waitFor('zwei Zustellungen', async () => received.length >= 2 && received);
		await new Promise((r) => setTimeout(r, 500));
		expect(received.map((r) => r.path).sort()).toEqual(['/a-alle', '/b-angelegt']);
		const body = JSON.parse(received[0]!.body);
		expect(body).toMatchObject({
			type: 'baustelle.angelegt',
			link: `${server.url}/baustellen/${BAUSTELLE}`,
			data: { baustelleId: BAUSTELLE, number: 'BS-2026-0042', status: 'geplant' }
		});
		// no natural person leaves the platform, and the inbox text stays in the app
		expect(received[0]!.body).not.toMatch(/Bernd|musterbau|contact|Große Ulrichstraße/);
	});

	it('notifies no one when the caller’s transaction rolls back', async () => {
		const before = received.length;
		await expect(
			db.sql.begin(async (tx) => {
				await publish(tx, event({ type: 'baustelle.status', subjectId: null, title: 'Zurückgenommen' }));
				throw new Error('Abbruch');
			})
		).rejects.toThrow('Abbruch');
		expect(await db.sql`select 1 from notifications where title = 'Zurückgenommen'`).toHaveLength(0);
		expect(await db.sql`select 1 from webhook_deliveries where event = 'baustelle.status'`).toHaveLength(0);
		await new Promise((r) => setTimeout(r, 400));
		expect(received.length).toBe(before);
	});
});

describe('inbox', () => {
	it('lists the own org’s notifications, newest first, with the unread count', async () => {
		await db.sql.begin((tx) => publish(tx, event({ type: 'baustelle.konflikt', orgIds: [org.a], title: 'Konflikt mit BS-2026-0007', link: null, subjectId: null })));
		const res = await api(server.url, 'GET', '/api/v1/benachrichtigungen', { token: token.a });
		expect(res.status).toBe(200);
		conforms('get', '/api/v1/benachrichtigungen', res);
		expect(res.body).toMatchObject({ total: 2, unread: 2, next: null });
		expect(res.body.items.map((n: any) => [n.type, n.title])).toEqual([
			['baustelle.konflikt', 'Konflikt mit BS-2026-0007'],
			['baustelle.angelegt', 'Neue Baustelle BS-2026-0042: Große Ulrichstraße']
		]);
		expect(res.body.items[1]).toMatchObject({ link: `${server.url}/baustellen/${BAUSTELLE}`, subjectId: BAUSTELLE, readAt: null });
		const paged = await api(server.url, 'GET', '/api/v1/benachrichtigungen?limit=1', { token: token.a });
		expect(paged.body.items).toHaveLength(1);
		expect(paged.body.next).toBe(`${server.url}/api/v1/benachrichtigungen?limit=1&offset=1`);
		expect((await api(server.url, 'GET', '/api/v1/benachrichtigungen', { token: token.c })).body).toMatchObject({ items: [], total: 0, unread: 0 });
		expect((await api(server.url, 'GET', '/api/v1/benachrichtigungen')).status).toBe(401);
	});

	it('marks given ones or all as read, never another org’s', async () => {
		const list = (await api(server.url, 'GET', '/api/v1/benachrichtigungen', { token: token.a })).body.items;
		const foreign = await api(server.url, 'POST', '/api/v1/benachrichtigungen/gelesen', { token: token.b, body: { ids: [list[0].id] } });
		expect(foreign.body).toEqual({ marked: 0, unread: 1 });
		const one = await api(server.url, 'POST', '/api/v1/benachrichtigungen/gelesen', { token: token.a, body: { ids: [list[0].id, 'kein-uuid'] } });
		expect(one.status).toBe(200);
		conforms('post', '/api/v1/benachrichtigungen/gelesen', one);
		expect(one.body).toEqual({ marked: 1, unread: 1 });
		const bad = await api(server.url, 'POST', '/api/v1/benachrichtigungen/gelesen', { token: token.a, body: { ids: 'x'.length } });
		expect(bad.status).toBe(422);
		const all = await fetch(`${server.url}/api/v1/benachrichtigungen/gelesen`, { method: 'POST', headers: { authorization: `Bearer ${token.a}` } });
		expect(await all.json()).toEqual({ marked: 1, unread: 0 });
		const after = (await api(server.url, 'GET', '/api/v1/benachrichtigungen', { token: token.a })).body;
		expect(after.items.every((n: any) => n.readAt)).toBe(true);
	});

	it('works in the browser without JavaScript: unread count in the navigation, open marks read, mark all', async () => {
		await db.sql.begin((tx) => publish(tx, event({ orgIds: [org.b], type: 'genehmigung.beantragt', title: 'Aufgrabeerlaubnis beantragt' })));
		const browser = new Browser(server.url);
		await browser.login('b@inbox.example', TEST_PASSWORD);
		let html = await (await browser.get('/benachrichtigungen')).text();
		expect(html).toContain('2 ungelesen');
		expect(html).toMatch(/>2<\/span><span class="visually-hidden">, 2 ungelesen</);
		expect(html).toContain('Aufgrabeerlaubnis beantragt');
		expect(html).toContain('Alle als gelesen markieren');

		const [n] = await db.sql<{ id: string }[]>`select id from notifications where org_id = ${org.b} and title = 'Aufgrabeerlaubnis beantragt'`;
		const open = await browser.get(`/benachrichtigungen/${n!.id}`);
		expect(open.status).toBe(303);
		expect(open.headers.get('location')).toBe(`/baustellen/${BAUSTELLE}`);
		html = await (await browser.get('/benachrichtigungen')).text();
		expect(html).toContain('1 ungelesen');
		// another org's notification is not found, and nothing is marked
		const [foreign] = await db.sql<{ id: string }[]>`select id from notifications where org_id = ${org.a} limit 1`;
		expect((await browser.get(`/benachrichtigungen/${foreign!.id}`)).status).toBe(404);

		const done = await browser.postForm('/benachrichtigungen?/alle', {});
		expect(done.status).toBe(200);
		html = await done.text();
		expect(html).toContain('Eine Benachrichtigung als gelesen markiert.');
		expect(html).not.toMatch(/class="unread[^"]*" aria-hidden/);
		expect(await db.sql`select 1 from notifications where org_id = ${org.b} and read_at is null`).toHaveLength(0);
	});
});
