import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { endpoint } from '$lib/server/http/api';

/** GET → who the caller is, in which organisation, with which roles (a first call for any client). */
export const GET = endpoint(async ({ locals }) => {
	const user = requireUser(locals);
	return json({
		user: { id: user.id, name: user.name, email: user.email },
		org: locals.org,
		authVia: locals.authVia
	});
});
