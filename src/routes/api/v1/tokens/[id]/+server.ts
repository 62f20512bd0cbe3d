import { requireUser, notFound } from '$lib/server/auth/guard';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/api';
import { withdrawApiToken } from '$lib/server/auth/api-token';

/** DELETE → revoke one of the caller's own tokens (204); a token of someone else is "not found". */
export const DELETE: RequestHandler = endpoint(async ({ locals, params }) => {
	const user = requireUser(locals);
	if (!(await withdrawApiToken({ userId: user.id, orgId: locals.org?.id ?? null }, params.id))) notFound('Token');
	return new Response(null, { status: 204 });
});
