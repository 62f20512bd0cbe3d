import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { endpoint } from '$lib/server/http/api';
import { notFound } from '$lib/server/auth/guard';
import { requireActor, viewable } from '$lib/server/baustellen/access';
import { conflictsJson } from '$lib/server/baustellen/present';
import type { RequestHandler } from './$types';

/** GET → the stored conflicts, moratoria, frost warnings and co-laying chances of the Baustelle. */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const actor = requireActor(locals);
	const v = await viewable(sql, actor, params.id);
	if (!v) notFound('Baustelle');
	const items = await conflictsJson(sql, v.baustelle);
	return json({ baustelle: { id: v.baustelle.id, number: v.baustelle.number }, items, blocking: items.some((i) => i.blocking) });
});
