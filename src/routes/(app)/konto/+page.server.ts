import { fail } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { clientInfo } from '$lib/server/auth/browser';
import { issueApiToken, listApiTokens, validateTokenLabel, withdrawApiToken } from '$lib/server/auth/api-token';
import { deleteUserSession, invalidateUserSessions, listUserSessions } from '$lib/server/auth/session';
import { changePassword } from '$lib/server/accounts/service';
import { appendAudit } from '$lib/server/audit/repo';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const [tokens, sessions] = await Promise.all([listApiTokens(sql, user.id), listUserSessions(sql, user.id)]);
	return {
		profile: { name: user.name, email: user.email, phone: user.phone },
		tokens,
		sessions: sessions.map((s) => ({
			id: s.id,
			current: s.id === locals.session?.id,
			createdAt: s.createdAt,
			lastUsedAt: s.lastUsedAt,
			expiresAt: s.expiresAt,
			userAgent: s.userAgent
		}))
	};
};

export const actions: Actions = {
	password: async ({ locals, request }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const errors = await changePassword({
			user,
			orgId: locals.org?.id ?? null,
			keepSessionId: locals.session?.id ?? null,
			current: String(form.get('current') ?? ''),
			next: String(form.get('next') ?? ''),
			repeat: String(form.get('repeat') ?? '')
		});
		if (Object.keys(errors).length > 0) return fail(400, { password: { errors } });
		return { password: { done: true } };
	},

	createToken: async (event) => {
		const user = requireUser(event.locals);
		const label = String((await event.request.formData()).get('label') ?? '').trim();
		const problem = validateTokenLabel(label);
		if (problem) return fail(400, { token: { label, error: problem } });
		const { token } = await issueApiToken({ userId: user.id, orgId: event.locals.org?.id ?? null }, label, clientInfo(event));
		return { token: { created: token, label } };
	},

	revokeToken: async ({ locals, request }) => {
		const user = requireUser(locals);
		const id = String((await request.formData()).get('id') ?? '');
		const done = await withdrawApiToken({ userId: user.id, orgId: locals.org?.id ?? null }, id);
		if (!done) return fail(404, { token: { error: 'Token nicht gefunden oder schon widerrufen.' } });
		return { token: { revoked: true } };
	},

	revokeSession: async ({ locals, request }) => {
		const user = requireUser(locals);
		const id = String((await request.formData()).get('id') ?? '');
		if (id === locals.session?.id) return fail(400, { session: { error: 'Die aktuelle Sitzung beenden Sie mit „Abmelden“.' } });
		await sql.begin(async (tx) => {
			if (await deleteUserSession(tx, user.id, id)) {
				await appendAudit(tx, { action: 'session.revoked', actorUser: user.id, actorOrg: locals.org?.id ?? null });
			}
		});
		return { session: { done: true } };
	},

	revokeOtherSessions: async ({ locals }) => {
		const user = requireUser(locals);
		const ended = await sql.begin(async (tx) => {
			const n = await invalidateUserSessions(tx, user.id, locals.session?.id ?? null);
			await appendAudit(tx, { action: 'session.revoked', actorUser: user.id, actorOrg: locals.org?.id ?? null, data: { count: n } });
			return n;
		});
		return { session: { done: true, ended } };
	}
};
