/**
 * A small HTTP client for the tests: a browser-like one with a cookie and same-origin Origin header,
 * and plain API calls with a Bearer token.
 */
import postgres from 'postgres';
import { hashPassword } from '../../../src/lib/server/auth/password';
import type { OrgRole } from '../../../src/lib/roles';

export class Browser {
	cookie: string | null = null;
	constructor(public base: string) {}

	private remember(res: Response): void {
		for (const c of res.headers.getSetCookie()) {
			const [pair] = c.split(';');
			const [name, value] = pair!.split('=');
			if (name !== 'tb_session') continue;
			this.cookie = value ? `tb_session=${value}` : null;
			if (/expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c)) this.cookie = null;
		}
	}

	async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
		const res = await fetch(this.base + path, {
			redirect: 'manual',
			headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers }
		});
		this.remember(res);
		return res;
	}

	/** Posts a form as a browser would from this site (Origin = own origin). */
	async postForm(path: string, fields: Record<string, string | string[]>, origin: string | null = this.base): Promise<Response> {
		const body = new URLSearchParams();
		for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
		const res = await fetch(this.base + path, {
			method: 'POST',
			redirect: 'manual',
			body,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				// like a browser without JavaScript; with */* Kit answers as to an enhanced form (JSON)
				accept: 'text/html',
				...(origin ? { origin } : {}),
				...(this.cookie ? { cookie: this.cookie } : {})
			}
		});
		this.remember(res);
		return res;
	}

	async login(email: string, password: string): Promise<Response> {
		return this.postForm('/login', { email, password });
	}
}

export async function api(
	base: string,
	method: string,
	path: string,
	opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}
): Promise<{ status: number; body: any; headers: Headers }> {
	const res = await fetch(base + path, {
		method,
		headers: {
			...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
			...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
			...opts.headers
		},
		body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined
	});
	const text = await res.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON: keep the text for the assertion message
	}
	return { status: res.status, body, headers: res.headers };
}

export async function createToken(base: string, email: string, password: string, label = 'Test'): Promise<string> {
	const res = await api(base, 'POST', '/api/v1/tokens', { body: { email, password, label } });
	if (res.status !== 201) throw new Error(`Token für ${email}: ${res.status} ${JSON.stringify(res.body)}`);
	return res.body.token as string;
}

export const TEST_PASSWORD = 'Prüf-Passwort-2026';

/** Inserts an org with one admin straight into the database (tests seed what they need). */
export async function seedAccount(
	sql: postgres.Sql,
	a: { org: string; roles: OrgRole[]; verified: boolean; email: string; password?: string }
): Promise<{ userId: string; orgId: string }> {
	const hash = await hashPassword(a.password ?? TEST_PASSWORD);
	const [org] = await sql<{ id: string }[]>`insert into organisations (name, roles, verified_at)
		values (${a.org}, string_to_array(${a.roles.join(',')}, ','), ${a.verified ? new Date() : null}) returning id`;
	const [user] = await sql<{ id: string }[]>`insert into users (email, name, password_hash)
		values (${a.email}, ${'Test ' + a.org}, ${hash}) returning id`;
	await sql`insert into memberships (user_id, org_id, role, status) values (${user!.id}, ${org!.id}, 'admin', 'active')`;
	return { userId: user!.id, orgId: org!.id };
}
