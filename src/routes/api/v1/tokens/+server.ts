import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { endpoint, RateLimitedError, readFields, apiErrorResponse } from '$lib/server/http/api';
import { checkLogin } from '$lib/server/auth/login';
import { clientInfo } from '$lib/server/auth/browser';
import { requireUser } from '$lib/server/auth/guard';
import { issueApiToken, listApiTokens, validateTokenLabel } from '$lib/server/auth/api-token';
import { findOrgContext } from '$lib/server/accounts/repo';

/** POST { email, password, label } (JSON or form) → 201 { token } — the one way for a script to get a token without the UI. */
export const POST = endpoint(async (event) => {
	const fields = await readFields(event.request);
	const email = fields.email?.trim() ?? '';
	const password = fields.password ?? '';
	const label = fields.label?.trim() ?? '';
	const details: { field: string; message: string }[] = [];
	if (!email) details.push({ field: 'email', message: 'E-Mail-Adresse fehlt.' });
	if (!password) details.push({ field: 'password', message: 'Passwort fehlt.' });
	const labelProblem = validateTokenLabel(label);
	if (labelProblem) details.push({ field: 'label', message: labelProblem });
	if (details.length) return apiErrorResponse(400, 'validation', 'Bitte E-Mail, Passwort und Bezeichnung angeben.', details);

	const info = clientInfo(event);
	const result = await checkLogin({ email, password, ...info, via: 'token' });
	if (!result.ok && result.reason === 'rate_limited') throw new RateLimitedError(result.retryAfter);
	if (!result.ok) return apiErrorResponse(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.');
	const org = await findOrgContext(sql, result.user.id);
	const { token, apiToken } = await issueApiToken({ userId: result.user.id, orgId: org?.id ?? null }, label, info);
	return json({ token, id: apiToken.id, label: apiToken.label, createdAt: apiToken.createdAt }, { status: 201 });
});

/** GET → the caller's tokens (never their secrets). */
export const GET = endpoint(async ({ locals }) => {
	const user = requireUser(locals);
	const tokens = await listApiTokens(sql, user.id);
	return json({ items: tokens });
});
