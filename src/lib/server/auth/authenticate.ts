/**
 * @module auth/authenticate
 * Fills `locals` from the session cookie, or on /api/v1 from `Authorization: Bearer <token>`.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { sql } from '../db';
import { findMembership, findOrgContext, findUserById } from '../accounts/repo';
import { validateApiToken } from './api-token';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie, validateSessionToken } from './session';

export async function authenticate(event: RequestEvent): Promise<void> {
	const { locals, cookies, url, request } = event;
	locals.user = null;
	locals.session = null;
	locals.authVia = null;
	locals.org = null;
	locals.pendingOrgName = null;

	let userId: string | null = null;
	const secure = url.protocol === 'https:';
	const cookie = cookies.get(SESSION_COOKIE);
	if (cookie) {
		const session = await validateSessionToken(sql, cookie);
		if (session) {
			locals.session = session;
			locals.authVia = 'session';
			userId = session.userId;
			setSessionCookie(cookies, cookie, session.expiresAt, secure);
		} else {
			deleteSessionCookie(cookies, secure);
		}
	}
	const authorization = request.headers.get('authorization');
	if (!userId && authorization && url.pathname.startsWith('/api/v1/')) {
		const match = /^Bearer\s+(\S+)$/i.exec(authorization);
		const token = match ? await validateApiToken(sql, match[1]!) : null;
		if (token) {
			locals.authVia = 'token';
			userId = token.userId;
		}
	}
	if (!userId) return;

	locals.user = await findUserById(sql, userId);
	if (!locals.user) return;
	locals.org = await findOrgContext(sql, userId);
	if (!locals.org) {
		const membership = await findMembership(sql, userId);
		locals.pendingOrgName = membership?.status === 'pending' ? membership.orgName : null;
	}
}
