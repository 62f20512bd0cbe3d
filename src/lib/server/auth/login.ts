/**
 * @module auth/login
 * Checks e-mail and password for the login form and for POST /api/v1/tokens alike: rate limit per IP
 * and per account, a constant-time answer for unknown e-mails, and an audit entry either way.
 */
import { sql } from '../db';
import { config } from '../config';
import { appendAudit } from '../audit/repo';
import { findCredentialsByEmail, findMembership } from '../accounts/repo';
import type { User } from '../accounts/types';
import { burnPasswordCheck, verifyPassword } from './password';
import { clearEvents, recordEvent, retryAfter, type Limit } from './rate-limit';

export type LoginResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate_limited'; retryAfter: number };

export interface LoginAttempt {
	email: string;
	password: string;
	ip: string;
	userAgent: string | null;
	/** what the login is for, kept in the audit entry */
	via: 'session' | 'token';
}

const limit = (): Limit => ({ max: config.loginMaxFailures, windowSeconds: config.loginWindowSeconds });

export async function checkLogin(attempt: LoginAttempt): Promise<LoginResult> {
	const email = attempt.email.trim().toLowerCase();
	const personal = { ip: attempt.ip, email, userAgent: attempt.userAgent };

	const wait = Math.max(
		await retryAfter(sql, 'login-ip', attempt.ip, limit()),
		await retryAfter(sql, 'login-account', email, limit())
	);
	if (wait > 0) {
		await sql.begin((tx) =>
			appendAudit(tx, { action: 'login.failure', data: { reason: 'rate_limited', via: attempt.via }, personal })
		);
		return { ok: false, reason: 'rate_limited', retryAfter: wait };
	}

	const found = await findCredentialsByEmail(sql, email);
	const valid = found ? await verifyPassword(found.passwordHash, attempt.password) : (await burnPasswordCheck(attempt.password), false);

	if (!found || !valid) {
		await sql.begin(async (tx) => {
			await recordEvent(tx, 'login-ip', attempt.ip, limit());
			await recordEvent(tx, 'login-account', email, limit());
			await appendAudit(tx, {
				action: 'login.failure',
				actorUser: found?.user.id ?? null,
				data: { reason: found ? 'wrong_password' : 'unknown_account', via: attempt.via },
				personal
			});
		});
		return { ok: false, reason: 'invalid' };
	}

	const membership = await findMembership(sql, found.user.id);
	await sql.begin(async (tx) => {
		await clearEvents(tx, 'login-account', email);
		await appendAudit(tx, {
			action: 'login.success',
			actorUser: found.user.id,
			actorOrg: membership?.status === 'active' ? membership.orgId : null,
			data: { via: attempt.via },
			personal
		});
	});
	return { ok: true, user: found.user };
}
