/**
 * @module auth/session
 * Browser sessions: "<id>.<secret>" in an HttpOnly cookie, SHA-256(secret) in the table, 30 days of
 * sliding expiry (renewed once less than half is left, so an active user is never logged out and a
 * quiet cookie dies on time).
 */
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import { now } from '../clock';
import { generateSecureRandomString, hashSecret, parseToken, secretMatches } from './token';

export const SESSION_COOKIE = 'tb_session';
const DAY = 86_400_000;
export const SESSION_LIFETIME_MS = 30 * DAY;

export interface Session {
	id: string;
	userId: string;
	createdAt: Date;
	lastUsedAt: Date;
	expiresAt: Date;
	userAgent: string | null;
}

interface SessionRow {
	id: string;
	secret_hash: Uint8Array;
	user_id: string;
	created_at: Date;
	last_used_at: Date;
	expires_at: Date;
	user_agent: string | null;
}

const toSession = (r: SessionRow): Session => ({
	id: r.id,
	userId: r.user_id,
	createdAt: r.created_at,
	lastUsedAt: r.last_used_at,
	expiresAt: r.expires_at,
	userAgent: r.user_agent
});

export async function createSession(
	db: Db,
	userId: string,
	userAgent: string | null
): Promise<{ token: string; session: Session }> {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const at = now();
	const [row] = await db<SessionRow[]>`insert into sessions (id, secret_hash, user_id, created_at, last_used_at, expires_at, user_agent)
		values (${id}, ${Buffer.from(hashSecret(secret))}, ${userId}, ${at}, ${at},
			${new Date(at.getTime() + SESSION_LIFETIME_MS)}, ${userAgent?.slice(0, 300) ?? null})
		returning *`;
	return { token: `${id}.${secret}`, session: toSession(row!) };
}

/** The session behind a cookie value, its expiry slid forward when due; null when invalid or expired. */
export async function validateSessionToken(db: Db, token: string): Promise<Session | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const [row] = await db<SessionRow[]>`select * from sessions where id = ${parsed.id}`;
	if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
	const at = now();
	if (row.expires_at.getTime() <= at.getTime()) {
		await db`delete from sessions where id = ${row.id}`;
		return null;
	}
	const session = toSession(row);
	if (session.expiresAt.getTime() - at.getTime() < SESSION_LIFETIME_MS / 2) {
		session.expiresAt = new Date(at.getTime() + SESSION_LIFETIME_MS);
		session.lastUsedAt = at;
		await db`update sessions set expires_at = ${session.expiresAt}, last_used_at = ${at} where id = ${row.id}`;
	} else if (at.getTime() - session.lastUsedAt.getTime() > 60_000) {
		// "last used" for the session list, written at most once a minute
		session.lastUsedAt = at;
		await db`update sessions set last_used_at = ${at} where id = ${row.id}`;
	}
	return session;
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db`delete from sessions where id = ${sessionId}`;
}

/** Ends a user's sessions, optionally all but one (the browser that changed the password). */
export async function invalidateUserSessions(db: Db, userId: string, exceptId: string | null = null): Promise<number> {
	const result = exceptId
		? await db`delete from sessions where user_id = ${userId} and id <> ${exceptId}`
		: await db`delete from sessions where user_id = ${userId}`;
	return result.count;
}

export async function listUserSessions(db: Db, userId: string): Promise<Session[]> {
	const rows = await db<SessionRow[]>`select * from sessions where user_id = ${userId} and expires_at > ${now()}
		order by last_used_at desc`;
	return rows.map(toSession);
}

export async function deleteUserSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
	const result = await db`delete from sessions where user_id = ${userId} and id = ${sessionId}`;
	return result.count === 1;
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
	await db`delete from sessions where expires_at < ${now()}`;
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
