import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { endpoint, readJson, apiErrorResponse } from '$lib/server/http/api';
import { requireRole, requireVerifiedOrg } from '$lib/server/auth/guard';
import { berlinDate } from '$lib/server/auskunft/rules';
import { createMoratorium, getMoratorium, listMoratoria, parseMoratorium } from '$lib/server/baustellen/moratoria';
import { moratoriumJson } from '$lib/server/baustellen/present-moratorium';
import type { RequestHandler } from './$types';

/** GET → the road authority's Aufbruchsperren (proposed, active, lifted). */
export const GET: RequestHandler = endpoint(async ({ locals }) => {
	const { org } = requireRole(locals, 'kommune');
	requireVerifiedOrg(locals);
	return json({ items: (await listMoratoria(sql, org.id)).map(moratoriumJson) });
});

/** POST `{ title, street?, area? (Polygon 4326), validFrom?, validUntil, legalBasis?, mode: warnung|sperre, exemptions[] }` → 201. */
export const POST: RequestHandler = endpoint(async ({ locals, request }) => {
	const { user, org } = requireRole(locals, 'kommune');
	requireVerifiedOrg(locals);
	const parsed = parseMoratorium((await readJson(request)) as Record<string, unknown>, berlinDate(now()));
	if (!parsed.ok) return apiErrorResponse(422, 'validation', 'Die Aufbruchsperre ist unvollständig oder fehlerhaft.', parsed.problems);
	const at = now();
	const id = await sql.begin((tx) => createMoratorium(tx, { userId: user.id, orgId: org.id }, parsed.value, at));
	return json(moratoriumJson((await getMoratorium(sql, id))!), { status: 201 });
});
