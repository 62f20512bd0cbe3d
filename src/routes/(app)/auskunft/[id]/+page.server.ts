import { sql } from '$lib/server/db';
import { notFound } from '$lib/server/auth/guard';
import { requireRequester } from '$lib/server/auskunft/access';
import { auskunftJson, ownAuskunft } from '$lib/server/auskunft/present';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const requester = requireRequester(locals);
	const a = await ownAuskunft(sql, params.id, requester.orgId);
	if (!a) notFound('Auskunft');
	return { auskunft: await auskunftJson(sql, a, url.origin), site: a.site };
};
