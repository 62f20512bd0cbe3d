import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { endpoint } from '$lib/server/http/api';
import { notFound } from '$lib/server/auth/guard';
import { requireRequester } from '$lib/server/auskunft/access';
import { auskunftJson, ownAuskunft } from '$lib/server/auskunft/present';
import type { RequestHandler } from './$types';

/** GET → one of the org's own Auskünfte; another org's id is 404. */
export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const requester = requireRequester(locals);
	const a = await ownAuskunft(sql, params.id, requester.orgId);
	if (!a) notFound('Auskunft');
	return json(await auskunftJson(sql, a, url.origin));
});
