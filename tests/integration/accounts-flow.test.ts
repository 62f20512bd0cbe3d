/**
 * The whole account path over HTTP against `node build` on real PostgreSQL:
 * register → admin verifies → login → token → API call with Bearer → revoke → 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { Browser, TEST_PASSWORD, api, createToken, seedAccount } from './helpers/client';

let db: FreshDb;
let server: TestServer;

beforeAll(async () => {
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url });
	await seedAccount(db.sql, { org: 'Plattform Test', roles: ['plattform'], verified: true, email: 'admin@test.example' });
});
afterAll(async () => {
	await server?.stop();
	await db?.drop();
});

describe('register → verify → token → revoke', () => {
	it('goes the whole way', async () => {
		const browser = new Browser(server.url);
		const reg = await browser.postForm('/registrieren', {
			name: 'Erika Mustermann',
			email: 'erika@tiefbau-test.example',
			phone: '+49 345 1234567',
			password: 'Kabelgraben-2026',
			passwordRepeat: 'Kabelgraben-2026',
			mode: 'neu',
			orgName: 'Tiefbau Test GmbH',
			roles: ['bauunternehmen', 'planungsbuero']
		});
		expect(reg.status).toBe(303);
		expect(reg.headers.get('location')).toBe('/?willkommen');
		expect(browser.cookie).toMatch(/^tb_session=[a-z0-9]{24}\.[a-z0-9]{24}$/);

		// the new org exists, unverified, with the registrant as its admin
		const me = await browser.get('/api/v1/me');
		const meBody = await me.json();
		expect(meBody.org).toMatchObject({ name: 'Tiefbau Test GmbH', roles: ['bauunternehmen', 'planungsbuero'], verified: false, membershipRole: 'admin' });
		const orgId = meBody.org.id as string;

		// an unverified org can log in and get a token
		const token = await createToken(server.url, 'erika@tiefbau-test.example', 'Kabelgraben-2026', 'Skript');
		expect(token).toMatch(/^tb_[a-z0-9]{24}\.[a-z0-9]{24}$/);
		expect((await api(server.url, 'GET', `/api/v1/orgs/${orgId}`, { token })).body.verified).toBe(false);

		// the platform admin verifies it
		const adminToken = await createToken(server.url, 'admin@test.example', TEST_PASSWORD);
		const verified = await api(server.url, 'POST', `/api/v1/admin/orgs/${orgId}/verify`, { token: adminToken });
		expect(verified.status).toBe(200);
		expect(verified.body.verified).toBe(true);

		const org = await api(server.url, 'GET', `/api/v1/orgs/${orgId}`, { token });
		expect(org.status).toBe(200);
		expect(org.body).toMatchObject({ id: orgId, verified: true });
		expect(org.body.members).toEqual([{ id: meBody.user.id, name: 'Erika Mustermann', role: 'admin' }]);

		// the token is listed (without its secret), then revoked, then refused
		const list = await api(server.url, 'GET', '/api/v1/tokens', { token });
		expect(list.body.items).toHaveLength(1);
		expect(JSON.stringify(list.body)).not.toContain(token.split('.')[1]);
		const tokenId = token.slice(3).split('.')[0]!;
		expect((await api(server.url, 'DELETE', `/api/v1/tokens/${tokenId}`, { token })).status).toBe(204);
		const after = await api(server.url, 'GET', '/api/v1/me', { token });
		expect(after.status).toBe(401);
		expect(after.body).toEqual({ error: { code: 'unauthenticated', message: 'Bitte melden Sie sich an.', details: [] } });

		// the chain recorded it all, in order
		const actions = (await db.sql<{ action: string }[]>`select action from audit_log order by seq`).map((r) => r.action);
		expect(actions).toEqual([
			'org.registered',
			'login.success',
			'token.created',
			'login.success',
			'token.created',
			'org.verified',
			'token.revoked'
		]);
	});

	it('lets a person ask to join a verified org, which its admin approves', async () => {
		const { orgId } = await seedAccount(db.sql, {
			org: 'Stadtwerke Test',
			roles: ['netzbetreiber'],
			verified: true,
			email: 'chefin@sw-test.example'
		});
		const joiner = new Browser(server.url);
		const reg = await joiner.postForm('/registrieren', {
			name: 'Jonas Neu',
			email: 'jonas@sw-test.example',
			password: 'Muffenbauer-77',
			passwordRepeat: 'Muffenbauer-77',
			mode: 'beitreten',
			joinOrgId: orgId
		});
		expect(reg.status).toBe(303);
		// pending: logged in, but no org and no org functions yet
		expect((await (await joiner.get('/api/v1/me')).json()).org).toBeNull();
		const forbidden = await joiner.get(`/api/v1/orgs/${orgId}`);
		expect(forbidden.status).toBe(403);
		expect((await forbidden.json()).error.message).toMatch(/Beitrittsanfrage bei „Stadtwerke Test“/);

		const adminBrowser = new Browser(server.url);
		await adminBrowser.login('chefin@sw-test.example', TEST_PASSWORD);
		const [pending] = await db.sql<{ user_id: string }[]>`select user_id from memberships where status = 'pending'`;
		const approved = await adminBrowser.postForm('/organisation?/approve', { userId: pending!.user_id });
		expect(approved.status).toBe(200);
		const me = await (await joiner.get('/api/v1/me')).json();
		expect(me.org).toMatchObject({ id: orgId, membershipRole: 'member' });
	});

	it('refuses a second registration with the same e-mail or org name, in German', async () => {
		const b = new Browser(server.url);
		const res = await b.postForm('/registrieren', {
			name: 'Erika Zwei',
			email: 'ERIKA@tiefbau-test.example',
			password: 'Kabelgraben-2027',
			passwordRepeat: 'Kabelgraben-2027',
			mode: 'neu',
			orgName: 'tiefbau test gmbh',
			roles: ['bauunternehmen']
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Für diese E-Mail-Adresse gibt es schon ein Konto');
		expect(b.cookie).toBeNull();
	});
});
