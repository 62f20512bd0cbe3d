import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { endpoint } from '$lib/server/http/api';
import { notFound } from '$lib/server/auth/guard';
import { requirePlanner } from '$lib/server/mitnutzung/access';
import { findCheck } from '$lib/server/mitnutzung/repo';
import { mitnutzungJson } from '$lib/server/mitnutzung/present';
import type { RequestHandler } from './$types';

/** GET → one of the organisation's checks; another organisation's is 404. */
export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const requester = requirePlanner(locals);
	const check = await findCheck(sql, requester.orgId, params.id);
	if (!check) notFound('Mitnutzungsprüfung');
	return json(mitnutzungJson(check, url.origin));
});
