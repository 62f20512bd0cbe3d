/**
 * @module auth/browser
 * Session handling for the browser routes (login, registration, logout).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { sql } from '../db';
import { createSession, deleteSessionCookie, invalidateSession, setSessionCookie } from './session';

export async function startBrowserSession(event: RequestEvent, userId: string): Promise<void> {
	const { token, session } = await createSession(sql, userId, event.request.headers.get('user-agent'));
	setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
}

export async function endBrowserSession(event: RequestEvent): Promise<void> {
	if (event.locals.session) await invalidateSession(sql, event.locals.session.id);
	deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
}

/** Only local paths after login: "//evil.example" or "https://…" would be an open redirect. */
export function safeNext(raw: string | null): string {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
	return raw;
}

export function clientInfo(event: RequestEvent): { ip: string; userAgent: string | null } {
	return { ip: event.getClientAddress(), userAgent: event.request.headers.get('user-agent') };
}
